from django.core.management.base import BaseCommand

from core.backup import back_up


class Command(BaseCommand):
    help = "Back up the database and the media files into a folder (docs/deployment.md#backups)."

    def add_arguments(self, parser):
        parser.add_argument("folder")

    def handle(self, folder, **options):
        for path in back_up(folder):
            self.stdout.write(f"Wrote {path}")
