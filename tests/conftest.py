import datetime

import pytest
from django.db import connection, connections
from playwright.sync_api import sync_playwright

from fnsp_site.storage import s3_storage
from home.factories import make_hospital, make_portal
from scripts import varnish
from tests import clock
from tests import redis_server as redis
from tests import s3_server as s3
from tests.browser import CHROMIUM
from tests.clock import CLOCK_VARIABLE, OSLO
from tests.s3_server import S3Server


def pytest_configure(config):
    # Started here rather than in a fixture so that module-level code run at collection sees
    # the same day as the tests.
    try:
        config.fnsp_clock = clock.start_from_environment()
    except ValueError as error:
        raise pytest.UsageError(f"{CLOCK_VARIABLE}: {error}") from error


def pytest_unconfigure(config):
    if getattr(config, "fnsp_clock", None):
        config.fnsp_clock.stop()


def pytest_collection_modifyitems(config, items):
    """Leave out `postgresql_only` tests on other databases, and `varnish` and `redis` tests
    where varnishd or redis-server is not installed, visibly: deselected (a test left skipped
    would look like something to fix) and listed by `pytest_terminal_summary`. CI installs
    them all."""
    reasons = {}
    if connection.vendor != "postgresql":
        reasons["postgresql_only"] = f"not collected on {connection.vendor}"
    if not varnish.available():
        reasons["varnish"] = "not collected: varnishd is not installed (apt-get install varnish)"
    if not redis.available():
        reasons["redis"] = (
            "not collected: redis-server is not installed (apt-get install redis-server)"
        )
    left_out = [item for item in items if any(item.get_closest_marker(name) for name in reasons)]
    if left_out:
        items[:] = [item for item in items if item not in left_out]
        config.hook.pytest_deselected(items=left_out)
        config.fnsp_left_out = [
            (name, why, [item for item in left_out if item.get_closest_marker(name)])
            for name, why in reasons.items()
        ]


def pytest_terminal_summary(terminalreporter, config):
    for name, why, left_out in getattr(config, "fnsp_left_out", []):
        if not left_out:
            continue
        kind = {"postgresql_only": "PostgreSQL-only", "varnish": "Varnish", "redis": "Redis"}[name]
        terminalreporter.write_sep(
            "=", f"{len(left_out)} {kind} test{'s' if len(left_out) > 1 else ''} {why}"
        )
        for item in left_out:
            reason = item.get_closest_marker(name).kwargs.get("reason", "")
            terminalreporter.write_line(f"{item.nodeid}: {reason}".rstrip(": "))


def pytest_report_header(config):
    if getattr(config, "fnsp_clock", None):
        now = datetime.datetime.now(OSLO).isoformat(timespec="minutes")
        return f"clock: {CLOCK_VARIABLE} moves every test to {now} (Europe/Oslo), ticking"
    return None


@pytest.fixture(scope="session")
def redis_server():
    """A real redis-server for the session (tests marked `redis`); a test that stops it
    starts it again."""
    server = redis.RedisServer()
    server.start()
    yield server
    server.close()


@pytest.fixture
def s3_server(monkeypatch):
    """A real S3-compatible server (tests/s3_server.py), empty, with the bucket made; boto3 in
    this process finds its credentials in the environment."""
    server = S3Server()
    server.start()
    for name, value in s3.CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    yield server
    server.stop()


@pytest.fixture
def s3_media(settings, s3_server):
    """Media on the S3 server, configured as the settings do from the environment."""
    settings.STORAGES = {**settings.STORAGES, "default": s3_storage(s3_server.environ)}
    return s3_server


@pytest.fixture(autouse=True)
def empty_cache():
    """The database is rolled back after each test, Django's cache is not: nothing cached (a
    site's chrome) may outlive its test."""
    from django.core.cache import cache

    cache.clear()


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
