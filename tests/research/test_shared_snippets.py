"""Shared snippets on translated pages: English name when there is one, else a clear fallback."""

import pytest

from core.factories import set_menu
from core.localization import localized_snippets
from home.factories import ContentPageFactory
from research.factories import ResearchAreaFactory, translate_snippet
from tests.helpers import get, soup, translate
from treatments.factories import TreatmentFactory, offer

pytestmark = pytest.mark.django_db


def category_on_english_page(client):
    html = soup(get(client, "/en/behandlinger/gastroskopi/", "helse-bergen"))
    facts = html.find("dl", class_="facts")
    return facts.find("dd")


def test_treatment_category_is_english_when_translated_else_flagged(client, bergen):
    treatment = TreatmentFactory(title="Gastroskopi")
    page = offer(bergen[2], treatment)
    translate(bergen[2], "en")
    translate(page.get_parent(), "en")
    translate(treatment, "en", title="Gastroscopy")
    translate(page, "en", title="Gastroscopy")

    fallback = category_on_english_page(client)
    assert fallback.find("span", lang="nb").get_text() == treatment.category.name
    assert "(only in Norwegian)" in fallback.get_text()

    translate_snippet(treatment.category, "en", name="Digestive system")
    translated = category_on_english_page(client)
    assert translated.get_text(strip=True) == "Digestive system"
    assert translated.find(lang=True) is None


def test_localized_snippets_is_one_query_for_any_number(django_assert_num_queries):
    areas = [ResearchAreaFactory() for _ in range(5)]
    for area in areas[:2]:
        translate_snippet(area, "en", name=f"{area.name} (en)")
    with django_assert_num_queries(1):
        result = localized_snippets(areas, "en")
    assert [item.is_fallback for item in result] == [False, False, True, True, True]
    assert result[0].object.name.endswith("(en)")
    assert {item.language_code for item in result[2:]} == {"nb"}


def test_untranslated_menu_on_english_page_says_it_is_norwegian(client, bergen):
    _trust, site, home = bergen
    about = ContentPageFactory(parent=home, title="Om oss", slug="om-oss")
    menu = set_menu(site, [about])
    translate(home, "en")
    page = soup(get(client, "/en/", "helse-bergen"))
    nav = page.find("nav", class_="main-nav")
    assert nav.ul["lang"] == "nb"
    assert "(menu only in Norwegian)" in nav.get_text()

    translate_snippet(menu, "en", title="Main menu")
    page = soup(get(client, "/en/", "helse-bergen"))
    assert "only in Norwegian" not in page.find("nav", class_="main-nav").get_text()
