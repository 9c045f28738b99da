"""National approval cannot be bypassed (docs/permissions.md, "Approval").

Wagtail's default groups and workflow are gone; a national treatment, in any language, is
published only when a second member of "Nasjonal fagredaksjon" approves it.
"""

import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from django.urls import reverse
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail_localize.models import Translation, TranslationSource

from core.factories import UserFactory
from core.models import SecondPersonApprovalTask
from home.groups import NATIONAL_EDITORS, sync_site_groups
from treatments.factories import CategoryFactory, TreatmentFactory
from treatments.models import Treatment

pytestmark = pytest.mark.django_db

removal = importlib.import_module("home.migrations.0009_remove_wagtail_default_moderation")
SNIPPET = "wagtailsnippets_treatments_treatment"


@pytest.fixture
def groups(portal, bergen, ous):
    sync_site_groups()


def member(name):
    return UserFactory(groups=[Group.objects.get(name=name)])


def form(treatment, **overrides):
    data = {
        "title": treatment.title,
        "slug": treatment.slug,
        "kind": treatment.kind,
        "summary": treatment.summary,
        "category": treatment.category_id,
        "approved_date": "2025-01-01",
    }
    data.update(overrides)
    return data


def approve(client, treatment):
    """Approve the treatment's current task as the client's user; whether it was approved."""
    state = treatment.current_workflow_task_state
    url = reverse(f"{SNIPPET}:workflow_action", args=[treatment.pk, "approve", state.pk])
    client.post(url, {"comment": ""})
    state.refresh_from_db()
    return state.status == state.STATUS_APPROVED


# Wagtail's defaults


def test_wagtails_default_groups_and_workflow_are_gone(groups, bergen):
    names = set(Group.objects.values_list("name", flat=True))
    assert not names & {"Editors", "Moderators"}
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not GroupApprovalTask.objects.filter(name="Moderators approval").exists()
    assert not WorkflowPage.objects.exists()
    # A site's pages have no workflow: nobody outside the site's groups approves them.
    assert bergen[2].get_workflow() is None
    # Nothing the project runs makes them again.
    sync_site_groups()
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def wagtail_defaults():
    """Wagtail's default groups and workflow as its migrations make them."""
    root = Page.get_first_root_node()
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    made = {}
    for name in ("Editors", "Moderators"):
        made[name] = Group.objects.create(name=name)
        GroupPagePermission.objects.create(group=made[name], page=root, permission=publish)
    task = GroupApprovalTask.objects.create(name="Moderators approval")
    task.groups.set([made["Moderators"]])
    workflow = Workflow.objects.create(name="Moderators approval")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=root)
    return made, task, workflow


def test_the_removal_deletes_the_defaults_only(bergen):
    made, task, workflow = wagtail_defaults()
    removal.remove_defaults(django_apps, None)
    assert not Group.objects.filter(pk__in=[g.pk for g in made.values()]).exists()
    assert not Workflow.objects.filter(pk=workflow.pk).exists()
    assert not GroupApprovalTask.objects.filter(pk=task.pk).exists()
    assert not WorkflowPage.objects.exists()

    # Groups and a workflow someone made their own stay.
    made, task, workflow = wagtail_defaults()
    change = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    GroupPagePermission.objects.create(group=made["Editors"], page=bergen[2], permission=change)
    page = bergen[2]
    WorkflowState.objects.create(
        content_type_id=page.content_type_id,
        base_content_type_id=page.get_base_content_type().pk,
        object_id=str(page.pk),
        workflow=workflow,
        status=WorkflowState.STATUS_APPROVED,
        requested_by=UserFactory(),
    )
    removal.remove_defaults(django_apps, None)
    assert set(
        Group.objects.filter(name__in=["Editors", "Moderators"]).values_list("name", flat=True)
    ) == {"Editors"}
    assert Workflow.objects.filter(pk=workflow.pk).exists()


# Approval by a second person


def test_the_board_approves_with_a_second_person_task(groups):
    workflow = Treatment.get_default_workflow()
    assert workflow.name == NATIONAL_EDITORS
    task = workflow.tasks.get().specific
    assert isinstance(task, SecondPersonApprovalTask)
    assert list(task.groups.values_list("name", flat=True)) == [NATIONAL_EDITORS]


def test_a_national_editor_cannot_publish_directly(client, groups):
    treatment = TreatmentFactory(title="Gastroskopi", live=False)
    client.force_login(member(NATIONAL_EDITORS))
    edit = reverse(f"{SNIPPET}:edit", args=[treatment.pk])
    client.post(edit, {**form(treatment), "action-publish": "1"})
    treatment.refresh_from_db()
    assert not treatment.live
    add = reverse(f"{SNIPPET}:add")
    client.post(
        add, {**form(treatment, slug="ny", category=CategoryFactory().pk), "action-publish": "1"}
    )
    assert not Treatment.objects.filter(slug="ny", live=True).exists()


def test_the_submitter_cannot_approve_and_a_second_member_can(client, groups):
    treatment = TreatmentFactory(title="Gastroskopi", live=False)
    author, second = member(NATIONAL_EDITORS), member(NATIONAL_EDITORS)
    client.force_login(author)
    edit = reverse(f"{SNIPPET}:edit", args=[treatment.pk])
    response = client.post(edit, {**form(treatment), "action-submit": "1"})
    assert response.status_code == 302
    treatment.refresh_from_db()
    state = treatment.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task = state.current_task_state.task.specific

    assert task.get_actions(treatment, author) == []
    assert not approve(client, treatment)
    assert not Treatment.objects.get(pk=treatment.pk).live
    assert not task.get_task_states_user_can_moderate(author).exists()

    local = member("helse-bergen redaktør")
    assert task.get_actions(Treatment.objects.get(pk=treatment.pk), local) == []

    assert task.get_task_states_user_can_moderate(second).exists()
    client.force_login(second)
    assert approve(client, treatment)
    treatment.refresh_from_db()
    assert treatment.live


def test_a_submitter_who_wrote_none_of_the_text_still_cannot_approve_it(client, groups):
    """The edit view's submit always saves a revision by the submitter, so the submitter is
    usually an author too; the task refuses the submitter as such (a workflow started in code
    on another member's revision)."""
    treatment = TreatmentFactory(title="Gastroskopi", live=False)
    writer, submitter, second = (member(NATIONAL_EDITORS) for _ in range(3))
    treatment.save_revision(user=writer)
    Treatment.get_default_workflow().start(treatment, submitter)
    treatment = Treatment.objects.get(pk=treatment.pk)
    task = treatment.current_workflow_task.specific
    assert task.get_actions(treatment, submitter) == []
    assert not task.get_task_states_user_can_moderate(submitter).exists()
    client.force_login(submitter)
    assert not approve(client, treatment)
    client.force_login(second)
    assert approve(client, treatment)


def test_whoever_changed_the_text_under_review_cannot_approve_it(client, groups):
    """A member who edits the submitted text is an author too: approval publishes their edit."""
    treatment = TreatmentFactory(title="Gastroskopi", live=False)
    author, editor, third = (member(NATIONAL_EDITORS) for _ in range(3))
    client.force_login(author)
    edit = reverse(f"{SNIPPET}:edit", args=[treatment.pk])
    client.post(edit, {**form(treatment), "action-submit": "1"})
    client.force_login(editor)
    client.post(edit, form(treatment, summary="Endret under gjennomgang."))
    treatment = Treatment.objects.get(pk=treatment.pk)
    assert treatment.workflow_in_progress
    assert not approve(client, treatment)
    client.force_login(third)
    assert approve(client, treatment)
    treatment.refresh_from_db()
    assert treatment.live
    assert treatment.summary == "Endret under gjennomgang."


# Translations


def english_draft(treatment):
    """A synced English translation made by wagtail-localize, not yet published."""
    source, _ = TranslationSource.get_or_create_from_instance(treatment)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=False)
    return treatment.get_translation(translation.target_locale), translation


def test_an_english_translation_goes_through_the_same_approval(client, groups):
    treatment = TreatmentFactory(title="Gastroskopi")
    english, translation = english_draft(treatment)
    assert not english.live
    assert english.get_workflow() == Treatment.get_default_workflow()
    author, second = member(NATIONAL_EDITORS), member(NATIONAL_EDITORS)
    client.force_login(author)
    edit = reverse(f"{SNIPPET}:edit", args=[english.pk])

    # wagtail-localize's translation editor publishes only for those who may publish.
    assert client.get(edit).status_code == 200
    assert client.post(edit, {"action": "publish"}).url == reverse("wagtailadmin_home")
    english.refresh_from_db()
    assert not english.live

    # Edited as a page of its own, the translation is submitted like any treatment.
    translation.enabled = False
    translation.save()
    client.post(edit, {**form(english, title="Gastroscopy"), "action-publish": "1"})
    english.refresh_from_db()
    assert not english.live
    client.post(edit, {**form(english, title="Gastroscopy"), "action-submit": "1"})
    english.refresh_from_db()
    assert english.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not approve(client, english)
    client.force_login(second)
    assert approve(client, english)
    english.refresh_from_db()
    assert english.live
    assert english.title == "Gastroscopy"


def test_approval_dates_every_local_page(client, groups, bergen, ous):
    """Approving a new national version gives every local page its approval date and a
    "Sist oppdatert" no older than the approval; the next review moves three years on."""
    import datetime

    from django.utils import timezone

    from tests.helpers import get_ok, soup
    from treatments.factories import offer

    old = datetime.date(2024, 5, 2)
    treatment = TreatmentFactory(title="Gastroskopi", approved_date=old, next_review=None)
    pages = [
        offer(home, treatment, last_published_at=timezone.now() - datetime.timedelta(400))
        for _trust, _site, home in (bergen, ous)
    ]
    author, second = member(NATIONAL_EDITORS), member(NATIONAL_EDITORS)
    client.force_login(author)
    edit = reverse(f"{SNIPPET}:edit", args=[treatment.pk])
    changed = form(treatment, summary="Ny tekst.", approved_date="2024-05-02")
    assert client.post(edit, {**changed, "action-submit": "1"}).status_code == 302
    client.force_login(second)
    assert approve(client, Treatment.objects.get(pk=treatment.pk))

    today = timezone.localdate()
    treatment.refresh_from_db()
    assert (treatment.summary, treatment.approved_date) == ("Ny tekst.", today)
    assert treatment.next_review == today.replace(year=today.year + 3)
    # The draft the board edits next carries the new date too.
    assert treatment.get_latest_revision_as_object().approved_date == today
    client.logout()
    for page, (trust, _site, _home) in zip(pages, (bergen, ous), strict=True):
        html = soup(get_ok(client, f"/behandlinger/{page.slug}/", trust.slug))
        updated = html.select_one(".last-updated time")["datetime"][:10]
        approved = html.select_one(".governance time")["datetime"]
        assert updated == approved == today.isoformat()
        assert "Faglig godkjent" in html.select_one(".governance").get_text()
