"""Search indexing out of the editor's request: run by the task worker in production
(`manage.py db_worker`, docs/caching.md#work-after-publishing), at once in development and tests."""

import json

from django.db import transaction
from django_tasks import task
from wagtail.models import Locale
from wagtail.search.backends import get_search_backends

from core.sites import ROOT_PATH_LENGTH
from core.text import WORD, fold
from search.compounds import MIN_PART, compound_map
from search.text import STOP_WORDS
from search.types import content_type_ids
from treatments.models import Treatment, TreatmentPage
from trials.models import TrialPage

# Words shorter than this are left out of "did you mean" (see search.suggest).
MIN_WORD_LENGTH = 4


@task()
def reindex_treatment_pages(translation_key):
    """Local treatment pages are indexed with the national text they show (their language,
    else Bokmål): index every page of any translation of the treatment again."""
    pages = list(TreatmentPage.objects.filter(treatment__translation_key=translation_key))
    if pages:
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(TreatmentPage, pages)


def _words(texts, min_length=MIN_WORD_LENGTH):
    return {
        word.lower()
        for text in texts
        for word in WORD.findall(text or "")
        if len(word) >= min_length and not word.isdigit()
    }


@task()
def rebuild_vocabulary():
    """The words of the titles search can find (per site root, trials, national treatments)
    and the compound map, stored in `search.models.Vocabulary` for every language. Enqueued
    on every publish and unpublish (search/signals.py), so a visitor's search only reads
    the stored rows."""
    from search.engine import all_searchable_pages
    from search.models import Vocabulary
    from search.suggest import forget_vocabulary

    trial_types = content_type_ids([TrialPage])
    rows = []
    for locale in Locale.objects.all():
        by_key = {}
        pages = all_searchable_pages(locale).values_list("title", "path", "content_type_id")
        for title, path, content_type_id in pages.iterator(chunk_size=5000):
            key = "trials" if content_type_id in trial_types else path[:ROOT_PATH_LENGTH]
            by_key.setdefault(key, []).append(title)
        treatments = (
            Treatment.objects.live()
            .filter(locale=locale)
            .select_related("category")
            .prefetch_related("diagnoses")
        )
        national, texts = [], []
        for treatment in treatments:
            national.append(treatment.title)
            texts += [treatment.summary, *(d.name for d in treatment.diagnoses.all())]
            texts.append(treatment.category.name if treatment.category else "")
        by_key["national"] = national
        for key, titles in by_key.items():
            rows.append(Vocabulary(locale=locale, key=key, words=" ".join(sorted(_words(titles)))))
        # Compound parts: every word of three letters or more of the titles, treatment
        # summaries, categories ("Hjerte og kar") and diagnosis names; stop words ("for",
        # "med") are no parts.
        known = _words([*(t for titles in by_key.values() for t in titles), *texts], MIN_PART)
        parts = {fold(word) for word in known if word not in STOP_WORDS}
        table = compound_map(known, parts)
        rows.append(Vocabulary(locale=locale, key="compounds", words=json.dumps(table)))
    with transaction.atomic():
        Vocabulary.objects.all().delete()
        Vocabulary.objects.bulk_create(rows)
    forget_vocabulary()
