"""A page as a web archive serves it, read as the page it archived.

The Wayback Machine (and the pywb archives built like it: Archive-It, Arquivo.pt, the UK Web Archive) inserts its
toolbar after ``<body>`` and rewrites every link of the capture to pass through itself:
``/web/20160301123456/http://www.imdb.com/title/tt0111161/``, ``/web/20160301123456im_/https://…/poster.jpg``. Left
so, every link points to one host and one folder: film pages of the site's own are no longer told from its menus,
IMDb's relative forms ("/genre/Drama") are the archive's, and the toolbar's words and links join the page's. So the
toolbar goes, the archive's prefix comes off every link, and a capture's address becomes the address it archived.
Pages saved from the archive's raw (``id_``) view need none of this and are left as they are.
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


def original_address(url: str | None) -> str | None:
    """ "https://web.archive.org/web/20160301123456/http://www.imdb.com/title/tt0111161/" →
    "http://www.imdb.com/title/tt0111161/"; any other address as it is."""
    match = _CAPTURE_ADDRESS.match(url) if url else None
    if match is None:
        return url
    scheme, rest = match.groups()
    return f"{scheme.rstrip('/')}//{rest}"  # the archive writes "http:/www…" at times


def as_archived(text: str | bytes, url: str | None) -> tuple[str | bytes, str | None]:
    """The page and address an archive's capture archived (see the module's docstring); any other page as it is."""
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
