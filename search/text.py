"""Query text handling: cleaning, variants of each word, and the query sent to Wagtail.

Nothing here touches the database, so the rules are cheap to test exhaustively.
"""

from dataclasses import dataclass
from pathlib import Path

from wagtail.search.query import And, Or, PlainText

from core.text import WORD, fold, folded_words

# The stop words of PostgreSQL's (Snowball's) Norwegian configuration, Bokmål and Nynorsk.
STOP_WORDS = frozenset(
    (Path(__file__).parent / "data" / "norwegian.stop").read_text(encoding="utf-8").split()
)
# A person types at most a sentence; longer input is cut, not refused.
MAX_QUERY_LENGTH = 200
MAX_TERMS = 12


@dataclass(frozen=True)
class CleanQuery:
    text: str  # the words searched for, normalised
    terms: tuple
    truncated: bool
    shown: str = ""  # what the person typed (cut to the maximum length), for display

    def __bool__(self):
        return bool(self.terms)


def clean_query(raw):
    """The words of a query string: lower case, operators removed, length bounded.

    Norwegian stop words ("på", "og", "hvordan") are dropped unless nothing else is left:
    PostgreSQL ignores them, and SQLite would otherwise require them in every result.
    """
    raw = (raw or "").strip()
    truncated = len(raw) > MAX_QUERY_LENGTH
    words = [word.lower() for word in WORD.findall(raw[:MAX_QUERY_LENGTH])]
    words = [word for word in words if word not in STOP_WORDS] or words
    if len(words) > MAX_TERMS:
        words, truncated = words[:MAX_TERMS], True
    return CleanQuery(
        text=" ".join(words),
        terms=tuple(words),
        truncated=truncated,
        shown=raw[:MAX_QUERY_LENGTH].strip(),
    )


def alternatives(term, synonyms):
    """The term, its folded spelling and its synonyms; multi-word synonyms stay together.

    A folded spelling is kept to letters and digits (anyascii may turn a rare letter into
    punctuation) and is left out when it is a stop word: PostgreSQL drops "på" but not "pa",
    which would then be required.
    """
    found = [term]
    folded = folded_words(term)
    for candidate in (folded, *synonyms.get(fold(term), ())):
        if candidate and candidate not in found and candidate not in STOP_WORDS:
            found.append(candidate)
    return found


def build_query(query, synonyms, operator="and", compounds=None):
    """Wagtail search query: each term OR its variants, the terms joined by `operator`.

    With `compounds` ({folded part: [compounds]}, search/compounds.py), a term's variants
    include the compounds it or a synonym is part of: "kreft" also finds "brystkreft"."""
    parts = []
    for term in query.terms:
        found = alternatives(term, synonyms)
        for variant in list(found):
            found += [
                word for word in (compounds or {}).get(fold(variant), ()) if word not in found
            ]
        variants = [PlainText(text, operator="and") for text in found]
        parts.append(variants[0] if len(variants) == 1 else Or(variants))
    if len(parts) == 1:
        return parts[0]
    return And(parts) if operator == "and" else Or(parts)
