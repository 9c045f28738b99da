from django.core.management.base import BaseCommand, CommandError

from research.models import ResearchGroupPage
from research.nva import NvaClient, import_all, import_group
from research.tasks import refresh_nva


class Command(BaseCommand):
    help = (
        "Import research groups' projects and their researchers' recent results from NVA "
        "(docs/research.md#nva-import). Problems are reported; what was stored stays."
    )

    def add_arguments(self, parser):
        parser.add_argument("--group", type=int, help="Only the research group page with this id.")
        parser.add_argument("--url", help="The NVA API's base URL (default: NVA_API_URL).")
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Leave the import to the task worker (for the daily schedule).",
        )

    def handle(self, *args, group=None, url=None, enqueue=False, **options):
        if enqueue:
            refresh_nva.enqueue()
            self.stdout.write("NVA import queued for the task worker.")
            return
        client = NvaClient(base_url=url or "")
        if group is not None:
            page = ResearchGroupPage.objects.filter(pk=group).first()
            if page is None:
                raise CommandError(f"No research group page with id {group}.")
            report = import_group(page, client=client)
        else:
            report = import_all(client=client)
        for error in report.errors:
            self.stderr.write(error)
        self.stdout.write(
            f"{report.groups} groups: {report.projects} projects and {report.results} results "
            f"imported, {len(report.errors)} problem(s)."
        )
