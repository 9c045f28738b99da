"""The site chrome (settings, banners, trust, menu) is cached per site, language and version:
no query for it when warm, and no process shows it stale after a change."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, Site

from core.chrome import chrome_version
from core.factories import set_menu
from core.models import AlertSettings, HealthTrust, SiteSettings
from home.factories import ContentPageFactory, make_hospital
from tests.helpers import get_ok, soup

pytestmark = pytest.mark.django_db
CHROME_TABLES = (
    "core_sitesettings",
    "core_alertsettings",
    "core_healthtrust",
    "core_navigationmenu",
)


def chrome_queries(client, slug="helse-bergen"):
    with CaptureQueriesContext(connection) as captured:
        response = get_ok(client, "/", slug)
    chrome = [q["sql"] for q in captured if any(t in q["sql"] for t in CHROME_TABLES)]
    return response, chrome, len(captured)


def site_name(response):
    return soup(response).select_one("header").get_text(" ", strip=True)


def worker(name):
    """A gunicorn worker's own per-process cache."""
    return override_settings(
        CACHES={
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": name,
            }
        }
    )


def test_a_warm_chrome_costs_no_query(client, portal, bergen):
    set_menu(bergen[1], [bergen[2]])
    _response, cold, cold_count = chrome_queries(client)
    _response, warm, warm_count = chrome_queries(client)
    assert cold and warm == []
    assert warm_count <= cold_count - len(cold) + 1  # the version's one query


def test_a_settings_save_shows_on_the_next_request(client, portal, bergen):
    chrome_queries(client)
    settings = SiteSettings.for_site(bergen[1])
    settings.display_name = "Haukeland"
    settings.save()
    assert "Haukeland" in site_name(chrome_queries(client)[0])


def test_two_workers_never_show_a_stale_chrome(client, portal, bergen):
    for name in ("worker-a", "worker-b"):
        with worker(name):
            assert "Haukeland" not in site_name(chrome_queries(client)[0])
            assert chrome_queries(client)[1] == []  # each worker's chrome is warm
    with worker("worker-a"):
        settings = SiteSettings.for_site(bergen[1])
        settings.display_name = "Haukeland"
        settings.save()
        assert "Haukeland" in site_name(chrome_queries(client)[0])
    with worker("worker-b"):
        assert "Haukeland" in site_name(chrome_queries(client)[0])
        trust = HealthTrust.objects.get(slug="helse-bergen")
        settings.display_name = ""
        settings.save()
        trust.name = "Helse Vest-Bergen"
        trust.save()
    with worker("worker-a"):
        assert "Helse Vest-Bergen" in site_name(chrome_queries(client)[0])


def menu_labels(response):
    return [a.get_text(strip=True) for a in soup(response).select(".main-nav__list a")]


def banners(response):
    return [div.get_text(" ", strip=True) for div in soup(response).select(".alert-banner")]


def set_banners(site, *messages):
    settings = AlertSettings.for_site(site)
    start, end = timezone.now() - timedelta(hours=1), timezone.now() + timedelta(hours=1)
    settings.banners = [
        ("banner", {"message": m, "level": "warning", "link": "", "start": start, "end": end})
        for m in messages
    ]
    settings.save()


def test_a_banner_added_or_deleted_shows_on_the_next_request(client, portal, bergen):
    site = bergen[1]
    chrome_queries(client)
    set_banners(site, "Streik", "Vannlekkasje")
    assert banners(chrome_queries(client)[0]) == ["Streik", "Vannlekkasje"]
    set_banners(site, "Vannlekkasje")  # the first one deleted
    assert banners(chrome_queries(client)[0]) == ["Vannlekkasje"]
    set_banners(Site.objects.get(is_default_site=True), "Nasjonal melding")
    assert banners(chrome_queries(client)[0]) == ["Nasjonal melding", "Vannlekkasje"]
    set_banners(site)
    assert banners(chrome_queries(client)[0]) == ["Nasjonal melding"]


def test_a_menu_change_or_deletion_shows_on_the_next_request(client, portal, bergen):
    menu = set_menu(bergen[1], [bergen[2]])
    assert menu_labels(chrome_queries(client)[0]) == [bergen[2].title]
    menu.items = [("link", {"label": "Kontakt oss", "page": None, "url": "https://x.no/"})]
    menu.save()
    assert menu_labels(chrome_queries(client)[0]) == ["Kontakt oss"]
    menu.delete()
    assert menu_labels(chrome_queries(client)[0]) == []


def menu_addresses(response):
    return [a["href"] for a in soup(response).select(".main-nav__list a")]


def test_a_warm_menu_costs_no_query_whatever_its_length(client, portal, bergen):
    pages = [ContentPageFactory(parent=bergen[2]) for _ in range(4)]
    set_menu(bergen[1], pages[:1])
    chrome_queries(client)
    one = chrome_queries(client)[2]
    set_menu(bergen[1], pages)
    chrome_queries(client)
    response, _chrome, four = chrome_queries(client)
    assert len(menu_addresses(response)) == 4 and four == one


def test_a_menu_link_follows_its_page_to_a_new_address(
    client, portal, bergen, django_capture_on_commit_callbacks
):
    section = ContentPageFactory(parent=bergen[2], slug="pasienter")
    page = ContentPageFactory(parent=section, slug="besok")
    other = ContentPageFactory(parent=bergen[2], slug="om-oss")
    set_menu(bergen[1], [page, other])
    assert menu_addresses(chrome_queries(client)[0]) == ["/pasienter/besok/", "/om-oss/"]
    # An ancestor's new slug changes the linked page's address.
    section.slug = "pasient"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail signals it on commit
        section.save_revision().publish()
    assert menu_addresses(chrome_queries(client)[0]) == ["/pasient/besok/", "/om-oss/"]
    Page.objects.get(pk=page.pk).move(other, pos="last-child")
    assert menu_addresses(chrome_queries(client)[0]) == ["/om-oss/besok/", "/om-oss/"]
    Page.objects.get(pk=other.pk).delete()
    assert menu_addresses(chrome_queries(client)[0]) == []


def test_a_site_name_change_shows_on_the_next_request(client, portal):
    site = Site.objects.get(is_default_site=True)
    get_ok(client, "/")
    site.site_name = "Nasjonal portal"
    site.save()
    assert "Nasjonal portal" in soup(get_ok(client, "/")).select_one("header").get_text()


def rename_region(bergen):
    region = HealthTrust.objects.get(slug="helse-bergen").region
    region.name = "Vest"
    region.save()


def delete_trust(bergen):
    HealthTrust.objects.filter(slug="helse-bergen").delete()


def delete_site(bergen):
    Site.objects.filter(hostname="ahus.localhost").delete()


@pytest.mark.parametrize(
    "change",
    [
        lambda bergen: SiteSettings.for_site(bergen[1]).save(),
        lambda bergen: set_banners(bergen[1], "Streik"),
        lambda bergen: set_menu(bergen[1], []),
        lambda bergen: HealthTrust.objects.get(slug="helse-bergen").save(),
        rename_region,
        lambda bergen: bergen[1].save(),
        delete_trust,
        delete_site,
    ],
    ids=["settings", "banners", "menu", "trust", "region", "site", "trust-deleted", "site-deleted"],
)
def test_every_source_of_the_chrome_raises_its_version(portal, bergen, change):
    make_hospital("ahus")
    before = chrome_version()
    change(bergen)
    assert chrome_version() > before


def test_creating_a_sites_settings_on_first_view_keeps_the_version(portal, bergen):
    before = chrome_version()
    SiteSettings.objects.all().delete()
    between = chrome_version()
    SiteSettings.for_site(bergen[1])  # as the chrome does on a site's first view
    assert between > before and chrome_version() == between
