"""The claim-to-group mapping's admin (superusers only) and single sign-on's configuration:
off without settings, and a provider that does not answer is a message, not a 500."""

import time

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from core.factories import UserFactory
from home.groups import ADMIN_ACCESS, NATIONAL_EDITORS, get_permission
from identity.models import GroupClaimMapping

MAPPINGS = "/admin/snippets/identity/groupclaimmapping/"


@pytest.fixture
def national(db):
    return Group.objects.get_or_create(name=NATIONAL_EDITORS)[0]


def test_superusers_keep_the_mapping_and_a_duplicate_is_a_form_error(client, national):
    client.force_login(UserFactory(is_superuser=True))
    assert client.get(MAPPINGS).status_code == 200
    data = {"claim_value": "fnsp-nasjonal", "group": national.pk}
    assert client.post(MAPPINGS + "add/", data).status_code == 302
    response = client.post(MAPPINGS + "add/", data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert GroupClaimMapping.objects.count() == 1


def test_a_permission_on_the_model_does_not_let_anyone_else_keep_it(client, national):
    editor = UserFactory()
    editor.user_permissions.add(
        get_permission(ADMIN_ACCESS),
        *Permission.objects.filter(content_type__app_label="identity"),
    )
    client.force_login(editor)
    for url in [MAPPINGS, MAPPINGS + "add/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("wagtailadmin_home")
    client.post(MAPPINGS + "add/", {"claim_value": "mine", "group": national.pk})
    assert not GroupClaimMapping.objects.exists()


def test_without_settings_there_is_no_button_and_no_sso_address(client, db):
    assert "Helse-ID" not in client.get(reverse("wagtailadmin_login")).content.decode()
    assert client.get(reverse("oidc_authentication_init")).status_code == 404
    assert client.get(reverse("oidc_authentication_callback")).status_code == 404


def test_a_provider_that_does_not_answer_is_a_message_on_the_login_page(client, db, settings):
    settings.OIDC_RP_CLIENT_ID = "fnsp"
    settings.OIDC_RP_CLIENT_SECRET = "secret"
    # Nothing listens on port 9 (discard) on the test machine.
    for name in ["AUTHORIZATION", "TOKEN", "USER", "JWKS"]:
        setattr(settings, f"OIDC_OP_{name}_ENDPOINT", f"http://127.0.0.1:9/{name.lower()}")
    settings.AUTHENTICATION_BACKENDS = [
        "django.contrib.auth.backends.ModelBackend",
        "identity.backends.SSOBackend",
    ]
    start = client.get(reverse("oidc_authentication_init"))
    assert start["Location"].startswith("http://127.0.0.1:9/authorization?")
    state = next(iter(client.session["oidc_states"]))
    response = client.get(
        reverse("oidc_authentication_callback"), {"code": "x", "state": state}, follow=True
    )
    assert response.redirect_chain == [(reverse("wagtailadmin_login"), 302)]
    assert (
        "Innlogging med Helse-ID/Entra mislyktes. Prøv igjen senere." in response.content.decode()
    )
    # A state the session never issued is refused as a bad request.
    assert (
        client.get(
            reverse("oidc_authentication_callback"), {"code": "x", "state": str(time.time())}
        ).status_code
        == 400
    )
