"""Which site (and trust) a page belongs to, resolved in bulk without a query per page."""

from wagtail.models import Page, Site

from home.models import HealthTrust

ROOT_DEPTH = 2


def root_path(page):
    """The treebeard path of the site root (depth 2) a page sits under."""
    return page.path[: ROOT_DEPTH * Page.steplen]


class SiteDirectory:
    """Maps pages to their site and health trust with three queries in total.

    Every site root and its translations sit at depth 2 and share a translation key;
    a page's root is the first two steps of its treebeard `path`.
    """

    def __init__(self):
        trusts = {
            trust.site_id: trust
            for trust in HealthTrust.objects.filter(site__isnull=False).select_related("region")
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


def trust_of(page):
    """The health trust whose site holds `page` (None on the portal); one query."""
    keys = Page.objects.filter(path=root_path(page)).values("translation_key")
    return (
        HealthTrust.objects.filter(site__root_page__translation_key__in=keys)
        .select_related("region")
        .first()
    )
