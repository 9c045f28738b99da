"""The demo shows every editorial-quality report with a few real findings (demo/editorial.py)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from quality.views import REPORTS
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def test_every_quality_report_has_findings_in_the_demo(demo, client):
    client.force_login(get_user_model().objects.get(username="admin"))
    for _slug, view in REPORTS:
        response = client.get(reverse(view.index_url_name))
        assert response.status_code == 200
        assert soup(response).select("tbody tr"), view.page_title
    broken = soup(client.get(reverse("quality_broken_links_report"))).select_one("tbody")
    assert "forberedelser-gammel-side" in broken.get_text()
    overdue = client.get(reverse("quality_page_review_report"), {"window": "0"})
    assert "Helse Bergen HF" in soup(overdue).select_one("tbody").get_text()
