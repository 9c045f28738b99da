"""Regional groups: a regional web team works on every site of its region from one group."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
)
from wagtail.permissions import page_permission_policy

from core.factories import UserFactory
from home.factories import ContentPageFactory, make_hospital
from home.groups import sync_site_groups
from tests.helpers import soup

pytestmark = pytest.mark.django_db

REGION_GROUP = "Helse Vest redaktør"


@pytest.fixture
def west(portal, bergen, ous):
    _t, _s, bergen_home = bergen
    _t, _s, ous_home = ous
    _t, _s, stavanger_home = make_hospital("helse-stavanger")
    english = bergen_home.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    pages = {
        "bergen": ContentPageFactory(parent=bergen_home, title="Besøkstider Bergen"),
        "stavanger": ContentPageFactory(parent=stavanger_home, title="Besøkstider Stavanger"),
        "ous": ContentPageFactory(parent=ous_home, title="Besøkstider OUS"),
    }
    sync_site_groups()
    return {
        "roots": {bergen_home.pk, english.pk, stavanger_home.pk},
        "bergen_home": bergen_home,
        "ous_home": ous_home,
        "pages": pages,
    }


def rows(model, field, group_names):
    return set(
        model.objects.filter(group__name__in=group_names).values_list(field, "permission_id")
    )


def test_a_regional_group_has_exactly_its_sites_editor_rights(west):
    site_groups = ["helse-bergen redaktør", "helse-stavanger redaktør"]
    region = Group.objects.get(name=REGION_GROUP)
    assert rows(GroupPagePermission, "page_id", [REGION_GROUP]) == rows(
        GroupPagePermission, "page_id", site_groups
    )
    # Granted on the site roots (and the translated root), never page by page.
    assert (
        set(GroupPagePermission.objects.filter(group=region).values_list("page_id", flat=True))
        == (west["roots"])
    )
    assert rows(GroupCollectionPermission, "collection_id", [REGION_GROUP]) == rows(
        GroupCollectionPermission, "collection_id", site_groups
    )
    assert set(region.permissions.all()) == set(
        Group.objects.get(name="helse-bergen redaktør").permissions.all()
    )
    # Every region has its group; Helse Sør-Øst's covers OUS, not Helse Vest's sites.
    south_east = Group.objects.get(name="Helse Sør-Øst redaktør")
    assert set(
        GroupPagePermission.objects.filter(group=south_east).values_list("page_id", flat=True)
    ) == {west["ous_home"].pk}


def test_sync_corrects_a_regional_group_by_hand(west):
    region = Group.objects.get(name=REGION_GROUP)
    stray = GroupPagePermission.objects.create(
        group=region,
        page=west["ous_home"],
        permission=GroupPagePermission.objects.filter(group=region).first().permission,
    )
    report = sync_site_groups()
    assert report.permissions_removed == 1
    assert not GroupPagePermission.objects.filter(pk=stray.pk).exists()
    report = sync_site_groups()
    assert (report.groups_created, report.permissions_added, report.permissions_removed) == (
        0,
        0,
        0,
    )


def test_a_regional_editor_edits_their_regions_sites_only(west):
    editor = UserFactory(groups=[Group.objects.get(name=REGION_GROUP)])
    pages = west["pages"]
    assert pages["bergen"].permissions_for_user(editor).can_edit()
    assert pages["stavanger"].permissions_for_user(editor).can_publish()
    assert not pages["ous"].permissions_for_user(editor).can_edit()
    editable = page_permission_policy.instances_user_has_permission_for(editor, "change")
    assert not editable.filter(pk=pages["ous"].pk).exists()


def test_the_explorer_of_a_regional_editor_has_a_bounded_number_of_queries(
    client, west, django_assert_max_num_queries
):
    client.force_login(UserFactory(groups=[Group.objects.get(name=REGION_GROUP)]))
    # 47 measured with cold caches: since site editors may translate, wagtail-localize's
    # Translate/Sync buttons cost two queries per listed page (at most one listing page).
    with django_assert_max_num_queries(47):
        response = client.get(reverse("wagtailadmin_explore_root"))
    titles = " ".join(row.get_text(" ", strip=True) for row in soup(response).select("tbody tr"))
    assert "Helse Bergen HF" in titles and "Helse Stavanger HF" in titles
    assert "Oslo universitetssykehus" not in titles
    # 42: one more since research groups' editors (research/groups.py).
    with django_assert_max_num_queries(42):
        response = client.get(reverse("wagtailadmin_explore", args=[west["bergen_home"].pk]))
    assert "Besøkstider Bergen" in response.content.decode()
