"""The page permission policy's compact filters allow exactly what Wagtail's own allow, with a
query whose size does not grow with the user's permission rows (core/page_permissions.py)."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Locale
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import page_permission_policy

from core.factories import UserFactory
from home.factories import ContentPageFactory, make_hospital
from home.groups import sync_site_groups

pytestmark = pytest.mark.django_db

ACTION_SETS = [{"change"}, {"add"}, {"publish"}, {"change", "publish"}, {"lock", "unlock"}]


@pytest.fixture
def people(portal, bergen, ous):
    _t, _s, bergen_home = bergen
    _t, _s, ous_home = ous
    _t, _s, stavanger_home = make_hospital("helse-stavanger")
    bergen_home.copy_for_translation(Locale.objects.get(language_code="en")).save_revision()
    section = ContentPageFactory(parent=ous_home, title="Seksjon")
    ContentPageFactory(parent=section, title="Under seksjonen")
    ContentPageFactory(parent=stavanger_home, title="Stavanger-side")
    sync_site_groups()
    # Wagtail's "add" alone: a user may change only the pages they own below the grant.
    adder = UserFactory()
    only_add = Group.objects.create(name="bare legge til")
    GroupPagePermission.objects.create(
        group=only_add,
        page=section,
        permission=Permission.objects.get(codename="add_page"),
    )
    adder.groups.add(only_add)
    ContentPageFactory(parent=section, title="Egen side", owner=adder)
    return {
        "local": UserFactory(groups=[Group.objects.get(name="helse-bergen redaktør")]),
        "regional": UserFactory(groups=[Group.objects.get(name="Helse Vest redaktør")]),
        "many": UserFactory(groups=list(Group.objects.filter(name__endswith=" redaktør"))),
        "adder": adder,
        "nobody": UserFactory(),
        "superuser": UserFactory(is_superuser=True),
    }


def pks(queryset):
    return set(queryset.values_list("pk", flat=True))


@pytest.mark.parametrize("who", ["local", "regional", "many", "adder", "nobody", "superuser"])
def test_the_compact_policy_allows_what_wagtails_does(people, who):
    user = people[who]
    wagtails = PagePermissionPolicy()
    for actions in ACTION_SETS:
        assert pks(page_permission_policy.instances_user_has_any_permission_for(user, actions)) == (
            pks(wagtails.instances_user_has_any_permission_for(user, actions))
        ), actions
    if who != "nobody":  # Wagtail's own has no common ancestor of no pages either
        assert pks(page_permission_policy.explorable_instances(user)) == pks(
            wagtails.explorable_instances(user)
        )


def test_the_explorer_filter_does_not_grow_with_permission_rows(people):
    def clauses(user):
        sql = str(page_permission_policy.explorable_instances(people[user]).query)
        return sql.count(" OR ") + sql.count(" LIKE ")

    rows = GroupPagePermission.objects.filter(group__user=people["many"]).count()
    assert rows >= 20
    assert clauses("many") == clauses("local")
