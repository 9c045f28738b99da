"""Demo national treatments and local treatment pages (sample text), idempotent."""

import datetime
import zlib

from django.db import transaction
from wagtail.models import Locale

from core.models import HealthTrust
from home.demo import SAMPLE_NOTE, add_to_menu, ensure_child, ensure_translation, rich
from home.models import DepartmentPage, HospitalHomePage, LocationPage, PortalHomePage
from treatments.models import Category, Diagnosis, Treatment, TreatmentIndexPage, TreatmentPage
from treatments.stages import Kind, stages_for

CATEGORIES = {
    "kreft": "Kreft",
    "hjerte-og-kar": "Hjerte og kar",
    "mage-og-tarm": "Mage og tarm",
    "muskel-og-skjelett": "Muskel og skjelett",
    "nevrologi": "Hjerne og nerver",
    "psykisk-helse": "Psykisk helse",
    "kvinnehelse": "Graviditet, fødsel og kvinnehelse",
    "barn-og-unge": "Barn og unge",
    "lunge": "Lunger og pust",
    "oye": "Øye",
}
CATEGORY_NAMES_EN = {
    "kreft": "Cancer",
    "hjerte-og-kar": "Heart and blood vessels",
    "mage-og-tarm": "Stomach and bowel",
    "muskel-og-skjelett": "Muscles and bones",
}

P, T, U = Kind.PROGRAMME, Kind.TREATMENT, Kind.EXAMINATION
# (title, slug, kind, category, [(icd10, diagnosis)], summary, what happens)
TREATMENTS = [
    (
        "Brystkreft, behandlingsforløp",
        "brystkreft",
        P,
        "kreft",
        [("C50", "Brystkreft")],
        "Pakkeforløp for deg som har fått påvist eller mistanke om brystkreft.",
        "operasjon, ofte fulgt av strålebehandling og medikamenter",
    ),
    (
        "Tykktarmskreft, behandlingsforløp",
        "tykktarmskreft",
        P,
        "kreft",
        [("C18", "Kreft i tykktarm")],
        "Utredning og behandling av kreft i tykktarmen.",
        "kirurgi der den syke delen av tarmen fjernes, noen ganger cellegift",
    ),
    (
        "Prostatakreft, behandlingsforløp",
        "prostatakreft",
        P,
        "kreft",
        [("C61", "Prostatakreft")],
        "Pakkeforløp for menn med mistanke om eller påvist prostatakreft.",
        "aktiv overvåking, operasjon eller strålebehandling",
    ),
    (
        "Lungekreft, behandlingsforløp",
        "lungekreft",
        P,
        "kreft",
        [("C34", "Kreft i bronkier og lunge")],
        "Utredning og behandling ved lungekreft.",
        "operasjon, strålebehandling eller medikamenter, ofte i kombinasjon",
    ),
    (
        "Strålebehandling",
        "stralebehandling",
        T,
        "kreft",
        [("C50", "Brystkreft"), ("C61", "Prostatakreft")],
        "Behandling med høyenergetisk stråling mot kreftsvulster.",
        "korte daglige behandlinger over noen uker",
    ),
    (
        "Cellegiftbehandling",
        "cellegiftbehandling",
        T,
        "kreft",
        [("C18", "Kreft i tykktarm")],
        "Medikamentell kreftbehandling gitt som infusjon eller tabletter.",
        "kurer med pauser mellom, gitt på dagpost",
    ),
    (
        "Koronar angiografi",
        "koronar-angiografi",
        U,
        "hjerte-og-kar",
        [("I20", "Angina pectoris"), ("I21", "Akutt hjerteinfarkt")],
        "Røntgenundersøkelse av hjertets blodårer med kontrastvæske.",
        "et tynt kateter føres fra håndleddet til hjertet",
    ),
    (
        "PCI, utblokking av kransårer",
        "pci",
        T,
        "hjerte-og-kar",
        [("I21", "Akutt hjerteinfarkt")],
        "Trange eller tette kransårer blokkes ut med ballong og stent.",
        "ballongutvidelse og innsetting av stent under lokalbedøvelse",
    ),
    (
        "Innsetting av pacemaker",
        "pacemaker",
        T,
        "hjerte-og-kar",
        [("I44", "Hjerteblokk")],
        "En pacemaker sørger for at hjertet slår raskt nok.",
        "en liten operasjon under kragebeinet",
    ),
    (
        "Ablasjon ved atrieflimmer",
        "ablasjon-atrieflimmer",
        T,
        "hjerte-og-kar",
        [("I48", "Atrieflimmer og atrieflutter")],
        "Behandling som kan gjenopprette normal hjerterytme.",
        "varme- eller kuldebehandling via kateter i hjertet",
    ),
    (
        "Hjerteinfarkt, behandlingsforløp",
        "hjerteinfarkt",
        P,
        "hjerte-og-kar",
        [("I21", "Akutt hjerteinfarkt")],
        "Fra akutt innleggelse til rehabilitering etter hjerteinfarkt.",
        "rask utblokking, medisiner og hjerterehabilitering",
    ),
    (
        "Gastroskopi",
        "gastroskopi",
        U,
        "mage-og-tarm",
        [("K21", "Refluks")],
        "Kikkertundersøkelse av spiserøret, magesekken og tolvfingertarmen.",
        "en tynn slange med kamera føres gjennom munnen",
    ),
    (
        "Koloskopi",
        "koloskopi",
        U,
        "mage-og-tarm",
        [("K50", "Crohns sykdom"), ("K51", "Ulcerøs kolitt"), ("C18", "Kreft i tykktarm")],
        "Kikkertundersøkelse av tykktarmen.",
        "tarmen undersøkes med et fleksibelt instrument",
    ),
    (
        "Fjerning av galleblæren",
        "fjerning-av-galleblaere",
        T,
        "mage-og-tarm",
        [("K80", "Gallestein")],
        "Kikkhullsoperasjon ved plagsom gallestein.",
        "kikkhullskirurgi i narkose",
    ),
    (
        "Kneprotese",
        "kneprotese",
        T,
        "muskel-og-skjelett",
        [("M17", "Kneartrose")],
        "Utskifting av slitt kneledd med en kunstig ledd.",
        "operasjon i spinal- eller narkose",
    ),
    (
        "Hofteprotese",
        "hofteprotese",
        T,
        "muskel-og-skjelett",
        [("M16", "Hofteartrose")],
        "Utskifting av slitt hofteledd med et kunstig ledd.",
        "operasjon, oftest i spinalbedøvelse",
    ),
    (
        "Korsbåndrekonstruksjon",
        "korsbandrekonstruksjon",
        T,
        "muskel-og-skjelett",
        [("S83.5", "Forstuing og avrivning av korsbånd i kne")],
        "Operasjon der et avrevet korsbånd erstattes med en sene.",
        "kikkhullsoperasjon i kneet",
    ),
    (
        "MR av hjernen",
        "mr-hjernen",
        U,
        "nevrologi",
        [("G35", "Multippel sklerose")],
        "Magnetresonansundersøkelse av hjernen, uten røntgenstråling.",
        "du ligger stille i en maskin i 20–40 minutter",
    ),
    (
        "Hjerneslag, behandlingsforløp",
        "hjerneslag",
        P,
        "nevrologi",
        [("I63", "Hjerneinfarkt")],
        "Akuttbehandling, utredning og rehabilitering ved hjerneslag.",
        "blodproppløsende behandling eller trombektomi, deretter rehabilitering",
    ),
    (
        "Epilepsiutredning",
        "epilepsiutredning",
        U,
        "nevrologi",
        [("G40", "Epilepsi")],
        "Utredning ved anfall som kan skyldes epilepsi.",
        "EEG-registrering og samtale med lege",
    ),
    (
        "Behandling av depresjon",
        "depresjon",
        T,
        "psykisk-helse",
        [("F32", "Depressiv episode")],
        "Poliklinisk samtalebehandling og eventuelt medisiner.",
        "samtaler med psykolog eller psykiater over flere uker",
    ),
    (
        "Spiseforstyrrelser, behandlingsforløp",
        "spiseforstyrrelser",
        P,
        "psykisk-helse",
        [("F50", "Spiseforstyrrelser")],
        "Utredning og behandling av spiseforstyrrelser.",
        "samtaleterapi, ernæringsoppfølging og familiesamarbeid",
    ),
    (
        "Keisersnitt",
        "keisersnitt",
        T,
        "kvinnehelse",
        [("O82", "Fødsel ved keisersnitt")],
        "Planlagt eller akutt forløsning med operasjon.",
        "operasjon i spinalbedøvelse",
    ),
    (
        "Ultralyd i svangerskapet",
        "ultralyd-svangerskap",
        U,
        "kvinnehelse",
        [("Z34", "Kontroll av normalt svangerskap")],
        "Rutineultralyd i uke 18–20.",
        "en jordmor undersøker fosteret med ultralyd",
    ),
    (
        "Fødsel, forløp",
        "fodsel",
        P,
        "kvinnehelse",
        [("O80", "Spontan fødsel")],
        "Fra svangerskapskontroll til barselomsorg.",
        "fødsel med jordmor og barselopphold",
    ),
    (
        "Astmautredning hos barn",
        "astmautredning-barn",
        U,
        "barn-og-unge",
        [("J45", "Astma")],
        "Utredning av pusteplager hos barn.",
        "lungefunksjonstest og allergitesting",
    ),
    (
        "Diabetes type 1 hos barn, oppfølging",
        "diabetes-barn",
        P,
        "barn-og-unge",
        [("E10", "Diabetes mellitus type 1")],
        "Oppstart og oppfølging av barn med type 1-diabetes.",
        "opplæring i insulinbehandling for barn og foreldre",
    ),
    (
        "Spirometri",
        "spirometri",
        U,
        "lunge",
        [("J44", "KOLS")],
        "Pusteprøve som måler lungefunksjonen.",
        "du blåser så hardt du kan i et munnstykke",
    ),
    (
        "KOLS, lungerehabilitering",
        "kols-rehabilitering",
        P,
        "lunge",
        [("J44", "KOLS")],
        "Rehabilitering for bedre pust og mer overskudd.",
        "trening, opplæring og oppfølging i grupper",
    ),
    (
        "Søvnapnéutredning",
        "sovnapne",
        U,
        "lunge",
        [("G47.3", "Søvnapné")],
        "Utredning av pustestopp under søvn.",
        "søvnregistrering hjemme en natt",
    ),
    (
        "Operasjon for grå stær",
        "gra-staer",
        T,
        "oye",
        [("H25", "Aldersbetinget katarakt")],
        "Den uklare linsen i øyet erstattes med en kunstig linse.",
        "kort operasjon i lokalbedøvelse",
    ),
]
ENGLISH = {
    "gastroskopi": ("Gastroscopy", "Camera examination of the gullet, stomach and duodenum."),
    "koloskopi": ("Colonoscopy", "Camera examination of the large bowel."),
    "kneprotese": ("Knee replacement", "Replacing a worn knee joint with an artificial one."),
    "hofteprotese": ("Hip replacement", "Replacing a worn hip joint with an artificial one."),
    "brystkreft": (
        "Breast cancer, care pathway",
        "Care pathway for suspected or confirmed breast cancer.",
    ),
    "koronar-angiografi": ("Coronary angiography", "X-ray examination of the heart's arteries."),
}
# Hospitals (with English home pages in the demo) that offer every English-translated treatment.
ENGLISH_HOSPITALS = {"helse-bergen", "oslo-universitetssykehus"}
BUILDINGS = ["Hovedbygget", "Sentralblokka", "Poliklinikkbygget", "Behandlingsbygg sør", "Nybygget"]
HOSPITAL_KINDS = {HealthTrust.Kind.TRUST, HealthTrust.Kind.PRIVATE_NONPROFIT}
# Specialised hospitals: the general demo treatments would misrepresent what they offer.
SPECIALISED = {"sunnaas", "modum-bad", "revmatismesykehuset", "martinahansen", "hsr", "olaviken"}
DEMO_START = datetime.date(2025, 1, 6)


def stage_text(kind, key, title, what):
    lower = title.lower()
    texts = {
        "referral": "Fastlegen eller en annen lege henviser deg. Spesialisthelsetjenesten "
        "vurderer "
        f"henvisningen innen ti virkedager og gir deg beskjed om du får tilbud om {lower}.",
        "investigation": "Utredningen kan omfatte blodprøver, bildeundersøkelser og samtale med "
        "lege. Du får vite resultatene og hva som er neste steg.",
        "therapy": f"Behandlingen er vanligvis {what}. Legen forklarer fordeler og ulemper, og "
        "dere bestemmer sammen hva som passer for deg.",
        "follow_up": "Etter behandlingen følges du opp med kontroller. Fastlegen får epikrise.",
        "before": f"Før {lower} får du skriftlig informasjon om forberedelser, for eksempel om "
        "faste og medisiner du bruker. Ta med liste over medisinene dine.",
        "during": f"Under {lower}: {what}. Personalet forteller hva som skjer underveis.",
        "after": "Etterpå får du vite når du kan reise hjem, og hvem du kan kontakte hvis du får "
        "plager.",
    }
    return rich(texts[key])


def ensure_categories(report):
    categories = {}
    for slug, name in CATEGORIES.items():
        category = Category.objects.filter(slug=slug, locale=Locale.get_default()).first()
        if category is None:
            category = Category.objects.create(slug=slug, name=name)
            report.count("categories")
        categories[slug] = category
    return categories


def ensure_diagnosis(code, name, report):
    diagnosis = Diagnosis.objects.filter(icd10=code, locale=Locale.get_default()).first()
    if diagnosis is None:
        diagnosis = Diagnosis.objects.create(
            icd10=code,
            name=name,
            helsenorge_url=f"https://www.helsenorge.no/sok/?k={code}",
        )
        report.count("diagnoses")
    return diagnosis


def ensure_treatment(index, row, categories, responsible, report):
    title, slug, kind, category, diagnoses, summary, what = row
    treatment = Treatment.objects.filter(slug=slug, locale=Locale.get_default()).first()
    if treatment is not None:
        return treatment
    approved = DEMO_START + datetime.timedelta(days=17 * index)
    treatment = Treatment(
        title=title,
        slug=slug,
        kind=kind,
        summary=f"{summary} {SAMPLE_NOTE}",
        category=categories[category],
        responsible_trust=responsible,
        content_owner="Nasjonal fagredaksjon (eksempel)",
        clinical_owner="Fagansvarlig overlege (eksempel)",
        approved_date=approved,
        warning=rich(
            "Kontakt lege eller legevakt hvis du får feber over 38 °C, sterke smerter "
            "eller blødning."
        )
        if kind != Kind.EXAMINATION
        else "",
        **{key: stage_text(kind, key, title, what) for key in stages_for(kind)},
    )
    treatment.save()
    treatment.diagnoses.set([ensure_diagnosis(code, name, report) for code, name in diagnoses])
    treatment.save_revision().publish()
    report.count("national treatments")
    return treatment


def ensure_english(treatment, report):
    english = Locale.objects.get(language_code="en")
    if treatment.get_translation_or_none(english) or treatment.slug not in ENGLISH:
        return
    title, summary = ENGLISH[treatment.slug]
    translated = treatment.copy_for_translation(english)
    translated.title = title
    translated.summary = f"{summary} Sample content."
    for key in stages_for(treatment.kind):
        setattr(translated, key, rich(f"{title}: English sample text for this stage."))
    translated.warning = (
        rich("Contact a doctor if you get a fever or severe pain.") if treatment.warning else ""
    )
    translated.save()
    translated.save_revision().publish()
    report.count("translated national treatments")


def offering_hospitals(slug, hospitals):
    """A stable, varied set of 3–8 hospitals for each treatment."""
    seed = zlib.crc32(slug.encode())
    count = 3 + seed % 6
    start = seed % len(hospitals)
    return [hospitals[(start + step * 7) % len(hospitals)] for step in range(count)]


def ensure_index(home, report, portal=False):
    return ensure_child(
        home,
        TreatmentIndexPage,
        "behandlinger",
        report,
        title="Behandlinger",
        intro=rich("Undersøkelser og behandlinger A–Å." + ("" if portal else " " + SAMPLE_NOTE)),
    )


def contact_card(trust, building, departments):
    """A card pointing at one of the hospital's departments, or free text when it has none."""
    if departments:
        return ("contact", {"department": departments[0], "location": None, "title": ""})
    return (
        "contact",
        {
            "department": None,
            "location": None,
            "title": f"Poliklinikken, {trust.name}",
            "reporting_point": f"Resepsjonen i {building}",
            "visiting_address": "Eksempelveien 1, 0000 Eksempelby",
            "opening_hours": "Mandag–fredag 08.00–15.30",
            "phone": "22 00 00 00",
            "phone_hours": "Mandag–fredag 09.00–14.00",
            "email": f"poliklinikk@{trust.slug}.eksempel.no",
        },
    )


def ensure_local_page(index, treatment, trust, places, report):
    existing = index.get_children().filter(slug=treatment.slug).first()
    if existing:
        return existing.specific
    departments, locations = places
    building = BUILDINGS[zlib.crc32(f"{trust.slug}{treatment.slug}".encode()) % len(BUILDINGS)]
    local = {
        f"local_{stage}": rich(text)
        for stage, text in {
            "referral": f"Ved {trust.name} vurderes henvisningen av et tverrfaglig team.",
            "before": f"Møt i resepsjonen i {building} ved {trust.name} 20 minutter før timen.",
            "during": "Du kan ha med deg én ledsager.",
            "after": f"Ring avdelingen ved {trust.name} hvis du har spørsmål etter at du kom hjem.",
            "investigation": f"Undersøkelsene gjøres i {building}.",
            "therapy": f"Behandlingen gis ved {trust.name}, {building}.",
            "follow_up": "Første kontroll er vanligvis etter seks til åtte uker.",
        }.items()
        if stage in stages_for(treatment.kind)
    }
    # Spread the hospital's departments over its treatments, so cards differ between pages.
    offset = zlib.crc32(treatment.slug.encode()) % len(departments) if departments else 0
    page = TreatmentPage(
        title=treatment.title,
        slug=treatment.slug,
        treatment=treatment,
        contact_cards=[contact_card(trust, building, departments[offset:] + departments[:offset])],
        practical_information=rich(
            f"Parkering: bruk parkeringshuset ved {building}. Pasientreiser: ring 05515. "
            + SAMPLE_NOTE
        ),
        waiting_time_url="https://www.helsenorge.no/velg-behandlingssted/",
        **local,
    )
    index.add_child(instance=page)
    page.locations.set(locations[:2])
    page.save_revision().publish()
    report.count("pages")
    return page


def load_treatments_demo(report, stdout):
    with transaction.atomic():
        categories = ensure_categories(report)
        trusts = {t.slug: t for t in HealthTrust.objects.select_related("site")}
        hospitals = [
            t
            for t in trusts.values()
            if t.kind in HOSPITAL_KINDS and t.site_id is not None and t.slug not in SPECIALISED
        ]
        hospitals.sort(key=lambda t: t.slug)
        treatments = [
            ensure_treatment(i, row, categories, hospitals[i % len(hospitals)], report)
            for i, row in enumerate(TREATMENTS)
        ]
        for treatment in treatments:
            ensure_english(treatment, report)
        portal = PortalHomePage.objects.filter(locale=Locale.get_default()).first()
        if portal:
            ensure_index(portal, report, portal=True)
    english = Locale.objects.get(language_code="en")
    for number, trust in enumerate(hospitals, start=1):
        with transaction.atomic():
            home = HospitalHomePage.objects.get(pk=trust.site.root_page_id)
            index = ensure_index(home, report)
            add_to_menu(trust.site, index)
            offered = [
                t
                for t in treatments
                if trust in offering_hospitals(t.slug, hospitals)
                or (t.slug in ENGLISH and trust.slug in ENGLISH_HOSPITALS)
            ]
            home_en = home.get_translation_or_none(english)
            places = (
                list(DepartmentPage.objects.live().descendant_of(home).order_by("title")),
                list(LocationPage.objects.live().descendant_of(home).order_by("title")),
            )
            for treatment in offered:
                page = ensure_local_page(index, treatment, trust, places, report)
                if home_en and treatment.slug in ENGLISH:
                    ensure_translation(
                        index, english, report, title="Treatments", slug="treatments"
                    )
                    ensure_translation(
                        page,
                        english,
                        report,
                        title=ENGLISH[treatment.slug][0],
                        practical_information=rich("Parking and patient travel: sample content."),
                        **{
                            f"local_{key}": rich(f"At {trust.name}: local sample text.")
                            for key in stages_for(treatment.kind)
                        },
                    )
        stdout(f"[treatments {number}/{len(hospitals)}] {trust.name}: {len(offered)} treatments")
