"""A draft never leaves the admin, on any channel.

A published national treatment and a published trial each get a newer, unpublished revision
whose title, summary and text carry the word "Kladdeord". Every public channel — the open-data
JSON and CSV, FHIR, site search and autocomplete on a hospital and on the portal, the portal's
national treatment page, a hospital's local treatment page and the trial's page — must show the
live text and nothing of the draft, and a search for the draft's word must find nothing.
"""

import datetime

import pytest
from django.utils import timezone

from tests.helpers import get_ok, publish, soup
from treatments.factories import TreatmentFactory, TreatmentIndexPageFactory, offer, save_draft
from treatments.models import Treatment
from trials.factories import publish_trial, trial_index
from trials.models import TrialPage

pytestmark = pytest.mark.django_db

DRAFT = "Kladdeord"
LIVE = "Solgangsvind"
TREATMENT_LIVE = {
    "title": f"{LIVE} terapi",
    "summary": f"{LIVE} demper plagene.",
    "before": f"<p>{LIVE} om morgenen.</p>",
}
TREATMENT_DRAFT = {
    "title": f"{DRAFT} terapi",
    "summary": f"{DRAFT} demper plagene.",
    "before": f"<p>{DRAFT} om kvelden.</p>",
}
TRIAL_LIVE = {"title": f"{LIVE} studien", "summary": f"{LIVE} hos voksne."}
TRIAL_DRAFT = {
    "title": f"{DRAFT} studien",
    "summary": f"{DRAFT} hos voksne.",
    "scientific_title": f"{DRAFT} randomisert",
    "eligibility": f"{DRAFT} over 18 år.",
}
TREATMENT_SLUG = "solgangsvind-terapi"
TRIAL_SLUG = "solgangsvind-studien"

# What each channel must show of the live versions (plain text, as a reader sees it).
TREATMENT_SHOWN = [TREATMENT_LIVE["title"], TREATMENT_LIVE["summary"], f"{LIVE} om morgenen."]
TRIAL_SHOWN = [TRIAL_LIVE["title"], TRIAL_LIVE["summary"]]
TITLES = [TREATMENT_LIVE["title"], TRIAL_LIVE["title"]]


@pytest.fixture
def drafted(portal, bergen, ous):
    """The treatment offered in Bergen and on the portal's /behandlinger/; the trial, run by
    OUS, linked to the treatment and open today, also shown on Bergen's /kliniske-studier/;
    then a draft of each, and the local page published again."""
    TreatmentIndexPageFactory(parent=portal)
    trial_index(bergen[2])
    treatment = TreatmentFactory(slug=TREATMENT_SLUG, **TREATMENT_LIVE)
    local_page = offer(bergen[2], treatment)
    today = timezone.localdate()
    trial = publish_trial(
        ous[2],
        slug=TRIAL_SLUG,
        inclusion_start=today - datetime.timedelta(days=30),
        inclusion_end=today + datetime.timedelta(days=365),
        links={"treatments": [treatment]},
        **TRIAL_LIVE,
    )
    publish(trial)  # a live revision, as the admin leaves it, before the draft
    save_draft(treatment, **TREATMENT_DRAFT)
    for name, value in TRIAL_DRAFT.items():
        setattr(trial, name, value)
    trial.save_revision()
    # The local page is published again while the national draft waits: it is indexed anew,
    # with the national text it shows.
    publish(local_page)

    # The drafts exist, and the rows still hold the live versions.
    treatment = Treatment.objects.get(pk=treatment.pk)
    trial = TrialPage.objects.get(pk=trial.pk)
    assert treatment.title == TREATMENT_LIVE["title"] and treatment.has_unpublished_changes
    assert trial.title == TRIAL_LIVE["title"] and trial.has_unpublished_changes
    assert treatment.get_latest_revision_as_object().title == TREATMENT_DRAFT["title"]
    assert trial.get_latest_revision_as_object().title == TRIAL_DRAFT["title"]
    return {"treatment": treatment.pk, "trial": trial.pk}


CHANNELS = [
    # (path, site slug or None for the portal, live text it must show)
    # The list leaves the journey stages to the detail.
    pytest.param("/api/open/v1/treatments", None, TREATMENT_SHOWN[:2], id="api-treatment-list"),
    pytest.param(
        "/api/open/v1/treatments/{treatment}", None, TREATMENT_SHOWN, id="api-treatment-detail"
    ),
    pytest.param("/api/open/v1/trials", None, TRIAL_SHOWN, id="api-trial-list"),
    pytest.param("/api/open/v1/trials/{trial}", None, TRIAL_SHOWN, id="api-trial-detail"),
    pytest.param("/api/open/v1/trials.csv", None, [TRIAL_LIVE["title"]], id="trials-csv"),
    pytest.param("/api/fhir/ResearchStudy", None, TRIAL_SHOWN, id="fhir-search"),
    pytest.param("/api/fhir/ResearchStudy/{trial}", None, TRIAL_SHOWN, id="fhir-read"),
    pytest.param(
        f"/sok/?q={LIVE}",
        "helse-bergen",
        [*TITLES, TREATMENT_LIVE["summary"], TRIAL_LIVE["summary"]],
        id="search-hospital",
    ),
    pytest.param(
        f"/sok/?q={LIVE}",
        None,
        [*TITLES, TREATMENT_LIVE["summary"], TRIAL_LIVE["summary"]],
        id="search-portal",
    ),
    pytest.param(
        "/sok/autocomplete?q=solgangs", "helse-bergen", TITLES, id="autocomplete-hospital"
    ),
    pytest.param("/sok/autocomplete?q=solgangs", None, TITLES, id="autocomplete-portal"),
    # The treatment pages also list the open trials of the treatment (the trial's title).
    pytest.param(
        f"/behandlinger/{TREATMENT_SLUG}/",
        None,
        [*TREATMENT_SHOWN, TRIAL_LIVE["title"]],
        id="portal-national-page",
    ),
    pytest.param(
        f"/behandlinger/{TREATMENT_SLUG}/",
        "helse-bergen",
        [*TREATMENT_SHOWN, TRIAL_LIVE["title"]],
        id="hospital-local-page",
    ),
    pytest.param(
        f"/kliniske-studier/{TRIAL_SLUG}/",
        "oslo-universitetssykehus",
        TRIAL_SHOWN,
        id="trial-page-responsible-site",
    ),
    pytest.param(
        f"/kliniske-studier/{TRIAL_SLUG}/", "helse-bergen", TRIAL_SHOWN, id="trial-page-other-site"
    ),
]


@pytest.mark.parametrize(("path", "site", "live"), CHANNELS)
def test_a_channel_shows_the_live_text_and_nothing_of_the_draft(client, drafted, path, site, live):
    response = get_ok(client, path.format(**drafted), site)
    body = response.content.decode()
    is_html = response["Content-Type"].startswith("text/html")
    # On an HTML page search highlights words in <mark>: compare the text a reader sees.
    shown = soup(response).get_text() if is_html else body
    for text in live:
        assert text in shown
    # The raw body, attributes and all, in any letter case.
    assert DRAFT.lower() not in body.lower()


@pytest.mark.parametrize("site", [None, "helse-bergen"], ids=["portal", "hospital"])
def test_a_search_for_the_drafts_word_finds_nothing(client, drafted, site):
    outcome = get_ok(client, f"/sok/?q={DRAFT}", site).context["outcome"]
    assert (outcome.total, outcome.results, outcome.national) == (0, [], [])
    suggestions = get_ok(client, "/sok/autocomplete?q=kladde", site).json()["suggestions"]
    assert suggestions == []


@pytest.mark.parametrize("collection", ["treatments", "trials"])
def test_the_apis_text_filter_ignores_the_draft(client, drafted, collection):
    assert get_ok(client, f"/api/open/v1/{collection}?q={DRAFT}").json()["count"] == 0
    assert get_ok(client, f"/api/open/v1/{collection}?q={LIVE}").json()["count"] == 1
