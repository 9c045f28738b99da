"""Prometheus metrics (core/metrics.py): off unless FNSP_METRICS is set; then every request
is counted by method and status and timed, and `/metrics` shows it."""

import subprocess
import sys

import pytest

from scripts.varnish import ROOT

METRICS = "core.metrics.MetricsMiddleware"


def middleware_with(environ):
    code = (
        "import django; django.setup(); from django.conf import settings;"
        " print(settings.MIDDLEWARE)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "fnsp_site.settings.test", "PATH": "/usr/bin", **environ},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_metrics_are_on_only_when_configured():
    assert METRICS not in middleware_with({})
    assert METRICS in middleware_with({"FNSP_METRICS": "true"})


@pytest.mark.django_db
def test_requests_are_counted_by_status_and_shown_to_the_scraper(client, settings, bergen):
    settings.MIDDLEWARE = [settings.MIDDLEWARE[0], METRICS, *settings.MIDDLEWARE[1:]]
    client.get("/finnes-ikke/", HTTP_HOST="helse-bergen.localhost")
    client.get("/healthz")
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    text = response.content.decode()
    assert 'fnsp_http_requests_total{method="GET",status="404"}' in text
    assert 'fnsp_http_request_duration_seconds_count{method="GET"}' in text
    # The probes are answered before the count.
    assert 'status="200"' not in text


@pytest.mark.django_db
def test_without_metrics_there_is_no_metrics_page(client):
    assert client.get("/metrics", follow=True).status_code == 404
