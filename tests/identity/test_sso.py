"""Single sign-on end to end in Chromium against a real OpenID Connect provider the suite
starts (conftest.py): the code flow with PKCE, an RS256-signed ID token checked against the
provider's keys, the userinfo endpoint, no mocked protocol."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from core.factories import UserFactory
from home.factories import make_hospital, make_portal
from home.groups import NATIONAL_EDITORS, editor_group_name, sync_site_groups
from identity.models import GroupClaimMapping
from tests.browser import site_url

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

User = get_user_model()
PASSWORD = "provider-password"


@pytest.fixture
def mapped():
    """The portal, Bergen and their groups; two claim values mapped by the administrators."""
    make_portal()
    make_hospital("helse-bergen")
    sync_site_groups()
    GroupClaimMapping.objects.create(
        claim_value="fnsp-nasjonal", group=Group.objects.get(name=NATIONAL_EDITORS)
    )
    GroupClaimMapping.objects.create(
        claim_value="fnsp-bergen", group=Group.objects.get(name=editor_group_name("helse-bergen"))
    )


def sso_login(browser, live_server, username):
    """Press the button on Wagtail's login page and sign in at the provider; return the page
    where the browser lands."""
    context = browser.new_context(locale="nb-NO")
    page = context.new_page()
    page.goto(site_url(live_server) + "admin/login/")
    page.get_by_role("link", name="Logg inn med Helse-ID/Entra").click()
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    return page


def sso_user(username):
    return User.objects.get(external_identity__subject=username)


def test_sso_creates_the_user_with_the_mapped_groups_and_lands_in_the_admin(
    live_server, browser, sso, mapped
):
    sso.set_user(
        "kari",
        PASSWORD,
        email="kari@helse-bergen.no",
        given_name="Kari",
        family_name="Nordmann",
        groups=["fnsp-nasjonal", "fnsp-bergen", "some-other-group"],
    )
    page = sso_login(browser, live_server, "kari")
    # A national editor, and not asked for a second factor: the provider's MFA counts.
    expect(page).to_have_url(site_url(live_server) + "admin/")
    expect(page.locator("body")).to_contain_text("Kari")
    user = sso_user("kari")
    assert (user.first_name, user.last_name, user.email) == (
        "Kari",
        "Nordmann",
        "kari@helse-bergen.no",
    )
    assert not user.has_usable_password()
    assert set(user.groups.values_list("name", flat=True)) == {
        NATIONAL_EDITORS,
        editor_group_name("helse-bergen"),
    }


def test_a_claim_mapped_to_nothing_gives_no_admin_access(live_server, browser, sso, mapped):
    sso.set_user("ola", PASSWORD, groups=["not-mapped"])
    page = sso_login(browser, live_server, "ola")
    expect(page).to_have_url(site_url(live_server) + "admin/login/")
    expect(page.locator(".messages")).to_contain_text(
        "ingen av gruppene dine der gir tilgang til FNSP-administrasjonen"
    )
    assert not User.objects.filter(external_identity__subject="ola").exists()


def test_a_changed_claim_removes_the_mapped_group_at_the_next_login(
    live_server, browser, sso, mapped
):
    sso.set_user("per", PASSWORD, groups=["fnsp-nasjonal", "fnsp-bergen"])
    sso_login(browser, live_server, "per")
    user = sso_user("per")
    # A group the mapping does not manage stays; the dropped claim's group goes.
    helsepersonell = Group.objects.create(name="Given by hand")
    user.groups.add(helsepersonell)

    sso.set_user("per", PASSWORD, groups=["fnsp-bergen"])
    page = sso_login(browser, live_server, "per")
    expect(page).to_have_url(site_url(live_server) + "admin/")
    assert set(user.groups.values_list("name", flat=True)) == {
        editor_group_name("helse-bergen"),
        "Given by hand",
    }

    # No mapped group left: the mapped groups go and the login is refused.
    sso.set_user("per", PASSWORD, groups=[])
    page = sso_login(browser, live_server, "per")
    expect(page).to_have_url(site_url(live_server) + "admin/login/")
    assert list(user.groups.values_list("name", flat=True)) == ["Given by hand"]


def test_a_claim_never_makes_a_superuser(live_server, browser, sso, mapped):
    # A local superuser with the address the provider sends: the login must not become them.
    admin = UserFactory(username="admin", email="admin@fnsp.no", is_superuser=True, is_staff=True)
    sso.set_user(
        "admin",
        PASSWORD,
        email="admin@fnsp.no",
        preferred_username="admin",
        is_superuser=True,
        is_staff=True,
        groups=["fnsp-bergen", "superuser", "admin"],
    )
    page = sso_login(browser, live_server, "admin")
    expect(page).to_have_url(site_url(live_server) + "admin/")
    user = sso_user("admin")
    assert user != admin
    assert not user.is_superuser
    assert not user.is_staff
    assert list(user.groups.values_list("name", flat=True)) == [editor_group_name("helse-bergen")]
    # The superuser-only mapping is out of this user's reach: Wagtail sends them home.
    page.goto(site_url(live_server) + "admin/snippets/identity/groupclaimmapping/")
    expect(page).to_have_url(site_url(live_server) + "admin/")
