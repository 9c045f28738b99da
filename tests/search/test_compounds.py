"""Compound-aware search: a part of a Norwegian compound finds the compounds, below the exact
matches, from a vocabulary the task keeps (never rebuilt in a visitor's request); a search that
finds nothing still offers somewhere to go."""

import pytest

from home.factories import ContentPageFactory
from search.compounds import compound_map, split
from search.models import Vocabulary
from search.tasks import rebuild_vocabulary
from search.vocabulary import forget_vocabulary
from tests.helpers import get, soup
from treatments.factories import CategoryFactory, TreatmentFactory, offer

PARTS = {"bryst", "kreft", "lunge", "tykktarm", "hofte", "hjerte", "infarkt", "barn", "lege"}


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("brystkreft", ["bryst", "kreft"]),
        ("Lungekreft", ["lunge", "kreft"]),
        ("tykktarmskreft", ["tykktarm", "kreft"]),  # linking s
        ("barnelege", ["barn", "lege"]),  # linking e
        ("hjerteinfarkt", ["hjerte", "infarkt"]),
        ("hofteprotese", ["hofte", "protese"]),  # one unknown part of five letters or more
        ("hjerterehabilitering", ["hjerte", "rehabilitering"]),
        ("kreft", None),  # a known word is no compound of itself
        ("parkering", None),  # no known part
        ("hoftexy", None),  # the unknown rest is too short to be a word
        ("proteseimplantat", None),  # two unknown parts
    ],
)
def test_split_into_known_parts(word, parts):
    assert split(word, PARTS) == parts


def test_compound_map_lists_the_compounds_of_each_part():
    table = compound_map(["brystkreft", "lungekreft", "kreft", "hofteprotese"], PARTS)
    assert table["kreft"] == ["brystkreft", "lungekreft"]
    assert table["hofte"] == ["hofteprotese"]
    assert "parkering" not in table


def titles(client, query, slug="helse-bergen"):
    response = get(client, "/sok/", slug, data={"q": query})
    assert response.status_code == 200
    links = soup(response).select(".national-results h3 a, ol.search-results h3 a")
    return [link.get_text(" ", strip=True) for link in links]


@pytest.fixture
def cancer(content, bergen):
    """Compounds of "kreft" and "hjerte" at Helse Bergen, and a page about cancer itself."""
    _, _, home = bergen
    for title in ("Brystkreft", "Lungekreft", "Tykktarmskreft"):
        offer(home, TreatmentFactory(title=title, summary="Utredning og behandling."))
    # "hjerte" is a known part from the category's name.
    heart = CategoryFactory(name="Hjerte og kar")
    offer(home, TreatmentFactory(title="Hjerteinfarkt", category=heart))
    ContentPageFactory(parent=home, title="Hjerterehabilitering", intro="Trening etterpå.")
    ContentPageFactory(parent=home, title="Kreft", intro="Om kreft og kreftbehandling.")
    rebuild_vocabulary.enqueue()  # what the worker does after the publishes


@pytest.mark.django_db
def test_a_part_finds_its_compounds_below_the_exact_match(client, cancer):
    found = titles(client, "kreft")
    assert found[0] == "Kreft"
    assert set(found[1:]) == {"Brystkreft", "Lungekreft", "Tykktarmskreft"}
    assert set(titles(client, "hjerte")) == {"Hjerteinfarkt", "Hjerterehabilitering"}
    # The research group has the word itself (in its description): it comes first.
    assert titles(client, "hofte") == ["Ortopedisk forskningsgruppe", "Hofteprotese"]
    # On the portal, national treatments.
    assert set(titles(client, "kreft", None)) >= {"Brystkreft", "Lungekreft", "Tykktarmskreft"}


@pytest.mark.django_db
def test_compound_results_page_on_after_the_exact_ones(client, bergen, content):
    _, _, home = bergen
    for number in range(12):
        ContentPageFactory(parent=home, title=f"Kreft {number}", intro="Kreft.")
    for number in range(5):
        ContentPageFactory(parent=home, title=f"Brystkreft {number}", intro="Brystkreft.")
    rebuild_vocabulary.enqueue()
    first = titles(client, "kreft")
    second = soup(get(client, "/sok/", "helse-bergen", data={"q": "kreft", "page": 2}))
    second = [a.get_text(strip=True) for a in second.select("ol.search-results h3 a")]
    assert len(first) == 10 and all(title.startswith("Kreft") for title in first)
    assert len(second) == 7
    assert sum(title.startswith("Kreft") for title in second) == 2
    assert all(title.startswith("Brystkreft") for title in second[2:])


@pytest.mark.django_db
def test_publishing_rebuilds_the_vocabulary_and_a_search_only_reads_it(client, content):
    """The words of the titles are stored by the task enqueued on publish; a search that
    finds nothing reads them, never the pages' titles."""
    page = content["bergen_visit"]
    page.title = "Pasienthotellet"
    page.save_revision().publish()
    stored = Vocabulary.objects.get(locale=page.locale, key=page.path[:8]).words.split()
    assert "pasienthotellet" in stored

    def suggestion():
        forget_vocabulary()  # a new generation: the stored rows are read again
        response = get(client, "/sok/", "helse-bergen", data={"q": "pasienthotelet"})
        return soup(response).select_one(".suggestion a")

    assert suggestion().get_text() == "pasienthotellet"
    Vocabulary.objects.all().delete()
    assert suggestion() is None


@pytest.mark.django_db
def test_nothing_found_offers_matching_titles_or_the_closest_treatments(client, content):
    rebuild_vocabulary.enqueue()
    # The start of a title: what the search box would offer.
    page = soup(get(client, "/sok/", None, data={"q": "hofteprot"}))
    assert page.select_one(".no-results h2")
    offered = page.select(".search-fallback a")
    assert offered[0].get_text() == "Hofteprotese"
    assert offered[0]["href"] == "/behandlinger/hofteprotese/"
    # A misspelling nothing starts with: the nearest treatment names.
    page = soup(get(client, "/sok/", "helse-bergen", data={"q": "kneprotesse"}))
    assert page.select(".search-fallback a")[0].get_text() == "Kneprotese"
    page = soup(get(client, "/sok/", None, data={"q": "xqzv"}))
    assert page.select(".search-fallback a")
