"""A real Varnish with the project's VCL in front of the live server, one per test (a fresh,
empty cache each time: the database is emptied between tests and ids repeat)."""

import time
from urllib.parse import urlsplit

import pytest
import requests

from scripts import varnish as varnishd


class Cache:
    """Requests to the live server through Varnish, to a site by its slug (the Host header
    chooses the site, as in tests/helpers.py)."""

    def __init__(self, port):
        self.port = port
        self.http = requests.Session()

    def request(self, method, path, slug=None, **kwargs):
        host = f"{slug + '.' if slug else ''}localhost:{self.port}"
        headers = {"Host": host, **kwargs.pop("headers", {})}
        kwargs.setdefault("allow_redirects", False)
        return self.http.request(
            method, f"http://127.0.0.1:{self.port}{path}", headers=headers, **kwargs
        )

    def get(self, path, slug=None, **kwargs):
        return self.request("GET", path, slug, **kwargs)

    def until(self, path, slug, condition, within=1.0):
        """GET `path` until `condition(response)` holds, for at most `within` seconds; the
        last response (the test asserts on it)."""
        deadline = time.monotonic() + within
        while True:
            response = self.get(path, slug)
            if condition(response) or time.monotonic() > deadline:
                return response
            time.sleep(0.05)


@pytest.fixture
def cache(live_server, settings):
    backend_port = urlsplit(live_server.url).port
    with varnishd.varnish(backend_port) as port:
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {
                "BACKEND": "core.caching.XkeyBackend",
                "LOCATION": f"http://127.0.0.1:{port}",
            }
        }
        yield Cache(port)


@pytest.fixture
def worker_queue(settings):
    """Tasks as in production: stored in the database for `manage.py db_worker`, which the
    test runs with `tests.helpers.run_worker` (elsewhere in the tests they run at once)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
