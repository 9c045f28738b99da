"""Logging helpers for the settings' LOGGING."""

import logging
import threading
import time


class OncePerMinute(logging.Filter):
    """Lets one record through per minute and drops the rest: for a fault that every request
    would otherwise report (a Redis that is down, see docs/caching.md#redis)."""

    interval = 60.0

    def __init__(self, name=""):
        super().__init__(name)
        self.lock = threading.Lock()
        self.next_at = 0.0

    def filter(self, record):
        now = time.monotonic()
        with self.lock:
            if now < self.next_at:
                return False
            self.next_at = now + self.interval
        return True
