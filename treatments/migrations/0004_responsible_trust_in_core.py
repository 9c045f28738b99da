"""HealthTrust moved to `core` (core 0001); the column and its rows are unchanged."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("treatments", "0003_contact_cards_and_locations"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="treatment",
                    name="responsible_trust",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="core.healthtrust",
                        verbose_name="responsible trust",
                    ),
                ),
            ]
        ),
    ]
