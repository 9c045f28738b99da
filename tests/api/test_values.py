"""The open data gives each field the right value, not just a field of that name.

One trial and one national treatment with every field set, each to a value no other field has,
so that two values swapped (start and end, two identifiers, two owners) change the output.
The trial's JSON detail, its row in the JSON list and its CSV row, and the treatment's JSON
detail with each hospital's offer, are compared whole with what the editors entered.
"""

import csv
import datetime
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine

from core.api import ATTRIBUTION, LICENCE_NAME, LICENCE_URL
from core.models import HealthTrust
from home.factories import (
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
)
from home.models import DepartmentLocation
from tests.helpers import get_ok
from treatments.factories import CategoryFactory, DiagnosisFactory, TreatmentFactory, offer
from trials.factories import publish_trial

pytestmark = pytest.mark.django_db

# Every date and time of the data, and "today" for the trial's status.
NOW = datetime.datetime(2026, 6, 1, 10, 0, tzinfo=ZoneInfo("Europe/Oslo"))
BASE = "/api/open/v1/"
BERGEN = {
    "slug": "helse-bergen",
    "name": "Helse Bergen HF",
    "region": {"slug": "helse-vest", "name": "Helse Vest"},
}
OUS = {
    "slug": "oslo-universitetssykehus",
    "name": "Oslo universitetssykehus HF",
    "region": {"slug": "helse-sor-ost", "name": "Helse Sør-Øst"},
}
UNN = {
    "slug": "unn",
    "name": "Universitetssykehuset Nord-Norge HF",
    "region": {"slug": "helse-nord", "name": "Helse Nord"},
}


def moment(value):
    """A date-time of the API as an aware datetime, to compare with the frozen clock."""
    return datetime.datetime.fromisoformat(value)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def data(frozen, bergen, ous):
    kreft = CategoryFactory(name="Kreft", slug="kreft")
    hjerte = CategoryFactory(name="Hjerte og kar", slug="hjerte-og-kar")
    c50 = DiagnosisFactory(
        icd10="C50", name="Brystkreft", helsenorge_url="https://www.helsenorge.no/brystkreft/"
    )
    i21 = DiagnosisFactory(icd10="I21", name="Hjerteinfarkt")
    treatment = TreatmentFactory(
        title="Strålebehandling",
        slug="stralebehandling",
        kind="behandling",
        summary="Stråling mot svulsten.",
        category=kreft,
        referral="<p>Fastlegen henviser.</p>",
        before="<p>Du får en <b>maske</b>.</p>",
        during="<p>Hver dag i fem uker.</p>",
        after="<p>Kontroll etter seks uker.</p>",
        warning="<p>Ring ved feber.</p>",
        responsible_trust=HealthTrust.objects.get(slug="helse-bergen"),
        content_owner="Kreftklinikken",
        clinical_owner="Overlege Ola Nordmann",
        approved_date=datetime.date(2025, 3, 10),
        next_review=datetime.date(2027, 9, 1),
    )
    treatment.diagnoses.set([i21, c50])
    treatment.save()

    home = bergen[2]
    haukeland = LocationPageFactory(
        parent=LocationIndexPageFactory(parent=home),
        title="Haukeland",
        slug="haukeland",
        visiting_address="Haukelandsveien 22",
    )
    department = DepartmentPageFactory(
        parent=DepartmentIndexPageFactory(parent=home),
        title="Stråleterapien",
        slug="straleterapien",
        phone="55 97 20 00",
        phone_hours="08–15",
        email="stral@eksempel.no",
    )
    DepartmentLocation.objects.create(
        department=department, location=haukeland, reporting_point="Inngang B, 2. etasje"
    )
    free_card = {
        "title": "Pasienthotellet",
        "reporting_point": "Resepsjonen",
        "visiting_address": "Jonas Lies vei 71",
        "opening_hours": "Hele døgnet",
        "phone": "55 97 60 00",
        "phone_hours": "07–23",
        "email": "hotell@eksempel.no",
    }
    bergen_page = offer(
        home,
        treatment,
        local_before="<p>Møt i Bergen.</p>",
        local_after="<p>Ring sengeposten.</p>",
        practical_information="<p>Parker i P2.</p>",
        waiting_time_url="https://www.helsenorge.no/ventetider/",
        contact_cards=[
            ("contact", {"department": department, "location": None, "title": ""}),
            ("contact", {"department": None, "location": None, **free_card}),
        ],
    )
    bergen_page.locations.set([haukeland])
    bergen_page.save()
    offer(ous[2], treatment, local_during="<p>Møt på Radiumhospitalet.</p>")

    trial = publish_trial(
        home,
        title="Kortere stråling",
        slug="kortere-straling",
        scientific_title="Hypofraksjonert strålebehandling",
        summary="Færre behandlinger.",
        eligibility="Kvinner over 18 år.",
        study_type="observasjonsstudie",
        phase="2/3",
        inclusion_start=datetime.date(2026, 3, 2),
        inclusion_end=datetime.date(2027, 11, 30),
        target_participants=240,
        contact_name="Kari Nordmann",
        contact_phone="55 97 50 01",
        contact_email="studie@eksempel.no",
        nct_number="NCT07654321",
        eu_ct_number="2024-512345-67-00",
        rek_number="654321",
        cristin_project_id="2735122",
        links={
            "categories": [kreft, hjerte],
            "diagnoses": [i21, c50],
            "treatments": [treatment],
            "participating_trusts": HealthTrust.objects.filter(
                slug__in=["unn", "oslo-universitetssykehus"]
            ),
        },
    )
    return {"trial": trial, "treatment": treatment, "department": department}


def test_trial_detail_list_row_and_csv_row_hold_the_pages_values(client, data):
    trial = data["trial"]
    detail = get_ok(client, f"{BASE}trials/{trial.pk}").json()
    url = "http://helse-bergen.localhost:8000/kliniske-studier/kortere-straling/"
    assert moment(detail.pop("first_published")) == NOW
    assert moment(detail.pop("last_modified")) == NOW
    assert detail == {
        "id": trial.pk,
        "slug": "kortere-straling",
        "title": "Kortere stråling",
        "scientific_title": "Hypofraksjonert strålebehandling",
        "summary": "Færre behandlinger.",
        "eligibility": "Kvinner over 18 år.",
        "study_type": "observasjonsstudie",
        "phase": "2/3",
        "status": "open",
        "status_override": None,
        "inclusion_start": "2026-03-02",
        "inclusion_end": "2027-11-30",
        "target_participants": 240,
        "contact": {"name": "Kari Nordmann", "phone": "55 97 50 01", "email": "studie@eksempel.no"},
        "identifiers": {
            "nct": "NCT07654321",
            "eu_ct": "2024-512345-67-00",
            "rek": "654321",
            "cristin": "2735122",
        },
        # Categories by name, diagnoses by code, hospitals by name.
        "categories": [
            {"slug": "hjerte-og-kar", "name": "Hjerte og kar"},
            {"slug": "kreft", "name": "Kreft"},
        ],
        "diagnoses": [
            {"icd10": "C50", "name": "Brystkreft"},
            {"icd10": "I21", "name": "Hjerteinfarkt"},
        ],
        "treatments": [{"slug": "stralebehandling", "name": "Strålebehandling"}],
        "responsible_hospital": BERGEN,
        "participating_hospitals": [OUS, UNN],
        "url": url,
    }

    [listed] = get_ok(client, f"{BASE}trials").json()["results"]
    assert listed == get_ok(client, f"{BASE}trials/{trial.pk}").json()

    content = get_ok(client, f"{BASE}trials.csv").content
    reader = csv.DictReader(io.StringIO(content.decode("utf-8-sig")))
    # The columns, in the order docs/open-data.md gives them.
    assert reader.fieldnames == [
        "id", "slug", "title", "scientific_title", "summary", "eligibility", "status",
        "study_type", "phase", "inclusion_start", "inclusion_end", "target_participants",
        "responsible_hospital", "participating_hospitals", "region", "categories", "icd10",
        "treatments", "nct", "eu_ct", "rek", "cristin", "contact_name", "contact_phone",
        "contact_email", "url", "first_published", "last_modified",
    ]  # fmt: skip
    [row] = list(reader)
    assert moment(row.pop("first_published")) == NOW
    assert moment(row.pop("last_modified")) == NOW
    assert row == {
        "id": str(trial.pk),
        "slug": "kortere-straling",
        "title": "Kortere stråling",
        "scientific_title": "Hypofraksjonert strålebehandling",
        "summary": "Færre behandlinger.",
        "eligibility": "Kvinner over 18 år.",
        "status": "open",
        "study_type": "observasjonsstudie",
        "phase": "2/3",
        "inclusion_start": "2026-03-02",
        "inclusion_end": "2027-11-30",
        "target_participants": "240",
        "responsible_hospital": "helse-bergen",
        "participating_hospitals": "oslo-universitetssykehus unn",
        "region": "helse-vest",
        "categories": "hjerte-og-kar kreft",
        "icd10": "C50 I21",
        "treatments": "stralebehandling",
        "nct": "NCT07654321",
        "eu_ct": "2024-512345-67-00",
        "rek": "654321",
        "cristin": "2735122",
        "contact_name": "Kari Nordmann",
        "contact_phone": "55 97 50 01",
        "contact_email": "studie@eksempel.no",
        "url": url,
    }


def section(key, title, html, text):
    return {"key": key, "title": title, "html": html, "text": text}


def test_treatment_detail_holds_the_national_and_local_values(client, data):
    treatment = data["treatment"]
    detail = get_ok(client, f"{BASE}treatments/{treatment.pk}").json()
    assert moment(detail.pop("date_published")) == NOW
    assert moment(detail.pop("date_modified")) == NOW
    offers = detail.pop("offered_at")
    assert detail == {
        "id": treatment.pk,
        "url": f"http://localhost/api/open/v1/treatments/{treatment.pk}",
        "web_url": None,
        "slug": "stralebehandling",
        "locale": "nb",
        "languages": ["nb"],
        "translations": [],
        "title": "Strålebehandling",
        "alternative_names": [],
        "kind": "behandling",
        "summary": "Stråling mot svulsten.",
        "category": {"slug": "kreft", "name": "Kreft"},
        "diagnoses": [
            {
                "icd10": "C50",
                "name": "Brystkreft",
                "helsenorge_url": "https://www.helsenorge.no/brystkreft/",
            },
            {"icd10": "I21", "name": "Hjerteinfarkt", "helsenorge_url": None},
        ],
        # A treatment's stages, in the order of the patient's journey.
        "sections": [
            section(
                "referral",
                "Henvisning og vurdering",
                "<p>Fastlegen henviser.</p>",
                "Fastlegen henviser.",
            ),
            section("before", "Før", "<p>Du får en <b>maske</b>.</p>", "Du får en maske."),
            section("during", "Under", "<p>Hver dag i fem uker.</p>", "Hver dag i fem uker."),
            section(
                "after", "Etter", "<p>Kontroll etter seks uker.</p>", "Kontroll etter seks uker."
            ),
        ],
        "warning": section("warning", "Kontakt lege", "<p>Ring ved feber.</p>", "Ring ved feber."),
        "governance": {
            "responsible_trust": "helse-bergen",
            "content_owner": "Kreftklinikken",
            "clinical_owner": "Overlege Ola Nordmann",
            "approved_date": "2025-03-10",
            "next_review": "2027-09-01",
        },
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL, "attribution": ATTRIBUTION},
    }

    # One offer per hospital, by the hospital's name.
    for offered in offers:
        assert moment(offered.pop("last_modified")) == NOW
    bergen, ous = offers
    bergen_site = "http://helse-bergen.localhost:8000"
    assert bergen == {
        "hospital": BERGEN,
        "url": f"{bergen_site}/behandlinger/stralebehandling/",
        "locale": "nb",
        "sections": [
            section("before", "Før", "<p>Møt i Bergen.</p>", "Møt i Bergen."),
            section("after", "Etter", "<p>Ring sengeposten.</p>", "Ring sengeposten."),
        ],
        "contact_cards": [
            # A department's card shows the department's current details.
            {
                "title": "Stråleterapien",
                "department": {
                    "name": "Stråleterapien",
                    "url": f"{bergen_site}/avdelinger/straleterapien/",
                },
                "places": [
                    {
                        "name": "Haukeland",
                        "reporting_point": "Inngang B, 2. etasje",
                        "visiting_address": "Haukelandsveien 22",
                    }
                ],
                "opening_hours": "",
                "phone": "55 97 20 00",
                "phone_hours": "08–15",
                "email": "stral@eksempel.no",
            },
            {
                "title": "Pasienthotellet",
                "department": None,
                "places": [
                    {
                        "name": "",
                        "reporting_point": "Resepsjonen",
                        "visiting_address": "Jonas Lies vei 71",
                    }
                ],
                "opening_hours": "Hele døgnet",
                "phone": "55 97 60 00",
                "phone_hours": "07–23",
                "email": "hotell@eksempel.no",
            },
        ],
        "locations": [
            {
                "name": "Haukeland",
                "visiting_address": "Haukelandsveien 22",
                "url": f"{bergen_site}/steder/haukeland/",
            }
        ],
        "practical_information": section(
            "practical_information", "Praktisk informasjon", "<p>Parker i P2.</p>", "Parker i P2."
        ),
        "waiting_time_url": "https://www.helsenorge.no/ventetider/",
    }
    assert ous == {
        "hospital": OUS,
        "url": "http://oslo-universitetssykehus.localhost:8000/behandlinger/stralebehandling/",
        "locale": "nb",
        "sections": [
            section(
                "during", "Under", "<p>Møt på Radiumhospitalet.</p>", "Møt på Radiumhospitalet."
            )
        ],
        "contact_cards": [],
        "locations": [],
        "practical_information": None,
        "waiting_time_url": None,
    }
