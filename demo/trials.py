"""Clinical trials: /kliniske-studier/ on every hospital site and the trials of TRIALS."""

import datetime

from anyascii import anyascii
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from core.models import HealthTrust
from demo.build import create_child, ensure_child, rich
from demo.data import SAMPLE_NOTE
from demo.data.sites import HOSPITAL_KINDS
from demo.data.trials import ELIGIBILITY, TRIALS
from demo.sites import add_to_menu
from home.models import PortalHomePage
from treatments.models import Category, Diagnosis, Treatment
from trials.factories import TrialIndexPageFactory, TrialPageFactory
from trials.models import TrialPage
from trials.models.trial import Phase, StudyType

INTRO = "Kliniske studier ved alle sykehus i landet. " + SAMPLE_NOTE


def load_trials(report, stdout):
    nb = Locale.get_default()
    trusts = {t.slug: t for t in HealthTrust.objects.select_related("site__root_page")}
    with transaction.atomic():
        portal = PortalHomePage.objects.filter(locale=nb).first()
        if portal:
            ensure_index(portal, report)
        indexes = {}
        for trust in trusts.values():
            if trust.kind in HOSPITAL_KINDS and trust.site_id:
                indexes[trust.slug] = ensure_index(trust.site.root_page, report)
                add_to_menu(trust.site, indexes[trust.slug], position=1)
    # Every site shows every trial at /kliniske-studier/<slug>/, so a slug is used only once.
    existing = set(TrialPage.objects.filter(locale=nb).values_list("slug", flat=True))
    today = timezone.localdate()
    for number, row in enumerate(TRIALS, start=1):
        title = row[0]
        if slug_for(title) in existing:
            continue
        with transaction.atomic():
            create_trial(number, row, indexes, trusts, today, nb, report)
        stdout(f"[trials {number}/{len(TRIALS)}] {title}")


def slug_for(title):
    return slugify(anyascii(title))[:60].rstrip("-")


def ensure_index(home, report):
    return ensure_child(
        TrialIndexPageFactory,
        home,
        "kliniske-studier",
        report,
        title="Kliniske studier",
        intro=rich(INTRO),
    )


def create_trial(number, row, indexes, trusts, today, nb, report):
    (
        title,
        responsible,
        participating,
        category,
        treatment,
        code,
        phase,
        start,
        end,
        override,
    ) = row
    create_child(
        TrialPageFactory,
        indexes[responsible],
        title=title,
        slug=slug_for(title),
        scientific_title=f"A randomised study: {title} (sample)",
        summary=f"Studien undersøker {title.lower()}. {SAMPLE_NOTE}",
        eligibility=ELIGIBILITY,
        study_type=StudyType.TREATMENT if phase else StudyType.OBSERVATIONAL,
        phase=phase or Phase.NONE,
        inclusion_start=today + datetime.timedelta(days=start),
        inclusion_end=today + datetime.timedelta(days=end) if end is not None else None,
        status_override=override,
        target_participants=40 + 20 * number,
        contact_name="Studiesykepleier (eksempel)",
        contact_phone="22 00 00 00",
        contact_email=f"studier@{responsible}.eksempel.no",
        nct_number=f"NCT0{5000000 + number * 1117:07d}",
        eu_ct_number=f"2024-5{number:05d}-12-00" if phase else "",
        rek_number=f"{600000 + number * 37}",
        cristin_project_id=f"{2700000 + number}",
        categories=list(Category.objects.filter(slug=category, locale=nb)),
        treatments=list(Treatment.objects.filter(slug=treatment, locale=nb)),
        diagnoses=list(Diagnosis.objects.filter(icd10=code, locale=nb)),
        participating_trusts=[trusts[slug] for slug in participating],
    )
    report.count("clinical trials")
