"""Query text handling: cleaning, folding of Norwegian letters, and the query sent to Wagtail.

Nothing here touches the database, so the rules are cheap to test exhaustively.
"""

import re
from dataclasses import dataclass

from anyascii import anyascii
from wagtail.search.query import And, Or, PlainText

# A person types at most a sentence; longer input is cut, not refused.
MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
# Letters and digits only: every operator character of FTS5 and tsquery is dropped here.
WORD = re.compile(r"[^\W_]+")


def fold(text):
    """Lower case without diacritics, and the old "aa" spelling of "å" as "a".

    "Østfold" and "ostfold" both become "ostfold"; "Åsgård" and "Aasgaard" both "asgard".
    The same folding is applied to indexed titles (see `home.models.pages.BasePage`).
    """
    return anyascii(text or "").lower().replace("aa", "a")


def folded_words(text):
    return " ".join(WORD.findall(fold(text)))


@dataclass(frozen=True)
class CleanQuery:
    text: str
    terms: tuple
    truncated: bool

    def __bool__(self):
        return bool(self.terms)


def clean_query(raw):
    """The words of a query string: lower case, operators removed, length bounded."""
    raw = (raw or "").strip()
    truncated = len(raw) > MAX_QUERY_LENGTH
    words = [word.lower() for word in WORD.findall(raw[:MAX_QUERY_LENGTH])]
    if len(words) > MAX_TERMS:
        words, truncated = words[:MAX_TERMS], True
    return CleanQuery(text=" ".join(words), terms=tuple(words), truncated=truncated)


def alternatives(term, synonyms):
    """The term, its folded spelling and its synonyms; multi-word synonyms stay together."""
    found = [term]
    for candidate in (fold(term), *synonyms.get(fold(term), ())):
        if candidate and candidate not in found:
            found.append(candidate)
    return found


def build_query(query, synonyms, operator="and"):
    """Wagtail search query: each term OR its variants, the terms joined by `operator`."""
    parts = []
    for term in query.terms:
        variants = [PlainText(text, operator="and") for text in alternatives(term, synonyms)]
        parts.append(variants[0] if len(variants) == 1 else Or(variants))
    if len(parts) == 1:
        return parts[0]
    return And(parts) if operator == "and" else Or(parts)
