"""Which site, trust and region a page belongs to: the one place that answers it.

Every site root and its translations sit at depth 2 of Wagtail's tree and share a translation
key; a page's site root is the first two steps of its treebeard `path`. So "which site is this
page on" never needs a walk up the tree: it is a prefix of the path. The questions come in two
forms, each written once here:

- in bulk, for listings: `SiteDirectory` maps any number of pages to site, trust and region
  with three queries in all, and gives the root paths of a trust's or a region's sites;
- as a filter: `on_sites(queryset, paths)` keeps the pages below some site roots.

Which *section* (/behandlinger/, /kliniske-studier/ …) of a site, and whether it is the
national one, is asked of the section itself (`core.models.SectionIndexPage`).
"""

from functools import reduce
from operator import or_

from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Substr
from wagtail.models import Page, Site

from core.models.registry import HealthTrust

ROOT_DEPTH = 2
ROOT_PATH_LENGTH = ROOT_DEPTH * Page.steplen


def portal_root_url(request):
    """The portal's (the default site's) root URL, else the host that answers: what open data
    builds identifiers on, so they are the same whichever site's host is asked."""
    site = Site.objects.filter(is_default_site=True).only("hostname", "port").first()
    return site.root_url if site else request.build_absolute_uri("/").rstrip("/")


def root_path(page):
    """The treebeard path of the site root (depth 2) a page sits under."""
    return page.path[:ROOT_PATH_LENGTH]


def below(paths):
    """A filter for pages below (or at) any of the given tree paths; matches nothing if none."""
    return reduce(or_, (Q(path__startswith=path) for path in paths), Q(pk__in=[]))


def on_sites(queryset, paths):
    """The pages of `queryset` on the sites whose root paths are given (see `SiteDirectory`)."""
    return queryset.filter(below(paths)) if paths else queryset.none()


def _root_pages(root_pages):
    """The site roots sharing a translation key with `root_pages`: their sites' roots in
    every locale."""
    return Page.objects.filter(
        depth=ROOT_DEPTH, translation_key__in=root_pages.values("translation_key")
    )


def _translated_roots(root_pages):
    return list(_root_pages(root_pages).values_list("path", flat=True))


def site_paths(site):
    """Root paths of one site's tree in every locale; one query."""
    return _translated_roots(Page.objects.filter(pk=site.root_page_id))


def site_paths_of(page):
    """Root paths, in every locale, of the site `page` is on; one query."""
    return _translated_roots(Page.objects.filter(path=root_path(page)))


def site_section(section_model, root_paths, locale):
    """A site's live section page of one type (e.g. its /kliniske-studier/) in `locale`; the
    site is given by its root paths."""
    return (
        section_model.objects.live()
        .filter(below(root_paths), depth=ROOT_DEPTH + 1, locale=locale)
        .first()
    )


def portal_sections(section_model):
    """The portal's live section pages of one type (e.g. its /behandlinger/) in every locale it
    has them; one query."""
    roots = _root_pages(Page.objects.filter(sites_rooted_here__is_default_site=True))
    return (
        section_model.objects.live()
        .filter(depth=ROOT_DEPTH + 1)
        .annotate(root=Substr("path", 1, ROOT_PATH_LENGTH))
        .filter(root__in=roots.values("path"))
    )


def trust_of(page):
    """The health trust whose site holds `page` (None on the portal); one query."""
    keys = Page.objects.filter(path=root_path(page)).values("translation_key")
    return (
        HealthTrust.objects.filter(site__root_page__translation_key__in=keys)
        .select_related("region")
        .first()
    )


def trust_subquery():
    """The trust of each page of an outer page query, for `Subquery` annotations."""
    roots = Page.objects.filter(
        path=Substr(OuterRef(OuterRef("path")), 1, ROOT_PATH_LENGTH)
    ).values("translation_key")
    return HealthTrust.objects.filter(site__root_page__translation_key__in=roots)


def with_trust(pages):
    """`pages` annotated with the id and name of the trust whose site holds each one
    (`trust_id`, `trust_name`; None on the portal), in the same query."""
    trust = trust_subquery()
    return pages.annotate(
        trust_id=Subquery(trust.values("pk")[:1]),
        trust_name=Subquery(trust.values("name")[:1]),
    )


class SiteDirectory:
    """Maps pages to their site, trust and region with three queries in total."""

    def __init__(self):
        trusts = {
            trust.site_id: trust
            for trust in HealthTrust.objects.with_site().select_related("region")
        }
        by_key = {
            site.root_page.translation_key: (site, trusts.get(site.pk))
            for site in Site.objects.select_related("root_page")
        }
        self._by_root_path = {
            path: by_key[key]
            for path, key in Page.objects.filter(depth=ROOT_DEPTH).values_list(
                "path", "translation_key"
            )
            if key in by_key
        }
        self.trusts = sorted(trusts.values(), key=lambda trust: trust.name)

    def _entry(self, page):
        return self._by_root_path.get(root_path(page), (None, None))

    def site_for(self, page):
        return self._entry(page)[0]

    def trust_for(self, page):
        return self._entry(page)[1]

    def site_paths(self, site):
        """Root paths of one site's tree in every locale."""
        return [path for path, (row, _trust) in self._by_root_path.items() if row.pk == site.pk]

    def paths(self, trust_slug=None, region_slug=None):
        """Root paths (every locale) of one trust's site, or of every trust's in a region."""
        return [
            path
            for path, (_site, trust) in self._by_root_path.items()
            if trust is not None
            and (
                trust.slug == trust_slug
                or (region_slug and trust.region is not None and trust.region.slug == region_slug)
            )
        ]
