"""Job pages: the deadline at request time, JSON-LD, and the editor's form."""

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.messages import get_messages
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from careers.factories import JobPageFactory, ProfessionFactory
from careers.models import JobPage
from tests.helpers import get, soup

pytestmark = pytest.mark.django_db

OSLO = ZoneInfo("Europe/Oslo")


def at(*args):
    return time_machine.travel(datetime(*args, tzinfo=OSLO), tick=False)


def listed_titles(response):
    return [h3.get_text(strip=True) for h3 in soup(response).select(".result-list h3")]


def json_ld(response):
    scripts = soup(response).find_all("script", type="application/ld+json")
    return [json.loads(script.string) for script in scripts]


def test_a_job_leaves_every_listing_the_day_after_its_deadline(client, portal_jobb, bergen_jobb):
    with at(2026, 3, 1, 12):
        job = JobPageFactory(parent=bergen_jobb, title="Jordmor", deadline=date(2026, 3, 10))

    with at(2026, 3, 10, 23, 59):
        assert "Jordmor" in listed_titles(get(client, "/jobb/", "helse-bergen"))
        assert "Jordmor" in listed_titles(get(client, "/jobb/"))
        assert list(JobPage.objects.open()) == [job]
        page = soup(get(client, "/jobb/jordmor/", "helse-bergen"))
        assert page.find("a", string="Søk på stillingen")["href"] == job.apply_url
        assert not page.find(class_="notice--closed")
        assert not page.find("meta", attrs={"name": "robots"})

    # Five minutes later, in Norway, it is the 11th: no cron job needed.
    with at(2026, 3, 11, 0, 4):
        assert "Jordmor" not in listed_titles(get(client, "/jobb/", "helse-bergen"))
        assert "Jordmor" not in listed_titles(get(client, "/jobb/"))
        assert not JobPage.objects.open().exists()
        response = get(client, "/jobb/jordmor/", "helse-bergen")
        assert response.status_code == 200
        page = soup(response)
        assert "Søknadsfristen har gått ut" in page.find(class_="notice--closed").get_text()
        assert not page.find("a", string="Søk på stillingen")
        assert job.apply_url not in response.content.decode()
        assert json_ld(response) == []
        assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_open_on_is_the_reusable_query_for_the_api(bergen_jobb):
    closing = JobPageFactory(parent=bergen_jobb, deadline=date(2026, 5, 1))
    later = JobPageFactory(parent=bergen_jobb, deadline=date(2026, 6, 1))
    draft = JobPageFactory(parent=bergen_jobb, deadline=date(2026, 6, 1), live=False)
    assert set(JobPage.objects.open_on(date(2026, 5, 1))) == {closing, later}
    assert set(JobPage.objects.open_on(date(2026, 5, 2))) == {later}
    assert draft not in JobPage.objects.open_on(date(2026, 1, 1))


@at(2026, 3, 1, 12)
def test_job_posting_json_ld_has_the_required_properties_with_the_right_types(client, bergen_jobb):
    profession = ProfessionFactory(name="Sykepleier", slug="sykepleier")
    JobPageFactory(
        parent=bergen_jobb,
        title="Intensivsykepleier </script><script>alert(1)",
        slug="intensiv",
        position_type="vikariat",
        percentage=80,
        positions=2,
        profession=profession,
        location="Bergen",
        deadline=date(2026, 3, 20),
        start_date=date(2026, 5, 1),
        summary="Vi søker <b>deg</b> & en kollega </script>.",
    )
    response = get(client, "/jobb/intensiv/", "helse-bergen")
    raw = response.content.decode()
    # Text cannot close the script element.
    assert "<script>alert" not in raw and "\\u003C/script\\u003E\\u003Cscript\\u003E" in raw
    [data] = json_ld(response)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "JobPosting"
    assert data["title"] == "Intensivsykepleier </script><script>alert(1)"
    assert data["description"].startswith(
        "<p>Vi søker &lt;b&gt;deg&lt;/b&gt; &amp; en kollega &lt;/script&gt;.</p>"
    )
    assert date.fromisoformat(data["datePosted"]) == date(2026, 3, 1)
    valid_through = datetime.fromisoformat(data["validThrough"])
    assert valid_through.tzinfo is not None
    assert valid_through.astimezone(OSLO).date() == date(2026, 3, 20)
    assert data["employmentType"] == ["PART_TIME", "TEMPORARY"]
    assert set(data["employmentType"]) <= {
        "FULL_TIME",
        "PART_TIME",
        "CONTRACTOR",
        "TEMPORARY",
        "INTERN",
        "VOLUNTEER",
        "PER_DIEM",
        "OTHER",
    }
    organisation = data["hiringOrganization"]
    assert organisation == {
        "@type": "Organization",
        "name": "Helse Bergen HF",
        "url": "http://helse-bergen.localhost:8000/",
    }
    assert data["jobLocation"]["@type"] == "Place"
    assert data["jobLocation"]["address"]["@type"] == "PostalAddress"
    assert data["jobLocation"]["address"]["addressLocality"] == "Bergen"
    assert data["jobLocation"]["address"]["addressCountry"] == "NO"
    assert data["totalJobOpenings"] == 2
    assert data["occupationalCategory"] == "Sykepleier"
    assert data["jobStartDate"] == "2026-05-01"
    assert data["identifier"]["@type"] == "PropertyValue"
    assert data["url"] == "http://helse-bergen.localhost:8000/jobb/intensiv/"


def test_job_page_shows_the_facts_and_last_updated(client, bergen_jobb):
    JobPageFactory(parent=bergen_jobb, title="Radiograf", slug="radiograf", percentage=60)
    page = soup(get(client, "/jobb/radiograf/", "helse-bergen"))
    assert len(page.find_all("h1")) == 1
    facts = dict(
        zip(
            [dt.get_text(strip=True) for dt in page.select("dl.facts dt")],
            [dd.get_text(strip=True) for dd in page.select("dl.facts dd")],
            strict=True,
        )
    )
    assert facts["Arbeidsgiver"] == "Helse Bergen HF"
    assert facts["Stillingsprosent"] == "60 %"
    assert facts["Stillingstype"] == "Fast"
    assert page.find("p", class_="last-updated")


def job_form_data(parent, **overrides):
    data = {
        "title": "Overlege",
        "slug": "overlege",
        "summary": "Vi søker overlege.",
        "department": "Kreftklinikken",
        "location": "Bergen",
        "position_type": "fast",
        "profession": "",
        "percentage": "100",
        "positions": "1",
        "deadline": "2026-04-01",
        "start_date": "",
        "apply_url": "https://candidate.webcruiter.com/eksempel/9",
        "body": rich_text(""),
        "contacts": streamfield([]),
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.fixture
def march_1st():
    """2026-03-01 at noon in Oslo, from before the admin logs in: a session started on another
    day (FNSP_TEST_CLOCK's) may have expired by then. Ask for it before `admin_client`."""
    with at(2026, 3, 1, 12):
        yield


def create_job(admin_client, parent, **overrides):
    return admin_client.post(
        f"/admin/pages/add/careers/jobpage/{parent.pk}/",
        job_form_data(parent, **overrides),
    )


def test_an_apply_link_that_is_not_https_is_a_form_error(march_1st, admin_client, bergen_jobb):
    response = create_job(admin_client, bergen_jobb, apply_url="http://webcruiter.example/1")
    assert response.status_code == 200
    assert "apply_url" in response.context["form"].errors
    errors = response.context["form"].errors["apply_url"]
    assert errors == ["Skriv en adresse som begynner med https://."], errors
    assert not JobPage.objects.exists()


def test_a_new_job_with_a_past_deadline_is_saved_with_a_warning(
    march_1st, admin_client, bergen_jobb
):
    response = create_job(admin_client, bergen_jobb, deadline="2026-02-27")
    assert response.status_code == 302
    job = JobPage.objects.get(slug="overlege")
    assert job.live and job.deadline == date(2026, 2, 27)
    warnings = [m.message for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert len(warnings) == 1 and "27. februar 2026" in warnings[0]
    assert "vises ikke i noen oversikt" in warnings[0]


def test_a_new_job_with_a_future_deadline_gets_no_warning(march_1st, admin_client, bergen_jobb):
    response = create_job(admin_client, bergen_jobb)
    assert response.status_code == 302
    assert JobPage.objects.get(slug="overlege").live
    assert not [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


def test_jobs_only_go_under_a_careers_section(bergen):
    _trust, _site, home = bergen
    assert not JobPage.can_create_at(home)
    assert not JobPage.can_create_at(Page.get_first_root_node())


def test_a_new_job_can_be_previewed_before_it_is_saved(march_1st, admin_client, bergen_jobb):
    url = f"/admin/pages/add/careers/jobpage/{bergen_jobb.pk}/preview/"
    response = admin_client.post(url, job_form_data(bergen_jobb))
    assert response.json()["is_valid"] is True
    preview = admin_client.get(url)
    assert preview.status_code == 200
    page = soup(preview)
    assert page.h1.get_text(strip=True) == "Overlege"
    assert page.find("a", string="Søk på stillingen")
