"""Links a crawler follows from a film page: its sub-pages, as the page links them."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

from .detect import SUBPATH_KINDS
from .page import Page

# A root-relative or absolute link whose path is a sub-page of a title (not e.g. IMDbPro's
# "/r/contact-con/…/companycredits" redirect). Text search rather than a DOM walk with a
# urljoin per link, which cost more than the whole layout parse.
_SUBPATHS = tuple(k for k in SUBPATH_KINDS if k)
# How far before the path its ``href="https://host`` can start: a host name has at most 253 characters.
_HREF_REACH = len('href="https://') + 253
_SUBPAGE_HREF = re.compile(
    rf"""href=["']((?:https?://[^/"']+)?/title/(tt\d{{7,10}})/({"|".join(_SUBPATHS)})\b[^"']*)["']"""
)
# Path names of the sub-pages (the views of the title page itself are no sub-page).
_SUBPAGE_NAMES = {name: kind for name, kind in SUBPATH_KINDS.items() if kind != "title"}


def subpage_links(page: Page, imdb_id: str | None) -> tuple[tuple[str, str], ...]:
    """(kind, URL) for each sub-page of this film the page links, first link of each kind, in page order.

    ``str.find`` jumps from one mention of the film's path to the next (a regex tried at every
    ``href=`` of a 1 MB page costs three times as much); only a mention followed by the name of
    a sub-page not yet found is read, with the regex, from the ``href=`` that opens it.
    """
    if not imdb_id:
        return ()
    text, path = page.html, f"/title/{imdb_id}/"
    found: dict[str, str] = {}
    wanted = tuple(_SUBPAGE_NAMES)
    at = text.find(path)
    while at >= 0 and wanted:
        name_at = at + len(path)
        if text.startswith(wanted, name_at) and (opening := text.rfind("href=", max(0, at - _HREF_REACH), at)) >= 0:
            match = _SUBPAGE_HREF.match(text, opening)
            if match is not None and match.start(2) == name_at - len(imdb_id) - 1:
                kind = SUBPATH_KINDS[match.group(3)]
                found[kind] = urljoin(page.base_url or "", html.unescape(match.group(1))).split("#")[0]
                wanted = tuple(name for name in wanted if _SUBPAGE_NAMES[name] != kind)
        at = text.find(path, name_at)
    return tuple(found.items())
