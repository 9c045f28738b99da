from django.core.management.base import BaseCommand

from demo.steps import load_demo


class Command(BaseCommand):
    help = "Create demo content for the portal and every health-trust site (idempotent)."

    def handle(self, *args, **options):
        report = load_demo(stdout=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"Demo data ready: {report.summary()}."))
