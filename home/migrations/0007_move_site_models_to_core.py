"""The registry and the site settings now belong to `core` (core 0001 takes over their tables
and content types); `home` forgets them without touching a row."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("home", "0006_alter_newspage_image_alt"),
        ("treatments", "0004_responsible_trust_in_core"),
        ("trials", "0002_trusts_in_core"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="SiteSettings"),
                migrations.DeleteModel(name="AlertSettings"),
                migrations.DeleteModel(name="NavigationMenu"),
                migrations.DeleteModel(name="HealthTrust"),
                migrations.DeleteModel(name="Region"),
            ]
        ),
    ]
