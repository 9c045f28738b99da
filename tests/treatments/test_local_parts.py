"""Local-only parts of a treatment page: contact cards reusing departments, and locations
(that they are the page's own hospital's: test_own_hospital.py)."""

import pytest

from home.factories import (
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
)
from tests.helpers import get, soup
from treatments.factories import TreatmentFactory, offer

pytestmark = pytest.mark.django_db


def card(department):
    return [("contact", {"department": department, "location": None, "title": ""})]


def test_contact_card_points_at_a_department_and_follows_its_changes(client, bergen):
    home = bergen[2]
    department = DepartmentPageFactory(
        parent=DepartmentIndexPageFactory(parent=home),
        title="Kreftpoliklinikken",
        phone="55 97 00 01",
    )
    location = LocationPageFactory(parent=LocationIndexPageFactory(parent=home), title="Haukeland")
    treatment = TreatmentFactory(title="Strålebehandling")
    page = offer(home, treatment, contact_cards=card(department))
    page.locations.set([location])
    page.save()

    page = soup(get(client, f"/behandlinger/{treatment.slug}/", "helse-bergen"))
    assert "Kreftpoliklinikken" in page.find("main").get_text()
    assert "55 97 00 01" in page.find("main").get_text()
    where = page.find("section", attrs={"aria-labelledby": "where"})
    assert where.a.get_text(strip=True) == "Haukeland"

    department.phone = "55 97 99 99"
    department.save_revision().publish()
    text = (
        soup(get(client, f"/behandlinger/{treatment.slug}/", "helse-bergen"))
        .find("main")
        .get_text()
    )
    assert "55 97 99 99" in text and "55 97 00 01" not in text

    api = client.get(f"/api/open/v1/treatments/{treatment.pk}").json()
    offered = api["offered_at"][0]
    assert offered["contact_cards"][0]["phone"] == "55 97 99 99"
    assert offered["contact_cards"][0]["department"]["name"] == "Kreftpoliklinikken"
    assert offered["locations"][0]["name"] == "Haukeland"
