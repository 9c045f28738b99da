"""Every public page type in Chromium: no axe-core violations (WCAG 2.1 A and AA), reflow at
320 CSS pixels without horizontal scrolling (WCAG 1.4.10), and no Content-Security-Policy
violation (the JSON-LD data blocks among them)."""

from pathlib import Path

import axe_playwright_python
import pytest
from playwright.sync_api import expect

from tests.browser import site_url
from tests.seo.pages import every_page_type

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
# Records what the browser refuses under the page's Content-Security-Policy.
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


# The innermost elements sticking out to the right: what to fix when a page does not reflow.
OVERFLOWING = """
() => [...document.body.querySelectorAll("*")]
    .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
    .filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right
        > document.documentElement.clientWidth + 0.5))
    .slice(0, 5)
    .map((e) => e.tagName.toLowerCase() + "." + [...e.classList].join(".") + " "
        + e.textContent.trim().slice(0, 40))
"""


def violations(page):
    page.evaluate(AXE)
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return [(v["id"], [node["target"] for node in v["nodes"]][:3]) for v in result["violations"]]


def test_every_public_page_type_passes_axe_reflows_at_320px_and_breaks_no_csp(live_server, browser):
    pages = every_page_type()
    page = browser.new_page()
    page.add_init_script(WATCH_CSP)
    console = []
    page.on("console", lambda message: console.append(message.text))
    found = {}
    for name, (slug, path) in pages.items():
        page.set_viewport_size({"width": 1280, "height": 900})
        response = page.goto(site_url(live_server, slug) + path.lstrip("/"))
        assert response.status == 200, name
        problems = violations(page)
        page.set_viewport_size({"width": 320, "height": 640})
        width = page.evaluate("document.documentElement.scrollWidth")
        csp = page.evaluate("window.__cspViolations")
        if problems or width > 320 or csp:
            found[name] = {"axe": problems, "scrollWidth": width, "csp": csp}
    assert found == {}
    assert not [text for text in console if "Content Security Policy" in text]
    page.close()


def test_the_portal_search_suggestions_fit_in_320px_and_show_the_highlighted_option(
    live_server, browser
):
    every_page_type()
    page = browser.new_page(viewport={"width": 320, "height": 640})
    page.goto(site_url(live_server))
    box = page.get_by_role("combobox")
    box.fill("brystkreft")
    option = page.get_by_role("option").first
    expect(option).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    box.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    style = option.evaluate(
        "o => { const s = getComputedStyle(o); return [s.outlineStyle, s.outlineWidth,"
        " s.backgroundColor, s.color, getComputedStyle(o.parentElement).backgroundColor]; }"
    )
    outline_style, outline_width, background, colour, list_background = style
    assert outline_style != "none" and float(outline_width.rstrip("px")) >= 2
    # The highlight against the list's background, and its text against the highlight.
    assert contrast(background, list_background) >= 3
    assert contrast(colour, background) >= 4.5
    page.close()


def contrast(first, second):
    def luminance(css):
        red, green, blue = (int(part) for part in css[css.index("(") + 1 : -1].split(",")[:3])
        channels = [c / 255 for c in (red, green, blue)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_after_filtering_the_result_count_has_the_focus_and_print_shows_a_button(
    live_server, browser
):
    every_page_type()
    page = browser.new_page()
    base = site_url(live_server, "helse-bergen")
    page.goto(base + "behandlinger/")
    # On arrival nothing moves the focus.
    assert page.evaluate("document.activeElement.tagName") == "BODY"
    page.get_by_label("Kategori").select_option(label="Kreft")
    page.get_by_role("button", name="Vis").click()
    count = page.locator(".result-count")
    expect(count).to_be_focused()
    expect(count).to_have_text("1 behandling")
    expect(count).to_have_attribute("role", "status")

    page.goto(base + "behandlinger/brystkreft-operasjon/")
    button = page.get_by_role("button", name="Skriv ut siden")
    expect(button).to_be_visible()
    page.evaluate("window.print = () => { window.__printed = true; }")
    button.click()
    assert page.evaluate("window.__printed") is True
    page.close()
