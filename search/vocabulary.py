"""The words search knows, stored in `search.models.Vocabulary` by the task enqueued on every
publish (search/tasks.py) and read by a visitor's search: one query, then cached until the next
rebuild, never every title. See docs/search.md#vocabulary.
"""

import hashlib
import json

from django.core.cache import cache
from django.db import transaction
from wagtail.models import Locale

from core.sites import ROOT_PATH_LENGTH
from core.text import WORD, fold
from search.compounds import MIN_PART, compound_map
from search.models import Vocabulary
from search.pages import all_searchable_pages
from search.text import STOP_WORDS
from search.types import content_type_ids
from treatments.models import Treatment
from trials.models import TrialPage

# Words shorter than this are left out of "did you mean".
MIN_WORD_LENGTH = 4
VERSION_KEY = "search:vocabulary:version"
# A safety net for caches not shared between processes; a rebuild clears it at once.
TIMEOUT = 60 * 60


def _key(scope, kind):
    where = "|".join(scope.root_paths) if scope.root_paths is not None else "*"
    digest = hashlib.sha256(f"{scope.is_portal}:{where}".encode()).hexdigest()[:16]
    return f"search:{kind}:{cache.get(VERSION_KEY, 0)}:{scope.locale.pk}:{digest}"


def vocabulary(scope):
    """Distinct words of the titles of the pages (and national treatments) in the scope:
    the stored words of the scope's site roots, the trials and, on the portal, the national
    treatments."""
    key = _key(scope, "vocabulary")
    words = cache.get(key)
    if words is None:
        rows = Vocabulary.objects.filter(locale_id=scope.locale.pk).exclude(key="compounds")
        if scope.root_paths is not None:
            rows = rows.filter(key__in=[*scope.root_paths, "trials"])
        elif not scope.national_treatments:
            rows = rows.exclude(key="national")
        words = sorted(
            {word for text in rows.values_list("words", flat=True) for word in text.split()}
        )
        cache.set(key, words, TIMEOUT)
    return words


def compounds(locale):
    """{folded part: [compounds of it]} in the locale (search/compounds.py)."""
    key = f"search:compounds:{cache.get(VERSION_KEY, 0)}:{locale.pk}"
    table = cache.get(key)
    if table is None:
        stored = Vocabulary.objects.filter(locale_id=locale.pk, key="compounds").first()
        table = json.loads(stored.words) if stored else {}
        cache.set(key, table, TIMEOUT)
    return table


def forget_vocabulary():
    """A rebuilt vocabulary: start a new generation of cached word lists."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


def _words(texts, min_length=MIN_WORD_LENGTH):
    return {
        word.lower()
        for text in texts
        for word in WORD.findall(text or "")
        if len(word) >= min_length and not word.isdigit()
    }


def rebuild():
    """The words of the titles search can find (per site root, trials, national treatments)
    and the compound map, stored for every language; run by the task (search/tasks.py)."""
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
