"""The demo's account per role: printed by load_demo, able to log in, landing on its own site."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse

from core.models import HealthTrust
from demo.accounts import GROUP_EDITOR_ACCOUNT, ROLE_ACCOUNTS, ensure_role_accounts
from demo.build import DemoReport
from research.models import ImportedProject, ImportedResult, ResearchGroupPage
from tests.helpers import soup

pytestmark = pytest.mark.django_db

PASSWORDS = {username: password for username, _n, _g, _s, password in ROLE_ACCOUNTS}


def log_in(client, username):
    response = client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": PASSWORDS[username]}
    )
    assert response.status_code == 302


def test_load_demo_prints_every_account_and_its_password(demo):
    for username, _name, group, _start, password in ROLE_ACCOUNTS:
        line = next(line for line in demo.splitlines() if line.strip().startswith(username))
        assert password in line and group in line


@pytest.mark.parametrize(
    ("username", "site"),
    [
        ("redaktor-bergen", "Helse Bergen HF"),
        ("nettansvarlig-bergen", "Helse Bergen HF"),
        ("redaktor-stolav", "St. Olavs hospital HF"),
    ],
)
def test_a_site_editor_lands_on_their_own_site(demo, client, username, site):
    log_in(client, username)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    heading = soup(response).select_one("#fnsp-site-pages-section h2").get_text(" ", strip=True)
    assert heading == f"Ditt nettsted: {site}"


def test_the_webmaster_edits_their_sites_settings(demo, client):
    log_in(client, "nettansvarlig-bergen")
    webmaster = get_user_model().objects.get(username="nettansvarlig-bergen")
    bergen = HealthTrust.objects.get(slug="helse-bergen").site
    url = reverse("wagtailsettings:edit", args=["core", "sitesettings", bergen.pk])
    assert client.get(url).status_code == 200
    assert webmaster.groups.get().name == "helse-bergen nettansvarlig"


def test_the_national_editor_lands_on_the_national_base(demo, client):
    log_in(client, "fagredaktor")
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert soup(response).select_one("#fnsp-national-base-section") is not None


def test_the_health_professional_shares_and_has_no_admin(demo, client):
    log_in(client, "helsepersonell")
    assert client.get(reverse("wagtailadmin_home")).status_code in (302, 403)
    assert client.get("/del/", HTTP_HOST="helse-bergen.localhost:8000").status_code == 200


@override_settings(FNSP_DEMO_ACCOUNTS=False)
def test_no_role_accounts_where_they_are_off(db):
    # The package's demo made them; this test's own transaction removes them first.
    get_user_model().objects.filter(username__in=PASSWORDS).delete()
    lines = []
    ensure_role_accounts(DemoReport(), lines.append)
    assert not get_user_model().objects.filter(username__in=PASSWORDS).exists()
    assert "FNSP_DEMO_ACCOUNTS is off" in lines[0]


def test_the_research_group_editor_edits_their_group_and_no_other(demo, client):
    username, _name, slug, _start, password = GROUP_EDITOR_ACCOUNT
    assert any(line.strip().startswith(username) and password in line for line in demo.splitlines())
    response = client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}
    )
    assert response.status_code == 302
    groups = {g.slug: g for g in ResearchGroupPage.objects.filter(locale__language_code="nb")}
    own = client.get(reverse("wagtailadmin_pages:edit", args=[groups[slug].pk]))
    assert own.status_code == 200
    other = client.get(reverse("wagtailadmin_pages:edit", args=[groups["hjerneslag"].pk]))
    assert other.status_code == 302


def test_the_demo_imports_projects_for_three_groups_offline(demo):
    keys = set(ImportedProject.objects.values_list("group_key", flat=True))
    assert len(keys) >= 3
    assert ImportedResult.objects.filter(group_key__in=keys).count() >= 3
