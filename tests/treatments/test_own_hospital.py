"""A local treatment page's locations and contact cards belong to its own hospital: a foreign
choice is a form error on its field, when saving a draft and when publishing, judged on what
was submitted (issue 16, points 2 and 3)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from core.factories import UserFactory
from home.factories import (
    ContentPageFactory,
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
)
from home.groups import editor_group_name, sync_site_groups
from treatments.factories import TreatmentFactory, TreatmentIndexPageFactory, offer
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(bergen, ous):
    sync_site_groups()
    bergen_home, ous_home = bergen[2], ous[2]
    return {
        "haukeland": LocationPageFactory(parent=LocationIndexPageFactory(parent=bergen_home)),
        "ulleval": LocationPageFactory(parent=LocationIndexPageFactory(parent=ous_home)),
        "bergen_department": DepartmentPageFactory(
            parent=DepartmentIndexPageFactory(parent=bergen_home)
        ),
        "ous_department": DepartmentPageFactory(parent=DepartmentIndexPageFactory(parent=ous_home)),
        "bergen_home": bergen_home,
    }


@pytest.fixture
def editor(client, places):
    """A Helse Bergen editor's admin session."""
    client.force_login(
        UserFactory(groups=[Group.objects.get(name=editor_group_name("helse-bergen"))])
    )
    return client


STAGES = ["referral", "investigation", "therapy", "follow_up", "before", "during", "after"]


def form(treatment, locations=(), department=None, location=None, **action):
    """The page's edit form as an editor submits it."""
    cards = (
        [("contact", {"department": department, "location": location})]
        if (department or location)
        else []
    )
    # A multiple choice goes as a list; nested_form_data would number its items.
    return {"locations": [location_.pk for location_ in locations]} | nested_form_data(
        {
            "title": treatment.title,
            "slug": treatment.slug,
            "treatment": treatment.pk,
            **{f"local_{key}": rich_text("") for key in STAGES},
            "practical_information": rich_text(""),
            "waiting_time_url": "",
            "contact_cards": streamfield(
                [
                    (
                        kind,
                        {
                            "department": value["department"].pk if value["department"] else "",
                            "location": value["location"].pk if value["location"] else "",
                            "title": "" if value["department"] else "Oppmøte",
                            "reporting_point": "",
                            "visiting_address": "",
                            "opening_hours": "",
                            "phone": "" if value["department"] else "55 00 00 00",
                            "phone_hours": "",
                            "email": "",
                        },
                    )
                    for kind, value in cards
                ]
            ),
            **action,
        }
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.mark.parametrize("action", [{"action-publish": "1"}, {}], ids=["publish", "draft"])
def test_another_hospitals_location_is_a_form_error(editor, places, action):
    page = offer(places["bergen_home"], TreatmentFactory(title="Kneprotese"))
    response = editor.post(
        edit_url(page), form(page.treatment, [places["haukeland"], places["ulleval"]], **action)
    )
    assert response.status_code == 200
    assert response.context["form"].errors["locations"] == ["Velg bare steder ved dette sykehuset."]
    page.refresh_from_db()
    assert not page.locations.exists()
    # Not even a draft revision keeps the refused choice.
    assert not page.revisions.exists()


def test_a_valid_choice_saves_after_a_refused_one(editor, places):
    page = offer(places["bergen_home"], TreatmentFactory(title="Kneprotese"))
    editor.post(
        edit_url(page), form(page.treatment, [places["ulleval"]], **{"action-publish": "1"})
    )
    response = editor.post(
        edit_url(page), form(page.treatment, [places["haukeland"]], **{"action-publish": "1"})
    )
    assert response.status_code == 302
    page = TreatmentPage.objects.get(pk=page.pk)
    assert list(page.locations.all()) == [places["haukeland"]]


@pytest.mark.parametrize("field", ["department", "location"])
@pytest.mark.parametrize("action", [{"action-publish": "1"}, {}], ids=["publish", "draft"])
def test_another_hospitals_department_or_location_in_a_contact_card_is_a_form_error(
    editor, places, field, action
):
    page = offer(places["bergen_home"], TreatmentFactory(title="Kneprotese"))
    foreign = places["ous_department"] if field == "department" else places["ulleval"]
    response = editor.post(edit_url(page), form(page.treatment, **{field: foreign}, **action))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "contact_cards" in errors
    assert field in str(errors["contact_cards"].as_data()[0].block_errors[0].block_errors)
    page.refresh_from_db()
    assert len(page.contact_cards) == 0
    assert not page.revisions.exists()


def test_own_departments_and_locations_are_accepted(editor, places):
    page = offer(places["bergen_home"], TreatmentFactory(title="Kneprotese"))
    response = editor.post(
        edit_url(page),
        form(
            page.treatment,
            [places["haukeland"]],
            department=places["bergen_department"],
            location=places["haukeland"],
            **{"action-publish": "1"},
        ),
    )
    assert response.status_code == 302
    page = TreatmentPage.objects.get(pk=page.pk)
    assert page.contact_cards[0].value["department"].pk == places["bergen_department"].pk


def test_a_new_page_is_judged_by_the_hospital_it_is_added_to(editor, places):
    index = TreatmentIndexPageFactory(parent=places["bergen_home"])
    treatment = TreatmentFactory(title="Gastroskopi")
    url = reverse("wagtailadmin_pages:add", args=["treatments", "treatmentpage", index.pk])
    response = editor.post(url, form(treatment, [places["ulleval"]], **{"action-publish": "1"}))
    assert response.status_code == 200
    assert "locations" in response.context["form"].errors
    assert not TreatmentPage.objects.exists()


def test_a_content_pages_contact_card_is_checked_the_same_way(editor, places):
    page = ContentPageFactory(parent=places["bergen_home"], title="Besøk", slug="besok")

    def post(department):
        card = {
            "department": department.pk,
            "location": "",
            "title": "",
            "reporting_point": "",
            "visiting_address": "",
            "opening_hours": "",
            "phone": "",
            "phone_hours": "",
            "email": "",
        }
        data = nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "intro": "",
                "body": streamfield([("contact_card", card)]),
                "action-publish": "1",
            }
        )
        return editor.post(edit_url(page), data)

    response = post(places["ous_department"])
    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    assert post(places["bergen_department"]).status_code == 302
