import json
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction
from wagtail.search.models import IndexEntry

from home.factories import ContentPageFactory
from search.models import Synonym
from tests.helpers import count_queries, get, soup, translate
from treatments.factories import TreatmentFactory, offer, publish_revision
from trials.factories import publish_trial

pytestmark = pytest.mark.django_db

# Queries for one search page, the site chrome included, measured with 6 results (SQLite and
# PostgreSQL alike); no more with 42.
BUDGET = 24


def results(response):
    """(type label, title, href) of each result on the page, in order."""
    rows = []
    for item in soup(response).select("ol.search-results > li"):
        link = item.select_one("h3 a")
        rows.append(
            (
                item.select_one(".search-result__type").get_text(" ", strip=True),
                link.get_text(" ", strip=True),
                link["href"],
            )
        )
    return rows


def titles(response):
    return [title for _type, title, _href in results(response)]


def type_counts(response):
    counts = {}
    for item in soup(response).select(".type-filter li"):
        label = item.find(["a", "span"]).contents[0].strip()
        counts[label] = int(item.select_one(".type-filter__count").get_text().strip("()"))
    return counts


def search(client, query="", slug="helse-bergen", **params):
    response = get(client, "/sok/", slug, data={"q": query, **params})
    assert response.status_code == 200
    return response


def test_hospital_search_finds_its_own_pages_and_every_trial(client, content):
    response = search(client, "kneprotese")
    found = results(response)
    # Bergen's own knee page (with the national text), not Oslo's; Oslo's trial, shown on
    # Bergen's site at Bergen's /kliniske-studier/<slug>/ like every trial.
    assert ("Behandlinger", "Kneprotese", "/behandlinger/kneprotese/") in found
    assert (
        "Kliniske studier",
        "Studie av robotassistert kneprotese",
        f"/kliniske-studier/{content['ous_trial'].slug}/",
    ) in found
    assert len(found) == 2
    html = response.content.decode()
    assert "<mark>Kneprotese</mark>" in html
    assert "<mark>kneprotese</mark>" in html  # in the trial's excerpt


def test_national_text_is_searchable_on_local_pages(client, content):
    # "magnetfelt" is only in the national summary of MR-undersøkelse.
    assert titles(search(client, "magnetfelt")) == ["MR-undersøkelse"]


def test_type_filter_counts_and_query_string(client, content):
    response = search(client, "sykepleier ortopedisk")
    assert titles(response) == ["Sykepleier ved ortopedisk sengepost"]  # closed job left out
    response = search(client, "ortopedisk")
    counts = type_counts(response)
    assert counts["Alle"] == 2
    assert counts["Jobb"] == 1 and counts["Forskning"] == 1 and counts["Behandlinger"] == 0
    only_research = search(client, "ortopedisk", type="forskning")
    assert titles(only_research) == ["Ortopedisk forskningsgruppe"]
    current = soup(only_research).select_one('.type-filter a[aria-current="page"]')
    assert current.contents[0].strip() == "Forskning"
    # Links for the types with results, keeping the query; empty types are not links.
    links = soup(only_research).select(".type-filter a")
    assert [a.contents[0].strip() for a in links] == ["Alle", "Forskning", "Jobb"]
    assert all("q=ortopedisk" in a["href"] for a in links)
    other = search(client, "besøkstider", type="andre")
    assert titles(other) == ["Besøkstider"]


def test_portal_searches_every_site_and_national_treatments(client, content):
    response = search(client, "besøkstider", slug=None)
    found = results(response)
    assert [title for _t, title, _h in found] == ["Besøkstider", "Besøkstider"]
    assert {t for t, _title, _h in found} == {
        "Andre sider · Helse Bergen HF",
        "Andre sider · Oslo universitetssykehus HF",
    }
    national = search(client, "kneprotese", slug=None)
    section = soup(national).select_one(".national-results")
    assert section.select_one("h3 a").get_text(strip=True) == "Kneprotese"
    assert section.select_one("h3 a")["href"] == "/behandlinger/kneprotese/"
    # The 2 local pages are not repeated in the page results; the trial is.
    assert titles(national) == ["Studie av robotassistert kneprotese"]
    assert type_counts(national)["Behandlinger"] == 1


def test_portal_hospital_and_region_filters(client, content):
    bergen_only = search(client, "besøkstider", slug=None, hospital="helse-bergen")
    assert [h for _t, _title, h in results(bergen_only)] == [content["bergen_visit"].full_url]
    west = search(client, "kneprotese", slug=None, region="helse-vest")
    # With a hospital filter, the hospitals' own treatment pages are the results.
    assert results(west)[0][2] == content["bergen_knee"].full_url
    assert soup(west).select_one(".national-results") is None
    bad = search(client, "besøkstider", slug=None, hospital="finnes-ikke", region="<x>")
    assert len(results(bad)) == 2
    assert soup(bad).select_one(".form-error")


def test_diacritics_and_old_spellings_find_the_same_pages(client, portal, content):
    ContentPageFactory(parent=portal, title="Sykehuset Østfold", intro="Om Sykehuset Østfold.")
    for spelling in ("østfold", "ostfold", "OSTFOLD"):
        assert titles(search(client, spelling, slug=None)) == ["Sykehuset Østfold"], spelling
    ContentPageFactory(parent=portal, title="Åsgård sykehus")
    assert titles(search(client, "aasgaard", slug=None)) == ["Åsgård sykehus"]


def test_synonyms_from_the_admin_list_expand_queries(client, content):
    assert titles(search(client, "mri")) == []
    synonym = Synonym(terms="MR, MRI")
    synonym.full_clean()
    synonym.save()
    assert titles(search(client, "mri")) == ["MR-undersøkelse"]
    synonym.delete()
    assert titles(search(client, "mri")) == []


def test_synonym_list_validation():
    Synonym.objects.create(terms="hjerteinfarkt, infarkt")
    one_word = Synonym(terms="infarkt")
    with pytest.raises(Exception, match="minst to"):
        one_word.full_clean()
    clash = Synonym(terms="Infarkt, hjerteattakk")
    with pytest.raises(Exception, match="infarkt"):
        clash.full_clean()


def test_promotions_show_national_and_own_site_picks_only(client, content):
    query = Query.get("besøk")
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://www.helsenorge.no/",
        external_link_text="Helsenorge",
        sort_order=0,
    )
    SearchPromotion.objects.create(query=query, page=content["bergen_visit"], sort_order=1)
    SearchPromotion.objects.create(query=query, page=content["ous_visit"], sort_order=2)

    def promoted(slug):
        box = soup(search(client, "Besøk", slug=slug)).select_one(".promoted")
        return [a.get_text(strip=True) for a in box.select("a")], [
            a["href"] for a in box.select("a")
        ]

    bergen_titles, bergen_links = promoted("helse-bergen")
    assert bergen_titles == ["Helsenorge", "Besøkstider"]
    assert bergen_links[1] == f"/{content['bergen_visit'].slug}/"
    ous_titles, ous_links = promoted("oslo-universitetssykehus")
    assert ous_titles == ["Helsenorge", "Besøkstider"]
    assert ous_links[1] == f"/{content['ous_visit'].slug}/"
    assert promoted(None)[0] == ["Helsenorge"]


def test_searches_are_counted_for_the_search_terms_report(client, content):
    search(client, "Kneprotese")
    search(client, "kneprotese", type="behandlinger")
    search(client, "kneprotese", page=2)  # paging on is not a new search
    assert Query.objects.get(query_string="kneprotese").hits == 2
    search(client, "sjiraff")  # searches that find nothing are what editors need most
    assert Query.objects.get(query_string="sjiraff").hits == 1


def test_publishing_and_unpublishing_change_results_on_the_next_request(client, content):
    page = content["bergen_visit"]
    page.title = "Besøkstider og parkering"
    page.save_revision().publish()
    assert titles(search(client, "parkering")) == ["Besøkstider og parkering"]
    page.unpublish()
    assert titles(search(client, "parkering")) == []
    new = ContentPageFactory(parent=page.get_parent(), title="Pasienthotellet")
    assert titles(search(client, "pasienthotellet")) == ["Pasienthotellet"]
    new.unpublish()
    assert titles(search(client, "pasienthotellet")) == []


def test_publishing_national_text_reindexes_every_local_page(client, content):
    knee = content["treatments"]["knee"]
    assert titles(search(client, "menisk")) == []
    publish_revision(knee, summary="Ny tekst om menisk og kneledd.")
    assert titles(search(client, "menisk")) == ["Kneprotese"]
    assert titles(search(client, "menisk", slug="oslo-universitetssykehus")) == ["Kneprotese"]
    knee.unpublish()
    # Without live national text the local pages are hidden, from search too.
    assert titles(search(client, "menisk")) == []
    assert "Kneprotese" not in titles(search(client, "kneprotese"))


def test_paging_keeps_the_query_and_tolerates_bad_page_numbers(client, bergen):
    _, _, home = bergen
    for n in range(23):
        ContentPageFactory(parent=home, title=f"Poliklinikk {n}", intro="Poliklinikk.")
    first = search(client, "poliklinikk")
    assert len(results(first)) == 10
    assert "Side 1 av 3" in soup(first).select_one(".pagination").get_text()
    next_href = soup(first).select_one('.pagination a[rel="next"]')["href"]
    assert "q=poliklinikk" in next_href and "page=2" in next_href
    last = search(client, "poliklinikk", page=3)
    assert len(results(last)) == 3
    seen = {
        title for page in (1, 2, 3) for title in titles(search(client, "poliklinikk", page=page))
    }
    assert len(seen) == 23
    for bad in ("0", "-1", "abc", "99999999999999999999", "2.5"):
        assert len(results(search(client, "poliklinikk", page=bad))) in (3, 10)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 5000,
        "kne " * 2500,
        "'; DROP TABLE wagtailcore_page; --",
        '"kne" AND (hofte OR NOT) * NEAR/2 ^ ~ : & | ! <-> %',
        "\x00",
        "😀",
        "kne\x00hofte",
        "ǀ½ʻ",
    ],
)
def test_bad_queries_give_a_normal_page(client, content, query):
    response = search(client, query)
    assert response.status_code == 200
    assert soup(response).select_one("h1")


def test_long_query_is_shortened_and_said_so(client, content):
    response = search(client, "kneprotese " + "x" * 5000)
    assert "Søket ditt var langt" in soup(response).select_one(".notice").get_text()
    assert titles(response)[0] == "Kneprotese"


def test_empty_and_no_result_pages_help(client, content):
    empty = soup(search(client, ""))
    assert empty.select_one(".search-help a")["href"] == "/behandlinger/"
    assert "113" in empty.select_one(".search-help__emergency").get_text()
    none = search(client, "kneprotesse")
    page = soup(none)
    assert page.select_one(".no-results h2")
    suggestion = page.select_one(".suggestion a")
    assert suggestion.get_text() == "kneprotese"
    assert suggestion["href"] == "?q=kneprotese"
    # The suggestion keeps the other filters.
    filtered = soup(search(client, "kneprotesse", slug=None, region="helse-vest"))
    assert filtered.select_one(".suggestion a")["href"] == "?q=kneprotese&region=helse-vest"
    assert "113" in page.select_one(".no-results .search-help__emergency").get_text()


def test_some_words_fallback_when_no_page_has_all(client, content):
    response = search(client, "kneprotese sjiraff")
    assert "Kneprotese" in titles(response)
    assert soup(response).select_one(".notice")


def test_autocomplete_suggests_titles_within_the_site(client, content):
    def suggest(query, slug="helse-bergen"):
        response = get(client, f"/sok/autocomplete?q={query}", slug)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        return json.loads(response.content)["suggestions"]

    assert suggest("k") == []
    assert suggest("") == []
    bergen = suggest("kne")
    assert bergen[0]["title"] == "Kneprotese"
    assert bergen[0]["url"] == "/behandlinger/kneprotese/"
    assert all("oslo" not in s["url"] for s in bergen)
    assert [s["title"] for s in suggest("besøk", "oslo-universitetssykehus")] == ["Besøkstider"]
    # The portal suggests the national treatment, not each hospital's copy.
    portal = suggest("hofte", None)
    assert portal[0] == {
        "title": "Hofteprotese",
        "url": "/behandlinger/hofteprotese/",
        "type": "Behandlinger",
    }
    assert [s["title"] for s in portal].count("Hofteprotese") == 1
    for bad in ("x" * 5000, "%22%27%3B--", "AND%20OR"):
        assert get(client, f"/sok/autocomplete?q={bad}", "helse-bergen").status_code == 200


def test_search_is_translated_and_keeps_language(client, content):
    response = get(client, "/en/sok/?q=kneprotese", "helse-bergen")
    # No English pages in this fixture: an English search finds nothing, in English.
    assert response.status_code == 200
    assert soup(response).select_one("html")["lang"] == "en"
    assert soup(response).select_one(".no-results h2").get_text().startswith("Nothing found")


def test_query_budget_does_not_grow_with_results(client, bergen, django_assert_max_num_queries):
    _, _, home = bergen

    def add(n, start):
        for i in range(start, start + n):
            offer(home, TreatmentFactory(title=f"Poliklinisk behandling {i}"))
            publish_trial(home, title=f"Poliklinisk studie {i}")
            ContentPageFactory(parent=home, title=f"Poliklinikk {i}", intro="Poliklinisk.")

    def measure():
        search(client, "poliklinisk")  # warms site and content type caches
        return count_queries(
            django_assert_max_num_queries, BUDGET, client, "/sok/?q=poliklinisk", "helse-bergen"
        )

    add(2, 0)
    few = measure()
    add(12, 2)
    many = measure()
    # Which page types land on the first page varies; the number of results does not count.
    assert many <= few


def test_update_index_rebuilds_everything_and_shows_progress(client, content):
    IndexEntry.objects.all().delete()
    assert titles(search(client, "kneprotese")) == []
    out = StringIO()
    call_command("update_index", stdout=out)
    assert "wagtailcore.Page" in out.getvalue()
    assert "treatments.Treatment" in out.getvalue()
    assert "Kneprotese" in titles(search(client, "kneprotese"))


def test_private_pages_stay_out_of_results_promotions_and_suggestions(client, content):
    home = content["bergen_visit"].get_parent()
    private = ContentPageFactory(parent=home, title="Fusjonsplanen", intro="Fusjonsplanen.")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert titles(search(client, "fusjonsplanen")) == []
    SearchPromotion.objects.create(query=Query.get("plan"), page=private, sort_order=0)
    assert soup(search(client, "plan")).select_one(".promoted") is None
    assert soup(search(client, "fusjonsplanne")).select_one(".suggestion") is None


def test_hospital_and_region_filters_both_apply(client, content):
    both = search(client, "besøkstider", slug=None, hospital="oslo-universitetssykehus")
    assert len(results(both)) == 1
    none = search(
        client, "besøkstider", slug=None, hospital="oslo-universitetssykehus", region="helse-vest"
    )
    assert results(none) == []


def test_small_words_do_not_turn_a_search_into_any_word(client, content):
    response = search(client, "besøkstider på haukeland")
    assert titles(response) == ["Besøkstider"]
    assert soup(response).select_one(".notice") is None
    # What was typed is shown as typed.
    assert soup(response).select_one("#search-q")["value"] == "besøkstider på haukeland"


def test_translated_local_page_is_found_by_the_national_text_it_shows(client, bergen):
    _, _, home = bergen
    treatment = TreatmentFactory(title="Gastroskopi", summary="Kamera i magesekken.")
    page = offer(home, treatment)
    translate(home, "en")
    translate(page.get_parent(), "en")
    translate(treatment, "en", title="Gastroscopy", summary="Camera examination of the stomach.")
    # The English page is a copy: it still points at the Bokmål treatment, and shows the
    # English translation of it (treatments.models.pages.live_translation).
    translate(page, "en", title="Gastroscopy")

    def english_search(query):
        response = get(client, "/en/sok/", "helse-bergen", data={"q": query})
        return titles(response), [
            p.get_text() for p in soup(response).select(".search-result__excerpt")
        ]

    assert english_search("stomach") == (["Gastroscopy"], ["Camera examination of the stomach."])
    assert english_search("magesekken") == ([], [])
    # Without live Bokmål text the Bokmål page is hidden; the English page still shows its text.
    treatment.unpublish()
    assert english_search("stomach")[0] == ["Gastroscopy"]
    assert titles(search(client, "magesekken")) == []
