from django.core.management.base import BaseCommand, CommandError

from quality import links


class Command(BaseCommand):
    help = (
        "Find broken links on live pages: internal links are checked in-process; with "
        "--external, external links too, politely (run it from a schedule, e.g. nightly)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--external", action="store_true", help="Check external links too.")
        parser.add_argument(
            "--timeout", type=float, default=10, help="Seconds per external request (10)."
        )
        parser.add_argument(
            "--delay",
            type=float,
            default=1,
            help="Seconds between two requests to the same external host (1).",
        )
        parser.add_argument(
            "--limit", type=int, default=2000, help="External links checked at most (2000)."
        )

    def handle(self, *args, external, timeout, delay, limit, **options):
        if timeout <= 0 or delay < 0 or limit < 0:
            raise CommandError("--timeout must be positive, --delay and --limit not negative.")

        def page_progress(number, total, url):
            self.stdout.write(f"[{number}/{total}] {url}")

        def link_progress(number, total, url):
            self.stdout.write(f"[{number}/{total}] external {url}")

        findings = links.collect(progress=page_progress)
        links.check_internal(findings)
        checked = 0
        if external:
            checked = links.check_external(findings, timeout, delay, limit, link_progress)
        links.store(findings, internal=True, external=external)
        broken_internal = sum(1 for finding in findings.broken if finding[2])
        self.stdout.write(
            self.style.SUCCESS(
                f"{findings.pages} page(s) read, {len(findings.internal)} internal link(s) "
                f"checked, {checked} of {len(findings.external)} external; "
                f"{broken_internal} broken internal and "
                f"{len(findings.broken) - broken_internal} broken external link(s) stored."
            )
        )
