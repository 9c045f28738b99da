"""The site chrome (settings, banners, trust, menu) is cached per site, language and version:
no query for it when warm, and no process shows it stale after a change."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from core.factories import set_menu
from core.models import HealthTrust, SiteSettings
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
