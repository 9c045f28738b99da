"""What each response says it shows (its surrogate keys) and how long it may be cached, seen
from Django (the Varnish tests check what the cache does with it)."""

import datetime
import gzip

import pytest
import time_machine

from core.caching import object_key
from home.factories import ContentPageFactory
from tests.clock import OSLO
from tests.content.test_banners import banner, set_banners
from tests.helpers import get_ok
from treatments.factories import TreatmentFactory, offer

pytestmark = pytest.mark.django_db

HALF_HOUR = datetime.timedelta(minutes=30)


def max_age(response):
    """The shared cache's lifetime (s-maxage)."""
    control = dict(
        part.strip().partition("=")[::2] for part in response["Cache-Control"].split(",")
    )
    return int(control["s-maxage"])


def test_a_local_treatment_page_lists_the_page_the_national_treatment_and_the_chrome(
    client, portal, bergen
):
    _trust, site, home = bergen
    treatment = TreatmentFactory(title="Gastroskopi")
    page = offer(home, treatment)
    response = get_ok(client, "/behandlinger/gastroskopi/", "helse-bergen")
    keys = set(response["xkey"].split())
    assert {f"p{page.pk}", f"s{site.pk}", object_key(treatment), "trials.trialpage"} <= keys
    assert f"s{portal.get_site().pk}" not in keys
    assert "s-maxage=3600" in response["Cache-Control"]


def test_a_logged_in_reader_gets_no_keys_and_no_shared_lifetime(admin_client, portal, bergen):
    treatment = TreatmentFactory(title="Gastroskopi")
    offer(bergen[2], treatment)
    response = get_ok(admin_client, "/behandlinger/gastroskopi/", "helse-bergen")
    assert "xkey" not in response
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_anonymous_pages_are_compressed_an_editors_are_not(client, admin_client, portal, bergen):
    ContentPageFactory(parent=bergen[2], title="Parkering", slug="parkering", intro="x" * 300)
    public = get_ok(client, "/parkering/", "helse-bergen", HTTP_ACCEPT_ENCODING="gzip")
    assert public["Content-Encoding"] == "gzip"
    assert gzip.decompress(public.content).decode().count("Parkering") >= 1
    assert "Accept-Encoding" in public["Vary"]
    own = get_ok(admin_client, "/parkering/", "helse-bergen", HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in own


def test_the_lifetime_ends_at_a_banners_end_and_at_midnight_in_oslo(client, portal, bergen):
    _trust, site, _home = bergen
    noon = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=OSLO)
    set_banners(site, banner("Streik", noon - datetime.timedelta(hours=1), noon + HALF_HOUR))
    with time_machine.travel(noon, tick=False):
        assert max_age(get_ok(client, "/", "helse-bergen")) == 30 * 60
    # Past the banner's end nothing changes before midnight but the day (trials' status, job
    # deadlines): a page is never kept into the next day.
    with time_machine.travel(noon.replace(hour=23, minute=59), tick=False):
        assert max_age(get_ok(client, "/", "helse-bergen")) == 60
    with time_machine.travel(noon.replace(hour=2), tick=False):
        assert max_age(get_ok(client, "/", "helse-bergen")) == 3600
