"""Which URLs a parsed page leads to: a list's film pages and next page, a film's sub-pages;
and, once a crawl has loaded its pages, the searches and title pages that resolve list entries to films."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Protocol
from urllib.parse import quote_plus

from db import FrontierItem
from db.resolve import matched_films, resolve
from parsers.detect import kind_from_url
from parsers.errors import UnknownPage
from parsers.records import FilmPage, Record, ReviewPage

from .urls import BadURL, canonical, check_url

log = logging.getLogger("cinescrape")

if TYPE_CHECKING:  # types only: crawl.py imports this module
    from db import Store

    from .config import Settings
    from .crawl import RunSummary
    from .frontier import Frontier


class CrawlRun(Protocol):
    """What resolving needs of a crawl: ``crawl.Crawler``, or a shared run's writer (scraper/shared)."""

    @property
    def settings(self) -> Settings: ...

    @property
    def store(self) -> Store: ...

    @property
    def frontier(self) -> Frontier: ...

    async def run(self) -> RunSummary: ...


def _is_title_page(url: str) -> bool:
    try:
        return kind_from_url(url) == "title"
    except UnknownPage:
        return False


def discover(record: Record, subpages: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """(URL, expected kind) of each page worth fetching next; a link no crawler could fetch (a 64 kB URL, a
    control byte, port 99999) is skipped with a warning: it is the linking page's flaw, not a page that failed."""
    for url, kind in _links(record, subpages):
        try:
            check_url(url)
        except BadURL as error:
            log.warning("%s: link skipped: %s", record.url, error)
            continue
        yield url, kind


def _links(record: Record, subpages: tuple[str, ...]) -> Iterator[tuple[str, str]]:
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


def _items(template: str, kind: str, values: Iterable[dict[str, str]]) -> list[FrontierItem]:
    items = []
    for value in values:
        try:
            items.append(FrontierItem(canonical(template.format(**value)), kind, depth=1))
        except BadURL as error:  # a title of kilobytes makes a search URL too long: it stays unresolved
            log.warning("%s skipped: %s", kind, error)
    return items


async def resolve_entries(crawler: CrawlRun) -> None:
    """Resolve the list entries without a film (db/resolve.py). Titles never searched are searched on the
    metadata site first (``search_url``) and resolved again; then the title pages of the films found this way
    are fetched (when due), so their facts arrive in the same run. Everything goes through the crawler.

    Search URLs name no page they were found on: an unchanged list does not queue its searches again.
    """
    settings, db = crawler.settings, crawler.store.db
    outcome = resolve(db, await_search=bool(settings.search_url))
    if outcome.to_search and settings.search_url:
        queries = [{"query": quote_plus(title)} for title in dict.fromkeys(outcome.to_search)]
        if crawler.frontier.add(_items(settings.search_url, "search", queries)):
            await crawler.run()
        resolve(db)
    titles = _items(settings.title_url, "title", ({"imdb_id": imdb_id} for imdb_id in matched_films(db)))
    if crawler.frontier.add(titles, settings.recrawl_after()):
        await crawler.run()
        resolve(db)  # the decisions left open see the films as they stand at the end of the run
