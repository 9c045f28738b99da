"""The national text is read at render time: written once, shown everywhere at once."""

import pytest

from tests.helpers import get_ok, soup
from treatments.factories import TreatmentFactory, offer, publish_revision, save_draft

pytestmark = pytest.mark.django_db


def test_publishing_a_revision_changes_every_local_page_and_a_draft_shows_on_none(
    client, bergen, ous
):
    treatment = TreatmentFactory(title="Gastroskopi", before="<p>Faste i seks timer.</p>")
    bergen_page = offer(bergen[2], treatment, local_before="<p>Møt i Haukeland, inngang B.</p>")
    offer(ous[2], treatment, local_before="<p>Møt på Ullevål, bygg 3.</p>")

    html = get_ok(client, "/behandlinger/gastroskopi/", "helse-bergen").text
    assert "Faste i seks timer." in html and "Møt i Haukeland, inngang B." in html
    assert (
        "Faste i seks timer."
        in get_ok(client, "/behandlinger/gastroskopi/", "oslo-universitetssykehus").text
    )

    save_draft(treatment, before="<p>UTKAST: faste i åtte timer.</p>")
    for slug in ("helse-bergen", "oslo-universitetssykehus"):
        html = get_ok(client, "/behandlinger/gastroskopi/", slug).text
        assert "UTKAST" not in html
        assert "Faste i seks timer." in html

    publish_revision(treatment, before="<p>Faste i åtte timer.</p>")
    bergen_html = get_ok(client, "/behandlinger/gastroskopi/", "helse-bergen").text
    ous_html = get_ok(client, "/behandlinger/gastroskopi/", "oslo-universitetssykehus").text
    for html in (bergen_html, ous_html):
        assert "Faste i åtte timer." in html
        assert "Faste i seks timer." not in html
    # The local additions are untouched and the local pages were not republished.
    assert "Møt i Haukeland, inngang B." in bergen_html
    assert "Møt på Ullevål, bygg 3." in ous_html
    bergen_page.refresh_from_db()
    assert bergen_page.revisions.count() == 0


def test_local_text_is_shown_directly_under_the_national_text_of_its_stage(client, bergen):
    treatment = TreatmentFactory(
        title="Koloskopi", during="<p>Nasjonal: undersøkelsen tar 30 min.</p>"
    )
    offer(bergen[2], treatment, local_during="<p>Lokalt: parker i P-hus 2.</p>")
    page = soup(get_ok(client, "/behandlinger/koloskopi/", "helse-bergen"))
    stage = page.find("section", attrs={"aria-labelledby": "stage-during"})
    assert stage.h2.get_text(strip=True) == "Under"
    national, local = stage.find(class_="national-text"), stage.find(class_="local-text")
    assert "Nasjonal: undersøkelsen tar 30 min." in national.get_text()
    assert "Lokalt: parker i P-hus 2." in local.get_text()
    assert national.find_next_sibling(class_="local-text") is local
    headings = [h2.get_text(strip=True) for h2 in page.select("section.journey-stage h2")]
    assert headings == ["Henvisning og vurdering", "Før", "Under", "Etter"]
