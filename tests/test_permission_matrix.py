"""Every role × action × own site / other site, through the admin as a browser does it.

The world (two hospital sites with an English and a Nynorsk tree each, a page, a researcher,
a menu and research groups on each, a national researcher and a national treatment, the groups
of `sync_site_groups` and one user per role) is built once for the module and rolled back after
it; each case runs in a transaction of its own. A case sends the real request, a complete and
valid form POST (as a superuser's browser would send it) wherever the action is a form, so that
the right is the only reason left to refuse it, and then reads the database: an allowed action
changed what it should, a refused one is a 403 (or Wagtail's redirect to the dashboard) and
changed nothing.

"Own" is Bergen's: the editor and webmaster are Bergen's. "Other" is St. Olavs'. "National" is
the national base, owned by no site. For research groups, "own" is the group editor's own group
on Bergen's site (with its English translation), "sibling" another group on Bergen's site.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page, Revision, WorkflowState

from core.factories import UserFactory, set_menu
from core.models import NavigationMenu, SiteSettings
from home.factories import ContentPageFactory, make_hospital, make_portal
from home.groups import NATIONAL_EDITORS, editor_group_name, sync_site_groups, webmaster_group_name
from home.models import ContentPage
from research.factories import PersonFactory, make_group, research_index
from research.groups import group_editors_name
from research.models import Person, ResearchGroupPage
from sharing.groups import HEALTH_PERSONNEL
from tests.helpers import admin_form_post
from treatments.factories import TreatmentFactory
from treatments.models import Treatment

pytestmark = pytest.mark.django_db

OWN, OTHER = "helse-bergen", "stolav"
CHANGED = "Endret av testen"

# What the site's editors and webmasters may do with their site's research groups.
SITE_GROUPS = {
    (action, where)
    for action in ("edit group", "publish group", "submit group", "translate group")
    for where in ("own", "sibling")
} | {("edit group translation", "own")}
# Which role may do what, and where. Anything not listed is refused.
ALLOWED = {
    "editor": {
        ("edit page", "own"),
        ("publish page", "own"),
        ("translate page", "own"),
        ("edit person", "own"),
        ("add person", "own"),
        *SITE_GROUPS,
    },
    "webmaster": {
        ("edit page", "own"),
        ("publish page", "own"),
        ("translate page", "own"),
        ("edit person", "own"),
        ("add person", "own"),
        ("edit menu", "own"),
        ("edit site settings", "own"),
        *SITE_GROUPS,
    },
    # Their own group's page in every language, submitted to the web team (Bergen does not
    # let groups publish directly); nothing else.
    "group editor": {
        ("edit group", "own"),
        ("edit group translation", "own"),
        ("submit group", "own"),
        ("translate group", "own"),
    },
    "national editor": {
        ("edit person", "national"),
        ("add person", "national"),
        ("edit national treatment", "national"),
        ("translate national treatment", "national"),
    },
    "health professional": set(),
    "staff without group": set(),
}
ACTIONS = {
    "edit page": ("own", "other"),
    "publish page": ("own", "other"),
    "translate page": ("own", "other"),
    "edit person": ("own", "other", "national"),
    "add person": ("own", "other", "national"),
    "edit menu": ("own", "other"),
    "edit site settings": ("own", "other"),
    "edit national treatment": ("national",),
    "translate national treatment": ("national",),
    "edit group": ("own", "sibling", "other"),
    "edit group translation": ("own",),
    "publish group": ("own", "sibling", "other"),
    "submit group": ("own", "sibling", "other"),
    "translate group": ("own", "sibling", "other"),
}
# Wagtail saves a draft, and publishes nothing, when someone who may edit but not publish
# presses "Publish": not refused, not done.
DRAFT_ONLY = {("group editor", "publish group", "own")}
CASES = [
    pytest.param(role, action, where, id=f"{role}-{action}-{where}".replace(" ", "_"))
    for role in ALLOWED
    for action, places in ACTIONS.items()
    for where in places
]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            # Wagtail caches the sites' root paths; the rollback removes those sites.
            cache.clear()


def build_world():
    make_portal()
    english = Locale.objects.get(language_code="en")
    nynorsk = Locale.objects.get(language_code="nn")
    world = {"sites": {}, "pages": {}, "people": {}, "menus": {}, "groups": {}}
    for where, slug in (("own", OWN), ("other", OTHER)):
        _trust, site, home = make_hospital(slug)
        section = research_index(home)
        for locale in (english, nynorsk):
            home.copy_for_translation(locale).save_revision().publish()
            section.copy_for_translation(locale).save_revision().publish()
        page = ContentPageFactory(parent=home, title="Besøkstider")
        world["sites"][where] = site
        world["pages"][where] = page
        world["groups"][where] = make_group(home, title=f"Gruppe {slug}")
        world["people"][where] = PersonFactory(name=f"Forsker {slug}", site=site)
        world["menus"][where] = set_menu(site, [page])
    world["people"]["national"] = PersonFactory(name="Nasjonal forsker", site=None)
    world["treatment"] = TreatmentFactory(title="Gallesteinsoperasjon")
    world["treatment"].save_revision().publish()
    world["groups"]["sibling"] = make_group(world["pages"]["own"].get_parent(), title="Søsken")
    own_group = world["groups"]["own"]
    world["groups"]["translation"] = own_group.copy_for_translation(english)
    world["groups"]["translation"].save_revision().publish()
    sync_site_groups()

    def member(group_name):
        return UserFactory(groups=[Group.objects.get(name=group_name)])

    world["users"] = {
        "editor": member(editor_group_name(OWN)),
        "webmaster": member(webmaster_group_name(OWN)),
        "national editor": member(NATIONAL_EDITORS),
        "health professional": member(HEALTH_PERSONNEL),
        "staff without group": UserFactory(is_staff=True),
        "group editor": member(group_editors_name(OWN, own_group)),
    }

    # The complete forms, as a superuser's browser sends them (see `admin_form_post`).
    client = Client()
    client.force_login(UserFactory(is_superuser=True))
    posts = world["posts"] = {}
    for where in ("own", "other"):
        page = world["pages"][where]
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        posts["edit page", where] = (url, admin_form_post(client, url, ContentPage, title=CHANGED))
        posts["publish page", where] = (
            url,
            admin_form_post(client, url, ContentPage, title=CHANGED, **{"action-publish": "1"}),
        )
        menu = world["menus"][where]
        url = reverse("wagtailsnippets_core_navigationmenu:edit", args=[menu.pk])
        posts["edit menu", where] = (
            url,
            admin_form_post(client, url, NavigationMenu, title=CHANGED),
        )
        url = reverse(
            "wagtailsettings:edit", args=["core", "sitesettings", world["sites"][where].pk]
        )
        posts["edit site settings", where] = (
            url,
            admin_form_post(client, url, SiteSettings, phone="22 22 22 22"),
        )
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        posts["translate page", where] = (url, {"locales": [english.pk]})
    for where, group in world["groups"].items():
        url = reverse("wagtailadmin_pages:edit", args=[group.pk])
        if where == "translation":
            posts["edit group translation", "own"] = (
                url,
                admin_form_post(client, url, ResearchGroupPage, title=CHANGED),
            )
            continue
        for action, extra in (
            ("edit group", {}),
            ("publish group", {"action-publish": "1"}),
            ("submit group", {"action-submit": "1"}),
        ):
            posts[action, where] = (
                url,
                admin_form_post(client, url, ResearchGroupPage, title=CHANGED, **extra),
            )
        url = reverse("wagtail_localize:submit_page_translation", args=[group.pk])
        posts["translate group", where] = (url, {"locales": [nynorsk.pk]})
    for where, person in world["people"].items():
        url = reverse("wagtailsnippets_research_person:edit", args=[person.pk])
        posts["edit person", where] = (url, admin_form_post(client, url, Person, name=CHANGED))
        url = reverse("wagtailsnippets_research_person:add")
        site = world["sites"].get(where)
        posts["add person", where] = (
            url,
            admin_form_post(client, url, Person, name=CHANGED, site=site.pk if site else ""),
        )
    treatment = world["treatment"]
    url = reverse("wagtailsnippets_treatments_treatment:edit", args=[treatment.pk])
    posts["edit national treatment", "national"] = (
        url,
        admin_form_post(client, url, Treatment, title=CHANGED),
    )
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["treatments", "treatment", treatment.pk],
    )
    posts["translate national treatment", "national"] = (url, {"locales": [english.pk]})
    return world


def done(world, action, where):
    """Whether the action's effect is in the database."""
    english = Locale.objects.get(language_code="en")
    if action in ("edit page", "publish page"):
        page = world["pages"][where]
        latest = Revision.page_revisions.filter(object_id=str(page.pk)).order_by("-pk").first()
        live_title = Page.objects.get(pk=page.pk).title
        if action == "publish page":
            return live_title == CHANGED
        return latest is not None and latest.content["title"] == CHANGED
    if action in ("edit group", "publish group", "edit group translation"):
        group = world["groups"]["translation" if action == "edit group translation" else where]
        latest = Revision.page_revisions.filter(object_id=str(group.pk)).order_by("-pk").first()
        if action == "publish group":
            return Page.objects.get(pk=group.pk).title == CHANGED
        return latest.content["title"] == CHANGED
    if action == "submit group":
        return WorkflowState.objects.filter(
            object_id=str(world["groups"][where].pk), status=WorkflowState.STATUS_IN_PROGRESS
        ).exists()
    if action == "translate group":
        nynorsk = Locale.objects.get(language_code="nn")
        return world["groups"][where].get_translation_or_none(nynorsk) is not None
    if action == "translate page":
        return world["pages"][where].get_translation_or_none(english) is not None
    if action == "edit person":
        return Person.objects.get(pk=world["people"][where].pk).name == CHANGED
    if action == "add person":
        site = world["sites"].get(where)
        return Person.objects.filter(name=CHANGED, site=site).exists()
    if action == "edit menu":
        return NavigationMenu.objects.get(pk=world["menus"][where].pk).title == CHANGED
    if action == "edit site settings":
        return SiteSettings.for_site(world["sites"][where]).phone == "22 22 22 22"
    if action == "edit national treatment":
        treatment = Treatment.objects.get(pk=world["treatment"].pk)
        return treatment.latest_revision.content["title"] == CHANGED
    if action == "translate national treatment":
        return world["treatment"].get_translation_or_none(english) is not None
    raise AssertionError(action)


def refused(response):
    # Wagtail's "no permission": a 403, or back to the dashboard with a message; a user
    # without admin access is sent to the login page. A form error would be a 200.
    return response.status_code == 403 or (
        response.status_code == 302
        and response["Location"].split("?")[0] in (reverse("wagtailadmin_home"), "/admin/login/")
    )


@pytest.mark.parametrize(("role", "action", "where"), CASES)
def test_permission_matrix(client, world, role, action, where):
    url, data = world["posts"][action, where]
    client.force_login(world["users"][role])
    response = client.post(url, data)
    if (role, action, where) in DRAFT_ONLY:
        assert response.status_code == 302, response.status_code
        assert not done(world, action, where)
    elif (action, where) in ALLOWED[role]:
        assert response.status_code == 302, response.status_code
        assert not refused(response)
        assert done(world, action, where)
    else:
        assert refused(response) or (action == "add person" and response.status_code == 200), (
            response.status_code,
            response.get("Location"),
        )
        assert not done(world, action, where)
