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
# Measured on SQLite: routing, view restrictions, chrome (settings + banners, trust, menu),
# breadcrumb and language switcher make up most of each budget.
BUDGETS = {
    "content page with contact cards": 17,
    "department index": 18,
    "department page": 21,
    "location index": 15,
    "location page": 16,
    "news page": 16,
    "news index": 19,
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


def measure(client, path, budget, assert_max):
    get(client, path, "helse-bergen")  # first request creates settings, warms caches
    with assert_max(budget):
        get(client, path, "helse-bergen")
    return count_queries(client, path, "helse-bergen")


def test_contact_cards_cost_the_same_for_3_or_9_departments(
    client, portal, site, django_assert_max_num_queries
):
    departments = add_departments(site, 9)
    budget = BUDGETS["content page with contact cards"]

    def page_with_cards(slug, count):
        cards = [("contact_card", {"department": d}) for d in departments[:count]]
        ContentPageFactory(parent=site["home"], slug=slug, body=cards)
        return measure(client, f"/{slug}/", budget, django_assert_max_num_queries)

    assert page_with_cards("tre", 3) == page_with_cards("ni", 9)


def test_department_and_location_listings_do_not_grow(
    client, portal, site, django_assert_max_num_queries
):
    add_departments(site, 4)
    few = [
        measure(client, "/avdelinger/", BUDGETS["department index"], django_assert_max_num_queries),
        measure(client, "/steder/", BUDGETS["location index"], django_assert_max_num_queries),
        measure(client, "/steder/sted-0/", BUDGETS["location page"], django_assert_max_num_queries),
        measure(
            client,
            "/avdelinger/?location=sted-1",
            BUDGETS["department index"],
            django_assert_max_num_queries,
        ),
    ]
    add_departments(site, 8, start=4)
    for n in range(2, 6):
        LocationPageFactory(parent=site["steder"], slug=f"sted-{n}")
    many = [
        count_queries(client, "/avdelinger/", "helse-bergen"),
        count_queries(client, "/steder/", "helse-bergen"),
        count_queries(client, "/steder/sted-0/", "helse-bergen"),
        count_queries(client, "/avdelinger/?location=sted-1", "helse-bergen"),
    ]
    assert many == few


def test_department_page_and_news_page_budgets(client, portal, site, django_assert_max_num_queries):
    department = add_departments(site, 1)[0]
    card = [("contact_card", {"department": department})]
    for n in range(3):
        ContentPageFactory(parent=site["home"], slug=f"bruker-{n}", body=card)
    measure(
        client,
        f"/avdelinger/{department.slug}/",
        BUDGETS["department page"],
        django_assert_max_num_queries,
    )
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=site["home"]), slug="sak")
    news.tags.add("Forskning", "Kreft")
    news.save()
    measure(client, "/aktuelt/sak/", BUDGETS["news page"], django_assert_max_num_queries)


def test_a_sites_news_listing_costs_the_same_for_5_or_15_items(
    client, portal, site, django_assert_max_num_queries
):
    index = NewsIndexPageFactory(parent=site["home"])

    def add(start, count):
        for n in range(start, start + count):
            item = NewsPageFactory(parent=index, slug=f"sak-{n}")
            item.tags.add(f"Emne {n}", "Felles")
            item.save()

    add(0, 5)
    few = measure(client, "/aktuelt/", BUDGETS["news index"], django_assert_max_num_queries)
    add(5, 10)
    assert count_queries(client, "/aktuelt/", "helse-bergen") == few
    assert count_queries(client, "/aktuelt/?tag=felles&page=2", "helse-bergen") <= few + 1
