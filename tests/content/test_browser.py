"""In headless Chromium: the feedback form round trip, the accordion and the print view."""

import pytest
from playwright.sync_api import expect

from home.factories import ContentPageFactory, make_hospital, make_portal
from home.models import PageFeedback
from tests.browser import site_url

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_feedback_accordion_and_print_view(live_server, browser):
    make_portal()
    _trust, _site, home = make_hospital("helse-bergen")
    content = ContentPageFactory(
        parent=home,
        title="Parkering",
        slug="parkering",
        body=[
            (
                "accordion",
                {"heading": "", "items": [{"title": "Hva koster det?", "text": "<p>30 kr.</p>"}]},
            )
        ],
    )
    page = browser.new_page()
    url = site_url(live_server, "helse-bergen") + "parkering/"
    page.goto(url)

    answer = page.get_by_text("30 kr.")
    expect(answer).to_be_hidden()
    page.get_by_text("Hva koster det?").click()
    expect(answer).to_be_visible()

    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.locator(".feedback")).to_be_hidden()
    expect(page.locator(".print-url")).to_be_visible()
    # The canonical address from the site's configuration, not the test server's port.
    expect(page.locator(".print-url")).to_have_text("http://helse-bergen.localhost:8000/parkering/")
    page.emulate_media(media="screen")
    expect(page.locator(".print-url")).to_be_hidden()

    feedback = page.get_by_role("group", name="Fant du det du lette etter?")
    feedback.get_by_role("button", name="Nei").click()
    expect(page.get_by_role("status")).to_have_text("Takk for tilbakemeldingen!")
    assert page.url == url + "?feedback=thanks#feedback"
    assert list(PageFeedback.objects.values_list("page_id", "found")) == [(content.pk, False)]
    page.close()
