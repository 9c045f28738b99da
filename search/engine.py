"""Site and national search on Wagtail's database backend, in a fixed number of queries.

One search request costs the same number of queries whether it finds 1 or 10,000 results:
counts per type come from one facet query, the page of results from one query plus one per
page type on that page, and everything shown beside a result (hospital, national text, trial
address) is loaded in bulk.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import Q
from django.utils import timezone
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Not
from wagtail.search.utils import normalise_query_string

from careers.models import JobPage
from core.sites import SiteDirectory, below, site_section
from core.text import fold
from search.excerpts import excerpt, highlight
from search.models import SitePromotion
from search.pages import all_searchable_pages
from search.synonyms import synonym_map
from search.text import alternatives, build_query
from search.types import OTHER, content_type_ids, result_types, type_for_content_type
from search.vocabulary import compounds
from treatments.models import Treatment, TreatmentIndexPage, TreatmentPage
from treatments.models.local import displayed_treatments
from trials.models import TrialIndexPage, TrialPage

PER_PAGE = 10
# National treatments shown above the page results on the portal's "all types" view.
NATIONAL_PREVIEW = 3
# Fields whose text describes a page best, in order of preference, for the excerpt.
SUMMARY_FIELDS = ("search_description", "summary", "short_description", "lead", "intro")


@dataclass
class Scope:
    """Where a search looks: one hospital's site, or the whole country (the portal)."""

    locale: object
    is_portal: bool
    site_id: int
    # Paths of the site roots searched (all translations); None means every site.
    root_paths: list | None
    # The current site's roots (for its listings and its promotions) and the portal's.
    own_root_paths: list = field(default_factory=list)
    portal_root_paths: list = field(default_factory=list)
    # Page -> site and trust, loaded once for the request (three queries).
    directory: SiteDirectory = None

    @property
    def national_treatments(self):
        """On the portal without a hospital filter, national treatments stand for the local
        treatment pages, which would otherwise repeat each treatment once per hospital."""
        return self.is_portal and self.root_paths is None


def build_scope(site, locale, hospital=None, region=None):
    """A hospital site searches its own tree; the portal every site, or the hospitals chosen
    by the `hospital` and `region` filters (both must hold when both are given)."""
    directory = SiteDirectory()
    portal = Site.objects.filter(is_default_site=True).first() or site
    searched = None
    if site.pk != portal.pk:
        searched = directory.site_paths(site)
    elif hospital or region:
        chosen = [set(directory.paths(trust_slug=hospital))] if hospital else []
        chosen += [set(directory.paths(region_slug=region))] if region else []
        searched = sorted(set.intersection(*chosen))
    return Scope(
        locale=locale,
        is_portal=site.pk == portal.pk,
        site_id=site.pk,
        root_paths=searched,
        own_root_paths=directory.site_paths(site),
        portal_root_paths=directory.site_paths(portal),
        directory=directory,
    )


def scoped_pages(scope):
    pages = all_searchable_pages(scope.locale)
    trial_pages = content_type_ids([TrialPage])
    if scope.root_paths is not None:
        where = below(scope.root_paths)
        if not scope.is_portal:
            # Every hospital site shows every trial (see trials.models.TrialIndexPage).
            where |= Q(content_type_id__in=trial_pages)
        pages = pages.filter(where)
    if scope.national_treatments:
        # The "Behandlinger" type is then the national treatments alone (see Scope).
        pages = pages.exclude(
            content_type_id__in=content_type_ids([TreatmentPage, TreatmentIndexPage])
        )
    return pages


class Tiered:
    """Search results in tiers as one sliceable list: the exact matches, then the pages only
    a compound of a query word finds ("kreft" -> "brystkreft"), so compounds always rank below
    exact matches. Each tier's total is known from the facet query (saves a count)."""

    def __init__(self, tiers):
        self.tiers = tiers  # [(search results, count)]

    def count(self):
        return sum(count for _results, count in self.tiers)

    def __getitem__(self, index):
        start, stop = index.start or 0, self.count() if index.stop is None else index.stop
        items, offset = [], 0
        for results, count in self.tiers:
            low, high = max(start - offset, 0), min(stop - offset, count)
            if low < high:
                items += list(results[low:high])
            offset += count
        return items


@dataclass
class Tier:
    query: object
    facets: dict  # content type id -> number of pages
    national: object = None  # national treatments found (portal), or None
    national_count: int = 0
    counts: dict = field(default_factory=dict)  # result type key -> number of results


@dataclass
class Outcome:
    counts: dict  # result type key -> number of results
    total: int
    page_obj: object = None
    results: list = field(default_factory=list)
    national: list = field(default_factory=list)
    national_count: int = 0
    promotions: list = field(default_factory=list)
    any_words: bool = False  # no page had every word; results have some of them


def _type_counts(facets, scope, national_count):
    counts = {result_type.key: 0 for result_type in result_types()}
    for content_type_id, number in facets.items():
        counts[type_for_content_type(content_type_id).key] += number
    if scope.national_treatments:
        counts["behandlinger"] += national_count
    return counts


def _type_filter(pages, result_type):
    if result_type.key == OTHER:
        others = [pk for t in result_types() if t.key != OTHER for pk in t.content_type_ids]
        return pages.exclude(content_type_id__in=others)
    return pages.filter(content_type_id__in=result_type.content_type_ids)


def _queries(query, synonyms, table, operator):
    """The exact query, then (when a query word is part of known compounds) the query for
    what only the compounds find."""
    exact = build_query(query, synonyms, operator)
    if not any(
        fold(variant) in table for term in query.terms for variant in alternatives(term, synonyms)
    ):
        return [exact]
    return [exact, And([build_query(query, synonyms, operator, table), Not(exact)])]


def run_search(request, scope, query, result_type=None, page_number=1):
    backend = get_search_backend()
    synonyms = synonym_map()
    table = compounds(scope.locale)
    pages = scoped_pages(scope)
    national = Treatment.objects.live().filter(locale_id=scope.locale.pk)

    def search_everything(operator):
        tiers = []
        for search_query in _queries(query, synonyms, table, operator):
            tier = Tier(search_query, backend.search(search_query, pages).facet("content_type_id"))
            if scope.national_treatments:
                tier.national = backend.search(search_query, national)
                tier.national_count = tier.national.count()
            tiers.append(tier)
        return tiers

    tiers = search_everything("and")
    found = any(tier.facets or tier.national_count for tier in tiers)
    any_words = False
    if not found and len(query.terms) > 1:
        tiers, any_words = search_everything("or"), True
    counts = _type_counts({}, scope, 0)
    for tier in tiers:
        tier.counts = _type_counts(tier.facets, scope, tier.national_count)
        for key, number in tier.counts.items():
            counts[key] += number
    outcome = Outcome(counts=counts, total=sum(counts.values()), any_words=any_words)
    national_results = Tiered([(tier.national, tier.national_count) for tier in tiers])

    if scope.national_treatments and result_type and result_type.key == "behandlinger":
        outcome.page_obj = Paginator(national_results, PER_PAGE).get_page(page_number)
        outcome.national = national_rows(request, scope, list(outcome.page_obj), query)
    else:
        if result_type is None:
            typed, count = pages, [sum(tier.facets.values()) for tier in tiers]
            if national_results.count() and _first(page_number):
                outcome.national = national_rows(
                    request, scope, national_results[:NATIONAL_PREVIEW], query
                )
                outcome.national_count = national_results.count()
        else:
            typed = _type_filter(pages, result_type)
            count = [tier.counts[result_type.key] for tier in tiers]
        results = Tiered(
            [
                (backend.search(tier.query, typed.specific()), number)
                for tier, number in zip(tiers, count, strict=True)
            ]
        )
        outcome.page_obj = Paginator(results, PER_PAGE).get_page(page_number)
        outcome.results = page_rows(request, scope, list(outcome.page_obj), query)
    outcome.promotions = promotions(request, scope, query)
    return outcome


def _first(page_number):
    """Whether the requested page of results is the first (a bad number counts as the first)."""
    return str(page_number or "1").strip() in ("", "1")


def _summary(page):
    for name in SUMMARY_FIELDS:
        value = getattr(page, name, "")
        if value:
            return value
    return ""


class Links:
    """Result addresses on this site: a hospital shows every trial at its own
    /kliniske-studier/<slug>/, the portal every national treatment at its /behandlinger/<slug>/
    (one query each, made only when needed)."""

    def __init__(self, request, scope):
        self.request = request
        self.scope = scope

    @cached_property
    def trial_index(self):
        if self.scope.is_portal:
            return None
        return site_section(TrialIndexPage, self.scope.own_root_paths, self.scope.locale)

    @cached_property
    def treatment_index(self):
        return site_section(TreatmentIndexPage, self.scope.own_root_paths, self.scope.locale)

    @cached_property
    def treatment_index_url(self):
        return self.treatment_index.get_url(self.request) if self.treatment_index else None

    def national_url(self, treatment):
        if not self.treatment_index:
            return None
        return self.treatment_index_url + self.treatment_index.national_subpath(treatment.slug)

    def url(self, page):
        if page.content_type_id in content_type_ids([TrialPage]) and self.trial_index:
            return self.trial_index.trial_url(page, self.request)
        return page.get_url(self.request)


def page_rows(request, scope, pages, query):
    """What the result list shows for each page, with no query per result."""
    links = Links(request, scope)
    treatment_pages = [page for page in pages if isinstance(page, TreatmentPage)]
    treatments = displayed_treatments(treatment_pages) if treatment_pages else {}
    today = timezone.localdate()
    rows = []
    for page in pages:
        trust = scope.directory.trust_for(page)
        row = {
            "type": type_for_content_type(page.content_type_id),
            "title": highlight(page.title, query.terms),
            "url": links.url(page),
            "trust": trust,
            "excerpt": excerpt(_summary(page), query.terms),
        }
        if page.pk in treatments:
            row["excerpt"] = excerpt(treatments[page.pk].summary, query.terms)
        elif isinstance(page, TrialPage):
            row["status"] = page.status_on(today)
        elif isinstance(page, JobPage):
            row["deadline"] = page.deadline
        rows.append(row)
    return rows


def national_rows(request, scope, treatments, query):
    """National treatments link to the portal's page for each, which lists where it is offered."""
    links = Links(request, scope)
    return [
        {
            "title": highlight(treatment.title, query.terms),
            "url": links.national_url(treatment),
            "excerpt": excerpt(treatment.summary, query.terms),
            "kind": treatment.get_kind_display(),
        }
        for treatment in treatments
    ]


def promotions(request, scope, query):
    """Editors' chosen results for this exact query: this site's own picks first, then the
    national ones (Wagtail's search promotions): external links and portal pages everywhere,
    a hospital's pages on that hospital's site only.

    A phrase matches the words searched for (how site picks are stored and searches are
    counted) or the text as typed, which is all Wagtail normalises in its promotion admin."""
    phrases = {query.text, normalise_query_string(query.shown)}
    shown_pages = Q(page__isnull=True) | Q(page__in=Page.objects.live().public())
    picks = list(
        SitePromotion.objects.filter(shown_pages, site_id=scope.site_id, query_string__in=phrases)
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    picks += (
        SearchPromotion.objects.filter(shown_pages, query__query_string__in=phrases)
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    rows, seen = [], set()
    visible_roots = scope.own_root_paths + scope.portal_root_paths
    for pick in picks:
        page = pick.page
        if page is None:
            row = {"title": pick.external_link_text, "url": pick.external_link_url, "pick": pick}
        elif page.locale_id == scope.locale.pk and any(
            page.path.startswith(root) for root in visible_roots
        ):
            row = {"title": page.title, "url": page.get_url(request), "pick": pick}
        else:
            continue
        if row["url"] not in seen:
            seen.add(row["url"])
            rows.append(row)
    return rows
