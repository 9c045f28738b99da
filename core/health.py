"""Liveness and readiness for a load balancer (docs/deployment.md#health).

`/healthz` says the process answers; `/readyz` that this app server can serve: its database,
cache, task queue and media storage each answer. Both are answered by `HealthMiddleware`,
the outermost middleware, before the host check, the https redirect, sessions and rate
limits: a probe comes by address over plain http and must not open a session. Never cached
(`Cache-Control: no-store` here, `pass` in deploy/varnish/fnsp.vcl).
"""

import json
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpResponse
from django.utils import timezone
from django_tasks import task_backends

LIVENESS_PATH = "/healthz"
READINESS_PATH = "/readyz"
# Where the storage check writes its probe file (and deletes it at once).
PROBE_DIR = "health"


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def check_cache():
    # A cache that ignores its errors (settings: Redis with IGNORE_EXCEPTIONS) reads None.
    key, value = f"fnsp:health:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, 10)
    if cache.get(key) != value:
        raise RuntimeError("the value written could not be read back")
    cache.delete(key)
    return {"backend": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]}


def check_tasks():
    """The queue's table answers; the age of the oldest task waiting for the worker is
    reported, not judged: a slow worker is no reason to take app servers out of service."""
    backend = task_backends["default"]
    name = type(backend).__name__
    if not name.startswith("Database"):
        return {"backend": name}
    from django_tasks_db.models import DBTaskResult

    waiting = (
        DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", flat=True)
    )
    oldest = waiting.first()
    age = (timezone.now() - oldest).total_seconds() if oldest else 0.0
    return {"backend": name, "oldest_waiting_seconds": round(age, 1)}


def check_storage():
    name = default_storage.save(f"{PROBE_DIR}/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    default_storage.delete(name)
    return {"backend": type(default_storage._wrapped).__name__}


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "tasks": check_tasks,
    "storage": check_storage,
}


def run_checks():
    results = {}
    for name, check in CHECKS.items():
        started = time.monotonic()
        try:
            result = {"ok": True, **check()}
        # Whatever fails, the server is not ready.
        except Exception as error:
            result = {"ok": False, "error": f"{type(error).__name__}: {error}"[:300]}
        result["ms"] = round((time.monotonic() - started) * 1000, 1)
        results[name] = result
    return results


def json_response(status, body):
    response = HttpResponse(json.dumps(body), status=status, content_type="application/json")
    response["Cache-Control"] = "no-store"
    return response


def liveness():
    return json_response(200, {"status": "ok"})


def readiness():
    checks = run_checks()
    failed = [name for name, result in checks.items() if not result["ok"]]
    body = {"status": "fail" if failed else "ok", "failed": failed, "checks": checks}
    return json_response(503 if failed else 200, body)


class HealthMiddleware:
    """Answers the two probes before any other middleware runs (first in MIDDLEWARE)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD"):
            if request.path == LIVENESS_PATH:
                return liveness()
            if request.path == READINESS_PATH:
                return readiness()
        return self.get_response(request)
