"""Which health trust a page belongs to, resolved for many pages with one query."""

from home.models import HealthTrust


class TrustMap:
    """Site root paths → trust; a page belongs to the trust whose site root contains it."""

    def __init__(self):
        trusts = HealthTrust.objects.filter(site__isnull=False).select_related(
            "region", "site__root_page"
        )
        # Longest path first, so a site nested in another site's tree wins.
        self.roots = sorted(
            ((trust.site.root_page.url_path, trust) for trust in trusts),
            key=lambda item: len(item[0]),
            reverse=True,
        )

    def for_page(self, page):
        for path, trust in self.roots:
            if page.url_path.startswith(path):
                return trust
        return None

    def root_path(self, trust_slug):
        return next((path for path, trust in self.roots if trust.slug == trust_slug), None)

    def region_paths(self, region_slug):
        return [
            path
            for path, trust in self.roots
            if trust.region is not None and trust.region.slug == region_slug
        ]


def trust_for_page(page):
    """The trust of one page; one query."""
    return TrustMap().for_page(page)
