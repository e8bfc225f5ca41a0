"""Links a crawler follows from a film page: its sub-pages, as the page links them."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

from .detect import SUBPATH_KINDS
from .page import Page

# A root-relative or absolute link whose path is a sub-page of a title (not e.g. IMDbPro's
# "/r/contact-con/…/companycredits" redirect). A regex over the text: a DOM walk with a
# urljoin per link cost more than the whole layout parse.
_SUBPATHS = "|".join(k for k in SUBPATH_KINDS if k)
_SUBPAGE_HREF = re.compile(rf"""href=["']((?:https?://[^/"']+)?/title/(tt\d{{7,10}})/({_SUBPATHS})\b[^"']*)["']""")


def subpage_links(page: Page, imdb_id: str | None) -> tuple[tuple[str, str], ...]:
    """(kind, URL) for each sub-page of this film the page links, first link of each kind, in page order."""
    found: dict[str, str] = {}
    for match in _SUBPAGE_HREF.finditer(page.html):
        href, film, sub = match.groups()
        kind = SUBPATH_KINDS[sub]
        if film == imdb_id and kind != "title" and kind not in found:
            found[kind] = urljoin(page.base_url or "", html.unescape(href)).split("#")[0]
    return tuple(found.items())
