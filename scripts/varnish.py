"""Varnish with the project's VCL (deploy/varnish/fnsp.vcl) in front of a backend, started
unprivileged in a temporary working directory: for `make serve-cached`, `make bench` and the
tests (tests/caching/conftest.py). No Django import: the serve command runs outside it.

    python scripts/varnish.py serve   # gunicorn on 8001, Varnish on 8000, the task worker,
                                      # and Redis as the shared cache when it is installed
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VCL_DIR = ROOT / "deploy" / "varnish"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
REDIS_SERVER = shutil.which("redis-server")
PYTHON = ROOT / ".venv" / "bin" / "python"
if not PYTHON.exists():
    PYTHON = Path(sys.executable)

SITE_VCL = """\
backend default {{
    .host = "{host}";
    .port = "{port}";
}}

acl purgers {{
    "127.0.0.1";
    "::1";
}}
"""


# Several app servers behind one Varnish (tests/ops/test_multinode.py), in turn.
DIRECTOR_VCL = """\
import directors;

{backends}
sub vcl_init {{
    new nodes = directors.round_robin();
{adds}
}}

sub vcl_recv {{
    set req.backend_hint = nodes.backend();
}}

acl purgers {{
    "127.0.0.1";
    "::1";
}}
"""


def site_vcl(backend_ports, host):
    """site.vcl for one backend port, or for several (a list) taken in turn."""
    if isinstance(backend_ports, int):
        return SITE_VCL.format(host=host, port=backend_ports)
    backends = "".join(
        f'backend node{number} {{\n    .host = "{host}";\n    .port = "{port}";\n}}\n'
        for number, port in enumerate(backend_ports)
    )
    adds = "\n".join(
        f"    nodes.add_backend(node{number});" for number in range(len(backend_ports))
    )
    return DIRECTOR_VCL.format(backends=backends, adds=adds)


def available():
    return os.access(VARNISHD, os.X_OK)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port} after {timeout} s")


@contextlib.contextmanager
def varnish(backend_port, port=None, backend_host="127.0.0.1", memory="256m"):
    """Run varnishd in the foreground of a child process; yield its port; stop and clean up.
    `backend_port` may be a list of ports: app servers taken in turn."""
    port = port or free_port()
    workdir = Path(tempfile.mkdtemp(prefix="fnsp-varnish."))
    (workdir / "site.vcl").write_text(site_vcl(backend_port, backend_host))
    command = [
        VARNISHD,
        "-F",
        "-j",
        "none",  # no privilege separation: runs as whoever starts it, root or not
        "-n",
        str(workdir / "state"),
        "-a",
        f"127.0.0.1:{port}",
        "-T",
        "none",
        "-f",
        str(VCL_DIR / "fnsp.vcl"),
        "-p",
        f"vcl_path={workdir}:{VCL_DIR}",
        "-p",
        "vcc_allow_inline_c=off",
        "-s",
        f"malloc,{memory}",
    ]
    log = open(workdir / "varnishd.log", "w")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:
        try:
            wait_for_port(port, process)
        except RuntimeError as error:
            raise RuntimeError(f"{error}\n{(workdir / 'varnishd.log').read_text()}") from None
        yield port
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        shutil.rmtree(workdir, ignore_errors=True)


def redis_command(port, workdir):
    """redis-server on 127.0.0.1:`port` without persistence: a cache, nothing to keep."""
    return [
        REDIS_SERVER or "/usr/bin/redis-server",
        "--port",
        str(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        str(workdir),
    ]


@contextlib.contextmanager
def redis_cache(env):
    """A throwaway Redis as the workers' shared cache, as in production, unless a cache is
    configured (REDIS_URL / CACHE_URL) or redis-server is not installed (local memory then)."""
    if os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL") or not REDIS_SERVER:
        yield None
        return
    port = free_port()
    workdir = tempfile.mkdtemp(prefix="fnsp-redis.")
    process = subprocess.Popen(redis_command(port, workdir), stdout=subprocess.DEVNULL)
    try:
        wait_for_port(port, process)
        env["REDIS_URL"] = f"redis://127.0.0.1:{port}/0"
        yield port
    finally:
        stop_process(process)
        shutil.rmtree(workdir, ignore_errors=True)


def stop_process(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def gunicorn(port, workers=2, env=None, args=(), output=None):
    """gunicorn serving fnsp_site.wsgi on 127.0.0.1:`port`, in the project folder; `args`
    added to its command line, its output to the file `output` if given."""
    command = [
        str(PYTHON),
        "-m",
        "gunicorn",
        "fnsp_site.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        *args,
    ]
    process = subprocess.Popen(
        command, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=output, stderr=output
    )
    try:
        wait_for_port(port, process)
        yield port
    finally:
        stop_process(process)


@contextlib.contextmanager
def task_worker(env=None):
    """`manage.py db_worker`: runs the tasks the production settings store in the database
    (search indexing after a publish; docs/caching.md#work-after-publishing)."""
    command = [str(PYTHON), "manage.py", "db_worker", "--interval", "0.5"]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **(env or {})})
    try:
        yield process
    finally:
        stop_process(process)


def collectstatic(env):
    """The production settings serve static files from the manifest collectstatic writes."""
    subprocess.run(
        [str(PYTHON), "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
    )


def serve():
    """The production-like stack on this machine: gunicorn (production settings, made to work
    over plain http on localhost) behind Varnish on FNSP_DEMO_PORT, until Ctrl-C."""
    port = int(os.environ.get("FNSP_DEMO_PORT", "8000"))
    backend_port = int(os.environ.get("FNSP_BACKEND_PORT", port + 1))
    env = {
        "DJANGO_SETTINGS_MODULE": "fnsp_site.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "local-only-" + "x" * 50),
        "ALLOWED_HOSTS": os.environ.get("ALLOWED_HOSTS", "localhost,.localhost,127.0.0.1"),
        "SECURE_SSL_REDIRECT": os.environ.get("SECURE_SSL_REDIRECT", "false"),
        "FNSP_VARNISH_URLS": f"http://127.0.0.1:{port}",
    }
    collectstatic(env)
    with (
        redis_cache(env) as redis_port,
        gunicorn(backend_port, env=env),
        task_worker(env),
        varnish(backend_port, port=port),
    ):
        cache = f"Redis on port {redis_port}" if redis_port else "the cache configured"
        print(
            f"Varnish on http://localhost:{port}/ in front of gunicorn on port {backend_port},"
            f" the task worker and {cache}"
        )
        with contextlib.suppress(KeyboardInterrupt):
            signal.pause()


def stop(signum, frame):
    raise KeyboardInterrupt


if __name__ == "__main__":
    if sys.argv[1:] != ["serve"]:
        sys.exit(__doc__)
    # Stop cleanly (gunicorn and varnishd too) on Ctrl-C or a kill, also when started in the
    # background, where the shell ignores SIGINT.
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    serve()
