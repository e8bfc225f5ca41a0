"""Serve a folder of pages on 127.0.0.1 in-process: the bundled sample site for ``cinescrape demo``
and the tests. A path ending in "/" (or with no extension) is the folder's ``index.html``."""

from __future__ import annotations

import mimetypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

SAMPLE_SITE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "site"
SAMPLE_HOST = "sample.cinescrape.invalid"  # .invalid never resolves: the demo cannot reach anything real
SAMPLE_ARTICLE = f"http://{SAMPLE_HOST}/2017/10/north-korea-documentaries/"


class _FolderHandler(BaseHTTPRequestHandler):
    def __init__(self, *args: object, root: Path, **kwargs: object) -> None:
        self.root = root
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def _file(self) -> Path | None:
        path = unquote(urlsplit(self.path).path)
        relative = path.lstrip("/")
        if path.endswith("/") or "." not in path.rsplit("/", 1)[-1]:
            relative = f"{relative.rstrip('/')}/index.html".lstrip("/")
        candidate = (self.root / relative).resolve()
        return candidate if candidate.is_file() and candidate.is_relative_to(self.root) else None

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        file = self._file()
        if file is None:
            body, status, content_type = b"<!DOCTYPE html><title>Not found</title><h1>Not found</h1>", 404, "text/html"
        else:
            body, status = file.read_bytes(), 200
            content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        self.send_response(status)
        charset = "; charset=utf-8" if content_type.startswith("text/") else ""
        self.send_header("Content-Type", content_type + charset)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet: the crawler logs what matters
        pass


@contextmanager
def serve_folder(root: Path = SAMPLE_SITE) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 at an ephemeral port; yields "127.0.0.1:PORT"."""
    if not (root / "robots.txt").is_file():
        raise FileNotFoundError(f"no sample site at {root} (run cinescrape from a checkout of the project)")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_FolderHandler, root=root.resolve()))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
