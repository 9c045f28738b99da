"""A–Å listings: Norwegian alphabetical order and the letter filter."""

from django import forms
from django.utils.translation import gettext_lazy as _

ALPHABET = list("ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ")
_ORDER = {letter: index for index, letter in enumerate(ALPHABET)}


def first_letter(title):
    letter = (title or "?")[:1].upper()
    return letter if letter in _ORDER else "#"


def norwegian_key(title):
    """Sort key placing Æ, Ø, Å after Z, as Norwegian readers expect."""
    return [(_ORDER.get(char, -1 if char.isdigit() else 99), char) for char in title.upper()]


class AtoZFilterForm(forms.Form):
    """Category and first letter from the query string; invalid values are reported."""

    category = forms.ChoiceField(label=_("Category"), required=False)
    letter = forms.ChoiceField(
        label=_("First letter"),
        required=False,
        choices=[("", _("All"))] + [(letter, letter) for letter in ALPHABET],
    )

    def __init__(self, data, categories):
        super().__init__(data)
        self.fields["category"].choices = [("", _("All categories"))] + [
            (category.slug, category.name) for category in categories
        ]

    def selected(self):
        """(category_slug, letter) of the valid filters; invalid ones are ignored."""
        if self.is_valid():
            return self.cleaned_data["category"], self.cleaned_data["letter"]
        valid = {name: self.cleaned_data.get(name, "") for name in ("category", "letter")}
        return valid["category"], valid["letter"]


def group_by_letter(items, title):
    groups = {}
    for item in sorted(items, key=lambda item: norwegian_key(title(item))):
        groups.setdefault(first_letter(title(item)), []).append(item)
    return [{"letter": letter, "items": members} for letter, members in groups.items()]
