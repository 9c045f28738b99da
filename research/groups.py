"""Research-group editors: one Wagtail group per research group page, made by code.

A group's members edit, translate and submit their group's page and its subpages in every
language, and nothing else. Translations are separate pages in their locale trees, so the page
rights are granted on each translation (a handful of rows per group, not a subtree of a site);
a new translation gets its rows when it is created. They publish through the workflow of the
site's research section, approved by the site's web team, unless the site's research settings
let groups publish directly (docs/research.md#group-editors).
"""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from core.models import SecondPersonApprovalTask
from core.sites import SiteDirectory, below
from home.groups import (
    ADMIN_ACCESS,
    TRANSLATE,
    SyncReport,
    editor_group_name,
    get_permission,
    site_collection,
    site_slug_and_label,
    sync_model_permissions,
    sync_rows,
    webmaster_group_name,
)
from research.models import GroupEditors, ResearchGroupPage, ResearchIndexPage, ResearchSettings

GROUP_EDITORS_INFIX = "forskningsgruppe"
EDIT_PAGE_PERMISSIONS = ["add_page", "change_page"]
# Choosing the national and the site's researchers and areas, and a picture of the group.
MODEL_PERMISSIONS = [ADMIN_ACCESS, TRANSLATE, "research.view_person", "research.view_researcharea"]
SITE_PERMISSIONS = ["research.view_person"]
COLLECTION_PERMISSIONS = ["wagtailimages.add_image", "wagtailimages.choose_image"]
WORKFLOW_SUFFIX = "forskning"


def group_editors_name(slug, original):
    """`helse-bergen forskningsgruppe 123: Hjerteforskning` (the id keeps equal titles apart)."""
    return f"{slug} {GROUP_EDITORS_INFIX} {original.pk}: {original.title}"[:150]


def workflow_name(slug):
    return f"{slug} {WORKFLOW_SUFFIX}"


def _site_of(directory, page):
    site = directory.site_for(page)
    if site is None:
        return None, None, None
    return site, *site_slug_and_label(site, directory.trust_for(page))


def sync_group_editors(translation_key, report=None, directory=None):
    """Create or correct the group of one research group (all its translations); delete it
    when the page is gone. Idempotent."""
    report = report or SyncReport()
    directory = directory or SiteDirectory()
    pages = list(ResearchGroupPage.objects.filter(translation_key=translation_key).order_by("pk"))
    role = GroupEditors.objects.filter(translation_key=translation_key).select_related("group")
    role = role.first()
    site, slug, label = _site_of(directory, pages[0]) if pages else (None, None, None)
    if site is None:
        if role is not None:
            role.group.delete()
        return report
    name = group_editors_name(slug, pages[0])
    if role is None:
        group, created = Group.objects.get_or_create(name=name)
        report.groups_created += created
        role = GroupEditors.objects.create(group=group, translation_key=translation_key)
    elif role.group.name != name:
        role.group.name = name
        role.group.save(update_fields=["name"])
    group = role.group
    page_permissions = list(EDIT_PAGE_PERMISSIONS)
    # Not `for_site`, which would create the row and set off `research_settings_changed`.
    if ResearchSettings.objects.filter(site=site, groups_publish_directly=True).exists():
        page_permissions.append("publish_page")
    sync_model_permissions(group, {get_permission(n) for n in MODEL_PERMISSIONS}, report)
    sync_rows(
        GroupPagePermission,
        group,
        ("page_id", "permission_id"),
        {
            (page.pk, get_permission(f"wagtailcore.{perm}").pk)
            for page in pages
            for perm in page_permissions
        },
        report,
    )
    sync_rows(
        GroupCollectionPermission,
        group,
        ("collection_id", "permission_id"),
        {(site_collection(label).pk, get_permission(n).pk) for n in COLLECTION_PERMISSIONS},
        report,
    )
    sync_rows(
        GroupSitePermission,
        group,
        ("site_id", "permission_id"),
        {(site.pk, get_permission(n).pk) for n in SITE_PERMISSIONS},
        report,
    )
    sync_research_workflow(site, slug, directory)
    return report


def sync_research_workflow(site, slug, directory=None):
    """The workflow of a site's research section (every locale): approval by a second member
    of the site's web team (its editors and webmasters)."""
    directory = directory or SiteDirectory()
    sections = ResearchIndexPage.objects.filter(below(directory.site_paths(site)))
    approvers = Group.objects.filter(name__in=[editor_group_name(slug), webmaster_group_name(slug)])
    name = workflow_name(slug)
    task = SecondPersonApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = SecondPersonApprovalTask.objects.create(name=name)
    task.groups.set(approvers)
    workflow, _ = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for section in sections:
        WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})


def sync_all_group_editors(report):
    """Every research group's group, and no group left for a deleted page."""
    directory = SiteDirectory()
    keys = set(ResearchGroupPage.objects.values_list("translation_key", flat=True))
    for key in keys:
        sync_group_editors(key, report, directory)
    for role in GroupEditors.objects.exclude(translation_key__in=keys).select_related("group"):
        role.group.delete()


def sync_site_group_editors(site):
    """After a site's research settings change: its groups' publish right."""
    directory = SiteDirectory()
    keys = set(
        ResearchGroupPage.objects.filter(below(directory.site_paths(site))).values_list(
            "translation_key", flat=True
        )
    )
    with transaction.atomic():
        for key in keys:
            sync_group_editors(key, directory=directory)
