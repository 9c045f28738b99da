"""The DCAT catalogue against the official DCAT-AP-NO 2.0 SHACL shapes (tests/api/data)."""

import json
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph

from tests.helpers import get

pytestmark = pytest.mark.django_db
CATALOG = "/api/open/v1/catalog"
DATA = Path(__file__).parent / "data" / "dcat-ap-no"


def conformance(catalog):
    # The vocabulary entries the catalogue points at, as their publishers would serve them.
    data = Graph().parse(DATA / "vocabularies.ttl")
    data.parse(data=json.dumps(catalog), format="json-ld")
    conforms, _graph, report = validate(
        data,
        shacl_graph=Graph().parse(DATA / "DCAT-AP-NO-shacl_shapes_2.00.ttl"),
        allow_warnings=False,
    )
    return conforms, report


def test_catalog_conforms_to_the_dcat_ap_no_shapes(client, bergen):
    response = get(client, CATALOG)
    assert response["Content-Type"].startswith("application/ld+json")
    conforms, report = conformance(response.json())
    assert conforms, report


def test_the_shapes_catch_a_dataset_without_theme_or_identifier(client, bergen):
    catalog = get(client, CATALOG).json()
    del catalog["dcat:dataset"][0]["dcat:theme"]
    del catalog["dcat:dataset"][1]["dct:identifier"]
    conforms, report = conformance(catalog)
    assert not conforms
    assert "dcat:theme" in report and "dct:identifier" in report


def test_publisher_contact_licence_and_formats_use_the_required_vocabularies(client, bergen):
    catalog = get(client, CATALOG).json()
    assert catalog["dct:publisher"]["@id"] == (
        "https://data.brreg.no/enhetsregisteret/api/enheter/991324968"
    )
    assert catalog["dct:publisher"]["dct:identifier"] == "991324968"
    names = {d["@id"].split("/")[-1] for d in catalog["dcat:dataset"]}
    assert names == {
        f"{key}#dataset" for key in ("hospitals", "treatments", "trials", "jobs", "events")
    }
    for dataset in catalog["dcat:dataset"]:
        assert dataset["dct:identifier"] == dataset["@id"]
        assert dataset["dcat:contactPoint"]["vcard:fn"]
        assert dataset["dcat:contactPoint"]["vcard:hasEmail"]["@id"].startswith("mailto:")
        licence = "http://publications.europa.eu/resource/authority/licence/NLOD_2_0"
        assert dataset["dct:license"]["@id"] == licence
        for distribution in dataset["dcat:distribution"]:
            assert distribution["dct:format"]["@id"].startswith(
                "http://publications.europa.eu/resource/authority/file-type/"
            )
            assert distribution["dct:license"]["@id"] == licence


def test_data_services_point_at_the_openapi_document_and_fhir_metadata(client, bergen):
    services = get(client, CATALOG).json()["dcat:service"]
    described = [s["dcat:endpointDescription"]["@id"] for s in services]
    assert described == [
        "http://localhost/api/open/v1/openapi.json",
        "http://localhost/api/fhir/metadata",
    ]
    for url in described:
        assert get(client, url.removeprefix("http://localhost")).status_code == 200


def test_dataset_iris_are_the_same_on_every_host(client, bergen):
    on_portal = get(client, CATALOG).json()
    on_hospital = get(client, CATALOG, slug="helse-bergen").json()
    assert on_portal == on_hospital
    assert on_portal["dcat:dataset"][0]["@id"].startswith("http://localhost/api/open/v1/")
