"""Copies of pages, read as the pages they copy: a web archive's capture as the archive serves it, and a page saved
by a browser or mirrored by HTTrack, at the address it says it was saved from.

The Wayback Machine (and the pywb archives built like it: Archive-It, Arquivo.pt, the UK Web Archive) inserts its
toolbar after ``<body>`` and rewrites every link of the capture to pass through itself:
``/web/20160301123456/http://www.imdb.com/title/tt0111161/``, ``/web/20160301123456im_/https://…/poster.jpg``. Left
so, every link points to one host and one folder: film pages of the site's own are no longer told from its menus,
IMDb's relative forms ("/genre/Drama") are the archive's, and the toolbar's words and links join the page's. So the
toolbar goes, the archive's prefix comes off every link, and a capture's address becomes the address it archived.
Pages saved from the archive's raw (``id_``) view need none of this and are left as they are.

A browser's "save page" writes the page's address in a comment at its top (``<!-- saved from
url=(0031)https://www.imdb.com/chart/top/ -->``), as HTTrack does in its mirrors (``<!-- Mirrored from
www.imdb.com/chart/top/ by HTTrack Website Copier/3.x -->``): a page given without an address is read at that one,
its links resolved and its kind known by it as a fetched page's are.
"""

from __future__ import annotations

import re

# "/web/20160301123456/", "/web/20160301123456im_/", "https://web.archive.org/web/20160301123456/",
# "/1234/20160301123456/" (Archive-It's collection): before the archived address, which starts with its scheme
_PREFIX = r"(?:https?:)?(?://[\w.-]+(?::\d+)?)?/[\w.-]+/\d{14}(?:[a-z]{2}_)?/(?=https?:/)"
_PREFIX_TEXT = re.compile(_PREFIX)
_PREFIX_BYTES = re.compile(_PREFIX.encode())
_TOOLBAR_TEXT = re.compile(r"<!-- BEGIN WAYBACK TOOLBAR INSERT -->.*?<!-- END WAYBACK TOOLBAR INSERT -->", re.S)
_TOOLBAR_BYTES = re.compile(_TOOLBAR_TEXT.pattern.encode(), re.S)
_CAPTURE_ADDRESS = re.compile(r"https?://[^/?#]+/(?:[\w.-]+/)?\d{14}(?:[a-z]{2}_)?/(https?:/+)(.*)", re.S)
# What the Wayback Machine writes into every page it serves (its toolbar, or the script that rewrites links in the
# browser): where neither is in a page, and its address is no capture's, the page is no capture.
_MARKS = ("<!-- BEGIN WAYBACK TOOLBAR INSERT -->", "__wm.init(", "/_static/js/wombat.js", "archive.org/includes/")
_MARKS_BYTES = tuple(mark.encode() for mark in _MARKS)
_SAVED_FROM = re.compile(r"<!-- saved from url=\(\d+\)(https?://[^\s>]+) -->|<!-- Mirrored from ([^\s<>]+) by HTTrack")
_TOP = 4096  # characters: both comments open the page (HTTrack's after the doctype and <html>)


def original_address(url: str | None) -> str | None:
    """ "https://web.archive.org/web/20160301123456/http://www.imdb.com/title/tt0111161/" →
    "http://www.imdb.com/title/tt0111161/"; any other address as it is."""
    match = _CAPTURE_ADDRESS.match(url) if url else None
    if match is None:
        return url
    scheme, rest = match.groups()
    return f"{scheme.rstrip('/')}//{rest}"  # the archive writes "http:/www…" at times


def saved_from(text: str | bytes) -> str | None:
    """The address a saved page says it was saved from (see the module's docstring), or None."""
    top = text[:_TOP]
    found = _SAVED_FROM.search(top if isinstance(top, str) else top.decode("utf-8", "replace"))
    if found is None:
        return None
    return found.group(1) or f"http://{found.group(2)}"  # HTTrack's comment gives no scheme


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
