"""Research groups at six hospitals, all but two translated to English through
wagtail-localize; a nynorsk home page and a Northern Sami treatment page."""

from pathlib import Path

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from core.models import HealthTrust
from demo.build import create_child, ensure_child, ensure_translation, rich
from demo.data import SAMPLE_NOTE, SAMPLE_NOTE_EN
from demo.data.research import AREAS, GROUPS, NVA_GROUPS, NYNORSK_SITE, SAMI_SITE
from demo.sites import add_to_menu
from home.models import HospitalHomePage, PortalHomePage
from research.factories import (
    PersonFactory,
    ResearchAreaFactory,
    ResearchGroupPageFactory,
    ResearchIndexPageFactory,
    translate_snippet,
)
from research.models import (
    ImportedProject,
    Person,
    ResearchArea,
    ResearchGroupArea,
    ResearchGroupMember,
    ResearchGroupPage,
    ResearchGroupTrial,
    Role,
)
from research.nva import NvaClient, import_group
from research.nva_replay import replay_server
from treatments.models import TreatmentIndexPage, TreatmentPage
from trials.models import TrialPage


def load_research(report, stdout):
    english = Locale.objects.get(language_code="en")
    with transaction.atomic():
        areas = ensure_areas(report, english)
        portal = PortalHomePage.objects.filter(locale=Locale.get_default()).first()
        if portal:
            ensure_research_index(portal, english, report, portal=True)
    trusts = {t.slug: t for t in HealthTrust.objects.filter(slug__in={row[0] for row in GROUPS})}
    homes = {
        home.slug: home
        for home in HospitalHomePage.objects.filter(slug__in=trusts, locale=Locale.get_default())
    }
    people_sites = home_sites(trusts)
    for number, row in enumerate(GROUPS):
        trust = trusts[row[0]]
        with transaction.atomic():
            research = ensure_research_index(homes[trust.slug], english, report)
            add_to_menu(trust.site, research, position=2)
            group, strings = ensure_group(number, row, research, areas, report, people_sites)
            if row[3] and not group.get_translation_or_none(english):
                translate(group, english, {**strings, row[1]: row[3]})
                report.count("translated research groups")
        stdout(f"[research {number + 1}/{len(GROUPS)}] {trust.name}: {row[2]}")
    with transaction.atomic():
        ensure_nynorsk_and_sami(report)


NVA_RECORDINGS = Path(__file__).parent / "data" / "nva"


def load_nva(report, stdout):
    """Projects and results of three groups, imported from recorded NVA answers served on a
    local port for the run: offline, as the tests do (docs/research.md#recorded-answers)."""
    with replay_server(NVA_RECORDINGS) as url:
        client = NvaClient(base_url=url)
        for slug, project_ids, name, nva_id in NVA_GROUPS:
            group = ResearchGroupPage.objects.filter(slug=slug, locale=Locale.get_default()).first()
            if (
                group is None
                or ImportedProject.objects.filter(group_key=group.translation_key).exists()
            ):
                continue
            with transaction.atomic():
                Person.objects.filter(name=name, nva_id="").update(nva_id=nva_id)
                if not group.nva_project_ids:
                    # A synchronised field: every translation gets it, published after the
                    # Bokmål so that none reads as out of date.
                    for page in [group, *group.get_translations()]:
                        page = page.specific
                        page.nva_project_ids = project_ids
                        page.save_revision().publish()
                imported = import_group(group, client=client)
            report.count("NVA imports")
            stdout(
                f"[NVA] {group.title}: {imported.projects} projects, {imported.results} results"
                + "".join(f"\n  {error}" for error in imported.errors)
            )


def ensure_areas(report, english):
    existing = {a.slug: a for a in ResearchArea.objects.filter(locale=Locale.get_default())}
    for slug, (name, name_en) in AREAS.items():
        if slug not in existing:
            existing[slug] = ResearchAreaFactory(slug=slug, name=name)
            report.count("research areas")
        if name_en and not existing[slug].get_translation_or_none(english):
            translate_snippet(existing[slug], english.language_code, name=name_en)
            report.count("research areas")
    return existing


def ensure_person(name, title, site, report):
    """A researcher kept by `site`'s editors, or national (site None)."""
    person = Person.objects.filter(name=name).first()
    if person is None:
        person = PersonFactory(name=name, title=title, url="https://app.cristin.no/", site=site)
        report.count("researchers")
    elif person.site_id != (site and site.pk):
        person.site = site
        person.save(update_fields=["site"])
    return person


def home_sites(trust_slugs):
    """The site that keeps each researcher: their one trust's, or none (national) for those
    in groups of several trusts."""
    trusts = {}
    for row in GROUPS:
        for name, _title in row[8]:
            trusts.setdefault(name, set()).add(row[0])
    sites = {
        t.slug: t.site
        for t in HealthTrust.objects.filter(slug__in=trust_slugs).select_related("site")
    }
    return {name: sites.get(*slugs) if len(slugs) == 1 else None for name, slugs in trusts.items()}


def texts(title, topic, topic_en, title_en):
    """The group's Bokmål text, and the English for each translatable string."""
    nb = {
        "short_description": f"Forskningsgruppen studerer {topic}.",
        "aims": f"Målet er ny kunnskap om {topic}, til nytte for pasientene. {SAMPLE_NOTE}",
        "methods": "Kliniske studier, registerdata og biobank.",
        "collaborators": "Andre universitetssykehus i Norden og universitetene.",
        "project": f"{title}: hovedprosjekt",
        "funding": "Forskningsrådet og helseforetaket (eksempel)",
    }
    en = {
        nb["short_description"]: f"The research group studies {topic_en}.",
        nb["aims"]: f"The aim is new knowledge about {topic_en}, for the benefit of patients. "
        + SAMPLE_NOTE_EN,
        nb["methods"]: "Clinical trials, registry data and biobank.",
        nb["collaborators"]: "Other university hospitals in the Nordic countries and the "
        "universities.",
        nb["project"]: f"{title_en}: main project",
        nb["funding"]: "The Research Council of Norway and the health trust (example)",
        "2024–2028": "2024–2028",
        title: title_en,
    }
    return nb, en


def ensure_group(number, row, research, areas, report, people_sites):
    trust, slug, title, _slug_en, title_en, area_slugs, topic, topic_en, members = row
    nb, en = texts(title, topic, topic_en, title_en)
    existing = ResearchGroupPage.objects.child_of(research).filter(slug=slug).first()
    if existing:
        return existing, en
    # Looked up only for a new group: its researchers and its hospital's first two trials.
    group = create_child(
        ResearchGroupPageFactory,
        research,
        slug=slug,
        title=title,
        short_description=nb["short_description"],
        aims=rich(nb["aims"]),
        methods=rich(nb["methods"]),
        collaborators=rich(nb["collaborators"]),
        projects=[
            (
                "project",
                {
                    "title": nb["project"],
                    "period": "2024–2028",
                    "funding": nb["funding"],
                    "cristin_id": str(2_700_000 + number),
                },
            )
        ],
        publications=[
            (
                "publication",
                {
                    "title": f"{title_en}: a cohort study (sample)",
                    "journal": "Tidsskrift for Den norske legeforening",
                    "year": 2023 + number % 3,
                    "doi": f"10.5555/fnsp.{1000 + number}",
                },
            )
        ],
        contact_name=members[0][0],
        contact_email=f"{slug}@{trust}.eksempel.no",
        area_links=[ResearchGroupArea(area=areas[s]) for s in area_slugs],
        members=[
            ResearchGroupMember(
                person=ensure_person(name, person_title, people_sites[name], report),
                role=Role.LEADER if position == 0 else Role.MEMBER,
            )
            for position, (name, person_title) in enumerate(members)
        ],
        trial_links=[
            ResearchGroupTrial(trial=trial)
            for trial in TrialPage.objects.filter(
                responsible_trust__slug=trust, locale=Locale.get_default()
            ).order_by("pk")[:2]
        ],
    )
    report.count("pages")
    return group, en


def translate(instance, locale, strings):
    """Translate through wagtail-localize, as an editor would in its translation editor,
    so the editor knows the translation and can update it later."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = strings.get(segment.string.data)
        if text is not None:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text},
            )
    # save_target(publish=True) publishes on commit, which the caller's transaction may
    # delay or (in tests) never reach; publishing the saved draft here is the same action.
    translation.save_target(publish=False)
    target = instance.get_translation(locale)
    target.get_latest_revision().publish()
    return target


def ensure_research_index(home, english, report, portal=False):
    intro = "Forskningsgrupper i hele landet." if portal else "Forskningsgruppene våre."
    index = ensure_child(
        ResearchIndexPageFactory,
        home,
        "forskning",
        report,
        title="Forskning",
        intro=rich(f"{intro} {SAMPLE_NOTE}"),
    )
    if home.get_translation_or_none(english) and not index.get_translation_or_none(english):
        intro_en = "Research groups across Norway." if portal else "Our research groups."
        translate(
            index,
            english,
            {
                "Forskning": "Research",
                "forskning": "research",
                f"{intro} {SAMPLE_NOTE}": f"{intro_en} {SAMPLE_NOTE_EN}",
            },
        )
        report.count("translated pages")
    return index


def ensure_nynorsk_and_sami(report):
    default = Locale.get_default()
    bergen = HospitalHomePage.objects.get(slug=NYNORSK_SITE, locale=default)
    ensure_translation(
        bergen,
        Locale.objects.get(language_code="nn"),
        report,
        intro=rich(
            "Velkomen til Helse Bergen. Her finn du informasjon om behandlingar, kliniske "
            "studiar, forsking og jobb. Eksempelinnhald: teksten er laga for demonstrasjon."
        ),
    )
    home = HospitalHomePage.objects.get(slug=SAMI_SITE, locale=default)
    index = TreatmentIndexPage.objects.child_of(home).first()
    treatment = (
        TreatmentPage.objects.child_of(index).live().order_by("pk").first() if index else None
    )
    if treatment is None:
        return
    # Sami text written by a translator belongs here; the demo marks its placeholder.
    sami = Locale.objects.get(language_code="se")
    ensure_translation(
        home, sami, report, intro=rich("Bures boahtin! Ovdamearkaváldda (eksempelinnhold).")
    )
    ensure_translation(index, sami, report)
    ensure_translation(treatment, sami, report)
