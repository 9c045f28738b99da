"""Research group pages and listings: content, filters, validation, query budgets."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.blocks import StreamBlockValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.factories import UserFactory
from home.factories import make_hospital, make_portal
from research.factories import (
    PersonFactory,
    ResearchAreaFactory,
    make_group,
    research_index,
)
from research.models import ResearchGroupPage
from tests.helpers import count_queries, get, get_ok, soup, translate
from tests.research.localize import translate_with_localize
from trials.factories import publish_trial

pytestmark = pytest.mark.django_db


def group_with(home, n, prefix="g"):
    """A group with n areas, n members (one leader) and n related trials."""
    areas = [ResearchAreaFactory() for _ in range(n)]
    people = [PersonFactory() for _ in range(n)]
    trials = [publish_trial(home, slug=f"{prefix}-studie-{i}") for i in range(n)]
    return make_group(
        home,
        areas=areas,
        leaders=people[:1],
        members=people[1:],
        trials=trials,
        projects=[
            (
                "project",
                {
                    "title": "Prosjekt",
                    "period": "2024–2027",
                    "funding": "NFR",
                    "cristin_id": "2712345",
                },
            )
        ],
        publications=[
            (
                "publication",
                {
                    "title": "Artikkel",
                    "journal": "Tidsskriftet",
                    "year": 2024,
                    "doi": "10.1056/NEJMoa2034577",
                },
            )
        ],
    )


def test_group_page_shows_people_projects_publications_and_trials_with_status(client, bergen):
    home = bergen[2]
    shared = PersonFactory(name="Kari Nordmann", title="professor", url="https://app.cristin.no/")
    closed = publish_trial(
        home, title="Avsluttet studie", slug="avsluttet", status_override="suspended"
    )
    group = make_group(
        home,
        title="Gruppe A",
        slug="gruppe-a",
        leaders=[shared],
        trials=[closed],
        publications=[
            (
                "publication",
                {
                    "title": "Artikkel",
                    "journal": "NEJM",
                    "year": 2021,
                    "doi": "10.1056/NEJMoa2034577",
                },
            )
        ],
        projects=[
            (
                "project",
                {
                    "title": "Prosjekt X",
                    "period": "2024–2027",
                    "funding": "NFR",
                    "cristin_id": "2712345",
                },
            )
        ],
    )
    make_group(home, title="Gruppe B", slug="gruppe-b", members=[shared])
    assert shared.memberships.count() == 2

    page = soup(get_ok(client, f"/forskning/{group.slug}/", "helse-bergen"))
    assert page.h1.get_text() == "Gruppe A"
    assert "Kari Nordmann" in page.find(class_="people").text
    doi = page.find("a", href="https://doi.org/10.1056/NEJMoa2034577")
    assert doi is not None
    assert page.find("a", href="https://app.cristin.no/projects/show.jsf?id=2712345")
    trials = page.find("h2", id="trials").parent
    assert "Avsluttet studie" in trials.text
    assert trials.find(class_="status--suspended") is not None


@pytest.mark.parametrize(
    ("block", "value"),
    [
        ("publication", {"title": "T", "journal": "J", "year": 2020, "doi": "doi:10.1/x"}),
        ("publication", {"title": "T", "journal": "J", "year": 2020, "doi": "10.12/abc"}),
        ("project", {"title": "T", "period": "2024", "funding": "", "cristin_id": "12ab"}),
    ],
)
def test_malformed_doi_or_cristin_id_is_a_form_error(block, value):
    field = "publications" if block == "publication" else "projects"
    stream_block = ResearchGroupPage._meta.get_field(field).stream_block
    with pytest.raises(StreamBlockValidationError):
        stream_block.clean(stream_block.to_python([{"type": block, "value": value}]))


def test_well_formed_doi_and_cristin_id_are_accepted():
    stream_block = ResearchGroupPage._meta.get_field("publications").stream_block
    value = {"title": "T", "journal": "J", "year": 2020, "doi": "10.1056/NEJMoa2034577"}
    stream_block.clean(stream_block.to_python([{"type": "publication", "value": value}]))


def test_image_requires_alt_text(bergen):
    group = make_group(bergen[2])
    group.image = Image.objects.create(title="Bilde", file=get_test_image_file())
    group.image_alt = " "
    with pytest.raises(ValidationError) as error:
        group.full_clean()
    assert "image_alt" in error.value.message_dict
    group.image_alt = "Forskere i laboratoriet"
    group.full_clean()


def test_listing_filters_by_area_and_ignores_unknown_values(client, bergen):
    home = bergen[2]
    heart = ResearchAreaFactory(name="Hjerte", slug="hjerte")
    cancer = ResearchAreaFactory(name="Kreft", slug="kreft")
    make_group(home, title="Hjertegruppe", areas=[heart])
    make_group(home, title="Kreftgruppe", areas=[cancer])

    def titles(query):
        page = soup(get_ok(client, f"/forskning/{query}", "helse-bergen"))
        return {h.get_text(strip=True) for h in page.select(".research-group h3")}

    assert titles("") == {"Hjertegruppe", "Kreftgruppe"}
    assert titles("?area=kreft") == {"Kreftgruppe"}
    assert titles("?area=finnes-ikke") == {"Hjertegruppe", "Kreftgruppe"}
    assert titles("?area=%00%ff&area=") == {"Hjertegruppe", "Kreftgruppe"}


def test_portal_lists_every_group_by_region(client, bergen, ous):
    portal = make_portal()
    research_index(portal)
    make_group(bergen[2], title="Bergensgruppe")
    make_group(ous[2], title="Oslogruppe")
    page = soup(get_ok(client, "/forskning/"))
    sections = {
        section.h2.get_text(strip=True): {h.get_text(strip=True) for h in section.select("h3")}
        for section in page.select("main section")
    }
    assert sections == {"Helse Vest": {"Bergensgruppe"}, "Helse Sør-Øst": {"Oslogruppe"}}
    link = page.find("a", string="Bergensgruppe")
    assert link["href"].startswith("http://helse-bergen.localhost:8000/forskning/")


@pytest.mark.parametrize("language", ["nb", "en"])
def test_group_page_and_listing_queries_do_not_grow(
    client, bergen, django_assert_max_num_queries, language
):
    home = bergen[2]
    few = group_with(home, 2, "few")
    many = group_with(home, 6, "many")
    prefix = ""
    if language == "en":
        translate(home, "en")
        translate_with_localize(research_index(home), "en", {"forskning": "research"})
        few = translate_with_localize(few, "en", {})
        many = translate_with_localize(many, "en", {})
        prefix = "/en"
    listing = f"{prefix}/research/" if prefix else "/forskning/"
    # Measured on SQLite and PostgreSQL; English costs one query more (the translated page).
    group_budget, listing_budget = {"nb": (20, 16), "en": (21, 17)}[language]
    get(client, listing, "helse-bergen")  # warm Wagtail's per-process site caches
    counts = [
        count_queries(
            django_assert_max_num_queries,
            group_budget,
            client,
            f"{listing}{g.slug}/",
            "helse-bergen",
        )
        for g in (few, many)
    ]
    assert counts[0] == counts[1]
    for extra in range(3):
        group_with(home, 3, f"extra{extra}")
    listing_count = count_queries(
        django_assert_max_num_queries, listing_budget, client, listing, "helse-bergen"
    )
    group_with(home, 6, "more")
    assert (
        count_queries(
            django_assert_max_num_queries, listing_budget, client, listing, "helse-bergen"
        )
        == listing_count
    )


def test_portal_overview_queries_do_not_grow_with_sites_or_groups(
    client, bergen, ous, django_assert_max_num_queries
):
    research_index(make_portal())
    make_group(bergen[2], areas=[ResearchAreaFactory()])
    get(client, "/forskning/")  # warm Wagtail's per-process site caches
    small = count_queries(django_assert_max_num_queries, 20, client, "/forskning/")
    for slug in ["stolav", "unn", "ahus"]:
        home = make_hospital(slug)[2]
        make_group(home, areas=[ResearchAreaFactory()])
        make_group(home, areas=[ResearchAreaFactory()])
    get(client, "/forskning/")
    assert count_queries(django_assert_max_num_queries, 20, client, "/forskning/") == small


def edit_form_data(group, doi, cristin_id):
    return nested_form_data(
        {
            "title": group.title,
            "slug": group.slug,
            "short_description": group.short_description,
            "aims": rich_text("<p>Mål.</p>"),
            "methods": rich_text(""),
            "collaborators": rich_text(""),
            "area_links": inline_formset([]),
            "members": inline_formset([]),
            "trial_links": inline_formset([]),
            "projects": streamfield(
                [
                    (
                        "project",
                        {"title": "P", "period": "2024", "funding": "", "cristin_id": cristin_id},
                    )
                ]
            ),
            "publications": streamfield(
                [("publication", {"title": "T", "journal": "J", "year": "2024", "doi": doi})]
            ),
            "image_alt": "",
        }
    )


@pytest.mark.parametrize(
    ("doi", "cristin_id", "valid"),
    [
        ("10.1056/NEJMoa2034577", "2712345", True),
        ("https://doi.org/10.1056/NEJMoa2034577", "2712345", False),
        ("10.1056/NEJMoa2034577", "CRISTIN-1", False),
    ],
)
def test_admin_edit_form_rejects_malformed_identifiers(client, bergen, doi, cristin_id, valid):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    group = make_group(bergen[2], title="Gruppe", slug="gruppe")
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[group.pk]), edit_form_data(group, doi, cristin_id)
    )
    group.refresh_from_db()
    if valid:
        assert response.status_code == 302
        assert group.get_latest_revision_as_object().publications[0].value["doi"] == doi
    else:
        assert response.status_code == 200
        assert response.context["form"].errors
        assert len(group.get_latest_revision_as_object().publications) == 0


def test_portal_filters_by_hospital_region_and_language_and_lists_open_trials(client, bergen, ous):
    portal = make_portal()
    research_index(portal)
    open_trial = publish_trial(bergen[2], title="Åpen studie", slug="apen")
    closed_trial = publish_trial(
        bergen[2],
        title="Avsluttet studie",
        slug="avsluttet",
        inclusion_end=timezone.localdate() - datetime.timedelta(days=1),
    )
    unlinked = publish_trial(ous[2], title="Studie uten gruppe", slug="uten")
    bergen_group = make_group(bergen[2], title="Bergensgruppe", trials=[open_trial, closed_trial])
    make_group(ous[2], title="Oslogruppe")
    translate(bergen[2], "en")
    translate_with_localize(research_index(bergen[2]), "en", {"forskning": "research"})
    translate_with_localize(bergen_group, "en", {"Bergensgruppe": "Bergen group"})

    def shown(query=""):
        page = soup(get_ok(client, f"/forskning/{query}"))
        groups = {h.get_text(strip=True) for h in page.select(".research-groups h3")}
        trials = {a.get_text(strip=True) for a in page.select("#open-trials + ul a")}
        return groups, trials

    assert shown() == ({"Bergensgruppe", "Oslogruppe"}, {"Åpen studie"})
    assert shown("?hospital=oslo-universitetssykehus") == ({"Oslogruppe"}, set())
    assert shown("?region=helse-vest") == ({"Bergensgruppe"}, {"Åpen studie"})
    assert shown("?language=en") == ({"Bergensgruppe"}, {"Åpen studie"})
    assert shown("?region=helse-vest&hospital=oslo-universitetssykehus") == (set(), set())
    # Unknown values filter nothing, never an error.
    assert shown("?hospital=x&region=%00&language=xx")[0] == {"Bergensgruppe", "Oslogruppe"}
    assert unlinked.title not in shown()[1]
