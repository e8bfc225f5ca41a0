"""Copies of pages, read as the pages they copy: a web archive's capture as the archive serves it, a page saved
by a browser or mirrored by HTTrack, at the address it says it was saved from, and a browser's one-file save (MHTML).

The Wayback Machine (and the pywb archives built like it: Archive-It, Arquivo.pt, the UK Web Archive) inserts its
toolbar after ``<body>`` and rewrites every link of the capture to pass through itself:
``/web/20160301123456/http://www.imdb.com/title/tt0111161/``, ``/web/20160301123456im_/https://…/poster.jpg``. Left
so, every link points to one host and one folder: film pages of the site's own are no longer told from its menus,
IMDb's relative forms ("/genre/Drama") are the archive's, and the toolbar's words and links join the page's. So the
toolbar goes, the archive's prefix comes off every link, and a capture's address becomes the address it archived.
Pages saved from the archive's raw (``id_``) view need none of this and are left as they are.

A browser's "save page" writes the page's address in a comment at its top (``<!-- saved from
url=(0031)https://www.imdb.com/chart/top/ -->``), as HTTrack does in its mirrors (``<!-- Mirrored from
www.imdb.com/chart/top/ by HTTrack Website Copier/3.x -->``) and the SingleFile extension in its saves (``<!-- Page
saved with SingleFile url: https://… saved date: …-->``): a page given without an address is read at that one, its
links resolved and its kind known by it as a fetched page's are.

Chrome and Edge save a page "as a single file" in MHTML: a MIME archive (the format of an e-mail with attachments)
whose first part is the page, quoted-printable, its address in ``Snapshot-Content-Location`` and in the part's
``Content-Location``, its charset in the part's ``Content-Type``. The page is that part.
"""

from __future__ import annotations

import email
import re
from dataclasses import dataclass
from email.message import Message

# "/web/20160301123456/", "/web/20160301123456im_/", "https://web.archive.org/web/20160301123456/",
# "/1234/20160301123456/" (Archive-It's collection): before the archived address, which starts with its scheme
_PREFIX = r"(?:https?:)?(?://[\w.-]+(?::\d+)?)?/[\w.-]+/\d{14}(?:[a-z]{2}_)?/(?=https?:/)"
_PREFIX_TEXT = re.compile(_PREFIX)
_PREFIX_BYTES = re.compile(_PREFIX.encode())
_TOOLBAR_TEXT = re.compile(r"<!-- BEGIN WAYBACK TOOLBAR INSERT -->.*?<!-- END WAYBACK TOOLBAR INSERT -->", re.S)
_TOOLBAR_BYTES = re.compile(_TOOLBAR_TEXT.pattern.encode(), re.S)
_CAPTURE_ADDRESS = re.compile(r"https?://[^/?#]+/(?:[\w.-]+/)?(\d{14})(?:[a-z]{2}_)?/(https?:/+)(.*)", re.S)
# What the Wayback Machine writes into every page it serves (its toolbar, or the script that rewrites links in the
# browser): where neither is in a page, and its address is no capture's, the page is no capture.
_MARKS = ("<!-- BEGIN WAYBACK TOOLBAR INSERT -->", "__wm.init(", "/_static/js/wombat.js", "archive.org/includes/")
_MARKS_BYTES = tuple(mark.encode() for mark in _MARKS)
_SAVED_FROM = re.compile(
    r"<!-- saved from url=\(\d+\)(https?://[^\s>]+) -->|<!-- Mirrored from ([^\s<>]+) by HTTrack"
    r"|<!--\s*Page saved with SingleFile\s*url: (https?://\S+)"
)
_TOP = 4096  # characters: the comments open the page (HTTrack's and SingleFile's after the doctype and <html>)


def capture_of(url: str) -> tuple[str, str] | None:
    """ "https://web.archive.org/web/20160301123456/http://www.imdb.com/title/tt0111161/" →
    ("http://www.imdb.com/title/tt0111161/", "20160301123456"): the address a capture's address archived, and when;
    None for any other address."""
    match = _CAPTURE_ADDRESS.match(url)
    if match is None:
        return None
    timestamp, scheme, rest = match.groups()
    return f"{scheme.rstrip('/')}//{rest}", timestamp  # the archive writes "http:/www…" at times


def original_address(url: str | None) -> str | None:
    """The address a capture's address archived (``capture_of``); any other address as it is."""
    capture = capture_of(url) if url else None
    return capture[0] if capture else url


def saved_from(text: str | bytes) -> str | None:
    """The address a saved page says it was saved from (see the module's docstring), or None."""
    top = text[:_TOP]
    found = _SAVED_FROM.search(top if isinstance(top, str) else top.decode("utf-8", "replace"))
    if found is None:
        return None
    if found.group(2):
        return f"http://{found.group(2)}"  # HTTrack's comment gives no scheme
    return found.group(1) or found.group(3)


def as_original(text: str | bytes, url: str | None) -> tuple[str | bytes, str | None]:
    """The page and address an archive's capture archived (see the module's docstring); any other page as it is,
    at the address it was saved from where it is given none."""
    if url is None:
        url = saved_from(text)
    original = original_address(url)
    if isinstance(text, str):
        marked = any(mark in text for mark in _MARKS)
    else:
        marked = any(mark in text for mark in _MARKS_BYTES)
    if original == url and not marked:
        return text, url
    if isinstance(text, str):
        return _PREFIX_TEXT.sub("", _TOOLBAR_TEXT.sub("", text)), original
    return _PREFIX_BYTES.sub(b"", _TOOLBAR_BYTES.sub(b"", text)), original


@dataclass(frozen=True, slots=True)
class SavedDocument:
    """The page an MHTML archive holds: its bytes, the address it was saved from and its charset (None where the
    archive names none)."""

    html: bytes
    address: str | None
    charset: str | None


_MIME_HEAD = 2048  # bytes: an MHTML archive's headers, before its first part


def is_mhtml(data: bytes) -> bool:
    """The bytes open as an MHTML archive does: mail headers, one of them naming a multipart/related body."""
    head = data[:_MIME_HEAD].lstrip().lower()
    return head.startswith((b"from:", b"mime-version:", b"subject:", b"date:")) and b"multipart/related" in head


def from_mhtml(data: bytes) -> SavedDocument | None:
    """The page of an MHTML archive (see the module's docstring), or None where the archive holds no HTML part."""
    archive = email.message_from_bytes(data)
    page = next((part for part in archive.walk() if part.get_content_type() == "text/html"), None)
    html = page.get_payload(decode=True) if page is not None else None
    if page is None or not isinstance(html, bytes):
        return None
    return SavedDocument(html, _address(archive, page), page.get_content_charset())


def _address(archive: Message, page: Message) -> str | None:
    for address in (archive["Snapshot-Content-Location"], page["Content-Location"]):
        if address and str(address).startswith(("http://", "https://")):
            return str(address).strip()
    return None
