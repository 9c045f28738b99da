"""Open trials shown on treatment pages, linked by national treatment or by diagnosis."""

from django.db.models import Q
from django.template.loader import render_to_string
from wagtail.models import Site

from core.caching import add_cache_keys, listing_key
from core.routing import routed_site_root
from core.sites import site_paths, site_section
from trials.models import TrialIndexPage, TrialPage
from trials.status import Status

LIMIT = 10


def open_trials_for(treatment, locale_id):
    codes = [diagnosis.icd10 for diagnosis in treatment.diagnoses.all()]
    ids = TrialPage.objects.filter(
        Q(treatments__translation_key=treatment.translation_key) | Q(diagnoses__icd10__in=codes)
    ).values("pk")
    return (
        TrialPage.objects.live()
        .public()
        .filter(locale_id=locale_id, pk__in=ids)
        .with_status()
        .filter(recruitment_status=Status.OPEN)
        .select_related("responsible_trust")
        .order_by("-first_published_at")[:LIMIT]
    )


def site_trial_index(request, locale_id):
    """This site's /kliniske-studier/ in the given locale, if it has one: one query below the
    site root the page was routed through, else two."""
    root = routed_site_root(request)
    if root is not None and root.locale_id == locale_id:
        return TrialIndexPage.objects.live().child_of(root).first()
    site = Site.find_for_request(request)
    return site_section(TrialIndexPage, site_paths(site), locale_id) if site else None


def related_trials_panel(request, treatment):
    # A trial published anywhere may join the panel, even when it is empty now.
    add_cache_keys(request, listing_key(TrialPage))
    trials = list(open_trials_for(treatment, treatment.locale_id))
    if not trials:
        return ""
    index = site_trial_index(request, treatment.locale_id)
    rows = [
        {
            "trial": trial,
            "url": index.trial_url(trial, request) if index else trial.get_url(request),
        }
        for trial in trials
    ]
    return render_to_string("trials/includes/related_trials.html", {"rows": rows}, request=request)
