"""Which pages may be shared, and in which languages."""

from django.conf import settings

from home.models import ContentPage
from treatments.models import TreatmentPage

SHAREABLE_TYPES = (TreatmentPage, ContentPage)
LANGUAGE_ORDER = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def is_shareable_type(page):
    return isinstance(page, SHAREABLE_TYPES)


def is_available(page):
    """Whether the public may see this page now: live, unrestricted, with its content.

    A local treatment page has nothing approved to show while its national text is not
    published (its own `serve` then gives a 404); privacy-restricted pages are not shared
    with people who are not logged in.
    """
    if not (page.live and is_shareable_type(page)):
        return False
    if page.get_view_restrictions().exists():
        return False
    return not (isinstance(page, TreatmentPage) and page.national_treatment()[0] is None)


def shareable_translations(page):
    """The page's translations (itself included) that can be shared, in language order."""
    translations = [
        translation.specific
        for translation in page.get_translations(inclusive=True).live().select_related("locale")
    ]
    available = [translation for translation in translations if is_available(translation)]
    return sorted(available, key=lambda p: LANGUAGE_ORDER.index(p.locale.language_code))
