"""Demo clinical trials (sample text): 25+ across regions, statuses and categories."""

import datetime

from anyascii import anyascii
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from core.models import HealthTrust
from home.demo import SAMPLE_NOTE, add_to_menu, ensure_child, rich
from home.models import HospitalHomePage, PortalHomePage
from treatments.demo import HOSPITAL_KINDS
from treatments.models import Category, Diagnosis, Treatment
from trials.models import TrialIndexPage, TrialPage
from trials.models.trial import Phase, StudyType

# (title, responsible, participating, category, treatment slug, icd10, phase, start, end, override)
# start/end are days relative to the day the demo is first loaded.
TRIALS = [
    (
        "Kortere strålebehandling etter brystkreftoperasjon",
        "oslo-universitetssykehus",
        ["helse-bergen", "stolav", "unn"],
        "kreft",
        "stralebehandling",
        "C50",
        "3",
        -200,
        400,
        "",
    ),
    (
        "Immunterapi før operasjon av tykktarmskreft",
        "oslo-universitetssykehus",
        ["ahus"],
        "kreft",
        "tykktarmskreft",
        "C18",
        "2",
        -90,
        300,
        "",
    ),
    (
        "Aktiv overvåking eller operasjon ved lavrisiko prostatakreft",
        "helse-bergen",
        ["helse-stavanger", "helse-forde"],
        "kreft",
        "prostatakreft",
        "C61",
        "3",
        -400,
        -30,
        "",
    ),
    (
        "Ny tablettbehandling ved lungekreft med genforandring",
        "stolav",
        [],
        "kreft",
        "lungekreft",
        "C34",
        "2",
        30,
        500,
        "",
    ),
    (
        "Fysisk trening under cellegiftbehandling",
        "unn",
        ["nordlandssykehuset"],
        "kreft",
        "cellegiftbehandling",
        "C50",
        "",
        -60,
        None,
        "",
    ),
    (
        "Blodfortynnende etter PCI hos eldre",
        "helse-bergen",
        ["oslo-universitetssykehus", "unn"],
        "hjerte-og-kar",
        "pci",
        "I21",
        "4",
        -300,
        200,
        "",
    ),
    (
        "Tidlig ablasjon ved nyoppdaget atrieflimmer",
        "oslo-universitetssykehus",
        ["sshf"],
        "hjerte-og-kar",
        "ablasjon-atrieflimmer",
        "I48",
        "3",
        -150,
        250,
        "",
    ),
    (
        "Digital hjerterehabilitering hjemme",
        "stolav",
        ["helse-mr", "hnt"],
        "hjerte-og-kar",
        "hjerteinfarkt",
        "I21",
        "",
        -20,
        365,
        "",
    ),
    (
        "Fjernmonitorering av pacemaker",
        "unn",
        [],
        "hjerte-og-kar",
        "pacemaker",
        "I44",
        "",
        -700,
        -100,
        "",
    ),
    (
        "Kunstig intelligens ved koloskopi",
        "ahus",
        ["sykehuset-ostfold"],
        "mage-og-tarm",
        "koloskopi",
        "K51",
        "",
        -100,
        200,
        "",
    ),
    (
        "Dagkirurgi ved fjerning av galleblære",
        "helse-stavanger",
        [],
        "mage-og-tarm",
        "fjerning-av-galleblaere",
        "K80",
        "",
        60,
        420,
        "",
    ),
    (
        "Robotassistert kneprotese",
        "sykehuset-innlandet",
        ["vestreviken"],
        "muskel-og-skjelett",
        "kneprotese",
        "M17",
        "",
        -250,
        100,
        "",
    ),
    (
        "Trening eller operasjon etter korsbåndskade",
        "stolav",
        ["helse-bergen"],
        "muskel-og-skjelett",
        "korsbandrekonstruksjon",
        "S83.5",
        "",
        -500,
        -200,
        "",
    ),
    (
        "Hurtig rehabilitering etter hofteprotese",
        "diakonhjemmetsykehus",
        ["lovisenbergsykehus"],
        "muskel-og-skjelett",
        "hofteprotese",
        "M16",
        "",
        -80,
        280,
        "suspended",
    ),
    (
        "Trombektomi ved hjerneslag hos de eldste",
        "helse-bergen",
        ["oslo-universitetssykehus", "stolav", "unn"],
        "nevrologi",
        "hjerneslag",
        "I63",
        "3",
        -365,
        365,
        "",
    ),
    (
        "Ny behandling ved multippel sklerose",
        "oslo-universitetssykehus",
        ["helse-bergen"],
        "nevrologi",
        "mr-hjernen",
        "G35",
        "3",
        -30,
        600,
        "",
    ),
    (
        "Ketogen diett ved epilepsi hos voksne",
        "sshf",
        [],
        "nevrologi",
        "epilepsiutredning",
        "G40",
        "2",
        90,
        500,
        "",
    ),
    (
        "Internettbasert behandling av depresjon",
        "helse-bergen",
        ["helse-fonna"],
        "psykisk-helse",
        "depresjon",
        "F32",
        "",
        -120,
        240,
        "",
    ),
    (
        "Familiebasert behandling av anoreksi",
        "oslo-universitetssykehus",
        ["stolav"],
        "psykisk-helse",
        "spiseforstyrrelser",
        "F50",
        "",
        -400,
        -10,
        "",
    ),
    (
        "Jordmor hjem etter fødsel",
        "helse-stavanger",
        ["helse-fonna"],
        "kvinnehelse",
        "fodsel",
        "O80",
        "",
        -50,
        300,
        "",
    ),
    (
        "Ultralyd av livmorhals før igangsetting",
        "ahus",
        [],
        "kvinnehelse",
        "ultralyd-svangerskap",
        "Z34",
        "",
        -10,
        180,
        "withdrawn",
    ),
    (
        "Astmaskole på nett for barn",
        "unn",
        ["finnmarkssykehuset", "helgelandssykehuset"],
        "barn-og-unge",
        "astmautredning-barn",
        "J45",
        "",
        -200,
        150,
        "",
    ),
    (
        "Kunstig bukspyttkjertel hos barn med diabetes",
        "oslo-universitetssykehus",
        ["helse-bergen", "stolav", "unn", "ahus"],
        "barn-og-unge",
        "diabetes-barn",
        "E10",
        "3",
        -30,
        500,
        "",
    ),
    (
        "Lungerehabilitering med videooppfølging",
        "nordlandssykehuset",
        ["unn"],
        "lunge",
        "kols-rehabilitering",
        "J44",
        "",
        -300,
        60,
        "",
    ),
    ("Hjemmemåling ved søvnapné", "helse-forde", [], "lunge", "sovnapne", "G47.3", "", 20, 300, ""),
    (
        "Linseoperasjon på begge øyne samme dag",
        "stolav",
        ["helse-mr"],
        "oye",
        "gra-staer",
        "H25",
        "4",
        -150,
        150,
        "",
    ),
]


ELIGIBILITY = (
    "Voksne over 18 år med aktuell diagnose som kan gi informert samtykke.\n"
    "Du kan ikke delta hvis du er gravid."
)


def slug_for(title):
    return slugify(anyascii(title))[:60].rstrip("-")


def ensure_index(home, report, intro):
    return ensure_child(
        home,
        TrialIndexPage,
        "kliniske-studier",
        report,
        title="Kliniske studier",
        intro=rich(intro),
    )


def load_trials_demo(report, stdout):
    nb = Locale.get_default()
    trusts = {t.slug: t for t in HealthTrust.objects.select_related("site")}
    hospitals = [t for t in trusts.values() if t.kind in HOSPITAL_KINDS and t.site_id]
    intro = "Kliniske studier ved alle sykehus i landet. " + SAMPLE_NOTE
    with transaction.atomic():
        portal = PortalHomePage.objects.filter(locale=nb).first()
        if portal:
            ensure_index(portal, report, intro)
        indexes = {}
        for trust in hospitals:
            home = HospitalHomePage.objects.get(pk=trust.site.root_page_id)
            indexes[trust.slug] = ensure_index(home, report, intro)
            add_to_menu(trust.site, indexes[trust.slug], position=1)
    today = timezone.localdate()
    for number, row in enumerate(TRIALS, start=1):
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
        slug = slug_for(title)
        index = indexes[responsible]
        if index.get_children().filter(slug=slug).exists():
            continue
        with transaction.atomic():
            trial = TrialPage(
                title=title,
                slug=slug,
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
            )
            index.add_child(instance=trial)
            trial.categories.set(Category.objects.filter(slug=category, locale=nb))
            trial.treatments.set(Treatment.objects.filter(slug=treatment, locale=nb))
            trial.diagnoses.set(Diagnosis.objects.filter(icd10=code, locale=nb))
            trial.participating_trusts.set([trusts[slug] for slug in participating])
            trial.save_revision().publish()
            report.count("clinical trials")
        stdout(f"[trials {number}/{len(TRIALS)}] {title}")
