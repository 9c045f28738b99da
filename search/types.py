"""The result types people filter by, and which page models belong to each."""

from dataclasses import dataclass
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from careers.models import CareersIndexPage, EducationPage, JobPage, ProfessionPage
from research.models import ResearchGroupPage, ResearchIndexPage
from treatments.models import TreatmentIndexPage, TreatmentPage
from trials.models import TrialIndexPage, TrialPage

OTHER = "andre"


@dataclass(frozen=True)
class ResultType:
    key: str
    label: str
    models: tuple

    @property
    def content_type_ids(self):
        return content_type_ids(self.models)


def content_type_ids(models):
    # Django caches content types per process: no query after the first request.
    return [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]


@cache
def result_types():
    """In the order shown. Courses and events serve patients as well as staff: "Andre sider"."""
    return (
        ResultType("behandlinger", _("Treatments"), (TreatmentPage, TreatmentIndexPage)),
        ResultType("kliniske-studier", _("Clinical trials"), (TrialPage, TrialIndexPage)),
        ResultType("forskning", _("Research"), (ResearchGroupPage, ResearchIndexPage)),
        ResultType("jobb", _("Jobs"), (JobPage, CareersIndexPage, EducationPage, ProfessionPage)),
        ResultType(OTHER, _("Other pages"), ()),
    )


def type_for_content_type(content_type_id):
    for result_type in result_types():
        if content_type_id in result_type.content_type_ids:
            return result_type
    return result_types()[-1]


def get_type(key):
    return next((t for t in result_types() if t.key == key), None)
