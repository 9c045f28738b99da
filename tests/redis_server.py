"""A throwaway redis-server on a free localhost port, no persistence (tests/conftest.py's
`redis_server` fixture; the way scripts/varnish.py starts Varnish)."""

import shutil
import subprocess
import tempfile

import redis

from scripts.varnish import REDIS_SERVER, free_port, redis_command, stop_process, wait_for_port


def available():
    return REDIS_SERVER is not None


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
        command = redis_command(self.port, self.workdir)
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
