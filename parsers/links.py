"""Links a crawler follows from a film page: its sub-pages, as the page links them."""

from __future__ import annotations

from .detect import IMDB_TITLE_PATH, kind_from_url
from .errors import UnknownPage
from .page import Page
from .records import FILM_PAGE_KINDS


def subpage_links(page: Page, imdb_id: str | None) -> tuple[tuple[str, str], ...]:
    """(kind, URL) for each sub-page of this film the page links, first link of each kind, in page order."""
    found: dict[str, str] = {}
    for anchor in page.tree.css("a[href*='/title/tt']"):
        href = page.absolute(anchor.attributes.get("href"))
        match = IMDB_TITLE_PATH.search(href or "")
        if href is None or match is None or match.group(1) != imdb_id or not match.group(2):
            continue
        try:
            kind = kind_from_url(href)
        except UnknownPage:  # a sub-page kind cinescrape does not parse (trivia, photos …)
            continue
        if kind in FILM_PAGE_KINDS and kind != "title":
            found.setdefault(kind, href.split("#")[0])
    return tuple(found.items())
