"""A throwaway redis-server on a free localhost port, no persistence (tests/conftest.py's
`redis_server` fixture; the way scripts/varnish.py starts Varnish)."""

import shutil
import subprocess
import tempfile

import redis

from scripts.varnish import free_port, stop_process, wait_for_port

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def available():
    return shutil.which("redis-server") is not None


class RedisServer:
    """Started on a port of its own; `stop` and `start` again on the same port (empty)."""

    def __init__(self):
        self.port = free_port()
        self.workdir = tempfile.mkdtemp(prefix="fnsp-redis.")
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        command = [
            REDIS_SERVER,
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            self.workdir,
        ]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        wait_for_port(self.port, self.process)

    def flush(self):
        """Empty it: each test's database starts anew, with ids a previous test used."""
        client = redis.Redis.from_url(self.url)
        client.flushall()
        client.close()

    def stop(self):
        if self.process:
            stop_process(self.process)
            self.process = None

    def close(self):
        self.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)
