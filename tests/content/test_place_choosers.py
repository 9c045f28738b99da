"""The choosers of departments and locations in contact cards and "Hvor skal du behandles?"
open on the editor's own hospital and name each item's hospital (issue 16, point 2)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse

from core.factories import UserFactory
from home.factories import (
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
)
from home.groups import editor_group_name, sync_site_groups
from tests.helpers import soup, translate
from treatments.factories import TreatmentFactory, offer

pytestmark = pytest.mark.django_db

CHOOSERS = {"department": "department_chooser", "location": "location_chooser"}


@pytest.fixture
def places(bergen, ous):
    sync_site_groups()
    result = {}
    for slug, (trust, _site, home) in {"bergen": bergen, "ous": ous}.items():
        departments = DepartmentIndexPageFactory(parent=home)
        locations = LocationIndexPageFactory(parent=home)
        result[slug] = {
            "trust": trust,
            "home": home,
            # Every hospital has an emergency department: the title alone tells nothing.
            "department": DepartmentPageFactory(parent=departments, title="Akuttmottak"),
            "location": LocationPageFactory(parent=locations, title=f"Sentrum {slug}"),
        }
    return result


def bergen_editor(client):
    user = UserFactory(groups=[Group.objects.get(name=editor_group_name("helse-bergen"))])
    client.force_login(user)
    return client


def listing(client, kind, **query):
    response = client.get(reverse(f"{CHOOSERS[kind]}:choose"), query)
    assert response.status_code == 200
    html = BeautifulSoup(response.json()["html"], "html.parser")
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")[:2]]
        for row in html.select("tbody tr")
    ], html


@pytest.mark.parametrize("kind", ["department", "location"])
def test_a_hospital_editor_chooses_among_the_own_hospitals_only(client, places, kind):
    rows, html = listing(bergen_editor(client), kind)
    assert rows == [[places["bergen"][kind].title, "Helse Bergen HF"]]
    # One hospital: nothing to filter by.
    assert html.select_one("select[name=hospital]") is None


def test_an_editor_of_every_site_sees_each_items_hospital_and_filters_by_it(client, places):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    rows, html = listing(client, "department")
    assert rows == [
        ["Akuttmottak", "Helse Bergen HF"],
        ["Akuttmottak", "Oslo universitetssykehus HF"],
    ]
    options = [option.get_text() for option in html.select("select[name=hospital] option")]
    assert options == ["Alle", "Helse Bergen HF", "Oslo universitetssykehus HF"]

    response = client.get(
        reverse("department_chooser:choose_results"), {"hospital": places["ous"]["trust"].pk}
    )
    results = soup(response)
    assert [row.find("td").get_text(strip=True) for row in results.select("tbody tr")] == [
        "Akuttmottak"
    ]
    assert "Oslo universitetssykehus HF" in results.select_one("tbody tr").get_text()


def test_the_chooser_searches_titles(client, places):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(reverse("location_chooser:choose_results"), {"q": "sentrum ous"})
    rows = soup(response).select("tbody tr")
    assert [row.find("td").get_text(strip=True) for row in rows] == ["Sentrum ous"]


def test_a_contact_card_opens_these_choosers(client, places):
    page = offer(places["bergen"]["home"], TreatmentFactory(title="Kneprotese"))
    response = bergen_editor(client).get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("department_chooser:choose") in html
    assert reverse("location_chooser:choose") in html


def test_where_it_is_offered_lists_the_pages_hospitals_locations(client, places):
    bergen = places["bergen"]
    for page in [bergen["home"], bergen["location"].get_parent(), bergen["location"]]:
        translate(page, "en")
    page = offer(bergen["home"], TreatmentFactory(title="Kneprotese"))
    response = bergen_editor(client).get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    field = response.context["form"]["locations"]
    # Its own locations, in the page's language.
    labels = soup(response).select("label:has(input[name=locations])")
    assert [label.get_text(strip=True) for label in labels] == ["Sentrum bergen"]
    assert "Helse Bergen HF" in str(field.help_text)
