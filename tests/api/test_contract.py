"""The OpenAPI document is a contract: schemathesis, as a reuser would run it, with every check
and both valid and invalid requests, finds nothing the API does that the document does not say.
Three random examples per operation keep it quick; the coverage phase still tries every documented
bound and allowed value."""

import subprocess
import sys
from pathlib import Path

import pytest
from openapi_spec_validator import validate

from tests.helpers import get

OPENAPI = "/api/open/v1/openapi.json"
SCHEMATHESIS = Path(sys.executable).with_name("st")
# Schemathesis' defaults, and 410: a valid `modified_since` older than the `deleted` feeds
# keep removals is answered 410 Gone, as documented.
CONFIG = Path(__file__).with_name("schemathesis.toml")


# The live server reads the database from another thread, so the data is committed; the
# registry the migrations load is restored afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_schemathesis_with_all_checks_finds_no_failure(live_server, open_data, tmp_path):
    result = subprocess.run(
        [
            SCHEMATHESIS, "--config-file", CONFIG, "run", f"{live_server.url}{OPENAPI}",
            "--checks", "all", "--mode", "all", "--max-examples", "3",
            "--phases", "examples,coverage,fuzzing", "--workers", "1", "--seed", "1", "--no-color",
        ],
        capture_output=True, text=True, cwd=tmp_path, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "No issues found" in result.stdout or "passed" in result.stdout


@pytest.mark.django_db
def test_errors_enums_and_media_types_are_documented(client, open_data):
    document = get(client, OPENAPI).json()
    validate(document)
    paths = document["paths"]
    for path, operations in paths.items():
        responses = operations["get"]["responses"]
        assert "application/problem+json" in responses["405"]["content"], path
        if operations["get"].get("parameters"):
            assert "application/problem+json" in responses["400"]["content"], path
        if "{" in path:
            assert "application/problem+json" in responses["404"]["content"], path

    def parameters(path):
        return {p["name"]: p for p in paths[f"/api/open/v1/{path}"]["get"]["parameters"]}

    trials, treatments = parameters("trials"), parameters("treatments")
    assert trials["status"]["schema"]["enum"] == [
        "open",
        "planned",
        "closed",
        "suspended",
        "withdrawn",
    ]
    assert trials["hospital"]["schema"]["enum"] == sorted(
        {"helse-bergen", "oslo-universitetssykehus", "unn"}
        | set(trials["hospital"]["schema"]["enum"])
    )
    assert treatments["hospital"]["schema"]["enum"] == ["helse-bergen", "oslo-universitetssykehus"]
    assert treatments["kind"]["schema"]["enum"] == [
        "behandling",
        "undersokelse",
        "behandlingsprogram",
    ]
    assert treatments["locale"]["schema"]["enum"] == ["nb", "nn", "en", "se"]
    assert "helse-vest" in trials["region"]["schema"]["enum"]
    assert parameters("jobs")["type"]["schema"]["enum"]
    assert parameters("events")["audience"]["schema"]["enum"]
    assert (trials["limit"]["schema"]["minimum"], trials["limit"]["schema"]["maximum"]) == (1, 100)
    assert trials["offset"]["schema"]["minimum"] == 0
    assert all(
        p["allowEmptyValue"] for name, p in trials.items() if name not in ("limit", "offset")
    )
    csv = paths["/api/open/v1/trials.csv"]["get"]
    assert list(csv["responses"]["200"]["content"]) == ["text/csv"]
    # The filters it uses, and whether to start with a byte-order mark for Excel.
    assert {p["name"] for p in csv["parameters"]} == set(trials) - {"limit", "offset"} | {"bom"}
    times = document["components"]["schemas"]["OccurrenceOut"]["properties"]["start_time"]
    assert "local time" in str(times).lower() and "'format': 'time'" not in str(times)
