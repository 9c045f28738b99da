from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import path

from core.caching import add_cache_keys, listing_key, page_key
from core.http import query_without_page
from core.models import Region, SectionIndexPage
from treatments.models import Category
from trials.filters import TOTAL, TrialFilterForm, apply_filters, facet_counts
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


class TrialIndexPage(SectionIndexPage):
    """`/kliniske-studier/`: every live trial in the country, on every site.

    This hospital's own trials are child pages; other hospitals' come from a route.
    """

    subpage_types = ["trials.TrialPage"]

    class Meta:
        verbose_name = _("clinical trials index page")

    def trial_url(self, trial, request=None):
        """A trial's address on this site (every site shows every trial)."""
        return f"{self.get_url(request)}{trial.slug}/"

    @path("")
    def index(self, request):
        add_cache_keys(request, listing_key(TrialPage))
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
        counts = facet_counts(trials, filters)
        paginator = Paginator(matching, PER_PAGE)
        paginator.count = counts[TOTAL]  # counted along with the facets: no query of its own
        page_obj = paginator.get_page(request.GET.get("page"))
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
            "counts": counts,
            "query_without_page": query_without_page(request),
        }
        if self.is_national:
            context["overview"] = national_overview(trials)
        return self.render(request, context_overrides=context)

    @path("<slug:slug>/", name="trial")
    def other_hospitals_trial(self, request, slug):
        trial = get_object_or_404(
            TrialPage.objects.live().public().filter(locale_id=self.locale_id), slug=slug
        )
        add_cache_keys(request, page_key(trial.pk))
        return self.render(
            request,
            template="trials/trial_page.html",
            context_overrides=trial.detail_context(request),
        )


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
