"""A real HTTP server on 127.0.0.1 for the network tests, with faults injected per path.

Each route is a function of the request handler; the server records every
request (path, headers, time) so tests assert what the server saw.
"""

from __future__ import annotations

import gzip
import hashlib
import socket
import ssl
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from h2.config import H2Configuration
from h2.connection import H2Connection
from h2.events import RequestReceived
from h2.exceptions import ProtocolError

from scraper.config import Settings

Route = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    at: float


@dataclass
class FaultServer:
    routes: dict[str, Route]
    seen: list[Seen] = field(default_factory=list)
    base: str = ""

    def hits(self, path: str) -> int:
        return sum(1 for request in self.seen if request.path == path)


def html(body: str, status: int = 200, headers: dict[str, str] | None = None) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        data = body.encode("utf-8")
        handler.send_response(status)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(data)

    return route


def raw(status: int, body: bytes, headers: dict[str, str], close: bool = False) -> Route:
    """Exactly these bytes; ``close`` hangs up after them (a body shorter than its Content-Length)."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(body)
        handler.close_connection = close

    return route


def reset_mid_body() -> Route:
    """Headers and part of the body, then a TCP reset (RST, not a clean close)."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "5000")
        handler.end_headers()
        handler.wfile.write(b"<!DOCTYPE html><title>half</title>" + b"x" * 500)
        handler.wfile.flush()
        handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        handler.connection.close()
        handler.close_connection = True

    return route


def sequence(*routes: Route) -> Route:
    """The first request gets routes[0], the next routes[1] …, the last one repeats."""
    calls = iter(range(10**6))

    def route(handler: BaseHTTPRequestHandler) -> None:
        routes[min(next(calls), len(routes) - 1)](handler)

    return route


def stall(seconds: float) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        html("<p>late</p>")(handler)

    return route


def gzip_bomb(decompressed_bytes: int) -> Route:
    return raw(
        200,
        gzip.compress(b"\0" * decompressed_bytes, compresslevel=9),
        {"Content-Type": "text/html", "Content-Encoding": "gzip"},
    )


def conditional(body: str) -> Route:
    """An HTML page with an ETag, answering 304 to a client that already has it (as a real site does)."""
    etag = f'"{hashlib.sha256(body.encode()).hexdigest()[:16]}"'
    page = html(body, headers={"ETag": etag})

    def route(handler: BaseHTTPRequestHandler) -> None:
        if handler.headers.get("If-None-Match") != etag:
            page(handler)
            return
        handler.send_response(304)
        handler.send_header("ETag", etag)
        handler.end_headers()

    return route


def slowed(route: Route, seconds: Callable[[], float]) -> Route:
    """``route`` after a pause of ``seconds()`` (read at each request, so a test can change it)."""

    def slow_route(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds())
        route(handler)

    return slow_route


_TITLE_PAGE = Path(__file__).resolve().parent / "fixtures" / "site" / "title" / "tt99900002" / "index.html"
_TITLE_NAME = "Dennis Rodman’s Big Bang in Pyongyang"


def film_pages(lists: int, films_per_list: int) -> tuple[dict[str, str], list[str]]:
    """A generated site: ``lists`` ranked-list pages (the seeds), each linking its own ``films_per_list``
    IMDb-style title pages (the sample site's title page with another id and name). Returns each path's HTML and
    the list paths."""
    template = _TITLE_PAGE.read_text(encoding="utf-8")
    pages: dict[str, str] = {}
    seeds = []
    for number in range(1, lists + 1):
        entries = []
        for rank in range(films_per_list, 0, -1):
            imdb_id = f"tt{1_000_000 + number * 1000 + rank:07d}"
            name = f"Film {rank} of list {number}"
            entries.append(
                f'<h2>{rank}. <a href="/title/{imdb_id}/">{name}</a> ({1950 + rank})</h2>'
                f"<p>Why film {rank} of list {number} belongs here: a paragraph of praise.</p>"
            )
            pages[f"/title/{imdb_id}/"] = template.replace("tt99900002", imdb_id).replace(_TITLE_NAME, name)
        title = f"The {films_per_list} best films of list {number}"
        path = f"/lists/{number}/"
        pages[path] = (
            f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body><article><h1>{title}</h1><p>Our picks.</p>{''.join(entries)}</article></body></html>"
        )
        seeds.append(path)
    return pages, seeds


def film_site(lists: int, films_per_list: int) -> tuple[dict[str, Route], list[str]]:
    """``film_pages`` served, every page with an ETag. Returns the routes and the list paths."""
    pages, seeds = film_pages(lists, films_per_list)
    return {path: conditional(body) for path, body in pages.items()}, seeds


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # a client that hung up (killed, timed out), or a connection a route reset on purpose
        if not isinstance(sys.exc_info()[1], (OSError, ValueError)):
            super().handle_error(request, client_address)


@contextmanager
def fault_server(routes: dict[str, Route]) -> Iterator[FaultServer]:
    state = FaultServer(routes)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # as real servers do: else each body waits ~40 ms for a delayed ACK

        def do_GET(self) -> None:
            state.seen.append(Seen(self.path, dict(self.headers.items()), time.monotonic()))
            path = self.path.split("?")[0]
            route = state.routes.get(path) or html("<h1>Not found</h1>", 404)
            route(self)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = _Server(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def site_settings(server: FaultServer, paths: list[str], **overrides: Any) -> Settings:
    """Settings to crawl ``paths`` of ``server`` as fast as the tests need: no politeness delay, quick retries."""
    defaults: dict[str, Any] = {"delay_seconds": 0.0, "backoff_seconds": 0.01, "timeout_seconds": 2.0, "subpages": ()}
    return Settings(seeds=tuple(server.base + path for path in paths), **{**defaults, **overrides})


@contextmanager
def h2_server(pages: dict[str, bytes], folder: Path) -> Iterator[tuple[str, Path, list[str]]]:
    """An HTTPS server on 127.0.0.1 that speaks HTTP/2 only (ALPN "h2", the h2 library), with a self-signed
    certificate made by the openssl command. Yields the base URL, the certificate (for SSL_CERT_FILE) and the
    list of paths requested; any other path is a 404."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.set_alpn_protocols(["h2"])
    listener = socket.create_server(("127.0.0.1", 0))
    requested: list[str] = []

    def serve(connection: ssl.SSLSocket) -> None:
        h2 = H2Connection(H2Configuration(client_side=False, header_encoding="utf-8"))
        h2.initiate_connection()
        with connection:
            try:
                connection.sendall(h2.data_to_send())
                while data := connection.recv(65536):
                    for event in h2.receive_data(data):
                        if isinstance(event, RequestReceived):
                            respond(h2, event.stream_id, dict(event.headers)[":path"])
                    connection.sendall(h2.data_to_send())
            except (OSError, ProtocolError):
                return  # a client that does not speak HTTP/2, or hung up

    def respond(h2: H2Connection, stream_id: int, path: str) -> None:
        requested.append(path)
        body = pages.get(path, b"<h1>Not found</h1>")
        status = "200" if path in pages else "404"
        h2.send_headers(
            stream_id, [(":status", status), ("content-type", "text/html"), ("content-length", str(len(body)))]
        )
        h2.send_data(stream_id, body, end_stream=True)

    def accept() -> None:
        while True:
            try:
                raw_connection, _ = listener.accept()
            except OSError:
                return  # the listener is closed: the test is over
            try:
                connection = context.wrap_socket(raw_connection, server_side=True)
            except OSError:
                continue  # a failed handshake
            threading.Thread(target=serve, args=(connection,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield f"https://127.0.0.1:{listener.getsockname()[1]}", cert, requested
    finally:
        listener.close()
