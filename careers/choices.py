"""Fixed choices of jobs and courses, shared by the models, the filter forms and the API."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PositionType(models.TextChoices):
    PERMANENT = "fast", _("Permanent")
    SUBSTITUTE = "vikariat", _("Substitute")
    FIXED_TERM = "engasjement", _("Fixed-term")
    SUMMER = "sommerjobb", _("Summer job")


class Audience(models.TextChoices):
    HEALTH_PERSONNEL = "helsepersonell", _("Health personnel")
    PATIENTS = "pasienter-og-parorende", _("Patients and relatives")
    STUDENTS = "studenter", _("Students")
    EVERYONE = "alle", _("Everyone")
