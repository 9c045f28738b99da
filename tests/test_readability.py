"""LIX on known texts (counted by hand, rules in core/readability.py), stored on save for
national treatments and local pages, and shown in their edit forms with the target."""

import pytest
from django.urls import reverse

from core.factories import UserFactory
from core.readability import band, counts, lix
from tests.helpers import get_ok, soup
from treatments.factories import TreatmentFactory, offer

# 6 words, 1 long ("legeerklæring"), 2 sentences: 6/2 + 100·1/6 = 19.7
SHORT = "Du får time. Ta med legeerklæring."
# 13 words, 6 long (behandlingen, pasienter, strålebehandling, undersøkelser, samtaler,
# kreftsykepleier), 1 sentence: 13/1 + 100·6/13 = 59.2
LONG = (
    "Etter behandlingen får pasienter som har hatt strålebehandling undersøkelser "
    "og samtaler med kreftsykepleier."
)


@pytest.mark.parametrize(
    ("text", "expected_counts", "expected_lix"),
    [
        (SHORT, (6, 1, 2), 20),
        (LONG, (13, 6, 1), 59),
        # "f.eks." followed by a small letter does not end a sentence: 8 words, 2 long
        # ("legemidler", "smertestillende"), 1 sentence
        ("Ta med legemidler, f.eks. smertestillende, til timen.", (8, 2, 1), 33),
        # Every list item is a sentence, with or without a full stop; tags are not words;
        # 2.5 + 20 = 22.5 rounds up
        ("<ul><li>Ta med <b>matpakke</b></li><li>Kom tidlig.</li></ul>", (5, 1, 2), 23),
        # A hyphen joins a word, a number is a word, "38 °C" is one word
        ("<p>Ved feber over 38 °C: Ring tarm-kreft-teamet.</p>", (7, 1, 2), 18),
        ("", (0, 0, 0), None),
        ("<p>&nbsp;</p>", (0, 0, 0), None),
    ],
)
def test_lix_of_known_texts(text, expected_counts, expected_lix):
    assert counts(text) == expected_counts
    assert lix(text) == expected_lix


def test_texts_together_and_bands():
    # 19 words, 7 long, 3 sentences: 6.3 + 36.8
    assert lix(SHORT, LONG) == 43
    assert [band(value) for value in (10, 30, 45, 59, 75)] == [
        "svært lett",
        "lett",
        "middels",
        "vanskelig",
        "svært vanskelig",
    ]
    assert band(None) == ""


@pytest.mark.django_db
def test_lix_is_stored_on_save_for_treatments_and_local_pages(bergen):
    treatment = TreatmentFactory(
        summary=SHORT, referral=f"<p>{LONG}</p>", before="", during="", after=""
    )
    assert treatment.lix == lix(SHORT, LONG) == 43
    # Only the stages of its kind count
    treatment.therapy = "<p>Stray text.</p>"
    treatment.save()
    assert treatment.lix == 43
    page = offer(bergen[2], treatment, local_before=f"<p>{SHORT}</p>")
    assert page.lix == 20
    page.local_before = ""
    page.practical_information = f"<p>{LONG}</p>"
    page.save()
    page.refresh_from_db()
    assert page.lix == lix(LONG)


@pytest.mark.django_db
def test_edit_forms_show_lix_next_to_the_texts_with_the_target(client, bergen):
    treatment = TreatmentFactory(summary=SHORT, referral=f"<p>{LONG}</p>")
    page = offer(bergen[2], treatment, local_before=f"<p>{LONG}</p>")
    client.force_login(UserFactory(is_superuser=True))
    edit = reverse(Treatment_edit_url(), args=[treatment.pk])
    panel = soup(get_ok(client, edit)).select_one(".fnsp-readability")
    text = " ".join(panel.get_text().split())
    assert f"Lesbarhet (LIX): {treatment.lix}" in text
    assert "under 40" in text
    panel = soup(get_ok(client, reverse("wagtailadmin_pages:edit", args=[page.pk])))
    text = " ".join(panel.select_one(".fnsp-readability").get_text().split())
    assert "Lesbarhet (LIX): 59 (vanskelig)" in text
    assert "over målet" in text


def Treatment_edit_url():
    from treatments.models import Treatment

    return Treatment.snippet_viewset.get_url_name("edit")
