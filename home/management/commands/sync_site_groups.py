from django.core.management.base import BaseCommand

from home.groups import sync_site_groups


class Command(BaseCommand):
    help = "Create or correct the editor groups of every site and the national group (idempotent)."

    def handle(self, *args, **options):
        def progress(index, total, slug):
            self.stdout.write(f"[{index}/{total}] {slug}")

        report = sync_site_groups(progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(report.sites)} sites synced: {report.groups_created} groups created, "
                f"{report.permissions_added} permissions added, "
                f"{report.permissions_removed} removed, {report.restrictions_confined} "
                "collection restriction(s) to any logged-in user confined to groups."
            )
        )
