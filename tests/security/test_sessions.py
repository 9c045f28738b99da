"""Staff sessions end after 30 idle minutes and 10 hours after the login, however active."""

import datetime

import pytest
import time_machine
from django.test import Client

from core.factories import UserFactory

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 7, 0, tzinfo=datetime.UTC)


def log_in(client):
    response = client.post(
        "/admin/login/", {"username": "redaktor", "password": "correct horse battery staple"}
    )
    assert response.status_code == 302


@pytest.fixture
def client(db):
    UserFactory(username="redaktor", is_superuser=True)
    return Client()


def is_logged_in(client):
    response = client.get("/admin/")
    assert response.status_code in (200, 302)
    return response.status_code == 200


def test_a_session_ends_after_30_idle_minutes_and_activity_renews_it(client):
    with time_machine.travel(START, tick=False) as clock:
        log_in(client)
        for _ in range(3):
            clock.shift(datetime.timedelta(minutes=29))
            assert is_logged_in(client)
        clock.shift(datetime.timedelta(minutes=31))
        assert not is_logged_in(client)


def test_a_session_ends_10_hours_after_the_login_however_active(client):
    with time_machine.travel(START, tick=False) as clock:
        log_in(client)
        for _ in range(20):  # 9 h 40 min
            clock.shift(datetime.timedelta(minutes=29))
            assert is_logged_in(client)
        clock.shift(datetime.timedelta(minutes=21))
        assert not is_logged_in(client)
        # Logging in again starts a new 10 hours.
        log_in(client)
        assert is_logged_in(client)
