"""The demo's synonym lists and promoted search results."""

SYNONYMS = [
    ("hjerteinfarkt, infarkt, hjerteattakk", "Folkelig og faglig navn."),
    ("mr, mri, magnetisk resonans", "Undersøkelsen heter MR i Norge, MRI i mange andre land."),
    ("ct, computertomografi, ct-undersøkelse", ""),
    ("kreft, cancer, svulst", ""),
    ("hofteprotese, kunstig hofte, hofteleddsprotese", ""),
    ("fødsel, føde, forløsning", ""),
    ("slag, hjerneslag, slagtilfelle", ""),
    ("katarakt, grå stær, stær", "Folkelig og faglig navn."),
    ("diabetes, sukkersyke", "Folkelig og faglig navn."),
]
PROMOTIONS = [
    (
        "ventetid",
        "https://www.helsenorge.no/velg-behandlingssted/",
        "Velg behandlingssted – ventetider på helsenorge.no",
        "Sammenlign ventetider for behandlinger ved alle sykehus.",
    ),
]

# One hospital's own pick: (trust, search phrase, path of the page below the site root).
SITE_PROMOTIONS = [
    ("helse-bergen", "bil", "pasient-og-parorende/parkering"),
]
