"""Editors can open the add and edit forms of every new page type and the settings."""

import pytest
from django.urls import reverse

from core.factories import UserFactory
from home.factories import (
    ContentPageFactory,
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from home.models import (
    DepartmentIndexPage,
    DepartmentPage,
    LocationIndexPage,
    LocationPage,
    NewsIndexPage,
    NewsPage,
    PageFeedback,
)

pytestmark = pytest.mark.django_db


def test_add_and_edit_forms_render(client, portal, bergen, ous):
    _t, site, home = bergen
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    steder = LocationIndexPageFactory(parent=home)
    avdelinger = DepartmentIndexPageFactory(parent=home)
    aktuelt = NewsIndexPageFactory(parent=home)
    pages = [
        steder,
        LocationPageFactory(parent=steder),
        avdelinger,
        DepartmentPageFactory(parent=avdelinger),
        aktuelt,
        NewsPageFactory(parent=aktuelt),
    ]
    for page in pages:
        assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    for model, parent in [
        (LocationIndexPage, ous[2]),
        (LocationPage, steder),
        (DepartmentIndexPage, ous[2]),
        (DepartmentPage, avdelinger),
        (NewsIndexPage, portal),
        (NewsPage, aktuelt),
    ]:
        url = reverse("wagtailadmin_pages:add", args=["home", model._meta.model_name, parent.pk])
        assert client.get(url).status_code == 200, model
    # One listing of each kind per site.
    url = reverse("wagtailadmin_pages:add", args=["home", "newsindexpage", home.pk])
    assert client.get(url).status_code == 302
    url = reverse("wagtailadmin_pages:add", args=["home", "contentpage", home.pk])
    assert client.get(url).status_code == 200  # the body's blocks, the contact card included
    url = reverse("wagtailsettings:edit", args=["core", "alertsettings", site.pk])
    assert client.get(url).status_code == 200


def test_the_feedback_report_exports_its_counts(client, portal, bergen):
    _t, _s, home = bergen
    page = ContentPageFactory(parent=home, title="Parkering")
    PageFeedback.objects.bulk_create(
        [PageFeedback(page=page, found=found) for found in (True, False, False)]
    )
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(reverse("page_feedback_report"), {"export": "csv"})
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[1].startswith("Parkering,") and lines[1].endswith(",1,2")
