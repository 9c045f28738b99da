"""No share token in the logs the project writes: gunicorn's access log and Django's own."""

import io
import json
import logging

import pytest
import requests

from fnsp_site.log_redaction import RedactShareTokens
from scripts.varnish import free_port, gunicorn

TOKEN = "Zk3v9QeT1bXw7LmN2pR5sA"


def test_gunicorns_access_log_has_no_share_token_and_no_client_address(tmp_path):
    log = tmp_path / "access.log"
    env = {
        "DJANGO_SETTINGS_MODULE": "fnsp_site.settings.test",
        "GUNICORN_CMD_ARGS": f"--access-logfile {log}",
    }
    with gunicorn(free_port(), workers=1, env=env) as port:
        # An unknown host is refused before any database lookup; the access log has the line.
        response = requests.get(
            f"http://127.0.0.1:{port}/i/{TOKEN}/?utm=sms", headers={"Host": "other.example"}
        )
        assert response.status_code == 400
    text = log.read_text()
    line = json.loads(text)
    assert line["method"] == "GET"
    assert line["path"] == "/i/[token]/"
    assert line["status"] == "400"
    assert len(line["request_id"]) == 32
    assert TOKEN not in text
    assert "utm" not in text
    assert "127.0.0.1" not in text


@pytest.mark.django_db
def test_djangos_request_log_has_no_share_token(client, bergen):
    handler = next(
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, RedactShareTokens) for f in h.filters)
    )
    # Swapped by hand: `setStream` flushes the old stream, which may be an earlier test's
    # captured stderr that pytest has closed.
    stream, previous = io.StringIO(), handler.stream
    handler.stream = stream
    try:
        response = client.get(f"/i/{TOKEN}/", HTTP_HOST="helse-bergen.localhost")
    finally:
        handler.stream = previous
    assert response.status_code == 404
    assert stream.getvalue().strip() == "Not Found: /i/[token]/"
