"""Editors' side: the Profession snippet admin, permissions and where pages may go."""

import pytest

from careers.factories import ProfessionFactory
from careers.models import (
    CareersIndexPage,
    CoursePage,
    EducationPage,
    EventPage,
    JobPage,
    ProfessionPage,
)
from home.groups import NATIONAL_PERMISSIONS_HOOK, SITE_EDITOR_PERMISSIONS_HOOK, hooked_permissions

pytestmark = pytest.mark.django_db


def test_profession_snippets_are_listed_filtered_and_searched(admin_client):
    ProfessionFactory(name="Lege", slug="lege")
    ProfessionFactory(name="Ingeniør", slug="ingenior", group="teknisk")
    url = "/admin/snippets/careers/profession/"
    page = admin_client.get(url).content.decode()
    assert "Lege" in page and "Ingeniør" in page
    filtered = admin_client.get(url, {"group": "teknisk"}).content.decode()
    assert "Ingeniør" in filtered and ">Lege<" not in filtered
    searched = admin_client.get(url, {"q": "lege"}).content.decode()
    assert "Lege" in searched and "Ingeniør" not in searched


def test_national_editors_maintain_professions_and_site_editors_choose_them():
    national = {p.codename for p in hooked_permissions(NATIONAL_PERMISSIONS_HOOK)}
    assert {"add_profession", "change_profession"} <= national
    local = {p.codename for p in hooked_permissions(SITE_EDITOR_PERMISSIONS_HOOK)}
    assert "view_profession" in local and "change_profession" not in local


def test_careers_pages_live_in_a_careers_section(portal, bergen):
    _trust, _site, home = bergen
    assert CareersIndexPage.can_create_at(home)
    assert CareersIndexPage.can_create_at(portal)
    for model in (JobPage, CoursePage, EventPage, EducationPage, ProfessionPage):
        assert not model.can_create_at(home)
        assert model in CareersIndexPage.allowed_subpage_models()
