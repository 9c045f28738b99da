"""Every error under /api/ is JSON: problem details (RFC 9457) on the open-data API and
anywhere else under /api/, an OperationOutcome on FHIR. Numbers beyond the database's integer
range are a 400, never a 500 (tests/api/test_fuzz.py draws them too)."""

import pytest

pytestmark = pytest.mark.django_db

HUGE = str(2**64)
BIGGEST = str(2**63 - 1)


def assert_problem(response, status):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["type"] == "about:blank"
    assert body["title"] and body["detail"]
    return body


def assert_outcome(response, status):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/fhir+json")
    body = response.json()
    assert body["resourceType"] == "OperationOutcome"
    assert body["issue"][0]["diagnostics"]
    return body


@pytest.mark.parametrize(
    "url",
    [
        f"/api/open/v1/treatments?offset={HUGE}",
        f"/api/open/v1/trials?offset={HUGE}",
        f"/api/open/v1/jobs?offset={HUGE}",
        f"/api/open/v1/events?offset={HUGE}",
        f"/api/open/v1/treatments?limit={HUGE}",
        f"/api/open/v1/treatments/{HUGE}",
        f"/api/open/v1/trials/{HUGE}",
        f"/api/open/v1/trials/-{HUGE}",
    ],
)
def test_numbers_beyond_the_integer_range_are_a_problem_400(client, url):
    assert_problem(client.get(url), 400)


@pytest.mark.parametrize(
    "url",
    [
        f"/api/fhir/ResearchStudy?_offset={HUGE}",
        f"/api/fhir/ResearchStudy/{HUGE}",
    ],
)
def test_numbers_beyond_the_integer_range_are_an_operation_outcome_400(client, url):
    assert_outcome(client.get(url), 400)


def test_a_huge_count_is_capped_like_any_count_above_the_maximum(client, db):
    """FHIR's _count is what the client would like at most: the server returns fewer."""
    response = client.get(f"/api/fhir/ResearchStudy?_count={HUGE}")
    assert response.status_code == 200
    assert response.json()["link"][0]["url"].endswith("_count=100&_offset=0")


@pytest.mark.parametrize(
    ("url", "status"),
    [
        (f"/api/open/v1/treatments?offset={BIGGEST}", 200),
        (f"/api/open/v1/trials/{BIGGEST}", 404),
        (f"/api/fhir/ResearchStudy?_offset={BIGGEST}", 200),
        (f"/api/fhir/ResearchStudy/{BIGGEST}", 404),
    ],
)
def test_the_largest_integer_is_still_answered(client, url, status):
    assert client.get(url).status_code == status


@pytest.mark.parametrize(
    "url", ["/api/open/v1/nowhere", "/api/open/v1/nowhere/", "/api/nowhere", "/api/", "/api"]
)
def test_unknown_paths_under_api_are_a_problem_404(client, url):
    body = assert_problem(client.get(url), 404)
    assert body["instance"] == url


def test_unknown_fhir_paths_are_an_operation_outcome_404(client):
    body = assert_outcome(client.get("/api/fhir/Patient/1"), 404)
    assert body["issue"][0]["code"] == "not-found"


@pytest.mark.parametrize(
    "url", ["/api/open/v1/", "/api/open/v1/treatments", "/api/open/v1/trials/1"]
)
def test_other_methods_are_a_problem_405_with_allow(client, url):
    response = client.post(url)
    body = assert_problem(response, 405)
    assert "GET" in response["Allow"] and "POST" in body["detail"]


def test_other_methods_on_fhir_are_an_operation_outcome_405(client):
    response = client.delete("/api/fhir/ResearchStudy/1")
    assert_outcome(response, 405)
    assert "GET" in response["Allow"]
