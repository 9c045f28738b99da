"""Structured logs (core/logging.py): every record of a request names its id, site and staff
user, never the visitor's address or query; the id is the one sent in X-Request-ID or a new
one, and is echoed in the response."""

import contextlib
import io
import json
import logging

import pytest

from core.factories import UserFactory
from fnsp_site.log_redaction import RedactShareTokens
from fnsp_site.observability import scrub

pytestmark = pytest.mark.django_db


@contextlib.contextmanager
def json_log():
    """The console handler of the settings' LOGGING, writing JSON to a string."""
    handler = next(
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, RedactShareTokens) for f in h.filters)
    )
    formatter = logging.config.dictConfigClass(
        {"version": 1}
    ).configure_custom(  # the settings' own JSON formatter
        {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
        }
    )
    stream, previous = io.StringIO(), (handler.stream, handler.formatter)
    handler.stream, handler.formatter = stream, formatter
    try:
        yield stream
    finally:
        handler.stream, handler.formatter = previous


def records(stream):
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_a_request_id_is_made_or_kept_and_echoed(client, bergen):
    made = client.get("/", HTTP_HOST="helse-bergen.localhost")["X-Request-ID"]
    assert len(made) == 32
    kept = client.get("/", HTTP_HOST="helse-bergen.localhost", HTTP_X_REQUEST_ID="lb-4711.a")
    assert kept["X-Request-ID"] == "lb-4711.a"
    odd = client.get("/", HTTP_HOST="helse-bergen.localhost", HTTP_X_REQUEST_ID="<script>")
    assert odd["X-Request-ID"] not in {"<script>", made}


def test_a_logged_request_names_its_id_site_and_user_and_no_visitor_data(client, bergen):
    editor = UserFactory()
    client.force_login(editor)
    with json_log() as stream:
        response = client.get(
            "/finnes-ikke/?q=diabetes+type+2",
            HTTP_HOST="helse-bergen.localhost",
            HTTP_X_REQUEST_ID="abc123",
            REMOTE_ADDR="192.0.2.44",
        )
    assert response.status_code == 404
    (record,) = [r for r in records(stream) if r["name"] == "django.request"]
    assert record["message"] == "Not Found: /finnes-ikke/"
    assert record["request_id"] == "abc123"
    assert record["site_id"] == bergen[1].pk
    assert record["user_id"] == editor.pk
    text = stream.getvalue()
    assert "diabetes" not in text
    assert "192.0.2.44" not in text


def test_sentry_receives_no_query_address_cookie_or_token():
    event = {
        "request": {
            "url": "https://helse-bergen.no/i/Zk3v9QeT1bXw7LmN2pR5sA/?q=diabetes",
            "query_string": "q=diabetes",
            "cookies": {"sessionid": "x"},
            "env": {"REMOTE_ADDR": "192.0.2.44"},
            "headers": {"Host": "helse-bergen.no", "X-Forwarded-For": "192.0.2.44"},
        },
        "user": {"ip_address": "192.0.2.44"},
    }
    scrubbed = json.dumps(scrub(event))
    for secret in ("diabetes", "192.0.2.44", "sessionid", "Zk3v9QeT1bXw7LmN2pR5sA"):
        assert secret not in scrubbed
    assert event["request"]["url"] == "https://helse-bergen.no/i/[token]/"
