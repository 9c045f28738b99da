"""Redis as the shared cache of several gunicorn workers, for real: the test starts gunicorn
with two workers on a copy of the test database, and redis-server (`redis_server`)."""

import contextlib
import re
import sqlite3
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from bs4 import BeautifulSoup
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import Group
from django.db import connection
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from core.factories import UserFactory
from home.factories import make_hospital, make_portal
from home.groups import sync_site_groups, webmaster_group_name
from scripts.varnish import free_port, gunicorn

pytestmark = [
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HOSPITAL = "helse-bergen"
PASSWORD = "et-passord-for-testen"
# Enough requests at once that both workers answer some (a sync worker serves one at a time).
REQUESTS, AT_ONCE = 12, 4


def database_url(tmp_path):
    """The test database as the gunicorn processes reach it: PostgreSQL's test database
    itself; SQLite's, which lives in this process's memory, copied to a file (the data made
    so far; later changes go through the servers)."""
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        return (
            f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        )
    path = tmp_path / "served.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    return f"sqlite:///{path}"


class Servers:
    """gunicorn with two workers, its access log naming the worker (pid) of each request."""

    def __init__(self, port, folder):
        self.port = port
        self.folder = folder
        self.seen = 0

    def get(self, path, slug=None, session=None):
        host = f"{slug + '.' if slug else ''}localhost:{self.port}"
        return (session or requests).get(
            f"http://127.0.0.1:{self.port}{path}",
            headers={"Host": host},
            allow_redirects=False,
            timeout=30,
        )

    def get_many(self, path, slug=None):
        with ThreadPoolExecutor(AT_ONCE) as pool:
            return list(pool.map(lambda _: self.get(path, slug), range(REQUESTS)))

    def output(self):
        """What the workers wrote (Django's log goes to standard error)."""
        return (self.folder / "output.log").read_text()

    def workers_since_last_call(self):
        """The pids of the workers that answered since the last call."""
        lines = (self.folder / "access.log").read_text().splitlines()
        new, self.seen = lines[self.seen :], len(lines)
        return {line.split()[0] for line in new}


@pytest.fixture
def servers(tmp_path, redis_server):
    """Start gunicorn (a context manager yielding `Servers`) on the data made so far."""

    @contextlib.contextmanager
    def start():
        redis_server.flush()
        env = {
            # Development settings without DEBUG: production's differ in https and static
            # manifests, nothing a cache sees.
            "DJANGO_SETTINGS_MODULE": "fnsp_site.settings.dev",
            "DEBUG": "false",
            "DATABASE_URL": database_url(tmp_path),
            "REDIS_URL": redis_server.url,
        }
        # Django loaded once, before the workers fork: they are ready together, sooner.
        log = (
            "--preload",
            "--access-logfile",
            str(tmp_path / "access.log"),
            "--access-logformat",
            "%(p)s",
        )
        with (
            open(tmp_path / "output.log", "w") as output,
            gunicorn(free_port(), workers=2, env=env, args=log, output=output) as port,
        ):
            yield Servers(port, tmp_path)

    return start


def log_in(servers, session):
    login = servers.get("/admin/login/", session=session)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    response = session.post(
        f"http://127.0.0.1:{servers.port}/admin/login/",
        data={"username": "nettansvarlig", "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Host": f"localhost:{servers.port}"},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:500]


def edit_settings(servers, session, site, **changes):
    """Save the site's settings in the admin, as its webmaster does."""
    url = reverse("wagtailsettings:edit", args=["core", "sitesettings", site.pk])
    html = servers.get(url, session=session).text
    forms = BeautifulSoup(html, "html.parser").find_all("form")
    index = next(i for i, form in enumerate(forms) if form.get("action") == url)
    data = querydict_from_html(html, form_index=index)
    fields = {
        **nested_form_data({"social_links": streamfield([]), "footer_links": streamfield([])}),
        **changes,
    }
    for name, value in fields.items():
        data[name] = value
    response = session.post(
        f"http://127.0.0.1:{servers.port}{url}",
        data=data,
        headers={"Host": f"localhost:{servers.port}", "X-CSRFToken": session.cookies["csrftoken"]},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:2000]


def set_up():
    make_portal()
    _, site, _ = make_hospital(HOSPITAL, display_name="Haukeland")
    sync_site_groups()
    # The site's webmaster: a password login with no second factor required. Hashed as the
    # servers' settings can check (the tests' own use a fast, weak hasher).
    webmaster = UserFactory(
        username="nettansvarlig", groups=[Group.objects.get(name=webmaster_group_name(HOSPITAL))]
    )
    webmaster.password = PBKDF2PasswordHasher().encode(PASSWORD, "salt1234", iterations=1000)
    webmaster.save()
    return site


def test_two_gunicorn_workers_never_serve_a_stale_chrome_after_a_settings_change(servers):
    site = set_up()
    with servers() as live:
        for response in live.get_many("/", HOSPITAL):
            assert "Haukeland" in response.text and "universitetssjukehus" not in response.text
        # Both workers have the chrome in the shared cache.
        assert len(live.workers_since_last_call()) == 2

        editor = requests.Session()
        log_in(live, editor)
        # One worker saves the change; the other must not show its own older chrome.
        edit_settings(live, editor, site, display_name="Haukeland universitetssjukehus")
        live.workers_since_last_call()
        for response in live.get_many("/", HOSPITAL):
            assert "Haukeland universitetssjukehus" in response.text
        assert len(live.workers_since_last_call()) == 2


def test_with_redis_down_pages_the_api_and_the_admin_answer_and_it_is_logged_once(
    servers, redis_server
):
    set_up()
    with servers() as live:
        editor = requests.Session()
        log_in(live, editor)
        paths = [("/", HOSPITAL), ("/", None), ("/api/open/v1/treatments", None)]
        for path, slug in paths:
            assert live.get(path, slug).status_code == 200
        assert live.get("/admin/", session=editor).status_code == 200
        assert "Exception ignored" not in live.output()

        redis_server.stop()
        live.workers_since_last_call()
        try:
            for path, slug in paths:
                for response in live.get_many(path, slug):
                    assert response.status_code == 200, response.text[:2000]
            for _ in range(5):
                assert live.get("/admin/", session=editor).status_code == 200
            assert len(live.workers_since_last_call()) == 2
            # Each worker says it once (a minute), not once per request.
            assert 1 <= live.output().count("Exception ignored") <= 2
        finally:
            redis_server.start()
