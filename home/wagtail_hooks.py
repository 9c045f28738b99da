from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.ui.sidebar import PageExplorerMenuItem
from wagtail.models import Locale
from wagtail.permissions import page_permission_policy

from home.choosers import department_chooser_viewset, location_chooser_viewset
from home.confinement import visible_pages
from home.dashboard import SitePagesPanel, granted_pages, own_site_root
from home.views import FeedbackReportView


@hooks.register("construct_page_chooser_queryset")
def confine_page_chooser(pages, request):
    """Other sites' drafts and private pages are not offered to a local editor."""
    return visible_pages(pages, request.user)


@hooks.register("register_admin_viewset")
def register_place_choosers():
    return [department_chooser_viewset, location_chooser_viewset]


@hooks.register("register_admin_urls")
def register_feedback_report_urls():
    return [
        path("reports/page-feedback/", FeedbackReportView.as_view(), name="page_feedback_report"),
        path(
            "reports/page-feedback/results/",
            FeedbackReportView.as_view(results_only=True),
            name="page_feedback_report_results",
        ),
    ]


class FeedbackReportMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def register_feedback_report_menu_item():
    return FeedbackReportMenuItem(
        _("Page feedback"),
        reverse("page_feedback_report"),
        name="page-feedback",
        icon_name="help",
        order=800,
    )


@hooks.register("construct_homepage_panels")
def add_site_pages_panel(request, panels):
    pages = granted_pages(request.user)
    if pages:
        panels.append(SitePagesPanel(pages))


@hooks.register("construct_homepage_summary_items")
def remove_page_count(request, items):
    """Wagtail counts the pages below the user's explorable root: for an editor of a site with
    translations that is Root, so "919 pages created in FNSP"; their panel shows their site."""
    if not request.user.is_superuser:
        items[:] = [item for item in items if not isinstance(item, PagesSummaryItem)]


class OwnSiteExplorerMenuItem(MenuItem):
    """ "Pages" opening at the editor's site root rather than at the common ancestor of their
    roots in every language, which is Root."""

    def __init__(self, item, start_page):
        super().__init__(
            item.label,
            item.url,
            name=item.name,
            icon_name=item.icon_name,
            classname=item.classname,
            order=item.order,
        )
        self.start_page = start_page

    def render_component(self, request):
        return PageExplorerMenuItem(
            self.name,
            self.label,
            self.url,
            self.start_page.pk,
            icon_name=self.icon_name,
            classname=self.classname,
        )


@hooks.register("construct_main_menu")
def open_explorer_at_own_site(request, menu_items):
    start_page = own_site_root(request.user, Locale.get_active())
    if start_page is not None:
        menu_items[:] = [
            OwnSiteExplorerMenuItem(item, start_page) if item.name == "explorer" else item
            for item in menu_items
        ]
