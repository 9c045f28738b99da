""" "Did you mean": near misses of the words in the titles a search can find, offered when
nothing is found. The database backend has no spelling suggestions, so titles are the
dictionary, kept by the vocabulary task (search/vocabulary.py).
"""

import difflib

from core.text import fold
from search.vocabulary import MIN_WORD_LENGTH, vocabulary

CUTOFF = 0.75


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
