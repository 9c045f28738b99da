"""A local HTTP server answering as the NVA API does, from recorded answers: for the tests and
the offline demo (docs/research.md#recorded-answers).

A request for `/cristin/project/2712345` is answered with
`<directory>/cristin/project/2712345.json`, `/search/resources?contributor=12345&…` with
`<directory>/search/resources/contributor-12345.json`;
anything else with NVA's 404. `faults` maps such a name (without `.json`) to what to do instead:
`(status, body)` or `("slow", seconds)`, to play failures.
"""

import contextlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

NOT_FOUND = b'{"title": "Not Found", "status": 404}'


def recording_name(path):
    """The recorded file's name (without `.json`) for a request path with its query."""
    url = urlsplit(path)
    name = url.path.strip("/")
    contributor = parse_qs(url.query).get("contributor")
    if contributor:
        name = f"{name}/contributor-{contributor[0]}"
    return name


class ReplayHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        name = recording_name(self.path)
        fault = self.server.faults.get(name)
        if fault and fault[0] == "slow":
            time.sleep(fault[1])
            fault = None
        status, body = fault or (200, None)
        if body is None:
            file = self.server.directory / f"{name}.json"
            status, body = (200, file.read_bytes()) if file.is_file() else (404, NOT_FOUND)
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            if status == 429:
                self.send_header("Retry-After", "60")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (a "slow" fault)

    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def replay_server(directory, faults=None):
    """Serve `directory`'s recordings on a free local port; yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), ReplayHandler)
    server.directory = Path(directory)
    server.faults = {
        name: (fault[0], fault[1].encode() if isinstance(fault[1], str) else fault[1])
        for name, fault in (faults or {}).items()
    }
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
