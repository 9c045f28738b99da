from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import page_permission_policy

from home.choosers import department_chooser_viewset, location_chooser_viewset
from home.confinement import visible_pages
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
