"""What each page tells search engines and link previews (core/seo.py): description,
canonical address, Open Graph and Twitter card, x-default, distinct titles of filtered or
paged listings, and schema.org JSON-LD that parses and has its required properties."""

import json

import pytest

from tests.helpers import get_ok, soup
from tests.seo.pages import BERGEN, every_page_type

# Every JSON-LD type the pages emit, with the properties each must have.
REQUIRED = {
    "MedicalWebPage": {"@context", "name", "url", "inLanguage", "about", "mainEntity"},
    "MedicalProcedure": {"name", "description"},
    "MedicalTest": {"name", "description"},
    "MedicalTrial": {"@context", "name", "description", "url", "status", "sponsor"},
    "Hospital": {"@context", "name", "url", "address"},
    "NewsArticle": {
        "@context",
        "headline",
        "datePublished",
        "author",
        "publisher",
        "url",
    },
    "JobPosting": {"@context", "title", "description", "datePosted", "hiringOrganization"},
    "Course": {"@context", "name", "startDate", "location"},
    "Event": {"@context", "name", "startDate", "location"},
    "PostalAddress": {"addressCountry"},
}


# The pages above with a summary, lead or introduction (department's is left empty).
DESCRIBED = {
    "national treatment",
    "treatment page",
    "trial page",
    "trial on another site",
    "location page",
    "news page",
    "content page",
    "research group",
    "job page",
    "course page",
    "education page",
    "profession page",
}


@pytest.fixture
def pages(db):
    return every_page_type()


def head(client, slug, path):
    html = soup(get_ok(client, path, slug))
    metas = {
        (tag.get("property") or tag.get("name")): tag.get("content")
        for tag in html.head.find_all("meta")
        if tag.get("property") or tag.get("name")
    }
    canonical = html.head.find("link", rel="canonical")
    hreflangs = {
        link["hreflang"]: link["href"] for link in html.head.find_all("link", hreflang=True)
    }
    data = [json.loads(s.string) for s in html.find_all("script", type="application/ld+json")]
    return html, metas, canonical and canonical["href"], hreflangs, data


def check_required(item):
    """Parse-level validation: the item and its nested items have their type's properties."""
    kind = item.get("@type")
    missing = REQUIRED.get(kind, set()) - set(item)
    assert not missing, (kind, missing)
    for value in item.values():
        for nested in value if isinstance(value, list) else [value]:
            if isinstance(nested, dict):
                check_required(nested)


def test_every_public_page_type_has_a_description_canonical_and_preview_tags(client, pages):
    for name, (slug, path) in pages.items():
        if name == "search":
            continue
        _html, metas, canonical, _hreflang, data = head(client, slug, path)
        assert canonical and canonical.startswith("http"), name
        assert metas["og:url"] == canonical, name
        assert metas["og:title"] and metas["og:site_name"] and metas["og:locale"], name
        assert metas["twitter:card"] in ("summary", "summary_large_image"), name
        for item in data:
            check_required(item)
        if name in DESCRIBED:
            assert metas.get("description"), name
            assert metas["og:description"] == metas["description"], name
            assert len(metas["description"]) <= 160, name


def test_a_treatment_page_describes_its_procedure_and_uses_the_search_description(client, pages):
    _html, metas, canonical, _h, data = head(client, BERGEN, "/behandlinger/brystkreft-operasjon/")
    assert metas["description"] == "Operasjon for brystkreft i Bergen."
    assert canonical == "http://helse-bergen.localhost:8000/behandlinger/brystkreft-operasjon/"
    [page] = data
    assert page["@type"] == "MedicalWebPage"
    assert page["about"]["@type"] == "MedicalProcedure"
    assert page["about"]["indication"][0]["code"]["codeValue"] == "C50"
    assert page["publisher"]["name"] == "Helse Bergen HF"
    _html, _m, _c, _h, [national] = head(client, None, "/behandlinger/orebetennelse/")
    assert national["about"]["@type"] == "MedicalTest"
    assert national["url"] == "http://localhost/behandlinger/orebetennelse/"


def test_a_trial_is_a_medical_trial_with_the_owners_canonical_address_on_every_site(client, pages):
    owner = "http://helse-bergen.localhost:8000/kliniske-studier/ny-behandling/"
    for slug in (BERGEN, "oslo-universitetssykehus"):
        html, metas, canonical, _h, [trial] = head(client, slug, "/kliniske-studier/ny-behandling/")
        assert canonical == owner
        assert html.title.string.startswith("Ny behandling av brystkreft – ")
        assert metas["description"] == "Studien undersøker en ny behandling."
        assert trial["@type"] == "MedicalTrial"
        assert trial["status"] == "https://schema.org/Recruiting"
        assert trial["url"] == owner
        assert trial["healthCondition"][0]["code"]["codeValue"] == "C50"
        assert trial["identifier"][0]["value"] == "NCT01234567"


def test_hospitals_locations_and_news_have_their_schema_types(client, pages):
    *_rest, [home] = head(client, BERGEN, "/")
    assert home["@type"] == "Hospital" and home["telephone"] == "55 97 50 00"
    assert (
        home["address"]["postalCode"] == "5021" and home["address"]["addressLocality"] == "Bergen"
    )
    *_rest, [location] = head(client, BERGEN, "/steder/haukeland/")
    assert location["@type"] == "Hospital"
    assert location["openingHours"] == "Hele døgnet"
    assert location["geo"]["latitude"] == pytest.approx(60.373)
    _html, metas, *_rest, [news] = head(client, BERGEN, "/aktuelt/ny-kreftavdeling/")
    assert news["@type"] == "NewsArticle" and news["headline"] == "Ny kreftavdeling åpnet"
    assert metas["og:type"] == "article"


def test_translated_pages_name_the_bokmal_page_as_x_default(client, pages):
    _html, _m, _c, hreflangs, _d = head(client, BERGEN, "/en/")
    assert hreflangs == {
        "nb": "http://helse-bergen.localhost:8000/",
        "en": "http://helse-bergen.localhost:8000/en/",
        "x-default": "http://helse-bergen.localhost:8000/",
    }


def test_filtered_and_paged_listings_have_titles_of_their_own(client, pages):
    def title(path, **query):
        return soup(get_ok(client, path, BERGEN, data=query)).title.string

    titles = [
        title("/behandlinger/"),
        title("/behandlinger/", category="kreft"),
        title("/behandlinger/", letter="B"),
        title("/behandlinger/", category="kreft", letter="B"),
        title("/kliniske-studier/"),
        title("/kliniske-studier/", status="open"),
        title("/kliniske-studier/", page="2"),
        title("/aktuelt/"),
        title("/aktuelt/", page="2"),
    ]
    assert len(set(titles)) == len(titles), titles
    assert "Kreft" in titles[1]
    html = soup(get_ok(client, "/kliniske-studier/", BERGEN, data={"page": "2"}))
    assert html.head.find("link", rel="canonical")["href"].endswith("/kliniske-studier/?page=2")
