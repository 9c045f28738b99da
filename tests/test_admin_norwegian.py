"""The admin is Norwegian for an editor who chooses Bokmål or nynorsk: every text Wagtail and
wagtail-localize use on the editors' main screens has a translation (ours in
fnsp_site/locale where theirs is missing or wrong), and nynorsk is offered.

Which texts a screen uses is recorded while it renders, from Django's gettext itself, so the
test names whatever a new Wagtail version adds instead of a hand-kept list of screens' words.
"""

import json
import re
from pathlib import Path

import polib
import pytest
import wagtail
import wagtail_localize
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.translation import trans_real
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from core.factories import UserFactory
from home.factories import ContentPageFactory
from home.groups import NATIONAL_EDITORS, sync_site_groups
from tests.helpers import soup, translate
from tests.research.localize import translate_with_localize
from treatments.factories import TreatmentFactory, offer

pytestmark = pytest.mark.django_db

# Looked up but never shown: django-filter passes each lookup name through gettext.
NOT_SHOWN = {"exact"}


@pytest.fixture
def lookups(monkeypatch):
    """Every msgid looked up through Django's translations while the test runs."""
    seen = set()
    gettext, ngettext = trans_real.DjangoTranslation.gettext, trans_real.DjangoTranslation.ngettext

    def recording_gettext(self, message):
        seen.add(message)
        return gettext(self, message)

    def recording_ngettext(self, singular, plural, number):
        seen.add(singular)
        return ngettext(self, singular, plural, number)

    monkeypatch.setattr(trans_real.DjangoTranslation, "gettext", recording_gettext)
    monkeypatch.setattr(trans_real.DjangoTranslation, "ngettext", recording_ngettext)
    return seen


def translated(language, msgid):
    """Whether `language`'s catalogues (or the Bokmål ones it falls back to) have `msgid`."""
    translation = trans_real.translation(language)
    while translation is not None:
        catalog = getattr(translation, "_catalog", None)
        if catalog is not None and (msgid in catalog or (msgid, 0) in catalog):
            return True
        translation = getattr(translation, "_fallback", None)
    return False


def editor(language, *groups):
    user = UserFactory(groups=[Group.objects.get(name=name) for name in groups])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def screens(portal, bergen):
    """The admin URLs an editor spends the day on, with the national treatment in review."""
    home = bergen[2]
    treatment = TreatmentFactory(title="Gastroskopi")
    page = offer(home, treatment)
    treatment.save_revision()
    treatment.get_workflow().start(treatment, UserFactory(is_superuser=True))
    translate(home, "en", title="Helse Bergen")
    content = ContentPageFactory(parent=home, title="Parkering", slug="parkering")
    english = translate_with_localize(content, "en", {"Parkering": "Parking"})
    source, _created = TranslationSource.get_or_create_from_instance(content)
    sync_site_groups()  # after the English root exists, so the editors may edit below it
    snippet = "wagtailsnippets_treatments_treatment"
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "explorer": reverse("wagtailadmin_explore", args=[page.get_parent().pk]),
        "page edit": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "page add": reverse("wagtailadmin_pages:add", args=["home", "contentpage", home.pk]),
        "translation editor": reverse("wagtailadmin_pages:edit", args=[english.pk]),
        "update translations": reverse("wagtail_localize:update_translations", args=[source.pk]),
        "treatment listing": reverse(f"{snippet}:list"),
        "treatment add": reverse(f"{snippet}:add"),
        "treatment edit, in review": reverse(f"{snippet}:edit", args=[treatment.pk]),
        "treatment read-only": reverse(f"{snippet}:inspect", args=[treatment.pk]),
        "treatment chooser": reverse("wagtailsnippetchoosers_treatments_treatment:choose"),
        "account": reverse("wagtailadmin_account"),
    }


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_the_editors_screens_have_no_english_left(client, screens, lookups, language):
    client.force_login(editor(language, NATIONAL_EDITORS, "helse-bergen redaktør"))
    untranslated = {}
    # The screens, then the add forms sent back with errors.
    requests = [(name, url, None) for name, url in screens.items()] + [
        ("page add, with errors", screens["page add"], {"action-publish": "1", "body-count": "0"}),
        ("treatment add, with errors", screens["treatment add"], {"action-publish": "1"}),
    ]
    for name, url, data in requests:
        lookups.clear()
        response = client.get(url) if data is None else client.post(url, data)
        assert response.status_code == 200, name
        missing = {
            msgid
            for msgid in lookups - NOT_SHOWN
            if re.search(r"[A-Za-z]", msgid) and not translated(language, msgid)
        }
        if missing:
            untranslated[name] = sorted(missing)
    assert untranslated == {}, json.dumps(untranslated, indent=1)


def test_the_wagtail_typos_and_mixed_workflow_labels_are_gone(client, screens):
    client.force_login(editor("nb", NATIONAL_EDITORS, "helse-bergen redaktør"))
    add = client.get(screens["page add"]).content.decode()
    assert "Tiittel" not in add
    assert "Sidens tittel slik den vises offentlig" in add

    menu = soup(client.get(screens["treatment edit, in review"]))
    actions = {
        " ".join(button.get_text().split())
        for button in menu.select("button[data-workflow-action-name]")
    }
    assert {"Be om endringer", "Godkjenn og publiser", "Godkjenn med kommentar og publiser"} <= (
        actions
    )

    client.force_login(editor("nn", NATIONAL_EDITORS))
    menu = soup(client.get(screens["treatment edit, in review"]))
    actions = {
        " ".join(button.get_text().split())
        for button in menu.select("button[data-workflow-action-name]")
    }
    assert "Be om endringar" in actions


@pytest.fixture
def groups(portal):
    sync_site_groups()


def test_nynorsk_is_offered_as_the_admin_language(client, groups):
    client.force_login(editor("nb", NATIONAL_EDITORS))
    form = soup(client.get(reverse("wagtailadmin_account")))
    choices = {option["value"] for option in form.select("select[name$=preferred_language] option")}
    assert {"nb", "nn", "en"} <= choices


def english_msgids(package, domain="djangojs"):
    path = Path(package.__file__).parent / "locale/en/LC_MESSAGES" / f"{domain}.po"
    return {entry.msgid for entry in polib.pofile(str(path)) if not entry.obsolete}


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_the_script_catalogues_are_complete(client, groups, language):
    """The texts of Wagtail's editor scripts and of wagtail-localize's translation editor."""
    client.force_login(editor(language, NATIONAL_EDITORS))
    for url, package in [
        (reverse("wagtailadmin_javascript_catalog"), wagtail.admin),
        (reverse("wagtail_localize:javascript_catalog"), wagtail_localize),
    ]:
        script = client.get(url).content.decode()
        found = re.search(r"const newcatalog = (\{.*?\});\s*for \(const key", script, re.S)
        catalog = json.loads(found[1])
        assert sorted(english_msgids(package) - set(catalog)) == [], url


def test_the_overrides_never_change_the_projects_own_texts():
    """LOCALE_PATHS wins over every catalogue, the public pages' too."""
    base = Path(__file__).resolve().parent.parent
    for language in ("nb", "nn"):
        overrides = {
            entry.msgid
            for entry in polib.pofile(
                str(base / f"fnsp_site/locale/{language}/LC_MESSAGES/django.po")
            )
        }
        for path in base.glob(f"*/locale/{language}/LC_MESSAGES/django.po"):
            if path.parts[-5] != "fnsp_site":
                assert not overrides & {entry.msgid for entry in polib.pofile(str(path))}, path


def test_a_translated_page_opens_wagtail_localizes_editor(client, screens):
    client.force_login(editor("nb", "helse-bergen redaktør"))
    response = client.get(screens["translation editor"])
    assert response.templates[0].name == "wagtail_localize/admin/edit_translation.html"
    assert Locale.objects.filter(language_code="en").exists()


def test_the_login_page_is_norwegian(client):
    """Wagtail's password field has no label, so Django showed its name, "Password", among the
    Norwegian labels (not a lookup, so the recording tests above cannot see it)."""
    labels = [
        " ".join(label.get_text(" ", strip=True).rstrip("*").split())
        for label in soup(client.get(reverse("wagtailadmin_login"))).select("label")
    ]
    assert labels == ["Brukernavn", "Passord", "Husk meg"]
