"""Researchers and navigation menus belong to a site (or, with no site, to the nation): the
listings, choosers and forms show an editor only what they may use, and the upgrade assigns
what exists to the site that shows it. What each role may change is in
tests/test_permission_matrix.py."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from core.factories import UserFactory, set_menu
from core.models import NavigationMenu, SiteSettings
from home.factories import ContentPageFactory
from home.groups import NATIONAL_EDITORS, editor_group_name, sync_site_groups, webmaster_group_name
from research.factories import PersonFactory, make_group
from research.models import Person
from tests.helpers import admin_form_post, soup, translate
from treatments.factories import TreatmentFactory

pytestmark = pytest.mark.django_db

BERGEN, OUS = "helse-bergen", "oslo-universitetssykehus"


@pytest.fixture
def world(portal, bergen, ous):
    _t, bergen_site, bergen_home = bergen
    _t, ous_site, ous_home = ous
    sync_site_groups()
    return {
        "sites": {BERGEN: bergen_site, OUS: ous_site},
        "homes": {BERGEN: bergen_home, OUS: ous_home},
        "people": {
            BERGEN: PersonFactory(name="Bergensforsker", site=bergen_site),
            OUS: PersonFactory(name="Oslo-forsker", site=ous_site),
            None: PersonFactory(name="Nasjonal forsker", site=None),
        },
    }


def member(name):
    return UserFactory(groups=[Group.objects.get(name=name)])


def texts(response, selector):
    return {element.get_text(" ", strip=True) for element in soup(response).select(selector)}


def site_choices(response):
    return {option["value"] for option in soup(response).select("select[name=site] option")}


def test_an_editor_lists_and_chooses_their_sites_and_the_national_researchers(client, world):
    client.force_login(member(editor_group_name(BERGEN)))
    listing = " ".join(texts(client.get(reverse("wagtailsnippets_research_person:list")), "td"))
    chooser = client.get(reverse("wagtailsnippetchoosers_research_person:choose"))
    chosen = " ".join(texts(chooser, "td"))
    for shown in (listing, chosen):
        assert "Bergensforsker" in shown and "Nasjonal forsker" in shown
        assert "Oslo-forsker" not in shown


def test_the_site_field_offers_the_editors_own_site_and_national_only_to_the_board(client, world):
    url = reverse("wagtailsnippets_research_person:add")
    client.force_login(member(editor_group_name(BERGEN)))
    assert site_choices(client.get(url)) == {"", str(world["sites"][BERGEN].pk)}
    # Sent without a site, or with another site's, the form says so and saves nothing.
    for site in ("", str(world["sites"][OUS].pk)):
        response = client.post(url, {"name": "Ny forsker", "title": "", "url": "", "site": site})
        assert response.status_code == 200
        assert soup(response).select(".error-message, .w-field__errors")
    assert not Person.objects.filter(name="Ny forsker").exists()

    client.force_login(member(NATIONAL_EDITORS))
    assert site_choices(client.get(url)) == {""}  # national


def test_a_webmaster_chooses_and_sets_only_their_sites_menu(client, world):
    page = ContentPageFactory(parent=world["homes"][BERGEN])
    bergen_menu = set_menu(world["sites"][BERGEN], [page], title="Hovedmeny Bergen")
    ous_menu = set_menu(world["sites"][OUS], [], title="Hovedmeny OUS")
    client.force_login(member(webmaster_group_name(BERGEN)))
    chooser = client.get(reverse("wagtailsnippetchoosers_core_navigationmenu:choose"))
    assert "Hovedmeny Bergen" in " ".join(texts(chooser, "td"))
    assert "Hovedmeny OUS" not in " ".join(texts(chooser, "td"))

    url = reverse("wagtailsettings:edit", args=["core", "sitesettings", world["sites"][BERGEN].pk])
    response = client.post(
        url, admin_form_post(client, url, SiteSettings, main_navigation=str(ous_menu.pk))
    )
    assert response.status_code == 200
    assert "hører til et annet nettsted" in " ".join(
        texts(response, ".error-message, .w-field__errors")
    )
    assert SiteSettings.for_site(world["sites"][BERGEN]).main_navigation == bergen_menu


def test_translate_is_offered_only_where_it_is_allowed(client, world):
    TreatmentFactory(title="Gallesteinsoperasjon")
    url = reverse("wagtailsnippets_treatments_treatment:list")
    translate_url = reverse("wagtail_localize:submit_snippet_translation", args=["a", "b", "0"])
    prefix = translate_url.removesuffix("a/b/0/")

    def offered(user):
        client.force_login(user)
        links = soup(client.get(url)).select("a[href]")
        return any(link["href"].startswith(prefix) for link in links)

    assert not offered(member(editor_group_name(BERGEN)))
    assert offered(member(NATIONAL_EDITORS))


def test_a_webmaster_translates_their_sites_menu_and_no_other(client, world):
    english = Locale.objects.get(language_code="en")
    menus = {
        slug: set_menu(world["sites"][slug], [], title=f"Meny {slug}") for slug in (BERGEN, OUS)
    }
    for slug, menu in menus.items():
        client.force_login(member(webmaster_group_name(slug)))
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["core", "navigationmenu", menu.pk],
        )
        assert client.post(url, {"locales": [english.pk]}).status_code == 302

    client.force_login(member(webmaster_group_name(BERGEN)))

    def edit_title(slug):
        translation = Translation.objects.get(
            source__object_id=menus[slug].translation_key, target_locale=english
        )
        segment = StringSegment.objects.get(source=translation.source, context__path="title")
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        return client.put(url, "value=Main menu", content_type="application/x-www-form-urlencoded")

    assert edit_title(BERGEN).status_code == 201  # the string translation, created
    assert edit_title(OUS).status_code == 403


def test_an_editor_syncs_the_translations_of_their_sites_pages_only(client, world):
    english = Locale.objects.get(language_code="en")
    superuser = UserFactory(is_superuser=True)
    sources = {}
    for slug, home in world["homes"].items():
        translate(home, "en")
        page = ContentPageFactory(parent=home)
        translate_object(page, [english], user=superuser)
        sources[slug] = TranslationSource.objects.get_for_instance(page)
    client.force_login(member(editor_group_name(BERGEN)))

    def sync(slug):
        return client.get(reverse("wagtail_localize:update_translations", args=[sources[slug].pk]))

    assert sync(BERGEN).status_code == 200
    refused = sync(OUS)  # Wagtail's "no permission": back to the dashboard with a message
    assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))


def migration(app, name):
    return importlib.import_module(f"{app}.migrations.{name}")


def test_the_upgrade_gives_each_researcher_the_site_that_shows_them(world):
    Person.objects.update(site=None)
    bergen, english, both, _nowhere = (PersonFactory(name=name) for name in "ABCD")
    make_group(world["homes"][BERGEN], members=[bergen, both])
    # A group under the site's English root is on the same site.
    make_group(translate(world["homes"][BERGEN], "en"), members=[english])
    make_group(world["homes"][OUS], members=[both])

    migration("research", "0003_site_owner").assign_people_to_sites(apps, None)

    sites = dict(Person.objects.filter(name__in="ABCD").values_list("name", "site_id"))
    bergen_site = world["sites"][BERGEN].pk
    assert sites == {"A": bergen_site, "B": bergen_site, "C": None, "D": None}


def test_the_upgrade_gives_each_menu_and_its_translations_the_site_that_chooses_it(world):
    chosen = set_menu(world["sites"][BERGEN], [], title="Valgt")
    english = chosen.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save()
    unused = NavigationMenu.objects.create(title="Ubrukt", site=world["sites"][OUS])
    NavigationMenu.objects.update(site=None)

    migration("core", "0003_site_owner").assign_menus_to_sites(apps, None)

    bergen = world["sites"][BERGEN].pk
    sites = dict(NavigationMenu.objects.values_list("pk", "site_id"))
    assert sites == {chosen.pk: bergen, english.pk: bergen, unused.pk: None}
