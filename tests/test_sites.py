"""Multi-site routing, the site chrome and the portal."""

import re

import pytest

from core.factories import set_menu
from core.models import Region
from home.factories import ContentPageFactory, make_hospital
from tests.helpers import count_queries, get, soup

pytestmark = pytest.mark.django_db


def test_portal_lists_every_site_grouped_by_region(client, portal, bergen, ous):
    page = soup(get(client, "/"))
    assert page.h1.get_text(strip=True) == "Spesialisthelsetjenesten"
    groups = {
        section.h3.get_text(strip=True): [a.get_text(strip=True) for a in section.select("li a")]
        for section in page.select("section.region")
    }
    assert groups["Helse Vest"] == ["Helse Bergen HF"]
    assert groups["Helse Sør-Øst"] == ["Oslo universitetssykehus HF"]
    assert set(groups) == {region.name for region in Region.objects.all()}
    link = page.find("a", string="Helse Bergen HF")
    assert link["href"] == "http://helse-bergen.localhost:8000/"


def test_hospital_home_shows_its_name_navigation_contact_and_sections(client, portal, bergen):
    _trust, site, home = bergen
    about = ContentPageFactory(parent=home, title="Om oss", slug="om-oss")
    set_menu(site, [about])
    page = soup(get(client, "/", "helse-bergen"))
    assert page.h1.get_text(strip=True) == "Helse Bergen HF"
    assert page.title.get_text(strip=True) == "Helse Bergen HF"
    nav = page.find("nav", attrs={"aria-label": "Hovedmeny"})
    assert [a.get_text(strip=True) for a in nav.find_all("a")] == ["Om oss"]
    assert nav.a["href"] == "/om-oss/"
    assert "55 97 50 00" in page.find("section", class_="contact-box").get_text()
    sections = [h3.get_text(strip=True) for h3 in page.select(".card-grid h3")]
    assert sections == ["Behandlinger", "Kliniske studier", "Forskning", "Jobb og karriere"]
    assert "Ved akutt behov, ring 113" in page.find("aside", class_="emergency").get_text()


def test_each_site_has_its_own_name_and_theme(client, portal, bergen, ous):
    bergen_page = get(client, "/", "helse-bergen").content.decode()
    ous_page = get(client, "/", "oslo-universitetssykehus").content.decode()
    assert "Helse Bergen HF" in bergen_page and "Oslo universitetssykehus" not in bergen_page
    assert "Oslo universitetssykehus HF" in ous_page and "Helse Bergen" not in ous_page


def test_a_host_without_a_site_gets_the_portal(client, portal, bergen):
    response = get(client, "/", "nope")
    assert response.status_code == 200
    assert soup(response).h1.get_text(strip=True) == "Spesialisthelsetjenesten"


def test_unknown_locale_prefix_is_a_404_in_the_sites_chrome(client, portal, bergen):
    response = get(client, "/de/", "helse-bergen")
    assert response.status_code == 404
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Fant ikke siden"
    assert page.find(class_="site-header__name").get_text(strip=True) == "Helse Bergen HF"
    assert page.html["lang"] == "nb"


def test_public_page_structure_is_accessible(client, portal, bergen):
    _trust, _site, home = bergen
    ContentPageFactory(parent=home, title="Besøkstider", slug="besokstider")
    page = soup(get(client, "/besokstider/", "helse-bergen"))
    assert page.html["lang"] == "nb"
    skip = page.find("a", class_="skip-link")
    assert skip["href"] == "#main" and skip.get_text(strip=True) == "Hopp til hovedinnhold"
    assert page.find("main", id="main")
    assert page.find("header") and page.find("footer")
    assert len(page.find_all("h1")) == 1
    crumbs = page.find("nav", attrs={"aria-label": "Brødsmulesti"})
    assert [li.get_text(strip=True) for li in crumbs.find_all("li")] == [
        "Helse Bergen HF",
        "Besøkstider",
    ]
    assert crumbs.find(attrs={"aria-current": "page"}).get_text(strip=True) == "Besøkstider"
    updated = page.find("p", class_="last-updated")
    assert updated.get_text().startswith("Sist oppdatert")
    assert re.match(r"\d{4}-\d\d-\d\dT", updated.time["datetime"])


def test_home_pages_do_not_show_last_updated(client, portal, bergen):
    assert not soup(get(client, "/", "helse-bergen")).find("p", class_="last-updated")


def test_theme_colour_is_written_into_the_page(client, portal):
    make_hospital("stolav", theme_colour="#2b5d2b")
    assert "--brand: #2b5d2b;" in get(client, "/", "stolav").content.decode()


def test_query_count_of_home_pages_does_not_grow_with_the_number_of_sites(
    client, portal, bergen, django_assert_max_num_queries
):
    _trust, site, home = bergen
    set_menu(site, [ContentPageFactory(parent=home, title=f"Side {n}") for n in range(5)])

    def counts():
        # Budgets at the counts measured on SQLite and PostgreSQL.
        return (
            count_queries(django_assert_max_num_queries, 13, client, "/", "helse-bergen"),
            count_queries(django_assert_max_num_queries, 10, client, "/"),
        )

    get(client, "/", "helse-bergen")  # first requests create settings and warm caches
    get(client, "/")
    before = counts()
    for slug in ["ahus", "stolav", "unn", "helse-stavanger", "sshf", "helse-forde", "hnt"]:
        make_hospital(slug)
    # New sites outdate every cached chrome (core/chrome.py): warm both again.
    get(client, "/", "helse-bergen")
    get(client, "/")
    assert counts() == before
