"""Translating through wagtail-localize's own models, as its editor does (tests only)."""

from django.test import TestCase
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource


def translate_with_localize(instance, code, strings):
    """Translate through wagtail-localize's models: source, translation, string translations,
    then publish the target. Strings not in `strings` keep the source text."""
    locale = Locale.objects.get(language_code=code)
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation = Translation.objects.create(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string", "context"):
        if segment.string.data in strings:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=strings[segment.string.data],
            )
    # wagtail-localize publishes on commit; the test's transaction never commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)
    return instance.get_translation(locale).specific
