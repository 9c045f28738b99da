""" "Did you mean": near misses of the words in the titles a search can find, offered when
nothing is found. The database backend has no spelling suggestions, so titles are the dictionary.
"""

import difflib
import hashlib

from django.core.cache import cache

from core.text import WORD, fold
from search.engine import scoped_pages
from treatments.models import Treatment

VERSION_KEY = "search:vocabulary:version"
MIN_WORD_LENGTH = 4
CUTOFF = 0.75
# A safety net for caches not shared between processes; publishing clears it at once.
TIMEOUT = 60 * 60


def _key(scope):
    where = "|".join(scope.root_paths) if scope.root_paths is not None else "*"
    digest = hashlib.sha256(f"{scope.is_portal}:{where}".encode()).hexdigest()[:16]
    return f"search:vocabulary:{cache.get(VERSION_KEY, 0)}:{scope.locale.pk}:{digest}"


def vocabulary(scope):
    """Distinct words of the titles of the pages (and national treatments) in the scope."""
    key = _key(scope)
    words = cache.get(key)
    if words is None:
        titles = list(scoped_pages(scope).values_list("title", flat=True))
        if scope.national_treatments:
            titles += (
                Treatment.objects.live().filter(locale=scope.locale).values_list("title", flat=True)
            )
        words = sorted(
            {
                word.lower()
                for title in titles
                for word in WORD.findall(title)
                if len(word) >= MIN_WORD_LENGTH and not word.isdigit()
            }
        )
        cache.set(key, words, TIMEOUT)
    return words


def forget_vocabulary():
    """Publishing changes titles: start a new generation of cached word lists."""
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
