"""The editors' journeys end to end in headless Chromium, from the admin to the public site
(issue 16): a hospital's editor offers a national treatment, the national board changes its
text with a second member's approval, a translator publishes a local page in English, and a
research group's editor publishes their English-first group in Norwegian (issue 23)."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from playwright.sync_api import expect

from core.factories import UserFactory
from home.factories import (
    LocationIndexPageFactory,
    LocationPageFactory,
    make_hospital,
    make_portal,
)
from home.groups import NATIONAL_EDITORS, editor_group_name, sync_site_groups
from research.factories import make_group, research_index
from research.groups import group_editors_name
from research.models import ResearchSettings
from tests.browser import site_url
from tests.helpers import translate
from treatments.factories import TreatmentFactory, TreatmentIndexPageFactory, offer

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct horse battery staple"


def log_in(browser, live_server, user, path):
    """A fresh browser (its own session) logged in as `user` on the admin page `path`."""
    page = browser.new_context(locale="nb-NO").new_page()
    page.goto(f"{live_server.url}/admin/login/?next={path}")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(path)))
    return page


def type_rich_text(page, field, text):
    """Type into the Draftail editor of `field` and wait for it to write its hidden input,
    which it does on an interval (250 ms)."""
    editor = page.locator(".w-field").filter(has=page.locator(f"input[name={field}]"))
    editor.locator("[contenteditable=true]").click()
    page.keyboard.type(text)
    expect(page.locator(f"input[name={field}]")).to_have_value(re.compile(re.escape(text)))


def choose_in_modal(page, title):
    modal = page.locator(".modal")
    modal.get_by_role("link", name=title, exact=True).click()
    expect(modal).to_be_hidden()


def page_action(page, name):
    """Click an action of the editor's footer, opening its "more actions" menu if need be."""
    footer = page.locator("footer")
    expect(footer.get_by_role("button").first).to_be_visible()
    button = footer.get_by_role("button", name=name)
    if not button.is_visible():
        footer.locator(".w-dropdown__toggle").click()
    button.click()


def translate_segment(page, source, text):
    """Translate one string in wagtail-localize's editor (the others fall back to the source)."""
    translate = page.get_by_role("button", name="Oversett")
    page.locator("li").filter(has=page.get_by_text(source, exact=True)).filter(
        has=translate
    ).last.locator(translate).click()
    editing = page.locator("li").filter(has=page.locator("textarea")).last
    editing.locator("textarea").fill(text)
    editing.get_by_role("button", name="Lagre").click()
    expect(page.get_by_text(text, exact=True)).to_be_visible()


def test_a_hospital_editor_offers_a_national_treatment(live_server, browser):
    make_portal()
    _trust, _site, bergen = make_hospital("helse-bergen")
    _trust, _site, ous = make_hospital("oslo-universitetssykehus")
    index = TreatmentIndexPageFactory(parent=bergen)
    LocationPageFactory(
        parent=LocationIndexPageFactory(parent=bergen),
        title="Haukeland universitetssjukehus",
        visiting_address="Haukelandsveien 22\n5021 Bergen",
    )
    LocationPageFactory(parent=LocationIndexPageFactory(parent=ous), title="Ullevål sykehus")
    TreatmentFactory(
        title="Gastroskopi", before="<p>Du må faste i seks timer før undersøkelsen.</p>"
    )
    sync_site_groups()
    editor = UserFactory(groups=[Group.objects.get(name=editor_group_name("helse-bergen"))])

    add = reverse("wagtailadmin_pages:add", args=["treatments", "treatmentpage", index.pk])
    page = log_in(browser, live_server, editor, add)
    page.fill("#id_title", "Gastroskopi")
    page.locator("#id_title").press("Tab")  # the slug follows the title when it is left
    expect(page.locator("#id_slug")).to_have_value("gastroskopi")

    # The national treatment, through the snippet chooser.
    page.locator("#id_treatment-chooser").get_by_role("button").click()
    choose_in_modal(page, "Gastroskopi")
    expect(page.locator("#id_treatment-chooser [data-chooser-title]")).to_have_text("Gastroskopi")

    type_rich_text(page, "local_before", "Møt i inngang B, 2. etasje.")
    # "Hvor skal du behandles?": the own hospital's locations only.
    locations = page.locator("label:has(input[name=locations])")
    expect(locations).to_have_text(["Haukeland universitetssjukehus"])
    page.get_by_label("Haukeland universitetssjukehus").check()

    # A contact card at a location, chosen in the location chooser: Bergen's only.
    page.locator("[data-contentpath=contact_cards] .c-sf-add-button").first.click()
    page.get_by_role("button", name="Velg et sted").click()
    modal = page.locator(".modal")
    expect(modal.locator("tbody tr")).to_have_count(1)
    expect(modal.locator("tbody tr")).to_contain_text("Helse Bergen HF")
    choose_in_modal(page, "Haukeland universitetssjukehus")
    page.fill("input[name='contact_cards-0-value-title']", "Endoskopiseksjonen")
    page.fill("input[name='contact_cards-0-value-phone']", "55 97 50 00")

    page_action(page, "Publiser")
    expect(page.locator(".messages .success")).to_contain_text("Gastroskopi")

    public = page.context.new_page()
    public.goto(site_url(live_server, "helse-bergen") + "behandlinger/gastroskopi/")
    main = public.locator("main")
    expect(public.locator("h1")).to_have_text("Gastroskopi")
    expect(main).to_contain_text("Du må faste i seks timer før undersøkelsen.")
    expect(main).to_contain_text("Møt i inngang B, 2. etasje.")
    expect(main).to_contain_text("Haukeland universitetssjukehus")
    expect(main).to_contain_text("Endoskopiseksjonen")
    expect(main).to_contain_text("55 97 50 00")


def test_the_national_board_changes_a_treatments_text(live_server, browser):
    make_portal()
    _trust, _site, bergen = make_hospital("helse-bergen")
    treatment = TreatmentFactory(title="Gastroskopi", before="<p>Faste fra midnatt.</p>")
    offer(bergen, treatment).save_revision().publish()
    sync_site_groups()
    board = Group.objects.get(name=NATIONAL_EDITORS)
    writer, approver = UserFactory(groups=[board]), UserFactory(groups=[board])
    edit = reverse("wagtailsnippets_treatments_treatment:edit", args=[treatment.pk])

    page = log_in(browser, live_server, writer, edit)
    type_rich_text(page, "before", " Drikk klart vann til to timer før.")
    page_action(page, "Send inn til Nasjonal fagredaksjon")
    expect(page.locator(".messages .success")).to_be_visible()
    page.context.close()

    # The second member approves; the approved text is published.
    page = log_in(browser, live_server, approver, edit)
    page_action(page, re.compile("^Godkjenn og publiser$", re.IGNORECASE))
    expect(page.locator(".messages .success")).to_be_visible()

    public = page.context.new_page()
    public.goto(site_url(live_server, "helse-bergen") + "behandlinger/gastroskopi/")
    expect(public.locator("main")).to_contain_text("Drikk klart vann til to timer før.")


def test_a_translator_publishes_a_local_page_in_english(live_server, browser):
    make_portal()
    trust, _site, bergen = make_hospital("helse-bergen")
    treatment = TreatmentFactory(title="Gastroskopi", before="<p>Faste fra midnatt.</p>")
    translate(treatment, "en", title="Gastroscopy", before="<p>Fast from midnight.</p>")
    local = offer(bergen, treatment, local_before="<p>Møt i inngang B.</p>")
    local.save_revision().publish()
    translate(bergen, "en", title=trust.name)
    translate(local.get_parent(), "en", title="Treatments", slug="treatments")
    sync_site_groups()
    translator = UserFactory(groups=[Group.objects.get(name=editor_group_name("helse-bergen"))])
    translator.user_permissions.add(Permission.objects.get(codename="submit_translation"))

    submit = reverse("wagtail_localize:submit_page_translation", args=[local.pk])
    page = log_in(browser, live_server, translator, submit)
    page.get_by_label("Engelsk").check()
    page.locator("form:has([name=locales]) [type=submit]").click()

    # wagtail-localize's editor of the English draft.
    translate_segment(page, "Gastroskopi", "Gastroscopy")
    translate_segment(page, "Møt i inngang B.", "Meet at entrance B.")
    page.get_by_role("button", name=re.compile("^Publiser på")).click()
    expect(page.locator(".messages")).to_contain_text("Gastroscopy")

    public = page.context.new_page()
    public.goto(site_url(live_server, "helse-bergen") + "en/treatments/gastroskopi/")
    main = public.locator("main")
    expect(public.locator("h1")).to_have_text("Gastroscopy")
    expect(main).to_contain_text("Fast from midnight.")
    expect(main).to_contain_text("Meet at entrance B.")


def test_a_research_group_editor_publishes_an_english_first_group_in_norwegian(
    live_server, browser
):
    make_portal()
    trust, site, bergen = make_hospital("helse-bergen")
    english_home = translate(bergen, "en", title=trust.name)
    section = research_index(bergen)
    translate(section, "en", title="Research", slug="research")
    group = make_group(
        english_home,
        title="Heart rhythm research",
        slug="heart-rhythm",
        short_description="The group studies atrial fibrillation.",
        aims="<p>Better treatment of arrhythmia.</p>",
    )
    sync_site_groups()
    # Bergen's web team lets its groups publish their own pages (research settings).
    settings = ResearchSettings.for_site(site)
    settings.groups_publish_directly = True
    settings.save()
    editor = UserFactory(groups=[Group.objects.get(name=group_editors_name("helse-bergen", group))])

    submit = reverse("wagtail_localize:submit_page_translation", args=[group.pk])
    page = log_in(browser, live_server, editor, submit)
    page.get_by_label(re.compile("bokmål", re.IGNORECASE)).check()
    page.locator("form:has([name=locales]) [type=submit]").click()

    # wagtail-localize's editor of the Norwegian draft, for the group's own editor.
    translate_segment(page, "Heart rhythm research", "Hjerterytmeforskning")
    translate_segment(
        page, "The group studies atrial fibrillation.", "Gruppen forsker på atrieflimmer."
    )
    page.get_by_role("button", name=re.compile("^Publiser på")).click()
    expect(page.locator(".messages")).to_contain_text("Hjerterytmeforskning")

    public = page.context.new_page()
    public.goto(site_url(live_server, "helse-bergen") + "forskning/heart-rhythm/")
    expect(public.locator("h1")).to_have_text("Hjerterytmeforskning")
    expect(public.locator("main")).to_contain_text("Gruppen forsker på atrieflimmer.")
