"""A second factor after the password: required for superusers and national editors, optional
for others, never asked of single sign-on (test_sso.py). Logins go through Wagtail's real
login form; codes are computed as an authenticator app would (django_otp.oath.totp)."""

import base64
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django_otp.oath import totp

from core.factories import UserFactory
from home.groups import NATIONAL_EDITORS, editor_group_name, sync_site_groups

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def second_factor_required(settings):
    settings.FNSP_REQUIRE_SECOND_FACTOR = True


@pytest.fixture
def groups(portal, bergen):
    sync_site_groups()


def log_in(client, user):
    response = client.post(
        reverse("wagtailadmin_login"), {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302, "the password step failed"
    return client.get(response["Location"])


def enrol(client):
    """Scan the key as the app would, confirm with its current code; return the key and the
    recovery codes shown."""
    page = client.get(reverse("identity_enrol"))
    assert '<figure class="identity-qr"><svg' in page.content.decode()
    secret = re.search(r"data-secret>([A-Z2-7]+)<", page.content.decode()).group(1)
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    response = client.post(reverse("identity_enrol"), {"token": f"{totp(key):06d}"})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", response.content.decode())
    return key, codes


def test_a_national_editor_without_a_device_is_sent_to_enrolment_and_kept_out(client, groups):
    editor = UserFactory(groups=[Group.objects.get(name=NATIONAL_EDITORS)])
    response = log_in(client, editor)
    assert response["Location"].startswith(reverse("identity_verify"))
    response = client.get(response["Location"])
    assert response["Location"].startswith(reverse("identity_enrol"))
    assert "Sett opp totrinnsbekreftelse" in client.get(response["Location"]).content.decode()
    for url in ["/admin/", "/admin/pages/", "/admin/snippets/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("identity_verify")), url
    # Outside the admin the half-logged-in session is anonymous: no editing bar on the portal.
    assert "wagtail-userbar" not in client.get("/").content.decode()


def test_enrolment_then_a_login_with_a_real_totp_code(client, groups):
    superuser = UserFactory(is_superuser=True)
    log_in(client, superuser)
    key, codes = enrol(client)
    assert len(codes) == 10
    assert client.get("/admin/pages/").status_code == 200

    client.post(reverse("wagtailadmin_logout"))
    log_in(client, superuser)
    assert client.get("/admin/")["Location"].startswith(reverse("identity_verify"))
    # The code of the enrolment is used; the app's next one (one step ahead) is accepted.
    response = client.post(
        reverse("identity_verify"), {"token": f"{totp(key, drift=1):06d}", "next": "/admin/pages/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_recovery_code_works_once(client, groups):
    editor = UserFactory(groups=[Group.objects.get(name=NATIONAL_EDITORS)])
    log_in(client, editor)
    _key, codes = enrol(client)

    for attempt in range(2):
        client.post(reverse("wagtailadmin_logout"))
        log_in(client, editor)
        response = client.post(reverse("identity_verify"), {"token": codes[0]})
        if attempt == 0:
            assert response.status_code == 302
            assert client.get("/admin/").status_code == 200
        else:
            assert response.status_code == 200
            assert "Koden er feil" in response.content.decode()
            assert client.get("/admin/").status_code == 302


def test_a_site_editor_opens_the_admin_with_the_password_alone(client, groups):
    editor = UserFactory(groups=[Group.objects.get(name=editor_group_name("helse-bergen"))])
    response = log_in(client, editor)
    assert response.status_code == 200
    response = client.get("/admin/pages/", follow=True)
    assert response.status_code == 200
    assert response.request["PATH_INFO"].startswith("/admin/pages/")


def test_a_site_editor_who_enrolled_must_give_the_code(client, groups):
    editor = UserFactory(groups=[Group.objects.get(name=editor_group_name("helse-bergen"))])
    log_in(client, editor)
    # Optional for them: offered on their account page.
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    assert f'href="{reverse("identity_enrol")}"' in account
    enrol(client)
    client.post(reverse("wagtailadmin_logout"))
    log_in(client, editor)
    assert client.get("/admin/")["Location"].startswith(reverse("identity_verify"))


def test_a_foreign_next_address_is_not_followed(client, groups):
    superuser = UserFactory(is_superuser=True)
    log_in(client, superuser)
    key, _codes = enrol(client)
    client.post(reverse("wagtailadmin_logout"))
    log_in(client, superuser)
    response = client.post(
        reverse("identity_verify"),
        {"token": f"{totp(key, drift=1):06d}", "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("wagtailadmin_home")
