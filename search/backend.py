"""Wagtail's database search backend; on SQLite with a faster ranking of a page of results
(search/sqlite_backend.py, imported on SQLite only: its models exist there alone)."""

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend


def SearchBackend(params):
    backend = database_backend(params)
    if connection.vendor == "sqlite":
        from search.sqlite_backend import RankedSQLiteSearchBackend, SQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):  # FTS5 present (else Wagtail's fallback)
            return RankedSQLiteSearchBackend(params)
    return backend
