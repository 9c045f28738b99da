import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.factories import UserFactory
from trials.factories import TrialPageFactory, publish_trial, trial_index
from trials.models import TrialPage


@pytest.mark.parametrize(
    ("field", "good", "bad"),
    [
        ("nct_number", "NCT01234567", ["NCT1234567", "nct01234567", "NCT012345678", "01234567"]),
        (
            "eu_ct_number",
            "2023-501234-12-00",
            ["2023-50123-12-00", "23-501234-12-00", "2023501234-12-00"],
        ),
        ("rek_number", "123456", ["12", "REK-1", "2019-1234"]),
        ("cristin_project_id", "2735122", ["abc", "12 34", "-1"]),
    ],
)
@pytest.mark.django_db
def test_registry_identifiers_are_validated_by_format(bergen, field, good, bad):
    trial = TrialPageFactory.build(**{field: good})
    trial.full_clean(exclude=["path", "depth", "translation_key", "locale", "content_type"])
    for value in bad:
        trial = TrialPageFactory.build(**{field: value})
        with pytest.raises(ValidationError) as error:
            trial.full_clean(exclude=["path", "depth", "translation_key", "locale", "content_type"])
        assert field in error.value.message_dict, value


@pytest.mark.django_db
def test_end_before_start_and_a_bad_nct_are_form_errors_in_the_admin(client, bergen):
    index = trial_index(bergen[2])
    client.force_login(UserFactory(is_superuser=True))
    url = reverse("wagtailadmin_pages:add", args=["trials", "trialpage", index.pk])
    data = {
        "title": "Ny studie",
        "slug": "ny-studie",
        "summary": "Sammendrag.",
        "eligibility": "Voksne.",
        "study_type": "behandlingsstudie",
        "phase": "2",
        "inclusion_start": "2026-05-01",
        "inclusion_end": "2026-04-01",
        "contact_name": "Kari Nordmann",
        "nct_number": "NCT123",
        "action-publish": "1",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "inclusion_end" in errors and "nct_number" in errors
    assert not TrialPage.objects.exists()

    data.update(inclusion_end="2026-12-01", nct_number="NCT01234567")
    assert client.post(url, data).status_code == 302
    trial = TrialPage.objects.get()
    assert trial.live and trial.responsible_trust.slug == "helse-bergen"
    assert trial.inclusion_end == datetime.date(2026, 12, 1)


@pytest.mark.django_db
def test_a_trial_slug_used_by_another_hospital_is_a_form_error(client, bergen, ous):
    publish_trial(bergen[2], title="Felles studie", slug="felles-studie")
    index = trial_index(ous[2])
    client.force_login(UserFactory(is_superuser=True))
    url = reverse("wagtailadmin_pages:add", args=["trials", "trialpage", index.pk])
    response = client.post(
        url,
        {
            "title": "Felles studie",
            "slug": "felles-studie",
            "summary": "S.",
            "eligibility": "E.",
            "study_type": "annen",
            "inclusion_start": "2026-01-01",
            "contact_name": "K",
            "action-publish": "1",
        },
    )
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
