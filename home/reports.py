"""Wagtail's page types report and wagtail-localize's translations report, confined to what
a local editor may see (home/confinement.py). Served at the reports' own URLs by routes placed
before the admin's in `fnsp_site/urls.py`."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, OuterRef, Q, Subquery
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page
from wagtail_localize.views.report import TranslationsReportView

from core.models.pages import SHOWN_TITLE
from home.confinement import (
    sees_every_site,
    visible_page_keys,
    visible_pages,
    visible_q,
    with_shown_titles,
)


class ConfinedPageTypesUsageReportView(PageTypesUsageReportView):
    """Counts and the last edited page of each type among the pages the user sees."""

    def get_queryset(self):
        user = self.request.user
        if sees_every_site(user):
            return super().get_queryset()
        # Wagtail's annotations count every site's pages: keep its filtered types (this also
        # reads the filters), and count again on the visible pages only.
        queryset = ContentType.objects.filter(pk__in=super().get_queryset().values("pk"))
        data = self.filters.form.cleaned_data
        pages = Q()
        if language_code := data.get("page_locale"):
            pages &= Q(locale__language_code=language_code)
        if site_root_path := data.get("site"):
            pages &= Q(path__startswith=site_root_path)
        pages &= visible_q(user)
        last_edited = (
            Page.objects.filter(pages, content_type=OuterRef("pk"))
            .order_by(F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk")
            .values("pk")[:1]
        )
        counted = Page.objects.filter(pages).values("pk")
        return queryset.annotate(
            count=Count("pages", filter=Q(pages__pk__in=counted)),
            last_edited_page_id=Subquery(last_edited),
        ).order_by("-count", "app_label", "model")

    def decorate_paginated_queryset(self, page_types):
        # Wagtail's own fetch of the last edited pages, with the titles the user may see.
        pages = visible_pages(Page.objects.specific(), self.request.user).in_bulk(
            item.last_edited_page_id for item in page_types if item.last_edited_page_id
        )
        for item in page_types:
            item.last_edited_page = pages.get(item.last_edited_page_id)
        return page_types


class ConfinedTranslationsReportView(TranslationsReportView):
    """Translations of the pages the user sees, and of snippets (the national base)."""

    # wagtail-localize's tables, naming a translated page by `shown_title` where set.
    template_name = "home/reports/translations_report.html"
    results_template_name = "home/reports/translations_report_results.html"

    def get_queryset(self):
        queryset = super().get_queryset()
        user = self.request.user
        if sees_every_site(user):
            return queryset
        pages = ContentType.objects.get_for_model(Page)
        return queryset.filter(
            ~Q(source__object__content_type=pages)
            | Q(source__object__translation_key__in=visible_page_keys(user))
        )

    def decorate_paginated_queryset(self, translations):
        # wagtail-localize names the translated page by its draft title; another site's page
        # by its live title instead, fetched for the whole page of results at once.
        user = self.request.user
        if sees_every_site(user):
            return translations
        keys = {translation.source.object_id for translation in translations}
        titles = {
            (key, locale): title
            for key, locale, title in with_shown_titles(
                Page.objects.filter(translation_key__in=keys), user
            ).values_list("translation_key", "locale_id", SHOWN_TITLE)
        }
        for translation in translations:
            key = (translation.source.object_id, translation.target_locale_id)
            translation.shown_title = titles.get(key)
        return translations
