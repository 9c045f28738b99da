"""Helpers every test module shares: requests to a site by its slug, parsed HTML, query counts."""

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def get(client, path, slug=None, **extra):
    return client.get(path, HTTP_HOST=f"{slug}.localhost" if slug else "localhost", **extra)


def count_queries(client, path, slug=None):
    with CaptureQueriesContext(connection) as context:
        response = get(client, path, slug)
        assert response.status_code == 200, response.status_code
    return len(context)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page
