"""Page explorer and dashboard at national scale: 55 sites × 1,000 pages on SQLite.

Times the admin views for a regional web team member (one `<Region> redaktør` group), a
member of all 55 site editor groups (what regional groups replace) and a local editor, and
prints the median of several requests per view with its query count. Run by `make bench`;
it builds a throwaway database (a few minutes) and never touches db.sqlite3. With
FNSP_BENCH_DB=<file> the database is kept there and reused by the next run.
"""

import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

SITES = 55
PAGES_PER_SITE = 1000
SECTIONS = 9  # each with (PAGES_PER_SITE - 1) // SECTIONS children: 1,000 pages with the root
TRANSLATED_EVERY = 5  # every fifth site root also has an English translation
RUNS = 7


def setup_django(database):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ["DJANGO_SETTINGS_MODULE"] = "fnsp_site.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def bulk_subtree(root, locale):
    """Plain pages below a site root, written with one bulk insert (treebeard paths by hand)."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import Page

    content_type = ContentType.objects.get_for_model(Page)
    now = timezone.now()
    children = (PAGES_PER_SITE - 1) // SECTIONS - 1
    pages = []

    def page(parent_path, parent_url, depth, step, title, numchild):
        slug = f"side-{step}"
        return Page(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_type,
            path=Page._get_path(parent_path, depth, step),
            depth=depth,
            numchild=numchild,
            url_path=f"{parent_url}{slug}/",
            locale=locale,
            translation_key=uuid.uuid4(),
            live=True,
            first_published_at=now,
            last_published_at=now,
        )

    for section_step in range(1, SECTIONS + 1):
        section = page(root.path, root.url_path, root.depth + 1, section_step, "Seksjon", children)
        pages.append(section)
        for step in range(1, children + 1):
            pages.append(page(section.path, section.url_path, section.depth + 1, step, "Side", 0))
    Page.objects.bulk_create(pages, batch_size=500)
    Page.objects.filter(pk=root.pk).update(numchild=SECTIONS)


def build_world():
    from wagtail.models import Locale

    from core.models import HealthTrust, Region
    from home.factories import make_hospital, make_portal
    from home.groups import sync_site_groups

    make_portal()
    regions = list(Region.objects.all())
    trusts = list(HealthTrust.objects.order_by("pk"))
    for number in range(SITES - 1 - len(trusts)):
        trusts.append(
            HealthTrust.objects.create(
                slug=f"benk-{number}",
                name=f"Benkeforetak {number} HF",
                region=regions[number % len(regions)],
                kind=HealthTrust.Kind.TRUST,
            )
        )
    english = Locale.objects.get(language_code="en")
    for index, trust in enumerate(trusts[: SITES - 1]):
        _trust, _site, home = make_hospital(trust.slug)
        bulk_subtree(home, home.locale)
        if index % TRANSLATED_EVERY == 0:
            home.copy_for_translation(english).save_revision().publish()
    sync_site_groups()


def users():
    from django.contrib.auth.models import Group
    from django.db.models import Count

    from core.models import HealthTrust, Region
    from home.groups import PORTAL_SLUG, editor_group_name, regional_group_name

    region_group = (
        Group.objects.filter(name__in=[regional_group_name(r) for r in Region.objects.all()])
        .annotate(rows=Count("page_permissions"))
        .order_by("-rows")
        .first()
    )
    slugs = [PORTAL_SLUG, *HealthTrust.objects.with_site().values_list("slug", flat=True)]
    site_groups = list(Group.objects.filter(name__in=[editor_group_name(s) for s in slugs]))
    local = Group.objects.get(name=editor_group_name("helse-bergen"))
    bergen = HealthTrust.objects.get(slug="helse-bergen").site
    in_region = HealthTrust.objects.with_site().filter(
        region__name=region_group.name.rsplit(" ", 1)[0]
    )
    return [
        (
            f"regional ({region_group.name})",
            user("benk-regional", [region_group]),
            in_region.first().site,
        ),
        (f"in {len(site_groups)} site groups", user("benk-alle-sider", site_groups), bergen),
        (f"local ({local.name})", user("benk-lokal", [local]), bergen),
    ]


def user(username, groups):
    from django.contrib.auth import get_user_model

    person, _created = get_user_model().objects.get_or_create(username=username)
    person.groups.set(groups)
    return person


def views(site):
    """The views an editor opens first: the explorer (for a user of several sites it starts
    at Root, listing their sites), one of their site roots, and the dashboard."""
    return [
        ("explorer", "/admin/pages/"),
        ("explorer at site root", f"/admin/pages/{site.root_page_id}/"),
        ("dashboard", "/admin/"),
    ]


def permission_rows(user):
    from wagtail.models import GroupPagePermission

    return GroupPagePermission.objects.filter(group__user=user).count()


def measure(client, url, **headers):
    """Median wall and CPU milliseconds of RUNS requests after a warm-up, and their queries;
    `headers` as the test client takes them (HTTP_HOST=...)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, follow=True, **headers)  # warm caches, as a working site's would be
    wall, cpu = [], []
    for _run in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url, follow=True, **headers)
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(wall), statistics.median(cpu), len(queries)


def main():
    with tempfile.TemporaryDirectory() as directory:
        started = time.perf_counter()
        database = Path(os.environ.get("FNSP_BENCH_DB") or Path(directory) / "bench.sqlite3")
        reuse = database.exists()
        setup_django(database)
        if not reuse:
            build_world()
        from django.test import Client
        from wagtail.models import Page, Site

        print(
            f"{Site.objects.count()} sites, {Page.objects.count()} pages "
            f"(built in {time.perf_counter() - started:.0f} s); median of {RUNS} requests"
        )
        print("wall and CPU time (this process, SQLite included: steadier on a busy machine)")
        results = {}
        people = users()
        for label, person, site in people:
            client = Client(HTTP_HOST="localhost")
            client.force_login(person)
            print(f"\n{label}: {permission_rows(person)} page permission rows")
            for view, url in views(site):
                wall, cpu, count = measure(client, url)
                results[label, view] = cpu
                print(
                    f"  {view:22} {url:18} {wall:7.0f} ms wall {cpu:7.0f} ms CPU {count:3} queries"
                )
        regional, many = people[0][0], people[1][0]
        print(f"\nCPU time, regional / {many}:")
        for view, _url in views(people[0][2]):
            print(f"  {view:22} {results[regional, view] / results[many, view]:.2f}")


if __name__ == "__main__":
    main()
