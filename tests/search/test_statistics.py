"""The "Search terms" statistics keep no personal data and are deleted after the retention."""

import datetime
import importlib
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from search.statistics import countable
from tests.helpers import get


@pytest.mark.parametrize(
    "text",
    [
        "ola nordmann 01017012345 hiv",
        "ola.nordmann@example.no",
        # Six digits in runs of two, in five words: caught by the digit count alone.
        "ring meg 22 11 88",
        "timebestilling 2024",
        "hvor lang tid tar det å bli frisk etter kneprotese",  # more than five words
        "",
    ],
)
def test_a_query_with_personal_data_or_many_words_is_not_counted(text):
    assert countable(text) is None


@pytest.mark.parametrize(
    ("text", "kept"),
    [("kneprotese", "kneprotese"), ("covid 19  vaksine", "covid 19 vaksine"), ("b12", "b12")],
)
def test_an_ordinary_query_is_counted(text, kept):
    assert countable(text) == kept


@pytest.mark.django_db
def test_the_search_page_stores_no_personal_data(client, bergen):
    for text in ("ola nordmann 01017012345 hiv", "ola@example.no", "kneprotese"):
        assert get(client, "/sok/", "helse-bergen", data={"q": text}).status_code == 200
    assert list(Query.objects.values_list("query_string", flat=True)) == ["kneprotese"]
    assert QueryDailyHits.objects.get().hits == 1


@pytest.mark.django_db
def test_the_command_deletes_statistics_older_than_the_retention(settings, bergen):
    settings.WAGTAILSEARCH_HITS_MAX_AGE = 90
    today = timezone.localdate()
    old, recent, promoted = (Query.get(text) for text in ("gammel", "ny", "besøk"))
    old.add_hit(date=today - datetime.timedelta(days=91))
    recent.add_hit(date=today - datetime.timedelta(days=90))
    recent.add_hit(date=today - datetime.timedelta(days=200))
    promoted.add_hit(date=today - datetime.timedelta(days=100))
    SearchPromotion.objects.create(query=promoted, page=bergen[2], sort_order=0)

    out = StringIO()
    call_command("delete_old_search_stats", stdout=out)

    cutoff = today - datetime.timedelta(days=90)
    assert out.getvalue().strip() == (
        f"Deleted 3 daily search count(s) from before {cutoff:%Y-%m-%d} (90-day retention) "
        "and 1 search term(s) with no count left."
    )
    assert sorted(Query.objects.values_list("query_string", flat=True)) == ["besøk", "ny"]
    assert list(QueryDailyHits.objects.values_list("query__query_string", "date")) == [
        ("ny", cutoff)
    ]


@pytest.mark.django_db
def test_the_migration_drops_terms_counted_before(bergen):
    personal, ordinary, promoted = (
        Query.get(text) for text in ("ola nordmann 01017012345 hiv", "kneprotese", "ring 113")
    )
    for query in (personal, ordinary, promoted):
        query.add_hit()
    SearchPromotion.objects.create(query=promoted, page=bergen[2], sort_order=0)
    migration = importlib.import_module("search.migrations.0003_scrub_search_statistics")
    migration.scrub(apps, None)
    assert sorted(Query.objects.values_list("query_string", flat=True)) == [
        "kneprotese",
        "ring 113",
    ]
    assert list(QueryDailyHits.objects.values_list("query__query_string", flat=True)) == [
        "kneprotese"
    ]
