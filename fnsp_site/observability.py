"""Optional error reporting (Sentry) and metrics (Prometheus), each on only when its
environment variable is set (docs/deployment.md#observability)."""

from fnsp_site.log_redaction import redact


def scrub(event, hint=None):
    """What Sentry receives of a request: its method and path (share tokens redacted) and the
    request id, never the visitor's query (a search is health information), address or
    cookies."""
    request = event.get("request") or {}
    for field in ("query_string", "cookies", "data", "env"):
        request.pop(field, None)
    if "url" in request:
        request["url"] = redact(request["url"].split("?", 1)[0])
    headers = request.get("headers") or {}
    request["headers"] = {
        name: value for name, value in headers.items() if name.lower() in {"host", "x-request-id"}
    }
    event.pop("user", None)
    return event


def init_sentry(dsn):
    import sentry_sdk

    sentry_sdk.init(
        dsn=dsn,
        send_default_pii=False,
        before_send=scrub,
        before_send_transaction=scrub,
    )
