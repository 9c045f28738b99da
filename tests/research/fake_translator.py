from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue


class FakeTranslator(BaseMachineTranslator):
    """Marks every string as machine-translated, so tests can see where a draft came from."""

    display_name = "Fake translator"

    def translate(self, source_locale, target_locale, strings):
        return {string: StringValue(f"[MT] {string.data}") for string in strings}

    def can_translate(self, source_locale, target_locale):
        return source_locale != target_locale
