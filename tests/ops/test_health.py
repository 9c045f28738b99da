"""The load balancer's probes (core/health.py): each dependency stopped in turn makes
`/readyz` answer 503 naming it, while `/healthz` still answers 200."""

import datetime

import pytest
import requests
from django.core.cache import cache
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from scripts import postgres
from scripts.varnish import free_port, gunicorn

REDIS_CACHE = {
    "BACKEND": "django_redis.cache.RedisCache",
    "OPTIONS": {
        "CLIENT_CLASS": "django_redis.client.DefaultClient",
        "IGNORE_EXCEPTIONS": True,
        "SOCKET_CONNECT_TIMEOUT": 0.5,
        "SOCKET_TIMEOUT": 0.5,
    },
}


def test_liveness_answers_without_the_database_host_check_or_https(client, settings):
    # No `db` fixture: a query would fail the test. An address as Host, plain http.
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz", HTTP_HOST="10.1.2.3")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response


@pytest.mark.django_db
def test_readiness_names_every_check(client):
    response = client.get("/readyz", HTTP_HOST="10.1.2.3")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "tasks", "storage"}
    assert all(check["ok"] for check in body["checks"].values())
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_unwritable_media_storage_makes_the_server_unready(client, settings, tmp_path):
    # A file where the media folder's parent should be: nothing can be written (also as root,
    # whom a folder's mode does not stop).
    (tmp_path / "blocked").write_text("")
    settings.MEDIA_ROOT = tmp_path / "blocked" / "media"
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["failed"] == ["storage"]
    assert body["checks"]["storage"]["ok"] is False


@pytest.mark.django_db
def test_the_task_queue_reports_its_oldest_waiting_task(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    task = DBTaskResult.objects.create(
        task_path="search.tasks.missing",
        args_kwargs={"args": [], "kwargs": {}},
        queue_name="default",
        backend_name="default",
        priority=0,
        run_after=timezone.now() - datetime.timedelta(minutes=10),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(
        enqueued_at=timezone.now() - datetime.timedelta(minutes=10)
    )
    checks = client.get("/readyz").json()["checks"]
    assert checks["tasks"]["ok"] is True
    assert checks["tasks"]["backend"] == "DatabaseBackend"
    assert 590 < checks["tasks"]["oldest_waiting_seconds"] < 700


@pytest.mark.redis
@pytest.mark.django_db
def test_a_stopped_redis_makes_the_server_unready(client, settings, redis_server):
    settings.CACHES = {"default": {**REDIS_CACHE, "LOCATION": redis_server.url}}
    assert client.get("/readyz").status_code == 200
    redis_server.stop()
    try:
        response = client.get("/readyz")
        assert client.get("/healthz").status_code == 200
    finally:
        redis_server.start()
    assert response.status_code == 503
    assert response.json()["failed"] == ["cache"]
    cache.close()


def test_a_stopped_postgresql_makes_the_server_unready(tmp_path):
    """gunicorn on a PostgreSQL of the test's own, which the test stops."""
    cluster = postgres.Cluster()
    cluster.start()
    env = {
        "DJANGO_SETTINGS_MODULE": "fnsp_site.settings.test",
        "DATABASE_URL": cluster.url,
        "MEDIA_ROOT": str(tmp_path),
    }
    try:
        with gunicorn(free_port(), workers=1, env=env) as port:
            url = f"http://127.0.0.1:{port}"
            assert requests.get(f"{url}/readyz").status_code == 200
            cluster.stop()
            down = requests.get(f"{url}/readyz")
            alive = requests.get(f"{url}/healthz")
    finally:
        cluster.close()
    assert down.status_code == 503
    assert down.json()["failed"] == ["database"]
    assert alive.status_code == 200
