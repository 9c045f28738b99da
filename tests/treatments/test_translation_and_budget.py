import itertools

import pytest

from core.factories import set_menu
from core.models import HealthTrust
from home.factories import (
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
    make_hospital,
)
from home.models import DepartmentLocation
from tests.helpers import count_queries, get, soup, translate
from treatments.factories import DiagnosisFactory, TreatmentFactory, offer
from trials.factories import publish_trial

pytestmark = pytest.mark.django_db


def test_english_local_page_shows_the_english_national_text(client, bergen):
    treatment = TreatmentFactory(title="Gastroskopi", before="<p>Faste i seks timer.</p>")
    page = offer(bergen[2], treatment, local_before="<p>Møt i inngang B.</p>")
    translate(bergen[2], "en")
    translate(page.get_parent(), "en")
    english_treatment = translate(
        treatment,
        "en",
        title="Gastroscopy",
        summary="Camera examination.",
        before="<p>Fast for six hours.</p>",
    )
    translate(page, "en", title="Gastroscopy", local_before="<p>Meet at entrance B.</p>")

    html = soup(get(client, "/en/behandlinger/gastroskopi/", "helse-bergen"))
    assert html.html["lang"] == "en"
    text = html.find("main").get_text()
    assert "Fast for six hours." in text and "Meet at entrance B." in text
    assert "Faste i seks timer." not in text and "Møt i inngang B." not in text
    assert html.find(class_="notice") is None

    # Unpublishing the English national text: the English page says it shows Bokmål instead.
    english_treatment.unpublish()
    html = soup(get(client, "/en/behandlinger/gastroskopi/", "helse-bergen"))
    assert "shown in Norwegian" in html.find(class_="notice").get_text()
    national = html.find(class_="national-text")
    assert national["lang"] == "nb"
    assert html.find(class_="lead")["lang"] == "nb"
    assert "Faste i seks timer." in html.find("main").get_text()
    # The Bokmål page is unaffected.
    assert "Faste i seks timer." in get(client, "/behandlinger/gastroskopi/", "helse-bergen").text


# Queries of a local treatment page with a warm chrome (menu included): routing (the chrome's
# version, the site root, the section, the page; no view restriction applies), the national
# text and its diagnoses, the open trials panel and this site's trial listing, the locations,
# the language links, the contact card's department and its locations. Measured on SQLite and
# PostgreSQL (the same count on both).
BUDGET = 12


def test_local_page_query_count_does_not_depend_on_how_many_hospitals_offer_it(
    client, bergen, django_assert_max_num_queries
):
    kneartrose = DiagnosisFactory(icd10="M17", name="Kneartrose")
    treatment = TreatmentFactory(title="Kneprotese", slug="kneprotese")
    treatment.diagnoses.add(kneartrose)
    treatment.save()
    # As on the demo's pages: a contact card for a department at two locations, the places
    # where it is given, and the site's menu.
    home = bergen[2]
    locations = LocationIndexPageFactory(parent=home)
    places = [LocationPageFactory(parent=locations) for _ in range(2)]
    department = DepartmentPageFactory(parent=DepartmentIndexPageFactory(parent=home))
    for place in places:
        DepartmentLocation.objects.create(department=department, location=place)
    card = {"department": department, "location": None, "title": ""}
    page = offer(home, treatment, contact_cards=[("contact", card)])
    page.locations.set(places)
    page.save()
    set_menu(bergen[1], [locations, *places])
    offer(make_hospital("ahus")[2], treatment)

    trials = itertools.count()

    def add_trials(home, count):
        # Linked by the national treatment or by diagnosis: the page lists them with links to
        # this site's trial listing.
        for _ in range(count):
            number = next(trials)
            links = {"treatments": [treatment]} if number % 2 else {"diagnoses": [kneartrose]}
            publish_trial(home, title=f"Knestudie {number}", links=links)

    add_trials(bergen[2], 2)
    path = "/behandlinger/kneprotese/"
    get(client, path, "helse-bergen")
    with_two = count_queries(django_assert_max_num_queries, BUDGET, client, path, "helse-bergen")
    html = soup(get(client, path, "helse-bergen"))
    assert len(html.select(".related-trials li")) == 2
    assert len(html.select(".main-nav__list a")) == 3
    assert department.title in html.select_one(".contact-card").get_text()
    for trust in HealthTrust.objects.exclude(slug__in=["helse-bergen", "ahus"]):
        home = make_hospital(trust.slug)[2]
        offer(home, treatment)
        offer(home, TreatmentFactory())
        add_trials(home, 1)
    add_trials(bergen[2], 6)
    get(client, path, "helse-bergen")  # new sites outdate the cached chrome: warm it again
    many = count_queries(django_assert_max_num_queries, BUDGET, client, path, "helse-bergen")
    assert many == with_two
    assert len(soup(get(client, path, "helse-bergen")).select(".related-trials li")) == 10
