"""Per-site editor groups: an editor of site A cannot touch site B (2000+ editors)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_policy
from wagtail.models import Collection, GroupPagePermission, Locale, Page
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from core.factories import UserFactory
from home.factories import ContentPageFactory
from home.groups import NATIONAL_EDITORS, sync_site_groups
from tests.helpers import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def sites(portal, bergen, ous):
    _t, _s, bergen_home = bergen
    _t, _s, ous_home = ous
    bergen_page = ContentPageFactory(parent=bergen_home, title="Besøkstider Bergen")
    ous_page = ContentPageFactory(parent=ous_home, title="Besøkstider OUS")
    # A translated root must be covered too.
    english = bergen_home.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    sync_site_groups()
    return {
        "bergen_home": bergen_home,
        "bergen_page": bergen_page,
        "bergen_english_home": english,
        "ous_home": ous_home,
        "ous_page": ous_page,
    }


def member(name):
    return UserFactory(groups=[Group.objects.get(name=name)])


def test_sync_creates_the_groups_of_every_site_and_the_national_group(sites):
    names = set(Group.objects.values_list("name", flat=True))
    for slug in ["helse-bergen", "oslo-universitetssykehus", "portal"]:
        assert {f"{slug} redaktør", f"{slug} nettansvarlig"} <= names
    assert NATIONAL_EDITORS in names


def test_page_permissions_are_granted_on_site_roots_only(sites):
    group = Group.objects.get(name="helse-bergen redaktør")
    pages = set(GroupPagePermission.objects.filter(group=group).values_list("page_id", flat=True))
    assert pages == {sites["bergen_home"].pk, sites["bergen_english_home"].pk}
    codenames = set(
        GroupPagePermission.objects.filter(group=group).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames == {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}


def test_sync_is_idempotent_and_removes_rows_granted_by_hand(sites):
    report = sync_site_groups()
    assert (report.groups_created, report.permissions_added, report.permissions_removed) == (
        0,
        0,
        0,
    )
    group = Group.objects.get(name="helse-bergen redaktør")
    stray = GroupPagePermission.objects.create(
        group=group,
        page=sites["ous_page"],
        permission=GroupPagePermission.objects.filter(group=group).first().permission,
    )
    report = sync_site_groups()
    assert report.permissions_removed == 1
    assert not GroupPagePermission.objects.filter(pk=stray.pk).exists()


def test_permission_api_confines_an_editor_to_their_own_site(sites):
    editor = member("helse-bergen redaktør")
    own = sites["bergen_page"].permissions_for_user(editor)
    assert own.can_edit() and own.can_publish()
    assert sites["bergen_english_home"].permissions_for_user(editor).can_edit()
    other = sites["ous_page"].permissions_for_user(editor)
    assert not other.can_edit()
    assert not other.can_publish()
    assert not other.can_delete()
    assert not other.can_move()
    assert not sites["ous_home"].permissions_for_user(editor).can_add_subpage()


def publish_post(client, page, **changes):
    """The POST of `page`'s edit form as its editor's browser sends it, with `changes` and
    "Publish": every field the form renders, as a superuser sees it, plus the empty body the
    StreamField's JavaScript adds. Complete and valid, so permission is the only reason left to
    refuse it."""
    client.force_login(UserFactory(is_superuser=True))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    assert not page.body  # nothing for the StreamField to carry but its count
    fields = {**nested_form_data({"body": streamfield([])}), **changes, "action-publish": "1"}
    for name, value in fields.items():
        data[name] = value  # replaces (QueryDict.update would append)
    client.logout()
    return data


def test_admin_refuses_edit_publish_move_and_delete_of_another_sites_page(client, sites):
    ous_page = sites["ous_page"]
    title = ous_page.title
    edit_url = reverse("wagtailadmin_pages:edit", args=[ous_page.pk])
    data = publish_post(client, ous_page, title="Endret")
    editor = member("helse-bergen redaktør")
    client.force_login(editor)

    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=[sites["bergen_page"].pk])).status_code
        == 200
    )

    def refused(response):
        # Wagtail's "no permission": a 403, or back to the dashboard with a message. A saved
        # page redirects elsewhere (the explorer), a form error is a 200.
        return response.status_code == 403 or (
            response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
        )

    assert refused(client.get(edit_url))
    assert refused(client.post(edit_url, data))
    ous_page.refresh_from_db()
    assert (ous_page.title, ous_page.has_unpublished_changes) == (title, False)
    assert refused(client.get(reverse("wagtailadmin_pages:delete", args=[ous_page.pk])))
    assert refused(client.post(reverse("wagtailadmin_pages:delete", args=[ous_page.pk])))
    assert refused(client.get(reverse("wagtailadmin_pages:move", args=[ous_page.pk])))
    assert refused(
        client.post(
            reverse(
                "wagtailadmin_pages:move_confirm",
                args=[ous_page.pk, sites["bergen_home"].pk],
            )
        )
    )
    assert refused(
        client.get(reverse("wagtailadmin_pages:add_subpage", args=[sites["ous_home"].pk]))
    )
    ous_page.refresh_from_db()
    assert ous_page.title == title
    assert ous_page.get_parent().pk == sites["ous_home"].pk
    assert Page.objects.filter(pk=ous_page.pk).exists()

    # The same POST by an editor of the page's own site publishes the change.
    client.force_login(member("oslo-universitetssykehus redaktør"))
    response = client.post(edit_url, data)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_explore", args=[sites["ous_home"].pk])
    ous_page.refresh_from_db()
    assert (ous_page.title, ous_page.live, ous_page.has_unpublished_changes) == (
        "Endret",
        True,
        False,
    )


def test_page_explorer_shows_only_the_editors_own_site(client, sites):
    client.force_login(member("helse-bergen redaktør"))
    response = client.get(reverse("wagtailadmin_explore_root"), follow=True)
    assert response.status_code == 200
    rows = soup(response).select("table.listing tbody tr")
    # The Bokmål home and its English translation; nothing of the other sites.
    assert len(rows) == 2
    assert all(row.get_text(" ", strip=True).startswith("Helse Bergen HF") for row in rows)
    # Even by URL, another site's subtree lists none of its pages.
    response = client.get(reverse("wagtailadmin_explore", args=[sites["ous_home"].pk]))
    assert response.status_code == 200
    rows = soup(response).select("table.listing tbody tr")
    assert "Besøkstider OUS" not in " ".join(row.get_text() for row in rows)
    # ...whereas a superuser sees it in the same view.
    client.force_login(UserFactory(is_superuser=True))
    response = client.get(reverse("wagtailadmin_explore", args=[sites["ous_home"].pk]))
    rows = soup(response).select("table.listing tbody tr")
    assert "Besøkstider OUS" in " ".join(row.get_text() for row in rows)


def test_only_the_sites_webmaster_edits_its_settings(client, sites, bergen, ous):
    _t, bergen_site, _h = bergen
    _t, ous_site, _h = ous

    def settings_url(site):
        return reverse("wagtailsettings:edit", args=["core", "sitesettings", site.pk])

    client.force_login(member("helse-bergen nettansvarlig"))
    assert client.get(settings_url(bergen_site)).status_code == 200
    assert client.get(settings_url(ous_site)).status_code in (302, 403)

    client.force_login(member("helse-bergen redaktør"))
    assert client.get(settings_url(bergen_site)).status_code in (302, 403)


def test_editors_use_their_own_sites_collection(sites):
    editor = member("helse-bergen redaktør")
    collections = set(image_policy.collections_user_has_permission_for(editor, "add"))
    assert collections == {Collection.objects.get(name="Helse Bergen HF")}
    ous_image_collection = Collection.objects.get(name="Oslo universitetssykehus HF")
    image = get_image_model()(title="x", collection=ous_image_collection, width=1, height=1)
    assert not image_policy.user_has_permission_for_instance(editor, "change", image)
