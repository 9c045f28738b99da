"""Lockout after failed passwords (django-axes) on the admin login, on the view-restriction
password forms of pages and document collections and on the old password of the account
settings' password change; the password rules."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail.test.utils.form_data import querydict_from_html

from core.factories import UserFactory
from home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LOGIN = "/admin/login/"
START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
LIMIT = settings.AXES_FAILURE_LIMIT


@pytest.fixture
def editor(db):
    # With a name: the account settings' form, sent with the password change, requires one.
    return UserFactory(
        username="redaktor", first_name="Kari", last_name="Nordmann", is_superuser=True
    )


def log_in(client, username="redaktor", password=PASSWORD, address="192.0.2.10"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def assert_locked_out(response):
    assert response.status_code == 429
    text = response.content.decode()
    assert "For mange mislykkede forsøk med feil passord" in text
    assert "15 minutter" in text
    assert int(response["Retry-After"]) == 15 * 60
    assert response["Cache-Control"] == "private, no-store"


def test_the_admin_login_locks_out_after_the_limit_and_refuses_the_right_password(editor):
    client = Client()
    with time_machine.travel(START, tick=False):
        for _ in range(LIMIT - 1):
            response = log_in(client, password="feil")
            assert response.status_code == 200 and response.context["form"].errors
        assert_locked_out(log_in(client, password="feil"))
        assert_locked_out(log_in(client))
        assert client.get("/admin/").status_code == 302


def test_the_right_password_works_again_after_the_cool_off(editor):
    client = Client()
    with time_machine.travel(START, tick=False) as clock:
        for _ in range(LIMIT):
            log_in(client, password="feil")
        clock.shift(datetime.timedelta(minutes=14))
        assert_locked_out(log_in(client))
        clock.shift(datetime.timedelta(minutes=2))
        response = log_in(client)
        assert response.status_code == 302
        assert client.get("/admin/").status_code == 200


def test_an_account_is_locked_out_whichever_address_the_tries_come_from(editor):
    client = Client()
    for number in range(LIMIT):
        log_in(client, password="feil", address=f"198.51.100.{number}")
    assert_locked_out(log_in(client, address="203.0.113.7"))


def test_an_address_is_locked_out_whichever_account_it_tries(editor):
    client = Client()
    for number in range(LIMIT):
        log_in(client, username=f"bruker{number}", password="feil")
    assert_locked_out(log_in(client))
    assert log_in(client, address="203.0.113.7").status_code == 302


def test_a_successful_login_after_a_few_failures_goes_straight_in(editor):
    client = Client()
    for _ in range(LIMIT - 1):
        log_in(client, password="feil")
    assert log_in(client).status_code == 302


def test_a_pages_password_form_locks_out_an_address(bergen):
    page = ContentPageFactory(parent=bergen[2], title="Lukket", slug="lukket")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig-ord"
    )
    client = Client(HTTP_HOST="helse-bergen.localhost")
    form_url = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    assert form_url in client.get("/lukket/").content.decode()

    def try_password(password, address="192.0.2.10"):
        return client.post(
            form_url, {"password": password, "return_url": "/lukket/"}, REMOTE_ADDR=address
        )

    for _ in range(LIMIT - 1):
        assert try_password("feil").status_code == 200
    assert_locked_out(try_password("feil"))
    assert_locked_out(try_password("hemmelig-ord"))
    # Only the address: the patients given the password elsewhere still get in.
    assert try_password("hemmelig-ord", address="203.0.113.7").status_code == 302


def test_a_collections_password_form_locks_out_an_address(db):
    collection = Collection.get_first_root_node().add_child(name="Skjult")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="hemmelig-ord",
    )
    Document.objects.create(title="Skjult", collection=collection)
    client = Client()
    form_url = f"/documents/authenticate_with_password/{restriction.pk}/"
    for _ in range(LIMIT):
        response = client.post(form_url, {"password": "feil", "return_url": "/"})
    assert_locked_out(response)
    assert_locked_out(client.post(form_url, {"password": "hemmelig-ord", "return_url": "/"}))


NEW_PASSWORD = "fjord lavvo sykkel 1987"


def change_password(client, old, address="192.0.2.10", **changes):
    """The account settings' POST as the browser sends it, with the password panel filled in."""
    url = reverse("wagtailadmin_account")
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    data["password-old_password"] = old
    data["password-new_password1"] = data["password-new_password2"] = NEW_PASSWORD
    for name, value in changes.items():
        data[name] = value
    return client.post(url, data, REMOTE_ADDR=address)


def test_a_wrong_old_password_counts_towards_the_lockout_of_account_and_address(editor):
    """A stolen session must not let anyone guess the password without limit."""
    client = Client()
    client.force_login(editor)
    for _ in range(LIMIT - 1):
        response = change_password(client, "feil")
        assert response.status_code == 200
        assert "Ditt gamle passord er galt" in response.content.decode()
    assert_locked_out(change_password(client, "feil"))
    assert_locked_out(change_password(client, PASSWORD))
    editor.refresh_from_db()
    assert editor.check_password(PASSWORD)
    # The account is locked out of the login too, and so is the address.
    assert_locked_out(log_in(Client(), address="203.0.113.7"))
    assert_locked_out(log_in(Client(), username="annen"))
    # axes keeps the tries' form data: no password in it.
    post_data = "".join(AccessAttempt.objects.values_list("post_data", flat=True))
    assert "feil" not in post_data and NEW_PASSWORD not in post_data


def test_a_wrong_old_password_counts_when_another_field_is_wrong_too(editor):
    """The page shows the old password's error whatever else is wrong: that is a guess too."""
    client = Client()
    client.force_login(editor)
    for _ in range(LIMIT - 1):
        change_password(client, "feil", **{"name_email-first_name": ""})
    assert_locked_out(change_password(client, "feil"))


def test_the_right_old_password_changes_it_after_a_few_failures(editor):
    client = Client()
    client.force_login(editor)
    for _ in range(LIMIT - 1):
        change_password(client, "feil")
    response = change_password(client, PASSWORD)
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.check_password(NEW_PASSWORD)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


@pytest.mark.parametrize(
    "password",
    [
        "Sykehus1",  # short
        "qwerty123456",  # common
        "redaktor.helse.bergen",  # like the username and e-mail
        "123456789012345",  # digits only
    ],
)
def test_weak_passwords_are_refused(password):
    user = UserFactory.build(username="redaktor.helse.bergen", email="redaktor@helse-bergen.no")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_uncommon_passphrase_is_accepted():
    user = UserFactory.build(username="redaktor", email="redaktor@helse-bergen.no")
    validate_password("fjord lavvo sykkel 1987", user)


@override_settings(FNSP_TRUSTED_PROXIES=["10.0.0.2"])
def test_behind_the_proxy_the_forwarded_address_is_locked_out(editor):
    client = Client()
    for number in range(LIMIT):
        client.post(
            LOGIN,
            {"username": f"bruker{number}", "password": "feil"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number}, 203.0.113.5",
        )
    locked = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    assert_locked_out(client.post(LOGIN, {"username": "redaktor", "password": PASSWORD}, **locked))
    other = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.6"}
    response = client.post(LOGIN, {"username": "redaktor", "password": PASSWORD}, **other)
    assert response.status_code == 302
