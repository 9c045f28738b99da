"""The moved models' tables get this app's names (home_region becomes core_region, …)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial"), ("home", "0007_move_site_models_to_core")]

    operations = [
        migrations.AlterModelTable(name=name, table=None)
        for name in ["Region", "HealthTrust", "NavigationMenu", "SiteSettings", "AlertSettings"]
    ]
