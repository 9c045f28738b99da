"""Filters the admin's reports share: the site (by its trust) of the rows."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from core.models import HealthTrust


def trust_filter(method="filter_site"):
    return django_filters.ModelChoiceFilter(
        label=_("Site"),
        queryset=HealthTrust.objects.with_site().order_by("name"),
        method=method,
        empty_label=_("All sites"),
    )


class SiteFilterSet(WagtailFilterSet):
    """A "site" filter for page querysets annotated with their trust (`core.sites.with_trust`)."""

    site = trust_filter()

    def filter_site(self, queryset, name, value):
        return queryset.filter(trust_id=value.pk)
