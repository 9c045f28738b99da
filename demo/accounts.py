"""Who can edit the demo: the per-site editor groups, the `admin` superuser, and one account
per role so a new user can try each at once."""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from core.factories import UserFactory
from home.groups import NATIONAL_EDITORS, editor_group_name, sync_site_groups, webmaster_group_name
from research.models import GroupEditors, ResearchGroupPage
from sharing.groups import HEALTH_PERSONNEL

# (username, full name, group, where the role starts, password). Fixed, public demo passwords
# (README.md): made only where settings.FNSP_DEMO_ACCOUNTS is on, never in production.
ROLE_ACCOUNTS = [
    (
        "redaktor-bergen",
        "Rita Redaktør",
        editor_group_name("helse-bergen"),
        "Helse Bergen HF",
        "demo-redaktor-bergen",
    ),
    (
        "nettansvarlig-bergen",
        "Nils Nettansvarlig",
        webmaster_group_name("helse-bergen"),
        "Helse Bergen HF",
        "demo-nettansvarlig-bergen",
    ),
    (
        "redaktor-stolav",
        "Solveig Redaktør",
        editor_group_name("stolav"),
        "St. Olavs hospital HF",
        "demo-redaktor-stolav",
    ),
    ("fagredaktor", "Frida Fagredaktør", NATIONAL_EDITORS, "Nasjonal base", "demo-fagredaktor"),
    (
        "helsepersonell",
        "Henrik Helsepersonell",
        HEALTH_PERSONNEL,
        "Del med pasient (/del/)",
        "demo-helsepersonell",
    ),
]


# The editor of one research group (research/groups.py): its group is named after the page.
GROUP_EDITOR_ACCOUNT = (
    "forskergruppe-ous",
    "Gunn Gruppe",
    "kreftimmunologi",
    "Kreftimmunologi (Oslo universitetssykehus)",
    "demo-forskergruppe-ous",
)


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


def ensure_role_accounts(report, stdout):
    """One account per role, in its group, with its fixed demo password; printed every run."""
    if not settings.FNSP_DEMO_ACCOUNTS:
        stdout("Demo role accounts not made: FNSP_DEMO_ACCOUNTS is off (always in production).")
        return
    stdout("Demo accounts (log in at /admin/login/):")
    for username, full_name, group_name, start, password in ROLE_ACCOUNTS:
        group = Group.objects.get(name=group_name)
        ensure_account(report, stdout, username, full_name, group, start, password)


def ensure_account(report, stdout, username, full_name, group, start, password):
    """The account, made once with its demo password and kept in `group` alone; printed."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        first_name, last_name = full_name.split(" ", 1)
        user = UserFactory(
            username=username,
            first_name=first_name,
            last_name=last_name,
            email=f"{username}@fnsp.eksempel.no",
            password=password,
        )
        report.count("demo accounts")
    if list(user.groups.all()) != [group]:
        user.groups.set([group])
    shown = password if user.check_password(password) else "(changed since it was made)"
    stdout(f"  {username:22} {shown:26} {group.name} — {start}")


def ensure_group_editor_account(report, stdout):
    """The research group editor's account, made as the role accounts are."""
    if not settings.FNSP_DEMO_ACCOUNTS:
        return
    username, full_name, slug, start, password = GROUP_EDITOR_ACCOUNT
    page = ResearchGroupPage.objects.filter(slug=slug, locale=Locale.get_default()).first()
    role = page and GroupEditors.objects.filter(translation_key=page.translation_key).first()
    if role is None:
        stdout(f"  {username}: research group {slug!r} not found, account not made.")
        return
    ensure_account(report, stdout, username, full_name, role.group, start, password)
