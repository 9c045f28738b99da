"""The link checker (quality/links.py, `check_links`) against a local HTTP server the test
starts (never the internet), and its report per site."""

import io
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise

import pytest
from django.core.management import call_command
from django.urls import reverse

from quality.links import USER_AGENT
from quality.models import BrokenLink
from tests.helpers import soup
from tests.quality.conftest import board_member, editor_of
from treatments.factories import TreatmentFactory, offer

pytestmark = pytest.mark.django_db


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.active = self.most_active = 0
        self.agents = set()
        self.requests = []
        self.arrivals = []


def handler_for(recorder):
    class Handler(BaseHTTPRequestHandler):
        def answer(self, with_body):
            with recorder.lock:
                recorder.active += 1
                recorder.most_active = max(recorder.most_active, recorder.active)
                recorder.agents.add(self.headers.get("User-Agent"))
                recorder.requests.append((self.command, self.path))
                recorder.arrivals.append(time.monotonic())
            if self.path == "/slow":
                time.sleep(2)
            if self.path == "/head-refused" and self.command == "HEAD":
                status = 405
            else:
                status = {"/ok": 200, "/head-refused": 200, "/slow": 200}.get(self.path, 404)
            # Done before answering: once the answer is out the checker may ask again.
            with recorder.lock:
                recorder.active -= 1
            try:
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                if with_body:
                    self.wfile.write(b"ok")
            except (BrokenPipeError, ConnectionResetError):
                pass  # the checker gave up on /slow

        def do_HEAD(self):
            self.answer(False)

        def do_GET(self):
            self.answer(True)

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def link_server():
    recorder = Recorder()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(recorder))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", recorder
    server.shutdown()
    server.server_close()


@pytest.fixture
def linked_pages(portal, bergen, ous, link_server):
    from home.groups import sync_site_groups

    base, _recorder = link_server
    sync_site_groups()
    links = "".join(
        f'<p><a href="{href}">lenke</a></p>'
        for href in (
            "/behandlinger/",  # internal, exists
            "/behandlinger/finnes-ikke/",  # internal, missing
            f"{base}/ok",
            f"{base}/gone",
            f"{base}/head-refused",
            f"{base}/slow",
            "mailto:post@example.no",
        )
    )
    bergen_page = offer(
        bergen[2], TreatmentFactory(title="Gastroskopi"), practical_information=links
    )
    ous_page = offer(
        ous[2],
        TreatmentFactory(title="Koloskopi"),
        practical_information=f'<p><a href="{base}/ok">lenke</a></p>',
    )
    return bergen_page, ous_page


def test_internal_links_are_checked_in_process(linked_pages, link_server):
    _base, recorder = link_server
    bergen_page, _ous_page = linked_pages
    output = io.StringIO()
    call_command("check_links", stdout=output)
    found = {
        (link.page_id, link.url, link.internal, link.status) for link in BrokenLink.objects.all()
    }
    assert found == {
        (
            bergen_page.pk,
            "http://helse-bergen.localhost:8000/behandlinger/finnes-ikke/",
            True,
            404,
        )
    }
    assert recorder.requests == []  # nothing external without --external
    assert "broken internal" in output.getvalue()


def test_external_links_are_checked_politely(linked_pages, link_server):
    base, recorder = link_server
    bergen_page, _ous_page = linked_pages
    output = io.StringIO()
    call_command("check_links", "--external", "--timeout", "1", "--delay", "0.3", stdout=output)
    external = {
        (link.page_id, link.url, link.status, bool(link.error))
        for link in BrokenLink.objects.filter(internal=False)
    }
    assert external == {
        (bergen_page.pk, f"{base}/gone", 404, False),
        (bergen_page.pk, f"{base}/slow", None, True),  # timed out
    }
    assert BrokenLink.objects.filter(internal=True).count() == 1
    # One request at a time, each naming the platform; HEAD first, GET where HEAD is refused;
    # /ok is linked from two sites and asked once.
    assert recorder.most_active == 1
    # A pause before asking the host again (HEAD and GET of one link are one check).
    starts = [
        arrival
        for arrival, (method, path) in zip(recorder.arrivals, recorder.requests, strict=True)
        if not (method == "GET" and path == "/head-refused")
    ]
    assert all(later - earlier >= 0.3 for earlier, later in pairwise(starts))
    assert recorder.agents == {USER_AGENT}
    assert recorder.requests.count(("HEAD", "/ok")) == 1
    assert ("GET", "/head-refused") in recorder.requests
    assert "[1/4] external" in output.getvalue()

    # A bounded run checks only as many links as allowed, and replaces the stored findings.
    recorder.requests.clear()
    call_command("check_links", "--external", "--limit", "1", "--delay", "0", stdout=io.StringIO())
    assert len({path for _method, path in recorder.requests}) == 1


def test_bad_options_are_an_error(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("check_links", "--timeout", "0")


def test_report_per_site_with_page_and_last_editor(client, linked_pages):
    call_command("check_links", stdout=io.StringIO())
    url = reverse("quality_broken_links_report")
    client.force_login(editor_of("helse-bergen"))
    rows = [row.get_text(" ", strip=True) for row in soup(client.get(url)).select("tbody tr")]
    assert len(rows) == 1
    assert "Gastroskopi" in rows[0] and "finnes-ikke" in rows[0] and "HTTP 404" in rows[0]
    assert "Helse Bergen HF" in rows[0]
    client.force_login(editor_of("oslo-universitetssykehus"))
    assert soup(client.get(url)).select("tbody tr") == []
    client.force_login(board_member())
    assert len(soup(client.get(url)).select("tbody tr")) == 1
    csv = client.get(url, {"export": "csv"})
    assert "finnes-ikke" in b"".join(csv.streaming_content).decode()
