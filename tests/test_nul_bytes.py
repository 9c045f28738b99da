"""A NUL byte in an address is never a 500: PostgreSQL refuses NUL in text, so before this
`q=%00` on the open-data API broke the first lookup that met it. The API answers 400 in its own
shape; the public pages treat it as any unknown value (their own tests: a filter with `%00` is
ignored, a search for it is an ordinary page)."""

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
@pytest.mark.parametrize("path", ["/behandlinger/a%00b/", "/a%00/", "/en/%00/"])
def test_a_public_path_with_nul_is_not_found(client, bergen, path):
    assert client.get(path, HTTP_HOST="helse-bergen.localhost").status_code == 404
