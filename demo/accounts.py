"""Who can edit the demo: the per-site editor groups, and the `admin` superuser."""

import os
import secrets

from django.contrib.auth import get_user_model

from core.factories import UserFactory
from home.groups import sync_site_groups


def sync_editor_groups(report, stdout):
    groups = sync_site_groups()
    stdout(f"Editor groups: {len(groups.sites)} sites, {groups.groups_created} groups created.")


def ensure_admin(report, stdout):
    """The superuser `admin`, with DJANGO_SUPERUSER_PASSWORD when set, else a random one."""
    password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
    user = get_user_model().objects.filter(username="admin").first()
    if user is None:
        password = password or secrets.token_urlsafe(12)
        UserFactory(
            username="admin",
            email="admin@fnsp.eksempel.no",
            password=password,
            is_staff=True,
            is_superuser=True,
        )
        stdout(f"Superuser 'admin' created with password: {password}")
    elif password and not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
        stdout("Superuser 'admin' password set from DJANGO_SUPERUSER_PASSWORD.")
    else:
        stdout("Superuser 'admin' exists; its password is unchanged.")
