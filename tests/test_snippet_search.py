"""The search box of every snippet listing finds part of a word, on SQLite and PostgreSQL
alike (Wagtail's backend search there failed with "no such column" on SQLite)."""

import pytest
from django.urls import reverse

from careers.factories import ProfessionFactory
from core.factories import NavigationMenuFactory, UserFactory
from research.factories import PersonFactory, ResearchAreaFactory
from search.factories import SynonymFactory
from tests.helpers import soup
from treatments.factories import CategoryFactory, DiagnosisFactory, TreatmentFactory

pytestmark = pytest.mark.django_db

# (app, model, the item to find and another, the field they differ in, what an editor types)
CASES = [
    ("treatments", "treatment", TreatmentFactory, "title", ("Hofteprotese", "Kneprotese"), "hofte"),
    (
        "treatments",
        "treatment",
        TreatmentFactory,
        "summary",
        ("Nytt kneledd.", "Ny hofte."),
        "ledd",
    ),
    ("treatments", "category", CategoryFactory, "name", ("Hjerte og kar", "Kreft"), "hjert"),
    ("treatments", "diagnosis", DiagnosisFactory, "name", ("Hofteartrose", "Brystkreft"), "artro"),
    (
        "research",
        "researcharea",
        ResearchAreaFactory,
        "name",
        ("Kreftforskning", "Psykiatri"),
        "kreftf",
    ),
    ("research", "person", PersonFactory, "name", ("Kari Nordmann", "Ola Hansen"), "nordm"),
    ("careers", "profession", ProfessionFactory, "name", ("Sykepleier", "Lege"), "pleie"),
    ("search", "synonym", SynonymFactory, "terms", ("hjerteinfarkt, infarkt", "mr, mri"), "infark"),
    (
        "core",
        "navigationmenu",
        NavigationMenuFactory,
        "title",
        ("Hovedmeny Ahus", "Fotmeny"),
        "hovedm",
    ),
]


@pytest.mark.parametrize(("app", "model", "factory", "field", "values", "typed"), CASES)
def test_listing_search_finds_part_of_a_word(client, app, model, factory, field, values, typed):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    wanted, other = (factory(**{field: value}) for value in values)
    response = client.get(reverse(f"wagtailsnippets_{app}_{model}:list_results"), {"q": typed})
    assert response.status_code == 200
    text = " ".join(soup(response).get_text().split())
    assert label(wanted) in text
    assert label(other) not in text


def label(item):
    """What the listing's first column shows of an item."""
    return getattr(item, "name", None) or getattr(item, "title", None) or str(item)
