"""National coverage and local gaps (quality/coverage.py) on factory-built data, the
readability report, the scoping of every report and its query budget with 1 and 4 sites."""

import datetime

import pytest
from django.urls import reverse

from core.models import HealthTrust
from home.groups import sync_site_groups
from quality.views import REPORTS
from tests.helpers import soup, translate
from tests.quality.conftest import board_member, editor_of, site_with_findings
from treatments.factories import TreatmentFactory, offer

pytestmark = pytest.mark.django_db


def rows(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return {
        row.select_one("td.title").get_text(" ", strip=True): [
            cell.get_text(" ", strip=True) for cell in row.select("td")[1:]
        ]
        for row in soup(response).select("tbody tr")
    }


@pytest.fixture
def national(portal, bergen, ous):
    sync_site_groups()
    everywhere = TreatmentFactory(title="Gastroskopi")
    bergen_only = TreatmentFactory(
        title="Koloskopi",
        kind="behandlingsprogram",
        before="",
        during="",
        after="",
        investigation="<p>Utredning.</p>",
    )
    nowhere = TreatmentFactory(title="Hjertesvikt")
    withdrawn = TreatmentFactory(title="Tilbaketrukket")
    for home in (bergen[2], ous[2]):
        offer(
            home,
            everywhere,
            **{
                f"local_{key}": "<p>Lokalt.</p>"
                for key in ("referral", "before", "during", "after")
            },
            practical_information="<p>Oppmøte.</p>",
        )
    gaps = offer(
        bergen[2],
        bergen_only,
        local_referral="<p>Lokalt.</p>",
        practical_information="<p>Oppmøte.</p>",
    )
    stale = offer(bergen[2], withdrawn, practical_information="<p>Oppmøte.</p>")
    withdrawn.unpublish()
    complete = TreatmentFactory(title="Fullstendig")
    for code in ("nn", "en", "se"):
        translate(complete, code)
    # Nynorsk up to date, English older than the Bokmål text, Sami missing
    translate(everywhere, "nn")
    english = translate(everywhere, "en")
    type(english).objects.filter(pk=english.pk).update(
        last_published_at=everywhere.last_published_at - datetime.timedelta(days=3)
    )
    return {"gaps": gaps, "stale": stale, "nowhere": nowhere}


def test_national_coverage_lists_hospitals_and_translations(client, national):
    client.force_login(board_member())
    found = rows(client, reverse("quality_coverage_report"))
    assert set(found) == {"Gastroskopi", "Koloskopi", "Hjertesvikt", "Fullstendig"}
    assert found["Gastroskopi"][:4] == [
        "2",
        "Helse Bergen HF, Oslo universitetssykehus HF",
        "se",
        "en",
    ]
    assert found["Koloskopi"][:3] == ["1", "Helse Bergen HF", "nn, en, se"]
    assert found["Hjertesvikt"][:2] == ["0", ""]
    assert found["Fullstendig"][2:4] == ["", ""]
    assert set(rows(client, reverse("quality_coverage_report"), translations="false")) == {
        "Fullstendig"
    }
    assert "Fullstendig" not in rows(
        client, reverse("quality_coverage_report"), translations="true"
    )
    bergen = HealthTrust.objects.get(slug="helse-bergen")
    ous = HealthTrust.objects.get(slug="oslo-universitetssykehus")
    url = reverse("quality_coverage_report")
    assert set(rows(client, url, site=ous.pk, offered="false")) == {
        "Koloskopi",
        "Hjertesvikt",
        "Fullstendig",
    }
    assert set(rows(client, url, site=bergen.pk, offered="true")) == {"Gastroskopi", "Koloskopi"}


def test_local_gaps_of_a_site(client, national):
    url = reverse("quality_local_gaps_report")
    client.force_login(editor_of("helse-bergen"))
    found = rows(client, url)
    assert set(found) == {"Koloskopi", "Tilbaketrukket"}
    assert "Ingen lokal tekst: Utredning, Behandling, Oppfølging" in found["Koloskopi"][2]
    assert "Nasjonal behandling avpublisert" in found["Tilbaketrukket"][2]
    assert set(rows(client, url, problem="unpublished")) == {"Tilbaketrukket"}
    client.force_login(editor_of("oslo-universitetssykehus"))
    assert rows(client, url) == {}


def test_readability_report(client, bergen, portal):
    sync_site_groups()
    hard = "<p>Behandlingsforløpet innebærer omfattende undersøkelser, blodprøver og samtaler.</p>"
    easy = {"summary": "Kort.", "referral": "<p>Ta med mat.</p>", "before": "", "during": ""}
    lett = TreatmentFactory(title="Lett", after="", **easy)
    offer(bergen[2], lett, local_before="<p>Du får mat. Ta med deg.</p>")
    offer(bergen[2], TreatmentFactory(title="Tung", after="", **easy), local_before=hard)
    client.force_login(editor_of("helse-bergen"))
    url = reverse("quality_readability_report")
    found = rows(client, url)
    assert list(found) == ["Tung", "Lett"]  # hardest first
    # 7 words, 6 long, 1 sentence: 7 + 85.7
    assert found["Tung"][1:3] == ["93", "svært vanskelig"]
    assert list(rows(client, url, above_target="true")) == ["Tung"]


@pytest.mark.parametrize(("slug", "view"), REPORTS, ids=[slug for slug, _view in REPORTS])
def test_reports_cost_the_same_queries_for_one_site_or_four(
    client, portal, bergen, slug, view, django_assert_max_num_queries
):
    sync_site_groups()
    site_with_findings("helse-bergen", home=bergen[2])
    client.force_login(board_member())
    url = reverse(view.index_url_name)
    assert client.get(url).status_code == 200  # warms per-process caches
    with django_assert_max_num_queries(40) as one_site:
        client.get(url)
    for other in ("ahus", "sykehuset-innlandet", "helse-stavanger"):
        site_with_findings(other)
    sync_site_groups()
    with django_assert_max_num_queries(len(one_site.captured_queries)):
        assert client.get(url).status_code == 200
    for export in ("csv", "xlsx"):
        assert client.get(url, {"export": export}).status_code == 200
