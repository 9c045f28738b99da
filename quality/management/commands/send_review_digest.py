from django.core.management.base import BaseCommand, CommandError

from quality import digest, reviews


class Command(BaseCommand):
    help = (
        "E-mail each owner the pages and national treatments they own that are overdue or due "
        "for review (run from a schedule, e.g. weekly)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--within",
            type=int,
            default=reviews.SOON,
            help="Days ahead to include (default %(default)s); overdue items are always included.",
        )

    def handle(self, *args, within, **options):
        if within < 0:
            raise CommandError("--within must be 0 or more days.")

        def progress(number, total, email, count):
            self.stdout.write(f"[{number}/{total}] {email}: {count} item(s)")

        found = digest.collect(within)
        sent = digest.send(found, within, progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"{sent} e-mail(s) sent; "
                f"{sum(len(items) for items in found.items.values())} item(s) listed; "
                f"{len(found.unowned)} page(s) due without an owner with an e-mail address."
            )
        )
        for title, site, due, url in found.unowned:
            self.stdout.write(f"  no owner: {title} ({site}), due {due:%Y-%m-%d}: {url}")
