import pytest
from django.db import connections
from playwright.sync_api import sync_playwright

from home.factories import make_hospital, make_portal
from tests.browser import CHROMIUM


@pytest.fixture
def portal(db):
    return make_portal()


@pytest.fixture
def bergen(db):
    return make_hospital("helse-bergen", phone="55 97 50 00", email="post@eksempel.no")


@pytest.fixture
def ous(db):
    return make_hospital("oslo-universitetssykehus", phone="915 06 770")


@pytest.fixture
def browser(monkeypatch):
    """Headless Chromium for the end-to-end tests (`live_server` serves the pages)."""
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls
    # happen outside any request, so Django's async-safety guard does not apply to them.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()
        # Connections the test opened while Playwright ran would otherwise stay open, and
        # PostgreSQL refuses to drop a test database that still has a session.
        connections.close_all()
