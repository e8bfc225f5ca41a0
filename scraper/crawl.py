"""One crawl run: frontier → robots → fetch → archive → parse → load → discover, until the frontier is empty.

Every URL ends the run as done, failed (with its reason in ``pages.error`` and
``frontier.last_error``), deferred, or blocked by robots.txt. A failure of one
page never stops the run; it shows in the exit code.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import sqlite3
import time
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, asynccontextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar
from urllib.parse import urlsplit

import httpx

from db import FetchedPage, FrontierItem, SqliteFrontier, Store, StoreError
from db.archive import ArchivedFetch
from db.frontier import DEFERRED, DONE, FAILED
from db.store import StoredPage
from parsers.records import Record

from .config import Settings
from .discover import discover, resolve_entries
from .fetch import AddressGuard, Deferred, Fetcher, FetchError, Response, is_private_host, make_client
from .fetch_pool import FetchPool
from .frontier import Frontier
from .parsing import PageError, ParseAborted, ParsePool, parse_page
from .politeness import HostGate, Robots
from .sources import Blocked, Source, SourceRefused, provenance
from .sources.live import LiveSource
from .sources.wayback import WaybackSource
from .urls import BadURL, canonical

if TYPE_CHECKING:  # the archive module imports this one (its reparse queues links as a crawl does)
    from .archive import Archive

log = logging.getLogger("cinescrape")
# Without worker processes (parse_processes 0), one thread parses, page after page, while the event loop goes on
# fetching: more threads would be no faster (the parsers hold the GIL), and lexbor never parses two pages at once.
_PARSER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cinescrape-parse")
BLOCKED = "blocked"
SEARCH = "search"
SEARCH_RETRY = timedelta(days=1)  # a search the metadata site did not answer is asked again the next day
# A commit per page was a good part of a crawl's time (bench/crawl.py): pages are committed in groups of up to this
# many transactions, or this long after the group's first, whichever comes first.
_COMMIT_PAGES, _COMMIT_SECONDS = 64, 0.5
# By default the first pages are parsed in the parse thread, and worker processes start only after them (a crawl
# of a few pages would wait for them to start: half a second to a second, mostly their imports).
_THREAD_FIRST = 50


def queue_links(
    frontier: Frontier,
    settings: Settings,
    item: FrontierItem,
    record: Record,
    page_url: Callable[[str], str] = canonical,
) -> int:
    """Queue the pages ``record`` (the page at ``item``) leads to, within the depth budget; returns how many.
    ``page_url`` is the source's URL of a page (an archive folds a page's variants into one)."""
    if item.depth >= settings.max_depth:
        return 0
    found = []
    for url, kind in discover(record, settings.subpages):
        try:
            found.append(FrontierItem(page_url(url), kind, item.depth + 1, item.url))
        except BadURL as error:  # a damaged link (64 kB, a control byte) is dropped, not fetched, never fatal
            log.info("%s: link dropped: %s", item.url, error)
    return frontier.add(found, settings.recrawl_after())


@dataclass(slots=True)
class RunSummary:
    run_id: int = 0
    fetched: int = 0
    parsed: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    stopped: str | None = None  # why the run stopped early (the archive refused us); pending pages wait
    # Searches the metadata site did not answer (a bot wall, a Retry-After): a help, not pages of the sites
    # crawled, so not failures; each waits a day, and the summary sums them up in one line.
    searches_deferred: list[tuple[str, str]] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.stopped else 0

    def counts(self) -> dict[str, int]:
        return {
            "pages_fetched": self.fetched,
            "pages_parsed": self.parsed,
            "pages_unchanged": self.unchanged,
            "pages_failed": len(self.failed),
        }


def _pool_size(configured: int | None) -> tuple[int, int]:
    """Worker processes, and how many pages the crawl's own process takes first: by default one worker per core,
    after the first pages (a crawl of a few pages would wait for them to start); as configured, from the start."""
    if configured is None:
        return os.cpu_count() or 1, _THREAD_FIRST
    return configured, 0


def fetch_pool(settings: Settings, allowed: set[str], fetcher: Fetcher) -> FetchPool | None:
    """The fetch workers ``settings`` ask for (none with fetch_processes 0), ``fetcher`` the crawl's own."""
    processes, start_after = _pool_size(settings.fetch_processes)
    return FetchPool(processes, settings, allowed, fetcher, start_after) if processes else None


def _forget(in_flight: set[str], url: str, _task: asyncio.Task[None]) -> None:
    in_flight.discard(url)


async def _cancel(tasks: set[asyncio.Task[None]]) -> set[asyncio.Task[None]]:
    """Cancel ``tasks`` and wait for them to end (an abandoned task is a "never awaited" warning at exit)."""
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return set()


Progress = Callable[[RunSummary, int], None]


class PageStore(Protocol):
    """What the crawler needs of a store: ``db.Store``, or a worker's that sends pages to the shared run's writer
    (scraper/shared/results.py)."""

    def page(self, url: str) -> StoredPage | None: ...

    def transaction(self) -> AbstractContextManager[object]: ...

    def save_page(self, run_id: int, fetched: FetchedPage, record: Record | None = None) -> int: ...

    def commit(self) -> None: ...


class ArchiveSink(Protocol):
    """Where the crawler keeps each body received: ``scraper.archive.Archive``, or a worker's that sends it on."""

    def put(self, fetch: ArchivedFetch) -> str: ...


StoreT = TypeVar("StoreT", bound=PageStore)


class Crawler(Generic[StoreT]):
    def __init__(
        self,
        settings: Settings,
        store: StoreT,
        frontier: Frontier,
        client: httpx.AsyncClient,
        progress: Progress | None = None,
        archive: ArchiveSink | None = None,
        source: Source | None = None,
        fetch_in_workers: bool = False,
    ) -> None:
        self.settings = settings
        self.store = store
        self.frontier = frontier
        self.archive = archive
        self.summary = RunSummary()
        self.progress = progress
        seeds_hosts = {urlsplit(seed).hostname or "" for seed in settings.seeds}
        allowed = {host for host in seeds_hosts if is_private_host(host)} | set(settings.allow_hosts)
        fetcher = Fetcher(client, settings, AddressGuard(allowed))
        self.fetch_pool = fetch_pool(settings, allowed, fetcher) if fetch_in_workers and source is None else None
        robots = Robots(
            fetcher, settings.user_agent, settings.robots_max_age_hours * 3600, settings.max_crawl_delay_seconds
        )
        self.source = source or LiveSource(
            self.fetch_pool or fetcher, robots, HostGate(settings.per_host_concurrency, settings.delay_seconds)
        )
        self.global_slots = asyncio.Semaphore(settings.concurrency)
        processes, start_after = _pool_size(settings.parse_processes)
        self.parse_pool = ParsePool(processes, settings.parse_timeout_seconds, start_after) if processes else None
        self.parsing = asyncio.Lock()  # without a pool, one page claimed and parsed at a time (see _parse)
        self.claimed: set[str] = set()  # URLs whose parse claim() counted as a failure, not yet settled
        self.visited = 0  # across every pass of the run (searches, found films): max_pages is per run
        minutes = settings.max_run_minutes
        self.deadline = time.monotonic() + minutes * 60 if minutes else None  # across every pass too

    async def run(self) -> RunSummary:
        self.frontier.add(
            [FrontierItem(self.source.page_url(seed)) for seed in self.settings.seeds], self.settings.recrawl_after()
        )
        in_flight: set[str] = set()
        tasks: set[asyncio.Task[None]] = set()
        while True:
            room = self.settings.concurrency * 2 - len(tasks)
            # Refilled once half the window is free (or the run would end), not after every page: each look at
            # the frontier reads the URLs in flight again (bench/crawl.py: 750-1,170 looks, 0.05-0.09 s of CPU).
            refill = room >= self.settings.concurrency or not tasks
            if refill and self.visited < self.settings.max_pages and not self.summary.stopped:
                for item in self.frontier.pending(room + len(in_flight)):
                    if item.url in in_flight or self.visited >= self.settings.max_pages:
                        continue
                    in_flight.add(item.url)
                    self.visited += 1
                    task = asyncio.create_task(self._visit_safely(item))
                    task.add_done_callback(partial(_forget, in_flight, item.url))
                    tasks.add(task)
            if not tasks:
                break
            left = None if self.deadline is None else max(0.0, self.deadline - time.monotonic())
            try:
                # a run cancelled here (Ctrl-C) cancels its pages in flight: left going, they would fail on the
                # closed client and stopped workers, and be stored as failures of their own
                done, tasks = await asyncio.wait(tasks, timeout=left, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    task.result()  # the database failing (a full disk) ends the run; nothing else does
                if self.deadline is not None and time.monotonic() >= self.deadline:
                    self._stop_at_deadline()
                    tasks = await _cancel(tasks)
            except BaseException:
                await _cancel(tasks)  # no task left unawaited behind the error
                raise
            if self.progress:
                self.progress(self.summary, len(tasks))
        return self.summary

    async def close(self) -> None:
        """End the parse and fetch workers (a parse or fetch in flight with them); the crawler parses no more."""
        if self.parse_pool is not None:
            self.parse_pool.close()
        if self.fetch_pool is not None:
            self.fetch_pool.close()

    def _stop_at_deadline(self) -> None:
        """``max_run_minutes`` is up: the pages in flight are abandoned (none is half-stored: each is one
        transaction), and what is left stays pending for the next run."""
        left = self.frontier.counts().get("pending", 0)
        minutes = self.settings.max_run_minutes
        self.summary.stopped = f"max_run_minutes ({minutes:g}) reached; {left} URLs left pending for the next run"
        log.warning("%s", self.summary.stopped)

    async def _visit_safely(self, item: FrontierItem) -> None:
        """Visit one URL; whatever it raises (a parser or loader bug, a URL no library takes) is that page's
        failure, recorded against it, and the run goes on. Only the database failing ends the run."""
        try:
            await self._visit(item)
        except StoreError:
            raise
        except Exception as error:
            log.debug("visit of %s failed", item.url, exc_info=True)
            self._fail(item, f"internal error: {type(error).__name__}: {error}", None)

    async def _visit(self, item: FrontierItem) -> None:
        async with self.global_slots:
            stored = self.store.page(item.url)
            known = stored is not None and stored.error is None
            try:
                responses = await self.source.responses(item, stored if known else None)
            except Blocked as error:
                self.summary.blocked.append(item.url)
                self.frontier.mark(item.url, BLOCKED, str(error))
                return
            except SourceRefused as error:  # not a failure of this page: it waits, with the rest, for a later run
                self.summary.stopped = str(error)
                self.frontier.mark(
                    item.url, DEFERRED, str(error), not_before=error.not_before.isoformat(timespec="seconds")
                )
                return
            except Deferred as error:
                self._fail(
                    item, str(error), error.status, deferred_until=error.not_before.isoformat(timespec="seconds")
                )
                return
            except FetchError as error:
                self._fail(item, str(error), error.status)
                return
        if not responses:  # the source has nothing newer than the page as loaded
            self._unchanged(item)
        for response in responses:  # an archive's captures of one page, oldest first
            await self._take(item, response)

    async def _take(self, item: FrontierItem, response: Response) -> None:
        """Archive, parse and load one response for ``item``."""
        stored = self.store.page(item.url)
        known = stored is not None and stored.error is None
        if item.kind == SEARCH and response.status >= 400:
            self._fail(item, f"HTTP {response.status} {httpx.codes.get_reason_phrase(response.status)}", None)
            return
        self.summary.fetched += 1
        if response.status == 304:
            self._unchanged(item)
            return
        self._archive(response)  # before the page is saved: a kill between the two loses nothing
        if response.status >= 400:
            kept = stored is not None and stored.content_hash is not None  # a good fetch once: save_page keeps it
            gone = "; facts from its last good fetch kept" if kept else ""
            self._fail(
                item, f"HTTP {response.status} {httpx.codes.get_reason_phrase(response.status)}{gone}", response.status
            )
            return
        content_hash = hashlib.sha256(response.body).hexdigest()
        if known and stored and stored.content_hash == content_hash:
            self._unchanged(item)
            return
        content_type = response.headers.get("Content-Type", "")
        try:
            record = await self._parse(item, response.body, response.final_url, content_type)
        except PageError as error:
            self._fail(item, str(error), response.status)
            return
        captured_at, archive_url = provenance(response)
        fetched = FetchedPage(
            url=item.url,
            kind=record.kind,
            status=response.status,
            content_hash=content_hash,
            content_type=content_type,
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
            captured_at=captured_at,
            archive_url=archive_url,
        )
        with self.store.transaction():  # the page, its facts and the links it yields: all or nothing
            self.store.save_page(self.summary.run_id, fetched, record)
            self.frontier.mark(item.url, DONE)
            self._discover(item, record)
        self.claimed.discard(item.url)
        self.summary.parsed += 1

    async def _parse(self, item: FrontierItem, body: bytes, url: str, content_type: str) -> Record:
        """Parse in a worker process: a parse that kills its worker or overruns its time fails its page alone.
        Without workers, in the parse thread (a slow page never stalls the other pages' fetches), one page at a
        time, each claimed in the frontier first: a page whose parse ends the process is the one counted. By
        default (parse_processes not set) the thread parses the first pages; the next ones wait for the workers
        to start (parsed in the thread meanwhile, they cost the crawl's process CPU and gained it no time:
        bench/crawl.py) and, if they cannot, go back to the thread."""
        pool = self.parse_pool
        explicit = self.settings.parse_processes is not None
        if pool is not None and (explicit or pool.wanted()):
            try:
                return await pool.run(parse_page, body, url, item.kind, content_type)
            except ParseAborted as error:
                if explicit or pool.usable():  # else the workers could not start: the thread parses
                    raise PageError(str(error)) from error
        async with self.parsing:
            with self.store.transaction():
                self.frontier.claim(item.url)
            self.store.commit()  # the claim must outlive the process the parse may end
            self.claimed.add(item.url)
            return await asyncio.get_running_loop().run_in_executor(
                _PARSER, parse_page, body, url, item.kind, content_type
            )

    def _archive(self, response: Response) -> None:
        if self.archive is None:
            return
        self.archive.put(
            ArchivedFetch(
                url=response.url,
                final_url=response.final_url,
                status=response.status,
                headers=tuple(response.headers.multi_items()),
                body=response.body,
                run_id=self.summary.run_id,
            )
        )

    def _discover(self, item: FrontierItem, record: Record) -> None:
        queue_links(self.frontier, self.settings, item, record, self.source.page_url)

    def _unchanged(self, item: FrontierItem) -> None:
        """Not parsed again; the pages it led to last time are queued again when due, as a re-parse would."""
        with self.store.transaction():
            self.frontier.mark(item.url, DONE)
            self.frontier.requeue_children(item.url, self.settings.recrawl_after())
        self.summary.unchanged += 1

    def _fail(self, item: FrontierItem, reason: str, status: int | None, deferred_until: str | None = None) -> None:
        parsed = item.url in self.claimed  # its failure was counted when its parse began: counted once
        self.claimed.discard(item.url)
        if item.kind == SEARCH:
            log.info("%s: search deferred: %s", item.url, reason)
            self.summary.searches_deferred.append((item.url, reason))
            later = deferred_until or (datetime.now(UTC) + SEARCH_RETRY).isoformat(timespec="seconds")
            with self.store.transaction():
                if parsed:
                    self.frontier.release(item.url)
                self.frontier.mark(item.url, DEFERRED, reason, not_before=later)
            return
        log.info("%s: %s", item.url, reason)  # the run's summary lists every failure once, even under cron
        with self.store.transaction():
            self.store.save_page(self.summary.run_id, FetchedPage(item.url, item.kind, status=status, error=reason))
            if parsed:
                self.frontier.release(item.url)
            if deferred_until:
                self.frontier.mark(item.url, DEFERRED, reason, not_before=deferred_until)
            else:
                self.frontier.mark(item.url, FAILED, reason)
        self.summary.failed.append((item.url, reason))


@asynccontextmanager
async def _batched(store: Store) -> AsyncIterator[None]:
    """The pages' transactions grouped into commits (``Store.batched``), each at most ``_COMMIT_SECONDS`` late."""

    async def commit_when_due() -> None:
        while True:
            await asyncio.sleep(_COMMIT_SECONDS)
            store.commit_due()

    with store.batched(_COMMIT_PAGES, _COMMIT_SECONDS):
        timer = asyncio.create_task(commit_when_due())
        try:
            yield
        finally:
            await _cancel({timer})


async def crawl(
    settings: Settings,
    store: Store,
    command: str = "crawl",
    transport: httpx.AsyncBaseTransport | None = None,
    progress: Progress | None = None,
    archive: Archive | None = None,
) -> RunSummary:
    """Run one crawl into ``store`` (every body received into ``archive``) and record it in ``runs``."""
    if settings.source == "wayback" and settings.wayback_at:
        # dates ask for captures: every page is due, and the capture times (not the recrawl policy) say what is new
        settings = replace(settings, recrawl_hours=dict.fromkeys(settings.recrawl_hours, 0.0))
    run_id = store.start_run(command, settings.seeds)
    exit_code = 1  # stays so if the run dies: the runs row says it did not finish well
    async with make_client(settings, transport) as client:
        source = WaybackSource(client, settings, store.db) if settings.source == "wayback" else None
        # Fetch workers make clients of their own: not where the caller gives the crawl its transport (a test's).
        own_client = transport is None and source is None
        crawler = Crawler(
            settings, store, SqliteFrontier(store.db, run_id), client, progress, archive, source, own_client
        )
        crawler.summary.run_id = run_id
        try:
            async with _batched(store):
                await crawler.run()
                await resolve_entries(crawler)
            exit_code = crawler.summary.exit_code
        except sqlite3.OperationalError as error:  # a write outside Store.transaction (the resolver's): one line
            raise StoreError(f"cannot write database {store.path}: {error}") from error
        finally:
            await crawler.close()
            store.finish_run(run_id, crawler.summary.counts(), exit_code)
    return crawler.summary
