"""Realistic Norwegian queries and the result that must come first (or in the top n) on the
demo data. Comments mark what each case relies on beyond a plain word match; when a search
finds nothing, the titles it offers instead count as its results (a misspelling is then
answered by the page the patient looked for)."""

BERGEN = "helse-bergen"
PORTAL = None

# (site, query, expected title, within top n)
CASES = [
    (BERGEN, "kneprotese", "Kneprotese", 1),
    (BERGEN, "hofteprotese", "Hofteprotese", 1),
    (BERGEN, "hofteproteser", "Hofteprotese", 3),  # stemming
    (BERGEN, "brystkreft", "Brystkreft, behandlingsforløp", 1),
    (BERGEN, "behandling av brystkreft", "Brystkreft, behandlingsforløp", 3),
    (BERGEN, "hjerteinfarkt", "Hjerteinfarkt, behandlingsforløp", 1),
    (BERGEN, "infarkt", "Hjerteinfarkt, behandlingsforløp", 3),  # synonym list
    (BERGEN, "mr hjernen", "MR av hjernen", 1),
    (BERGEN, "MRI", "MR av hjernen", 3),  # synonym list
    (BERGEN, "koloskopi", "Koloskopi", 1),
    (BERGEN, "gastroskopi", "Gastroskopi", 1),
    (BERGEN, "besøkstider", "Besøkstider", 1),
    (BERGEN, "besokstider", "Besøkstider", 1),  # folding
    (BERGEN, "parkering", "Parkering", 3),
    (BERGEN, "fødeavdelingen", "Fødeavdelingen", 1),
    (BERGEN, "akuttmottak", "Akuttmottaket", 3),  # stemming
    (BERGEN, "intensivsykepleier", "Intensivsykepleier – intensivavdelingen", 1),
    (BERGEN, "psykoseforskning", "Psykoseforskning", 1),
    (BERGEN, "trombektomi", "Trombektomi ved hjerneslag hos de eldste", 1),
    (BERGEN, "robotassistert kneprotese", "Robotassistert kneprotese", 1),
    (BERGEN, "ultralyd svangerskap", "Ultralyd i svangerskapet", 1),  # stemming
    (BERGEN, "spirometri", "Spirometri", 1),
    (BERGEN, "diabetes barn", "Diabetes type 1 hos barn, oppfølging", 3),
    (BERGEN, "kols kurs", "Mestringskurs for personer med kols", 3),
    (PORTAL, "østfold", "Sykehuset Østfold HF", 1),
    (PORTAL, "ostfold", "Sykehuset Østfold HF", 1),  # folding
    (PORTAL, "kneprotese", "Kneprotese", 1),
    (PORTAL, "grå stær", "Operasjon for grå stær", 1),
    (PORTAL, "gra staer", "Operasjon for grå stær", 1),  # folding
    (PORTAL, "atrieflimmer", "Ablasjon ved atrieflimmer", 1),
    (PORTAL, "hjerneslag", "Hjerneslag, behandlingsforløp", 1),
    (PORTAL, "slag", "Hjerneslag, behandlingsforløp", 3),  # synonym list
    (PORTAL, "keisersnitt", "Keisersnitt", 1),
    (PORTAL, "pacemaker", "Innsetting av pacemaker", 1),
    (PORTAL, "depresjon", "Behandling av depresjon", 1),
    (PORTAL, "strålebehandlingen", "Strålebehandling", 1),  # stemming
    (PORTAL, "helse bergen", "Helse Bergen HF", 1),
    (PORTAL, "telemedisin", "Telemedisin", 1),
    (PORTAL, "søvnapné", "Hjemmemåling ved søvnapné", 3),
    (PORTAL, "kreftbehandlinger", "Cellegiftbehandling", 3),  # stemming
    (PORTAL, "hjerteattakk", "Hjerteinfarkt, behandlingsforløp", 1),  # synonym list
    (PORTAL, "føde", "Fødsel, forløp", 1),  # synonym list
    (BERGEN, "parkeringen", "Parkering", 1),  # stemming
    # Parts of compounds find the compounds (search/compounds.py).
    (BERGEN, "kreft", "Brystkreft, behandlingsforløp", 5),  # compound
    (PORTAL, "kreft", "Tykktarmskreft, behandlingsforløp", 3),  # compound
    (PORTAL, "lungekreft", "Lungekreft, behandlingsforløp", 1),
    (BERGEN, "hofte", "Hofteprotese", 3),  # compound
    (PORTAL, "hofte", "Hofteprotese", 1),  # compound
    (BERGEN, "hjerte", "Hjerteinfarkt, behandlingsforløp", 5),  # compound
    (PORTAL, "hjerte", "Digital hjerterehabilitering hjemme", 5),  # compound
    (BERGEN, "kne", "Kneprotese", 3),  # compound
    (PORTAL, "protese", "Kneprotese", 3),  # compound
    (PORTAL, "prostata", "Prostatakreft, behandlingsforløp", 3),  # compound
    (PORTAL, "tykktarm", "Tykktarmskreft, behandlingsforløp", 3),  # compound, linking s
    (PORTAL, "astma", "Astmautredning hos barn", 1),  # compound
    (PORTAL, "epilepsi", "Epilepsiutredning", 1),  # compound
    (PORTAL, "rehabilitering", "KOLS, lungerehabilitering", 3),  # compound
    (PORTAL, "galleblæren", "Fjerning av galleblæren", 1),
    # Misspellings: "did you mean", and the titles offered when nothing is found.
    (PORTAL, "kneprotse", "Kneprotese", 3),  # misspelling
    (BERGEN, "koloskopii", "Koloskopi", 3),  # misspelling
    (PORTAL, "gastroskopie", "Gastroskopi", 3),  # misspelling
    (PORTAL, "pacmaker", "Innsetting av pacemaker", 3),  # misspelling
    (PORTAL, "keisersnit", "Keisersnitt", 3),  # misspelling
    (PORTAL, "depresjonn", "Behandling av depresjon", 3),  # misspelling
    (PORTAL, "spirometr", "Spirometri", 3),  # misspelling (cut short)
    # Lay terms and clinical names.
    (PORTAL, "katarakt", "Operasjon for grå stær", 1),  # diagnosis name
    (PORTAL, "stær", "Operasjon for grå stær", 1),
    (PORTAL, "sukkersyke", "Diabetes type 1 hos barn, oppfølging", 3),  # synonym list
    (PORTAL, "kunstig hofte", "Hofteprotese", 1),  # synonym list
    (PORTAL, "pusteprøve", "Spirometri", 1),  # summary
    (PORTAL, "gallestein", "Fjerning av galleblæren", 1),  # diagnosis name
    (PORTAL, "kikkertundersøkelse tykktarmen", "Koloskopi", 1),  # summary
    (PORTAL, "cancer", "Tykktarmskreft, behandlingsforløp", 3),  # synonym list
]
