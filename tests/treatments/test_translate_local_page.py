"""Translating a hospital's treatment page with wagtail-localize never touches the national
treatment it points at (issue 16, point 1): the national board owns those translations."""

import pytest
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from core.factories import UserFactory
from tests.helpers import get, soup, translate
from treatments.factories import TreatmentFactory, offer
from treatments.models import Treatment, TreatmentPage

pytestmark = pytest.mark.django_db


def test_translating_a_local_page_keeps_the_national_english_text_published(client, bergen):
    trust, _site, home = bergen
    english_home = translate(home, "en", title=trust.name)
    treatment = TreatmentFactory(title="Gastroskopi", summary="Kikkertundersøkelse.")
    english_treatment = translate(treatment, "en", title="Gastroscopy", summary="Endoscopy.")
    page = offer(home, treatment, local_before="<p>Møt i inngang B.</p>")
    page.save_revision().publish()
    translate(page.get_parent(), "en", title="Treatments", slug="treatments")
    english = Locale.objects.get(language_code="en")
    user = UserFactory(is_superuser=True, is_staff=True)

    # What the admin's "Translate" action does: the page and its related objects, as drafts.
    TranslationCreator(user, [english]).create_translations(page)

    english_treatment.refresh_from_db()
    assert english_treatment.live
    assert english_treatment.title == "Gastroscopy"
    assert Treatment.objects.filter(locale=english).count() == 1
    translated = TreatmentPage.objects.get(locale=english)
    assert translated.treatment_id == treatment.pk

    # Publishing the translation passes the page's checks and shows the English national text.
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=english
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(user=user, publish=True)
    translated.refresh_from_db()
    assert translated.live
    assert english_home.get_url()  # the English tree is served
    html = soup(get(client, translated.get_url(), "helse-bergen")).main.get_text()
    assert "Endoscopy." in html


def test_a_refused_translation_names_its_error(client, bergen):
    """wagtail-localize reports a failed publish as "New validation errors were found" only;
    the editor also sees what was refused, on which field."""
    trust, _site, home = bergen
    translate(home, "en", title=trust.name)
    treatment = TreatmentFactory(title="Gastroskopi")
    page = offer(home, treatment)
    page.save_revision().publish()
    translate(page.get_parent(), "en", title="Treatments", slug="treatments")
    user = UserFactory(is_superuser=True, is_staff=True)
    TranslationCreator(user, [Locale.objects.get(language_code="en")]).create_translations(page)
    translated = TreatmentPage.objects.get(locale__language_code="en")
    treatment.unpublish()

    client.force_login(user)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[translated.pk]), {"action": "publish"}, follow=True
    )
    assert response.status_code == 200
    shown = [str(message) for message in response.context["messages"]]
    assert "Nasjonal behandling: Denne nasjonale behandlingen er ikke publisert." in shown
    # wagtail-localize's own summary, in Norwegian (fnsp_site/locale), with no escaped quotes.
    assert any(
        m.startswith("Nye valideringsfeil ble funnet da «Gastroskopi» skulle") for m in shown
    )
    translated.refresh_from_db()
    assert not translated.live


def test_a_refused_snippet_translation_names_its_error(client, db):
    """The same for a national treatment whose English slug is already taken."""
    english = Locale.objects.get(language_code="en")
    TreatmentFactory(title="Gastroscopy", slug="gastroscopy", locale=english)
    treatment = TreatmentFactory(title="Gastroskopi", slug="gastroskopi")
    user = UserFactory(is_superuser=True, is_staff=True)
    TranslationCreator(user, [english]).create_translations(treatment)
    translated = Treatment.objects.get(locale=english, translation_key=treatment.translation_key)
    slug = StringSegment.objects.get(
        source__object_id=treatment.translation_key, context__path="slug"
    )
    StringTranslation.objects.create(
        translation_of=slug.string, locale=english, context=slug.context, data="gastroscopy"
    )

    client.force_login(user)
    response = client.post(
        reverse("wagtailsnippets_treatments_treatment:edit", args=[translated.pk]),
        {"action": "publish"},
        follow=True,
    )
    assert response.status_code == 200
    shown = [str(message) for message in response.context["messages"]]
    # The database refused it before Wagtail validated it: this was a server error.
    assert "Kortnavn (slug): En annen nasjonal behandling bruker allerede denne slugen." in shown
    translated.refresh_from_db()
    assert translated.slug == "gastroskopi"
