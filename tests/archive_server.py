"""A fake Wayback Machine on 127.0.0.1 for the archive tests: the CDX API (JSON) and ``id_`` captures.

Captures are (original URL, timestamp, body). The CDX API answers a prefix query (``…/*``) or an exact one,
matching as the real one does (scheme and ``www.`` ignored); ``/web/{timestamp}id_/{url}`` serves a capture's
bytes, redirects to the nearest capture of that URL when the timestamp is not one (as the archive does), and
404s when there is none. Faults: answers queued for the next CDX or capture requests (a 429), captures listed
but missing, a capture that redirects elsewhere.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


@dataclass
class FakeArchive:
    captures: list[tuple[str, str, bytes]] = field(default_factory=list)  # (original, timestamp, body)
    cdx_faults: list[Reply] = field(default_factory=list)  # answered, in order, before the real answers
    capture_faults: list[Reply] = field(default_factory=list)
    missing: set[str] = field(default_factory=set)  # timestamps listed by the CDX API but not served
    redirects: dict[str, str] = field(default_factory=dict)  # timestamp → Location
    requests: list[str] = field(default_factory=list)  # every path asked, in order
    base: str = ""

    def add(self, original: str, timestamp: str, body: bytes) -> None:
        self.captures.append((original, timestamp, body))

    @property
    def cdx_requests(self) -> list[str]:
        return [path for path in self.requests if path.startswith("/cdx/")]

    @property
    def capture_requests(self) -> list[str]:
        return [path for path in self.requests if path.startswith("/web/")]


def _key(url: str) -> str:
    """The CDX API's view of a URL: no scheme, no www., lower-case host."""
    rest = url.split("://", 1)[-1]
    host, _, path = rest.partition("/")
    return host.lower().removeprefix("www.") + "/" + path


def _cdx(archive: FakeArchive, query: str) -> bytes:
    prefix = query.endswith("*")
    wanted = _key(query.rstrip("*"))
    rows: list[list[str]] = []
    for original, timestamp, body in sorted(archive.captures, key=lambda c: (_key(c[0]), c[1])):
        key = _key(original)
        if key.startswith(wanted) if prefix else key == wanted:
            digest = hashlib.sha1(body).hexdigest().upper()
            rows.append([timestamp, original, "text/html", "200", digest])
    if not rows:
        return b""
    return json.dumps([["timestamp", "original", "mimetype", "statuscode", "digest"], *rows]).encode()


@contextmanager
def fake_archive(archive: FakeArchive) -> Iterator[FakeArchive]:
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            with lock:
                archive.requests.append(self.path)
                reply = self._reply()
            self.send_response(reply.status)
            headers = {"Content-Type": "text/html; charset=utf-8", **reply.headers}
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)

        def _reply(self) -> Reply:
            if self.path.startswith("/cdx/"):
                if archive.cdx_faults:
                    return archive.cdx_faults.pop(0)
                query = parse_qs(urlsplit(self.path).query)["url"][0]
                return Reply(200, {"Content-Type": "application/json"}, _cdx(archive, query))
            if archive.capture_faults:
                return archive.capture_faults.pop(0)
            timestamp, _, original = self.path.removeprefix("/web/").partition("id_/")
            if timestamp in archive.redirects:
                return Reply(302, {"Location": archive.redirects[timestamp]})
            if timestamp in archive.missing:
                return Reply(404, body=b"<h1>Not in the archive</h1>")
            same = sorted((t, body) for url, t, body in archive.captures if _key(url) == _key(original))
            exact = [body for t, body in same if t == timestamp]
            if exact:
                return Reply(200, body=exact[0])
            if same:  # the archive sends a near timestamp to the nearest capture it has
                nearest = min(same, key=lambda capture: abs(int(capture[0]) - int(timestamp)))[0]
                return Reply(302, {"Location": f"{archive.base}/web/{nearest}id_/{original}"})
            return Reply(404, body=b"<h1>Not in the archive</h1>")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    archive.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield archive
    finally:
        server.shutdown()
        server.server_close()
