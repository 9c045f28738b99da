"""Rate limits for anonymous clients on search, the feedback form and patients' share links:
the request past the limit is a 429 with Retry-After that no cache keeps, counted per client
address, which is read from X-Forwarded-For only behind trusted proxies."""

import datetime

import pytest
import time_machine
from django.test import Client, override_settings

from core.factories import UserFactory

pytestmark = pytest.mark.django_db

LIMIT = 3
NOW = datetime.datetime(2026, 3, 2, 9, 0, 30, tzinfo=datetime.UTC)
VARNISH = "10.0.0.2"


@pytest.fixture(autouse=True)
def small_limits(settings):
    settings.FNSP_RATE_LIMITS = dict.fromkeys(
        ("search", "autocomplete", "feedback", "share"), f"{LIMIT}/m"
    )


@pytest.fixture(autouse=True)
def frozen_clock():
    # One window of django-ratelimit's fixed windows, whatever the second the test starts at.
    with time_machine.travel(NOW, tick=False) as clock:
        yield clock


def search(client, **headers):
    return client.get("/sok/", {"q": "kreft"}, HTTP_HOST="localhost", **headers)


def autocomplete(client, **headers):
    return client.get("/sok/autocomplete", {"q": "kr"}, HTTP_HOST="localhost", **headers)


def feedback(client, **headers):
    return client.post(
        "/tilbakemelding/", {"page": "1", "answer": "yes"}, HTTP_HOST="localhost", **headers
    )


def share_link(client, **headers):
    return client.get("/i/ukjent-lenke/", HTTP_HOST="localhost", **headers)


def assert_limited(response, content_type="text/html; charset=utf-8"):
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Type"] == content_type
    if content_type == "application/json":
        text = response.json()["message"]
    else:
        text = response.content.decode()
    assert "Du har sendt for mange forespørsler på kort tid. Vent 1 minutt" in text


@pytest.mark.parametrize(
    ("request_", "content_type"),
    [
        (search, "text/html; charset=utf-8"),
        # The search box's suggestions are JSON, and so is their refusal.
        (autocomplete, "application/json"),
        (feedback, "text/html; charset=utf-8"),
        (share_link, "text/html; charset=utf-8"),
    ],
)
def test_the_request_past_the_limit_is_a_429_and_another_address_is_not_limited(
    portal, request_, content_type
):
    client = Client()
    for _ in range(LIMIT):
        assert request_(client, REMOTE_ADDR="192.0.2.10").status_code != 429
    assert_limited(request_(client, REMOTE_ADDR="192.0.2.10"), content_type)
    assert request_(client, REMOTE_ADDR="192.0.2.11").status_code != 429


def test_the_limit_ends_when_retry_after_says(portal, frozen_clock):
    client = Client()
    for _ in range(LIMIT):
        search(client)
    wait = int(search(client)["Retry-After"])
    frozen_clock.shift(datetime.timedelta(seconds=wait - 1))
    assert search(client).status_code == 429
    frozen_clock.shift(datetime.timedelta(seconds=1))
    assert search(client).status_code == 200


def test_search_feedback_and_share_links_count_separately(portal):
    client = Client()
    for _ in range(LIMIT):
        search(client)
    assert search(client).status_code == 429
    assert share_link(client).status_code == 404
    assert feedback(client).status_code == 400


def test_from_an_untrusted_address_a_forged_forwarded_address_does_not_evade_the_limit(portal):
    client = Client()
    direct = "192.0.2.10"
    for number in range(LIMIT):
        search(client, REMOTE_ADDR=direct, HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
    assert_limited(search(client, REMOTE_ADDR=direct, HTTP_X_FORWARDED_FOR="198.51.100.99"))


@override_settings(FNSP_TRUSTED_PROXIES=["10.0.0.2"])
def test_behind_the_proxy_the_forwarded_address_counts(portal):
    client = Client()
    for _ in range(LIMIT):
        search(client, REMOTE_ADDR=VARNISH, HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert_limited(search(client, REMOTE_ADDR=VARNISH, HTTP_X_FORWARDED_FOR="203.0.113.5"))
    # Another client behind the same proxy.
    assert (
        search(client, REMOTE_ADDR=VARNISH, HTTP_X_FORWARDED_FOR="203.0.113.6").status_code == 200
    )
    # The client's own entries come first; the proxy appends the address it saw.
    forged = "198.51.100.1, 203.0.113.5"
    assert_limited(search(client, REMOTE_ADDR=VARNISH, HTTP_X_FORWARDED_FOR=forged))


@override_settings(FNSP_TRUSTED_PROXIES=["10.0.0.2"])
def test_an_ipv6_client_is_counted_by_its_64_block(portal):
    client = Client()
    for number in range(LIMIT):
        search(client, REMOTE_ADDR=VARNISH, HTTP_X_FORWARDED_FOR=f"2001:db8:1:2::{number + 1}")
    assert_limited(search(client, REMOTE_ADDR=VARNISH, HTTP_X_FORWARDED_FOR="2001:db8:1:2::99"))
    assert (
        search(client, REMOTE_ADDR=VARNISH, HTTP_X_FORWARDED_FOR="2001:db8:1:3::1").status_code
        == 200
    )


def test_logged_in_staff_are_not_limited(portal):
    client = Client()
    client.force_login(UserFactory())
    for _ in range(LIMIT + 2):
        assert search(client).status_code == 200
