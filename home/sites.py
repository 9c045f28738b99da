"""Which site (and trust) a page belongs to, resolved in bulk without a query per page."""

from wagtail.models import Page, Site

from home.models import HealthTrust

ROOT_DEPTH = 2


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
        self.trusts = list(trusts.values())

    def _entry(self, page):
        return self._by_root_path.get(page.path[: ROOT_DEPTH * Page.steplen], (None, None))

    def site_for(self, page):
        return self._entry(page)[0]

    def trust_for(self, page):
        return self._entry(page)[1]
