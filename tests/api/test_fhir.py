"""Trials as FHIR R4 ResearchStudy resources and the CapabilityStatement, validated with a FHIR
library (R4B models: R4's ResearchStudy and CapabilityStatement are the same)."""

import datetime
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.capabilitystatement import CapabilityStatement
from fhir.resources.R4B.operationoutcome import OperationOutcome
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
    contained = {resource.id: resource for resource in study.contained}
    sponsor = contained[study.sponsor.reference.removeprefix("#")]
    assert sponsor.get_resource_type() == "Organization" and sponsor.name == "Helse Bergen HF"
    assert [(i.system, i.value) for i in sponsor.identifier] == [
        ("http://localhost/api/open/v1/hospitals", "helse-bergen")
    ]
    sites = [contained[site.reference.removeprefix("#")] for site in study.site]
    assert [site.get_resource_type() for site in sites] == ["Location", "Location"]
    managers = [contained[site.managingOrganization.reference[1:]] for site in sites]
    assert [(m.name, m.identifier[0].value) for m in managers] == [
        ("Helse Bergen HF", "helse-bergen"),
        ("Universitetssykehuset Nord-Norge HF", "unn"),
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
        ("?_count=-1", 400),
        ("?_count=x", 400),
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


def outcome_of(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/fhir+json; charset=utf-8"
    found = OperationOutcome.model_validate(response.json())
    return found.issue[0]


def test_capability_statement_validates_and_lists_the_search_parameters(client, db):
    response = client.get("/api/fhir/metadata")
    assert response.status_code == 200
    statement = CapabilityStatement.model_validate(response.json())
    assert statement.fhirVersion == "4.0.1" and statement.kind == "instance"
    (resource,) = statement.rest[0].resource
    assert resource.type == "ResearchStudy"
    assert {i.code for i in resource.interaction} == {"read", "search-type"}
    assert {p.name for p in resource.searchParam} == {
        "_id", "_lastUpdated", "identifier", "title", "condition", "status",
    }  # fmt: skip


@pytest.mark.parametrize("path", [SEARCH, f"{SEARCH}/1", "/api/fhir/metadata"])
def test_a_method_other_than_get_is_an_operation_outcome(client, db, path):
    issue = outcome_of(client.post(path), 405)
    assert issue.code == "not-supported"


def test_unknown_parameters_are_ignored_unless_handling_is_strict(client, open_data):
    lenient = search(client, "?_sort=title&status=active&_count=5")
    assert lenient["total"] == 1
    (self_link,) = [link["url"] for link in lenient["link"] if link["relation"] == "self"]
    assert self_link == "http://testserver/api/fhir/ResearchStudy?status=active&_count=5&_offset=0"
    strict = client.get(f"{SEARCH}?_sort=title", HTTP_PREFER="handling=strict")
    issue = outcome_of(strict, 400)
    assert "_sort" in issue.diagnostics and issue.code == "not-supported"
    assert search(client, "?status=active")["total"] == 1


def test_previous_and_next_links_and_count_above_the_maximum_is_capped(client, open_data):
    middle = search(client, "?_count=1&_offset=1")
    links = {link["relation"]: link["url"] for link in middle["link"]}
    assert links == {
        "self": "http://testserver/api/fhir/ResearchStudy?_count=1&_offset=1",
        "previous": "http://testserver/api/fhir/ResearchStudy?_count=1&_offset=0",
        "next": "http://testserver/api/fhir/ResearchStudy?_count=1&_offset=2",
    }
    capped = search(client, "?_count=1000")
    assert len(capped["entry"]) == 3
    assert capped["link"][0]["url"].endswith("_count=100&_offset=0")
    assert search(client, "?_count=0")["total"] == 3


def test_id_title_condition_status_and_identifier(client, open_data):
    first, second, _third = open_data["trials"]

    def titles(query):
        return sorted(e["resource"]["title"] for e in search(client, query).get("entry", []))

    assert titles(f"?_id={first.pk},{second.pk}") == ["Kortere stråling", "Planlagt hjertestudie"]
    assert titles("?_id=nope") == []
    assert titles("?title=kortere") == ["Kortere stråling"]
    assert titles("?title=stråling") == []
    assert titles("?title:contains=stråling") == ["Kortere stråling"]
    assert titles("?title:exact=Kortere stråling") == ["Kortere stråling"]
    assert titles("?condition=c50") == ["Kortere stråling"]
    assert titles("?condition=http://hl7.org/fhir/sid/icd-10|I21,C50") == [
        "Kortere stråling",
        "Planlagt hjertestudie",
    ]
    assert titles("?status=approved&identifier=NCT01234567") == []
    assert titles("?identifier=123456,NCT01234567") == ["Kortere stråling"]
    outcome_of(client.get(f"{SEARCH}?condition=http://snomed.info/sct|1"), 400)


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("2026-03-10", True),
        ("eq2026-03-10", True),
        ("2026-03-11", False),
        ("2026-03", True),
        ("2026", True),
        ("2026-03-10T12:30:15+01:00", True),
        ("2026-03-10T12:30:16+01:00", False),
        ("2026-03-10T11:30:15Z", True),
        ("ne2026-03-10", False),
        ("ne2026-03-11", True),
        ("gt2026-03-10", False),
        ("sa2026-03-09", True),
        ("ge2026-03-10", True),
        ("lt2026-03-10", False),
        ("eb2026-03-11", True),
        ("le2026-03-10", True),
        ("le2026-03-09", False),
    ],
)
def test_last_updated_follows_the_fhir_prefix_rules(client, open_data, value, found):
    """No prefix means equality at the precision given, not "on or after"."""
    trial = open_data["trials"][0]
    moment = datetime.datetime(2026, 3, 10, 12, 30, 15, tzinfo=ZoneInfo("Europe/Oslo"))
    type(trial).objects.filter(pk=trial.pk).update(last_published_at=moment)
    ids = [e["resource"]["id"] for e in search(client, f"?_lastUpdated={quote(value)}")["entry"]]
    assert (str(trial.pk) in ids) is found


def test_an_unsupported_last_updated_prefix_is_named(client, open_data):
    issue = outcome_of(client.get(f"{SEARCH}?_lastUpdated=ap2026-03-10"), 400)
    assert "'ap'" in issue.diagnostics and issue.code == "not-supported"
    outcome_of(client.get(f"{SEARCH}?_lastUpdated=2026-02-30"), 400)


@pytest.mark.parametrize(
    ("query", "accept", "status"),
    [
        ("?_format=xml", "", 406),
        ("?_format=application/fhir+xml", "", 406),
        ("", "application/fhir+xml", 406),
        ("", "application/xml, text/xml", 406),
        ("?_format=json", "", 200),
        ("", "application/fhir+json", 200),
        ("", "application/fhir+xml;q=0.9, */*;q=0.1", 200),
    ],
)
def test_xml_is_refused_with_406(client, open_data, query, accept, status):
    headers = {"HTTP_ACCEPT": accept} if accept else {}
    for path in (SEARCH, "/api/fhir/metadata"):
        response = client.get(path + query, **headers)
        assert response.status_code == status
        assert response["Content-Type"] == "application/fhir+json; charset=utf-8"
