"""Demo research groups (sample text), idempotent: 12 groups at 6 hospitals, all but two
translated to English through wagtail-localize; a nynorsk home page and Sami treatment page."""

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from core.models import HealthTrust
from home.demo import SAMPLE_NOTE, ensure_child, ensure_translation, rich
from home.models import HospitalHomePage, PortalHomePage
from research.models import (
    Person,
    ResearchArea,
    ResearchGroupArea,
    ResearchGroupMember,
    ResearchGroupPage,
    ResearchGroupTrial,
    ResearchIndexPage,
    Role,
)
from treatments.models import TreatmentIndexPage, TreatmentPage
from trials.models import TrialPage

SAMPLE_NOTE_EN = "Sample content for demonstration, not real information."
# slug: (Bokmål, English or None). One area is left untranslated so English pages show
# the Bokmål fallback notice.
AREAS = {
    "kreftforskning": ("Kreftforskning", "Cancer research"),
    "hjerte-og-kar": ("Hjerte- og karforskning", "Cardiovascular research"),
    "nevrologi": ("Nevrologi", "Neurology"),
    "psykisk-helse": ("Psykisk helse", "Mental health"),
    "folkehelse": ("Folkehelse", "Public health"),
    "e-helse": ("E-helse og telemedisin", None),
    "eldremedisin": ("Eldremedisin", "Geriatric medicine"),
    "akuttmedisin": ("Akuttmedisin", "Emergency medicine"),
    "kvinnehelse": ("Kvinnehelse", "Women's health"),
}
# (trust, slug, title, English slug or None (left untranslated), English title, areas,
#  topic in Bokmål, topic in English, members (name, title); the first is the leader)
GROUPS = [
    (
        "oslo-universitetssykehus",
        "kreftimmunologi",
        "Kreftimmunologi",
        "cancer-immunology",
        "Cancer immunology",
        ["kreftforskning"],
        "hvordan immunforsvaret kan angripe kreftceller",
        "how the immune system can attack cancer cells",
        [
            ("Kari Nordmann", "professor, overlege"),
            ("Ola Hansen", "forsker"),
            ("Ingrid Berg", "stipendiat"),
        ],
    ),
    (
        "oslo-universitetssykehus",
        "hjerneslag",
        "Hjerneslagforskning",
        "stroke-research",
        "Stroke research",
        ["nevrologi", "hjerte-og-kar"],
        "akuttbehandling og rehabilitering etter hjerneslag",
        "acute treatment and rehabilitation after stroke",
        [
            ("Per Johansen", "professor"),
            ("Ingrid Berg", "stipendiat"),
            ("Lise Dahl", "fysioterapeut"),
        ],
    ),
    (
        "helse-bergen",
        "hjerterytme",
        "Hjerterytmeforskning",
        "heart-rhythm-research",
        "Heart rhythm research",
        ["hjerte-og-kar"],
        "atrieflimmer og andre rytmeforstyrrelser",
        "atrial fibrillation and other rhythm disorders",
        [
            ("Anne Solberg", "overlege, ph.d."),
            ("Jonas Vik", "forsker"),
            ("Marte Lie", "sykepleier"),
        ],
    ),
    (
        "helse-bergen",
        "psykose",
        "Psykoseforskning",
        "psychosis-research",
        "Psychosis research",
        ["psykisk-helse"],
        "tidlig oppdagelse og behandling av psykose",
        "early detection and treatment of psychosis",
        [("Erik Strand", "professor, psykiater"), ("Silje Moe", "psykolog")],
    ),
    (
        "stolav",
        "lungekreft",
        "Lungekreft og tidlig diagnostikk",
        "lung-cancer-early-diagnosis",
        "Lung cancer and early diagnosis",
        ["kreftforskning"],
        "tidlig diagnostikk av lungekreft",
        "early diagnosis of lung cancer",
        [("Tor Lund", "overlege"), ("Ola Hansen", "forsker"), ("Hanne Bakken", "bioingeniør")],
    ),
    (
        "stolav",
        "trening-hjertehelse",
        "Trening og hjertehelse",
        "exercise-heart-health",
        "Exercise and heart health",
        ["hjerte-og-kar", "folkehelse"],
        "hvordan trening forebygger og behandler hjertesykdom",
        "how exercise prevents and treats heart disease",
        [("Unni Wold", "professor"), ("Nina Haug", "stipendiat")],
    ),
    (
        "unn",
        "arktisk-folkehelse",
        "Arktisk folkehelse",
        "arctic-public-health",
        "Arctic public health",
        ["folkehelse"],
        "helse og levekår i nord",
        "health and living conditions in the north",
        [("Sara Eira", "professor"), ("Mikkel Pedersen", "forsker")],
    ),
    (
        "unn",
        "telemedisin",
        "Telemedisin",
        "telemedicine",
        "Telemedicine",
        ["e-helse", "folkehelse"],
        "helsetjenester over avstand",
        "health care at a distance",
        [("Knut Nilsen", "forsker"), ("Sara Eira", "professor")],
    ),
    (
        "ahus",
        "eldremedisin",
        "Eldremedisin",
        "geriatric-medicine",
        "Geriatric medicine",
        ["eldremedisin"],
        "skrøpelighet og delirium hos eldre",
        "frailty and delirium in older people",
        [("Berit Aas", "overlege, ph.d."), ("Lars Holm", "stipendiat")],
    ),
    (
        "ahus",
        "akuttmedisin",
        "Akuttmedisin",
        None,
        "",
        ["akuttmedisin"],
        "prehospital behandling og akuttmottak",
        "",
        [("Morten Foss", "overlege"), ("Lise Dahl", "fysioterapeut")],
    ),
    (
        "helse-stavanger",
        "bevegelsesforstyrrelser",
        "Bevegelsesforstyrrelser",
        "movement-disorders",
        "Movement disorders",
        ["nevrologi"],
        "Parkinsons sykdom",
        "Parkinson's disease",
        [("Guro Tveit", "professor, nevrolog"), ("Jonas Vik", "forsker")],
    ),
    (
        "helse-stavanger",
        "kvinnehelse-fodsel",
        "Kvinnehelse og fødsel",
        None,
        "",
        ["kvinnehelse"],
        "svangerskap og fødsel",
        "",
        [("Astrid Rønning", "jordmor, ph.d."), ("Hanne Bakken", "bioingeniør")],
    ),
]
# All of them have English home pages (home.demo.ENGLISH_SITES), made before any other
# demo content so that every app's English parts are created in the first run.
RESEARCH_HOSPITALS = sorted({row[0] for row in GROUPS})
NYNORSK_SITE = "helse-bergen"
SAMI_SITE = "unn"


def ensure_areas(report, english):
    areas = {}
    for slug, (name, name_en) in AREAS.items():
        area = ResearchArea.objects.filter(slug=slug, locale=Locale.get_default()).first()
        if area is None:
            area = ResearchArea.objects.create(slug=slug, name=name)
            report.count("research areas")
        if name_en and not area.get_translation_or_none(english):
            translated = area.copy_for_translation(english)
            translated.name = name_en
            translated.save()
            report.count("research areas")
        areas[slug] = area
    return areas


def ensure_person(name, title, report):
    person = Person.objects.filter(name=name).first()
    if person is None:
        person = Person.objects.create(name=name, title=title, url="https://app.cristin.no/")
        report.count("researchers")
    return person


def texts(index, title, topic, topic_en, title_en):
    """The group's Bokmål text, and the English for each translatable string."""
    cristin = str(2_700_000 + index)
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
    publications = [
        (
            "publication",
            {
                "title": f"{title_en}: a cohort study (sample)",
                "journal": "Tidsskrift for Den norske legeforening",
                "year": 2023 + index % 3,
                "doi": f"10.5555/fnsp.{1000 + index}",
            },
        )
    ]
    projects = [
        (
            "project",
            {
                "title": nb["project"],
                "period": "2024–2028",
                "funding": nb["funding"],
                "cristin_id": cristin,
            },
        )
    ]
    return nb, en, projects, publications


def ensure_group(index, row, research, areas, report):
    trust, slug, title, _slug_en, title_en, area_slugs, topic, topic_en, members = row
    nb, en, projects, publications = texts(index, title, topic, topic_en, title_en)
    existing = research.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific, en

    def prepare(page):
        page.area_links = [ResearchGroupArea(area=areas[s]) for s in area_slugs]
        page.members = [
            ResearchGroupMember(
                person=ensure_person(name, person_title, report),
                role=Role.LEADER if number == 0 else Role.MEMBER,
            )
            for number, (name, person_title) in enumerate(members)
        ]
        trials = TrialPage.objects.filter(
            responsible_trust__slug=trust, locale=Locale.get_default()
        ).order_by("pk")[:2]
        page.trial_links = [ResearchGroupTrial(trial=trial) for trial in trials]

    group = ensure_child(
        research,
        ResearchGroupPage,
        slug,
        report,
        prepare=prepare,
        title=title,
        short_description=nb["short_description"],
        aims=rich(nb["aims"]),
        methods=rich(nb["methods"]),
        collaborators=rich(nb["collaborators"]),
        projects=projects,
        publications=publications,
        contact_name=members[0][0],
        contact_email=f"{slug}@{trust}.eksempel.no",
    )
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
        home,
        ResearchIndexPage,
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
    bergen = HospitalHomePage.objects.get(slug=NYNORSK_SITE, locale=Locale.get_default())
    ensure_translation(
        bergen,
        Locale.objects.get(language_code="nn"),
        report,
        intro=rich(
            "Velkomen til Helse Bergen. Her finn du informasjon om behandlingar, kliniske "
            "studiar, forsking og jobb. Eksempelinnhald: teksten er laga for demonstrasjon."
        ),
    )
    sami = Locale.objects.get(language_code="se")
    home = HospitalHomePage.objects.get(slug=SAMI_SITE, locale=Locale.get_default())
    index = TreatmentIndexPage.objects.child_of(home).first()
    treatment = (
        TreatmentPage.objects.child_of(index).live().order_by("pk").first() if index else None
    )
    if treatment is None:
        return
    # Sami text written by a translator belongs here; the demo marks its placeholder.
    ensure_translation(
        home, sami, report, intro=rich("Bures boahtin! Ovdamearkaváldda (eksempelinnhold).")
    )
    ensure_translation(index, sami, report)
    ensure_translation(treatment, sami, report)


def load_research_demo(report, stdout):
    english = Locale.objects.get(language_code="en")
    with transaction.atomic():
        areas = ensure_areas(report, english)
        portal = PortalHomePage.objects.filter(locale=Locale.get_default()).first()
        if portal:
            ensure_research_index(portal, english, report, portal=True)
    trusts = {t.slug: t for t in HealthTrust.objects.filter(slug__in=RESEARCH_HOSPITALS)}
    for index, row in enumerate(GROUPS):
        trust = trusts[row[0]]
        with transaction.atomic():
            home = HospitalHomePage.objects.get(slug=trust.slug, locale=Locale.get_default())
            research = ensure_research_index(home, english, report)
            group, strings = ensure_group(index, row, research, areas, report)
            if row[3] and not group.get_translation_or_none(english):
                translate(group, english, {**strings, row[1]: row[3]})
                report.count("translated research groups")
        stdout(f"[research {index + 1}/{len(GROUPS)}] {trust.name}: {row[2]}")
    with transaction.atomic():
        ensure_nynorsk_and_sami(report)
