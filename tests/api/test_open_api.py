"""The open-data API: collections, filters, paging, HTTP caching, CORS and errors."""

import csv
import io
from urllib.parse import urlsplit

import pytest
from openapi_spec_validator import validate

from core.models import HealthTrust
from home.factories import DepartmentIndexPageFactory, DepartmentPageFactory, make_hospital
from tests.helpers import get
from treatments.factories import TreatmentFactory, offer
from trials.factories import publish_trial

pytestmark = pytest.mark.django_db
BASE = "/api/open/v1/"
# Queries for one page of a collection, measured on SQLite and PostgreSQL (the same on both):
# the same for 1 or 100 rows and for 2 or 22 hospitals.
COLLECTION_BUDGETS = {"treatments": 7, "trials": 11, "hospitals": 3}


def results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_index_links_every_collection_and_states_the_licence(client):
    data = get(client, BASE).json()
    assert set(data["collections"]) == {
        "hospitals",
        "treatments",
        "trials",
        "trials_csv",
        "jobs",
        "events",
        "fhir_research_studies",
    }
    for url in data["collections"].values():
        assert url.startswith("http://localhost/api/")
        assert get(client, url.replace("http://localhost", "")).status_code == 200
    assert data["licence"] == {
        "name": "Norsk lisens for offentlige data (NLOD) 2.0",
        "url": "https://data.norge.no/nlod/no/2.0",
    }
    assert "NLOD" in data["attribution"]


def test_openapi_document_validates_and_docs_are_served(client):
    response = get(client, BASE + "openapi.json")
    document = response.json()
    validate(document)
    assert document["openapi"].startswith("3.")
    paths = set(document["paths"])
    assert {
        "/api/open/v1/hospitals",
        "/api/open/v1/treatments",
        "/api/open/v1/trials",
        "/api/open/v1/trials.csv",
        "/api/open/v1/treatments/{treatment_id}",
        "/api/open/v1/trials/{trial_id}",
    } <= paths
    parameters = {
        p["name"] for p in document["paths"]["/api/open/v1/treatments"]["get"]["parameters"]
    }
    assert {
        "q",
        "category",
        "icd10",
        "kind",
        "hospital",
        "locale",
        "modified_since",
        "limit",
        "offset",
    } <= parameters
    assert get(client, BASE + "docs").status_code == 200


def test_hospitals(client, open_data):
    rows = results(get(client, BASE + "hospitals"))
    assert [row["slug"] for row in rows] == ["helse-bergen", "oslo-universitetssykehus"]
    assert rows[0] == {
        "slug": "helse-bergen",
        "name": "Helse Bergen HF",
        "kind": "trust",
        "region": {"slug": "helse-vest", "name": "Helse Vest"},
        "base_url": "http://helse-bergen.localhost:8000/",
        "public_domain": "helse-bergen.no",
    }


def test_treatment_detail_has_sections_governance_and_local_offers(client, open_data):
    stral = open_data["treatments"][0]
    data = get(client, f"{BASE}treatments/{stral.pk}").json()
    assert data["title"] == "Strålebehandling"
    before = next(s for s in data["sections"] if s["key"] == "before")
    assert before == {
        "key": "before",
        "title": "Før",
        "html": "<p>Før <b>stråling</b>.</p>",
        "text": "Før stråling.",
    }
    assert data["diagnoses"] == [
        {"icd10": "C50", "name": "Brystkreft", "helsenorge_url": "https://www.helsenorge.no/x/"}
    ]
    assert data["governance"]["approved_date"] == "2025-01-15"
    assert data["governance"]["next_review"] == "2028-01-15"
    offers = {o["hospital"]["slug"]: o for o in data["offered_at"]}
    assert set(offers) == {"helse-bergen", "oslo-universitetssykehus"}
    bergen = offers["helse-bergen"]
    assert bergen["url"] == "http://helse-bergen.localhost:8000/behandlinger/stralebehandling/"
    assert bergen["sections"] == [
        {"key": "before", "title": "Før", "html": "<p>Møt i Bergen.</p>", "text": "Møt i Bergen."}
    ]
    assert bergen["practical_information"]["text"] == "Parker i P2."


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Gastroskopi", "PCI", "Strålebehandling"}),
        ("?q=stråle", {"Strålebehandling"}),
        ("?category=hjerte-og-kar", {"Gastroskopi", "PCI"}),
        ("?icd10=C50", {"Strålebehandling"}),
        ("?kind=undersokelse", {"Gastroskopi"}),
        ("?hospital=helse-bergen", {"Strålebehandling"}),
        ("?hospital=oslo-universitetssykehus", {"PCI", "Strålebehandling"}),
        ("?locale=en", set()),
        ("?modified_since=2000-01-01", {"Gastroskopi", "PCI", "Strålebehandling"}),
        ("?modified_since=2999-01-01T00:00:00Z", set()),
    ],
)
def test_treatment_filters(client, open_data, query, expected):
    assert {row["title"] for row in results(get(client, BASE + "treatments" + query))} == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Kortere stråling", "Planlagt hjertestudie", "Stanset studie"]),
        ("?status=open", ["Kortere stråling"]),
        ("?status=suspended", ["Stanset studie"]),
        ("?region=helse-vest", ["Kortere stråling"]),
        ("?hospital=unn", ["Kortere stråling"]),
        ("?hospital=oslo-universitetssykehus", ["Planlagt hjertestudie", "Stanset studie"]),
        ("?icd10=I21", ["Planlagt hjertestudie"]),
        ("?treatment=stralebehandling", ["Kortere stråling"]),
        ("?q=hjerte", ["Planlagt hjertestudie"]),
        ("?modified_since=2999-01-01", []),
    ],
)
def test_trial_filters_and_the_csv_gives_the_same_rows(client, open_data, query, expected):
    assert [row["title"] for row in results(get(client, BASE + "trials" + query))] == expected
    response = get(client, BASE + "trials.csv" + query)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert [row["title"] for row in rows] == expected


def test_paging_with_count_and_next_link(client, open_data):
    data = get(client, BASE + "trials?limit=2").json()
    assert data["count"] == 3 and len(data["results"]) == 2
    assert data["next"] == "http://localhost/api/open/v1/trials?limit=2&offset=2"
    second = get(client, data["next"].replace("http://localhost", "")).json()
    assert len(second["results"]) == 1 and second["next"] is None
    assert second["previous"] == "http://localhost/api/open/v1/trials?limit=2&offset=0"
    assert len(results(get(client, BASE + "hospitals"))) == 2


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("trials?limit=101", 400),
        ("trials?limit=0", 400),
        ("trials?limit=abc", 400),
        ("trials?offset=-1", 400),
        ("trials?status=recruiting", 400),
        ("trials?modified_since=yesterday", 400),
        ("trials?icd10=XYZ", 400),
        ("treatments?locale=de", 400),
        ("treatments?kind=operasjon", 400),
        ("treatments?hospital=finnes-ikke", 400),
        ("treatments?category=finnes-ikke", 400),
        ("treatments/999999", 404),
        ("trials/999999", 404),
        ("trials/abc", 400),
    ],
)
def test_errors_are_problem_details(client, open_data, path, status):
    response = get(client, BASE + path)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json; charset=utf-8"
    problem = response.json()
    assert problem["status"] == status and problem["title"] and problem["detail"]


def test_conditional_requests_caching_and_cors(client, open_data):
    response = get(client, BASE + "trials")
    assert response["Cache-Control"] == "public, max-age=60"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"] == "application/json; charset=utf-8"
    etag, last_modified = response["ETag"], response["Last-Modified"]
    assert get(client, BASE + "trials", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert get(client, BASE + "trials", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert get(client, BASE + "trials", HTTP_IF_NONE_MATCH='"other"').status_code == 200
    preflight = client.options(
        BASE + "trials",
        HTTP_ORIGIN="https://helsenorge.no",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    for path in ("", "hospitals", "treatments", "trials.csv", "catalog"):
        response = get(client, BASE + path)
        assert response.has_header("ETag") and response.has_header("Last-Modified"), path


def test_a_change_shows_on_the_next_request_with_a_new_etag(client, open_data):
    first = get(client, BASE + "trials")
    trial = open_data["trials"][2]
    trial.unpublish()
    second = get(client, BASE + "trials", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert "Stanset studie" not in [row["title"] for row in second.json()["results"]]


def test_collection_query_budget_does_not_depend_on_page_size_or_hospitals(
    client, open_data, django_assert_max_num_queries
):
    def measure(path):
        """(queries, rows) of one collection request, held to its pinned budget."""
        get(client, BASE + path)  # warm Wagtail's cached site root paths
        with django_assert_max_num_queries(COLLECTION_BUDGETS[path.split("?")[0]]) as captured:
            rows = results(get(client, BASE + path))
        return len(captured), len(rows)

    few = [measure(path) for path in ("treatments?limit=3", "trials?limit=1", "hospitals?limit=1")]
    stral = open_data["treatments"][0]
    for trust in HealthTrust.objects.exclude(slug__in=["helse-bergen", "oslo-universitetssykehus"])[
        :20
    ]:
        home = make_hospital(trust.slug)[2]
        department = DepartmentPageFactory(parent=DepartmentIndexPageFactory(parent=home))
        offer(
            home,
            stral,
            contact_cards=[("contact", {"department": department, "location": None, "title": ""})],
        )
        offer(home, TreatmentFactory())
        publish_trial(home)
    many = [
        measure(path)
        for path in ("treatments?limit=100", "trials?limit=100", "hospitals?limit=100")
    ]
    assert [rows for _queries, rows in few] == [3, 1, 1]
    assert [rows for _queries, rows in many] == [23, 23, 22]
    assert [queries for queries, _rows in many] == [queries for queries, _rows in few]


def test_treatment_list_leaves_the_local_offers_to_the_detail(client, open_data):
    rows = {row["title"]: row for row in results(get(client, BASE + "treatments"))}
    stral = rows["Strålebehandling"]
    assert "offered_at" not in stral
    detail = get(client, urlsplit(stral["url"]).path).json()
    assert {o["hospital"]["slug"] for o in detail["offered_at"]} == {
        "helse-bergen",
        "oslo-universitetssykehus",
    }
    assert {key: detail[key] for key in stral} == stral
