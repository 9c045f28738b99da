"""Editing rules: who writes the national base, who chooses from it, and what may be published."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Workflow

from core.factories import UserFactory
from home.groups import NATIONAL_EDITORS, sync_site_groups
from treatments.factories import (
    CategoryFactory,
    TreatmentFactory,
    TreatmentIndexPageFactory,
    offer,
)
from treatments.models import Category, Diagnosis, Treatment, TreatmentPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def groups(portal, bergen, ous):
    sync_site_groups()


def member(name):
    return UserFactory(groups=[Group.objects.get(name=name)])


def treatment_form(**overrides):
    data = {
        "title": "Gastroskopi",
        "slug": "gastroskopi",
        "kind": "undersokelse",
        "summary": "Kikkertundersøkelse av spiserør og magesekk.",
        "category": CategoryFactory().pk,
        "approved_date": "2025-01-01",
    }
    data.update(overrides)
    return data


def test_national_editors_create_treatments_and_submit_them_for_approval(client, groups):
    client.force_login(member(NATIONAL_EDITORS))
    response = client.post(
        reverse("wagtailsnippets_treatments_treatment:add"),
        {**treatment_form(), "action-submit": "1"},
    )
    assert response.status_code == 302
    treatment = Treatment.objects.get(slug="gastroskopi")
    # Published once a second member approves it (tests/test_approval.py).
    assert not treatment.live
    assert treatment.workflow_in_progress
    assert str(treatment.next_review) == "2028-01-01"
    for model in ("treatment", "category", "diagnosis"):
        assert client.get(reverse(f"wagtailsnippets_treatments_{model}:add")).status_code == 200


def test_local_editors_cannot_create_or_change_the_national_base(client, groups):
    treatment = TreatmentFactory(title="Koloskopi")
    new, changed = treatment_form(), treatment_form(title="Endret", slug="koloskopi")
    diagnosis_count, category_count = Diagnosis.objects.count(), Category.objects.count()
    client.force_login(member("helse-bergen redaktør"))
    add = reverse("wagtailsnippets_treatments_treatment:add")
    assert client.get(add).status_code in (302, 403)
    assert client.post(add, {**new, "action-publish": "1"}).status_code in (302, 403)
    edit = reverse("wagtailsnippets_treatments_treatment:edit", args=[treatment.pk])
    response = client.post(edit, changed)
    assert response.status_code in (302, 403)
    treatment.refresh_from_db()
    assert treatment.title == "Koloskopi"
    for model in ("category", "diagnosis"):
        url = reverse(f"wagtailsnippets_treatments_{model}:add")
        assert client.post(url, {"name": "X", "slug": "x", "icd10": "C50"}).status_code in (
            302,
            403,
        )
    assert (Diagnosis.objects.count(), Category.objects.count()) == (
        diagnosis_count,
        category_count,
    )
    # Webmasters are local editors too.
    client.force_login(member("helse-bergen nettansvarlig"))
    assert client.get(add).status_code in (302, 403)


def test_local_editors_can_choose_and_the_chooser_offers_only_live_treatments(client, groups):
    TreatmentFactory(title="Publisert behandling")
    draft = TreatmentFactory(title="Upublisert behandling", live=False)
    assert not draft.live
    client.force_login(member("helse-bergen redaktør"))
    response = client.get(reverse("wagtailsnippetchoosers_treatments_treatment:choose"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Publisert behandling" in html
    assert "Upublisert behandling" not in html


def test_only_the_national_editorial_board_can_approve_in_the_workflow(groups):
    workflow = Workflow.objects.get(name=NATIONAL_EDITORS)
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [NATIONAL_EDITORS]
    assert Treatment.get_default_workflow() == workflow
    treatment = TreatmentFactory(title="Blodprøve")
    treatment.save_revision()
    state = workflow.start(treatment, UserFactory(is_superuser=True))
    task_state = state.current_task_state
    board = member(NATIONAL_EDITORS)
    local = member("helse-bergen redaktør")
    assert "approve" in [action[0] for action in task.get_actions(treatment, board)]
    assert task.get_actions(treatment, local) == []
    assert not task.user_can_access_editor(treatment, local)
    # Approving as a board member publishes the revision and completes the workflow.
    task_state.approve(user=board)
    state.refresh_from_db()
    assert state.status == state.STATUS_APPROVED


def test_a_local_page_without_a_treatment_cannot_be_published(client, groups, bergen):
    index = TreatmentIndexPageFactory(parent=bergen[2])
    client.force_login(member("helse-bergen redaktør"))
    url = reverse("wagtailadmin_pages:add", args=["treatments", "treatmentpage", index.pk])
    response = client.post(
        url,
        {
            "title": "Gastroskopi",
            "slug": "gastroskopi",
            "contact_cards-count": "0",
            "action-publish": "1",
        },
    )
    assert response.status_code == 200
    assert "treatment" in response.context["form"].errors
    assert not TreatmentPage.objects.exists()

    treatment = TreatmentFactory(title="Gastroskopi")
    response = client.post(
        url,
        {
            "title": "Gastroskopi",
            "slug": "gastroskopi",
            "treatment": treatment.pk,
            "contact_cards-count": "0",
            "action-publish": "1",
        },
    )
    assert response.status_code == 302
    assert TreatmentPage.objects.get().live


def test_admin_warns_when_the_chosen_treatment_is_unpublished(client, groups, bergen):
    treatment = TreatmentFactory(title="Angiografi")
    page = offer(bergen[2], treatment)
    client.force_login(member("helse-bergen redaktør"))
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert "ikke publisert" not in client.get(edit).content.decode()
    treatment.unpublish()
    html = client.get(edit).content.decode()
    assert "Den nasjonale behandlingen «Angiografi» er ikke publisert" in html
