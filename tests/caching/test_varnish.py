"""Through a real Varnish (deploy/varnish/fnsp.vcl): what is cached and what never is."""

import pytest
from django.test import Client

from core.factories import UserFactory
from home.factories import ContentPageFactory, make_hospital, make_portal

pytestmark = [
    pytest.mark.varnish,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def bergen_page():
    make_portal()
    _trust, _site, home = make_hospital("helse-bergen")
    return ContentPageFactory(parent=home, title="Parkering", slug="parkering")


def editor_cookie():
    client = Client()
    client.force_login(UserFactory(is_superuser=True))
    return {"sessionid": client.cookies["sessionid"].value}


def test_an_anonymous_page_is_served_from_the_cache_the_second_time(cache, bergen_page):
    first = cache.get("/parkering/", "helse-bergen")
    assert first.status_code == 200
    assert "Parkering" in first.text
    assert first.headers["X-Cache"] == "MISS"
    second = cache.get("/parkering/", "helse-bergen")
    assert second.headers["X-Cache"] == "HIT"
    assert second.text == first.text
    # The surrogate keys stay inside the cache; the browser revalidates every time.
    assert "xkey" not in second.headers
    assert "max-age=0" in second.headers["Cache-Control"]
    # Cookies the page does not depend on (a CSRF token, analytics) share the cached copy.
    other = cache.get("/parkering/", "helse-bergen", cookies={"csrftoken": "x", "_ga": "1"})
    assert other.headers["X-Cache"] == "HIT"
    # Another site's host is another page.
    assert cache.get("/parkering/").headers["X-Cache"] != "HIT"


def test_an_editor_is_never_served_a_cached_page_nor_cached(cache, bergen_page):
    cookies = editor_cookie()
    assert cache.get("/parkering/", "helse-bergen").headers["X-Cache"] == "MISS"
    assert cache.get("/parkering/", "helse-bergen").headers["X-Cache"] == "HIT"
    for _ in range(2):
        own = cache.get("/parkering/", "helse-bergen", cookies=cookies)
        assert own.headers["X-Cache"] == "PASS"
        assert "private" in own.headers["Cache-Control"]
        assert "wagtail-userbar" in own.text
    anonymous = cache.get("/parkering/", "helse-bergen")
    assert anonymous.headers["X-Cache"] == "HIT"
    assert "wagtail-userbar" not in anonymous.text


@pytest.mark.parametrize(
    "method, path",
    [
        ("GET", "/admin/login/"),
        ("GET", "/admin/pages/{page}/edit/preview/"),
        ("GET", "/i/abcdefgh/"),
        ("GET", "/del/"),
        ("GET", "/en/del/"),
        ("POST", "/tilbakemelding/"),
    ],
)
def test_admin_previews_share_links_staff_pages_and_posts_are_passed(
    cache, bergen_page, method, path
):
    path = path.format(page=bergen_page.pk)
    for _ in range(2):
        response = cache.request(method, path, "helse-bergen", data={"page": bergen_page.pk})
        assert response.headers["X-Cache"] == "PASS", response.status_code


def test_each_request_through_the_cache_has_its_own_id_and_probes_are_passed(cache, bergen_page):
    first = cache.get("/parkering/", "helse-bergen", headers={"X-Request-ID": "lb-1"})
    second = cache.get("/parkering/", "helse-bergen")
    assert second.headers["X-Cache"] == "HIT"
    assert first.headers["X-Request-ID"] == "lb-1"
    assert second.headers["X-Request-ID"] not in {"", "lb-1"}
    for probe in ("/healthz", "/readyz"):
        cache.get(probe)
        assert cache.get(probe).headers["X-Cache"] == "PASS"
