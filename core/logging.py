"""Logging helpers for the settings' LOGGING."""

import contextvars
import logging
import re
import threading
import time
import uuid

from django.core.signals import request_finished
from django.utils.functional import empty


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


# The request being served by this thread (or task), for the log records written meanwhile.
current_request = contextvars.ContextVar("current_request", default=None)
# An id a client or a proxy (Varnish, the load balancer) sent is kept if it looks like one.
REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
REQUEST_ID_HEADER = "X-Request-ID"


class RequestIdMiddleware:
    """Gives each request an id, the one in X-Request-ID or a new one, echoed in the response
    and written in every log record of the request (`RequestContext`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        sent = request.headers.get(REQUEST_ID_HEADER, "")
        request.fnsp_request_id = sent if REQUEST_ID.match(sent) else uuid.uuid4().hex
        # Kept until the request is finished (`connect_request_context`): Django logs a 4xx or
        # 5xx response after the middleware has returned it.
        current_request.set(request)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request.fnsp_request_id
        return response


def forget_request(**kwargs):
    current_request.set(None)


def connect_request_context():
    request_finished.connect(forget_request, dispatch_uid="fnsp_forget_request")


class RequestContext(logging.Filter):
    """Adds the request's id, site and staff user to a record, and leaves out what would tell
    about a visitor: Django's `request` (its address, its query string) is dropped.

    The site and the user are named only when the request has looked them up already: logging
    never queries the database."""

    def filter(self, record):
        request = current_request.get()
        record.__dict__.pop("request", None)
        if request is None:
            return True
        record.request_id = request.fnsp_request_id
        site = request.__dict__.get("_wagtail_site")
        if site is not None:
            record.site_id = site.pk
        user = request.__dict__.get("user")
        looked_up = user is not None and getattr(user, "_wrapped", user) is not empty
        if looked_up and user.is_authenticated:
            record.user_id = user.pk
        return True
