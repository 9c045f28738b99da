from django.conf import settings
from django.core.management.base import BaseCommand

from search.statistics import delete_old_counts, retention_cutoff


class Command(BaseCommand):
    help = (
        "Delete search statistics (daily counts per search term) older than "
        "WAGTAILSEARCH_HITS_MAX_AGE days, and the terms left with no count."
    )

    def handle(self, *args, **options):
        cutoff = retention_cutoff()
        counts, terms = delete_old_counts()
        self.stdout.write(
            f"Deleted {counts} daily search count(s) from before {cutoff:%Y-%m-%d} "
            f"({settings.WAGTAILSEARCH_HITS_MAX_AGE}-day retention) and {terms} search term(s) "
            "with no count left."
        )
