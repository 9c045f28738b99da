"""In headless Chromium: the national treatment form shows only the journey stages of the
chosen kind, and switches them when the kind changes."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from core.factories import UserFactory
from home.factories import make_portal
from home.groups import NATIONAL_EDITORS, sync_site_groups
from treatments.factories import CategoryFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def log_in(browser, live_server):
    """The national editor `fagredaktor` on the add form of a national treatment."""
    page = browser.new_context(locale="nb-NO").new_page()
    page.goto(f"{live_server.url}/admin/login/?next=/admin/snippets/treatments/treatment/add/")
    page.fill("#id_username", "fagredaktor")
    page.fill("#id_password", "correct horse battery staple")
    page.locator("form button[type=submit]").click()
    return page


def stage(page, name):
    return page.locator("[data-fnsp-journey-stage]").filter(has=page.locator(f"input[name={name}]"))


def test_the_form_shows_the_stages_of_the_chosen_kind(live_server, browser):
    make_portal()
    sync_site_groups()
    UserFactory(username="fagredaktor", groups=[Group.objects.get(name=NATIONAL_EDITORS)])
    page = log_in(browser, live_server)
    referral, before, investigation = (
        stage(page, "referral"),
        stage(page, "before"),
        stage(page, "investigation"),
    )
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


def test_a_stage_with_refused_text_stays_visible(live_server, browser):
    """Text in a stage the kind does not use is a form error, shown where the text is."""
    make_portal()
    sync_site_groups()
    category = CategoryFactory(name="Fordøyelse")
    UserFactory(username="fagredaktor", groups=[Group.objects.get(name=NATIONAL_EDITORS)])
    page = log_in(browser, live_server)
    before = stage(page, "before")
    before.locator("[contenteditable=true]").click()
    page.keyboard.type("Du må faste fra midnatt.")
    # Draftail writes its hidden input on an interval (250 ms): wait for it before submitting.
    expect(page.locator("input[name=before]")).to_have_value(re.compile("midnatt"))
    page.fill("input[name=title]", "Gastroskopi")
    page.fill("input[name=slug]", "gastroskopi")
    # The category's chooser is not what this test is about: set its hidden input.
    page.locator("input[name=category]").evaluate("(input, pk) => input.value = pk", category.pk)
    page.select_option("select[name=kind]", "behandlingsprogram")
    expect(before).to_be_hidden()

    # Drafts may hold anything; submitting for approval checks the stages.
    page.locator(".w-dropdown__toggle").filter(has_text="Flere handlinger").click()
    page.get_by_role("button", name="Send inn til Nasjonal fagredaksjon").click()
    expect(before.locator(".error-message")).to_contain_text("behandlingsforløp")
    expect(before).to_be_visible()
    expect(stage(page, "investigation")).to_be_visible()
