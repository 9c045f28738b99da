"""The link checker: finds the links of every live public page by rendering it in-process
(what a reader clicks, however the page stores it), checks the internal ones in-process and,
when asked, the external ones over HTTP, politely: one request at a time (so never two at
once to one host), a pause between requests to the same host, a timeout, a bounded number of
links, and a User-Agent naming the platform. Broken links are stored (`BrokenLink`)."""

import time
import urllib.error
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

from django.db import transaction
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, Site

from core.models.pages import view_restricted
from quality.models import BrokenLink

USER_AGENT = "FNSP-lenkesjekk/1.0 (Felles nettløsning for spesialisthelsetjenesten)"
CHECKED_SCHEMES = {"http", "https"}


class _Anchors(HTMLParser):
    """The hrefs of <a> elements inside <main> (the page's own content, not the chrome)."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.depth += 1
        elif tag == "a" and self.depth:
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)

    def handle_endtag(self, tag):
        if tag == "main" and self.depth:
            self.depth -= 1


def links_in(html, base_url):
    """Absolute http(s) URLs of the links in a page's <main>, without fragments."""
    parser = _Anchors()
    parser.feed(html)
    urls = []
    for href in parser.hrefs:
        url = urldefrag(urljoin(base_url, href.strip())).url
        if urlsplit(url).scheme in CHECKED_SCHEMES and url not in urls:
            urls.append(url)
    return urls


@dataclass
class Findings:
    pages: int = 0
    internal: dict = field(default_factory=lambda: defaultdict(list))  # url -> [page]
    external: dict = field(default_factory=lambda: defaultdict(list))
    broken: list = field(default_factory=list)  # (page, url, internal, status, error)


def site_hosts():
    return {site.hostname for site in Site.objects.all()}


def in_process_get(client, url):
    """The response this platform gives `url`, asked in-process (no network, no cache)."""
    parts = urlsplit(url)
    return client.get(parts.path or "/", QUERY_STRING=parts.query, HTTP_HOST=parts.netloc)


def collect(pages=None, progress=None):
    """Render every live public page (of `pages`, by default all) in-process and sort its
    links into internal and external."""
    hosts = site_hosts()
    client = Client(raise_request_exception=False)
    findings = Findings()
    pages = (Page.objects.all() if pages is None else pages).live().exclude(depth=1)
    pages = pages.exclude(view_restricted()).order_by("path")
    total = pages.count()
    for number, page in enumerate(pages.specific().iterator(chunk_size=200), start=1):
        url = page.get_full_url()
        if not url:
            continue
        findings.pages += 1
        if progress:
            progress(number, total, url)
        response = in_process_get(client, url)
        if response.status_code != 200:
            continue
        for link in links_in(response.content.decode(), url):
            kind = findings.internal if urlsplit(link).hostname in hosts else findings.external
            kind[link].append(page)
    return findings


def check_internal(findings):
    client = Client(raise_request_exception=False)
    for url, pages in findings.internal.items():
        status = in_process_get(client, url).status_code
        if status >= 400:
            findings.broken += [(page, url, True, status, "") for page in pages]


def fetch_status(url, timeout):
    """(HTTP status, error) of a HEAD request, retried as GET where HEAD is refused."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, ""
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return error.code, ""
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            return None, str(reason)[:200]
    return None, ""


def check_external(findings, timeout, delay, limit, progress=None):
    """Check at most `limit` external URLs, one request at a time, pausing `delay` seconds
    before asking a host again; the number of URLs checked."""
    urls = list(findings.external)[:limit]
    last_request = {}
    for number, url in enumerate(urls, start=1):
        host = urlsplit(url).netloc
        wait = last_request.get(host, -delay) + delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        if progress:
            progress(number, len(urls), url)
        status, error = fetch_status(url, timeout)
        last_request[host] = time.monotonic()
        if error or (status and status >= 400):
            pages = findings.external[url]
            findings.broken += [(page, url, False, status, error) for page in pages]
    return len(urls)


def store(findings, internal=True, external=False, pages=None):
    """Replace the stored findings of the kinds checked (on `pages`, by default all) with
    this run's."""
    now = timezone.now()
    kinds = [kind for kind, checked in ((True, internal), (False, external)) if checked]
    stored = BrokenLink.objects.filter(internal__in=kinds)
    with transaction.atomic():
        (stored if pages is None else stored.filter(page__in=pages)).delete()
        BrokenLink.objects.bulk_create(
            BrokenLink(
                page=page,
                url=url,
                internal=is_internal,
                status=status,
                error=error,
                checked_at=now,
            )
            for page, url, is_internal, status, error in findings.broken
            if is_internal in kinds
        )
