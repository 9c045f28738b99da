import pytest

from core.models import HealthTrust
from home.factories import make_hospital
from tests.helpers import count_queries, get, soup, translate
from treatments.factories import DiagnosisFactory, TreatmentFactory, offer

pytestmark = pytest.mark.django_db


def test_english_local_page_shows_the_english_national_text(client, bergen):
    treatment = TreatmentFactory(title="Gastroskopi", before="<p>Faste i seks timer.</p>")
    page = offer(bergen[2], treatment, local_before="<p>Møt i inngang B.</p>")
    translate(bergen[2], "en")
    translate(page.get_parent(), "en")
    english_treatment = translate(
        treatment,
        "en",
        title="Gastroscopy",
        summary="Camera examination.",
        before="<p>Fast for six hours.</p>",
    )
    translate(page, "en", title="Gastroscopy", local_before="<p>Meet at entrance B.</p>")

    html = soup(get(client, "/en/behandlinger/gastroskopi/", "helse-bergen"))
    assert html.html["lang"] == "en"
    text = html.find("main").get_text()
    assert "Fast for six hours." in text and "Meet at entrance B." in text
    assert "Faste i seks timer." not in text and "Møt i inngang B." not in text
    assert html.find(class_="notice") is None

    # Unpublishing the English national text: the English page says it shows Bokmål instead.
    english_treatment.unpublish()
    html = soup(get(client, "/en/behandlinger/gastroskopi/", "helse-bergen"))
    assert "shown in Norwegian" in html.find(class_="notice").get_text()
    national = html.find(class_="national-text")
    assert national["lang"] == "nb"
    assert html.find(class_="lead")["lang"] == "nb"
    assert "Faste i seks timer." in html.find("main").get_text()
    # The Bokmål page is unaffected.
    assert "Faste i seks timer." in get(client, "/behandlinger/gastroskopi/", "helse-bergen").text


def test_local_page_query_count_does_not_depend_on_how_many_hospitals_offer_it(
    client, bergen, django_assert_max_num_queries
):
    treatment = TreatmentFactory(title="Kneprotese", slug="kneprotese")
    treatment.diagnoses.add(DiagnosisFactory(icd10="M17", name="Kneartrose"))
    treatment.save()
    offer(bergen[2], treatment)
    offer(make_hospital("ahus")[2], treatment)
    path = "/behandlinger/kneprotese/"
    get(client, path, "helse-bergen")
    # The budget is the count measured on SQLite and PostgreSQL.
    with_two = count_queries(django_assert_max_num_queries, 17, client, path, "helse-bergen")
    for trust in HealthTrust.objects.exclude(slug__in=["helse-bergen", "ahus"]):
        offer(make_hospital(trust.slug)[2], treatment)
    get(client, path, "helse-bergen")
    count_queries(django_assert_max_num_queries, with_two, client, path, "helse-bergen")
