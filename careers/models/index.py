from django.core.paginator import Paginator
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import path
from wagtail.search import index

from careers import ical
from careers.forms import ActivityFilterForm, JobFilterForm
from careers.listings import filter_activities, filter_jobs, private_q, upcoming_activities
from core.http import query_without_page
from core.models import BasePage, SectionIndexPage
from core.sites import SiteDirectory

from .education import EducationPage, ProfessionPage
from .events import ACTIVITY_MODELS
from .jobs import JobPage
from .snippets import Profession

JOBS_PER_PAGE = 20
CALENDAR_PER_PAGE = 30
OVERVIEW_ACTIVITIES = 6


class CareersIndexPage(SectionIndexPage):
    """`/jobb/`: a hospital's careers section, or on the portal the national listing.

    Routes: the overview (jobs), `kalender/` (upcoming courses and events) and
    `kalender/ics/` (the same as iCalendar).
    """

    subpage_types = [
        "careers.JobPage",
        "careers.CoursePage",
        "careers.EventPage",
        "careers.EducationPage",
        "careers.ProfessionPage",
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("careers section")

    def _scope(self, queryset):
        """A hospital's section shows its own pages; the portal's shows every site's."""
        queryset = queryset.filter(locale_id=self.locale_id)
        return queryset if self.is_national else queryset.descendant_of(self)

    @path("")
    def overview(self, request):
        today = timezone.localdate()
        directory = SiteDirectory()
        trust = directory.trust_for(self)
        professions = Profession.objects.values_list("slug", "name")
        form = JobFilterForm(request.GET, directory, professions, national=self.is_national)
        private = private_q()
        jobs = filter_jobs(
            self._scope(JobPage.objects.open_on(today).exclude(private)),
            form.filters(),
            directory,
        ).select_related("profession")
        paginator = Paginator(jobs.order_by("deadline", "title", "pk"), JOBS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        context = {
            "trust": trust,
            "form": form,
            "page_obj": page_obj,
            "jobs": [(job, directory.trust_for(job)) for job in page_obj],
            "query_without_page": query_without_page(request),
            "activities": upcoming_activities(
                [self._scope(model.objects.all()) for model in ACTIVITY_MODELS],
                today,
                directory,
                limit=OVERVIEW_ACTIVITIES,
                private=private,
            ),
        }
        if not self.is_national:
            context["educations"] = EducationPage.objects.live().exclude(private).child_of(self)
            context["professions"] = (
                ProfessionPage.objects.live()
                .exclude(private)
                .child_of(self)
                .select_related("profession")
            )
        return self.render(request, context_overrides=context)

    def _activities(self, request):
        today = timezone.localdate()
        directory = SiteDirectory()
        trust = directory.trust_for(self)
        form = ActivityFilterForm(request.GET, directory, national=self.is_national)
        filters = form.filters()
        items = upcoming_activities(
            [
                filter_activities(self._scope(model.objects.all()), filters, directory)
                for model in ACTIVITY_MODELS
            ],
            today,
            directory,
        )
        return trust, form, items

    @path("kalender/")
    def calendar(self, request):
        trust, form, items = self._activities(request)
        page_obj = Paginator(items, CALENDAR_PER_PAGE).get_page(request.GET.get("page"))
        return self.render(
            request,
            template="careers/calendar.html",
            context_overrides={
                "trust": trust,
                "form": form,
                "page_obj": page_obj,
                "query_without_page": query_without_page(request),
            },
        )

    @path("kalender/ics/")
    def calendar_ics(self, request):
        trust, _form, items = self._activities(request)
        name = gettext("Courses and events")
        name = f"{name} – {trust.name}" if trust else name
        body = ical.calendar([(item.page, item.occurrence) for item in items], request, name)
        return HttpResponse(body, content_type=ical.CONTENT_TYPE)
