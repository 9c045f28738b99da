from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import page_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import NavigationMenu
from home.views import FeedbackReportView


@hooks.register("before_serve_page")
def refuse_locale_fallback(page, request, serve_args, serve_kwargs):
    """An untranslated page is a 404 in the requested locale, never a silent fallback.

    Wagtail routes through ``root_page.localized``, which falls back to the default
    locale's tree when a translation is missing.
    """
    if page.locale.language_code != get_language():
        raise Http404(_("This page is not available in this language."))


class NavigationMenuViewSet(SnippetViewSet):
    model = NavigationMenu
    icon = "list-ul"
    menu_label = _("Navigation menus")
    menu_order = 300
    add_to_admin_menu = False
    list_display = ["title", "locale"]
    list_filter = ["locale"]
    search_fields = ["title"]
    # The menu model is not in the search index; search its titles in the database.
    search_backend_name = None


register_snippet(NavigationMenuViewSet)


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
