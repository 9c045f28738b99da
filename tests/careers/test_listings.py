"""The national job listing, a hospital's /jobb/, filters, bad input and query budgets."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from careers.factories import (
    CareersIndexPageFactory,
    CoursePageFactory,
    EducationPageFactory,
    EventPageFactory,
    JobPageFactory,
    ProfessionFactory,
    ProfessionPageFactory,
    single,
    weekly,
)
from home.factories import make_hospital
from tests.helpers import count_queries, get, soup

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 2)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(datetime(2026, 3, 2, 9, tzinfo=ZoneInfo("Europe/Oslo")), tick=False):
        yield


def titles(response):
    assert response.status_code == 200
    return [h3.get_text(strip=True) for h3 in soup(response).select("#jobs-heading ~ ul h3")]


def in_days(days):
    return TODAY + timedelta(days=days)


@pytest.fixture
def stolav_jobb(db):
    _trust, _site, home = make_hospital("stolav")
    return CareersIndexPageFactory(parent=home)


@pytest.fixture
def jobs(portal_jobb, bergen_jobb, ous_jobb, stolav_jobb):
    lege = ProfessionFactory(name="Lege", slug="lege")
    sykepleier = ProfessionFactory(name="Sykepleier", slug="sykepleier")
    JobPageFactory(
        parent=bergen_jobb, title="Overlege kreft", profession=lege, deadline=in_days(20)
    )
    JobPageFactory(
        parent=bergen_jobb,
        title="Intensivsykepleier",
        profession=sykepleier,
        position_type="vikariat",
        deadline=in_days(5),
    )
    JobPageFactory(parent=bergen_jobb, title="Utløpt stilling", deadline=in_days(-1))
    JobPageFactory(
        parent=ous_jobb, title="Jordmor sommer", position_type="sommerjobb", deadline=in_days(10)
    )
    JobPageFactory(parent=ous_jobb, title="Overlege hjerte", profession=lege, deadline=in_days(30))
    JobPageFactory(parent=ous_jobb, title="Kladd", deadline=in_days(30), live=False)
    JobPageFactory(
        parent=stolav_jobb,
        title="Radiograf",
        position_type="engasjement",
        location="Trondheim",
        deadline=in_days(15),
    )


def test_national_listing_has_every_open_job_sorted_by_deadline(client, jobs):
    response = get(client, "/jobb/")
    assert titles(response) == [
        "Intensivsykepleier",
        "Jordmor sommer",
        "Radiograf",
        "Overlege kreft",
        "Overlege hjerte",
    ]
    page = soup(response)
    assert len(page.find_all("h1")) == 1
    assert "5 ledige stillinger" in page.find(class_="result-count").get_text()
    # Each job says which hospital it belongs to and links to that hospital's site.
    first = page.select_one("#jobs-heading ~ ul li")
    assert "Helse Bergen HF" in first.get_text()
    assert first.a["href"] == "http://helse-bergen.localhost:8000/jobb/intensivsykepleier/"
    # Every form field has a label.
    form = page.find("form", class_="filter-form")
    for field in form.find_all(["input", "select"]):
        assert form.find("label", attrs={"for": field["id"]}), field


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"region": "helse-vest"}, ["Intensivsykepleier", "Overlege kreft"]),
        ({"region": "helse-midt-norge"}, ["Radiograf"]),
        ({"hospital": "oslo-universitetssykehus"}, ["Jordmor sommer", "Overlege hjerte"]),
        ({"profession": "lege"}, ["Overlege kreft", "Overlege hjerte"]),
        ({"type": "vikariat"}, ["Intensivsykepleier"]),
        ({"type": "sommerjobb"}, ["Jordmor sommer"]),
        ({"q": "OVERLEGE"}, ["Overlege kreft", "Overlege hjerte"]),
        ({"q": "trondheim"}, ["Radiograf"]),
        ({"region": "helse-sor-ost", "profession": "lege"}, ["Overlege hjerte"]),
        ({"region": "helse-vest", "hospital": "oslo-universitetssykehus"}, []),
    ],
)
def test_national_listing_filters(client, jobs, params, expected):
    assert titles(get(client, "/jobb/", data=params)) == expected


@pytest.mark.parametrize(
    "params",
    [
        {"region": "atlantis"},
        {"hospital": "<script>alert(1)</script>"},
        {"profession": "astronaut"},
        {"type": "fulltid"},
        {"q": "x" * 500},
    ],
)
def test_malformed_filters_are_shown_as_errors_and_ignored(client, jobs, params):
    response = get(client, "/jobb/", data=params)
    assert len(titles(response)) == 5
    errors = soup(response).select(".form-error")
    assert len(errors) == 1
    # The error is tied to its field for screen readers.
    [field] = soup(response).select("[aria-invalid=true]")
    assert field["aria-describedby"] == errors[0]["id"]
    assert "<script>alert" not in response.content.decode()


@pytest.mark.parametrize(("page", "number"), [("abc", "1"), ("-3", "3"), ("99999", "3"), ("", "1")])
def test_any_page_parameter_gives_a_page(client, bergen_jobb, page, number):
    for n in range(45):
        JobPageFactory(parent=bergen_jobb, title=f"Stilling {n:02}", deadline=in_days(n + 1))
    response = get(client, "/jobb/", "helse-bergen", data={"page": page})
    assert response.status_code == 200
    nav = soup(response).find("nav", class_="pagination")
    assert f"Side {number} av 3" in nav.get_text()


def test_pages_keep_the_filters(client, bergen_jobb):
    for n in range(25):
        JobPageFactory(parent=bergen_jobb, title=f"Stilling {n:02}", deadline=in_days(n + 1))
    page = soup(get(client, "/jobb/", "helse-bergen", data={"type": "fast"}))
    assert page.find("a", rel="next")["href"] == "?type=fast&page=2"
    assert (
        len(titles(get(client, "/jobb/", "helse-bergen", data={"type": "fast", "page": "2"}))) == 5
    )


def test_hospital_careers_page_shows_its_own_jobs_courses_education_and_professions(
    client, jobs, bergen_jobb
):
    CoursePageFactory(parent=bergen_jobb, title="HLR-kurs", dates=[single(in_days(3))])
    EducationPageFactory(parent=bergen_jobb, title="LIS1 i Helse Bergen")
    ProfessionPageFactory(parent=bergen_jobb, title="Jobb som lege")
    response = get(client, "/jobb/", "helse-bergen")
    assert titles(response) == ["Intensivsykepleier", "Overlege kreft"]
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Jobb og karriere"
    # Region and hospital are the national listing's; a hospital's has no such fields.
    assert not page.find("select", attrs={"name": "region"})
    activities = page.find(id="activities-heading").find_next("ul")
    assert "HLR-kurs" in activities.get_text()
    assert "LIS1 i Helse Bergen" in page.find(id="education-heading").find_next("ul").get_text()
    assert "Jobb som lege" in page.find(id="professions-heading").find_next("ul").get_text()
    assert titles(get(client, "/jobb/", "helse-bergen", data={"type": "vikariat"})) == [
        "Intensivsykepleier"
    ]


def test_profession_page_links_to_its_open_jobs_and_courses(client, bergen_jobb):
    lege = ProfessionFactory(name="Lege", slug="lege")
    JobPageFactory(parent=bergen_jobb, title="Overlege", profession=lege)
    JobPageFactory(
        parent=bergen_jobb, title="Gammel overlege", profession=lege, deadline=in_days(-2)
    )
    JobPageFactory(parent=bergen_jobb, title="Sykepleier")
    course = CoursePageFactory(parent=bergen_jobb, title="Veilederkurs")
    course.professions.add(lege)
    course.save()
    CoursePageFactory(parent=bergen_jobb, title="Annet kurs")
    ProfessionPageFactory(parent=bergen_jobb, title="Jobb som lege", slug="lege", profession=lege)
    page = soup(get(client, "/jobb/lege/", "helse-bergen"))
    jobs = page.find(id="jobs-heading").find_next("ul").get_text()
    assert "Overlege" in jobs and "Gammel" not in jobs and "Sykepleier" not in jobs
    courses = page.find(id="courses-heading").find_next("ul").get_text()
    assert "Veilederkurs" in courses and "Annet kurs" not in courses


def test_a_profession_page_on_the_portal_shows_the_whole_country(client, jobs, portal_jobb):
    lege = ProfessionFactory(slug="lege")
    ProfessionPageFactory(parent=portal_jobb, title="Bli lege", slug="lege", profession=lege)
    page = soup(get(client, "/jobb/lege/"))
    items = page.select("#jobs-heading ~ ul li")
    assert [item.h3.get_text(strip=True) for item in items] == ["Overlege kreft", "Overlege hjerte"]
    assert "Oslo universitetssykehus HF" in items[1].get_text()
    ProfessionPageFactory(parent=portal_jobb, slug="tom")
    assert "Ingen ledige stillinger akkurat nå" in get(client, "/jobb/tom/").content.decode()


def add_jobs(indexes, per_site, profession):
    for index in indexes:
        for n in range(per_site):
            JobPageFactory(parent=index, profession=profession, deadline=in_days(n % 20 + 1))


def add_activities(indexes, per_site):
    for index in indexes:
        for n in range(per_site):
            factory = CoursePageFactory if n % 2 else EventPageFactory
            dates = (
                [weekly(in_days(1), in_days(60), n % 7, exceptions=[in_days(8)])]
                if n % 3 == 0
                else [single(in_days(n + 1)), single(in_days(n + 2))]
            )
            factory(parent=index, dates=dates)


def test_national_job_listing_query_count_does_not_grow_with_the_number_of_jobs(
    client, portal_jobb, bergen_jobb, ous_jobb, stolav_jobb, django_assert_max_num_queries
):
    indexes = [bergen_jobb, ous_jobb, stolav_jobb]
    lege = ProfessionFactory(name="Lege", slug="lege")
    add_jobs(indexes, 1, lege)
    budget = 21  # measured on SQLite and PostgreSQL; about half are the site chrome
    get(client, "/jobb/")  # creates the portal's settings on first use
    few = count_queries(django_assert_max_num_queries, budget, client, "/jobb/")
    add_jobs(indexes, 9, lege)
    with django_assert_max_num_queries(budget):
        assert len(titles(get(client, "/jobb/"))) == 20
    assert count_queries(django_assert_max_num_queries, budget, client, "/jobb/") == few
    filtered = "/jobb/?region=helse-vest&profession=lege&q=syk"
    assert count_queries(django_assert_max_num_queries, budget, client, filtered) == few


def test_hospital_careers_page_query_count_does_not_grow(
    client, portal, bergen_jobb, django_assert_max_num_queries
):
    lege = ProfessionFactory(name="Lege", slug="lege")
    add_jobs([bergen_jobb], 3, lege)
    add_activities([bergen_jobb], 3)
    budget = 23  # measured on SQLite and PostgreSQL

    def count():
        return count_queries(
            django_assert_max_num_queries, budget, client, "/jobb/", "helse-bergen"
        )

    get(client, "/jobb/", "helse-bergen")
    few = count()
    add_jobs([bergen_jobb], 27, lege)
    add_activities([bergen_jobb], 27)
    for _n in range(5):
        EducationPageFactory(parent=bergen_jobb)
        ProfessionPageFactory(parent=bergen_jobb)
    assert count() == few


def test_national_calendar_query_count_does_not_grow_with_the_number_of_events(
    client, portal_jobb, bergen_jobb, ous_jobb, stolav_jobb, django_assert_max_num_queries
):
    indexes = [bergen_jobb, ous_jobb, stolav_jobb]
    add_activities(indexes, 1)
    # Measured on SQLite and PostgreSQL: each path is held to its own count.
    budgets = {"/jobb/kalender/": 17, "/jobb/kalender/ics/": 14}

    def counts():
        return [
            count_queries(django_assert_max_num_queries, budget, client, path)
            for path, budget in budgets.items()
        ]

    get(client, "/jobb/kalender/")
    few = counts()
    add_activities(indexes, 10)
    assert counts() == few
