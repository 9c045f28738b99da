from django.core.management.base import BaseCommand, CommandError

from careers.importer import FeedError, apply_records, parse_feed, read_feed, validate
from careers.models import CareersIndexPage
from core.models import HealthTrust


class Command(BaseCommand):
    help = (
        "Import vacancies for one site from a JSON feed (fnsp-jobs/1 or schema.org JobPosting "
        "JSON-LD): create, update and unpublish its JobPages by external id."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="A file path or an http(s) URL.")
        parser.add_argument("--site", required=True, help="The health trust's slug.")
        parser.add_argument(
            "--allow-empty",
            action="store_true",
            help="Accept a feed with no jobs, unpublishing every imported job of the site.",
        )

    def handle(self, source, site, allow_empty, **options):
        trust = HealthTrust.objects.filter(slug=site).select_related("site__root_page").first()
        if trust is None:
            raise CommandError(f"Unknown site {site!r}: no health trust has that slug.")
        if trust.site is None:
            raise CommandError(f"{trust.name} has no site.")
        root = trust.site.root_page
        index_page = CareersIndexPage.objects.child_of(root).filter(slug="jobb").first()
        if index_page is None:
            raise CommandError(f"{trust.name} has no /jobb/ page to import into; create it first.")

        try:
            kind, raw_records = parse_feed(read_feed(source))
        except FeedError as error:
            raise CommandError(f"{error} Nothing was changed.") from error
        # An empty feed would unpublish every job of the site: only on request.
        if not raw_records and not allow_empty:
            raise CommandError(
                "The feed has no jobs; nothing was changed. Use --allow-empty to unpublish "
                "every imported job of the site."
            )
        self.stdout.write(f"Read {len(raw_records)} records ({kind}) for {trust.name}.")
        records, rejections = validate(kind, raw_records)
        for rejection in rejections:
            self.stderr.write(
                f"Rejected record {rejection.position}"
                f"{f' ({rejection.external_id})' if rejection.external_id else ''}: "
                f"{rejection.reason}"
            )
        if raw_records and not records:
            raise CommandError("No record in the feed is valid; nothing was changed.")

        summary = apply_records(index_page, root, records, rejections, self.stdout.write)
        for warning in summary.warnings:
            self.stderr.write(self.style.WARNING(f"Warning: {warning}"))
        self.stdout.write(self.style.SUCCESS(f"Import finished: {summary}."))
