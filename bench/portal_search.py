"""Portal search at national scale: 55 sites × 1,000 pages on SQLite (the world of
`bench/explorer.py`), every page indexed, titled with treatment words and their compounds.

Prints the median time of a portal search (target under 150 ms), a hospital search and a
search that finds nothing (which offers "did you mean" from the vocabulary the task keeps, never
rebuilt in the request). Run by `make bench`; with FNSP_BENCH_DB=<file> the database is kept
there and reused by the next run.
"""

import os
import tempfile
import time
from pathlib import Path

from explorer import RUNS, build_world, measure, setup_django

TARGET_MS = 150
# Compounds and plain words, so "kreft" finds thousands of pages through the compound parts.
TITLES = [
    "Kreft",
    "Brystkreft",
    "Lungekreft",
    "Hofteprotese",
    "Kneprotese",
    "Hjerteinfarkt",
    "Besøkstider",
    "Parkering",
    "Side",
]
SEARCHES = [
    ("portal", None, "kreft"),
    ("portal", None, "besøkstider"),
    ("hospital", "helse-bergen", "hofte"),
    ("nothing found", None, "kneprotesse"),
]


def index_world():
    """Treatment words as titles, and every page in the search index (the bulk insert of
    `explorer.py` indexes nothing), then the vocabulary task's work."""
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from search.tasks import rebuild_vocabulary

    pages = list(Page.objects.filter(title__in=["Side", "Seksjon", *TITLES]).order_by("pk"))
    for number, page in enumerate(pages):
        page.title = TITLES[number % len(TITLES)]
    Page.objects.bulk_update(pages, ["title"], batch_size=1000)
    backend = get_search_backend()
    for start in range(0, len(pages), 2000):
        backend.add_bulk(Page, pages[start : start + 2000])
    rebuild_vocabulary.call()


def main():
    with tempfile.TemporaryDirectory() as directory:
        started = time.perf_counter()
        database = Path(os.environ.get("FNSP_BENCH_DB") or Path(directory) / "bench.sqlite3")
        reuse = database.exists()
        os.environ.setdefault("FNSP_RATE_LIMIT_SEARCH", "10000/m")
        setup_django(database)
        from wagtail.models import Page, Site

        if not reuse:
            build_world()
        from search.models import Vocabulary

        if not Vocabulary.objects.exists():
            index_world()
        from django.test import Client

        print(
            f"{Site.objects.count()} sites, {Page.objects.count()} pages "
            f"(built in {time.perf_counter() - started:.0f} s); median of {RUNS} requests"
        )
        print("wall and CPU time (this process, SQLite included: steadier on a busy machine)")
        client = Client()
        for label, slug, query in SEARCHES:
            host = f"{slug}.localhost" if slug else "localhost"
            url = f"/sok/?q={query}"
            wall, cpu, count = measure(client, url, HTTP_HOST=host)
            print(
                f"  {label:14} {query:12} {wall:7.0f} ms wall {cpu:7.0f} ms CPU {count:3} queries"
            )
        print(f"target: portal search under {TARGET_MS} ms")


if __name__ == "__main__":
    main()
