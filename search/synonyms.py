"""The synonym lists as a lookup table, cached until an editor changes a list."""

from django.core.cache import cache

from core.text import fold
from search.models import Synonym, split_terms

CACHE_KEY = "search:synonyms"


def synonym_map():
    """{folded single word: [the other terms of its list]}; no query while cached."""
    table = cache.get(CACHE_KEY)
    if table is None:
        table = {}
        for row in Synonym.objects.values_list("terms", flat=True):
            terms = split_terms(row)
            for term in terms:
                if " " not in term:
                    table[fold(term)] = [other for other in terms if other != term]
        # Cleared when a list changes; the timeout covers caches not shared between processes.
        cache.set(CACHE_KEY, table, 5 * 60)
    return table


def forget_synonyms():
    cache.delete(CACHE_KEY)
