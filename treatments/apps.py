from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TreatmentsConfig(AppConfig):
    name = "treatments"
    verbose_name = _("National treatments")

    def ready(self):
        from core.tombstones import track
        from treatments.models import Treatment, TreatmentPage

        track(Treatment, "treatments")
        # A hospital's offer leaves the national treatment's detail (`offered_at`).
        track(TreatmentPage, "offers", parent_key=national_key)


def national_key(page):
    from treatments.models import Treatment

    return (
        Treatment.objects.filter(pk=page.treatment_id)
        .values_list("translation_key", flat=True)
        .first()
    )
