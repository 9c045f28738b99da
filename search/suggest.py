""" "Did you mean" and compound expansion from the vocabulary the task keeps (search/tasks.py).

The database backend has no spelling suggestions, so the titles a search can find are the
dictionary. A visitor's request only reads the stored rows (one query, then cached until the
next rebuild), never every title.
"""

import difflib
import hashlib
import json

from django.core.cache import cache

from core.text import fold
from search.models import Vocabulary
from search.tasks import MIN_WORD_LENGTH

VERSION_KEY = "search:vocabulary:version"
CUTOFF = 0.75
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


def did_you_mean(query, scope):
    """The query with each unknown word replaced by its nearest known word, or None."""
    words = vocabulary(scope)
    known = {fold(word) for word in words}
    corrected = []
    for term in query.terms:
        if len(term) < MIN_WORD_LENGTH or fold(term) in known:
            corrected.append(term)
            continue
        close = difflib.get_close_matches(term, words, n=1, cutoff=CUTOFF)
        corrected.append(close[0] if close else term)
    suggestion = " ".join(corrected)
    return suggestion if suggestion != query.text else None
