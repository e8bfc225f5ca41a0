"""Which URLs a parsed page leads to: a list's film pages and next page, a film's sub-pages."""

from __future__ import annotations

from collections.abc import Iterator

from parsers.detect import kind_from_url
from parsers.errors import UnknownPage
from parsers.records import FilmPage, Record, ReviewPage


def _is_title_page(url: str) -> bool:
    try:
        return kind_from_url(url) == "title"
    except UnknownPage:
        return False


def discover(record: Record, subpages: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """(URL, expected kind) of each page worth fetching next."""
    if isinstance(record, ReviewPage):
        for entry in record.entries:
            if entry.title_url and _is_title_page(entry.title_url):
                yield entry.title_url, "title"
        if record.next_page_url:
            yield record.next_page_url, "review"
    elif isinstance(record, FilmPage) and record.kind == "title":
        for kind, url in record.subpages or ():
            if kind not in subpages:
                continue
            # the keyword list is complete already when the page shows as many as its total
            if kind == "keywords" and record.keywords and (record.keywords_total or 0) <= len(record.keywords):
                continue
            yield url, kind
