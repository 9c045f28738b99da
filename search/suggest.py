""" "Did you mean": near misses of the words in live titles, offered when nothing is found.

The database backend has no spelling suggestions, so the titles' words are the dictionary.
"""

import difflib

from django.core.cache import cache
from wagtail.models import Page

from search.text import WORD, fold
from treatments.models import Treatment

CACHE_KEY = "search:vocabulary:{locale}"
MIN_WORD_LENGTH = 4
CUTOFF = 0.75


def vocabulary(locale):
    """Distinct words of live page and national treatment titles in the locale (cached)."""
    key = CACHE_KEY.format(locale=locale.pk)
    words = cache.get(key)
    if words is None:
        titles = list(Page.objects.live().filter(locale=locale).values_list("title", flat=True))
        titles += Treatment.objects.live().filter(locale=locale).values_list("title", flat=True)
        words = sorted(
            {
                word.lower()
                for title in titles
                for word in WORD.findall(title)
                if len(word) >= MIN_WORD_LENGTH and not word.isdigit()
            }
        )
        cache.set(key, words, 60 * 60)
    return words


def forget_vocabulary(locale_ids):
    cache.delete_many([CACHE_KEY.format(locale=pk) for pk in locale_ids])


def did_you_mean(query, locale):
    """The query with each unknown word replaced by its nearest known word, or None."""
    words = vocabulary(locale)
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
