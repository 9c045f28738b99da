"""Routing below a site root (several child page types) reads a child in one query once it has
been found, from a cached hint that is checked on every use: a renamed, moved, deleted or
replaced page is never served from an out-of-date hint."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home.factories import ContentPageFactory
from tests.helpers import get, soup
from treatments.factories import TreatmentIndexPageFactory

pytestmark = pytest.mark.django_db


def heading(response):
    assert response.status_code == 200, response.status_code
    return soup(response).select_one("h1").get_text(strip=True)


def page_queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        get(client, path, "helse-bergen")
    return [q["sql"] for q in captured if '"wagtailcore_page"' in q["sql"]]


def test_a_known_child_costs_one_query_on_its_own_table(client, portal, bergen):
    ContentPageFactory(parent=bergen[2], title="Om oss", slug="om-oss")
    get(client, "/", "helse-bergen")  # the site and its chrome are cached
    first = page_queries(client, "/om-oss/")
    again = page_queries(client, "/om-oss/")
    assert len(again) == len(first) - 1
    assert any('"home_contentpage"' in sql for sql in again)


def test_a_renamed_page_is_found_by_its_new_slug_only(client, portal, bergen):
    page = ContentPageFactory(parent=bergen[2], title="Om oss", slug="om-oss")
    assert heading(get(client, "/om-oss/", "helse-bergen")) == "Om oss"
    page.slug = "om-sykehuset"
    page.save_revision().publish()
    assert get(client, "/om-oss/", "helse-bergen").status_code == 404
    assert heading(get(client, "/om-sykehuset/", "helse-bergen")) == "Om oss"


def test_a_page_moved_away_or_replaced_is_not_served_from_the_hint(client, portal, bergen):
    home = bergen[2]
    page = ContentPageFactory(parent=home, title="Behandlinger (gammel)", slug="behandlinger")
    shelf = ContentPageFactory(parent=home, title="Arkiv", slug="arkiv")
    assert heading(get(client, "/behandlinger/", "helse-bergen")) == "Behandlinger (gammel)"
    Page.objects.get(pk=page.pk).move(shelf, pos="last-child")
    # Not the page at its old address: Wagtail's redirect to its new one.
    moved = get(client, "/behandlinger/", "helse-bergen")
    assert moved.status_code == 301 and moved["Location"].endswith("/arkiv/behandlinger/")
    # Another page, of another type, takes the slug.
    TreatmentIndexPageFactory(parent=home, title="Behandlinger", slug="behandlinger")
    assert heading(get(client, "/behandlinger/", "helse-bergen")) == "Behandlinger"
    Page.objects.get(slug="behandlinger", depth=home.depth + 1).delete()
    assert get(client, "/behandlinger/", "helse-bergen").status_code == 301  # the redirect again
