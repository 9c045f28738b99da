"""One department, many contact cards: its data is read when a page is rendered."""

import pytest
from django.template import Context, Template

from home.blocks import ContactCardBlock
from home.factories import (
    ContentPageFactory,
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
)
from home.models import DepartmentLocation
from tests.helpers import get, publish, soup

pytestmark = pytest.mark.django_db


def card_to(department):
    return ("contact_card", {"department": department})


@pytest.fixture
def department(bergen):
    _trust, _site, home = bergen
    location = LocationPageFactory(
        parent=LocationIndexPageFactory(parent=home),
        title="Haukeland",
        visiting_address="Jonas Lies vei 65\n5021 Bergen",
    )
    department = DepartmentPageFactory(
        parent=DepartmentIndexPageFactory(parent=home),
        title="Hjerteavdelingen",
        phone="55 97 50 00",
        email="hjerte@eksempel.no",
    )
    DepartmentLocation.objects.create(
        department=department, location=location, reporting_point="Resepsjonen, 2. etasje"
    )
    return publish(department)


def test_a_phone_change_on_the_department_shows_on_every_page_that_uses_it(
    client, portal, bergen, ous, department
):
    _t, _s, bergen_home = bergen
    _t, _s, ous_home = ous
    publish(ContentPageFactory(parent=bergen_home, slug="hjerte", body=[card_to(department)]))
    publish(ContentPageFactory(parent=ous_home, slug="henvisning", body=[card_to(department)]))
    pages = [("/hjerte/", "helse-bergen"), ("/henvisning/", "oslo-universitetssykehus")]
    for path, slug in pages:
        card = soup(get(client, path, slug)).find(class_="contact-card")
        assert card.find(class_="contact-card__phone").get_text(strip=True) == "55 97 50 00"

    department.phone = "55 11 22 33"
    publish(department)

    for path, slug in pages:
        card = soup(get(client, path, slug)).find(class_="contact-card")
        assert card.find(class_="contact-card__phone").get_text(strip=True) == "55 11 22 33"
        assert "55 97 50 00" not in card.get_text()
        assert "Resepsjonen, 2. etasje" in card.get_text()
        assert "Jonas Lies vei 65" in card.get_text()
        assert card.h2.a.get_text(strip=True) == "Hjerteavdelingen"


def test_a_card_without_a_department_shows_its_own_fields_at_any_heading_level(bergen):
    block = ContactCardBlock()
    value = block.to_python(
        {
            "title": "Pasientreiser",
            "phone": "800 00 001",
            "reporting_point": "Inngang A",
            "visiting_address": "Eksempelveien 1",
            "opening_hours": "08–15",
            "email": "",
        }
    )
    html = block.render(value)
    assert '<h2 class="box-heading">Pasientreiser</h2>' in html
    assert "Inngang A" in html and "Eksempelveien 1" in html and "tel:80000001" in html
    template = Template("{% load wagtailcore_tags %}{% include_block card with heading_level=3 %}")
    html = template.render(Context({"card": block.bind(value)}))
    assert '<h3 class="box-heading">Pasientreiser</h3>' in html


def test_a_card_can_narrow_a_department_to_one_location_or_show_a_location_alone(
    client, portal, bergen, department
):
    _t, _s, home = bergen
    steder = department.department_locations.first().location.get_parent()
    voss = LocationPageFactory(parent=steder, title="Voss", visiting_address="Sjukehusvegen 16")
    DepartmentLocation.objects.create(
        department=department, location=voss, reporting_point="Poliklinikken, 1. etasje"
    )
    publish(department)
    publish(
        ContentPageFactory(
            parent=home,
            slug="kort",
            body=[
                ("contact_card", {"department": department, "location": voss}),
                ("contact_card", {"department": department}),
                ("contact_card", {"title": "Røntgen", "location": voss, "phone": "55 00 00 09"}),
            ],
        )
    )
    narrowed, full, alone = soup(get(client, "/kort/", "helse-bergen")).select(".contact-card")
    assert "Poliklinikken, 1. etasje" in narrowed.get_text()
    assert "Resepsjonen, 2. etasje" not in narrowed.get_text()
    assert "Resepsjonen, 2. etasje" in full.get_text() and "Poliklinikken" in full.get_text()
    assert "Sjukehusvegen 16" in alone.get_text() and "(Voss)" in alone.get_text()

    voss.visiting_address = "Sjukehusvegen 18"
    publish(voss)
    assert (
        "Sjukehusvegen 18"
        in soup(get(client, "/kort/", "helse-bergen")).select(".contact-card")[2].get_text()
    )


def test_a_card_whose_department_was_deleted_renders_nothing(client, portal, bergen, department):
    _t, _s, home = bergen
    publish(ContentPageFactory(parent=home, slug="borte", body=[card_to(department)]))
    department.delete()
    response = get(client, "/borte/", "helse-bergen")
    assert response.status_code == 200
    assert not soup(response).select(".contact-card")
