"""Serve a folder of pages on 127.0.0.1 in-process: the bundled sample site for ``cinescrape demo``
and the tests. A path ending in "/" (or with no extension) is the folder's ``index.html``.

A query string picks a file by its values, so a search page can be a static file: ``/find/?q=The Red Chapel``
is ``find/q/the-red-chapel.html`` (each parameter in turn, the value as a slug), else ``find/index.html``.
"""

from __future__ import annotations

import mimetypes
import re
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

SAMPLE_SITE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "site"
SAMPLE_HOST = "sample.cinescrape.invalid"  # .invalid never resolves: the demo cannot reach anything real
SAMPLE_ARTICLE = f"http://{SAMPLE_HOST}/2017/10/north-korea-documentaries/"
# A second blog's list: some of the same films, without links to their pages (the resolver's work).
SAMPLE_SECOND_ARTICLE = f"http://{SAMPLE_HOST}/frames/2018/5-best-north-korea-documentaries/"
SAMPLE_SEARCH_URL = f"http://{SAMPLE_HOST}/find/?q={{query}}&s=tt"
SAMPLE_TITLE_URL = f"http://{SAMPLE_HOST}/title/{{imdb_id}}/"


def slug(value: str) -> str:
    """ "The Lovers & the Despot" → "the-lovers-the-despot": the file name a query value is served from."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


class _FolderHandler(BaseHTTPRequestHandler):
    disable_nagle_algorithm = True  # else each small response waits ~40 ms for a delayed ACK

    def __init__(self, *args: object, root: Path, **kwargs: object) -> None:
        self.root = root
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def _file(self) -> Path | None:
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        relative = path.lstrip("/")
        if path.endswith("/") or "." not in path.rsplit("/", 1)[-1]:
            folder = relative.rstrip("/")
            by_query = [
                f"{folder}/{slug(name)}/{slug(value)}.html" for name, value in parse_qsl(parts.query) if slug(value)
            ]
            relative = next((choice for choice in by_query if self._served(choice)), f"{folder}/index.html".lstrip("/"))
        return self._served(relative)

    def _served(self, relative: str) -> Path | None:
        candidate = (self.root / relative.lstrip("/")).resolve()
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
