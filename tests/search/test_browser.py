"""The search box in Chromium: suggestions by keyboard, and the plain form without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from home.factories import ContentPageFactory, make_hospital, make_portal
from tests.browser import site_url
from treatments.factories import TreatmentFactory, offer

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def build():
    make_portal()
    _trust, _site, home = make_hospital("helse-bergen")
    offer(home, TreatmentFactory(title="Kneprotese", summary="Nytt kneledd."))
    offer(home, TreatmentFactory(title="Knebue", summary="Korrigering av knær."))
    ContentPageFactory(parent=home, title="Besøkstider", intro="Besøk på sengepostene.")


def test_suggestions_by_keyboard(live_server, browser):
    build()
    page = browser.new_page()
    page.goto(site_url(live_server, "helse-bergen"))
    box = page.get_by_role("combobox", name="Søk på nettstedet")
    box.focus()
    page.keyboard.type("kne")
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(listbox.get_by_role("option")).to_have_count(2)
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".site-search [aria-live=polite]")).to_have_text("2 forslag")

    page.keyboard.press("ArrowDown")
    first = listbox.get_by_role("option").first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    page.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")

    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    chosen = listbox.get_by_role("option").nth(1).inner_text().split("\n")[0]
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/behandlinger/kne"))
    expect(page.locator("h1")).to_have_text(chosen)


def test_search_form_works_without_javascript(live_server, browser):
    build()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url(live_server, "helse-bergen"))
    box = page.get_by_role("searchbox", name="Søk på nettstedet")
    box.fill("besøkstider")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/sok/\?q=bes"))
    expect(page.locator("h1")).to_have_text("Søk")
    expect(page.get_by_role("status")).to_contain_text("1 treff på «besøkstider»")
    result = page.locator("ol.search-results h3 a")
    expect(result).to_have_text("Besøkstider")
    # The type filter is a list of links, reachable and current-marked without script.
    current = page.get_by_role("navigation", name="Filtrer etter type").locator("[aria-current]")
    expect(current).to_contain_text("Alle")
    result.click()
    expect(page.locator("h1")).to_have_text("Besøkstider")
    context.close()
