"""The sitemap through a real Varnish: cached, and purged when a page joins or leaves the
public (published, or a view restriction added or removed)."""

import pytest
from wagtail.models import PageViewRestriction

from home.factories import ContentPageFactory, make_hospital, make_portal
from tests.caching.test_purging import warm

pytestmark = [
    pytest.mark.varnish,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_sitemap_is_cached_and_purged_when_a_page_is_published_or_restricted(cache):
    make_portal()
    home = make_hospital("helse-bergen")[2]
    warm(cache, "/sitemap.xml", "helse-bergen")
    warm(cache, "/robots.txt", "helse-bergen")

    page = ContentPageFactory(parent=home, title="Ny side", slug="ny-side")
    page.save_revision().publish()
    response = cache.until("/sitemap.xml", "helse-bergen", lambda r: b"/ny-side/" in r.content)
    assert b"/ny-side/" in response.content

    child = ContentPageFactory(parent=page, title="Under", slug="under")
    child.save_revision().publish()
    warm(cache, "/sitemap.xml", "helse-bergen")
    warm(cache, "/ny-side/under/", "helse-bergen")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type="password", password="hemmelig"
    )
    response = cache.until("/sitemap.xml", "helse-bergen", lambda r: b"/ny-side/" not in r.content)
    assert b"/ny-side/" not in response.content
    # The page below it is no longer served from the cache to anyone.
    assert b"<h1>Under</h1>" not in cache.get("/ny-side/under/", "helse-bergen").content

    restriction.delete()
    response = cache.until(
        "/sitemap.xml", "helse-bergen", lambda r: b"/ny-side/under/" in r.content
    )
    assert b"/ny-side/under/" in response.content
