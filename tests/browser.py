"""Shared by the browser tests: the Chromium to drive and the URL of a site on the live server."""

import os

# Debian's Chromium, never a downloaded browser.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def site_url(live_server, slug=None):
    port = live_server.url.rsplit(":", 1)[1]
    return f"http://{slug + '.' if slug else ''}localhost:{port}/"
