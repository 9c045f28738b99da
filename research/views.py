"""Admin report: research groups that have no published English version."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale
from wagtail.permissions import page_permission_policy
from wagtail_localize.models import TranslationSource

from core.filters import SiteFilterSet
from core.sites import with_trust
from research.models import ResearchGroupPage
from research.nva import import_group


def groups_without_english():
    """Live groups in the default language with no live English translation, or whose English
    was last published before the Norwegian (unless the English is what the Norwegian was
    translated from: an English-first group), each annotated with its site's trust and the
    English version's last publication (`english_published`, None without one), in one query."""
    english = ResearchGroupPage.objects.live().filter(
        locale__language_code="en", translation_key=OuterRef("translation_key")
    )
    english_first = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"), locale__language_code="en"
    )
    return with_trust(
        ResearchGroupPage.objects.live()
        .filter(locale=Locale.get_default())
        .annotate(english_published=Subquery(english.values("last_published_at")[:1]))
        .filter(
            Q(english_published__isnull=True)
            | (Q(english_published__lt=F("last_published_at")) & ~Exists(english_first))
        )
    ).order_by("trust_name", "title")


class UntranslatedGroupsFilterSet(SiteFilterSet):
    class Meta:
        model = ResearchGroupPage
        fields = []


class UntranslatedGroupsReportView(ReportView):
    page_title = _("Research groups without up-to-date English version")
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
        Column("english_published", label=_("English last published")),
    ]
    list_export = ["title", "trust_name", "url_path", "last_published_at", "english_published"]
    export_headings = {
        "title": _("Research group"),
        "trust_name": _("Site"),
        "url_path": _("Path"),
        "last_published_at": _("Last published"),
        "english_published": _("English last published"),
    }

    def get_queryset(self):
        editable = page_permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        return groups_without_english().filter(pk__in=editable.values("pk"))


def nva_import(request, page_id):
    """Import one research group from NVA (research/nva.py), for whoever may edit its page."""
    page = get_object_or_404(ResearchGroupPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if request.method == "POST":
        report = import_group(page)
        messages.success(
            request,
            _("Imported from NVA: %(projects)d projects and %(results)d results.")
            % {"projects": report.projects, "results": report.results},
        )
        for error in report.errors:
            messages.warning(request, _("NVA import: %(problem)s") % {"problem": error})
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "research/admin/nva_import.html",
        {"page": page, "ids": page.nva_project_ids or "–"},
    )
