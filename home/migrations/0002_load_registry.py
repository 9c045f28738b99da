"""The registry of regions and trusts is reference data: every install has it."""

from django.db import migrations

from core.registry import sync_registry


def load_registry(apps, schema_editor):
    sync_registry(apps.get_model("home", "Region"), apps.get_model("home", "HealthTrust"))


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]

    operations = [migrations.RunPython(load_registry, migrations.RunPython.noop)]
