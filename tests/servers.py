"""A real HTTP server on 127.0.0.1 for the network tests, with faults injected per path.

Each route is a function of the request handler; the server records every
request (path, headers, time) so tests assert what the server saw.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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


@contextmanager
def fault_server(routes: dict[str, Route]) -> Iterator[FaultServer]:
    state = FaultServer(routes)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            state.seen.append(Seen(self.path, dict(self.headers.items()), time.monotonic()))
            path = self.path.split("?")[0]
            route = state.routes.get(path) or html("<h1>Not found</h1>", 404)
            route(self)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
