"""The /kliniske-studier/ listing: filters, counts, order, paging and bad input."""

import datetime

import pytest

from core.models import HealthTrust
from home.factories import make_hospital
from tests.helpers import get, soup
from treatments.factories import CategoryFactory, DiagnosisFactory, TreatmentFactory
from trials.factories import publish_trial, trial_index

pytestmark = pytest.mark.django_db
D = datetime.date
# Queries for the listing with a warm chrome: routing (the chrome's version, the site root,
# the section; no view restriction applies), the filters' choices (4), the facets with the
# total (one query), a page of cards, the language links. Measured on SQLite and PostgreSQL
# (the same count on both). It is the same for 2 or 20 cards and for any number of sites.
BUDGET = 10


def listing(client, query="", slug="helse-bergen"):
    return get(client, f"/kliniske-studier/{query}", slug)


def titles(response):
    page = soup(response)
    return [a.get_text(strip=True) for a in page.select(".trial-card h2 a")]


@pytest.fixture
def trials(bergen, ous):
    unn = HealthTrust.objects.get(slug="unn")
    kreft = CategoryFactory(name="Kreft", slug="kreft")
    hjerte = CategoryFactory(name="Hjerte og kar", slug="hjerte-og-kar")
    pci = TreatmentFactory(title="PCI", slug="pci")
    c50 = DiagnosisFactory(icd10="C50.9", name="Brystkreft")
    i21 = DiagnosisFactory(icd10="I21", name="Hjerteinfarkt")
    publish_trial(
        bergen[2],
        title="Bergen kreft åpen",
        links={"categories": [kreft], "diagnoses": [c50]},
        first_published_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
    )
    publish_trial(
        bergen[2],
        title="Bergen hjerte planlagt",
        inclusion_start=D(2099, 1, 1),
        inclusion_end=None,
        links={"categories": [hjerte], "treatments": [pci], "participating_trusts": [unn]},
    )
    publish_trial(
        ous[2],
        title="OUS hjerte lukket",
        inclusion_start=D(2020, 1, 1),
        inclusion_end=D(2021, 1, 1),
        links={"categories": [hjerte], "diagnoses": [i21]},
    )
    publish_trial(
        ous[2],
        title="OUS kreft åpen nyeste",
        summary="Immunterapi ved brystkreft.",
        links={"categories": [kreft], "participating_trusts": [unn]},
        first_published_at=datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC),
    )
    trial_index(ous[2])


def test_all_live_trials_in_the_country_open_first_then_newest(client, trials):
    assert titles(listing(client)) == [
        "OUS kreft åpen nyeste",
        "Bergen kreft åpen",
        "Bergen hjerte planlagt",
        "OUS hjerte lukket",
    ]
    assert titles(listing(client, slug="oslo-universitetssykehus")) == titles(listing(client))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?status=open", {"OUS kreft åpen nyeste", "Bergen kreft åpen"}),
        ("?status=planned", {"Bergen hjerte planlagt"}),
        ("?category=hjerte-og-kar", {"Bergen hjerte planlagt", "OUS hjerte lukket"}),
        ("?region=helse-vest", {"Bergen kreft åpen", "Bergen hjerte planlagt"}),
        ("?hospital=oslo-universitetssykehus", {"OUS kreft åpen nyeste", "OUS hjerte lukket"}),
        ("?participating=unn", {"Bergen hjerte planlagt", "OUS kreft åpen nyeste"}),
        ("?treatment=pci", {"Bergen hjerte planlagt"}),
        ("?icd10=C50", {"Bergen kreft åpen"}),
        ("?icd10=i21", {"OUS hjerte lukket"}),
        ("?q=immunterapi", {"OUS kreft åpen nyeste"}),
        ("?category=kreft&region=helse-sor-ost&status=open", {"OUS kreft åpen nyeste"}),
    ],
)
def test_filters(client, trials, query, expected):
    assert set(titles(listing(client, query))) == expected


def test_counts_per_filter_value_respect_the_other_filters(client, trials):
    page = soup(listing(client, "?category=kreft"))
    options = {o["value"]: o.get_text(strip=True) for o in page.select("#id_status option")}
    assert options["open"].endswith("(2)")
    assert options["closed"].endswith("(0)")
    regions = {o["value"]: o.get_text(strip=True) for o in page.select("#id_region option")}
    assert regions["helse-vest"] == "Helse Vest (1)"
    categories = {o["value"]: o.get_text(strip=True) for o in page.select("#id_category option")}
    assert categories["hjerte-og-kar"] == "Hjerte og kar (2)"


@pytest.mark.parametrize(
    "query",
    [
        "?status=bogus",
        "?icd10=XYZ",
        "?icd10=%27%20OR%201%3D1",
        "?hospital=finnes-ikke",
        "?page=abc",
        "?page=-1",
        "?page=99999",
        "?q=" + "x" * 5000,
        "?category=%00",
    ],
)
def test_bad_input_is_a_form_error_never_a_500(client, trials, query):
    response = listing(client, query)
    assert response.status_code == 200
    page = soup(response)
    if "page=" not in query:
        assert page.find(class_="form-error") is not None
    # Invalid filters are ignored rather than emptying the list.
    assert len(titles(response)) in (4, 0) if "page=99999" in query else len(titles(response)) == 4


def test_pages_of_twenty(client, bergen):
    for number in range(25):
        publish_trial(bergen[2], title=f"Studie {number:02d}")
    first, second = titles(listing(client)), titles(listing(client, "?page=2"))
    assert len(first) == 20 and len(second) == 5
    assert not set(first) & set(second)


def test_listing_query_count_is_the_same_for_2_or_20_cards_and_more_sites(
    client, bergen, ous, django_assert_max_num_queries
):
    kreft = CategoryFactory(name="Kreft", slug="kreft")
    unn = HealthTrust.objects.get(slug="unn")
    trial_index(bergen[2])

    def add(start, count):
        # From both hospitals, in a category and with a participating hospital: every card shows
        # its responsible trust and how many take part.
        for number in range(start, start + count):
            publish_trial(
                (bergen, ous)[number % 2][2],
                title=f"Studie {number}",
                links={"categories": [kreft], "participating_trusts": [unn]},
            )

    def measure(query):
        response = listing(client, query)  # warms Wagtail's site caches after new pages
        with django_assert_max_num_queries(BUDGET) as captured:
            response = listing(client, query)
        assert response.status_code == 200
        return len(captured), len(titles(response))

    query = "?status=open&category=kreft&q=studie"
    add(0, 2)
    few = measure(query)
    add(2, 48)
    for slug in ["ahus", "stolav", "unn"]:  # more sites, with trials of their own
        home = make_hospital(slug)[2]
        publish_trial(home, title=f"Studie {slug}", links={"categories": [kreft]})
    many = measure(query)
    assert (few[1], many[1]) == (2, 20)
    assert many[0] == few[0]
    # A later page costs the same as the first.
    assert measure("?category=kreft&page=3") == (few[0], 13)
