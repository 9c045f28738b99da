"""The pages any search may show, shared by the search and the vocabulary it suggests from."""

from django.db.models import Exists
from wagtail.models import Page

from careers.models import JobPage
from core.sites import ROOT_DEPTH
from treatments.models import TreatmentPage
from treatments.models.local import shown_national_text


def all_searchable_pages(locale):
    """Every page any search in `locale` may show. Closed vacancies stay online for their
    links but leave search, as they leave listings; a local treatment page is not shown while
    its national text is unpublished."""
    pages = Page.objects.live().public().filter(locale=locale, depth__gte=ROOT_DEPTH)
    closed_jobs = JobPage.objects.exclude(pk__in=JobPage.objects.open().values("pk"))
    hidden_treatment_pages = TreatmentPage.objects.exclude(Exists(shown_national_text()))
    return pages.exclude(pk__in=closed_jobs.values("pk")).exclude(
        pk__in=hidden_treatment_pages.values("pk")
    )
