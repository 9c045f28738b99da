"""End to end: the real server in headless Chromium (Debian's, never a downloaded one)."""

import pytest
from playwright.sync_api import expect

from core.factories import set_menu
from home.factories import ContentPageFactory, make_hospital, make_portal
from tests.browser import site_url

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_portal_and_two_hospital_sites_in_chromium(live_server, browser):
    make_portal()
    sites = {}
    for slug, pages in [
        ("helse-bergen", ["Pasient og pårørende", "Om oss"]),
        ("oslo-universitetssykehus", ["Besøkstider", "Kontakt oss", "Om oss"]),
    ]:
        _trust, site, home = make_hospital(slug, phone="22 00 00 00")
        set_menu(site, [ContentPageFactory(parent=home, title=title) for title in pages])
        sites[slug] = pages

    page = browser.new_page()
    page.goto(site_url(live_server))
    expect(page.locator("h1")).to_have_text("Spesialisthelsetjenesten")
    expect(page.locator("section.region h3").first).to_have_text("Helse Sør-Øst")
    expect(page.get_by_role("link", name="Helse Bergen HF")).to_be_visible()

    for slug, name in [
        ("helse-bergen", "Helse Bergen HF"),
        ("oslo-universitetssykehus", "Oslo universitetssykehus HF"),
    ]:
        page.goto(site_url(live_server, slug))
        expect(page).to_have_title(name)
        expect(page.locator("h1")).to_have_text(name)
        nav = page.get_by_role("navigation", name="Hovedmeny")
        expect(nav.get_by_role("link")).to_have_text(sites[slug])

        # The skip link is the first thing a keyboard reaches, visible when focused,
        # and moves focus to the main content.
        page.keyboard.press("Tab")
        skip = page.get_by_role("link", name="Hopp til hovedinnhold")
        expect(skip).to_be_focused()
        box = skip.bounding_box()
        assert box is not None and box["y"] >= 0
        page.keyboard.press("Enter")
        expect(page.locator("main#main")).to_be_focused()

    # Following a menu link lands on the page with its breadcrumb back to the home page.
    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Kontakt oss").click()
    expect(page.locator("h1")).to_have_text("Kontakt oss")
    breadcrumb = page.get_by_role("navigation", name="Brødsmulesti")
    expect(breadcrumb.get_by_role("link")).to_have_text(["Oslo universitetssykehus HF"])
    page.close()
