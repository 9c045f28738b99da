"""Light list, full detail; every treatment with its portal URL, translations, alternative
names, dates and licence (issue 19, point 4). The CSV for spreadsheets (point 7)."""

import codecs
import csv
import io
from urllib.parse import urlsplit

import pytest

from tests.helpers import get, publish, translate
from treatments.factories import TreatmentIndexPageFactory

pytestmark = pytest.mark.django_db
BASE = "/api/open/v1/"
LIST_FIELDS = {
    "id", "url", "web_url", "slug", "locale", "languages", "translations", "title",
    "alternative_names", "kind", "summary", "category", "diagnoses", "date_published",
    "date_modified", "licence",
}  # fmt: skip
DETAIL_ONLY = {"sections", "warning", "governance", "offered_at"}


@pytest.fixture
def translated(open_data, portal):
    """Strålebehandling with alternative names and a Nynorsk translation, and the portal's
    /behandlinger/ in Bokmål only."""
    TreatmentIndexPageFactory(parent=portal)
    stral = open_data["treatments"][0]
    stral.alternative_names = "Radioterapi\n\n stråleterapi \n"
    publish(stral)
    nynorsk = translate(stral, "nn", title="Strålebehandling", slug="stralebehandling")
    return stral, nynorsk


def treatment_rows(client, query=""):
    response = get(client, BASE + "treatments" + query)
    assert response.status_code == 200, response.content
    return {row["title"]: row for row in response.json()["results"]}


def test_the_list_is_light_and_the_detail_adds_the_journey_and_offers(client, translated):
    row = treatment_rows(client)["Strålebehandling"]
    assert set(row) == LIST_FIELDS
    detail = get(client, urlsplit(row["url"]).path).json()
    assert set(detail) == LIST_FIELDS | DETAIL_ONLY
    assert {key: detail[key] for key in LIST_FIELDS} == row
    assert "before" in {section["key"] for section in detail["sections"]}
    assert {o["hospital"]["slug"] for o in detail["offered_at"]} == {
        "helse-bergen",
        "oslo-universitetssykehus",
    }


def test_each_treatment_links_its_translations_and_its_portal_page(client, translated):
    stral, nynorsk = translated
    row = treatment_rows(client)["Strålebehandling"]
    assert row["web_url"] == "http://localhost/behandlinger/stralebehandling/"
    assert get(client, urlsplit(row["web_url"]).path).status_code == 200
    assert row["languages"] == ["nb", "nn"]
    assert row["translations"] == [
        {
            "locale": "nn",
            "id": nynorsk.pk,
            "url": f"http://localhost/api/open/v1/treatments/{nynorsk.pk}",
            # The portal has no Nynorsk /behandlinger/ here.
            "web_url": None,
        }
    ]
    other = treatment_rows(client, "?locale=nn")["Strålebehandling"]
    assert other["id"] == nynorsk.pk and other["translations"][0]["id"] == stral.pk
    assert other["translations"][0]["web_url"] == row["web_url"]


def test_each_treatment_has_alternative_names_dates_and_licence(client, translated):
    row = treatment_rows(client)["Strålebehandling"]
    assert row["alternative_names"] == ["Radioterapi", "stråleterapi"]
    assert row["date_published"] and row["date_modified"] >= row["date_published"]
    assert row["licence"] == {
        "name": "Norsk lisens for offentlige data (NLOD) 2.0",
        "url": "https://data.norge.no/nlod/no/2.0",
        "attribution": (
            "Inneholder data under Norsk lisens for offentlige data (NLOD) "
            "tilgjengeliggjort av spesialisthelsetjenesten (FNSP)."
        ),
    }
    assert treatment_rows(client)["PCI"]["alternative_names"] == []


def test_the_csv_opens_in_excel_and_matches_the_json(client, open_data):
    trial = open_data["trials"][0]
    trial.summary = "Kortere strålebehandling for kvinner på Haukeland."
    trial.eligibility = "Kvinner over 18 år med brystkreft."
    publish(trial)
    response = get(client, BASE + "trials.csv")
    # Excel reads UTF-8 (æ, ø, å) only after a byte-order mark.
    assert response.content.startswith(codecs.BOM_UTF8)
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    as_json = {row["id"]: row for row in get(client, BASE + "trials").json()["results"]}
    assert len(rows) == len(as_json) == 3
    for row in rows:
        expected = as_json[int(row["id"])]
        for name in ("title", "summary", "eligibility", "first_published", "last_modified"):
            assert row[name] == expected[name], name
    assert rows[0]["eligibility"] == "Kvinner over 18 år med brystkreft."
    assert rows[0]["last_modified"].endswith("Z")
    plain = get(client, BASE + "trials.csv?bom=false")
    assert plain.content.startswith(b"id,slug,title")
