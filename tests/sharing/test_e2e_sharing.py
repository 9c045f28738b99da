"""End to end in headless Chromium (Debian's): a clinician shares, a patient confirms."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from core.factories import UserFactory
from home.factories import make_hospital, make_portal
from sharing.groups import HEALTH_PERSONNEL
from sharing.models import Share
from treatments.factories import TreatmentFactory, offer

PASSWORD = "correct horse battery staple"

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_clinician_shares_and_patient_confirms_in_chromium(live_server, browser):
    make_portal()
    _trust, _site, home = make_hospital("helse-bergen")
    offer(home, TreatmentFactory(title="Gastroskopi"), local_before="<p>Møt i inngang B.</p>")
    UserFactory(username="lege", groups=[Group.objects.get(name=HEALTH_PERSONNEL)])
    port = live_server.url.rsplit(":", 1)[1]
    base = f"http://helse-bergen.localhost:{port}"

    # The clinician logs in (Wagtail's login form) and comes back to the share form.
    staff = browser.new_context(locale="nb-NO").new_page()
    staff.goto(f"{base}/behandlinger/gastroskopi/")
    expect(staff.get_by_role("link", name="Del med pasient")).to_have_count(0)
    staff.goto(f"{base}/admin/login/?next=/behandlinger/gastroskopi/")
    staff.fill("#id_username", "lege")
    staff.fill("#id_password", PASSWORD)
    staff.locator("form button[type=submit]").click()
    staff.get_by_role("link", name="Del med pasient").click()
    staff.get_by_label("Personlig melding (valgfritt)").fill("Husk å faste fra midnatt.")
    staff.get_by_role("button", name="Lag lenke og QR-kode").click()
    expect(staff.locator(".handout svg")).to_be_visible()
    link = staff.locator(".handout__link").inner_text().strip()
    path = "/i/" + link.split("/i/", 1)[1]

    # The patient: another browser profile, not logged in, asking for English.
    patient = browser.new_context(locale="en-GB").new_page()
    response = patient.goto(base + path)
    assert response.status == 200
    assert response.headers["referrer-policy"] == "no-referrer"
    expect(patient.locator("html")).to_have_attribute("lang", "nb")
    expect(patient.locator("h1")).to_have_text("Gastroskopi")
    expect(patient.locator(".share-banner")).to_contain_text("Husk å faste fra midnatt.")
    expect(patient.get_by_role("button", name="Skriv ut")).to_be_visible()
    # The page's script (allowed by the Content-Security-Policy) records the opening.
    patient.wait_for_load_state("networkidle")
    share = Share.objects.get()
    assert share.first_opened_at is not None and share.confirmed_at is None
    patient.get_by_role("button", name="Jeg har lest informasjonen").click()
    expect(patient.get_by_role("status")).to_contain_text("Takk. Du bekreftet")
    expect(patient.get_by_role("button", name="Jeg har lest informasjonen")).to_have_count(0)
    share = Share.objects.get()
    assert share.first_opened_at is not None and share.confirmed_at is not None

    staff.goto(f"{base}/del/")
    row = staff.locator("tbody tr")
    expect(row).to_have_count(1)
    expect(row.locator("td").nth(4)).to_contain_text("Ja")
