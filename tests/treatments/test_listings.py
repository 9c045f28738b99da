"""A hospital's /behandlinger/ A–Å and the portal's national A–Å with "Hvor tilbys"."""

import pytest

from core.models import HealthTrust
from home.factories import make_hospital
from tests.helpers import count_queries, get, soup
from treatments.factories import (
    CategoryFactory,
    TreatmentFactory,
    TreatmentIndexPageFactory,
    offer,
)

pytestmark = pytest.mark.django_db


def titles(response):
    page = soup(response)
    return [a.get_text(strip=True) for a in page.select(".treatment-list a")]


@pytest.fixture
def catalogue(bergen):
    kreft = CategoryFactory(name="Kreft", slug="kreft")
    hjerte = CategoryFactory(name="Hjerte og kar", slug="hjerte-og-kar")
    treatments = {
        title: TreatmentFactory(title=title, category=category)
        for title, category in [
            ("Øyelokkskirurgi", kreft),
            ("Angiografi", hjerte),
            ("Ablasjon", hjerte),
            ("Brystkreft, behandling", kreft),
            ("Åreknuter", hjerte),
            ("Zoledronsyre-infusjon", kreft),
        ]
    }
    for treatment in treatments.values():
        offer(bergen[2], treatment)
    return treatments


def test_hospital_a_to_z_in_norwegian_order_grouped_by_letter(client, catalogue):
    response = get(client, "/behandlinger/", "helse-bergen")
    assert response.status_code == 200
    assert titles(response) == [
        "Ablasjon",
        "Angiografi",
        "Brystkreft, behandling",
        "Zoledronsyre-infusjon",
        "Øyelokkskirurgi",
        "Åreknuter",
    ]
    page = soup(response)
    assert [h2.get_text(strip=True) for h2 in page.select(".letter-group h2")] == [
        "A",
        "B",
        "Z",
        "Ø",
        "Å",
    ]


def test_filters_by_category_and_letter_in_the_query_string(client, catalogue):
    assert titles(get(client, "/behandlinger/?category=kreft", "helse-bergen")) == [
        "Brystkreft, behandling",
        "Zoledronsyre-infusjon",
        "Øyelokkskirurgi",
    ]
    assert titles(get(client, "/behandlinger/?letter=A", "helse-bergen")) == [
        "Ablasjon",
        "Angiografi",
    ]
    assert titles(
        get(client, "/behandlinger/?letter=Å&category=hjerte-og-kar", "helse-bergen")
    ) == ["Åreknuter"]


@pytest.mark.parametrize(
    "query", ["?category=finnes-ikke", "?letter=%27%3B--", "?letter=AB", "?category=%00", "?page=x"]
)
def test_unknown_filter_values_never_fail(client, catalogue, query):
    response = get(client, f"/behandlinger/{query}", "helse-bergen")
    assert response.status_code == 200
    assert len(titles(response)) == 6


def test_unpublished_treatment_hides_the_local_page(client, catalogue):
    treatment = catalogue["Angiografi"]
    treatment.unpublish()
    assert "Angiografi" not in titles(get(client, "/behandlinger/", "helse-bergen"))
    assert get(client, "/behandlinger/angiografi/", "helse-bergen").status_code == 404


def test_only_this_hospitals_treatments_are_listed(client, catalogue, ous):
    offer(ous[2], TreatmentFactory(title="Protonterapi"))
    assert "Protonterapi" not in titles(get(client, "/behandlinger/", "helse-bergen"))
    assert titles(get(client, "/behandlinger/", "oslo-universitetssykehus")) == ["Protonterapi"]


def test_portal_lists_the_national_base_and_where_each_treatment_is_offered(
    client, portal, bergen, ous
):
    TreatmentIndexPageFactory(parent=portal)
    treatment = TreatmentFactory(title="Hjerteinfarkt, behandling", slug="hjerteinfarkt")
    TreatmentFactory(title="Ikke tilbudt ennå")
    offer(bergen[2], treatment)
    offer(ous[2], treatment)
    _t, _s, unn_home = make_hospital("unn")
    offer(unn_home, treatment)

    assert titles(get(client, "/behandlinger/")) == [
        "Hjerteinfarkt, behandling",
        "Ikke tilbudt ennå",
    ]
    response = get(client, "/behandlinger/hjerteinfarkt/")
    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Hjerteinfarkt, behandling"
    offered = page.find("section", class_="offered")
    groups = {
        h3.get_text(strip=True): [
            a.get_text(strip=True) for a in h3.find_next_sibling("ul").find_all("a")
        ]
        for h3 in offered.find_all("h3")
    }
    assert groups == {
        "Helse Sør-Øst": ["Oslo universitetssykehus HF"],
        "Helse Vest": ["Helse Bergen HF"],
        "Helse Nord": ["Universitetssykehuset Nord-Norge HF"],
    }
    link = offered.find("a", string="Helse Bergen HF")
    assert link["href"] == "http://helse-bergen.localhost:8000/behandlinger/hjerteinfarkt/"
    assert get(client, "/behandlinger/finnes-ikke/").status_code == 404


def test_hospital_index_has_no_national_routes(client, bergen):
    TreatmentIndexPageFactory(parent=bergen[2])
    TreatmentFactory(title="Gastroskopi")
    assert get(client, "/behandlinger/gastroskopi/", "helse-bergen").status_code == 404


def test_portal_page_query_budget_is_the_same_for_two_or_all_hospitals(
    client, portal, django_assert_max_num_queries
):
    TreatmentIndexPageFactory(parent=portal)
    treatment = TreatmentFactory(title="Kneprotese", slug="kneprotese")
    trusts = list(HealthTrust.objects.order_by("slug"))
    for trust in trusts[:2]:
        offer(make_hospital(trust.slug)[2], treatment)
    get(client, "/behandlinger/kneprotese/")
    # The budget is the count measured on SQLite and PostgreSQL.
    with_two = count_queries(django_assert_max_num_queries, 23, client, "/behandlinger/kneprotese/")
    for trust in trusts[2:]:
        offer(make_hospital(trust.slug)[2], treatment)
    get(client, "/behandlinger/kneprotese/")
    with django_assert_max_num_queries(with_two):
        response = get(client, "/behandlinger/kneprotese/")
    page = soup(response)
    assert len(page.select("section.offered li")) == len(trusts) == 45
