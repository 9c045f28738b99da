"""Backup and restore of an installation: the database (pg_dump's custom format on
PostgreSQL, SQLite's online backup otherwise) and every media file of the default storage,
local disk or object store, in a tar archive (`manage.py backup` / `manage.py restore`;
docs/deployment.md#backups)."""

import io
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection

from core.health import PROBE_DIR

POSTGRES_DUMP = "database.pgdump"
SQLITE_DUMP = "database.sqlite3"
MEDIA_ARCHIVE = "media.tar"


def postgres_tool(name):
    """pg_dump/pg_restore of the newest PostgreSQL installed (Debian keeps each version's
    tools in /usr/lib/postgresql/N/bin), else the one on PATH."""
    found = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: int(p.parts[-3])
    )
    return str(found[-1]) if found else shutil.which(name) or name


def postgres_environ():
    settings = connection.settings_dict
    environ = {**os.environ, "PGDATABASE": settings["NAME"]}
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if settings.get(key):
            environ[variable] = str(settings[key])
    return environ


def media_names(folder=""):
    """Every file of the default storage, the health probe's folder left out."""
    folders, files = default_storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        path = f"{folder}/{sub}" if folder else sub
        if path != PROBE_DIR:
            yield from media_names(path)


def back_up(target):
    """Write the backup into the folder `target`; the names of the files written."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "postgresql":
        database = target / POSTGRES_DUMP
        subprocess.run(
            [postgres_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(database)],
            env=postgres_environ(),
            check=True,
        )
    else:
        database = target / SQLITE_DUMP
        connection.ensure_connection()
        with sqlite3.connect(database) as copy:
            connection.connection.backup(copy)
        copy.close()
    media = target / MEDIA_ARCHIVE
    with tarfile.open(media, "w") as archive:
        for name in media_names():
            with default_storage.open(name, "rb") as file:
                content = file.read()
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return [database, media]


def restore(source):
    """Replace the database and the media files with the backup in the folder `source`.
    The app servers and the task worker are stopped meanwhile."""
    source = Path(source)
    if connection.vendor == "postgresql":
        connection.close()
        subprocess.run(
            [postgres_tool("pg_restore"), "--clean", "--if-exists", "--no-owner"]
            + ["--single-transaction", "--dbname", connection.settings_dict["NAME"]]
            + [str(source / POSTGRES_DUMP)],
            env=postgres_environ(),
            check=True,
        )
    else:
        connection.ensure_connection()
        with sqlite3.connect(source / SQLITE_DUMP) as saved:
            saved.backup(connection.connection)
        saved.close()
    for name in list(media_names()):
        default_storage.delete(name)
    with tarfile.open(source / MEDIA_ARCHIVE) as archive:
        for member in archive.getmembers():
            if member.isfile():
                content = archive.extractfile(member).read()
                saved_as = default_storage.save(member.name, ContentFile(content))
                if saved_as != member.name:
                    raise RuntimeError(f"{member.name} was restored as {saved_as}")
