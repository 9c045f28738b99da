"""HTTP behaviour every open-data endpoint shares: HEAD wherever GET is answered, CORS headers
on a 304 too, and an offset beyond the data is an empty page (issue 19, point 3)."""

import pytest

from tests.helpers import get

pytestmark = pytest.mark.django_db
BASE = "/api/open/v1/"
COLLECTIONS = [
    "hospitals",
    "treatments",
    "treatments/deleted",
    "trials",
    "trials/deleted",
    "jobs",
    "jobs/deleted",
    "events",
    "events/deleted",
]


def every_get_endpoint(open_data):
    stral, trial = open_data["treatments"][0], open_data["trials"][0]
    return [
        BASE,
        *(BASE + path for path in COLLECTIONS),
        f"{BASE}treatments/{stral.pk}",
        f"{BASE}trials/{trial.pk}",
        f"{BASE}trials.csv",
        f"{BASE}catalog",
        f"{BASE}openapi.json",
        f"{BASE}docs",
        "/api/fhir/ResearchStudy",
        f"/api/fhir/ResearchStudy/{trial.pk}",
    ]


def test_head_is_answered_wherever_get_is_with_the_same_headers(client, open_data):
    for url in every_get_endpoint(open_data):
        got = get(client, url)
        head = client.head(url, HTTP_HOST="localhost")
        assert (url, head.status_code) == (url, 200)
        assert head.content == b""
        assert head["Content-Length"] == str(len(got.content)), url
        for name in ("Content-Type", "ETag", "Last-Modified", "Access-Control-Allow-Origin"):
            assert head[name] == got[name], (url, name)


def test_head_of_an_unknown_path_is_a_problem_404(client):
    response = client.head(BASE + "nowhere", HTTP_HOST="localhost")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")


def test_a_304_carries_the_cors_headers(client, open_data):
    """A browser app revalidating with If-None-Match would otherwise meet a CORS error."""
    for url in (BASE + "trials", "/api/fhir/ResearchStudy"):
        etag = get(client, url)["ETag"]
        response = get(client, url, HTTP_IF_NONE_MATCH=etag, HTTP_ORIGIN="https://app.example")
        assert response.status_code == 304
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "ETag" in response["Access-Control-Expose-Headers"]


@pytest.mark.parametrize("path", COLLECTIONS)
def test_an_offset_beyond_the_data_is_an_empty_page(client, open_data, path):
    response = get(client, f"{BASE}{path}?offset=1000")
    assert response.status_code == 200
    data = response.json()
    assert data["results"] == [] and data["next"] is None


def test_an_offset_beyond_the_data_is_an_empty_fhir_bundle(client, open_data):
    response = get(client, "/api/fhir/ResearchStudy?_offset=1000")
    assert response.status_code == 200
    assert response.json().get("entry", []) == []
