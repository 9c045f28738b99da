"""No share token in any log the project writes (docs/security.md#logs).

A patient's link `/i/<token>/` is the secret that opens the share; Django's request log names
the path of every 4xx response, and gunicorn's access log every request's.
"""

import json
import logging
import re

from gunicorn.glogging import Logger, SafeAtoms

SHARE_PATH = re.compile(r"/i/[^/?#\s\"']+")
REDACTED = "/i/[token]"


def redact(text):
    return SHARE_PATH.sub(REDACTED, text)


class RedactShareTokens(logging.Filter):
    """A filter for the project's log handlers: the message with every token replaced."""

    def filter(self, record):
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


class JsonAtoms(SafeAtoms):
    """The access log's fields escaped for the JSON line gunicorn.conf.py's format makes
    (gunicorn's own escape only quotes), a missing one "-" as in gunicorn."""

    def __init__(self, atoms):
        dict.__init__(self)
        for key, value in atoms.items():
            self[key] = json.dumps(value)[1:-1] if isinstance(value, str) else value


class GunicornLogger(Logger):
    """gunicorn's logger (gunicorn.conf.py) with tokens redacted from every access-log field."""

    atoms_wrapper_class = JsonAtoms

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            key: redact(value) if isinstance(value, str) else value for key, value in atoms.items()
        }
