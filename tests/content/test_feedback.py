"""'Fant du det du lette etter?': anonymous answers, bad input and the editors' report."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.factories import UserFactory
from home.factories import ContentPageFactory, NewsIndexPageFactory
from home.groups import sync_site_groups
from home.models import PageFeedback
from tests.helpers import get, soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(bergen):
    _t, _s, home = bergen
    return ContentPageFactory(parent=home, title="Parkering", slug="parkering")


def answer(client, page_id, value, slug="helse-bergen", **headers):
    return client.post(
        "/tilbakemelding/",
        {"page": page_id, "answer": value},
        HTTP_HOST=f"{slug}.localhost",
        **headers,
    )


def test_content_pages_ask_with_a_labelled_form(client, portal, page):
    form = soup(get(client, "/parkering/", "helse-bergen")).find("section", class_="feedback")
    assert form.legend.get_text(strip=True) == "Fant du det du lette etter?"
    assert [b.get_text(strip=True) for b in form.find_all("button")] == ["Ja", "Nei"]
    assert form.find("input", attrs={"name": "page"})["value"] == str(page.pk)


def test_an_answer_is_stored_without_personal_data_and_thanked_for(client, portal, page):
    response = answer(client, page.pk, "no")
    assert response.status_code == 303
    assert response["Location"] == "/parkering/?feedback=thanks#feedback"
    stored = PageFeedback.objects.get()
    assert (stored.page_id, stored.found) == (page.pk, False)
    assert {f.name for f in PageFeedback._meta.fields} == {"id", "page", "found", "date"}
    thanks = soup(get(client, "/parkering/?feedback=thanks", "helse-bergen"))
    assert "Takk for tilbakemeldingen" in thanks.find("section", class_="feedback").get_text()


@pytest.mark.parametrize(
    "data",
    [
        {"page": "999999", "answer": "yes"},
        {"page": "abc", "answer": "yes"},
        {"answer": "yes"},
        {"page": "PAGE", "answer": ""},
        {"page": "PAGE", "answer": "kanskje"},
        {"page": "PAGE"},
        {"page": "-1", "answer": "no"},
    ],
)
def test_bad_input_is_a_400_and_stores_nothing(client, portal, page, data):
    data = {key: str(page.pk) if value == "PAGE" else value for key, value in data.items()}
    response = client.post("/tilbakemelding/", data, HTTP_HOST="helse-bergen.localhost")
    assert response.status_code == 400
    assert not PageFeedback.objects.exists()


def test_pages_that_do_not_ask_drafts_and_get_requests_are_refused(client, portal, bergen):
    _t, _s, home = bergen
    news_index = NewsIndexPageFactory(parent=home)
    draft = ContentPageFactory(parent=home, live=False)
    assert answer(client, news_index.pk, "yes").status_code == 400
    assert answer(client, draft.pk, "yes").status_code == 400
    assert get(client, "/tilbakemelding/", "helse-bergen").status_code == 405
    assert not PageFeedback.objects.exists()


def test_the_form_keeps_the_page_cacheable_and_refuses_other_sites(portal, page):
    """No CSRF token or cookie on the page (docs/caching.md): the answer is taken without one,
    but a browser's POST from another site is refused by its Origin."""
    strict = Client(enforce_csrf_checks=True)
    response = get(strict, "/parkering/", "helse-bergen")
    assert not response.cookies
    assert not soup(response).find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert "s-maxage" in response["Cache-Control"]
    forged = strict.post(
        "/tilbakemelding/",
        {"page": page.pk, "answer": "yes"},
        HTTP_HOST="helse-bergen.localhost",
        HTTP_ORIGIN="https://elsewhere.example",
    )
    assert forged.status_code == 403
    assert not PageFeedback.objects.exists()
    own = strict.post(
        "/tilbakemelding/",
        {"page": page.pk, "answer": "yes"},
        HTTP_HOST="helse-bergen.localhost",
        HTTP_ORIGIN="http://helse-bergen.localhost",
    )
    assert own.status_code == 303
    assert PageFeedback.objects.get().found


def test_editors_see_counts_for_their_own_pages_most_no_first(client, portal, bergen, ous, page):
    _t, _s, home = bergen
    other = ContentPageFactory(parent=home, title="Besøkstider")
    ous_page = ContentPageFactory(parent=ous[2], title="OUS-side")
    for target, value in [
        (page, "yes"),
        (page, "no"),
        (other, "no"),
        (other, "no"),
        (other, "yes"),
        (ous_page, "no"),
    ]:
        assert answer(client, target.pk, value).status_code == 303
    sync_site_groups()
    client.force_login(UserFactory(groups=[Group.objects.get(name="helse-bergen redaktør")]))
    response = client.get(reverse("page_feedback_report"))
    assert response.status_code == 200
    rows = [
        [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        for tr in soup(response).select("table tbody tr")
    ]
    assert [(row[0].split(" ")[0], row[2], row[3]) for row in rows] == [
        ("Besøkstider", "1", "2"),
        ("Parkering", "1", "1"),
    ]
    menu = client.get(reverse("wagtailadmin_home"))
    assert reverse("page_feedback_report") in menu.content.decode()


def test_the_report_needs_admin_access(client, portal, page):
    response = client.get(reverse("page_feedback_report"))
    assert response.status_code == 302


@pytest.fixture
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_one_visitor_cannot_stuff_the_report(empty_cache, settings, portal, page):
    settings.FNSP_FEEDBACK_VOTES_PER_DAY = 3
    client = Client(REMOTE_ADDR="192.0.2.1")
    for _ in range(5):
        # Thanked every time; only the first three are stored.
        assert answer(client, page.pk, "no").status_code == 303
    assert PageFeedback.objects.count() == 3
    answer(Client(REMOTE_ADDR="192.0.2.2"), page.pk, "yes")
    other = ContentPageFactory(parent=page.get_parent(), title="Besøk", slug="besok")
    answer(client, other.pk, "yes")
    assert PageFeedback.objects.count() == 5
    # The cache holds no address, only keyed hashes.
    assert not any("192.0.2" in str(key) for key in cache._cache)

    with time_machine.travel(timezone.now() + datetime.timedelta(days=1)):
        answer(client, page.pk, "no")
    assert PageFeedback.objects.count() == 6


def test_behind_the_proxy_the_forwarded_address_is_the_visitor(empty_cache, settings, portal, page):
    settings.FNSP_FEEDBACK_VOTES_PER_DAY = 1
    settings.FNSP_TRUSTED_PROXIES = ["127.0.0.1"]
    varnish = Client(REMOTE_ADDR="127.0.0.1")
    answer(varnish, page.pk, "no", HTTP_X_FORWARDED_FOR="203.0.113.9")
    # A forged first address does not make the same visitor new: Varnish appended the real one.
    answer(varnish, page.pk, "no", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.9")
    assert PageFeedback.objects.count() == 1
    answer(varnish, page.pk, "no", HTTP_X_FORWARDED_FOR="203.0.113.10")
    assert PageFeedback.objects.count() == 2
    # From an address that is no trusted proxy, the header is the client's own word: ignored.
    direct = Client(REMOTE_ADDR="192.0.2.5")
    answer(direct, page.pk, "no", HTTP_X_FORWARDED_FOR="203.0.113.11")
    answer(direct, page.pk, "no", HTTP_X_FORWARDED_FOR="203.0.113.12")
    assert PageFeedback.objects.count() == 3
