"""The feedback endpoint ("Fant du det du lette etter?") and its admin report."""

from django import forms
from django.conf import settings
from django.db.models import Count, Q
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, Site
from wagtail.permissions import page_permission_policy

from home.models import PageFeedback


class FeedbackForm(forms.Form):
    page = forms.IntegerField(min_value=1)
    answer = forms.ChoiceField(choices=[("yes", "yes"), ("no", "no")])


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


@require_POST
def page_feedback(request):
    """Store one anonymous yes/no answer for a live page that asks for it; 303 back."""
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Answer yes or no for an existing page."))
    page = Page.objects.live().filter(pk=form.cleaned_data["page"]).first()
    if page is None or not getattr(page.specific_class, "collects_feedback", False):
        return HttpResponseBadRequest(_("This page does not collect feedback."))
    PageFeedback.objects.create(page=page, found=form.cleaned_data["answer"] == "yes")
    url = page.get_url(request) or "/"
    return HttpResponseSeeOther(f"{url}?feedback=thanks#feedback")


class FeedbackReportView(ReportView):
    """Yes/no counts per page, most "no" first, for the pages the user may edit."""

    page_title = _("Page feedback")
    header_icon = "help"
    index_url_name = "page_feedback_report"
    index_results_url_name = "page_feedback_report_results"
    columns = [
        TitleColumn(
            "title",
            label=_("Page"),
            url_name="wagtailadmin_pages:edit",
        ),
        Column("url_path", label=_("Path")),
        Column("found_yes", label=_("Yes")),
        Column("found_no", label=_("No")),
    ]
    list_export = ["title", "url_path", "found_yes", "found_no"]
    export_headings = {"found_yes": _("Yes"), "found_no": _("No")}

    def get_queryset(self):
        return (
            page_permission_policy.instances_user_has_permission_for(self.request.user, "change")
            .filter(feedback_answers__isnull=False)
            .annotate(
                found_yes=Count("feedback_answers", filter=Q(feedback_answers__found=True)),
                found_no=Count("feedback_answers", filter=Q(feedback_answers__found=False)),
            )
            .order_by("-found_no", "-found_yes", "title")
        )


def page_not_found(request, exception):
    """Django's 404, told which page the path leads to in the default language, if any.

    `/en/om-oss/` with no English "Om oss" (or no English tree at all) is a 404 in the English
    chrome; 404.html then offers the Bokmål page at `/om-oss/`.
    """
    request.fnsp_untranslated_page = default_language_page(request)
    return defaults.page_not_found(request, exception)


def default_language_page(request):
    language = translation.get_language_from_path(request.path_info)
    site = Site.find_for_request(request)
    if not language or language == settings.LANGUAGE_CODE or site is None:
        return None
    components = [part for part in request.path_info.split("/")[2:] if part]
    try:
        page = site.root_page.specific.route(request, components).page
    except Http404:
        return None
    return page if page.live and page.locale.language_code == settings.LANGUAGE_CODE else None
