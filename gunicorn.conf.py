# Read by gunicorn from the folder it starts in (docs/security.md#logs). The access log, when an
# operator turns it on (--access-logfile), is one JSON object a line with the time, the method,
# the path without its query (a search is health information), the status, the size, the
# duration and the request id (core/logging.py); no share token, client address or user agent.
logger_class = "fnsp_site.log_redaction.GunicornLogger"
access_log_format = (
    '{"time": "%(t)s", "method": "%(m)s", "path": "%(U)s", "status": "%(s)s",'
    ' "bytes": "%(B)s", "ms": "%(M)s", "request_id": "%({x-request-id}o)s"}'
)
