"""A few real findings for the editorial-quality reports (docs/quality.md) on one hospital:
pages due for review, national treatments due, a stage without local text and a broken
internal link, found by the link checker itself. The readability and coverage reports find
their own in the demo's texts and in the translations it lacks."""

import datetime

from django.utils import timezone
from wagtail.models import Locale, Page

from core.models import HealthTrust
from core.sites import on_sites, site_paths
from demo.data import SAMPLE_NOTE
from quality import links
from treatments.models import Treatment, TreatmentPage
from treatments.stages import stages_for

SITE = "helse-bergen"
BROKEN_LINK = "/behandlinger/forberedelser-gammel-side/"
DAY = datetime.timedelta(days=1)


def publish(page):
    page.save_revision(clean=False).publish()


def load_editorial_findings(report, stdout):
    trust = HealthTrust.objects.filter(slug=SITE, site__isnull=False).select_related("site")
    trust = trust.first()
    if trust is None:
        return
    pages = list(
        on_sites(TreatmentPage.objects.live(), site_paths(trust.site))
        .filter(locale=Locale.get_default())
        .select_related("treatment")
        .order_by("path")[:4]
    )
    if len(pages) < 4:
        return
    gap, linked, overdue, soon = pages
    if BROKEN_LINK not in linked.practical_information:
        linked.practical_information += (
            f'<p>Se også <a href="{BROKEN_LINK}">den gamle siden om forberedelser</a>. '
            f"{SAMPLE_NOTE}</p>"
        )
        publish(linked)
        report.count("editorial findings")
    first_stage = f"local_{stages_for(gap.treatment.kind)[0]}"
    if getattr(gap, first_stage):
        setattr(gap, first_stage, "")
        publish(gap)
        report.count("editorial findings")
    # Published long ago: one overdue, one due within 30 days (dates move with the day run).
    now = timezone.now()
    TreatmentPage.objects.filter(pk=overdue.pk).update(last_published_at=now - 400 * DAY)
    TreatmentPage.objects.filter(pk=soon.pk).update(last_published_at=now - 350 * DAY)
    today = timezone.localdate()
    national = Treatment.objects.filter(locale=Locale.get_default()).order_by("title")
    for treatment, due in zip(national[:2], (today - 10 * DAY, today + 20 * DAY), strict=False):
        Treatment.objects.filter(pk=treatment.pk).update(next_review=due)
    checked = Page.objects.filter(pk=linked.pk)
    findings = links.collect(pages=checked)
    links.check_internal(findings)
    links.store(findings, pages=checked)
    stdout(f"[editorial quality] {trust.name}: {len(findings.broken)} broken link(s) found")
