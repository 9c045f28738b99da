"""The demo shows the site content on at least ten hospitals."""

import pytest
from django.db.models import Count

from core.models import HealthTrust
from home.models import DepartmentPage, LocationPage, NewsPage
from tests.helpers import get, soup

pytestmark = pytest.mark.django_db


def test_demo_has_locations_departments_news_and_patient_pages(demo, client):
    complete = []
    for trust in HealthTrust.objects.select_related("site__root_page"):
        root = trust.site.root_page
        locations = LocationPage.objects.descendant_of(root).live().count()
        departments = (
            DepartmentPage.objects.descendant_of(root)
            .live()
            .annotate(hours=Count("visiting_hours"))
        )
        news = NewsPage.objects.descendant_of(root).live().count()
        patient = root.get_children().get(slug="pasient-og-parorende")
        extra = set(patient.get_children().values_list("slug", flat=True))
        if locations:
            assert 2 <= locations <= 4
            assert 5 <= departments.count() <= 10
            assert all(department.hours == 7 for department in departments)
            assert news == 5
            assert {"besokstider", "parkering", "pasientreiser"} <= extra
            complete.append(trust.slug)
    assert len(complete) >= 10

    for path in [
        "/steder/",
        "/steder/haukeland/",
        "/avdelinger/",
        "/avdelinger/hjerteavdelingen/",
        "/aktuelt/",
        "/aktuelt/feed/atom/",
        "/pasient-og-parorende/parkering/",
        "/pasient-og-parorende/pasientreiser/",
    ]:
        assert get(client, path, "helse-bergen").status_code == 200, path
    # The Christmas Eve hours are the coming ones, whatever day the demo is loaded.
    department = soup(get(client, "/avdelinger/hjerteavdelingen/", "helse-bergen"))
    christmas = [item for item in department.select("li") if "Julaften" in item.get_text()]
    assert len(christmas) == 1
    assert christmas[0].time["datetime"].endswith("-12-24")
    card = soup(get(client, "/pasient-og-parorende/pasientreiser/", "helse-bergen"))
    assert card.find("a", class_="contact-card__phone")
    assert soup(get(client, "/", "helse-bergen")).select(".alert-banner")
    national = soup(get(client, "/aktuelt/"))
    sources = {
        item.find(class_="news-item__meta").get_text() for item in national.select(".news-item")
    }
    assert len({text.split("·")[-1].strip() for text in sources}) > 1
