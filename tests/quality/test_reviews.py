"""Review-due reports (pages per site, national treatments) and the e-mail digest
(quality/reviews.py, quality/views.py, quality/digest.py)."""

import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core.factories import UserFactory
from home.groups import sync_site_groups
from quality.views import REPORTS
from tests.helpers import soup
from tests.quality.conftest import board_member, editor_of, site_with_findings
from treatments.factories import TreatmentFactory

pytestmark = pytest.mark.django_db


def titles(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return [a.get_text(strip=True) for a in soup(response).select("tbody td.title a")]


def due_treatments():
    today = timezone.localdate()
    for name, days in (("Forfalt", -5), ("Om tjue", 20), ("Om seksti", 60), ("Senere", 200)):
        TreatmentFactory(
            title=name,
            approved_date=today - datetime.timedelta(days=900),
            next_review=today + datetime.timedelta(days=days),
            content_owner="Nasjonal redaktør",
        )


def test_a_trust_sees_its_own_pages_due_and_the_board_every_site(client, world):
    url = reverse("quality_page_review_report")
    client.force_login(editor_of("helse-bergen"))
    assert titles(client, url) == [
        "helse-bergen overdue",
        "helse-bergen due15",
        "helse-bergen due65",
    ]
    assert titles(client, url, window="0") == ["helse-bergen overdue"]
    assert titles(client, url, window="30") == ["helse-bergen overdue", "helse-bergen due15"]
    # Another site in the filter shows nothing of it
    ous = world["ous"]["overdue"]
    from core.models import HealthTrust

    other = HealthTrust.objects.get(slug="oslo-universitetssykehus")
    assert titles(client, url, site=other.pk) == []
    assert ous.title not in titles(client, url)

    client.force_login(board_member())
    everything = titles(client, url)
    assert len(everything) == 6
    assert titles(client, url, site=other.pk, window="0") == ["oslo-universitetssykehus overdue"]


def test_report_shows_owner_status_and_exports(client, world):
    client.force_login(editor_of("helse-bergen"))
    response = client.get(reverse("quality_page_review_report"))
    row = soup(response).select("tbody tr")[0].get_text(" ", strip=True)
    assert "Forfalt" in row and "Helse Bergen HF" in row
    owner = world["bergen_owner"]
    assert (owner.get_full_name() or owner.get_username()) in row
    csv = client.get(reverse("quality_page_review_report"), {"export": "csv"})
    lines = b"".join(csv.streaming_content).decode().splitlines()
    assert lines[0].startswith("Side,Nettsted")
    assert len(lines) == 4
    xlsx = client.get(reverse("quality_page_review_report"), {"export": "xlsx"})
    assert xlsx.status_code == 200


def test_national_treatments_due_with_their_owners(client, world):
    due_treatments()
    url = reverse("quality_treatment_review_report")
    client.force_login(board_member())
    assert titles(client, url) == ["Forfalt", "Om tjue", "Om seksti"]
    assert titles(client, url, window="0") == ["Forfalt"]
    assert titles(client, url, window="30") == ["Forfalt", "Om tjue"]
    assert "Nasjonal redaktør" in soup(client.get(url)).select_one("tbody").get_text()
    # Bad filter values are a form error, not a 500
    assert client.get(url, {"window": "x", "site": "nope"}).status_code == 200


def test_users_without_rights_are_refused(client, world):
    """Staff who edit no site and are not on the board (e.g. health personnel) may use the
    admin but not the reports: Wagtail's refusal, back to the dashboard with a message."""
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    for _slug, view in REPORTS:
        response = client.get(reverse(view.index_url_name))
        assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))


def test_query_count_does_not_grow_with_sites(client, world, django_assert_max_num_queries):
    url = reverse("quality_page_review_report")
    board = board_member()
    client.force_login(board)
    client.get(url)  # warm the per-process caches (content types, locales)
    with django_assert_max_num_queries(40) as one:
        client.get(url)
    for slug in ("ahus", "sykehuset-innlandet", "helse-stavanger"):
        site_with_findings(slug)
    sync_site_groups()
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert len(titles(client, url)) == 15


def test_digest_mails_each_owner_and_the_board(world):
    due_treatments()
    member = board_member(email="styre@example.no")
    output = io.StringIO()
    call_command("send_review_digest", "--within", "30", stdout=output)
    assert "2 e-mail(s) sent" in output.getvalue()
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"eier@bergen.example", "styre@example.no"}
    bergen = by_recipient["eier@bergen.example"].body
    assert "helse-bergen overdue" in bergen and "helse-bergen due15" in bergen
    assert "due65" not in bergen and "oslo" not in bergen
    assert "/admin/pages/" in bergen
    national = by_recipient[member.email]
    assert "Forfalt" in national.body and "Om tjue" in national.body
    assert "Om seksti" not in national.body
    assert "Nasjonal behandling" in national.body
    assert national.subject.startswith("Til revisjon")
