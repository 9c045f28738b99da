"""A page view asks for no view restriction when routing knows that none applies
(core.routing.mark_unrestricted, from a list of restricted pages cached per chrome version),
and a restriction is never missed: not one added after the list was cached, not on a moved
page, not through an alias."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home.factories import ContentPageFactory
from tests.helpers import get

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(portal, bergen):
    home = bergen[2]
    shelf = ContentPageFactory(parent=home, title="Hylle", slug="hylle")
    private = ContentPageFactory(parent=home, title="Internt", slug="internt")
    child = ContentPageFactory(parent=private, title="Vaktliste", slug="vaktliste")
    public = ContentPageFactory(parent=home, title="Åpent", slug="apent")
    return shelf, private, child, public


def restrict(page):
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def is_refused(response):
    # A login restriction sends the visitor to log in.
    return response.status_code == 302 and "login" in response["Location"]


def test_a_public_page_asks_for_no_restriction_when_warm(client, pages):
    restrict(pages[1])
    get(client, "/apent/", "helse-bergen")
    with CaptureQueriesContext(connection) as captured:
        assert get(client, "/apent/", "helse-bergen").status_code == 200
    assert not [q for q in captured if "pageviewrestriction" in q["sql"]]


def test_a_restriction_on_an_ancestor_is_enforced(client, pages):
    restrict(pages[1])
    get(client, "/apent/", "helse-bergen")  # the list is cached
    assert is_refused(get(client, "/internt/vaktliste/", "helse-bergen"))


def test_a_restriction_added_after_the_list_was_cached_is_enforced(client, pages):
    assert get(client, "/internt/vaktliste/", "helse-bergen").status_code == 200
    restrict(pages[1])
    assert is_refused(get(client, "/internt/vaktliste/", "helse-bergen"))
    PageViewRestriction.objects.filter(page=pages[1]).delete()
    assert get(client, "/internt/vaktliste/", "helse-bergen").status_code == 200


def test_a_moved_restricted_page_stays_restricted(client, pages):
    shelf, private, _child, _public = pages
    restrict(private)
    assert is_refused(get(client, "/internt/vaktliste/", "helse-bergen"))
    # Its subtree's paths change: a list of the old paths would let it through.
    private.move(shelf, pos="last-child")
    assert is_refused(get(client, "/hylle/internt/", "helse-bergen"))
    assert is_refused(get(client, "/hylle/internt/vaktliste/", "helse-bergen"))


def test_an_alias_of_a_restricted_page_is_restricted(client, pages):
    shelf, private, _child, _public = pages
    restrict(private)
    get(client, "/apent/", "helse-bergen")
    private.create_alias(parent=shelf, update_slug="alias")
    assert is_refused(get(client, "/hylle/alias/", "helse-bergen"))
