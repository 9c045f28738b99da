"""The "Search terms" report's data (Wagtail's search promotions `Query` and `QueryDailyHits`):
what people look for, without anything that could say who they are (docs/search.md#privacy).

A query that holds an e-mail address, a run of three or more digits (a national identity
number, a phone number, a date of birth), six digits in all, or more than five words is not
counted at all: cutting the personal part out would still leave the rest of the sentence
(a name and a diagnosis) in the report. Counts are kept for `WAGTAILSEARCH_HITS_MAX_AGE` days.
"""

import datetime
import re

from django.conf import settings
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

MAX_WORDS = 5
MAX_DIGITS = 5
DIGIT_RUN = re.compile(r"\d{3}")


def countable(text):
    """The query as the report may keep it, or None when it may not keep it."""
    words = text.split()
    if (
        not words
        or len(words) > MAX_WORDS
        or "@" in text
        or DIGIT_RUN.search(text)
        or sum(character.isdigit() for character in text) > MAX_DIGITS
    ):
        return None
    return " ".join(words)


def count_search(typed, text):
    """Count `text` (the cleaned query) if what was `typed` may be counted: cleaning turns
    an e-mail address into words."""
    if countable(typed) is not None and countable(text) is not None:
        Query.get(text).add_hit()


def retention_cutoff():
    """The first day whose counts are kept."""
    return timezone.localdate() - datetime.timedelta(days=settings.WAGTAILSEARCH_HITS_MAX_AGE)


def delete_old_counts():
    """Delete counts from before the retention period and the terms left with none (a term
    with a national promotion stays). Returns (counts deleted, terms deleted)."""
    counts, _ = QueryDailyHits.objects.filter(date__lt=retention_cutoff()).delete()
    terms, _ = Query.objects.filter(daily_hits__isnull=True, editors_picks__isnull=True).delete()
    return counts, terms
