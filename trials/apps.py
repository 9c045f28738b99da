from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrialsConfig(AppConfig):
    name = "trials"
    verbose_name = _("Clinical trials")

    def ready(self):
        from core.tombstones import track
        from trials.models import TrialPage

        track(TrialPage, "trials")
