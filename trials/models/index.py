from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from home.models import BasePage, PortalHomePage, Region
from treatments.models import Category
from trials.filters import TrialFilterForm, apply_filters, facet_counts
from trials.status import Status, status_rank_expression

from .trial import TrialPage

PER_PAGE = 20


def live_trials(locale_id, day=None):
    return (
        TrialPage.objects.live()
        .public()
        .filter(locale_id=locale_id)
        .with_status(day or timezone.localdate())
    )


class TrialIndexPage(RoutablePageMixin, BasePage):
    """`/kliniske-studier/`: every live trial in the country, on every site."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HospitalHomePage", "home.PortalHomePage"]
    subpage_types = ["trials.TrialPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("clinical trials index page")

    def route(self, request, path_components):
        # This hospital's own trials are child pages; other hospitals' come from the route.
        if path_components:
            try:
                return super(RoutablePageMixin, self).route(request, path_components)
            except Http404:
                pass
        return super().route(request, path_components)

    def trial_url(self, trial, request=None):
        """A trial's address on this site (every site shows every trial)."""
        return f"{self.get_url(request)}{trial.slug}/"

    @path("")
    def index(self, request):
        form = TrialFilterForm(request.GET, self.locale_id)
        filters = form.valid_filters()
        trials = live_trials(self.locale_id)
        matching = (
            apply_filters(trials, filters)
            .annotate(
                rank=status_rank_expression(),
                participating_count=Count("participating_trusts", distinct=True),
            )
            .select_related("responsible_trust__region")
            .order_by("rank", "-first_published_at", "pk")
        )
        page_obj = Paginator(matching, PER_PAGE).get_page(request.GET.get("page"))
        base_url = self.get_url(request)
        context = {
            "form": form,
            "page_obj": page_obj,
            "trials": [
                {
                    "trial": trial,
                    "url": f"{base_url}{trial.slug}/",
                    "status": Status(trial.recruitment_status),
                }
                for trial in page_obj
            ],
            "counts": facet_counts(trials, filters),
            "query_without_page": query_without_page(request),
        }
        if self.get_parent().specific_class is PortalHomePage:
            context["overview"] = national_overview(trials)
        return self.render(request, context_overrides=context)

    @path("<slug:slug>/", name="trial")
    def other_hospitals_trial(self, request, slug):
        trial = get_object_or_404(
            TrialPage.objects.live().public().filter(locale_id=self.locale_id), slug=slug
        )
        return self.render(
            request,
            template="trials/trial_page.html",
            context_overrides=trial.detail_context(request),
        )


def query_without_page(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def national_overview(trials):
    """Open trials per region and per category, for the portal's overview table."""
    open_trials = trials.filter(recruitment_status=Status.OPEN)
    per_region = dict(
        open_trials.order_by()
        .values_list("responsible_trust__region")
        .annotate(n=Count("pk", distinct=True))
    )
    per_category = dict(
        open_trials.order_by().values_list("categories").annotate(n=Count("pk", distinct=True))
    )
    return {
        "regions": [(region, per_region.get(region.pk, 0)) for region in Region.objects.all()],
        "categories": [
            (category, per_category[category.pk])
            for category in Category.objects.filter(pk__in=per_category)
        ],
        "total": open_trials.count(),
    }
