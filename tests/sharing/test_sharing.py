"""Sharing with patients (issue 10): round trip, revocation, expiry, privacy, abuse limits."""

import datetime
import hashlib
import re

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from core.factories import UserFactory
from home.factories import ContentPageFactory, make_hospital
from home.groups import NATIONAL_EDITORS, sync_site_groups
from sharing.groups import HEALTH_PERSONNEL
from sharing.models import Share
from tests.helpers import get, soup, translate
from tests.sharing.conftest import HOST

pytestmark = pytest.mark.django_db

ACTION_TEMPLATE = "sharing/includes/share_action.html"
NOW = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def path_of(share):
    return f"/i/{share.token}/"


def assert_private_headers(response):
    assert response["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response["X-Robots-Tag"]
    assert response["Cache-Control"] == "private, no-store"


def test_round_trip_as_health_personnel(staff_client, patient_client, treatment_page, clinician):
    # The action is on the public page for logged-in health personnel.
    html = soup(staff_client.get("/behandlinger/gastroskopi/"))
    action = html.find("a", string="Del med pasient")
    assert action["href"] == f"/del/ny/{treatment_page.pk}/"

    form = soup(staff_client.get(action["href"]))
    assert [i["value"] for i in form.select("input[name=language]")] == ["nb"]
    response = staff_client.post(
        action["href"], {"language": "nb", "note": "Husk å faste fra midnatt."}
    )
    assert response.status_code == 303
    share = Share.objects.get()
    assert response["Location"] == f"/del/{share.pk}/"
    assert (share.page_id, share.created_by, share.note) == (
        treatment_page.pk,
        clinician,
        "Husk å faste fra midnatt.",
    )

    detail = staff_client.get(response["Location"])
    handout = soup(detail).find(class_="handout")
    link = handout.find(class_="handout__link").get_text(strip=True)
    assert re.fullmatch(r"http://helse-bergen\.localhost:8000/i/[A-Za-z0-9_-]{22,}/", link)
    assert handout.find("svg") is not None

    # The patient opens the link without logging in.
    path = link.removeprefix("http://helse-bergen.localhost:8000")
    opened = patient_client.get(path)
    assert opened.status_code == 200
    page = soup(opened)
    assert page.html["lang"] == "nb"
    assert page.find("h1").get_text() == "Gastroskopi"
    assert "Faste i seks timer." in page.find("main").get_text()
    assert "Husk å faste fra midnatt." in page.find(class_="share-banner").get_text()
    assert page.find("button", string=re.compile("Skriv ut")) is not None
    assert page.find("a", string="Del med pasient") is None
    # A plain GET (a link-preview bot's as well) records nothing; the page's script posts.
    share.refresh_from_db()
    assert share.first_opened_at is None and share.confirmed_at is None
    assert page.find(attrs={"data-share-opened": True}) is not None
    assert patient_client.post(path, {"event": "opened"}).status_code == 204
    share.refresh_from_db()
    assert share.first_opened_at is not None and share.confirmed_at is None

    confirm = page.find("button", string="Jeg har lest informasjonen")
    assert confirm.find_parent("form")["method"] == "post"
    response = patient_client.post(path)
    assert response.status_code == 303
    share.refresh_from_db()
    assert share.confirmed_at is not None
    assert "Takk" in soup(patient_client.get(path)).find(id="share-confirm").get_text()

    # The clinician sees it opened and confirmed in their list.
    row = soup(staff_client.get("/del/")).find("tbody").find("tr")
    cells = [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
    assert cells[1] == "Gastroskopi"
    assert cells[2] == "Norsk (bokmål)" or cells[2].startswith("Norsk")
    assert cells[3].startswith("Ja") and cells[4].startswith("Ja")


def test_confirmation_is_idempotent(patient_client, treatment_page, make_share):
    share = make_share(treatment_page)
    with time_machine.travel(NOW, tick=False):
        patient_client.post(path_of(share))
    with time_machine.travel(NOW + datetime.timedelta(days=2), tick=False):
        assert patient_client.post(path_of(share)).status_code == 303
    share.refresh_from_db()
    assert share.confirmed_at == NOW
    assert share.first_opened_at == NOW


def test_share_in_another_language_renders_that_translation(
    staff_client, patient_client, bergen, treatment_page
):
    translate(bergen[2], "en")
    translate(treatment_page.get_parent(), "en")
    translate(treatment_page.treatment, "en", title="Gastroscopy", before="<p>Fast.</p>")
    english = translate(treatment_page, "en", title="Gastroscopy", local_before="<p>Gate B.</p>")
    form = soup(staff_client.get(f"/del/ny/{treatment_page.pk}/"))
    assert [i["value"] for i in form.select("input[name=language]")] == ["nb", "en"]

    staff_client.post(f"/del/ny/{treatment_page.pk}/", {"language": "en", "note": ""})
    share = Share.objects.get()
    assert share.page_id == english.pk and share.language_code == "en"
    response = patient_client.get(path_of(share), HTTP_ACCEPT_LANGUAGE="nb")
    assert response["Content-Language"] == "en"
    html = soup(response)
    assert html.html["lang"] == "en"
    assert html.find("h1").get_text() == "Gastroscopy"
    assert "Gate B." in html.find("main").get_text()
    assert html.find("button", string="I have read the information") is not None
    assert html.find(class_="share-banner__note") is None


def test_content_pages_can_be_shared(staff_client, patient_client, bergen, make_share):
    page = ContentPageFactory(parent=bergen[2], title="Parkering", slug="parkering")
    html = soup(staff_client.get("/parkering/"))
    assert html.find("a", string="Del med pasient")["href"] == f"/del/ny/{page.pk}/"
    share = make_share(page, note="Parker ved inngang B.")
    html = soup(patient_client.get(path_of(share)))
    assert html.find("h1").get_text() == "Parkering"
    assert "Parker ved inngang B." in html.get_text()


def test_the_action_is_for_staff_on_treatment_and_content_pages_only(
    client, staff_client, bergen, treatment_page
):
    assert (
        soup(get(client, "/behandlinger/gastroskopi/", "helse-bergen")).find(class_="share-action")
        is None
    )
    # The hospital home page and the treatment listing are not shareable.
    assert soup(staff_client.get("/")).find(class_="share-action") is None
    assert soup(staff_client.get("/behandlinger/")).find(class_="share-action") is None
    # A logged-in user without the permission does not see it.
    outsider = Client(HTTP_HOST=HOST)
    outsider.force_login(UserFactory())
    assert soup(outsider.get("/behandlinger/gastroskopi/")).find(class_="share-action") is None


def test_only_live_translations_are_offered(staff_client, bergen, treatment_page):
    translate(bergen[2], "nn")
    translate(treatment_page.get_parent(), "nn")
    draft = treatment_page.copy_for_translation(Locale.objects.get(language_code="nn"))
    draft.save()
    form = soup(staff_client.get(f"/del/ny/{treatment_page.pk}/"))
    assert [i["value"] for i in form.select("input[name=language]")] == ["nb"]
    response = staff_client.post(f"/del/ny/{treatment_page.pk}/", {"language": "nn"})
    assert response.status_code == 400
    assert not Share.objects.exists()


def test_the_action_is_not_in_the_admin_preview(rf, treatment_page):
    request = rf.get("/", HTTP_HOST=HOST)
    request.user = UserFactory(is_superuser=True)
    context = {"page": treatment_page, "request": request}
    assert "Del med pasient" in render_to_string(ACTION_TEMPLATE, context)
    request.is_preview = True  # as Wagtail marks the admin's preview requests
    assert render_to_string(ACTION_TEMPLATE, context).strip() == ""


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"language": "nb", "note": "x" * 501}, "note", "500"),
        ({"language": "nn", "note": ""}, "language", "ikke publisert"),
        ({"language": "", "note": ""}, "language", "påkrev"),
    ],
)
def test_bad_input_is_a_form_error(staff_client, treatment_page, data, field, message):
    response = staff_client.post(f"/del/ny/{treatment_page.pk}/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Share.objects.exists()


def test_unshareable_or_unknown_pages_are_404(staff_client, bergen):
    assert staff_client.get(f"/del/ny/{bergen[2].pk}/").status_code == 404
    assert staff_client.get("/del/ny/999999/").status_code == 404


def test_anonymous_users_are_sent_to_login_and_others_refused(client, treatment_page):
    for path in [f"/del/ny/{treatment_page.pk}/", "/del/"]:
        response = get(client, path, "helse-bergen")
        assert response.status_code == 302
        assert response["Location"].startswith(f"/admin/login/?next={path}")
    client.force_login(UserFactory())
    assert get(client, f"/del/ny/{treatment_page.pk}/", "helse-bergen").status_code == 403
    assert get(client, "/del/", "helse-bergen").status_code == 403


def test_health_personnel_log_in_through_the_admin_login_and_come_back(treatment_page):
    user = UserFactory(
        username="lege", groups=[Group.objects.get(name=HEALTH_PERSONNEL)], password="pw-Lege-1"
    )
    client = Client(HTTP_HOST=HOST)
    target = f"/del/ny/{treatment_page.pk}/"
    response = client.post(
        "/admin/login/", {"username": "lege", "password": "pw-Lege-1", "next": target}
    )
    assert response.status_code == 302 and response["Location"] == target
    assert client.get(target).status_code == 200
    assert not user.has_perm("wagtailadmin.access_admin")


def test_groups_that_may_share(bergen):
    group = Group.objects.get(name=HEALTH_PERSONNEL)
    assert set(group.permissions.values_list("codename", flat=True)) == {
        "add_share",
        "view_share",
    }
    sync_site_groups()
    for name in ["helse-bergen redaktør", "helse-bergen nettansvarlig", NATIONAL_EDITORS]:
        codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert {"add_share", "view_share"} <= codenames, name
    # Running migrate again keeps the group exact (drift is corrected).
    group.permissions.add(Permission.objects.get(codename="change_share"))
    call_command("migrate", "sharing", verbosity=0)
    assert group.permissions.count() == 2


def test_users_see_and_revoke_only_their_own_shares(staff_client, treatment_page, make_share):
    mine = make_share(treatment_page, note="min")
    theirs = make_share(treatment_page, note="deres", created_by=UserFactory())
    html = soup(staff_client.get("/del/"))
    rows = html.find("tbody").find_all("tr")
    assert len(rows) == 1
    assert rows[0].find("a")["href"] == f"/del/{mine.pk}/"
    assert staff_client.get(f"/del/{theirs.pk}/").status_code == 404
    assert staff_client.post(f"/del/{theirs.pk}/trekk-tilbake/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.revoked_at is None


def test_revoked_share_shows_the_expiry_page(
    staff_client, patient_client, treatment_page, make_share
):
    share = make_share(treatment_page, note="Hemmelig notat")
    assert staff_client.get(f"/del/{share.pk}/trekk-tilbake/").status_code == 405
    response = staff_client.post(f"/del/{share.pk}/trekk-tilbake/")
    assert response.status_code == 303 and response["Location"] == "/del/"
    share.refresh_from_db()
    assert share.revoked_at is not None
    assert "Trukket tilbake" in soup(staff_client.get("/del/")).find("tbody").get_text()

    response = patient_client.get(path_of(share))
    assert response.status_code == 404
    assert_private_headers(response)
    html = soup(response)
    assert html.find("h1").get_text() == "Lenken virker ikke lenger"
    assert html.find("a", href="/behandlinger/gastroskopi/") is not None
    assert "Hemmelig notat" not in response.content.decode()
    # Pressing confirm on a revoked link records nothing.
    assert patient_client.post(path_of(share)).status_code == 404
    share.refresh_from_db()
    assert share.confirmed_at is None and share.first_opened_at is None


def test_link_expires_after_90_days(patient_client, treatment_page, make_share):
    with time_machine.travel(NOW, tick=False):
        share = make_share(treatment_page)
    assert share.expires_at == NOW + datetime.timedelta(days=90)
    with time_machine.travel(NOW + datetime.timedelta(days=89, hours=23), tick=False):
        assert patient_client.get(path_of(share)).status_code == 200
    with time_machine.travel(NOW + datetime.timedelta(days=90), tick=False):
        response = patient_client.get(path_of(share))
        assert response.status_code == 410
        assert_private_headers(response)
        html = soup(response)
        assert html.find("h1").get_text() == "Lenken virker ikke lenger"
        assert html.find("a", href="/behandlinger/gastroskopi/") is not None
        assert patient_client.post(path_of(share)).status_code == 410
    share.refresh_from_db()
    assert share.confirmed_at is None


def test_unpublished_page_shows_the_expiry_page_without_a_public_link(
    patient_client, treatment_page, make_share
):
    share = make_share(treatment_page, note="notat")
    treatment_page.unpublish()
    response = patient_client.get(path_of(share))
    assert response.status_code == 410
    html = soup(response)
    assert html.find("a", href="/behandlinger/gastroskopi/") is None
    assert "notat" not in html.find("main").get_text()


def test_restricted_pages_are_not_shared(staff_client, patient_client, treatment_page, make_share):
    share = make_share(treatment_page)
    PageViewRestriction.objects.create(
        page=treatment_page, restriction_type=PageViewRestriction.LOGIN
    )
    assert staff_client.get(f"/del/ny/{treatment_page.pk}/").status_code == 404
    assert patient_client.get(path_of(share)).status_code == 410


@pytest.mark.parametrize("token", ["A" * 22, "nope", "A" * 200, "not-a-token!"])
def test_a_wrong_token_is_the_generic_not_found_page(
    patient_client, treatment_page, make_share, token
):
    make_share(treatment_page, note="Hemmelig notat")
    response = patient_client.get(f"/i/{token}/")
    assert response.status_code == 404
    assert_private_headers(response)
    html = soup(response)
    assert html.find("h1").get_text() == "Fant ikke siden"
    assert "Hemmelig notat" not in response.content.decode()
    assert patient_client.post(f"/i/{token}/").status_code == 404


def test_headers_on_the_share_page_and_the_confirmation(patient_client, treatment_page, make_share):
    share = make_share(treatment_page)
    page = patient_client.get(path_of(share))
    assert_private_headers(page)
    assert soup(page).find("meta", attrs={"name": "robots"})["content"].startswith("noindex")
    confirm = patient_client.post(path_of(share))
    assert confirm.status_code == 303
    assert_private_headers(confirm)


def test_patients_get_no_cookie_and_confirm_under_no_referrer(treatment_page, make_share):
    share = make_share(treatment_page)
    client = Client(HTTP_HOST=HOST, enforce_csrf_checks=True)
    response = client.get(path_of(share))
    assert response.cookies == {}
    # Under `Referrer-Policy: no-referrer` a browser posts the form with `Origin: null`.
    response = client.post(path_of(share), HTTP_ORIGIN="null")
    assert response.status_code == 303
    assert response.cookies == {}
    share.refresh_from_db()
    assert share.confirmed_at is not None


def test_staff_pages_are_private_but_keep_same_origin_referrers(
    staff_client, treatment_page, make_share
):
    share = make_share(treatment_page)
    for path in ["/del/", f"/del/{share.pk}/", f"/del/ny/{treatment_page.pk}/"]:
        response = staff_client.get(path)
        assert response["Cache-Control"] == "private, no-store"
        assert "noindex" in response["X-Robots-Tag"]
        # The staff forms are CSRF-protected, which needs the Origin header.
        assert response["Referrer-Policy"] == "same-origin"


def test_the_creator_previewing_the_link_is_not_recorded(staff_client, treatment_page, make_share):
    share = make_share(treatment_page)
    html = soup(staff_client.get(path_of(share)))
    assert html.find(class_="share-banner__preview") is not None
    staff_client.post(path_of(share))
    share.refresh_from_db()
    assert share.first_opened_at is None and share.confirmed_at is None


def test_a_link_preview_bots_get_records_nothing(patient_client, treatment_page, make_share):
    share = make_share(treatment_page)
    for agent in ("facebookexternalhit/1.1", "WhatsApp/2.23", "Mozilla/5.0"):
        assert patient_client.get(path_of(share), HTTP_USER_AGENT=agent).status_code == 200
        assert patient_client.head(path_of(share)).status_code == 200
    share.refresh_from_db()
    assert share.first_opened_at is None and share.confirmed_at is None


def test_a_share_link_is_served_only_on_its_own_sites_host(
    patient_client, treatment_page, make_share
):
    make_hospital("stolav")
    share = make_share(treatment_page)
    for host in ("stolav.localhost", "localhost"):
        response = Client(HTTP_HOST=host).get(path_of(share))
        assert response.status_code == 404, host
        assert "Gastroskopi" not in response.content.decode()
        assert Client(HTTP_HOST=host).post(path_of(share)).status_code == 404
    share.refresh_from_db()
    assert share.first_opened_at is None and share.confirmed_at is None
    assert patient_client.get(path_of(share)).status_code == 200


def test_opening_and_confirming_are_logged_without_ip(
    patient_client, treatment_page, make_share, caplog
):
    share = make_share(treatment_page)
    with caplog.at_level("INFO", logger="sharing"):
        patient_client.get(path_of(share), REMOTE_ADDR="192.0.2.7")
        patient_client.post(path_of(share), {"event": "opened"}, REMOTE_ADDR="192.0.2.7")
        patient_client.post(path_of(share), REMOTE_ADDR="192.0.2.7")
    messages = [record.getMessage() for record in caplog.records if record.name == "sharing.views"]
    assert messages == [f"Share {share.pk} opened", f"Share {share.pk} confirmed"]
    assert "192.0.2.7" not in caplog.text


def test_the_model_has_no_personal_data_field():
    personal = re.compile(
        r"name|fnr|person|ssn|national|email|e_mail|phone|tlf|mobile|address|birth|ip|agent",
        re.IGNORECASE,
    )
    names = [field.name for field in Share._meta.get_fields()]
    assert names  # the model is there
    assert [name for name in names if personal.search(name)] == []


def test_the_token_is_unguessable_and_not_stored(treatment_page, make_share):
    share = make_share(treatment_page)
    token = share.token
    assert len(token) >= 22  # 16 random bytes, URL-safe base64
    assert share.token_hash == hashlib.sha256(token.encode()).hexdigest()
    stored = Share.objects.filter(pk=share.pk).values().get()
    assert not any(token in str(value) for value in stored.values())
    assert Share.objects.find(token) == share
    assert Share.objects.find(token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    other = make_share(treatment_page)
    assert other.token != token and other.seed != share.seed


def test_a_changed_secret_key_keeps_links_working_but_cannot_show_them(
    settings, staff_client, patient_client, treatment_page, make_share
):
    share = make_share(treatment_page)
    path = path_of(share)
    # A rotation keeps the old key as a fallback, so sessions survive it.
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "another-key"
    assert patient_client.get(path).status_code == 200
    html = soup(staff_client.get(f"/del/{share.pk}/"))
    assert html.find(class_="handout") is None
    assert "hemmelige nøkkel" in html.find("main").get_text()


def test_creating_shares_is_rate_limited_per_user(
    staff_client, clinician, treatment_page, make_share
):
    # The documented limit, written out: a test importing the code's number would follow it.
    rate_limit = 30  # shares per user per hour
    for _ in range(rate_limit - 1):
        make_share(treatment_page)
    # Someone else's shares do not count.
    make_share(treatment_page, created_by=UserFactory())
    response = staff_client.post(f"/del/ny/{treatment_page.pk}/", {"language": "nb"})
    assert response.status_code == 303  # the 30th in the hour is made
    response = staff_client.post(f"/del/ny/{treatment_page.pk}/", {"language": "nb"})
    assert response.status_code == 429
    assert "Prøv igjen senere" in response.content.decode()
    assert Share.objects.count() == rate_limit + 1
    # An hour later the clinician may share again (logged in again: the session was idle).
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1, minutes=1)):
        staff_client.force_login(clinician)
        response = staff_client.post(f"/del/ny/{treatment_page.pk}/", {"language": "nb"})
    assert response.status_code == 303


def test_delete_expired_shares_after_180_days(treatment_page, make_share, capsys):
    with time_machine.travel(NOW, tick=False):
        old = make_share(treatment_page)
    with time_machine.travel(NOW + datetime.timedelta(days=100), tick=False):
        recent = make_share(treatment_page)
    with time_machine.travel(NOW + datetime.timedelta(days=180, minutes=1), tick=False):
        call_command("delete_expired_shares")
    assert "Deleted 1 share(s)" in capsys.readouterr().out
    assert list(Share.objects.all()) == [recent]
    assert not Share.objects.filter(pk=old.pk).exists()


def test_share_page_query_budget(
    patient_client, treatment_page, make_share, django_assert_max_num_queries
):
    share = make_share(treatment_page, note="notat")
    patient_client.get(path_of(share))
    # Less than the public page itself: the share costs one lookup, the page's context
    # (locations, contact cards, localized category) and the chrome the rest; a second
    # visit writes nothing.
    with django_assert_max_num_queries(15):
        assert patient_client.get(path_of(share)).status_code == 200
    for _ in range(5):
        make_share(treatment_page)
    with django_assert_max_num_queries(15):
        assert patient_client.get(path_of(share)).status_code == 200
