"""Shared translatable snippets shown in the page's language, in bulk.

A page in English (or nynorsk, Sami) often points at Bokmål snippets: wagtail-localize
synchronises foreign keys inside non-translatable child rows, and editors choose the Bokmål
originals. Calling ``.localized`` on each one costs a query per object; this helper fetches
every translation in one query (none when they are loaded with their locale, already in
the language) and says which ones fall back.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation


@dataclass(frozen=True)
class Localized:
    object: object
    # True when the object has no version in the requested language and the default-language
    # (Bokmål) one is shown instead; templates mark it with lang="nb" and say so.
    is_fallback: bool
    language_code: str


def localized_snippets(objects, language_code=None):
    """A `Localized` per object, in order, without duplicates; one query at most for any
    number."""
    objects = list(dict.fromkeys(objects))
    if not objects:
        return []
    default = settings.LANGUAGE_CODE
    language_code = language_code or translation.get_language() or default
    model = type(objects[0])
    # Objects loaded with their locale and already in the language are their own version.
    if all(
        model.locale.is_cached(obj) and obj.locale.language_code == language_code for obj in objects
    ):
        return [Localized(obj, False, language_code) for obj in objects]
    versions = {
        (row.translation_key, row.locale.language_code): row
        for row in model.objects.filter(
            translation_key__in={obj.translation_key for obj in objects},
            locale__language_code__in={language_code, default},
        ).select_related("locale")
    }
    result = []
    for obj in objects:
        wanted = versions.get((obj.translation_key, language_code))
        if wanted is not None:
            result.append(Localized(wanted, False, language_code))
        else:
            fallback = versions.get((obj.translation_key, default), obj)
            result.append(Localized(fallback, True, default))
    return result


# Interface languages whose catalogues repeat the Bokmål text where no translation exists
# yet: the Northern Sami interface is Bokmål but for a few admin strings. Pages in them mark
# the interface (not their content) lang="nb".
BOKMAL_INTERFACE_LANGUAGES = {"se"}


def bokmal_lang_attribute(interface=False):
    """` lang="nb"` for Bokmål text on a page in another language, else nothing: the site's
    own texts (banners, the emergency line), always Bokmål; with `interface`, the interface
    strings of a language whose catalogue repeats Bokmål."""
    active = translation.get_language() or settings.LANGUAGE_CODE
    if active == settings.LANGUAGE_CODE:
        return ""
    if interface and active not in BOKMAL_INTERFACE_LANGUAGES:
        return ""
    return f' lang="{settings.LANGUAGE_CODE}"'
