"""The admin dashboard of a site's editors: their own site's drafts, pages in moderation,
pages due for review and recent changes, in place of Wagtail's count of every page.

The sites are those the user holds page rights on; each list is one query, whatever the
number of sites (tests/test_dashboard.py keeps the budget).
"""

import datetime

from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, PageLogEntry, WorkflowState
from wagtail.permissions import page_permission_policy

from core.page_permissions import subtrees
from core.sites import ROOT_DEPTH, root_path

LIST_LENGTH = 10
# A live page nobody has published for this long is due for a look (Wagtail's aging-pages
# report, per site): pages carry no review date of their own; national treatments do.
REVIEW_AFTER = datetime.timedelta(days=365)


def granted_pages(user):
    """The pages the user holds page rights on (site roots, for groups made by code); none
    for a superuser, who sees Wagtail's own dashboard."""
    if user.is_superuser:
        return []
    return list(
        {perm.page for perm in page_permission_policy.get_cached_permissions_for_user(user)}
    )


def own_site_root(user, locale):
    """The site root to open the explorer at for an editor of one site (its translations
    included), in `locale` when that translation exists; None for any other user."""
    pages = granted_pages(user)
    keys = {page.translation_key for page in pages}
    if len(keys) != 1 or any(page.depth != ROOT_DEPTH for page in pages):
        return None
    return next((page for page in pages if page.locale_id == locale.pk), pages[0])


class SitePagesPanel(Component):
    name = "fnsp_site_pages"
    template_name = "home/admin/site_pages_panel.html"
    order = 50

    def __init__(self, pages):
        self.roots = sorted(
            (page for page in pages if page.depth == ROOT_DEPTH), key=lambda page: page.path
        )
        self.site_names = {page.path: page.title for page in reversed(self.roots)}
        self.condition = subtrees({page.path for page in pages})

    def site_of(self, page):
        return self.site_names.get(root_path(page), "")

    def get_context_data(self, parent_context):
        pages = Page.objects.filter(self.condition).defer_streamfields()
        drafts = pages.filter(has_unpublished_changes=True).order_by(
            "-latest_revision_created_at", "-pk"
        )[:LIST_LENGTH]
        in_moderation = (
            pages.filter(_workflow_states__status=WorkflowState.STATUS_IN_PROGRESS)
            .order_by("-latest_revision_created_at", "-pk")
            .distinct()[:LIST_LENGTH]
        )
        due = pages.filter(live=True, last_published_at__lt=timezone.now() - REVIEW_AFTER).order_by(
            "last_published_at", "pk"
        )[:LIST_LENGTH]
        changes = (
            PageLogEntry.objects.filter(page__in=pages.values("pk"))
            .select_related("user", "page")
            .order_by("-timestamp", "-pk")[:LIST_LENGTH]
        )
        site_count = len({root.translation_key for root in self.roots})
        return {
            "site_name": self.roots[0].title if site_count == 1 else None,
            "site_count": site_count,
            "drafts": [(page, self.site_of(page)) for page in drafts],
            "in_moderation": [(page, self.site_of(page)) for page in in_moderation],
            "due": [(page, self.site_of(page)) for page in due],
            "changes": [(entry, self.site_of(entry.page)) for entry in changes],
            "review_months": REVIEW_AFTER.days * 12 // 365,
        }
