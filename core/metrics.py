"""Prometheus metrics, on only when FNSP_METRICS is set (docs/deployment.md#logs-and-
observability): requests by method and status, and their duration, at `/metrics` of each app
server. Under gunicorn's several workers set PROMETHEUS_MULTIPROC_DIR to an empty folder
(prometheus-client's multiprocess mode) so that every worker's counts are summed."""

import os
import time

from django.http import HttpResponse
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

METRICS_PATH = "/metrics"
REQUESTS = Counter("fnsp_http_requests", "Requests answered", ["method", "status"])
DURATION = Histogram("fnsp_http_request_duration_seconds", "Time to answer", ["method"])
# Any other method is counted as one label value: labels must stay few.
METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


def exposition():
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    response = HttpResponse(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
    response["Cache-Control"] = "no-store"
    return response


class MetricsMiddleware:
    """Counts every request and answers the scraper at `/metrics` (second in MIDDLEWARE, after
    the health probes, which it does not count)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == METRICS_PATH and request.method == "GET":
            return exposition()
        started = time.monotonic()
        response = self.get_response(request)
        method = request.method if request.method in METHODS else "other"
        REQUESTS.labels(method, str(response.status_code)).inc()
        DURATION.labels(method).observe(time.monotonic() - started)
        return response
