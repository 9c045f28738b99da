"""`make bench`: requests/s and latency of the main page types, straight to gunicorn and
through Varnish, as ratios to a bare-Django reference page served the same way, plus the
database queries of each page. Speed targets live here, never in timed tests (docs/caching.md).

Uses the project's database (`make bench` loads the demo first) and wrk (apt-get install wrk).
BENCH_SECONDS sets the length of each measurement (default 5).
"""

import os
import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.varnish import (  # noqa: E402
    PYTHON,
    collectstatic,
    free_port,
    gunicorn,
    varnish,
    wait_for_port,
)

SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
# Issue 18's measurement before the work on speed, on its machine: the bare-Django reference
# served 7,100 requests/s and the local treatment page 67/s. "3x today's figure" is kept as a
# ratio to the reference, which this run measures on this machine.
BEFORE_RATIO = 67 / 7100
WORKERS = 2
ENV = {
    "DJANGO_SETTINGS_MODULE": "fnsp_site.settings.production",
    "SECRET_KEY": "bench-" + "x" * 50,
    "ALLOWED_HOSTS": "localhost,.localhost,127.0.0.1",
    "SECURE_SSL_REDIRECT": "false",
    "LOG_LEVEL": "WARNING",
    # wrk is one address asking thousands of times: the per-address limits would answer 429.
    **{f"FNSP_RATE_LIMIT_{name}": "1000000/m" for name in ("SEARCH", "AUTOCOMPLETE")},
}


def pages():
    """(label, host, path) of each page type, found in the database, and its query count."""
    os.environ.update({**ENV, "DJANGO_SETTINGS_MODULE": "fnsp_site.settings.dev"})
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from home.models import HospitalHomePage
    from treatments.models import TreatmentPage
    from trials.models import TrialIndexPage

    def located(page):
        site = page.get_site()
        return site.hostname, page.url_path[len(site.root_page.url_path) - 1 :]

    treatment = TreatmentPage.objects.live().filter(locale__language_code="nb").first()
    host, treatment_path = located(treatment)
    home = HospitalHomePage.objects.live().get(pk=treatment.get_parent().get_parent().pk)
    trials = TrialIndexPage.objects.live().descendant_of(home).first()
    found = [
        ("local treatment page", host, treatment_path),
        ("hospital home", host, "/"),
        ("trial listing", host, located(trials)[1]),
        ("search", host, "/sok/?q=behandling"),
        ("API treatments list", "localhost", "/api/open/v1/treatments?limit=20"),
    ]
    client = Client()
    counted = []
    for label, host, path in found:
        client.get(path, HTTP_HOST=host)  # as in the measurement: the chrome is cached
        with CaptureQueriesContext(connection) as queries:
            status = client.get(path, HTTP_HOST=host).status_code
        if status != 200:
            sys.exit(f"{label}: {host}{path} answers {status}")
        counted.append((label, host, path, len(queries)))
    return counted


def settle(port, host, path):
    """Sequential requests before and after a measurement: the workers are warm (the first
    request of each loads templates) and the requests wrk left queued are answered, so one
    measurement does not slow the next."""
    for _ in range(2 * WORKERS):
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host})
        urllib.request.urlopen(request, timeout=120).read()


def wrk(port, host, path):
    settle(port, host, path)
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            "-c16",
            f"-d{SECONDS}s",
            "--latency",
            "--timeout",
            "10s",
            "-H",
            f"Host: {host}",
            "-H",
            "Accept-Encoding: gzip",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    settle(port, host, path)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", output, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        sys.exit(f"{host}{path}: {errors.group(1)} error responses\n{output}")
    return rate, latency.get("50", "?"), latency.get("99", "?")


def main():
    if not shutil.which("wrk"):
        sys.exit("make bench needs wrk: apt-get install wrk")
    counted = pages()
    backend = free_port()
    reference_port = free_port()
    reference = subprocess.Popen(
        [
            str(PYTHON),
            "-m",
            "gunicorn",
            "scripts.bench_reference",
            "--bind",
            f"127.0.0.1:{reference_port}",
            "--workers",
            str(WORKERS),
        ],
        cwd=ROOT,
    )
    rows = []
    try:
        wait_for_port(reference_port, reference)
        base, p50, p99 = wrk(reference_port, "localhost", "/")
        rows.append(("bare Django reference (20 KB)", "", base, p50, p99))
        collectstatic(ENV)
        with gunicorn(backend, workers=WORKERS, env=ENV), varnish(backend) as cached:
            for label, host, path, queries in counted:
                direct = wrk(backend, host, path)
                through = wrk(cached, host, path)
                rows.append((label, queries, *direct, *through))
    finally:
        reference.terminate()
        reference.wait()

    print(
        f"\nwrk -t2 -c16, {SECONDS} s each, gunicorn with {WORKERS} workers; "
        "ratio = req/s ÷ the reference's"
    )
    header = (
        "page",
        "queries",
        "uncached req/s",
        "p50",
        "p99",
        "ratio",
        "Varnish req/s",
        "p50",
        "p99",
        "ratio",
    )
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for label, queries, rate, p50, p99, *cached in rows:
        if not cached:
            print(f"{label} | | {rate:.0f} | {p50} | {p99} | 1.00 | | | |")
            continue
        c_rate, c50, c99 = cached[:3]
        print(
            f"{label} | {queries} | {rate:.0f} | {p50} | {p99} | {rate / base:.3f} | "
            f"{c_rate:.0f} | {c50} | {c99} | {c_rate / base:.2f}"
        )
    print("\nTargets:")
    for label, _queries, _rate, _p50, _p99, *cached in rows[1:]:
        ratio = cached[0] / base
        print(f"- {label} through Varnish >= 1.0x the reference: {ratio:.2f} {met(ratio >= 1)}")
    treatment = next(row for row in rows if row[0] == "local treatment page")
    ratio = treatment[2] / base
    print(
        f"- local treatment page uncached >= 3x before ({3 * BEFORE_RATIO:.4f} of the reference): "
        f"{ratio:.4f}, {ratio / BEFORE_RATIO:.1f}x before {met(ratio >= 3 * BEFORE_RATIO)}"
    )


def met(condition):
    return "(met)" if condition else "(NOT met)"


if __name__ == "__main__":
    main()
