from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    """Wagtail's login form, whose password field has no label of its own: Django then shows
    the field's name, "Password", in English on the Norwegian login page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )

    def __init__(self, *args, verify, **kwargs):
        super().__init__(*args, **kwargs)
        self.verify = verify

    def clean_token(self):
        token = "".join(self.cleaned_data["token"].split())
        self.device = self.verify(token)
        if self.device is None:
            raise forms.ValidationError(_("The code is wrong or has been used. Try again."))
        return token
