"""Which health trust a page belongs to, resolved for many pages with two queries."""

from wagtail.models import Page

from home.models import HealthTrust

ROOT_DEPTH = 2


class TrustMap:
    """Site root paths → trust; a page belongs to the trust whose site root contains it.

    Translated site roots are separate pages with their own `url_path`; they share the
    root's translation key, so every locale's tree maps to the same trust.
    """

    def __init__(self):
        trusts = {
            trust.site.root_page.translation_key: trust
            for trust in HealthTrust.objects.filter(site__isnull=False).select_related(
                "region", "site__root_page"
            )
        }
        roots = Page.objects.filter(depth=ROOT_DEPTH, translation_key__in=trusts)
        self.roots = [
            (url_path, trusts[key])
            for url_path, key in roots.values_list("url_path", "translation_key")
        ]
        self.trusts = sorted(set(trusts.values()), key=lambda trust: trust.name)

    def for_page(self, page):
        path = page.url_path or ""
        return next((trust for root, trust in self.roots if path.startswith(root)), None)

    def paths(self, trust_slug=None, region_slug=None):
        """Root paths (every locale) of one trust or of every trust in a region."""
        return [
            root
            for root, trust in self.roots
            if trust.slug == trust_slug
            or (region_slug and trust.region is not None and trust.region.slug == region_slug)
        ]


def trust_for_page(page):
    """The trust of one page; two queries."""
    return TrustMap().for_page(page)
