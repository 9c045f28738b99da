"""Random query strings against every endpoint: never a server error, and every 400 in the
documented shape (problem details; on FHIR, an OperationOutcome)."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

ENDPOINTS = [
    "/api/open/v1/",
    "/api/open/v1/hospitals",
    "/api/open/v1/treatments",
    "/api/open/v1/treatments/1",
    "/api/open/v1/trials",
    "/api/open/v1/trials.csv",
    "/api/open/v1/trials/1",
    "/api/open/v1/catalog",
    "/api/fhir/ResearchStudy",
    "/api/fhir/ResearchStudy/1",
]
NAMES = [
    "q", "status", "region", "hospital", "icd10", "treatment", "category", "kind", "locale",
    "modified_since", "limit", "offset", "page", "_count", "_offset", "_lastUpdated", "identifier",
    "x",
]  # fmt: skip
values = st.one_of(
    st.text(max_size=60),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.sampled_from(
        [
            "open",
            "C50",
            "2026-01-01",
            "ge2026-01-01T00:00:00Z",
            "nb",
            "%",
            "'",
            "\x00",
            "NCT01234567|x",
        ]
    ),
)


@pytest.mark.django_db
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    endpoint=st.sampled_from(ENDPOINTS),
    params=st.dictionaries(st.sampled_from(NAMES), values, max_size=5),
)
# Always one 400 of each kind, whatever the random draw: django-ninja's parameter validation,
# `core.api.choice`, a view's own check, the CSV, and FHIR's.
@example(endpoint="/api/open/v1/treatments", params={"limit": "0"})
@example(endpoint="/api/open/v1/trials", params={"status": "x"})
@example(endpoint="/api/open/v1/treatments", params={"icd10": "x"})
@example(endpoint="/api/open/v1/trials.csv", params={"modified_since": "x"})
@example(endpoint="/api/fhir/ResearchStudy", params={"_count": "0"})
def test_no_parameter_combination_causes_a_server_error(client, open_data, endpoint, params):
    response = client.get(f"{endpoint}?{urlencode(params)}")
    assert response.status_code < 500, (endpoint, params, response.content[:300])
    assert response.status_code in (200, 304, 400, 404)
    if response.status_code == 400:
        body = response.json()
        if endpoint.startswith("/api/fhir/"):
            assert response["Content-Type"].startswith("application/fhir+json")
            assert body["resourceType"] == "OperationOutcome"
        else:
            assert response["Content-Type"].startswith("application/problem+json")
            problem = (body.get("type"), body.get("title"), body.get("status"))
            assert problem == ("about:blank", "Bad Request", 400)
            assert body.get("detail")
