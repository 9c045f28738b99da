"""The editorial-quality reports: Wagtail report views (filters, CSV and XLSX export), each
scoped to the sites the user edits (quality/scope.py) and a fixed number of queries whatever
the number of sites."""

import django_filters
from django.db.models import F
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page

from core.filters import SiteFilterSet, trust_filter
from core.readability import TARGET, band
from core.sites import SiteDirectory, below, site_paths, with_trust
from quality import coverage, reviews
from quality.models import BrokenLink
from quality.scope import ScopedReportMixin, scoped
from treatments.models import Treatment, TreatmentPage


def window_filter():
    return django_filters.ChoiceFilter(
        label=_("Due"),
        choices=reviews.WINDOWS,
        method="filter_window",
        empty_label=_("Within 90 days"),
    )


def owner_name(page):
    return page.owner.get_full_name() or page.owner.get_username() if page.owner else ""


def last_editor(page):
    user = page.latest_revision.user if page.latest_revision else None
    return (user.get_full_name() or user.get_username()) if user else ""


class QualityReportView(ScopedReportMixin, ReportView):
    """A quality report; its export headings are its columns' labels unless given."""

    export_headings = {"url_path": _("Path")}

    def get_heading(self, queryset, field):
        labels = {column.name: column.label for column in self.columns}
        if field not in self.export_headings and field in labels:
            return str(labels[field])
        return super().get_heading(queryset, field)


class PageReviewFilterSet(SiteFilterSet):
    window = window_filter()

    class Meta:
        model = Page
        fields = []

    def filter_window(self, queryset, name, value):
        return queryset.filter(reviews.page_due_q(int(value)))


class PageReviewReportView(QualityReportView):
    """Local content pages due for review (a year after publication), with their owner."""

    page_title = _("Pages due for review")
    header_icon = "date"
    index_url_name = "quality_page_review_report"
    index_results_url_name = "quality_page_review_report_results"
    filterset_class = PageReviewFilterSet
    export_filename = "pages-due-for-review"
    columns = [
        TitleColumn("title", label=_("Page"), url_name="wagtailadmin_pages:edit"),
        Column("trust_name", label=_("Site")),
        DateColumn("review_due", label=_("Review due")),
        Column("status", label=_("Status")),
        Column("owner_name", label=_("Owner")),
        Column("editor", label=_("Last changed by")),
    ]
    list_export = [
        "title",
        "trust_name",
        "url_path",
        "review_due",
        "status",
        "owner_name",
        "editor",
    ]

    def get_queryset(self):
        return scoped(reviews.due_pages(reviews.LATER), self.request.user)

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        for page in pages:
            page.status = reviews.status(page.review_due)
            page.owner_name, page.editor = owner_name(page), last_editor(page)
        return pages


class TreatmentReviewFilterSet(django_filters.FilterSet):
    window = window_filter()
    site = trust_filter()

    class Meta:
        model = Treatment
        fields = []

    def filter_window(self, queryset, name, value):
        return queryset.review_due(within_days=int(value))

    def filter_site(self, queryset, name, value):
        return queryset.filter(responsible_trust=value)


class TreatmentReviewReportView(QualityReportView):
    """National treatments due for review, with their owners: the same for every user, since
    every editor may read the national base; the site filter is the responsible trust."""

    page_title = _("National treatments due for review")
    header_icon = "date"
    index_url_name = "quality_treatment_review_report"
    index_results_url_name = "quality_treatment_review_report_results"
    filterset_class = TreatmentReviewFilterSet
    export_filename = "treatments-due-for-review"
    columns = [
        TitleColumn(
            "title",
            label=_("National treatment"),
            get_url=lambda treatment: reverse(
                Treatment.snippet_viewset.get_url_name("edit"), args=[treatment.pk]
            ),
        ),
        DateColumn("next_review", label=_("Review due")),
        Column("status", label=_("Status"), accessor=lambda t: reviews.status(t.next_review)),
        Column("responsible_trust", label=_("Responsible trust")),
        Column("content_owner", label=_("Content owner")),
        Column("clinical_owner", label=_("Clinical owner")),
    ]
    list_export = [
        "title",
        "next_review",
        "approved_date",
        "responsible_trust",
        "content_owner",
        "clinical_owner",
    ]

    def get_queryset(self):
        return reviews.due_treatments(reviews.LATER)


class ReadabilityFilterSet(SiteFilterSet):
    above_target = django_filters.BooleanFilter(
        label=_("Above the LIX target"), method="filter_above_target"
    )

    class Meta:
        model = TreatmentPage
        fields = []

    def filter_above_target(self, queryset, name, value):
        above = queryset.filter(lix__gte=TARGET) | queryset.filter(treatment__lix__gte=TARGET)
        return above if value else queryset.exclude(pk__in=above.values("pk"))


class ReadabilityReportView(QualityReportView):
    """LIX of each local treatment page's own text and of the national text it shows, hardest
    first."""

    page_title = _("Readability (LIX)")
    header_icon = "doc-full"
    index_url_name = "quality_readability_report"
    index_results_url_name = "quality_readability_report_results"
    filterset_class = ReadabilityFilterSet
    export_filename = "readability"
    columns = [
        TitleColumn("title", label=_("Page"), url_name="wagtailadmin_pages:edit"),
        Column("trust_name", label=_("Site")),
        Column("lix", label=_("Local text (LIX)")),
        Column("local_band", label=_("Band"), accessor=lambda page: band(page.lix)),
        Column("national_lix", label=_("National text (LIX)")),
        Column("national_band", label=_("Band"), accessor=lambda page: band(page.national_lix)),
    ]
    list_export = ["title", "trust_name", "url_path", "lix", "national_lix"]

    def get_queryset(self):
        pages = with_trust(TreatmentPage.objects.all()).annotate(national_lix=F("treatment__lix"))
        return scoped(pages, self.request.user).order_by(
            Greatest(Coalesce("lix", 0), Coalesce("national_lix", 0)).desc(), "title"
        )


class CoverageFilterSet(django_filters.FilterSet):
    site = trust_filter()
    offered = django_filters.BooleanFilter(
        label=_("Offered at the chosen site"), method="filter_offered"
    )
    translations = django_filters.BooleanFilter(
        label=_("Translations missing or outdated"), method="filter_translations"
    )

    class Meta:
        model = Treatment
        fields = []

    def filter_site(self, queryset, name, value):
        return queryset  # used by `offered` and the column only

    def filter_translations(self, queryset, name, value):
        needs = coverage.needs_translation_q()
        return queryset.filter(needs) if value else queryset.exclude(needs)

    def filter_offered(self, queryset, name, value):
        site = self.form.cleaned_data.get("site")
        if site is None:
            return queryset
        pages = TreatmentPage.objects.live().filter(below(site_paths(site.site)))
        keys = pages.values("treatment__translation_key")
        if value:
            return queryset.filter(translation_key__in=keys)
        return queryset.exclude(translation_key__in=keys)


class CoverageReportView(QualityReportView):
    """Each national treatment: the hospitals offering it, its missing and outdated
    translations. The board's national view; a trust filters on its own site."""

    page_title = _("National coverage")
    header_icon = "globe"
    index_url_name = "quality_coverage_report"
    index_results_url_name = "quality_coverage_report_results"
    filterset_class = CoverageFilterSet
    export_filename = "national-coverage"
    columns = [
        TitleColumn(
            "title",
            label=_("National treatment"),
            get_url=lambda treatment: reverse(
                Treatment.snippet_viewset.get_url_name("edit"), args=[treatment.pk]
            ),
        ),
        Column("offered_count", label=_("Offered by")),
        Column("offered_names", label=_("Hospitals")),
        Column("missing", label=_("Translation missing")),
        Column("outdated", label=_("Older than Bokmål")),
    ]
    list_export = ["title", "offered_count", "offered_names", "missing", "outdated"]

    def get_queryset(self):
        return Treatment.objects.filter(locale=Locale.get_default(), live=True).order_by("title")

    def decorate_paginated_queryset(self, object_list):
        treatments = coverage.decorate_treatments(object_list)
        for treatment in treatments:
            treatment.offered_count = len(treatment.offered_by)
            treatment.offered_names = ", ".join(treatment.offered_by)
            treatment.missing = ", ".join(treatment.missing_languages)
            treatment.outdated = ", ".join(treatment.outdated_languages)
        return treatments


class LocalGapsFilterSet(SiteFilterSet):
    problem = django_filters.ChoiceFilter(
        label=_("Problem"),
        choices=[
            ("unpublished", _("National treatment unpublished or missing")),
            ("local_text", _("Local information missing")),
        ],
        method="filter_problem",
        empty_label=_("Any problem"),
    )

    class Meta:
        model = TreatmentPage
        fields = []

    def filter_problem(self, queryset, name, value):
        if value == "unpublished":
            return queryset.filter(coverage.unpublished_treatment_q())
        return queryset.filter(coverage.without_local_text_q())


class LocalGapsReportView(QualityReportView):
    """Local treatment pages pointing at an unpublished or missing national treatment, or
    leaving a stage of the journey (or the practical information) without local text."""

    page_title = _("Local treatment pages with gaps")
    header_icon = "warning"
    index_url_name = "quality_local_gaps_report"
    index_results_url_name = "quality_local_gaps_report_results"
    filterset_class = LocalGapsFilterSet
    export_filename = "local-treatment-pages-with-gaps"
    columns = [
        TitleColumn("title", label=_("Page"), url_name="wagtailadmin_pages:edit"),
        Column("trust_name", label=_("Site")),
        Column("treatment", label=_("National treatment")),
        Column("problems", label=_("Problems")),
        Column("editor", label=_("Last changed by")),
    ]
    list_export = ["title", "trust_name", "url_path", "treatment", "problems", "editor"]

    def get_queryset(self):
        pages = with_trust(
            TreatmentPage.objects.filter(
                coverage.unpublished_treatment_q() | coverage.without_local_text_q()
            )
        ).select_related("treatment", "latest_revision__user")
        return scoped(pages, self.request.user).order_by("trust_name", "title")

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        for page in pages:
            page.problems = "; ".join(coverage.local_problems(page))
            page.editor = last_editor(page)
        return pages


class BrokenLinksFilterSet(django_filters.FilterSet):
    site = trust_filter()
    internal = django_filters.BooleanFilter(label=_("Internal link"))

    class Meta:
        model = BrokenLink
        fields = []

    def filter_site(self, queryset, name, value):
        return queryset.filter(page__in=Page.objects.filter(below(site_paths(value.site))))


class BrokenLinksReportView(QualityReportView):
    """Broken links found by `check_links`, per site, with the page and who last changed it."""

    page_title = _("Broken links")
    header_icon = "link"
    index_url_name = "quality_broken_links_report"
    index_results_url_name = "quality_broken_links_report_results"
    filterset_class = BrokenLinksFilterSet
    export_filename = "broken-links"
    columns = [
        TitleColumn(
            "page_title",
            label=_("Page"),
            get_url=lambda link: reverse("wagtailadmin_pages:edit", args=[link.page_id]),
        ),
        Column("site_name", label=_("Site")),
        Column("url", label=_("Link")),
        Column("problem", label=_("Problem")),
        Column("editor", label=_("Last changed by")),
        DateColumn("checked_at", label=_("Checked")),
    ]
    list_export = ["page_title", "site_name", "url", "problem", "editor", "checked_at"]

    def get_queryset(self):
        pages = scoped(Page.objects.all(), self.request.user)
        return (
            BrokenLink.objects.filter(page__in=pages.values("pk"))
            .select_related("page", "page__latest_revision__user")
            .order_by("page__path", "url")
        )

    def decorate_paginated_queryset(self, object_list):
        links = list(object_list)
        directory = SiteDirectory()
        for link in links:
            trust = directory.trust_for(link.page)
            site = directory.site_for(link.page)
            link.site_name = trust.name if trust else (site.site_name if site else "")
            link.page_title = link.page.get_admin_display_title()
            link.editor = last_editor(link.page)
        return links


# (URL slug, view): the reports menu lists them in this order (quality/wagtail_hooks.py).
REPORTS = [
    ("review-pages", PageReviewReportView),
    ("review-treatments", TreatmentReviewReportView),
    ("readability", ReadabilityReportView),
    ("coverage", CoverageReportView),
    ("local-gaps", LocalGapsReportView),
    ("broken-links", BrokenLinksReportView),
]
