"""The national treatments of the demo, with the texts the hospitals' local pages add."""

from treatments.stages import Kind

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
# slug: (English title, English summary) of the treatments translated to English.
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
# Specialised hospitals: the general demo treatments would misrepresent what they offer.
SPECIALISED = {"sunnaas", "modum-bad", "revmatismesykehuset", "martinahansen", "hsr", "olaviken"}
# Approval dates go back from the day the demo is first loaded, this many days apart: the
# reviews (three years on) then stay ahead of the demo, whichever year it is loaded.
APPROVAL_STEP_DAYS = 17
# The national text of each stage: {lower} is the treatment's title in lower case, {what} what
# happens.
STAGE_TEXTS = {
    "referral": "Fastlegen eller en annen lege henviser deg. Spesialisthelsetjenesten vurderer "
    "henvisningen innen ti virkedager og gir deg beskjed om du får tilbud om {lower}.",
    "investigation": "Utredningen kan omfatte blodprøver, bildeundersøkelser og samtale med "
    "lege. Du får vite resultatene og hva som er neste steg.",
    "therapy": "Behandlingen er vanligvis {what}. Legen forklarer fordeler og ulemper, og "
    "dere bestemmer sammen hva som passer for deg.",
    "follow_up": "Etter behandlingen følges du opp med kontroller. Fastlegen får epikrise.",
    "before": "Før {lower} får du skriftlig informasjon om forberedelser, for eksempel om "
    "faste og medisiner du bruker. Ta med liste over medisinene dine.",
    "during": "Under {lower}: {what}. Personalet forteller hva som skjer underveis.",
    "after": "Etterpå får du vite når du kan reise hjem, og hvem du kan kontakte hvis du får "
    "plager.",
}
WARNING = "Kontakt lege eller legevakt hvis du får feber over 38 °C, sterke smerter eller blødning."
# What a hospital's page adds to each stage: {trust} is the trust's name, {building} where.
LOCAL_STAGE_TEXTS = {
    "referral": "Ved {trust} vurderes henvisningen av et tverrfaglig team.",
    "before": "Møt i resepsjonen i {building} ved {trust} 20 minutter før timen.",
    "during": "Du kan ha med deg én ledsager.",
    "after": "Ring avdelingen ved {trust} hvis du har spørsmål etter at du kom hjem.",
    "investigation": "Undersøkelsene gjøres i {building}.",
    "therapy": "Behandlingen gis ved {trust}, {building}.",
    "follow_up": "Første kontroll er vanligvis etter seks til åtte uker.",
}

# Other names patients and professionals use (the API's `alternative_names`).
ALTERNATIVE_NAMES = {
    "stralebehandling": ["Radioterapi", "Stråleterapi"],
    "cellegiftbehandling": ["Kjemoterapi", "Cytostatikabehandling"],
    "pci": ["Utblokking", "Perkutan koronar intervensjon"],
    "gastroskopi": ["Magesekkundersøkelse", "Øvre endoskopi"],
    "koloskopi": ["Tarmundersøkelse"],
    "kneprotese": ["Nytt kne", "Kneleddsprotese"],
    "hofteprotese": ["Ny hofte", "Hofteleddsprotese"],
}
