"""Locations (/steder/), departments (/avdelinger/), visiting hours and their validation."""

import datetime

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from core.factories import UserFactory
from home.factories import (
    ContentPageFactory,
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
)
from home.models import (
    DepartmentLocation,
    DepartmentPage,
    LocationPage,
    VisitingHours,
    VisitingHoursException,
)
from tests.helpers import get, publish, soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(bergen):
    _trust, _site, home = bergen
    steder = LocationIndexPageFactory(parent=home)
    haukeland = LocationPageFactory(
        parent=steder,
        title="Haukeland",
        slug="haukeland",
        latitude="60.373400",
        longitude="5.358300",
        parking="<p>Parkeringshus ved hovedinngangen.</p>",
        accessibility="<p>Trinnfri inngang.</p>",
    )
    voss = LocationPageFactory(parent=steder, title="Voss", slug="voss")
    avdelinger = DepartmentIndexPageFactory(parent=home)
    departments = {}
    for title, places in [
        ("Øyeavdelingen", [haukeland]),
        ("Barneklinikken", [haukeland]),
        ("Åpen poliklinikk", [voss]),
        ("Ærlig avdeling", [voss, haukeland]),
        ("Zeta-enheten", [voss]),
    ]:
        department = DepartmentPageFactory(parent=avdelinger, title=title)
        for place in places:
            DepartmentLocation.objects.create(
                department=department, location=place, reporting_point=f"Resepsjon {title}"
            )
        departments[title] = department
    return {"haukeland": haukeland, "voss": voss, "departments": departments, "index": avdelinger}


def test_departments_are_listed_a_to_aa_in_norwegian_order(client, portal, tree):
    page = soup(get(client, "/avdelinger/", "helse-bergen"))
    names = [a.get_text(strip=True) for a in page.select(".department-list li > a")]
    assert names == [
        "Barneklinikken",
        "Zeta-enheten",
        "Ærlig avdeling",
        "Øyeavdelingen",
        "Åpen poliklinikk",
    ]
    assert [h2.get_text() for h2 in page.main.find_all("h2")] == ["B", "Z", "Æ", "Ø", "Å"]
    assert page.find("label", attrs={"for": "location-filter"})


def test_departments_filter_by_location_and_ignore_unknown_values(client, portal, tree):
    page = soup(get(client, "/avdelinger/?location=voss", "helse-bergen"))
    names = {a.get_text(strip=True) for a in page.select(".department-list li > a")}
    assert names == {"Åpen poliklinikk", "Ærlig avdeling", "Zeta-enheten"}
    for bad in ["nope", "'%00", "../../", "x" * 500]:
        response = get(client, "/avdelinger/", "helse-bergen", data={"location": bad})
        assert response.status_code == 200
        assert len(soup(response).select(".department-list li > a")) == 5


def test_locations_list_and_location_page_shows_map_link_and_departments(client, portal, tree):
    listing = soup(get(client, "/steder/", "helse-bergen"))
    assert [a.get_text(strip=True) for a in listing.select(".card a")] == ["Haukeland", "Voss"]
    page = soup(get(client, "/steder/haukeland/", "helse-bergen"))
    assert len(page.find_all("h1")) == 1
    link = page.find("a", class_="map-link")
    assert link["href"] == (
        "https://www.openstreetmap.org/?mlat=60.373400&mlon=5.358300#map=17/60.373400/5.358300"
    )
    # No external map script: the only scripts are the site's own, and the page's data.
    assert [script.get("src") for script in page.find_all("script", src=True)] == [
        "/static/core/js/fnsp.js",
        "/static/search/js/autocomplete.js",
    ]
    assert [script["type"] for script in page.find_all("script", src=False)] == [
        "application/ld+json"
    ]
    departments = [a.get_text(strip=True) for a in page.select("#departments-heading + ul a")]
    assert departments == ["Barneklinikken", "Ærlig avdeling", "Øyeavdelingen"]
    assert "Parkeringshus" in page.get_text() and "Trinnfri inngang" in page.get_text()
    assert page.find("p", class_="last-updated")


def test_department_page_shows_visiting_hours_exceptions_and_reporting_points(client, portal, tree):
    department = tree["departments"]["Barneklinikken"]
    VisitingHours.objects.create(
        department=department, weekday=2, opens=datetime.time(17), closes=datetime.time(19)
    )
    VisitingHours.objects.create(
        department=department, weekday=0, opens=datetime.time(12), closes=datetime.time(14)
    )
    VisitingHoursException.objects.create(
        department=department,
        date=datetime.date.today() + datetime.timedelta(days=3),
        closed=True,
        note="Smitteutbrudd",
    )
    VisitingHoursException.objects.create(
        department=department, date=datetime.date(2020, 1, 1), closed=True, note="Gammel"
    )
    page = soup(get(client, "/avdelinger/barneklinikken/", "helse-bergen"))
    rows = [
        (tr.th.get_text(strip=True), tr.td.get_text(strip=True))
        for tr in page.select(".visiting-hours table tr")
    ]
    assert rows == [("mandag", "12.00–14.00"), ("onsdag", "17.00–19.00")]
    text = page.find(class_="visiting-hours").get_text()
    assert "Smitteutbrudd" in text and "Gammel" not in text
    assert "Resepsjon Barneklinikken" in page.find(class_="contact-box").get_text()


def test_offered_treatments_are_the_live_pages_whose_contact_cards_point_here(
    client, portal, bergen, tree
):
    _t, _s, home = bergen
    department = tree["departments"]["Barneklinikken"]
    card = ("contact_card", {"department": department})
    offered = publish(ContentPageFactory(parent=home, title="Barneastma", body=[card]))
    draft = ContentPageFactory(parent=home, title="Utkast", body=[card], live=False)
    publish(ContentPageFactory(parent=home, title="Uten kort"))
    assert list(department.offered_treatments()) == [offered]
    assert draft not in department.offered_treatments()
    page = soup(get(client, "/avdelinger/barneklinikken/", "helse-bergen"))
    assert [a.get_text() for a in page.select("#offered-heading + ul a")] == ["Barneastma"]


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def add_page(client, model, parent, data):
    url = reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )
    return client.post(url, nested_form_data(data))


def department_data(**overrides):
    data = {
        "title": "Ny avdeling",
        "slug": "ny-avdeling",
        "kind": "department",
        "department_locations": inline_formset([]),
        "visiting_hours": inline_formset([{"weekday": "0", "opens": "18:00", "closes": "17:00"}]),
        "visiting_exceptions": inline_formset([]),
        "body": streamfield([]),
        "staff_contacts": streamfield([]),
    }
    data.update(overrides)
    return data


def test_visiting_hours_ending_before_they_start_are_a_form_error(admin_client, portal, tree):
    response = add_page(admin_client, DepartmentPage, tree["index"], department_data())
    assert response.status_code == 200
    formset = response.context["form"].formsets["visiting_hours"]
    assert "closes" in formset.forms[0].errors
    assert not DepartmentPage.objects.filter(slug="ny-avdeling").exists()

    data = department_data(
        visiting_hours=inline_formset([{"weekday": "0", "opens": "17:00", "closes": "18:00"}])
    )
    response = add_page(admin_client, DepartmentPage, tree["index"], data)
    assert response.status_code == 302
    assert DepartmentPage.objects.get(slug="ny-avdeling").visiting_hours.count() == 1


@pytest.mark.parametrize(
    ("latitude", "longitude", "field"),
    [
        ("91", "5", "latitude"),
        ("-90.5", "5", "latitude"),
        ("60", "180.1", "longitude"),
        ("60", "", "longitude"),
    ],
)
def test_map_coordinates_outside_valid_ranges_are_form_errors(
    admin_client, portal, tree, latitude, longitude, field
):
    parent = tree["haukeland"].get_parent()
    data = {
        "title": "Nytt sted",
        "slug": "nytt-sted",
        "visiting_address": "Vei 1",
        "latitude": latitude,
        "longitude": longitude,
        "body": streamfield([]),
    }
    response = add_page(admin_client, LocationPage, parent, data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not LocationPage.objects.filter(slug="nytt-sted").exists()
