"""Pages as the Wayback Machine serves them, made from pages saved as their sites served them.

The archive inserts its toolbar after ``<body>`` and sends every link through itself, as absolute addresses under
``/web/{timestamp}/`` (``im_`` after the timestamp for an image). The toolbar is cut from a real capture in
``../shared`` (None where that is absent: the callers skip).
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urljoin

from tests.conftest import SHARED

CAPTURE = SHARED / "fixtures" / "real2" / "C_listicles_reviews" / "empire__best-movies-2__wayback-2020-05-18.html"
TIMESTAMP = "20160301123456"
_BEGIN, _END = b"<!-- BEGIN WAYBACK TOOLBAR INSERT -->", b"<!-- END WAYBACK TOOLBAR INSERT -->"
_LINK = re.compile(rb"""(\s(href|src)=)(["'])([^"']*)\3""", re.I)
_BODY = re.compile(rb"<body[^>]*>", re.I)


@cache  # bench/redraw.py asks once per page: the capture is 376 kB
def wayback_toolbar() -> bytes | None:
    """The toolbar of the real capture, from its opening comment to its closing one."""
    if not CAPTURE.is_file():
        return None
    capture = CAPTURE.read_bytes()
    return capture[capture.index(_BEGIN) : capture.index(_END) + len(_END)]


def served_by_wayback(page: bytes, url: str, toolbar: bytes) -> tuple[bytes, str]:
    """``page`` (saved from ``url``) and its address as the archive serves them."""

    def through_archive(link: re.Match[bytes]) -> bytes:
        value = link.group(4).decode("latin-1")
        if not value or value.startswith(("#", "javascript:", "mailto:", "data:")):
            return link.group(0)
        flag = "im_" if link.group(2).lower() == b"src" else ""
        archived = f"/web/{TIMESTAMP}{flag}/{urljoin(url, value)}".encode("latin-1")
        return link.group(1) + link.group(3) + archived + link.group(3)

    page = _LINK.sub(through_archive, page)
    body = _BODY.search(page)
    if body is not None:
        page = page[: body.end()] + toolbar + page[body.end() :]
    return page, f"https://web.archive.org/web/{TIMESTAMP}/{url}"
