"""Content-Security-Policy (enforced on public pages, report-only in the admin) and
Permissions-Policy; in Chromium, the public pages load with no violation and their scripts work."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from core.factories import UserFactory
from core.security import csp_hash
from home.factories import ContentPageFactory, make_hospital, make_portal
from home.groups import editor_group_name, sync_site_groups
from home.models import PageFeedback
from tests.browser import site_url
from tests.helpers import get
from treatments.factories import TreatmentFactory, offer
from trials.factories import publish_trial

ROOT = Path(settings.BASE_DIR)
# Inline script, event-handler attributes and javascript: URLs; JSON-LD data blocks are
# no script to a browser and are allowed.
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)|\son[a-z]+\s*=|javascript:", re.I
)


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_the_projects_templates_have_no_inline_script_or_handler():
    offenders = [
        str(path.relative_to(ROOT))
        for path in ROOT.glob("*/templates/**/*.html")
        if INLINE_SCRIPT.search(path.read_text())
    ]
    assert offenders == []


@pytest.mark.django_db
def test_public_pages_enforce_the_policy_and_allow_the_theme_style_by_hash(client, portal):
    make_hospital("stolav", theme_colour="#2b5d2b")
    response = get(client, "/", "stolav")
    assert "Content-Security-Policy-Report-Only" not in response
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert csp_hash(":root { --brand: #2b5d2b; }") in policy["style-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    # No nonce: Varnish caches the page with its header.
    assert "nonce-" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_admin_gets_the_policy_as_report_only(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    policy = directives(response["Content-Security-Policy-Report-Only"])
    assert "'unsafe-inline'" not in policy["script-src"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/admin/login/", "/api/open/v1/trusts", "/finnes-ikke/"])
def test_permissions_policy_on_every_response(client, portal, path):
    response = client.get(path)
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


@pytest.mark.django_db
def test_existing_security_headers_are_kept(client, portal):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


VIOLATIONS_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_public_pages_load_in_chromium_with_no_violation_and_their_scripts_work(
    live_server, browser
):
    make_portal()
    _trust, _site, home = make_hospital("helse-bergen", theme_colour="#00405a")
    offer(home, TreatmentFactory(title="Kneprotese", summary="Nytt kneledd."))
    publish_trial(home, title="Studie av kneprotese")
    ContentPageFactory(parent=home, title="Parkering", slug="parkering")
    base = site_url(live_server, "helse-bergen")

    page = browser.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.add_init_script(VIOLATIONS_LISTENER)

    def visit(path):
        response = page.goto(base + path)
        assert response.status == 200, path
        assert "content-security-policy" in response.headers, path
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__cspViolations") == [], path

    visit("")
    # The theme colour's inline style applies (it is allowed by its hash).
    brand = page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--brand').trim()"
    )
    assert brand == "#00405a"
    visit("behandlinger/kneprotese/")
    visit("kliniske-studier/")
    expect(page.get_by_text("Studie av kneprotese")).to_be_visible()

    # The search box's script (autocomplete) runs under the policy.
    box = page.get_by_role("combobox", name="Søk på nettstedet")
    box.focus()
    page.keyboard.type("kne")
    expect(page.get_by_role("listbox").get_by_role("option").first).to_contain_text("Kneprotese")
    visit("sok/?q=kneprotese")
    expect(page.locator("ol.search-results h3 a").first).to_have_text("Kneprotese")

    visit("parkering/")
    page.get_by_role("group", name="Fant du det du lette etter?").get_by_role(
        "button", name="Ja"
    ).click()
    expect(page.get_by_role("status")).to_have_text("Takk for tilbakemeldingen!")
    assert PageFeedback.objects.filter(found=True).count() == 1
    assert page.evaluate("window.__cspViolations") == []
    assert [e for e in errors if "Content Security Policy" in e or "Permissions" in e] == []
    page.close()


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_editor_on_a_public_page_gets_wagtails_user_bar_with_no_violation(live_server, browser):
    # Wagtail's user bar takes its files from the request's own host: 'self' covers it.
    make_portal()
    make_hospital("helse-bergen")
    sync_site_groups()
    UserFactory(
        username="redaktor", groups=[Group.objects.get(name=editor_group_name("helse-bergen"))]
    )
    base = site_url(live_server, "helse-bergen")
    page = browser.new_page()
    page.goto(base + "admin/login/?next=/")
    page.fill("#id_username", "redaktor")
    page.fill("#id_password", "correct horse battery staple")
    page.locator("form button[type=submit]").click()
    page.add_init_script(VIOLATIONS_LISTENER)
    page.goto(base)
    page.wait_for_load_state("networkidle")
    trigger = page.locator("#wagtail-userbar-trigger")
    expect(trigger).to_be_visible()
    trigger.click()
    expect(page.get_by_role("menuitem").first).to_be_visible()
    assert page.evaluate("window.__cspViolations") == []
