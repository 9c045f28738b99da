"""Every site-content page type renders within a fixed number of queries."""

import datetime

import pytest

from home.factories import (
    ContentPageFactory,
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from home.models import DepartmentLocation, VisitingHours
from tests.helpers import count_queries, get

pytestmark = pytest.mark.django_db
# Measured, the same on SQLite and PostgreSQL: routing, view restrictions, chrome (settings +
# banners, trust, menu), breadcrumb and language switcher make up most of each budget.
BUDGETS = {
    "content page with contact cards": 15,
    "department index": 18,
    "department page": 21,
    "location index": 14,
    "location page": 16,
    "news page": 15,
    "news index": 18,
}


@pytest.fixture
def site(bergen):
    _t, _s, home = bergen
    steder = LocationIndexPageFactory(parent=home)
    locations = [LocationPageFactory(parent=steder, slug=f"sted-{n}") for n in range(2)]
    index = DepartmentIndexPageFactory(parent=home)
    return {"home": home, "locations": locations, "index": index, "steder": steder}


def add_departments(site, count, start=0):
    departments = []
    for n in range(start, start + count):
        department = DepartmentPageFactory(parent=site["index"], slug=f"avdeling-{n}")
        for location in site["locations"]:
            DepartmentLocation.objects.create(
                department=department, location=location, reporting_point=f"Inngang {n}"
            )
        for day in range(7):
            VisitingHours.objects.create(
                department=department,
                weekday=day,
                opens=datetime.time(12),
                closes=datetime.time(18),
            )
        departments.append(department)
    return departments


def measure(assert_max, budget, client, path):
    """`count_queries` on Helse Bergen, after a first request that creates settings and warms
    caches."""
    get(client, path, "helse-bergen")
    return count_queries(assert_max, budget, client, path, "helse-bergen")


def test_contact_cards_cost_the_same_for_3_or_9_departments(
    client, portal, site, django_assert_max_num_queries
):
    departments = add_departments(site, 9)
    budget = BUDGETS["content page with contact cards"]

    def page_with_cards(slug, count):
        cards = [("contact_card", {"department": d}) for d in departments[:count]]
        ContentPageFactory(parent=site["home"], slug=slug, body=cards)
        return measure(django_assert_max_num_queries, budget, client, f"/{slug}/")

    assert page_with_cards("tre", 3) == page_with_cards("ni", 9)


def test_department_and_location_listings_do_not_grow(
    client, portal, site, django_assert_max_num_queries
):
    pages = [
        ("department index", "/avdelinger/"),
        ("location index", "/steder/"),
        ("location page", "/steder/sted-0/"),
        ("department index", "/avdelinger/?location=sted-1"),
    ]
    add_departments(site, 4)
    few = [
        measure(django_assert_max_num_queries, BUDGETS[name], client, path) for name, path in pages
    ]
    add_departments(site, 8, start=4)
    for n in range(2, 6):
        LocationPageFactory(parent=site["steder"], slug=f"sted-{n}")
    many = [
        count_queries(django_assert_max_num_queries, BUDGETS[name], client, path, "helse-bergen")
        for name, path in pages
    ]
    assert many == few


def test_department_page_and_news_page_budgets(client, portal, site, django_assert_max_num_queries):
    department = add_departments(site, 1)[0]
    card = [("contact_card", {"department": department})]
    for n in range(3):
        ContentPageFactory(parent=site["home"], slug=f"bruker-{n}", body=card)
    measure(
        django_assert_max_num_queries,
        BUDGETS["department page"],
        client,
        f"/avdelinger/{department.slug}/",
    )
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=site["home"]), slug="sak")
    news.tags.add("Forskning", "Kreft")
    news.save()
    measure(django_assert_max_num_queries, BUDGETS["news page"], client, "/aktuelt/sak/")


def test_a_sites_news_listing_costs_the_same_for_5_or_15_items(
    client, portal, site, django_assert_max_num_queries
):
    index = NewsIndexPageFactory(parent=site["home"])

    def add(start, count):
        for n in range(start, start + count):
            item = NewsPageFactory(parent=index, slug=f"sak-{n}")
            item.tags.add(f"Emne {n}", "Felles")
            item.save()

    budget = BUDGETS["news index"]
    add(0, 5)
    few = measure(django_assert_max_num_queries, budget, client, "/aktuelt/")
    add(5, 10)
    assert (
        count_queries(django_assert_max_num_queries, budget, client, "/aktuelt/", "helse-bergen")
        == few
    )
    # A tag and a later page cost no more.
    count_queries(
        django_assert_max_num_queries,
        few,
        client,
        "/aktuelt/?tag=felles&page=2",
        "helse-bergen",
    )
