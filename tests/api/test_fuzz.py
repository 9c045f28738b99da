"""Random query strings and ids against every endpoint: never a server error, and every 400 or
404 in the documented shape (problem details; on FHIR, an OperationOutcome)."""

from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

ENDPOINTS = [
    "/api/open/v1/",
    "/api/open/v1/hospitals",
    "/api/open/v1/treatments",
    "/api/open/v1/treatments/{id}",
    "/api/open/v1/trials",
    "/api/open/v1/trials.csv",
    "/api/open/v1/trials/{id}",
    "/api/open/v1/jobs",
    "/api/open/v1/events",
    "/api/open/v1/catalog",
    "/api/fhir/ResearchStudy",
    "/api/fhir/ResearchStudy/{id}",
]
NAMES = [
    "q", "status", "region", "hospital", "icd10", "treatment", "category", "kind", "locale",
    "modified_since", "limit", "offset", "page", "_count", "_offset", "_lastUpdated", "identifier",
    "x",
]  # fmt: skip
# Around and beyond the databases' integer ranges (32-bit ids, 64-bit offsets).
EDGES = [2**31 - 1, 2**31, 2**63 - 1, 2**63, 2**64, 10**30]
numbers = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.sampled_from(EDGES + [-n for n in EDGES]),
)
ids = st.one_of(numbers.map(str), st.sampled_from(["1", "0", "²", "1.5", "x"]))
values = st.one_of(
    st.text(max_size=60),
    numbers.map(str),
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
            "²",
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
    path_id=ids,
)
# Always one 400 of each kind, whatever the random draw: django-ninja's parameter validation,
# `core.api.choice`, a view's own check, the CSV, and FHIR's.
@example(endpoint="/api/open/v1/treatments", params={"limit": "0"}, path_id="1")
@example(endpoint="/api/open/v1/trials", params={"status": "x"}, path_id="1")
@example(endpoint="/api/open/v1/treatments", params={"icd10": "x"}, path_id="1")
@example(endpoint="/api/open/v1/trials.csv", params={"modified_since": "x"}, path_id="1")
@example(endpoint="/api/fhir/ResearchStudy", params={"_count": "0"}, path_id="1")
# Beyond the 64-bit range: the offset and the ids (a 500 from the database before).
@example(endpoint="/api/open/v1/treatments", params={"offset": str(2**64)}, path_id="1")
@example(endpoint="/api/open/v1/trials/{id}", params={}, path_id=str(2**64))
@example(endpoint="/api/fhir/ResearchStudy", params={"_offset": str(2**64)}, path_id="1")
@example(endpoint="/api/fhir/ResearchStudy/{id}", params={}, path_id=str(2**64))
@example(endpoint="/api/fhir/ResearchStudy", params={"_count": "²"}, path_id="1")
def test_no_parameter_combination_causes_a_server_error(
    client, open_data, endpoint, params, path_id
):
    url = f"{endpoint.replace('{id}', quote(path_id))}?{urlencode(params)}"
    response = client.get(url)
    assert response.status_code < 500, (url, response.content[:300])
    assert response.status_code in (200, 304, 400, 404)
    if response.status_code in (400, 404):
        body = response.json()
        if endpoint.startswith("/api/fhir/"):
            assert response["Content-Type"].startswith("application/fhir+json")
            assert body["resourceType"] == "OperationOutcome"
        else:
            assert response["Content-Type"].startswith("application/problem+json")
            problem = (body.get("type"), body.get("status"))
            assert problem == ("about:blank", response.status_code)
            assert body.get("detail")
