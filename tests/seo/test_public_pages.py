"""The last gaps of the public pages (issue 20, point 5) that the server decides: the
portal's links to the national sections, Norwegian text marked lang="nb" on English and Sami
pages, the nynorsk fallback notes, feedback and print on treatment pages, 113 as a link."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.factories import set_menu
from home.factories import (
    ContentPageFactory,
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    make_hospital,
    make_portal,
)
from home.models import PageFeedback
from tests.content.test_banners import banner, set_banners
from tests.helpers import get_ok, soup, translate
from treatments.factories import TreatmentFactory, TreatmentIndexPageFactory, offer
from trials.factories import TrialIndexPageFactory

BERGEN = "helse-bergen"


@pytest.fixture
def bergen_site(db):
    make_portal()
    return make_hospital(
        BERGEN, emergency_notice="Ved livstruende sykdom eller skade: ring 113 straks."
    )


def test_the_portal_home_links_to_the_national_treatments_and_trials(client, db):
    portal = make_portal()
    TreatmentIndexPageFactory(parent=portal, title="Behandlinger", slug="behandlinger")
    TrialIndexPageFactory(parent=portal)
    main = soup(get_ok(client, "/")).main
    links = {a.get_text(strip=True): a["href"] for a in main.find_all("a")}
    assert links["Undersøkelser og behandlinger A–Å"] == "/behandlinger/"
    assert links["Kliniske studier"] == "/kliniske-studier/"


def test_the_emergency_number_is_a_phone_link(client, bergen_site):
    line = soup(get_ok(client, "/", BERGEN)).select_one(".emergency p")
    assert line.a["href"] == "tel:113" and line.a.get_text() == "113"
    assert line.get_text() == "Ved livstruende sykdom eller skade: ring 113 straks."
    assert line.get("lang") is None  # a Bokmål page


def test_bokmal_text_on_english_and_sami_pages_is_marked_norwegian(client, bergen_site):
    _trust, site, home = bergen_site
    now = timezone.now()
    set_banners(site, banner("Besøksstans i dag", now - timedelta(hours=1), now + timedelta(1)))
    departments = DepartmentIndexPageFactory(parent=home)
    department = DepartmentPageFactory(parent=departments, title="Hjerteavdelingen", slug="hjerte")
    treatment = TreatmentFactory(
        title="Hjerteoperasjon", slug="hjerteoperasjon", warning="<p>Ring lege ved feber.</p>"
    )
    page = offer(
        home,
        treatment,
        contact_cards=[("contact", {"department": department, "location": None, "title": ""})],
    )
    translate(home, "en", title="Helse Bergen")
    translate(home, "se", title="Helse Bergen")
    translate(page.get_parent(), "en", slug="treatments")
    translate(page.get_parent(), "se", slug="dikshut")
    translate(page, "en", title="Heart surgery", slug="heart-surgery")
    translate(page, "se", title="Váibmodikšu", slug="vaibmodiksu")

    for path, language in [
        ("/en/treatments/heart-surgery/", "en"),
        ("/se/dikshut/vaibmodiksu/", "se"),
    ]:
        html = soup(get_ok(client, path, BERGEN))
        assert html.html["lang"] == language
        assert html.select_one(".alert-banner span")["lang"] == "nb", path
        assert html.select_one(".emergency p")["lang"] == "nb", path
        # The national text has no English or Sami version: shown in Bokmål, warning included.
        assert html.select_one(".warning-box div")["lang"] == "nb", path
        card = html.select_one(".contact-card")
        assert card.select_one(".box-heading")["lang"] == "nb", path
        assert card.select_one(".contact-card__phone").find_parent("dd").span["lang"] == "nb"
        # The interface: English on English pages, Bokmål (the Sami catalogue repeats it) on
        # Sami pages.
        interface = "nb" if language == "se" else None
        assert html.select_one(".skip-link").get("lang") == interface, path
        assert html.select_one(".site-footer").get("lang") == interface, path
        assert html.select_one(".feedback").get("lang") == interface, path
    bokmal = soup(get_ok(client, "/behandlinger/hjerteoperasjon/", BERGEN))
    assert bokmal.select_one(".alert-banner span").get("lang") is None
    assert bokmal.select_one(".contact-card .box-heading").get("lang") is None


def test_nynorsk_pages_say_a_fallback_is_in_bokmal(client, bergen_site):
    _trust, site, home = bergen_site
    about = ContentPageFactory(parent=home, title="Om oss", slug="om-oss")
    set_menu(site, [about])
    translate(home, "nn", title="Helse Bergen")
    note = soup(get_ok(client, "/nn/", BERGEN)).select_one(".fallback-note")
    assert note.get_text() == "(menyen finst berre på bokmål)"


def test_treatment_pages_ask_for_feedback_and_offer_a_print_button(client, bergen_site):
    _trust, _site, home = bergen_site
    page = offer(home, TreatmentFactory(title="Kneprotese", slug="kneprotese"))
    html = soup(get_ok(client, "/behandlinger/kneprotese/", BERGEN))
    feedback = html.select_one("section.feedback")
    assert feedback.legend.get_text(strip=True) == "Fant du det du lette etter?"
    # Shown by the site's script (core/js/fnsp.js), no inline script.
    button = html.select_one("button[data-fnsp-print]")
    assert button.get_text() == "Skriv ut siden" and button.has_attr("hidden")
    assert not [s for s in html.find_all("script") if s.string and s.get("type") is None]
    response = client.post(
        "/tilbakemelding/", {"page": page.pk, "answer": "yes"}, HTTP_HOST=f"{BERGEN}.localhost"
    )
    assert response.status_code == 303
    assert PageFeedback.objects.get().page_id == page.pk
