"""Wagtail's page permission policy, with its page filters written in a size that does not
grow with a user's permission rows.

Wagtail ORs one subtree clause per permission row (five rows per site root: add, change,
publish, lock, unlock) and one more per row for its ancestors. For an editor of many sites
that is hundreds of clauses in every explorer query: seconds per view at 55 sites × 1,000
pages, and past SQLite's expression limit (a 500) for a member of 55 site groups. Here the
rows are reduced to their distinct pages first, and each depth's pages become one
`substr(path) IN (...)` clause, so the query has a few clauses whatever the number of sites.
What is allowed is unchanged (tests/test_page_permission_policy.py compares it with Wagtail's).
"""

from django.contrib.auth import get_permission_codename
from django.db.models import Q
from django.db.models.functions import Substr
from django.db.models.lookups import In
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

EXPLORE_ACTIONS = {"add", "change", "publish", "lock", "unlock", "bulk_delete"}


def subtrees(paths):
    """Pages at or below any of the tree paths: one clause per depth among the paths."""
    by_length = {}
    for path in paths:
        by_length.setdefault(len(path), set()).add(path)
    condition = Q(pk__in=[])
    for length, group in by_length.items():
        condition |= Q(In(Substr("path", 1, length), sorted(group)))
    return condition


def ancestor_paths(paths):
    return {path[:end] for path in paths for end in range(Page.steplen, len(path), Page.steplen)}


class CompactPagePermissionPolicy(PagePermissionPolicy):
    def _permitted(self, user, actions):
        """The condition for the pages `user` may do one of `actions` on."""
        codenames = self._get_permission_codenames(actions)
        # As Wagtail: "add" alone lets a user change the pages they own.
        owned_only = "change" in actions and "add" not in actions
        add = get_permission_codename("add", self.model._meta)
        full, owned = set(), set()
        for perm in self.get_cached_permissions_for_user(user):
            if perm.permission.codename == add and owned_only:
                owned.add(perm.page.path)
            elif perm.permission.codename in codenames:
                full.add(perm.page.path)
        condition = subtrees(full)
        if owned:
            condition |= subtrees(owned) & Q(owner=user)
        return condition

    def instances_user_has_any_permission_for(self, user, actions):
        base_queryset = self._base_queryset_for_user(user)
        if base_queryset is not None:
            return base_queryset
        return self.model._default_manager.filter(self._permitted(user, actions))

    def explorable_instances(self, user):
        base_queryset = self._base_queryset_for_user(user)
        if base_queryset is not None:
            return base_queryset
        pages = [perm.page for perm in self.get_cached_permissions_for_user(user)]
        # The ancestors of every page the user has a right on, so they can walk down to it.
        ancestors = ancestor_paths({page.path for page in pages})
        top = self.model.objects.first_common_ancestor_of(pages)
        return self.model._default_manager.filter(
            self._permitted(user, EXPLORE_ACTIONS) | Q(path__in=sorted(ancestors)),
            path__startswith=top.path,
        )


def install():
    """Make Wagtail's one shared policy object this one: the admin's views, menus and reports
    import that object by name, so replacing its class is the one way to reach them all."""
    from wagtail.permissions import page_permission_policy

    page_permission_policy.__class__ = CompactPagePermissionPolicy
