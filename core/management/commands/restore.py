from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import MEDIA_ARCHIVE, restore


class Command(BaseCommand):
    help = (
        "Replace the database and the media files with a backup made by `backup`; stop the app"
        " servers and the task worker first (docs/deployment.md#backups)."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--yes", action="store_true", help="Do not ask before replacing.")

    def handle(self, folder, yes, **options):
        if not (Path(folder) / MEDIA_ARCHIVE).exists():
            raise CommandError(f"{folder} holds no backup ({MEDIA_ARCHIVE} is missing).")
        if not yes and input("Replace this installation's data with the backup? [y/N] ") != "y":
            raise CommandError("Nothing restored.")
        restore(folder)
        self.stdout.write(f"Restored from {folder}")
