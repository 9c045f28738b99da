"""Per-site editor groups, created by code so 2000+ editors get consistent rights.

Page permissions are granted on site roots (and their translations) only: the page
explorer's cost grows with the number of permission rows, and a subtree grant covers
every page below.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail import hooks
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Site,
)

from core.models import HealthTrust, Region

PORTAL_SLUG = "portal"
NATIONAL_EDITORS = "Nasjonal fagredaksjon"
EDITOR_SUFFIX = "redaktør"
WEBMASTER_SUFFIX = "nettansvarlig"

ADMIN_ACCESS = "wagtailadmin.access_admin"
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
# Webmasters edit their site's settings and its alert banners (the portal's are national).
WEBMASTER_SETTINGS_PERMISSIONS = ["core.change_sitesettings", "core.change_alertsettings"]
# ... and keep their site's menus: granted per site, a menu being site-owned (core/permissions.py).
WEBMASTER_MENU_PERMISSIONS = [
    f"core.{action}_navigationmenu" for action in ("add", "change", "delete", "view")
]
# Site and national editors translate; wagtail-localize asks only for this model-wide right, so
# core/translation.py also asks for the right to change what is translated (a site's own pages,
# the national board's treatments).
TRANSLATE = "wagtail_localize.submit_translation"
# Other apps register hooks with these names returning "app_label.codename" strings,
# so `home` grants their rights without importing the apps that define them: national
# editors' rights, and what every site's editors need (e.g. viewing national snippets
# so they can choose them).
NATIONAL_PERMISSIONS_HOOK = "fnsp_national_editor_permissions"
SITE_EDITOR_PERMISSIONS_HOOK = "fnsp_site_editor_permissions"
# Rights webmasters hold on their own site only (GroupSitePermission), e.g. its promotions.
WEBMASTER_SITE_PERMISSIONS_HOOK = "fnsp_webmaster_site_permissions"
# Rights every site's editors and webmasters hold on their own site only, e.g. its researchers.
SITE_EDITOR_SITE_PERMISSIONS_HOOK = "fnsp_site_editor_site_permissions"
# Groups other apps make by code (e.g. one per research group), called with the `SyncReport`
# after the site and regional groups exist.
SYNC_GROUPS_HOOK = "fnsp_sync_groups"


def get_permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def editor_group_name(slug):
    return f"{slug} {EDITOR_SUFFIX}"


def regional_group_name(region):
    """`Helse Vest redaktør`: the region's name, never its slug, which is also the slug of the
    regional authority's own site (`helse-vest redaktør`)."""
    return f"{region.name} {EDITOR_SUFFIX}"


def webmaster_group_name(slug):
    return f"{slug} {WEBMASTER_SUFFIX}"


@dataclass
class SyncReport:
    groups_created: int = 0
    permissions_added: int = 0
    permissions_removed: int = 0
    restrictions_confined: int = 0
    sites: list = field(default_factory=list)


def sync_model_permissions(group, wanted, report):
    current = set(group.permissions.all())
    for permission in wanted - current:
        group.permissions.add(permission)
        report.permissions_added += 1
    for permission in current - wanted:
        group.permissions.remove(permission)
        report.permissions_removed += 1


def sync_rows(model, group, fields, wanted, report):
    """Make `group`'s rows of `model` exactly `wanted` (tuples of the values of `fields`)."""
    existing = {
        tuple(getattr(row, name) for name in fields): row
        for row in model.objects.filter(group=group)
    }
    for key in wanted - existing.keys():
        model.objects.create(group=group, **dict(zip(fields, key, strict=True)))
        report.permissions_added += 1
    for key in existing.keys() - wanted:
        existing[key].delete()
        report.permissions_removed += 1


def site_collection(name):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def get_group(name, report):
    group, created = Group.objects.get_or_create(name=name)
    report.groups_created += created
    return group


def site_slug_and_label(site, trust):
    """The slug in a site's group names and the label of its collection: its trust's, or the
    portal's for the site without a trust."""
    if trust is not None:
        return trust.slug, trust.name
    return PORTAL_SLUG, site.site_name or "Nasjonal portal"


def sync_site(site, slug, label, report):
    roots = list(site.root_page.get_translations(inclusive=True))
    collection = site_collection(label)
    page_permissions = [get_permission(f"wagtailcore.{name}") for name in PAGE_PERMISSIONS]
    collection_permissions = [get_permission(name) for name in COLLECTION_PERMISSIONS]
    editor_site_permissions = [
        get_permission(name) for name in hooked_names(SITE_EDITOR_SITE_PERMISSIONS_HOOK)
    ]
    webmaster_site_permissions = editor_site_permissions + [
        get_permission(name)
        for name in WEBMASTER_SETTINGS_PERMISSIONS
        + WEBMASTER_MENU_PERMISSIONS
        + hooked_names(WEBMASTER_SITE_PERMISSIONS_HOOK)
    ]
    model_permissions = hooked_permissions(SITE_EDITOR_PERMISSIONS_HOOK) | {
        get_permission(TRANSLATE)
    }

    for name, with_site_rights in (
        (editor_group_name(slug), False),
        (webmaster_group_name(slug), True),
    ):
        group = get_group(name, report)
        sync_model_permissions(group, model_permissions, report)
        sync_rows(
            GroupPagePermission,
            group,
            ("page_id", "permission_id"),
            {(root.pk, perm.pk) for root in roots for perm in page_permissions},
            report,
        )
        sync_rows(
            GroupCollectionPermission,
            group,
            ("collection_id", "permission_id"),
            {(collection.pk, perm.pk) for perm in collection_permissions},
            report,
        )
        sync_rows(
            GroupSitePermission,
            group,
            ("site_id", "permission_id"),
            {
                (site.pk, perm.pk)
                for perm in (
                    webmaster_site_permissions if with_site_rights else editor_site_permissions
                )
            },
            report,
        )
    report.sites.append(slug)


def hooked_names(hook_name):
    return [name for hook in hooks.get_hooks(hook_name) for name in hook()]


def hooked_permissions(hook_name):
    return {get_permission(name) for name in [ADMIN_ACCESS, *hooked_names(hook_name)]}


def sync_regional_group(region, editor_groups, report):
    """A regional web team's one group: exactly the rights of its sites' editor groups
    together (page rights on each site root, each site's collection, the same model and
    per-site rights), so a member of the team is in one group rather than in one per site."""
    group = get_group(regional_group_name(region), report)
    sync_model_permissions(group, set(Permission.objects.filter(group__in=editor_groups)), report)
    for model, fields in (
        (GroupPagePermission, ("page_id", "permission_id")),
        (GroupCollectionPermission, ("collection_id", "permission_id")),
        (GroupSitePermission, ("site_id", "permission_id")),
    ):
        wanted = set(model.objects.filter(group__in=editor_groups).values_list(*fields))
        sync_rows(model, group, fields, wanted, report)


def confine_private_collections(report):
    """A collection restricted to "any logged-in user" lets every account of every trust
    (health personnel included) open its documents: restrict it to the groups that hold
    rights on it or a collection above it instead (docs/permissions.md#collections)."""
    for restriction in CollectionViewRestriction.objects.filter(
        restriction_type=BaseViewRestriction.LOGIN
    ).select_related("collection"):
        collections = restriction.collection.get_ancestors(inclusive=True)
        groups = Group.objects.filter(collection_permissions__collection__in=collections).distinct()
        restriction.restriction_type = BaseViewRestriction.GROUPS
        restriction.save(update_fields=["restriction_type"])
        restriction.groups.set(groups)
        report.restrictions_confined += 1


@transaction.atomic
def sync_site_groups(progress=None):
    """Create or correct every per-site group, every regional group and the national group;
    idempotent."""
    report = SyncReport()
    trusts = {t.site_id: t for t in HealthTrust.objects.with_site()}
    sites = list(Site.objects.select_related("root_page").order_by("hostname"))
    for index, site in enumerate(sites, start=1):
        trust = trusts.get(site.pk)
        if trust is None and not site.is_default_site:
            continue
        slug, label = site_slug_and_label(site, trust)
        sync_site(site, slug, label, report)
        if progress:
            progress(index, len(sites), slug)
    for region in Region.objects.all():
        slugs = [t.slug for t in trusts.values() if t.region_id == region.pk]
        editor_groups = Group.objects.filter(name__in=[editor_group_name(slug) for slug in slugs])
        sync_regional_group(region, editor_groups, report)
    national = get_group(NATIONAL_EDITORS, report)
    sync_model_permissions(
        national,
        hooked_permissions(NATIONAL_PERMISSIONS_HOOK) | {get_permission(TRANSLATE)},
        report,
    )
    for hook in hooks.get_hooks(SYNC_GROUPS_HOOK):
        hook(report)
    confine_private_collections(report)
    return report
