"""Whose findings a user sees in the quality reports: a trust's editors their own site's, the
national board and superusers every site's (as the admin's other reports, home/confinement.py)."""

from django.core.exceptions import PermissionDenied
from wagtail.permissions import page_permission_policy

from home.confinement import OWN_PAGE_ACTIONS, own_pages, sees_every_site


def may_see_reports(user):
    """Site editors (their own sites' findings) and the national board (every site's)."""
    return sees_every_site(user) or page_permission_policy.user_has_any_permission(
        user, OWN_PAGE_ACTIONS
    )


class ScopedReportMixin:
    """Refuses (403) the reports to users who edit no site and are not on the board."""

    def dispatch(self, request, *args, **kwargs):
        if not may_see_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def scoped(pages, user):
    """`pages` (any page queryset) limited to the sites `user` edits, unless they see all."""
    if sees_every_site(user):
        return pages
    return pages.filter(pk__in=own_pages(user).values("pk"))
