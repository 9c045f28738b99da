"""The `Helsepersonell` group: clinicians who share pages with patients and edit nothing."""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

HEALTH_PERSONNEL = "Helsepersonell"
SHARE_PERMISSIONS = ["add_share", "view_share"]


def ensure_health_personnel_group(sender, using="default", **kwargs):
    """Create the group with exactly the sharing permissions; runs after every migrate.

    This app is listed before django.contrib.auth, so auth's own post_migrate handler may
    not yet have created this app's permissions: create them first (idempotent).
    """
    create_permissions(sender, verbosity=0, using=using)
    group, _created = Group.objects.using(using).get_or_create(name=HEALTH_PERSONNEL)
    group.permissions.set(
        Permission.objects.using(using).filter(
            content_type__app_label="sharing", codename__in=SHARE_PERMISSIONS
        )
    )
