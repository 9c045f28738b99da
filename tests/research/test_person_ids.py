"""Researchers' NVA person id and ORCID: validated, and their public profile link."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.factories import UserFactory
from home.factories import make_hospital
from research.factories import PersonFactory, make_group
from research.models import Person
from research.validators import validate_orcid
from tests.helpers import admin_form_post, get_ok, soup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "orcid", ["0000-0002-1825-0097", "0000-0001-5109-3700", "0000-0002-1694-233X"]
)
def test_valid_orcids_pass(orcid):
    validate_orcid(orcid)


@pytest.mark.parametrize(
    "orcid",
    ["0000-0002-1825-0098", "0000-0002-1694-2330", "0000000218250097", "0000-0002-1825-009", "x"],
)
def test_a_wrong_check_digit_or_format_is_refused(orcid):
    with pytest.raises(ValidationError):
        validate_orcid(orcid)


def test_a_bad_orcid_or_nva_id_is_a_form_error(client):
    client.force_login(UserFactory(is_superuser=True))
    url = reverse("wagtailsnippets_research_person:add")
    data = admin_form_post(
        client, url, Person, name="Kari Nordmann", orcid="0000-0002-1825-0098", nva_id="12a"
    )
    response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()
    assert [error.code for error in errors["orcid"]] == ["orcid_checksum"]
    assert [error.code for error in errors["nva_id"]] == ["nva_id"]
    assert not Person.objects.filter(name="Kari Nordmann").exists()

    data.update(orcid="0000-0002-1825-0097", nva_id="12345")
    assert client.post(url, data).status_code == 302
    assert Person.objects.get(name="Kari Nordmann").orcid == "0000-0002-1825-0097"


def test_the_profile_link_is_the_hand_written_one_else_nva_else_orcid(client):
    _trust, _site, home = make_hospital("helse-bergen")
    people = [
        PersonFactory(name="Med lenke", url="https://helse-bergen.no/ansatt", nva_id="1"),
        PersonFactory(name="Med NVA", nva_id="618557", orcid="0000-0002-1825-0097"),
        PersonFactory(name="Med ORCID", orcid="0000-0002-1825-0097"),
        PersonFactory(name="Uten"),
    ]
    group = make_group(home, members=people)
    links = {
        a.get_text(strip=True): a["href"]
        for a in soup(get_ok(client, f"/forskning/{group.slug}/", "helse-bergen")).select("main a")
    }
    assert links["Med lenke"] == "https://helse-bergen.no/ansatt"
    assert links["Med NVA"] == "https://nva.sikt.no/research-profile/618557"
    assert links["Med ORCID"] == "https://orcid.org/0000-0002-1825-0097"
    assert "Uten" not in links
