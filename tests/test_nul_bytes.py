"""A NUL byte in an address is a 400 in the shape its caller expects, never a 500: PostgreSQL
refuses NUL in text, so before this a search for `%00` broke whichever lookup met it first."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/open/v1/treatments?q=%00",
        "/api/open/v1/trials?status=open&q=a%00b",
        "/api/open/v1/trials?%00=x",
    ],
)
def test_open_data_answers_with_problem_details(client, bergen, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "NUL" in response.json()["detail"]


@pytest.mark.django_db
def test_fhir_answers_with_an_operation_outcome(client, bergen):
    response = client.get("/api/fhir/ResearchStudy?identifier=%00")
    assert response.status_code == 400
    assert response.json()["resourceType"] == "OperationOutcome"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/sok/?q=%00", "/behandlinger/a%00b/", "/?utm=%00"])
def test_the_public_site_answers_400(client, bergen, url):
    response = client.get(url, HTTP_HOST="helse-bergen.localhost")
    assert response.status_code == 400
    assert "tegn" in response.content.decode()


@pytest.mark.django_db
def test_an_address_without_nul_passes(client, bergen):
    response = client.get("/sok/?q=hjerte", HTTP_HOST="helse-bergen.localhost")
    assert response.status_code == 200
