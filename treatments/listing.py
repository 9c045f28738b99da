"""The A–Å listing's filter form (the alphabet and its order are in `core.text`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.text import ALPHABET


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
