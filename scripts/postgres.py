"""A throwaway PostgreSQL cluster on a free localhost port, from the system's binaries (as
scripts/test-postgres.sh starts one): for the tests that need a PostgreSQL of their own to
stop (tests/ops) and for `make multinode`. No Django import."""

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from scripts.varnish import free_port


def bin_dir():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
    if found:
        return Path(found[-1])
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def available():
    return bin_dir() is not None


class Cluster:
    """`start`, `stop` (the server; the data stays) and `start` again on the same port;
    `close` deletes it. As root the server runs as the `postgres` system user."""

    def __init__(self):
        self.bin = bin_dir()
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="fnsp-pg."))
        self.folder.chmod(0o755)
        self.run = []
        if os.getuid() == 0:
            shutil.chown(self.folder, "postgres")
            self.run = ["runuser", "-u", "postgres", "--"]
        self.data = self.folder / "data"
        self.initialised = False

    @property
    def url(self):
        return f"postgres://fnsp@127.0.0.1:{self.port}/fnsp"

    def pg_ctl(self, *args):
        subprocess.run(
            [*self.run, str(self.bin / "pg_ctl"), "-D", str(self.data), *args],
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def start(self):
        if not self.initialised:
            subprocess.run(
                [*self.run, str(self.bin / "initdb"), "-D", str(self.data), "-U", "fnsp"]
                + ["--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
                check=True,
                capture_output=True,
            )
            self.initialised = True
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
            " -c fsync=off -c full_page_writes=off -c max_connections=200"
        )
        self.pg_ctl("-l", str(self.folder / "server.log"), "-w", "-o", options, "start")
        if not (self.data / "created").exists():
            subprocess.run(
                [*self.run, str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port)]
                + ["-U", "fnsp", "fnsp"],
                check=True,
            )
            (self.data / "created").touch()

    def stop(self):
        self.pg_ctl("-m", "immediate", "stop")

    def close(self):
        subprocess.run(
            [*self.run, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(self.folder, ignore_errors=True)
