"""The suite's clock: `FNSP_TEST_CLOCK=2030-12-31 pytest` runs the whole session on that day
(docs/architecture.md, "Tests at another date"): nothing may depend on the day the suite happens
to run. Kept free of pytest so that the processes the suite starts (the OpenID provider) can
travel with it."""

import datetime
import os
from zoneinfo import ZoneInfo

import time_machine

CLOCK_VARIABLE = "FNSP_TEST_CLOCK"
OSLO = ZoneInfo("Europe/Oslo")


def session_clock(value):
    """The moment `FNSP_TEST_CLOCK` names: a date is taken at noon in Oslo, far from midnight
    (set-up and request must see the same day) and from the 02:00-03:00 DST switches; a
    datetime without a zone is Oslo time. A malformed value raises ValueError."""
    moment = datetime.datetime.fromisoformat(value)
    if len(value) == 10:
        moment = moment.replace(hour=12)
    return moment if moment.tzinfo else moment.replace(tzinfo=OSLO)


def start_from_environment():
    """Start the ticking clock `FNSP_TEST_CLOCK` names, if any; returns the traveller or None.
    It ticks: timeouts and durations still work, and a test's own `time_machine.travel` nests
    inside it and returns to it when done."""
    value = os.environ.get(CLOCK_VARIABLE)
    if not value:
        return None
    traveller = time_machine.travel(session_clock(value), tick=True)
    traveller.start()
    return traveller


def environment_for_subprocess():
    """The clock variable for a process the suite starts, naming this process's present moment
    (not the session's start: the session's clock has ticked since), so both agree on the time
    within the start-up's seconds. Empty when the suite runs on the real clock."""
    if CLOCK_VARIABLE not in os.environ:
        return {}
    return {CLOCK_VARIABLE: datetime.datetime.now(datetime.UTC).isoformat()}
