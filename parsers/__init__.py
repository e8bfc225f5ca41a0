"""Bytes in, typed records out: the one entry point is :func:`parse`.

No I/O happens here: the scraper fetches, the loader stores.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from . import imdb, schemaorg
from .copies import from_mhtml, is_mhtml
from .detect import detect_kind, film_page_unless_a_list, is_imdb_url, looks_like_imdb
from .errors import UnknownPage
from .imdb.find import parse_search
from .links import subpage_links
from .page import Page
from .records import PAGE_KINDS, FilmPage, Record, ReviewPage
from .review import parse_review

__all__ = ["PAGE_KINDS", "FilmPage", "Record", "ReviewPage", "UnknownPage", "parse"]


def _film_item(page: Page) -> FilmPage | None:
    """The page's own schema.org film item as a record, for an IMDb page its layout readers could not read."""
    record = schemaorg.parse_movie(page)
    return record if record.layout in schemaorg.ITEM_LAYOUTS else None


def _parse_title(page: Page) -> FilmPage:
    """IMDb's pages (by URL first, then by what they say of themselves) go to the IMDb readers, with the
    page's schema.org item as the last fallback; other sites' film pages to the schema.org and label reader,
    and a page neither can read gets the IMDb readers' "unknown" record (every contract field missing)."""
    if not (is_imdb_url(page.url) or looks_like_imdb(page)):
        record = schemaorg.parse_movie(page)
        if record.layout != "unknown":
            return record
    record = imdb.parse_title(page, _film_item)
    return dataclasses.replace(record, subpages=subpage_links(page, record.imdb_id))


_PARSERS: dict[str, Callable[[Page], Record]] = {
    "review": parse_review,
    "title": _parse_title,
    **imdb.SUBPAGE_PARSERS,
    "search": parse_search,
}


def _check_is_html(data: bytes | str) -> None:
    head = data[:4096] if isinstance(data, bytes) else data[:4096].encode("utf-8", "replace")
    if not head.strip():
        raise UnknownPage("the page is empty")
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnknownPage("binary data, not an HTML page")
    if b"<" not in head:
        raise UnknownPage("no HTML markup in the first 4 KB")


def parse(data: bytes | str, url: str | None = None, kind: str = "auto", *, charset: str | None = None) -> Record:
    """Parse one page into its record.

    ``kind`` is "auto" (decided from the URL, then the page itself) or one of
    ``PAGE_KINDS``. ``charset`` is the HTTP header's, where known. Raises
    ``UnknownPage`` only when ``kind="auto"`` and the bytes are no page at all;
    with an explicit kind every input gives a record (``layout: "unknown"`` and
    ``missing`` filled where nothing matched).
    """
    if kind != "auto" and kind not in PAGE_KINDS:
        raise ValueError(f"unknown kind {kind!r}: expected auto or one of {', '.join(PAGE_KINDS)}")
    if isinstance(data, bytes) and is_mhtml(data):  # a page saved "as a single file"
        if (saved := from_mhtml(data)) is not None:
            data, url, charset = saved.html, url or saved.address, charset or saved.charset
        elif kind == "auto":
            raise UnknownPage("an MHTML archive with no HTML page in it")
    if kind == "auto":
        _check_is_html(data)
    page = Page.from_bytes(data, url, charset)
    if kind == "auto":
        kind = detect_kind(page)
        if kind == "review" and film_page_unless_a_list(page):
            review = parse_review(page)
            if review.entries:
                return review
            film = _parse_title(Page.from_bytes(data, url, charset))  # anew: the list reader strips its page
            # on evidence this thin, a film is one whose name and year the page gives (not a page of its comments)
            return film if film.title and film.year else review
    return _PARSERS[kind](page)
