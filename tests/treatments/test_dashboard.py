"""The national editorial board's dashboard: treatments due for review, submissions waiting."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Workflow

from core.factories import UserFactory
from home.groups import NATIONAL_EDITORS, sync_site_groups
from tests.helpers import dashboard_tables, soup
from treatments.factories import TreatmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def groups(portal, bergen):
    sync_site_groups()


def member(name):
    return UserFactory(groups=[Group.objects.get(name=name)])


def long_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def national_world(count, start=0):
    author = UserFactory(first_name="Ola", last_name="Fagredaktør")
    workflow = Workflow.objects.get(name=NATIONAL_EDITORS)
    for number in range(start, start + count):
        TreatmentFactory(title=f"Forfalt {number}", next_review=long_ago(10 + number))
        TreatmentFactory(title=f"Fersk {number}")
        submitted = TreatmentFactory(title=f"Innsendt {number}")
        submitted.save_revision(user=author)
        workflow.start(submitted, author)


def panel(response):
    return dashboard_tables(response, "fnsp-national-base")


def test_national_editors_see_treatments_due_and_submissions_waiting(client, groups):
    national_world(1)
    client.force_login(member(NATIONAL_EDITORS))
    found = panel(client.get(reverse("wagtailadmin_home")))
    due = found["Behandlinger som skal revideres innen 90 dager"]
    waiting = found["Innsendinger som venter på godkjenning"]
    assert "Forfalt 0" in due and "Fersk 0" not in due
    assert "Innsendt 0" in waiting and "Ola Fagredaktør" in waiting
    assert "Forfalt 0" not in waiting


def test_local_editors_have_no_national_panel(client, groups):
    national_world(1)
    client.force_login(member("helse-bergen redaktør"))
    response = client.get(reverse("wagtailadmin_home"))
    assert soup(response).select_one("#fnsp-national-base-section") is None


def test_the_national_panel_has_a_bounded_number_of_queries(
    client, groups, django_assert_max_num_queries
):
    client.force_login(member(NATIONAL_EDITORS))

    def dashboard_queries():
        client.get(reverse("wagtailadmin_home"))
        with django_assert_max_num_queries(40) as captured:
            assert client.get(reverse("wagtailadmin_home")).status_code == 200
        return len(captured)

    national_world(1)
    few = dashboard_queries()
    national_world(4, start=1)
    assert dashboard_queries() == few
