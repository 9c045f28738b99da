"""A real Varnish with the project's VCL in front of the live server, one per test (a fresh,
empty cache each time: the database is emptied between tests and ids repeat)."""

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


@pytest.fixture
def cache(live_server, settings):
    backend_port = urlsplit(live_server.url).port
    with varnishd.varnish(backend_port) as port:
        settings.FNSP_VARNISH_URLS = [f"http://127.0.0.1:{port}"]
        yield Cache(port)
