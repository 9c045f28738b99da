"""Queries of the listings, shared by the index pages and profession pages."""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q

from careers.occurrences import Occurrence


@dataclass
class ListedOccurrence:
    page: object
    occurrence: Occurrence
    trust: object = None


def under_paths(queryset, paths):
    """Pages below any of the given tree paths (site roots)."""
    if not paths:
        return queryset.none()
    return queryset.filter(reduce(or_, (Q(url_path__startswith=path) for path in paths)))


def place_filters(queryset, filters, trust_map):
    if "hospital" in filters:
        queryset = under_paths(queryset, [trust_map.root_path(filters["hospital"])])
    if "region" in filters:
        queryset = under_paths(queryset, trust_map.region_paths(filters["region"]))
    return queryset


def filter_jobs(queryset, filters, trust_map):
    if "q" in filters:
        words = filters["q"]
        queryset = queryset.filter(
            Q(title__icontains=words)
            | Q(summary__icontains=words)
            | Q(department__icontains=words)
            | Q(location__icontains=words)
            | Q(profession__name__icontains=words)
        )
    if "profession" in filters:
        queryset = queryset.filter(profession__slug=filters["profession"])
    if "type" in filters:
        queryset = queryset.filter(position_type=filters["type"])
    return place_filters(queryset, filters, trust_map)


def filter_activities(queryset, filters, trust_map):
    if "q" in filters:
        words = filters["q"]
        queryset = queryset.filter(
            Q(title__icontains=words) | Q(summary__icontains=words) | Q(organiser__icontains=words)
        )
    if "kind" in filters:
        queryset = queryset.filter(audience=filters["kind"])
    return place_filters(queryset, filters, trust_map)


def upcoming_activities(querysets, today, trust_map=None, limit=None):
    """Upcoming occurrences of the live pages of `querysets`, soonest first.

    One query per queryset; the dates are expanded in Python.
    """
    items = []
    for queryset in querysets:
        for page in queryset.live().public().filter(last_day__gte=today).select_related("locale"):
            trust = trust_map.for_page(page) if trust_map else None
            items += [
                ListedOccurrence(page, occurrence, trust)
                for occurrence in page.upcoming_occurrences(today)
            ]
    items.sort(key=lambda item: (item.occurrence.start, item.page.title))
    return items[:limit] if limit else items
