"""Alert banners: shown from start until end, per site and nationally from the portal."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.blocks import AlertBannerBlock
from core.factories import UserFactory
from core.models import AlertSettings
from home.factories import ContentPageFactory
from home.groups import sync_site_groups
from tests.helpers import get, soup

pytestmark = pytest.mark.django_db
OSLO = zoneinfo.ZoneInfo("Europe/Oslo")


def at(hour, day=10):
    return datetime.datetime(2026, 3, day, hour, 0, tzinfo=OSLO)


def set_banners(site, *banners):
    settings = AlertSettings.for_site(site)
    settings.banners = [("banner", banner) for banner in banners]
    settings.save()


def banner(message, start, end, level="warning"):
    return {"message": message, "level": level, "link": "", "start": start, "end": end}


def banner_texts(client, path="/", slug=None):
    return [
        div.get_text(" ", strip=True)
        for div in soup(get(client, path, slug)).select(".alert-banner")
    ]


def test_a_site_banner_shows_only_between_start_and_end(client, portal, bergen, ous):
    _t, site, _h = bergen
    set_banners(site, banner("Streik: færre operasjoner", at(8), at(16)))
    with time_machine.travel(at(7), tick=False):
        assert banner_texts(client, slug="helse-bergen") == []
    with time_machine.travel(at(8), tick=False):
        assert banner_texts(client, slug="helse-bergen") == ["Streik: færre operasjoner"]
    with time_machine.travel(at(15) + datetime.timedelta(minutes=59), tick=False):
        assert banner_texts(client, slug="helse-bergen") == ["Streik: færre operasjoner"]
        assert banner_texts(client, slug="oslo-universitetssykehus") == []
    with time_machine.travel(at(16), tick=False):
        assert banner_texts(client, slug="helse-bergen") == []


def test_the_national_banner_shows_on_every_site_and_before_the_sites_own(
    client, portal, bergen, ous
):
    _t, bergen_site, bergen_home = bergen
    ContentPageFactory(parent=bergen_home, slug="om-oss")
    set_banners(
        Site.objects.get(is_default_site=True),
        banner("Nasjonal krise", at(0), at(23), level="critical"),
    )
    set_banners(bergen_site, banner("Lokal melding", at(0), at(23)))
    with time_machine.travel(at(12), tick=False):
        assert banner_texts(client) == ["Nasjonal krise"]
        assert banner_texts(client, slug="oslo-universitetssykehus") == ["Nasjonal krise"]
        assert banner_texts(client, slug="helse-bergen") == ["Nasjonal krise", "Lokal melding"]
        assert banner_texts(client, "/om-oss/", "helse-bergen") == [
            "Nasjonal krise",
            "Lokal melding",
        ]
        critical = soup(get(client, "/", "helse-bergen")).select_one(".alert-banner--critical")
        assert critical["role"] == "alert"
    with time_machine.travel(at(12, day=11), tick=False):
        assert banner_texts(client, slug="helse-bergen") == []


def test_banners_cost_no_extra_query(client, portal, bergen, django_assert_max_num_queries):
    _t, site, _h = bergen
    # Both counts at the banners' moment: caches warmed at another time may have expired by
    # then, and cost queries that are not the banners'.
    with time_machine.travel(at(12), tick=False):
        get(client, "/", "helse-bergen")
        # Measured (SQLite and PostgreSQL): the banners come with the site settings, in the
        # cached chrome (core/chrome.py).
        with django_assert_max_num_queries(10):
            get(client, "/", "helse-bergen")
        set_banners(Site.objects.get(is_default_site=True), banner("Nasjonal", at(0), at(23)))
        set_banners(site, banner("Lokal", at(0), at(23)))
        get(client, "/", "helse-bergen")  # the chrome changed: warm it again
        with django_assert_max_num_queries(10):
            assert len(soup(get(client, "/", "helse-bergen")).select(".alert-banner")) == 2


def test_an_end_before_the_start_is_a_form_error(client, portal, bergen):
    block = AlertBannerBlock()
    with pytest.raises(Exception) as error:
        block.clean(block.to_python(banner("Feil", at(12).isoformat(), at(11).isoformat())))
    assert "end" in error.value.block_errors

    _t, site, _h = bergen
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("wagtailsettings:edit", args=["core", "alertsettings", site.pk])
    data = nested_form_data(
        {
            "banners": streamfield(
                [
                    (
                        "banner",
                        {
                            "message": "Feil",
                            "level": "info",
                            "link": "",
                            "start": "2026-03-10 12:00",
                            "end": "2026-03-10 11:00",
                        },
                    )
                ]
            )
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "banners" in response.context["form"].errors
    assert not AlertSettings.for_site(site).banners

    data["banners-0-value-end"] = "2026-03-10 13:00"
    assert client.post(url, data).status_code == 302
    assert AlertSettings.for_site(site).banners[0].value["message"] == "Feil"


def test_only_the_sites_webmaster_and_the_portals_set_banners(client, portal, bergen, ous):
    sync_site_groups()
    _t, bergen_site, _h = bergen
    _t, ous_site, _h = ous
    portal_site = Site.objects.get(is_default_site=True)

    def url(site):
        return reverse("wagtailsettings:edit", args=["core", "alertsettings", site.pk])

    webmaster = UserFactory(groups=[Group.objects.get(name="helse-bergen nettansvarlig")])
    client.force_login(webmaster)
    assert client.get(url(bergen_site)).status_code == 200
    assert client.get(url(ous_site)).status_code in (302, 403)
    assert client.get(url(portal_site)).status_code in (302, 403)
    client.force_login(UserFactory(groups=[Group.objects.get(name="portal nettansvarlig")]))
    assert client.get(url(portal_site)).status_code == 200
    client.force_login(UserFactory(groups=[Group.objects.get(name="helse-bergen redaktør")]))
    assert client.get(url(bergen_site)).status_code in (302, 403)
