"""Search terms counted before search/statistics.py: drop those it would not have counted."""

from django.db import migrations

from search.statistics import countable


def scrub(apps, schema_editor):
    Query = apps.get_model("wagtailsearchpromotions", "Query")
    QueryDailyHits = apps.get_model("wagtailsearchpromotions", "QueryDailyHits")
    personal = [
        query.pk
        for query in Query.objects.only("query_string").iterator()
        if countable(query.query_string) is None
    ]
    QueryDailyHits.objects.filter(query_id__in=personal).delete()
    # A term with a national promotion was written by an editor: it stays, without counts.
    Query.objects.filter(pk__in=personal, editors_picks__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_site_promotion"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(scrub, migrations.RunPython.noop)]
