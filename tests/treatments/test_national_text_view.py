"""Local editors read the national text they insert: a read-only view of a national treatment,
linked from the listing and the chooser, showing the stages of its kind."""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from core.factories import UserFactory
from home.groups import NATIONAL_EDITORS, sync_site_groups
from tests.helpers import soup
from treatments.factories import TreatmentFactory
from treatments.models import Treatment

pytestmark = pytest.mark.django_db


@pytest.fixture
def local_editor(client, portal, bergen):
    sync_site_groups()
    client.force_login(UserFactory(groups=[Group.objects.get(name="helse-bergen redaktør")]))
    return client


@pytest.fixture
def programme(db):
    return TreatmentFactory(
        title="Brystkreft, behandlingsforløp",
        kind="behandlingsprogram",
        referral="<p>Fastlegen henviser deg.</p>",
        investigation="<p>Utredningen tar <b>to uker</b>.</p>",
        therapy="<p>Operasjon og stråling.</p>",
        follow_up="<p>Kontroller i fem år.</p>",
        before="",
        during="",
        after="",
    )


def inspect_url(treatment):
    return reverse("wagtailsnippets_treatments_treatment:inspect", args=[treatment.pk])


def test_a_local_editor_reads_the_national_text_of_the_kinds_stages(local_editor, programme):
    response = local_editor.get(inspect_url(programme))
    assert response.status_code == 200
    fields = {
        dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in soup(response).select("dl dt")
    }
    assert fields["Utredning"].find("b").get_text() == "to uker"  # rich text, not escaped
    assert "Kontroller i fem år." in fields["Oppfølging"].get_text()
    # A programme has no "before", "during" or "after".
    assert not {"Før", "Under", "Etter"} & set(fields)


def test_a_local_editor_cannot_edit_the_national_text(local_editor, programme):
    edit = reverse("wagtailsnippets_treatments_treatment:edit", args=[programme.pk])
    assert local_editor.get(edit).status_code in (302, 403)
    response = local_editor.post(edit, {"title": "Endret", "kind": "behandlingsprogram"})
    assert response.status_code in (302, 403)
    assert Treatment.objects.get(pk=programme.pk).title == "Brystkreft, behandlingsforløp"


def test_the_listing_and_the_chooser_link_a_local_editor_to_the_national_text(
    local_editor, programme
):
    listing = soup(local_editor.get(reverse("wagtailsnippets_treatments_treatment:list")))
    assert listing.select_one("td.title a")["href"] == inspect_url(programme)

    response = local_editor.get(reverse("wagtailsnippetchoosers_treatments_treatment:choose"))
    chooser = soup(type("R", (), {"content": json.loads(response.content)["html"]}))
    read = chooser.find("a", href=inspect_url(programme))
    assert read["target"] == "_blank"


def test_national_editors_still_get_the_edit_form_from_the_listing(client, portal, programme):
    sync_site_groups()
    client.force_login(UserFactory(groups=[Group.objects.get(name=NATIONAL_EDITORS)]))
    listing = soup(client.get(reverse("wagtailsnippets_treatments_treatment:list")))
    edit = reverse("wagtailsnippets_treatments_treatment:edit", args=[programme.pk])
    assert listing.select_one("td.title a")["href"] == edit
