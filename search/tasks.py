"""Search indexing out of the editor's request: run by the task worker in production
(`manage.py db_worker`, docs/caching.md#work-after-publishing), at once in development and tests."""

from django_tasks import task
from wagtail.search.backends import get_search_backends

from search import vocabulary
from treatments.models import TreatmentPage


@task()
def reindex_treatment_pages(translation_key):
    """Local treatment pages are indexed with the national text they show (their language,
    else Bokmål): index every page of any translation of the treatment again."""
    pages = list(TreatmentPage.objects.filter(treatment__translation_key=translation_key))
    if pages:
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(TreatmentPage, pages)


@task()
def rebuild_vocabulary():
    """Enqueued on every publish and unpublish (search/signals.py), so that a visitor's
    search only reads the stored words (search/vocabulary.py)."""
    vocabulary.rebuild()
