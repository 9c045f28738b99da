"""The demo's careers section: professions, jobs, courses and events, LIS education."""

from datetime import time

from careers.models import Audience, PositionType

PROFESSIONS = [
    ("lege", "Lege", "Leger i spesialisering (LIS) og overleger."),
    ("sykepleier", "Sykepleier", "Sykepleiere og spesialsykepleiere."),
    ("helsefagarbeider", "Helsefagarbeider", "Helsefagarbeidere i sengeposter og poliklinikker."),
    ("jordmor", "Jordmor", "Jordmødre på fødeavdelinger og i svangerskapsomsorgen."),
    ("psykolog", "Psykolog", "Psykologer og psykologspesialister."),
    ("radiograf", "Radiograf", "Radiografer i bildediagnostikk og strålebehandling."),
]
# Site, jobs per site; the first sites get the most.
JOB_SITES = [
    ("oslo-universitetssykehus", 10),
    ("helse-bergen", 8),
    ("stolav", 7),
    ("unn", 6),
    ("ahus", 6),
    ("helse-stavanger", 5),
]
JOB_TEMPLATES = [
    ("Overlege", "lege", "Kreftklinikken", PositionType.PERMANENT, 100),
    ("Lege i spesialisering (LIS)", "lege", "Medisinsk klinikk", PositionType.PERMANENT, 100),
    ("Sykepleier", "sykepleier", "Hjertemedisinsk sengepost", PositionType.PERMANENT, 80),
    ("Intensivsykepleier", "sykepleier", "Intensivavdelingen", PositionType.SUBSTITUTE, 100),
    ("Helsefagarbeider", "helsefagarbeider", "Ortopedisk sengepost", PositionType.FIXED_TERM, 75),
    ("Jordmor", "jordmor", "Fødeavdelingen", PositionType.SUBSTITUTE, 100),
    ("Psykologspesialist", "psykolog", "Psykisk helsevern for voksne", PositionType.PERMANENT, 100),
    ("Radiograf", "radiograf", "Bildediagnostisk avdeling", PositionType.PERMANENT, 100),
    ("Sommervikar sykepleier", "sykepleier", "Kirurgisk klinikk", PositionType.SUMMER, 100),
    (
        "Sommerjobb helsefagarbeider",
        "helsefagarbeider",
        "Medisinsk klinikk",
        PositionType.SUMMER,
        100,
    ),
]
# Days from the first load to the deadline; every fifth job has already closed.
DEADLINE_OFFSETS = [-12, 9, 16, 23, 30, -3, 12, 20, 27, 41]
LOCATIONS = {
    "oslo-universitetssykehus": "Oslo",
    "helse-bergen": "Bergen",
    "stolav": "Trondheim",
    "unn": "Tromsø",
    "ahus": "Lørenskog",
    "helse-stavanger": "Stavanger",
}
# Which professions the courses for health personnel are for.
ACTIVITY_PROFESSIONS = {
    "hjerte-lunge-redning": ["lege", "sykepleier", "helsefagarbeider"],
    "ultralydkurs": ["lege", "jordmor"],
    "veiledning-lis": ["lege"],
    "fagdag-akuttmedisin": ["lege", "sykepleier"],
    "medikamentregning": ["sykepleier"],
}
# Courses that can also be followed online.
DIGITAL_ACTIVITIES = {"kurs-for-pasienter-med-diabetes", "mestringskurs-kols", "smertemestring"}
EDUCATION = [
    ("oslo-universitetssykehus", "lis1", "LIS1 – første del av spesialiseringen", "lis1"),
    ("helse-bergen", "lis2", "LIS2 og LIS3 – felles kompetansemoduler", "lis2-og-lis3"),
    ("stolav", "lis3", "LIS3 – indremedisin", "lis3-indremedisin"),
]


# (site, "course" or "event", slug, title, audience, dates, organiser, price). Dates count from
# the first load: ("single", days from today, start, end) or ("weekly", days after the coming
# Monday, weeks, start, end, the week left out or None).
ACTIVITIES = [
    (
        "oslo-universitetssykehus",
        "course",
        "kurs-for-pasienter-med-diabetes",
        "Kurs for personer med diabetes type 2",
        Audience.PATIENTS,
        [("weekly", 1, 6, time(17), time(19), 2)],
        "Lærings- og mestringssenteret",
        0,
    ),
    (
        "oslo-universitetssykehus",
        "course",
        "hjerte-lunge-redning",
        "Hjerte-lunge-redning for helsepersonell",
        Audience.HEALTH_PERSONNEL,
        [("single", 10, time(9), time(15)), ("single", 38, time(9), time(15))],
        "Simuleringssenteret",
        0,
    ),
    (
        "oslo-universitetssykehus",
        "event",
        "karrieredag",
        "Karrieredag for sykepleierstudenter",
        Audience.EVERYONE,
        [("single", 21, time(10), time(14))],
        "HR-avdelingen",
        None,
    ),
    (
        "oslo-universitetssykehus",
        "course",
        "parorendeskole-demens",
        "Pårørendeskole om demens",
        Audience.PATIENTS,
        [("weekly", 2, 5, time(18), time(20), None)],
        "Alderspsykiatrisk avdeling",
        0,
    ),
    (
        "helse-bergen",
        "course",
        "mestringskurs-kols",
        "Mestringskurs for personer med kols",
        Audience.PATIENTS,
        [("weekly", 0, 4, time(12), time(14), 1)],
        "Lærings- og mestringssenteret",
        0,
    ),
    (
        "helse-bergen",
        "course",
        "ultralydkurs",
        "Grunnkurs i ultralyd",
        Audience.HEALTH_PERSONNEL,
        [("single", 15, time(9), time(15)), ("single", 16, time(9), time(15))],
        "Kvinneklinikken",
        4500,
    ),
    (
        "helse-bergen",
        "event",
        "apen-dag",
        "Åpen dag på sykehuset",
        Audience.EVERYONE,
        [("single", 30, time(11), time(15))],
        "Kommunikasjonsavdelingen",
        None,
    ),
    (
        "stolav",
        "course",
        "fodselsforberedende-kurs",
        "Fødselsforberedende kurs",
        Audience.PATIENTS,
        [("weekly", 3, 3, time(18), time(20), None)],
        "Kvinneklinikken",
        0,
    ),
    (
        "stolav",
        "course",
        "veiledning-lis",
        "Veilederkurs for overleger",
        Audience.HEALTH_PERSONNEL,
        [("single", 25, time(9), time(15)), ("single", 26, time(9), time(15))],
        "Seksjon for utdanning",
        0,
    ),
    (
        "stolav",
        "event",
        "fagdag-akuttmedisin",
        "Fagdag i akuttmedisin",
        Audience.HEALTH_PERSONNEL,
        [("single", 45, time(8, 30), time(16))],
        "Akuttklinikken",
        1200,
    ),
    (
        "unn",
        "course",
        "kurs-kreft-og-kosthold",
        "Kreft og kosthold – kurs for pasienter",
        Audience.PATIENTS,
        [("single", 12, time(13), time(15))],
        "Lærings- og mestringssenteret",
        0,
    ),
    (
        "unn",
        "event",
        "rekrutteringsmote",
        "Rekrutteringsmøte for sommervikarer",
        Audience.EVERYONE,
        [("single", 8, time(16), time(18))],
        "HR-avdelingen",
        None,
    ),
    (
        "ahus",
        "course",
        "smertemestring",
        "Mestring av langvarige smerter",
        Audience.PATIENTS,
        [("weekly", 1, 8, time(10), time(12), 4)],
        "Smerteklinikken",
        0,
    ),
    (
        "ahus",
        "course",
        "medikamentregning",
        "Medikamentregning for nyansatte",
        Audience.HEALTH_PERSONNEL,
        [("single", 5, time(9), time(12))],
        "Fagutviklingsenheten",
        0,
    ),
    (
        "helse-stavanger",
        "course",
        "epilepsiskole",
        "Epilepsiskole for foreldre",
        Audience.PATIENTS,
        [("single", 19, time(9), time(15)), ("single", 20, time(9), time(15))],
        "Barne- og ungdomsklinikken",
        0,
    ),
    (
        "helse-stavanger",
        "event",
        "forskningsdag",
        "Forskningens dag",
        Audience.EVERYONE,
        [("single", 33, time(12), time(16))],
        "Forskningsavdelingen",
        None,
    ),
]
