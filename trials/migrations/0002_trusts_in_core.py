"""HealthTrust moved to `core` (core 0001): the trusts' columns and the participation table
are unchanged. Contact phones are checked as every other phone number is."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

import core.validators


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("trials", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="trialpage",
                    name="participating_trusts",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        help_text="Other trusts taking part; the responsible trust is this site's.",
                        related_name="participating_trials",
                        to="core.healthtrust",
                        verbose_name="participating trusts",
                    ),
                ),
                migrations.AlterField(
                    model_name="trialpage",
                    name="responsible_trust",
                    field=models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="responsible_trials",
                        to="core.healthtrust",
                        verbose_name="responsible trust",
                    ),
                ),
            ]
        ),
        migrations.AlterField(
            model_name="trialpage",
            name="contact_phone",
            field=models.CharField(
                blank=True,
                max_length=30,
                validators=[core.validators.validate_phone],
                verbose_name="contact phone",
            ),
        ),
    ]
