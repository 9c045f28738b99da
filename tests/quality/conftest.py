import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from core.factories import UserFactory
from home.factories import make_hospital
from home.groups import NATIONAL_EDITORS, sync_site_groups
from treatments.factories import TreatmentFactory, offer

DAY = datetime.timedelta(days=1)


def editor_of(slug, **fields):
    return UserFactory(groups=[Group.objects.get(name=f"{slug} redaktør")], **fields)


def board_member(**fields):
    return UserFactory(groups=[Group.objects.get(name=NATIONAL_EDITORS)], **fields)


def site_with_findings(slug, owner=None, home=None):
    """A site's local treatment pages: one overdue, one due in 15 days, one in 65, one fresh."""
    if home is None:
        home = make_hospital(slug)[2]
    now = timezone.now()
    pages = {}
    for name, age in (("overdue", 400), ("due15", 350), ("due65", 300), ("fresh", 10)):
        treatment = TreatmentFactory(title=f"{slug} {name}", slug=f"{slug}-{name}")
        page = offer(home, treatment, owner=owner)
        # A revision by an editor (the reports name the last one), then the page's age.
        page.save_revision(user=owner or UserFactory(), clean=False)
        type(page).objects.filter(pk=page.pk).update(last_published_at=now - age * DAY)
        page.refresh_from_db()
        pages[name] = page
    return pages


@pytest.fixture
def world(portal, bergen, ous):
    sync_site_groups()
    bergen_owner = editor_of("helse-bergen", email="eier@bergen.example")
    return {
        "bergen": site_with_findings("helse-bergen", owner=bergen_owner, home=bergen[2]),
        "ous": site_with_findings("oslo-universitetssykehus", home=ous[2]),
        "bergen_owner": bergen_owner,
    }
