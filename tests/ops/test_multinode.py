"""Several identical app servers (issue 22): two gunicorn processes share one PostgreSQL (the
suite's), one Redis, one S3 server and one Varnish taking them in turn, all started here on
localhost. A page published through one is read through the other and through Varnish; an
image uploaded on one is shown by the other; a bounded load run against the pair ends
without a single non-2xx answer, its figures printed. `make multinode` runs it for 60 s."""

import contextlib
import os
import re
import shutil
import subprocess

import pytest
import requests
from django.db import connection
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from home.factories import ContentPageFactory
from home.models import HospitalHomePage
from scripts import varnish as varnishd
from scripts.varnish import free_port, gunicorn
from tests.caching.test_redis import HOSPITAL, database_url, log_in, set_up

pytestmark = [
    pytest.mark.postgresql_only(reason="two app servers share one PostgreSQL database"),
    pytest.mark.redis,
    pytest.mark.varnish,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LOAD_SECONDS = int(os.environ.get("FNSP_MULTINODE_SECONDS", "20"))
LOAD_CONNECTIONS = 32
# Counts every answer outside 2xx, whatever wrk itself counts as an error.
WRK_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non2xx = 0 end
function response(status, headers, body)
    if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
    local total = 0
    for _, thread in ipairs(threads) do total = total + thread:get("non2xx") end
    io.write(string.format("non2xx %d\\n", total))
end
"""


class Node:
    def __init__(self, port, session=None):
        self.port = port
        self.session = session or requests.Session()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path, slug=None, session=None, **kwargs):
        """`session` for tests/caching/test_redis.py's `log_in`, which passes its own."""
        host = f"{slug + '.' if slug else ''}localhost:{self.port}"
        return (session or self.session).get(
            self.url(path), headers={"Host": host}, allow_redirects=False, timeout=30, **kwargs
        )

    def post(self, path, data, files=None):
        return self.session.post(
            self.url(path),
            data=data,
            files=files,
            headers={
                "Host": f"localhost:{self.port}",
                "X-CSRFToken": self.session.cookies.get("csrftoken", ""),
                "X-Requested-With": "XMLHttpRequest",
            },
            allow_redirects=False,
            timeout=60,
        )


@pytest.fixture
def cluster(tmp_path, redis_server, s3_server):
    """Start the two app servers and Varnish on the data made so far."""

    @contextlib.contextmanager
    def start():
        redis_server.flush()
        varnish_port = free_port()
        env = {
            # Development settings without DEBUG, as tests/caching/test_redis.py: production's
            # differ in https and static manifests, nothing shared between servers.
            "DJANGO_SETTINGS_MODULE": "fnsp_site.settings.dev",
            "DEBUG": "false",
            "DATABASE_URL": database_url(tmp_path),
            "REDIS_URL": redis_server.url,
            "FNSP_VARNISH_URLS": f"http://127.0.0.1:{varnish_port}",
            "FNSP_LOG_FORMAT": "json",
            # Each server's own disk is empty: every file must come from the object store.
            "MEDIA_ROOT": str(tmp_path / "unused-media"),
            **s3_server.environ,
        }
        with (
            open(tmp_path / "a.log", "w") as log_a,
            open(tmp_path / "b.log", "w") as log_b,
            gunicorn(free_port(), workers=2, env=env, args=("--preload",), output=log_a) as a,
            gunicorn(free_port(), workers=2, env=env, args=("--preload",), output=log_b) as b,
            varnishd.varnish([a, b], port=varnish_port),
        ):
            yield Node(a), Node(b), Node(varnish_port)

    return start


def publish(node, page, title):
    """Publish `page` with a new title in the admin of `node`."""
    edit = f"/admin/pages/{page.pk}/edit/"
    html = node.get(edit).text
    form = next(
        index
        for index, match in enumerate(re.finditer(r"<form\b[^>]*>", html))
        if 'id="page-edit-form"' in match.group(0)
    )
    data = querydict_from_html(html, form_index=form)
    fields = {**nested_form_data({"body": streamfield([])}), "title": title, "action-publish": "1"}
    for name, value in fields.items():
        data[name] = value
    response = node.post(edit, data)
    assert response.status_code == 302, response.text[:2000]


def upload_image(node):
    png = get_test_image_file().file.getvalue()
    response = node.post(
        "/admin/images/multiple/add/", {}, files={"files[]": ("kart.png", png, "image/png")}
    )
    assert response.status_code == 200 and response.json()["success"], response.text[:2000]
    return response.json()["image_id"]


def load(nodes, seconds, connections, folder):
    """wrk against both servers at once, half the connections each: per server, its figures
    and the count of non-2xx answers."""
    script = folder / "count.lua"
    script.write_text(WRK_SCRIPT)
    runs = [
        subprocess.Popen(
            [shutil.which("wrk"), "-t", "2", "-c", str(connections // len(nodes))]
            + ["-d", f"{seconds}s", "--timeout", "10s", "-s", str(script), "--latency"]
            + ["-H", f"Host: {HOSPITAL}.localhost:{node.port}", node.url("/")],
            stdout=subprocess.PIPE,
            text=True,
        )
        for node in nodes
    ]
    return [run.communicate(timeout=seconds + 60)[0] for run in runs]


def test_two_app_servers_share_pages_images_and_the_cache_and_bear_a_load_run(
    cluster, tmp_path, s3_server
):
    set_up()
    home = HospitalHomePage.objects.get(slug=HOSPITAL)
    page = ContentPageFactory(parent=home, title="Parkering", slug="parkering")
    page.save_revision().publish()
    with cluster() as (a, b, cache):
        for node in (a, b):
            ready = node.get("/readyz")
            assert ready.status_code == 200, ready.text
        assert cache.get("/parkering/", HOSPITAL).status_code == 200
        assert cache.get("/parkering/", HOSPITAL).headers["X-Cache"] == "HIT"

        log_in(a, a.session)
        publish(a, page, "Parkering og kollektivtransport")
        assert "Parkering og kollektivtransport" in b.get("/parkering/", HOSPITAL).text
        # Purged by the server that published, whichever server fills the cache again.
        through_cache = cache.get("/parkering/", HOSPITAL)
        assert "Parkering og kollektivtransport" in through_cache.text
        assert through_cache.headers["X-Cache"] == "MISS"

        image_id = upload_image(a)
        original = get_image_model().objects.get(pk=image_id).file.name
        assert original in s3_server.object_names()
        log_in(b, b.session)
        # The other server makes the admin's thumbnail from the original in the store.
        listing = b.get(f"/admin/images/{image_id}/").text
        thumbnail = re.search(
            r'<img[^>]+src="(http://127\.0\.0\.1:\d+/fnsp-media/images/[^"]+)"', listing
        )
        assert thumbnail, listing[:3000]
        served = requests.get(thumbnail.group(1), timeout=30)
        assert served.status_code == 200
        assert served.content.startswith(b"\x89PNG")

        outputs = load([a, b], LOAD_SECONDS, LOAD_CONNECTIONS, tmp_path)
    for output in outputs:
        print(output)
    for output in outputs:
        assert re.search(r"^non2xx 0$", output, re.M), output
        assert "Socket errors" not in output, output
        requests_done = int(re.search(r"(\d+) requests in", output).group(1))
        assert requests_done > 0
    assert Page.objects.get(pk=page.pk).title == "Parkering og kollektivtransport"
    assert connection.vendor == "postgresql"
