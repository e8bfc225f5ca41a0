"""Links a crawler follows from a film page: its sub-pages, as the page links them."""

from __future__ import annotations

import html
import re

from .detect import SUBPATH_KINDS
from .page import Page, join_url

# A root-relative or absolute link whose path is a sub-page of a title (not e.g. IMDbPro's
# "/r/contact-con/…/companycredits" redirect). Text search rather than a DOM walk with a
# URL join per link, which cost more than the whole layout parse.
_SUBPATHS = tuple(k for k in SUBPATH_KINDS if k)
# How far before the path its ``href="https://host`` can start: a host name has at most 253 characters.
_HREF_REACH = len('href="https://') + 253
_SUBPAGE_HREF = re.compile(
    rf"""href=["']((?:https?://[^/"']+)?/title/(tt\d{{7,10}})/({"|".join(_SUBPATHS)})\b[^"']*)["']""".encode()
)
# Path names of the sub-pages (the views of the title page itself are no sub-page).
_SUBPAGE_NAMES = {name.encode(): kind for name, kind in SUBPATH_KINDS.items() if kind != "title"}


def subpage_links(page: Page, imdb_id: str | None) -> tuple[tuple[str, str], ...]:
    """(kind, URL) for each sub-page of this film the page links, first link of each kind, in page order.

    Searched in the page's UTF-8 bytes (the text of a 1 MB page is a 2 MB string, and needs
    decoding first). ``find`` jumps from one mention of the film's path to the next (a regex
    tried at every ``href=`` costs three times as much); only a mention followed by the name of
    a sub-page not yet found is read, with the regex, from the ``href=`` that opens it.
    """
    if not imdb_id:
        return ()
    data, path = page.utf8, f"/title/{imdb_id}/".encode()
    found: dict[str, str] = {}
    wanted = tuple(_SUBPAGE_NAMES)
    at = data.find(path)
    while at >= 0 and wanted:
        name_at = at + len(path)
        if data.startswith(wanted, name_at) and (opening := data.rfind(b"href=", max(0, at - _HREF_REACH), at)) >= 0:
            match = _SUBPAGE_HREF.match(data, opening)
            if match is not None and match.start(2) == name_at - len(imdb_id) - 1:
                kind = _SUBPAGE_NAMES[match.group(3)]
                href = html.unescape(match.group(1).decode())
                found[kind] = join_url(page.base_url or "", href).split("#")[0]
                wanted = tuple(name for name in wanted if _SUBPAGE_NAMES[name] != kind)
        at = data.find(path, name_at)
    return tuple(found.items())
