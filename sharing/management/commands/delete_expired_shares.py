from django.core.management.base import BaseCommand
from django.utils import timezone

from sharing.models import RETENTION, Share


class Command(BaseCommand):
    help = "Delete shares created more than 180 days ago, with their notes and read receipts."

    def handle(self, *args, **options):
        cutoff = timezone.now() - RETENTION
        deleted, _by_model = Share.objects.filter(created_at__lt=cutoff).delete()
        self.stdout.write(f"Deleted {deleted} share(s) created before {cutoff:%Y-%m-%d %H:%M %Z}.")
