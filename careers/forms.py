"""Filter forms of the job listing and the calendar (parameter names: docs/open-data.md)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from careers.choices import Audience, PositionType

ALL = [("", _("All"))]


class FilterForm(forms.Form):
    """A GET form whose valid fields filter and whose invalid ones are shown and ignored."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    region = forms.ChoiceField(label=_("Region"), required=False)
    hospital = forms.ChoiceField(label=_("Hospital"), required=False)

    def __init__(self, data, directory, national=True):
        super().__init__(data)
        if national:
            regions = {
                trust.region.slug: trust.region for trust in directory.trusts if trust.region
            }
            self.fields["region"].choices = ALL + [
                (region.slug, region.name)
                for region in sorted(regions.values(), key=lambda r: (r.sort_order, r.name))
            ]
            self.fields["hospital"].choices = ALL + [
                (trust.slug, trust.name) for trust in directory.trusts
            ]
        else:
            del self.fields["region"]
            del self.fields["hospital"]

    def filters(self):
        """The values that passed validation; empty ones left out."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class JobFilterForm(FilterForm):
    profession = forms.ChoiceField(label=_("Profession"), required=False)
    type = forms.ChoiceField(
        label=_("Position type"), required=False, choices=ALL + PositionType.choices
    )

    def __init__(self, data, directory, professions, national=True):
        """`professions`: (slug, name) of the professions to offer."""
        super().__init__(data, directory, national)
        self.fields["profession"].choices = ALL + list(professions)


class ActivityFilterForm(FilterForm):
    kind = forms.ChoiceField(label=_("Audience"), required=False, choices=ALL + Audience.choices)
