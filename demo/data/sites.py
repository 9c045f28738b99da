"""The portal and the trusts' sites: names, colours, contact details, which are in English."""

from core.models import HealthTrust

PORTAL_TITLE = "Spesialisthelsetjenesten"
PORTAL_TITLE_EN = "Specialist health service in Norway"
PORTAL_EMAIL = "postmottak@fnsp.eksempel.no"
# Theme colour by region (None: the national portal and trusts outside the regions).
REGION_COLOURS = {
    "helse-sor-ost": "#00578a",
    "helse-vest": "#004f59",
    "helse-midt-norge": "#2b5d2b",
    "helse-nord": "#1f4e79",
    None: "#3d3d8f",
}
PORTAL_PHONE = "800 00 000"
TRUST_PHONE = "22 00 00 00"
VISITING_ADDRESS = "Eksempelveien 1\n0000 Eksempelby"
POSTAL_ADDRESS = "Postboks 1\n0000 Eksempelby"
SOCIAL_LINKS = [("social", {"service": "facebook", "url": "https://www.facebook.com/"})]
# Sites that get an English version of their home and "Om oss" page (the research step
# translates the research groups of these university hospitals).
ENGLISH_SITES = {
    "oslo-universitetssykehus",
    "helse-bergen",
    "stolav",
    "unn",
    "ahus",
    "helse-stavanger",
}
# The trusts that run hospitals (not the regional authorities, pharmacies or support companies).
HOSPITAL_KINDS = {HealthTrust.Kind.TRUST, HealthTrust.Kind.PRIVATE_NONPROFIT}
