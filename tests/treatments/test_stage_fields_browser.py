"""In headless Chromium: the national treatment form shows only the journey stages of the
chosen kind, and switches them when the kind changes."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from core.factories import UserFactory
from home.factories import make_portal
from home.groups import NATIONAL_EDITORS, sync_site_groups

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_form_shows_the_stages_of_the_chosen_kind(live_server, browser):
    make_portal()
    sync_site_groups()
    UserFactory(username="fagredaktor", groups=[Group.objects.get(name=NATIONAL_EDITORS)])
    page = browser.new_context(locale="nb-NO").new_page()
    page.goto(f"{live_server.url}/admin/login/?next=/admin/snippets/treatments/treatment/add/")
    page.fill("#id_username", "fagredaktor")
    page.fill("#id_password", "correct horse battery staple")
    page.locator("form button[type=submit]").click()

    def stage(name):
        return page.locator("[data-fnsp-journey-stage]").filter(
            has=page.locator(f"input[name={name}]")
        )

    referral, before, investigation = stage("referral"), stage("before"), stage("investigation")
    expect(page.locator("select[name=kind]")).to_have_value("behandling")
    expect(before).to_be_visible()
    expect(investigation).to_be_hidden()

    page.select_option("select[name=kind]", "behandlingsprogram")
    expect(investigation).to_be_visible()
    expect(before).to_be_hidden()
    expect(referral).to_be_visible()  # both kinds start with the referral

    page.select_option("select[name=kind]", "undersokelse")
    expect(before).to_be_visible()
    expect(investigation).to_be_hidden()
