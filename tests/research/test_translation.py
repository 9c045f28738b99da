"""English (and other) versions of research groups through wagtail-localize."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from core.factories import UserFactory
from research.factories import (
    ResearchAreaFactory,
    make_group,
    research_index,
    translate_snippet,
)
from research.models import ResearchGroupPage
from tests.helpers import get, soup, translate
from tests.research.localize import translate_with_localize
from trials.factories import publish_trial

pytestmark = pytest.mark.django_db


def hreflangs(page):
    return {
        link["hreflang"]: link["href"]
        for link in page.find_all("link", rel="alternate", hreflang=True)
    }


@pytest.fixture
def group(bergen):
    _trust, _site, home = bergen
    translate(home, "en", title="Helse Bergen")
    area = ResearchAreaFactory(name="Hjerteforskning", slug="hjerte")
    return make_group(
        home,
        title="Hjerterytmegruppen",
        slug="hjerterytme",
        short_description="Vi forsker på hjerterytme.",
        areas=[area],
    )


def test_translation_round_trip_serves_english_page_with_lang_and_hreflang(client, group):
    translate_with_localize(
        research_index(group.get_parent().get_parent()),
        "en",
        {
            "Forskning": "Research",
            "forskning": "research",
        },
    )
    english = translate_with_localize(
        group,
        "en",
        {
            "Hjerterytmegruppen": "Heart rhythm group",
            "hjerterytme": "heart-rhythm",
            "Vi forsker på hjerterytme.": "We research heart rhythm.",
            "Målet er bedre behandling.": "The aim is better treatment.",
        },
    )
    assert english.live and english.locale.language_code == "en"

    response = get(client, "/en/research/heart-rhythm/", "helse-bergen")
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == "en"
    assert page.h1.get_text(strip=True) == "Heart rhythm group"
    assert "We research heart rhythm." in page.text
    assert "The aim is better treatment." in page.text
    assert hreflangs(page) == {
        "nb": "http://helse-bergen.localhost:8000/forskning/hjerterytme/",
        "en": "http://helse-bergen.localhost:8000/en/research/heart-rhythm/",
        # Bokmål for a language without a version (docs/seo.md).
        "x-default": "http://helse-bergen.localhost:8000/forskning/hjerterytme/",
    }
    switcher = page.find("nav", class_="language-switcher")
    assert switcher.find("a", hreflang="nb")["href"] == "/forskning/hjerterytme/"

    norwegian = soup(get(client, "/forskning/hjerterytme/", "helse-bergen"))
    assert norwegian.html["lang"] == "nb"
    assert hreflangs(norwegian) == hreflangs(page)
    # The English page's rows (areas) are copied from the source, not offered for translation.
    assert [link.area.slug for link in english.area_links.all()] == ["hjerte"]


def test_english_request_for_untranslated_group_is_404_offering_norwegian(client, group):
    response = get(client, "/en/forskning/hjerterytme/", "helse-bergen")
    assert response.status_code == 404
    page = soup(response)
    assert page.html["lang"] == "en"
    offer = page.find("a", hreflang="nb")
    assert offer["href"] == "/forskning/hjerterytme/"
    assert offer.get_text(strip=True) == "Hjerterytmegruppen"


def test_english_page_shows_english_area_names_and_flags_fallbacks(client, group):
    _trust, _site, home = (None, None, group.get_parent().get_parent())
    translated_area = ResearchAreaFactory(name="Kreftforskning", slug="kreft")
    translate_snippet(translated_area, "en", name="Cancer research")
    group.area_links.create(area=translated_area)
    group.save_revision().publish()
    translate_with_localize(research_index(home), "en", {"forskning": "research"})
    translate_with_localize(
        ResearchGroupPage.objects.get(pk=group.pk), "en", {"hjerterytme": "heart-rhythm"}
    )

    page = soup(get(client, "/en/research/heart-rhythm/", "helse-bergen"))
    areas = page.find("p", class_="research-areas")
    assert "Cancer research" in areas.text
    fallback = areas.find("span", lang="nb")
    assert fallback.get_text(strip=True) == "Hjerteforskning"
    assert "(only in Norwegian)" in areas.text
    # On the Norwegian page nothing is a fallback.
    nb_page = soup(get(client, "/forskning/hjerterytme/", "helse-bergen"))
    assert "only in Norwegian" not in nb_page.text
    assert "Kreftforskning" in nb_page.find("p", class_="research-areas").text


def test_machine_translation_prefills_a_draft_that_an_editor_publishes(client, group):
    editor = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(editor)
    english = Locale.objects.get(language_code="en")
    translate_with_localize(
        research_index(group.get_parent().get_parent()), "en", {"forskning": "research"}
    )
    # "Translate this page" in the admin: the translation starts as a draft.
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[group.pk]),
        {"locales": [english.pk]},
    )
    assert response.status_code == 302
    draft = group.get_translation(english)
    assert not draft.live

    translation = Translation.objects.get(
        source=TranslationSource.objects.get(object_id=group.translation_key),
        target_locale=english,
    )
    machine_translate_url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    # The translation editor offers the configured translator.
    assert b"Fake translator" in edit.content
    assert machine_translate_url.encode() in edit.content
    response = client.post(
        machine_translate_url,
        {"next": "/admin/"},
    )
    assert response.status_code == 302
    saved = StringTranslation.objects.filter(locale=english, translation_type="machine")
    assert "[MT] Vi forsker på hjerterytme." in set(saved.values_list("data", flat=True))
    draft.refresh_from_db()
    assert not draft.live
    assert get(client, f"/en/research/{draft.slug}/", "helse-bergen").status_code == 404

    # The editor publishes from the translation editor.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(user=editor, publish=True)
    draft.refresh_from_db()
    assert draft.live
    response = get(client, f"/en/research/{draft.slug}/", "helse-bergen")
    assert response.status_code == 200
    assert "[MT] Vi forsker på hjerterytme." in response.content.decode()


def test_without_a_configured_translator_the_option_is_absent(client, group, settings):
    del settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    english = Locale.objects.get(language_code="en")
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[group.pk]),
        {"locales": [english.pk]},
    )
    draft = group.get_translation(english)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    assert edit.status_code == 200
    assert b"Fake translator" not in edit.content
    assert b"machine_translate" not in edit.content


@pytest.mark.parametrize(("code", "slug"), [("nn", "forsking"), ("se", "dutkan")])
def test_nynorsk_and_sami_versions_use_the_same_machinery(client, group, code, slug):
    home = group.get_parent().get_parent()
    translate(home, code)
    translate_with_localize(research_index(home), code, {"forskning": slug})
    translate_with_localize(group, code, {"Hjerterytmegruppen": f"Gruppe ({code})"})
    response = get(client, f"/{code}/{slug}/hjerterytme/", "helse-bergen")
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == code
    assert page.h1.get_text(strip=True) == f"Gruppe ({code})"


def test_hreflang_links_survive_templates_that_override_head_links(client, bergen):
    home = bergen[2]
    trial = publish_trial(home, title="Studie", slug="studie")
    translate(home, "en")
    translate(trial.get_parent(), "en", slug="clinical-trials")
    translate(trial, "en", title="Trial", slug="trial")
    page = soup(get(client, "/en/clinical-trials/trial/", "helse-bergen"))
    assert page.find("link", rel="canonical") is not None  # the trial template's own block
    assert hreflangs(page) == {
        "nb": "http://helse-bergen.localhost:8000/kliniske-studier/studie/",
        "en": "http://helse-bergen.localhost:8000/en/clinical-trials/trial/",
        "x-default": "http://helse-bergen.localhost:8000/kliniske-studier/studie/",
    }


def test_po_download_and_upload_round_trip(client, group):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    english = Locale.objects.get(language_code="en")
    translate_with_localize(
        research_index(group.get_parent().get_parent()), "en", {"forskning": "research"}
    )
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[group.pk]),
        {"locales": [english.pk]},
    )
    translation = Translation.objects.get(
        source__object_id=group.translation_key, target_locale=english
    )
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    english_text = {
        "Hjerterytmegruppen": "Heart rhythm group",
        "hjerterytme": "heart-rhythm",
        "Vi forsker på hjerterytme.": "We research heart rhythm.",
    }
    for entry in po:
        entry.msgstr = english_text.get(entry.msgid, "")
    upload = SimpleUploadedFile("group-en.po", str(po).encode(), "text/x-gettext-translation")
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": "/admin/"},
    )
    assert response.status_code == 302
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)
    page = soup(get(client, "/en/research/heart-rhythm/", "helse-bergen"))
    assert page.h1.get_text(strip=True) == "Heart rhythm group"
    assert "We research heart rhythm." in page.text
