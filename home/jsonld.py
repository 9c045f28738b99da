"""Hospitals, locations and news as schema.org JSON-LD (core/seo.py writes it)."""

from core.seo import SCHEMA_ORG, organisation, postal_address


def hospital(page, request, chrome):
    """A hospital's home page: the trust as a Hospital with the site's contact details."""
    settings = chrome.settings if chrome else None
    data = {
        "@context": SCHEMA_ORG,
        "@type": "Hospital",
        "name": chrome.name if chrome else page.title,
        "url": page.get_full_url(request),
    }
    if settings is not None:
        if settings.visiting_address:
            data["address"] = postal_address(settings.visiting_address)
        if settings.phone:
            data["telephone"] = settings.phone
        if settings.email:
            data["email"] = settings.email
    return data


def location(page, request, chrome):
    """One of a hospital's locations: a Hospital (a place) with address, position and hours."""
    data = {
        "@context": SCHEMA_ORG,
        "@type": "Hospital",
        "name": page.title,
        "url": page.get_full_url(request),
        "address": postal_address(page.visiting_address),
    }
    if page.intro:
        data["description"] = page.intro
    if page.latitude is not None and page.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(page.latitude),
            "longitude": float(page.longitude),
        }
    if page.opening_hours:
        # Free text ("Mon–Fri 07–21"), as editors write it; schema.org allows text.
        data["openingHours"] = " ".join(page.opening_hours.split())
    if chrome and chrome.trust:
        data["parentOrganization"] = organisation(chrome.trust, site=chrome.site)
    return data


def news_article(page, request, chrome, image_url=""):
    data = {
        "@context": SCHEMA_ORG,
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.lead,
        "url": page.get_full_url(request),
        "mainEntityOfPage": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "datePublished": page.date.isoformat(),
        "publisher": organisation(
            chrome.trust if chrome else None,
            chrome.name if chrome else "",
            site=chrome.site if chrome else None,
        ),
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if page.author:
        data["author"] = {"@type": "Person", "name": page.author}
    else:
        data["author"] = data["publisher"]
    if image_url:
        data["image"] = [image_url]
    return data
