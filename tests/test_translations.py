"""Every app's message catalogues, and the project's overrides of Wagtail's in fnsp_site/locale
(server and script texts), are complete and compiled: no interface text falls back to English
because a msgid moved between apps, went fuzzy or was never compiled."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUES = sorted(Path(settings.BASE_DIR).glob("*/locale/*/LC_MESSAGES/*.po"))


def test_every_app_with_interface_text_has_catalogues():
    apps = {path.parts[-5] for path in CATALOGUES}
    assert {"core", "home", "treatments", "trials", "research", "careers", "search"} <= apps


def key(entry):
    return entry.msgctxt, entry.msgid


def text(entry):
    return entry.msgstr, sorted(entry.msgstr_plural.items())


@pytest.mark.parametrize(
    "path", CATALOGUES, ids=lambda path: "/".join([*path.parts[-5:-2], path.stem])
)
def test_catalogue_is_translated_and_compiled(path):
    catalogue = polib.pofile(str(path))
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    compiled = {key(entry): text(entry) for entry in polib.mofile(str(path.with_suffix(".mo")))}
    wanted = {key(entry): text(entry) for entry in catalogue.translated_entries()}
    assert compiled == wanted, "run `make messages` to compile the catalogue"
