"""The patient's journey: which stages a treatment's text is organised in, by kind."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    TREATMENT = "behandling", _("Treatment")
    EXAMINATION = "undersokelse", _("Examination")
    PROGRAMME = "behandlingsprogram", _("Treatment programme")


STAGE_LABELS = {
    "referral": _("Referral and assessment"),
    "investigation": _("Investigation"),
    "therapy": _("Treatment"),
    "follow_up": _("Follow-up"),
    "before": _("Before"),
    "during": _("During"),
    "after": _("After"),
}
PROGRAMME_STAGES = ["referral", "investigation", "therapy", "follow_up"]
SINGLE_STAGES = ["referral", "before", "during", "after"]
STAGE_KEYS = list(STAGE_LABELS)


def stages_for(kind):
    return PROGRAMME_STAGES if kind == Kind.PROGRAMME else SINGLE_STAGES


def kinds_using(stage):
    return [kind for kind in Kind if stage in stages_for(kind)]
