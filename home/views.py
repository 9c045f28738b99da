"""The feedback endpoint ("Fant du det du lette etter?") and its admin report."""

import datetime
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q
from django.http import HttpResponseBadRequest, HttpResponseForbidden
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from core.http import HttpResponseSeeOther, client_address
from core.throttling import rate_limited
from home.models import PageFeedback


class FeedbackForm(forms.Form):
    page = forms.IntegerField(min_value=1)
    answer = forms.ChoiceField(choices=[("yes", "yes"), ("no", "no")])


def posted_from_elsewhere(request):
    """A browser's POST from another site: its Origin names another host."""
    origin = request.headers.get("Origin")
    return bool(origin) and urlsplit(origin).netloc != request.get_host()


def counts_for_visitor(request, page):
    """True for a visitor's first FNSP_FEEDBACK_VOTES_PER_DAY answers on `page` today.

    The cache holds a count under an HMAC of the address, the page and the day (keyed with
    SECRET_KEY, a new key each day), never the address; it expires with the day. More answers
    are thanked for but not stored, so one client cannot stuff the report.
    """
    today = timezone.localdate()
    digest = salted_hmac(f"fnsp.feedback.{today}", f"{client_address(request)} {page.pk}")
    key = f"feedback:{digest.hexdigest()}"
    tomorrow = datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time())
    seconds = (timezone.make_aware(tomorrow) - timezone.now()).total_seconds()
    cache.add(key, 0, timeout=max(int(seconds), 1))
    try:
        return cache.incr(key) <= settings.FNSP_FEEDBACK_VOTES_PER_DAY
    except ValueError:  # expired between add and incr: the day is over
        return True


# No CSRF token: the form is on most pages, and a token (with its cookie) would make every one
# of them uncacheable (docs/caching.md). The answer is anonymous and touches no session; the
# Origin check still refuses a browser's POST from another site.
@csrf_exempt
@require_POST
@rate_limited("feedback")
def page_feedback(request):
    """Store one anonymous yes/no answer for a live page that asks for it; 303 back."""
    if posted_from_elsewhere(request):
        return HttpResponseForbidden(_("Answers are given on the page itself."))
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Answer yes or no for an existing page."))
    page = Page.objects.live().filter(pk=form.cleaned_data["page"]).first()
    if page is None or not getattr(page.specific_class, "collects_feedback", False):
        return HttpResponseBadRequest(_("This page does not collect feedback."))
    if counts_for_visitor(request, page):
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
