"""Expanding the dates of a course or event (single days and weekly rules) into occurrences."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

# Far enough for any course plan; bounds the work a malformed rule can cause.
MAX_OCCURRENCES = 400


@dataclass(frozen=True, order=True)
class Occurrence:
    day: date
    start_time: time | None = None
    end_time: time | None = None

    @property
    def all_day(self):
        return self.start_time is None

    @property
    def start(self):
        """Aware start (midnight for an all-day occurrence)."""
        return datetime.combine(self.day, self.start_time or time(0), tzinfo=local_zone())

    @property
    def end(self):
        """Aware end: the end time, an hour after the start, or the next midnight."""
        if self.start_time is None:
            return datetime.combine(self.day + timedelta(days=1), time(0), tzinfo=local_zone())
        if self.end_time is not None:
            return datetime.combine(self.day, self.end_time, tzinfo=local_zone())
        return self.start + timedelta(hours=1)


def local_zone():
    return ZoneInfo(settings.TIME_ZONE)


def _weekly(value):
    weekday = int(value["weekday"])
    day = value["first_date"] + timedelta(days=(weekday - value["first_date"].weekday()) % 7)
    skip = set(value.get("exceptions") or [])
    while day <= value["last_date"]:
        if day not in skip:
            yield day
        day += timedelta(weeks=1)


def expand(dates):
    """Every occurrence of a dates stream, sorted; `dates` yields blocks of type single/weekly."""
    result = set()
    for block in dates:
        value = block.value
        times = (value.get("start_time"), value.get("end_time"))
        if block.block_type == "single":
            result.add(Occurrence(value["date"], *times))
        elif block.block_type == "weekly":
            for day in _weekly(value):
                result.add(Occurrence(day, *times))
                if len(result) >= MAX_OCCURRENCES:
                    break
    return sorted(result)


def upcoming(dates, today):
    return [occurrence for occurrence in expand(dates) if occurrence.day >= today]


def span(dates):
    """(first day, last day) covered by a dates stream, or (None, None) when it is empty."""
    days = []
    for block in dates:
        value = block.value
        if block.block_type == "single":
            days.append(value["date"])
        elif block.block_type == "weekly":
            days += [value["first_date"], value["last_date"]]
    return (min(days), max(days)) if days else (None, None)
