"""Content locales: Bokmål (default, created by Wagtail), nynorsk, English, Northern Sami."""

from django.db import migrations

LANGUAGE_CODES = ["nb", "nn", "en", "se"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_load_registry"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
