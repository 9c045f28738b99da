"""Locales: nb at /, nn, en and se prefixed; no fallback to an untranslated page."""

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization

from home.factories import ContentPageFactory
from tests.helpers import get, soup, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(bergen):
    _trust, _site, home = bergen
    return ContentPageFactory(parent=home, title="Om oss", slug="om-oss")


def test_content_locales_are_the_four_languages():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"nb", "nn", "en", "se"}


@pytest.mark.parametrize(
    ("code", "slug", "title"),
    [("en", "about-us", "About us"), ("nn", "om-oss", "Om oss"), ("se", "min-birra", "Min birra")],
)
def test_translated_page_is_served_under_its_prefix_with_its_lang(
    client, bergen, about, code, slug, title
):
    _trust, _site, home = bergen
    translate(home, code)
    translate(about, code, title=title, slug=slug)
    response = get(client, f"/{code}/{slug}/", "helse-bergen")
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == code
    assert page.h1.get_text(strip=True) == title


def test_untranslated_page_is_a_404_not_a_fallback(client, bergen, about):
    _trust, _site, home = bergen
    translate(home, "en")
    assert get(client, "/om-oss/", "helse-bergen").status_code == 200
    response = get(client, "/en/om-oss/", "helse-bergen")
    assert response.status_code == 404
    assert soup(response).html["lang"] == "en"
    # A site whose home page has no nynorsk version has no nynorsk front page either.
    assert get(client, "/nn/", "helse-bergen").status_code == 404


def test_language_switcher_lists_only_existing_live_translations(client, bergen, about):
    _trust, _site, home = bergen
    translate(home, "en")
    about_en = translate(about, "en", title="About us", slug="about-us")
    switcher = soup(get(client, "/om-oss/", "helse-bergen")).find("nav", class_="language-switcher")
    links = {a["hreflang"]: a["href"] for a in switcher.find_all("a")}
    assert links == {"en": "/en/about-us/"}
    assert switcher.find(attrs={"aria-current": "true"})["lang"] == "nb"

    about_en.unpublish()
    page = soup(get(client, "/om-oss/", "helse-bergen"))
    assert page.find("nav", class_="language-switcher") is None


def test_new_pages_are_not_synchronised_into_other_locales(bergen):
    _trust, _site, home = bergen
    translate(home, "en")
    ContentPageFactory(parent=home, title="Ny side")
    assert not LocaleSynchronization.objects.exists()
    assert not Page.objects.filter(locale__language_code="en", title="Ny side").exists()
    assert not Page.objects.filter(alias_of__isnull=False).exists()
