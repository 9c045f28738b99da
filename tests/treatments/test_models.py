import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.factories import UserFactory
from treatments.factories import CategoryFactory, DiagnosisFactory, TreatmentFactory
from treatments.models import Treatment
from treatments.validators import validate_helsenorge_url, validate_icd10


@pytest.mark.parametrize("code", ["C50", "C50.9", "I21.4", "U07.1", "Z51.11"])
def test_valid_icd10_codes(code):
    validate_icd10(code)


@pytest.mark.parametrize("code", ["c50", "C5", "C500", "C50.", "50.9", "C50-9", "", "C50.12345"])
def test_malformed_icd10_codes_are_rejected(code):
    with pytest.raises(ValidationError):
        validate_icd10(code)


def test_diagnosis_links_must_go_to_helsenorge():
    validate_helsenorge_url("https://www.helsenorge.no/sykdom/kreft/brystkreft/")
    for url in (
        "http://www.helsenorge.no/x",
        "https://helsenorge.no.example.com/",
        "https://vg.no",
    ):
        with pytest.raises(ValidationError):
            validate_helsenorge_url(url)


@pytest.mark.django_db
def test_diagnosis_with_malformed_code_fails_full_clean():
    diagnosis = DiagnosisFactory.build(icd10="C5O", locale_id=1)
    with pytest.raises(ValidationError) as error:
        diagnosis.full_clean()
    assert "icd10" in error.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("approved", "review"),
    [
        (datetime.date(2025, 3, 10), datetime.date(2028, 3, 10)),
        (datetime.date(2024, 2, 29), datetime.date(2027, 2, 28)),
    ],
)
def test_next_review_defaults_to_three_years_after_approval(approved, review):
    treatment = TreatmentFactory(approved_date=approved, next_review=None)
    assert treatment.next_review == review


@pytest.mark.django_db
def test_stages_follow_the_kind():
    programme = TreatmentFactory(
        kind="behandlingsprogram",
        before="",
        during="",
        after="",
        investigation="<p>Utredning.</p>",
        therapy="<p>Behandling.</p>",
        follow_up="<p>Oppfølging.</p>",
    )
    assert [key for key, _label, _html in programme.stages()] == [
        "referral",
        "investigation",
        "therapy",
        "follow_up",
    ]
    programme.before = "<p>Før.</p>"
    with pytest.raises(ValidationError) as error:
        programme.full_clean()
    assert "before" in error.value.message_dict


@pytest.mark.django_db
def test_a_slug_clash_between_national_treatments_is_a_form_error(client):
    existing = TreatmentFactory(title="Gastroskopi", slug="gastroskopi")
    client.force_login(UserFactory(is_superuser=True))
    response = client.post(
        reverse("wagtailsnippets_treatments_treatment:add"),
        {
            "title": "Gastroskopi (ny)",
            "slug": "gastroskopi",
            "kind": "undersokelse",
            "summary": "Kikkertundersøkelse av spiserør og magesekk.",
            "category": CategoryFactory().pk,
            "approved_date": "2025-01-01",
        },
    )
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    assert Treatment.objects.filter(slug="gastroskopi").count() == 1
    assert Treatment.objects.get(slug="gastroskopi") == existing
