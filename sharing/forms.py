from django import forms
from django.utils.translation import gettext_lazy as _

from sharing.models import NOTE_MAX_LENGTH


class ShareForm(forms.Form):
    """Language and an optional note; deliberately nothing that identifies the patient."""

    language = forms.ChoiceField(label=_("Language"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Personal note (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Plain text, at most 500 characters. Do not write the patient's name, national "
            "identity number or anything else that identifies them."
        ),
    )

    def __init__(self, *args, translations, **kwargs):
        super().__init__(*args, **kwargs)
        self.translations = {page.locale.language_code: page for page in translations}
        self.fields["language"].choices = [
            (code, page.locale.get_display_name()) for code, page in self.translations.items()
        ]
        self.fields["language"].error_messages["invalid_choice"] = _(
            "This page is not published in that language."
        )

    def clean_note(self):
        return self.cleaned_data["note"].strip()

    @property
    def chosen_page(self):
        return self.translations[self.cleaned_data["language"]]
