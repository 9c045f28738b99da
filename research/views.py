"""Admin report: research groups that have no published English version."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale
from wagtail.permissions import page_permission_policy

from core.filters import SiteFilterSet
from core.sites import with_trust
from research.models import ResearchGroupPage


def groups_without_english():
    """Live groups in the default language with no live English translation, each annotated
    with its site's trust (in the same query)."""
    english = ResearchGroupPage.objects.live().filter(locale__language_code="en")
    return with_trust(
        ResearchGroupPage.objects.live()
        .filter(locale=Locale.get_default())
        .exclude(translation_key__in=english.values("translation_key"))
    ).order_by("trust_name", "title")


class UntranslatedGroupsFilterSet(SiteFilterSet):
    class Meta:
        model = ResearchGroupPage
        fields = []


class UntranslatedGroupsReportView(ReportView):
    page_title = _("Research groups without English version")
    header_icon = "site"
    index_url_name = "research_untranslated_report"
    index_results_url_name = "research_untranslated_report_results"
    filterset_class = UntranslatedGroupsFilterSet
    export_filename = "research-groups-without-english"
    columns = [
        TitleColumn("title", label=_("Research group"), url_name="wagtailadmin_pages:edit"),
        Column("trust_name", label=_("Site")),
        Column("url_path", label=_("Path")),
        Column("last_published_at", label=_("Last published")),
    ]
    list_export = ["title", "trust_name", "url_path", "last_published_at"]
    export_headings = {
        "title": _("Research group"),
        "trust_name": _("Site"),
        "url_path": _("Path"),
        "last_published_at": _("Last published"),
    }

    def get_queryset(self):
        editable = page_permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        return groups_without_english().filter(pk__in=editable.values("pk"))
