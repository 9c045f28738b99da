"""Each site's sitemap.xml and robots.txt (core/seo.py): valid XML, only the site's public live
pages, every language with hreflang alternates, cacheable like any public page."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from home.factories import ContentPageFactory, make_hospital, make_portal
from tests.helpers import get, get_ok, translate
from trials.factories import publish_trial

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
BERGEN = "http://helse-bergen.localhost:8000"
OUS = "http://oslo-universitetssykehus.localhost:8000"


def sitemap(client, slug):
    response = get_ok(client, "/sitemap.xml", slug)
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['s']}}}urlset"
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


@pytest.fixture
def sites(db):
    make_portal()
    bergen = make_hospital("helse-bergen")[2]
    ous = make_hospital("oslo-universitetssykehus")[2]
    return bergen, ous


def test_the_sitemap_lists_the_sites_public_live_pages_in_every_language(client, sites):
    bergen, ous = sites
    page = ContentPageFactory(parent=bergen, title="Besøkstider", slug="besok")
    translate(bergen, "nn")
    translate(page, "nn", title="Besøkstider nn")
    private = ContentPageFactory(parent=bergen, title="Internt", slug="internt")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    ContentPageFactory(parent=private, title="Under internt", slug="under")
    draft = ContentPageFactory(parent=bergen, title="Utkast", slug="utkast", live=False)
    ContentPageFactory(parent=ous, title="Annet sykehus", slug="annet")

    urls = sitemap(client, "helse-bergen")

    assert set(urls) == {f"{BERGEN}/", f"{BERGEN}/nn/", f"{BERGEN}/besok/", f"{BERGEN}/nn/besok/"}
    assert draft.live is False
    alternates = {
        "nb": f"{BERGEN}/besok/",
        "nn": f"{BERGEN}/nn/besok/",
        "x-default": f"{BERGEN}/besok/",
    }
    assert urls[f"{BERGEN}/besok/"] == alternates
    assert urls[f"{BERGEN}/nn/besok/"] == alternates


def test_a_trial_is_in_its_owners_sitemap_only(client, sites):
    bergen, ous = sites
    publish_trial(ous, title="Studie", slug="studie")
    publish_trial(bergen, title="Bergens studie", slug="bergens-studie")

    ous_urls = sitemap(client, "oslo-universitetssykehus")
    bergen_urls = sitemap(client, "helse-bergen")

    assert f"{OUS}/kliniske-studier/studie/" in ous_urls
    assert not any("/kliniske-studier/studie/" in url for url in bergen_urls)
    assert f"{BERGEN}/kliniske-studier/bergens-studie/" in bergen_urls
    # Another site still shows the trial, with the owner's address as the canonical one.
    assert get(client, "/kliniske-studier/studie/", "helse-bergen").status_code == 200


def test_the_sitemap_is_cacheable_and_keyed_to_the_sites_trees(client, sites):
    bergen, _ous = sites
    nn_home = translate(bergen, "nn")
    response = get_ok(client, "/sitemap.xml", "helse-bergen")
    keys = response["xkey"].split()
    # Any page published or unpublished below a root purges the root's key (an ancestor's).
    assert f"p{bergen.pk}" in keys and f"p{nn_home.pk}" in keys
    assert "s-maxage" in response["Cache-Control"]


def test_robots_txt_points_to_the_sites_sitemap_and_keeps_robots_out_of_admin_and_search(
    client, sites
):
    response = get_ok(client, "/robots.txt", "helse-bergen")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {BERGEN}/sitemap.xml" in lines
    for path in ("/admin/", "/sok/", "/nn/sok/", "/en/sok/", "/se/sok/"):
        assert f"Disallow: {path}" in lines
    assert "s-maxage" in response["Cache-Control"] and response["xkey"]
    portal = get_ok(client, "/robots.txt").content.decode()
    assert "Sitemap: http://localhost/sitemap.xml" in portal.splitlines()


def test_a_post_to_the_sitemap_is_refused_not_an_error(client, sites):
    response = client.post("/sitemap.xml", HTTP_HOST="helse-bergen.localhost")
    assert response.status_code == 405
    assert get(client, "/sitemap.xml", "helse-bergen", data={"p": "x"}).status_code == 404
