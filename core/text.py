"""Text folding shared by indexing and search: what a patient types without Norwegian letters
still finds the page ("ostfold" finds "Østfold").

Nothing here touches the database, so the rules are cheap to test exhaustively.
"""

import re

from anyascii import anyascii
from django.utils.html import strip_tags
from django.utils.text import Truncator

# Letters and digits only: every operator character of FTS5 and tsquery falls outside a word.
WORD = re.compile(r"[^\W_]+")


def fold(text):
    """Lower case without diacritics, and the old "aa" spelling of "å" as "a".

    "Østfold" and "ostfold" both become "ostfold"; "Åsgård" and "Aasgaard" both "asgard".
    The same folding is applied to indexed titles (see `core.models.pages.BasePage`).
    """
    return anyascii(text or "").lower().replace("aa", "a")


def folded_words(text):
    return " ".join(WORD.findall(fold(text)))


# A–Å: Norwegian alphabetical order puts Æ, Ø and Å after Z (Unicode has Å, Æ, Ø).
ALPHABET = list("ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ")
_ORDER = {letter: index for index, letter in enumerate(ALPHABET)}


def first_letter(title):
    """The letter a title is listed under in an A–Å; "#" for digits and other characters."""
    letter = (title or "?")[:1].upper()
    return letter if letter in _ORDER else "#"


def norwegian_sort_key(title):
    """Sort key placing Æ, Ø, Å after Z, as Norwegian readers expect; digits first."""
    return [(_ORDER.get(char, -1 if char.isdigit() else 99), char) for char in title.upper()]


def group_by_letter(items, title):
    """[{"letter", "items"}] in A–Å order, each group's items sorted by `title(item)`."""
    groups = {}
    for item in sorted(items, key=lambda item: norwegian_sort_key(title(item))):
        groups.setdefault(first_letter(title(item)), []).append(item)
    return [{"letter": letter, "items": members} for letter, members in groups.items()]


DESCRIPTION_LENGTH = 160


def plain_description(text):
    """Text (or rich-text HTML) on one line, at most DESCRIPTION_LENGTH characters: a page's
    description for search engines and link previews."""
    return Truncator(" ".join(strip_tags(text or "").split())).chars(DESCRIPTION_LENGTH)
