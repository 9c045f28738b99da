"""Trials as FHIR R4 ResearchStudy resources, validated with a FHIR library."""

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.researchstudy import ResearchStudy

pytestmark = pytest.mark.django_db
SEARCH = "/api/fhir/ResearchStudy"
# The R4 value sets, which model libraries do not enforce.
R4_STATUS = {
    "active", "administratively-completed", "approved", "closed-to-accrual",
    "closed-to-accrual-and-intervention", "completed", "disapproved", "in-review",
    "temporarily-closed-to-accrual", "temporarily-closed-to-accrual-and-intervention", "withdrawn",
}  # fmt: skip
R4_PHASE = {
    "n-a", "early-phase-1", "phase-1", "phase-1-phase-2", "phase-2", "phase-2-phase-3",
    "phase-3", "phase-4",
}  # fmt: skip


def search(client, query=""):
    response = client.get(SEARCH + query)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/fhir+json; charset=utf-8"
    return response.json()


def test_search_returns_a_valid_searchset_bundle(client, open_data):
    data = search(client)
    bundle = Bundle.model_validate(data)
    assert bundle.type == "searchset" and bundle.total == 3
    assert [link.relation for link in bundle.link] == ["self"]
    for entry in data["entry"]:
        study = ResearchStudy.model_validate(entry["resource"])
        assert study.status in R4_STATUS
        assert study.phase.coding[0].code in R4_PHASE
        assert (
            study.phase.coding[0].system
            == "http://terminology.hl7.org/CodeSystem/research-study-phase"
        )
        assert entry["fullUrl"].endswith(f"/ResearchStudy/{study.id}")


def test_resource_maps_identifiers_status_phase_conditions_period_and_sites(client, open_data):
    trial = open_data["trials"][0]
    response = client.get(f"{SEARCH}/{trial.pk}")
    study = ResearchStudy.model_validate(response.json())
    assert {(i.system, i.value) for i in study.identifier} == {
        ("https://clinicaltrials.gov", "NCT01234567"),
        ("https://euclinicaltrials.eu", "2023-501234-12-00"),
        ("https://rekportalen.no", "123456"),
        ("https://www.cristin.no/projects", "2735122"),
    }
    assert study.status == "active"
    assert study.phase.coding[0].code == "phase-3"
    assert study.condition[0].coding[0].system == "http://hl7.org/fhir/sid/icd-10"
    assert study.condition[0].coding[0].code == "C50"
    assert (str(study.period.start), str(study.period.end)) == (
        trial.inclusion_start.isoformat(),
        trial.inclusion_end.isoformat(),
    )
    assert [site.display for site in study.site] == [
        "Helse Bergen HF",
        "Universitetssykehuset Nord-Norge HF",
    ]
    assert study.contact[0].name == "Studiesykepleier"
    assert "Studien undersøker" in study.description


@pytest.mark.parametrize(
    ("status", "code"),
    [(None, "temporarily-closed-to-accrual"), ("planned", "approved")],
)
def test_status_mapping(client, open_data, status, code):
    trial = open_data["trials"][2] if status is None else open_data["trials"][1]
    assert client.get(f"{SEARCH}/{trial.pk}").json()["status"] == code


def test_search_parameters(client, open_data):
    first = search(client, "?_count=2")
    assert first["total"] == 3 and len(first["entry"]) == 2
    next_url = next(link["url"] for link in first["link"] if link["relation"] == "next")
    second = client.get(next_url.replace("http://testserver", "")).json()
    assert len(second["entry"]) == 1
    assert [e["resource"]["title"] for e in search(client, "?status=active")["entry"]] == [
        "Kortere stråling"
    ]
    assert search(client, "?status=approved,temporarily-closed-to-accrual")["total"] == 2
    assert search(client, "?identifier=https://clinicaltrials.gov|NCT01234567")["total"] == 1
    assert search(client, "?identifier=NCT01234567")["total"] == 1
    assert search(client, "?identifier=https://rekportalen.no|NCT01234567")["total"] == 0
    assert search(client, "?_lastUpdated=ge2000-01-01")["total"] == 3
    assert search(client, "?_lastUpdated=lt2000-01-01")["total"] == 0


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("?_count=0", 400),
        ("?_count=1000", 400),
        ("?status=recruiting", 400),
        ("?_lastUpdated=ge-nope", 400),
        ("?_lastUpdated=", 400),
        ("?identifier=https://unknown.example|1", 400),
        ("/999999", 404),
        ("?_offset=x", 400),
    ],
)
def test_errors_are_operation_outcomes(client, open_data, query, status):
    response = client.get(SEARCH + query)
    assert response.status_code == status
    data = response.json()
    assert data["resourceType"] == "OperationOutcome"
    assert data["issue"][0]["diagnostics"]
