"""Autosave keeps drafts of pages and snippets that exist; it never creates one, so an abandoned
add form leaves nothing behind and the editor's next attempt never meets its slug
(docs/permissions.md#editing).

The requests are those of Wagtail's autosave controller (`w-autosave`): the whole form as
`FormData`, without an action button, sent with `Accept: application/json`.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from core.factories import UserFactory
from home.factories import ContentPageFactory
from home.groups import NATIONAL_EDITORS, sync_site_groups
from home.models import ContentPage
from tests.helpers import soup
from treatments.factories import CategoryFactory, TreatmentFactory
from treatments.models import Treatment

pytestmark = pytest.mark.django_db

AUTOSAVE = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def groups(portal, bergen):
    sync_site_groups()


def member(name):
    return UserFactory(groups=[Group.objects.get(name=name)])


def autosaves(response):
    form = soup(response).find("form", attrs={"data-edit-form": True})
    return "w-autosave" in form["data-controller"].split()


def page_form():
    return {"title": "Besøkstider", "slug": "besokstider", "intro": "", "body-count": "0"}


def test_an_abandoned_add_page_form_leaves_no_page_and_the_next_attempt_saves(
    client, groups, bergen
):
    home = bergen[2]
    client.force_login(member("helse-bergen redaktør"))
    add = reverse("wagtailadmin_pages:add", args=["home", "contentpage", home.pk])
    assert not autosaves(client.get(add))

    # What the autosave controller would send while the editor types, then leaves.
    response = client.post(add, page_form(), **AUTOSAVE)
    assert response.status_code == 400
    assert response.json()["success"] is False
    assert not ContentPage.objects.exists()

    # The next attempt, with the same title and slug, is saved as a draft.
    response = client.post(add, page_form())
    assert response.status_code == 302
    page = ContentPage.objects.get(slug="besokstider")
    assert not page.live


def test_autosave_keeps_drafts_of_existing_pages(client, groups, bergen):
    page = ContentPageFactory(parent=bergen[2], title="Parkering", slug="parkering")
    client.force_login(member("helse-bergen redaktør"))
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert autosaves(client.get(edit))

    response = client.post(
        edit, {**page_form(), "title": "Parkering og buss", "slug": "parkering"}, **AUTOSAVE
    )
    assert response.status_code == 200
    assert response.json()["success"] is True
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == "Parkering og buss"


def treatment_form():
    return {
        "title": "Gastroskopi",
        "slug": "gastroskopi",
        "kind": "undersokelse",
        "summary": "Kikkertundersøkelse av spiserør og magesekk.",
        "category": CategoryFactory().pk,
    }


def test_autosave_never_creates_a_national_treatment_but_keeps_its_drafts(client, groups):
    client.force_login(member(NATIONAL_EDITORS))
    add = reverse("wagtailsnippets_treatments_treatment:add")
    assert not autosaves(client.get(add))
    response = client.post(add, treatment_form(), **AUTOSAVE)
    assert response.status_code == 400
    assert not Treatment.objects.exists()
    assert client.post(add, treatment_form()).status_code == 302
    assert Treatment.objects.get().slug == "gastroskopi"

    treatment = TreatmentFactory(title="Koloskopi", slug="koloskopi")
    edit = reverse("wagtailsnippets_treatments_treatment:edit", args=[treatment.pk])
    assert autosaves(client.get(edit))
    form = {**treatment_form(), "title": "Koloskopi med narkose", "slug": "koloskopi"}
    response = client.post(edit, form, **AUTOSAVE)
    assert response.json()["success"] is True
    treatment.refresh_from_db()
    assert treatment.get_latest_revision_as_object().title == "Koloskopi med narkose"
