from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import HealthTrust, Region
from search.text import clean_query
from search.types import get_type, result_types


class SearchForm(forms.Form):
    """The query string of /sok/. Nothing here is required and nothing invalid stops a search:
    an unknown type, hospital or region is reported and ignored, a long query is shortened."""

    q = forms.CharField(label=_("Search"), required=False, strip=True)
    type = forms.ChoiceField(label=_("Type"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    hospital = forms.ChoiceField(label=_("Hospital"), required=False)

    def __init__(self, data, *, is_portal):
        super().__init__(data)
        any_choice = [("", _("All"))]
        self.fields["type"].choices = any_choice + [(t.key, t.label) for t in result_types()]
        if is_portal:
            self.fields["region"].choices = any_choice + [
                (r.slug, r.name) for r in Region.objects.all()
            ]
            self.fields["hospital"].choices = any_choice + [
                (t.slug, t.name) for t in HealthTrust.objects.with_site()
            ]
        else:
            del self.fields["region"]
            del self.fields["hospital"]

    def valid(self):
        """(query, result type, region slug, hospital slug) from the fields that validated."""
        self.is_valid()
        data = self.cleaned_data
        return (
            clean_query(data.get("q")),
            get_type(data.get("type")),
            data.get("region") or None,
            data.get("hospital") or None,
        )
