"""LIX (läsbarhetsindex, Björnsson 1968): the readability index used for Scandinavian text.

    LIX = words / sentences + 100 × long words / words

No maintained Python library computes it for Norwegian with stated rules (textstat's `lix`
splits sentences on every full stop, so "f.eks." ends a sentence), so the rules are written
here and tested on known texts (tests/test_readability.py):

- a *word* is a run of letters or digits; a hyphen or apostrophe between two of them joins
  them ("tarm-kreft" is one word);
- a *long word* has more than six characters;
- the index is rounded half up to a whole number;
- a *sentence* ends at ". ", "! ", "? " or ": " followed by a capital letter or a digit, at
  the end of the text, and at the end of a block of HTML (paragraph, list item, heading, table
  cell): an item of a list is a sentence even without a full stop, and "f.eks. ved" is not
  two sentences.

Nothing here touches the database. `ReadabilityPanel` shows the figures in the edit form.
"""

import math
import re

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

# Block elements end a sentence; inline markup (<a>, <b>, <i>) does not.
_BLOCK_END = re.compile(r"</?(?:p|li|h[1-6]|td|th|div|br|ul|ol|tr|blockquote)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# A terminator followed by space and a capital or digit; the end of each block is added below.
_SENTENCE_END = re.compile(r"[.!?:]+(?=\s+[\dA-ZÆØÅÁČĐŊŠŦŽ])")
_BLOCK_SEPARATOR = "\n\n"
LONG_WORD = 6

# Target for patient information (Språkrådet's klarspråk advice for text to the public):
# under 40, "easy". The bands are the usual ones for LIX.
TARGET = 40
BANDS = [
    (30, _("very easy")),
    (40, _("easy")),
    (50, _("medium")),
    (60, _("difficult")),
    (None, _("very difficult")),
]


def _blocks(text):
    plain = _TAG.sub(" ", _BLOCK_END.sub(_BLOCK_SEPARATOR, text or ""))
    plain = plain.replace("&nbsp;", " ")
    return [block for block in plain.split(_BLOCK_SEPARATOR) if WORD.search(block)]


def counts(*texts):
    """(words, long words, sentences) of the texts (HTML or plain), each its own block."""
    words = long_words = sentences = 0
    for text in texts:
        for block in _blocks(text):
            found = WORD.findall(block)
            words += len(found)
            long_words += sum(1 for word in found if len(word) > LONG_WORD)
            sentences += 1 + len(_SENTENCE_END.findall(block.strip()))
    return words, long_words, sentences


def lix(*texts):
    """LIX of the texts together, rounded half up to a whole number; None without words."""
    words, long_words, sentences = counts(*texts)
    if not words:
        return None
    return math.floor(words / sentences + 100 * long_words / words + 0.5)


def band(value):
    """The readability band of a LIX value ("easy", "difficult" …); "" for None."""
    if value is None:
        return ""
    return next(label for limit, label in BANDS if limit is None or value < limit)


def on_target(value):
    return value is not None and value < TARGET


class ReadabilityPanel(Panel):
    """The LIX of each text field of the object being edited (as last saved, draft included),
    and of them together, with the target band: shown in the form next to the texts."""

    def __init__(self, field_names, **kwargs):
        super().__init__(**kwargs)
        self.field_names = field_names

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "field_names": self.field_names}

    @property
    def clean_name(self):
        return super().clean_name or "readability"

    class BoundPanel(Panel.BoundPanel):
        template_name = "core/panels/readability.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            model = type(self.instance)
            rows = []
            texts = []
            for name in self.panel.field_names:
                text = getattr(self.instance, name, "") or ""
                value = lix(text)
                if value is not None:
                    texts.append(text)
                    label = model._meta.get_field(name).verbose_name
                    rows.append((label, value, band(value), on_target(value)))
            total = lix(*texts)
            context.update(
                rows=rows,
                total=total,
                total_band=band(total),
                total_on_target=on_target(total),
                target=TARGET,
            )
            return context
