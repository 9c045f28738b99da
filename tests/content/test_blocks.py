"""ContentPage's body blocks: what they render, what they refuse, and printing."""

import pytest
from wagtail import blocks
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from core.blocks import FigureBlock, VideoBlock
from home.blocks import BodyBlock, ContactCardBlock
from home.factories import ContentPageFactory
from tests.helpers import get, soup

pytestmark = pytest.mark.django_db
VIDEO_URL = "https://www.youtube.com/watch?v=eksempel"


@pytest.fixture
def image():
    return get_image_model().objects.create(title="Bilde", file=get_test_image_file())


@pytest.fixture
def cached_embed():
    # Wagtail's own embed cache, so rendering needs no network.
    return Embed.objects.create(
        url=VIDEO_URL,
        hash=get_embed_hash(VIDEO_URL, None, None),
        type="video",
        html='<iframe title="Eksempelvideo" src="https://www.youtube-nocookie.com/embed/x"></iframe>',
    )


def body(image):
    return [
        ("paragraph", "<h2>Før timen</h2><p>Ta med <b>legitimasjon</b>.</p>"),
        ("image", {"image": image, "alt_text": "Inngangsparti", "caption": "Hovedinngangen"}),
        ("fact_box", {"heading": "Visste du?", "text": "<p>Parkering er gratis.</p>"}),
        ("warning", {"heading": "Faste", "text": "<p>Ikke spis etter midnatt.</p>"}),
        (
            "accordion",
            {
                "heading": "Spørsmål og svar",
                "items": [{"title": "Kan jeg ha med barn?", "text": "<p>Ja.</p>"}],
            },
        ),
        (
            "table",
            {
                "data": [["Dag", "Tid"], ["Mandag", "12–14"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Besøkstider",
            },
        ),
        (
            "contact_card",
            {"title": "Resepsjonen", "phone": "55 00 00 00", "reporting_point": "Inngang A"},
        ),
        ("links", [{"label": "Helsenorge", "page": None, "url": "https://www.helsenorge.no/"}]),
        ("quote", {"quote": "Vi ble godt tatt imot.", "attribution": "Pårørende"}),
        (
            "video",
            {"video": VIDEO_URL, "title": "Slik forbereder du deg", "text_alternative": "Tekst."},
        ),
        (
            "call_to_action",
            {
                "heading": "Bestill time",
                "text": "",
                "link": {"label": "Gå til bestilling", "page": None, "url": "https://eksempel.no/"},
            },
        ),
    ]


def test_every_body_block_renders_accessibly(client, portal, bergen, image, cached_embed):
    _t, _s, home = bergen
    ContentPageFactory(parent=home, slug="alt", body=body(image))
    page = soup(get(client, "/alt/", "helse-bergen"))
    main = page.main
    assert len(page.find_all("h1")) == 1
    assert main.find("figure", class_="figure").img["alt"] == "Inngangsparti"
    assert main.find("figcaption").get_text() == "Hovedinngangen"
    assert "Parkering er gratis" in main.find(class_="fact-box").get_text()
    assert main.find(class_="warning-box").get_text(" ", strip=True).startswith("OBS: Faste")
    details = main.find(class_="accordion").details
    assert details.summary.get_text() == "Kan jeg ha med barn?"
    table = main.find("table")
    assert table.caption.get_text() == "Besøkstider"
    assert [th.get_text(strip=True) for th in table.thead.find_all("th")] == ["Dag", "Tid"]
    card = main.find(class_="contact-card")
    assert "Inngang A" in card.get_text() and card.find("a")["href"] == "tel:55000000"
    assert main.find("a", href="https://www.helsenorge.no/")
    assert main.find("blockquote").get_text(strip=True) == "Vi ble godt tatt imot."
    video = main.find("figure", class_="video")
    assert video.find("iframe")["title"] == "Eksempelvideo"
    assert video.details.summary.get_text() == "Tekstversjon av videoen"
    assert main.find(class_="cta").find("a")["href"] == "https://eksempel.no/"


def test_rich_text_is_limited_to_h2_h4_lists_links_bold_and_italic():
    # What the editor offers: the named editor configuration the block uses.
    features = BodyBlock().child_blocks["paragraph"].field.widget.features
    assert {"h2", "h3", "h4", "ol", "ul", "link", "bold", "italic"} <= set(features)
    assert not {"h1", "h5", "h6", "image", "embed", "code"} & set(features)


def test_an_image_without_alt_text_is_a_form_error(image):
    block = FigureBlock()
    with pytest.raises(blocks.StructBlockValidationError) as error:
        block.clean(block.to_python({"image": image.pk, "alt_text": "", "caption": ""}))
    assert "alt_text" in error.value.block_errors
    block.clean(block.to_python({"image": image.pk, "alt_text": "Inngang", "caption": ""}))


def test_a_video_needs_a_text_alternative(cached_embed):
    block = VideoBlock()
    value = block.to_python({"video": VIDEO_URL, "title": "Film", "text_alternative": ""})
    with pytest.raises(blocks.StructBlockValidationError) as error:
        block.clean(value)
    assert set(error.value.block_errors) == {"text_alternative"}


def test_a_contact_card_without_a_department_needs_a_title_and_a_way_to_reach(db):
    block = ContactCardBlock()
    with pytest.raises(blocks.StructBlockValidationError) as error:
        block.clean(block.to_python({"title": "", "phone": ""}))
    assert set(error.value.block_errors) == {"title", "phone"}
    with pytest.raises(blocks.StructBlockValidationError) as error:
        block.clean(block.to_python({"title": "Resepsjonen", "phone": "ring meg"}))
    assert "phone" in error.value.block_errors
    block.clean(block.to_python({"title": "Resepsjonen", "email": "post@eksempel.no"}))


def test_pages_print_without_chrome_and_with_their_url(client, portal, bergen, settings):
    _t, _s, home = bergen
    ContentPageFactory(parent=home, slug="parkering")
    page = soup(get(client, "/parkering/", "helse-bergen"))
    assert page.find(class_="print-url").get_text() == (
        "http://helse-bergen.localhost:8000/parkering/"
    )
    css = (settings.BASE_DIR / "core/static/core/css/fnsp.css").read_text()
    print_rules = css[css.index("@media print") :]
    for selector in [".site-header", ".main-nav", ".site-footer", ".feedback", ".alert-banner"]:
        assert selector in print_rules.split("{")[0] + print_rules.split("{")[1]
    assert ".print-url { display: block" in print_rules
    assert 'a[href^="http"]::after' in print_rules
    assert ".print-url { display: none; }" in css[: css.index("@media print")]
