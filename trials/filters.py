"""The trial listing's filters, shared by the pages and the open-data API."""

from django import forms
from django.db.models import Count, F, Value
from django.utils.translation import gettext_lazy as _

from core.models import HealthTrust, Region
from treatments.models import Category, Treatment
from treatments.validators import validate_icd10
from trials.status import Status

FACETS = {
    "status": "recruitment_status",
    "category": "categories__slug",
    "region": "responsible_trust__region__slug",
    "hospital": "responsible_trust__slug",
    "participating": "participating_trusts__slug",
    "treatment": "treatments__slug",
}


class TrialFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("Status"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    hospital = forms.ChoiceField(label=_("Responsible hospital"), required=False)
    participating = forms.ChoiceField(label=_("Participating hospital"), required=False)
    treatment = forms.ChoiceField(label=_("Related treatment"), required=False)
    icd10 = forms.CharField(label=_("ICD-10 code"), required=False, max_length=8)

    def __init__(self, data, locale):
        super().__init__(data)
        any_choice = [("", _("All"))]
        trusts = [(t.slug, t.name) for t in HealthTrust.objects.all()]
        self.fields["status"].choices = any_choice + list(Status.choices)
        self.fields["category"].choices = any_choice + [
            (c.slug, c.name) for c in Category.objects.filter(locale=locale)
        ]
        self.fields["region"].choices = any_choice + [
            (r.slug, r.name) for r in Region.objects.all()
        ]
        self.fields["hospital"].choices = any_choice + trusts
        self.fields["participating"].choices = any_choice + trusts
        self.fields["treatment"].choices = any_choice + [
            (t.slug, t.title) for t in Treatment.objects.live().filter(locale=locale)
        ]

    def clean_icd10(self):
        code = self.cleaned_data["icd10"].strip().upper()
        if code:
            validate_icd10(code)
        return code

    def valid_filters(self):
        """The filters that validated; an invalid one is reported and ignored."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


def apply_filters(trials, filters, skip=None):
    """Narrow a queryset annotated with `recruitment_status`; `skip` leaves out one facet."""
    ids = trials.model.objects.values("pk")
    for name, value in filters.items():
        if name == skip:
            continue
        if name == "q":
            trials = trials.filter(
                pk__in=ids.filter(title__icontains=value)
                | ids.filter(summary__icontains=value)
                | ids.filter(scientific_title__icontains=value)
                | ids.filter(eligibility__icontains=value)
            )
        elif name == "status":
            trials = trials.filter(recruitment_status=value)
        elif name == "icd10":
            trials = trials.filter(pk__in=ids.filter(diagnoses__icd10__startswith=value))
        elif name == "treatment":
            keys = Treatment.objects.filter(slug=value).values("translation_key")
            trials = trials.filter(pk__in=ids.filter(treatments__translation_key__in=keys))
        elif name in FACETS:
            trials = trials.filter(pk__in=ids.filter(**{FACETS[name]: value}))
    return trials


TOTAL = "total"


def facet_counts(trials, filters):
    """Per filter value, how many trials match when every other filter is applied, and under
    `TOTAL` how many match them all; one query (a UNION ALL of the groupings) for any number
    of facets and trials."""

    def grouped(facet, field, skip):
        return (
            apply_filters(trials, filters, skip=skip)
            .order_by()
            .values(facet=Value(facet), value=F(field) if field else Value(""))
            .annotate(n=Count("pk", distinct=True))
        )

    parts = [grouped(name, field, name) for name, field in FACETS.items()]
    parts.append(grouped(TOTAL, None, None))
    counts = {name: {} for name in FACETS}
    counts[TOTAL] = 0
    for row in parts[0].union(*parts[1:], all=True):
        if row["facet"] == TOTAL:
            counts[TOTAL] = row["n"]
        elif row["value"]:
            counts[row["facet"]][row["value"]] = row["n"]
    return counts
