from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets import Button
from wagtail.permissions import page_permission_policy
from wagtail.snippets.models import register_snippet

from core.viewsets import SiteOwnedSnippetViewSet, SnippetViewSet
from research.groups import sync_all_group_editors
from research.models import Person, ResearchArea, ResearchGroupPage
from research.views import UntranslatedGroupsReportView, groups_without_english, nva_import


class ResearchAreaViewSet(SnippetViewSet):
    model = ResearchArea
    icon = "tag"
    menu_label = _("Research areas")
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


class PersonViewSet(SiteOwnedSnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("Researchers")
    list_display = ["name", "title", "site"]
    search_fields = ["name"]


class ResearchGroup(ViewSetGroup):
    menu_label = _("Research")
    menu_icon = "group"
    menu_order = 250
    items = (ResearchAreaViewSet, PersonViewSet)


register_snippet(ResearchGroup)


@hooks.register("fnsp_site_editor_permissions")
def site_editor_permissions():
    """Local editors choose national researchers and shared research areas."""
    return ["research.view_person", "research.view_researcharea"]


@hooks.register("fnsp_site_editor_site_permissions")
def site_editor_site_permissions():
    """Local editors keep their own site's researchers, and no other site's."""
    return [f"research.{action}_person" for action in ("add", "change", "view")]


@hooks.register("fnsp_webmaster_site_permissions")
def webmaster_site_permissions():
    """Webmasters decide whether their site's research groups publish directly."""
    return ["research.change_researchsettings"]


@hooks.register("fnsp_sync_groups")
def sync_research_group_editors(report):
    """One group per research group page (research/groups.py)."""
    sync_all_group_editors(report)


@hooks.register("fnsp_national_editor_permissions")
def national_editor_permissions():
    """The national board keeps the research areas and the national researchers (those of no
    site: a model-wide right covers no site's researcher, see core/permissions.py)."""
    return [
        f"research.{action}_{model}"
        for model in ("researcharea", "person")
        for action in ("add", "change", "delete")
    ]


@hooks.register("before_edit_page")
def warn_about_missing_english(request, page):
    if (
        request.method == "GET"
        and isinstance(page.specific_deferred, ResearchGroupPage)
        and groups_without_english().filter(pk=page.pk, english_published__isnull=True).exists()
    ):
        messages.warning(
            request,
            _(
                "This research group has no published English version. Use “Translate” in the "
                "page's actions to create one."
            ),
        )


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/research-without-english/",
            UntranslatedGroupsReportView.as_view(),
            name="research_untranslated_report",
        ),
        path("research/nva-import/<int:page_id>/", nva_import, name="research_nva_import"),
        path(
            "reports/research-without-english/results/",
            UntranslatedGroupsReportView.as_view(results_only=True),
            name="research_untranslated_report_results",
        ),
    ]


@hooks.register("register_page_header_buttons")
def nva_import_button(page, user, view_name, next_url=None):
    if (
        isinstance(page.specific_deferred, ResearchGroupPage)
        and page.permissions_for_user(user).can_edit()
    ):
        yield Button(
            _("Import from NVA"),
            reverse("research_nva_import", args=[page.pk]),
            icon_name="download",
            priority=40,
        )


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return EditorsMenuItem(
        _("Research groups without up-to-date English version"),
        reverse("research_untranslated_report"),
        name="research-without-english",
        icon_name="site",
        order=810,
    )
