"""Role × item: the admin's JSON listings (Wagtail's admin API for images, documents and pages,
wagtail-localize's snippet listing) name only what the user may choose; a collection private
to "any logged-in user" is confined to the groups with rights on it by `sync_site_groups`."""

import pytest
import wagtail_factories
from django.contrib.auth.models import Group, Permission
from django.test import Client
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction

from core.factories import UserFactory, set_menu
from core.models import Region
from home.factories import ContentPageFactory, make_hospital, make_portal
from home.groups import (
    NATIONAL_EDITORS,
    editor_group_name,
    regional_group_name,
    sync_site_groups,
    webmaster_group_name,
)
from sharing.groups import HEALTH_PERSONNEL

pytestmark = pytest.mark.django_db

ROLES = {
    "bergen editor": lambda: [editor_group_name("helse-bergen")],
    "bergen webmaster": lambda: [webmaster_group_name("helse-bergen")],
    "stolav editor": lambda: [editor_group_name("stolav")],
    "helse vest editor": lambda: [regional_group_name(Region.objects.get(slug="helse-vest"))],
    "national editor": lambda: [NATIONAL_EDITORS],
    "staff without group": lambda: [],
}
# Which role may choose which item; superusers choose everything.
CHOOSES = {
    "bergen editor": {"bergen", "bergen-private"},
    "bergen webmaster": {"bergen", "bergen-private"},
    "stolav editor": {"stolav", "stolav-private"},
    "helse vest editor": {"bergen", "bergen-private"},
    "national editor": set(),
    "staff without group": set(),
}
ITEMS = ("bergen", "bergen-private", "stolav", "stolav-private", "root")


@pytest.fixture
def world(db):
    make_portal()
    sites = {slug: make_hospital(slug) for slug in ("helse-bergen", "stolav")}
    sync_site_groups()
    collections = {
        "bergen": Collection.objects.get(name=sites["helse-bergen"][0].name),
        "stolav": Collection.objects.get(name=sites["stolav"][0].name),
        "root": Collection.get_first_root_node(),
    }
    for slug in ("bergen", "stolav"):
        private = collections[slug].add_child(name=f"{slug} internt")
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type=BaseViewRestriction.LOGIN
        )
        collections[f"{slug}-private"] = private
    images = {
        key: wagtail_factories.ImageFactory(title=f"bilde {key}", collection=collection)
        for key, collection in collections.items()
    }
    documents = {
        key: wagtail_factories.DocumentFactory(title=f"dokument {key}", collection=collection)
        for key, collection in collections.items()
    }
    pages = {
        "bergen": ContentPageFactory(parent=sites["helse-bergen"][2], title="Bergen side"),
        "stolav": ContentPageFactory(parent=sites["stolav"][2], title="St. Olavs side"),
    }
    return {"images": images, "documents": documents, "pages": pages}


def client_for(role, *group_names):
    if role == "superuser":
        user = UserFactory(is_superuser=True)
    else:
        names = ROLES[role]() if role in ROLES else list(group_names)
        user = UserFactory(groups=list(Group.objects.filter(name__in=names)))
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def listed(client, endpoint):
    response = client.get(f"/admin/api/main/{endpoint}/")
    assert response.status_code == 200
    return {item["title"] for item in response.json()["items"]}


@pytest.mark.parametrize("endpoint", ["images", "documents"])
@pytest.mark.parametrize("role", [*ROLES, "superuser"])
def test_the_admin_api_lists_only_what_the_user_may_choose(world, role, endpoint):
    noun = "bilde" if endpoint == "images" else "dokument"
    expected = set(ITEMS) if role == "superuser" else CHOOSES[role]
    assert listed(client_for(role), endpoint) == {f"{noun} {key}" for key in expected}


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_another_sites_private_item_is_not_found_by_id(world, endpoint):
    key = "images" if endpoint == "images" else "documents"
    item = world[key]["stolav-private"]
    client = client_for("bergen editor")
    assert client.get(f"/admin/api/main/{endpoint}/{item.pk}/").status_code == 404
    own = world[key]["bergen-private"]
    assert client.get(f"/admin/api/main/{endpoint}/{own.pk}/").status_code == 200


def test_the_page_api_lists_only_the_users_own_sites_pages(world):
    titles = listed(client_for("bergen editor"), "pages")
    assert "Bergen side" in titles
    assert "St. Olavs side" not in titles


def test_wagtail_localizes_snippet_listing_needs_a_right_on_the_model(world):
    set_menu(world["pages"]["bergen"].get_site(), [world["pages"]["bergen"]])
    set_menu(world["pages"]["stolav"].get_site(), [world["pages"]["stolav"]])
    url = "/admin/localize/api/snippets/core/navigationmenu/"
    webmaster = client_for("bergen webmaster").get(url)
    assert webmaster.status_code == 200
    sites = {item["title"] for item in webmaster.json()}
    assert len(sites) == 1 and "Bergen" in next(iter(sites))
    assert client_for("staff without group").get(url).status_code == 403


def test_a_login_restriction_on_a_collection_becomes_a_group_restriction(world):
    document = world["documents"]["stolav-private"]
    url = f"/documents/{document.pk}/{document.file.name.rsplit('/', 1)[-1]}"
    # Before: any logged-in account, a health professional of any trust too, opens it.
    health_personnel = client_for("health professional", HEALTH_PERSONNEL)
    assert health_personnel.get(url).status_code == 200

    report = sync_site_groups()

    assert report.restrictions_confined == 2
    restriction = CollectionViewRestriction.objects.get(collection__name="stolav internt")
    assert restriction.restriction_type == BaseViewRestriction.GROUPS
    assert set(restriction.groups.values_list("name", flat=True)) == {
        editor_group_name("stolav"),
        webmaster_group_name("stolav"),
        regional_group_name(Region.objects.get(slug="helse-midt-norge")),
    }
    assert health_personnel.get(url).status_code != 200
    assert client_for("bergen editor").get(url).status_code != 200
    assert client_for("stolav editor").get(url).status_code == 200
    assert sync_site_groups().restrictions_confined == 0


def test_the_privacy_dialog_offers_no_any_logged_in_user(world):
    collection = Collection.objects.get(name="bergen internt")
    CollectionViewRestriction.objects.filter(collection=collection).delete()
    client = client_for("superuser")
    url = f"/admin/collections/{collection.pk}/privacy/"
    assert 'value="login"' not in client.get(url).json()["html"]
    response = client.post(url, {"restriction_type": "login"})
    assert response.json()["step"] != "set_privacy_done"
    assert not CollectionViewRestriction.objects.filter(collection=collection).exists()
    group = Group.objects.get(name=editor_group_name("helse-bergen"))
    response = client.post(url, {"restriction_type": "groups", "groups": [group.pk]})
    assert response.json()["step"] == "set_privacy_done"
    assert list(CollectionViewRestriction.objects.get(collection=collection).groups.all()) == [
        group
    ]
