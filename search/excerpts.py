"""A short piece of a result's text around the first matching word, matches in <mark>."""

import html

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from core.text import WORD, fold

EXCERPT_LENGTH = 220
# Norwegian inflects by ending: "behandlingen" and "behandlinger" share "behandling".
# Highlighting (not matching) compares words by this many leading letters at most.
STEM_LENGTH = 6
MIN_HIGHLIGHT = 3


def _stem(word):
    folded = fold(word)
    return folded[: max(STEM_LENGTH, len(folded) - 3)] if len(folded) > STEM_LENGTH else folded


def _stems(terms):
    # One- and two-letter words ("i", "mr") would mark every word starting with them.
    return {_stem(term) for term in terms if len(term) >= MIN_HIGHLIGHT}


def _matches(word, stems):
    folded = fold(word)
    return any(folded.startswith(stem) for stem in stems)


def plain_text(value):
    """Rich text or plain text as one line of plain text (entities decoded: it is escaped
    again when shown)."""
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())


def excerpt(text, terms):
    """HTML: up to EXCERPT_LENGTH characters around the first match, matches highlighted."""
    text = plain_text(text)
    if not text:
        return ""
    stems = _stems(terms)
    words = list(WORD.finditer(text))
    first = next((m for m in words if _matches(m.group(), stems)), None)
    start = 0
    if first is not None and first.start() > EXCERPT_LENGTH // 2:
        # Start at a word boundary some way before the match, so it reads as a sentence.
        start = text.rfind(" ", 0, first.start() - EXCERPT_LENGTH // 3) + 1
    prefix = "… " if start else ""
    return mark_safe(prefix + _mark(Truncator(text[start:]).chars(EXCERPT_LENGTH), stems))


def _mark(text, stems):
    """Escaped `text` with the words matching `stems` wrapped in <mark>."""
    parts = []
    position = 0
    for match in WORD.finditer(text):
        if _matches(match.group(), stems):
            parts.append(escape(text[position : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    parts.append(escape(text[position:]))
    return "".join(parts)


def highlight(title, terms):
    """The title with matching words in <mark>, escaped."""
    return mark_safe(_mark(title, _stems(terms)))
