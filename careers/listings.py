"""Queries of the listings, shared by the index pages and profession pages."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q
from wagtail.models import Page

from careers.occurrences import Occurrence
from core.sites import on_sites

# Listings and their .ics look a year ahead; a course's own page shows all its dates.
HORIZON = timedelta(days=366)


@dataclass
class ListedOccurrence:
    page: object
    occurrence: Occurrence
    trust: object = None


def place_filters(queryset, filters, directory):
    if "hospital" in filters:
        queryset = on_sites(queryset, directory.paths(trust_slug=filters["hospital"]))
    if "region" in filters:
        queryset = on_sites(queryset, directory.paths(region_slug=filters["region"]))
    return queryset


def filter_jobs(queryset, filters, directory):
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
    return place_filters(queryset, filters, directory)


def filter_activities(queryset, filters, directory):
    if "q" in filters:
        words = filters["q"]
        queryset = queryset.filter(
            Q(title__icontains=words) | Q(summary__icontains=words) | Q(organiser__icontains=words)
        )
    if "kind" in filters:
        queryset = queryset.filter(audience=filters["kind"])
    return place_filters(queryset, filters, directory)


def private_q():
    """Pages in private sections; like `.public()`, but one query for all the listings."""
    return Page.objects.all().private_q()


def upcoming_activities(querysets, today, directory=None, limit=None, private=None):
    """Upcoming occurrences of the live, public pages of `querysets`, soonest first.

    One query per queryset (and one for `private` unless given); dates expand in Python.
    """
    private = private_q() if private is None else private
    until = today + HORIZON
    items = []
    for queryset in querysets:
        pages = queryset.live().exclude(private).filter(last_day__gte=today, first_day__lte=until)
        for page in pages.select_related("locale"):
            trust = directory.trust_for(page) if directory else None
            items += [
                ListedOccurrence(page, occurrence, trust)
                for occurrence in page.upcoming_occurrences(today)
                if occurrence.day <= until
            ]
    items.sort(key=lambda item: (item.occurrence.start, item.page.title))
    return items[:limit] if limit else items
