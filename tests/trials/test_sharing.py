"""A trial published by one hospital is shown on every site, with a canonical link home."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from core.factories import UserFactory
from core.models import HealthTrust
from home.groups import sync_site_groups
from tests.helpers import get, soup
from treatments.factories import DiagnosisFactory, TreatmentFactory, offer
from trials.factories import publish_trial, trial_index

pytestmark = pytest.mark.django_db


def listed(response):
    page = soup(response)
    return {a.get_text(strip=True): a["href"] for a in page.select(".trial-card h2 a")}


def test_a_trial_of_site_a_is_shown_on_site_b_and_on_bs_treatment_page(client, bergen, ous):
    treatment = TreatmentFactory(title="Strålebehandling")
    trial_index(ous[2])
    offer(ous[2], treatment)
    trial = publish_trial(
        bergen[2],
        title="Kortere strålebehandling",
        slug="kortere-stralebehandling",
        links={
            "treatments": [treatment],
            "participating_trusts": [HealthTrust.objects.get(slug="unn")],
        },
    )

    assert listed(get(client, "/kliniske-studier/", "oslo-universitetssykehus")) == {
        "Kortere strålebehandling": "/kliniske-studier/kortere-stralebehandling/"
    }
    response = get(
        client, "/kliniske-studier/kortere-stralebehandling/", "oslo-universitetssykehus"
    )
    assert response.status_code == 200
    page = soup(response)
    assert (
        page.find(class_="site-header__name").get_text(strip=True) == "Oslo universitetssykehus HF"
    )
    assert page.find("link", rel="canonical")["href"] == (
        "http://helse-bergen.localhost:8000/kliniske-studier/kortere-stralebehandling/"
    )
    facts = page.find("dl", class_="facts").get_text(" ", strip=True)
    assert "Helse Bergen HF" in facts and "Universitetssykehuset Nord-Norge HF" in facts

    treatment_page = soup(
        get(client, "/behandlinger/" + treatment.slug + "/", "oslo-universitetssykehus")
    )
    related = treatment_page.find("section", class_="related-trials")
    assert related.a.get_text(strip=True) == "Kortere strålebehandling"
    assert related.a["href"] == "/kliniske-studier/kortere-stralebehandling/"

    # The responsible site serves its own page, canonical to itself.
    own = soup(get(client, trial.url_path[len("/helse-bergen") :], "helse-bergen"))
    assert own.find("link", rel="canonical")["href"].endswith(
        "/kliniske-studier/kortere-stralebehandling/"
    )

    # Near real time: unpublishing shows on the next request everywhere.
    trial.unpublish()
    assert listed(get(client, "/kliniske-studier/", "oslo-universitetssykehus")) == {}
    assert (
        get(
            client, "/kliniske-studier/kortere-stralebehandling/", "oslo-universitetssykehus"
        ).status_code
        == 404
    )
    assert (
        get(client, "/behandlinger/" + treatment.slug + "/", "oslo-universitetssykehus")
        .content.decode()
        .count("related-trials")
        == 0
    )


def test_trials_linked_by_diagnosis_show_only_while_open(client, bergen):
    diagnosis = DiagnosisFactory(icd10="C50", name="Brystkreft")
    treatment = TreatmentFactory(title="Brystkreft")
    treatment.diagnoses.add(diagnosis)
    treatment.save()
    offer(bergen[2], treatment)
    publish_trial(bergen[2], title="Åpen studie", links={"diagnoses": [diagnosis]})
    publish_trial(
        bergen[2],
        title="Avsluttet studie",
        inclusion_start=datetime.date(2020, 1, 1),
        inclusion_end=datetime.date(2021, 1, 1),
        links={"diagnoses": [diagnosis]},
    )
    publish_trial(
        bergen[2],
        title="Stanset studie",
        status_override="suspended",
        links={"diagnoses": [diagnosis]},
    )
    page = soup(get(client, f"/behandlinger/{treatment.slug}/", "helse-bergen"))
    titles = [a.get_text(strip=True) for a in page.select("section.related-trials a")]
    assert titles == ["Åpen studie"]


def test_only_the_responsible_hospitals_editors_can_edit_its_trials(client, portal, bergen, ous):
    trial = publish_trial(bergen[2], title="Bergen-studie")
    sync_site_groups()
    ous_editor = UserFactory(groups=[Group.objects.get(name="oslo-universitetssykehus redaktør")])
    bergen_editor = UserFactory(groups=[Group.objects.get(name="helse-bergen redaktør")])
    assert trial.permissions_for_user(bergen_editor).can_edit()
    assert not trial.permissions_for_user(ous_editor).can_edit()
    assert not trial.permissions_for_user(ous_editor).can_publish()
    client.force_login(ous_editor)
    edit = reverse("wagtailadmin_pages:edit", args=[trial.pk])
    assert client.get(edit).status_code in (302, 403)
    client.post(edit, {"title": "Endret", "slug": trial.slug, "action-publish": "1"})
    trial.refresh_from_db()
    assert trial.title == "Bergen-studie"
