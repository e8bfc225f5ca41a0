"""One crawl run: frontier → robots → fetch → parse → load → discover, until the frontier is empty.

Every URL ends the run as done, failed (with its reason in ``pages.error`` and
``frontier.last_error``), deferred, or blocked by robots.txt. A failure of one
page never stops the run; it shows in the exit code.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from urllib.parse import urlsplit

import httpx

import parsers
from db import FetchedPage, FrontierItem, SqliteFrontier, Store
from db.frontier import DEFERRED, DONE, FAILED
from parsers.decode import charset_from_content_type
from parsers.records import Record

from .config import Settings
from .discover import discover
from .fetch import AddressGuard, Deferred, Fetcher, FetchError, is_private_host, make_client
from .frontier import Frontier
from .politeness import HostGate, Robots
from .urls import canonical

log = logging.getLogger("cinescrape")
BLOCKED = "blocked"
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")


@dataclass(slots=True)
class RunSummary:
    run_id: int = 0
    fetched: int = 0
    parsed: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def counts(self) -> dict[str, int]:
        return {
            "pages_fetched": self.fetched,
            "pages_parsed": self.parsed,
            "pages_unchanged": self.unchanged,
            "pages_failed": len(self.failed),
        }


def _forget(in_flight: set[str], url: str, _task: asyncio.Task[None]) -> None:
    in_flight.discard(url)


Progress = Callable[[RunSummary, int], None]


class Crawler:
    def __init__(
        self,
        settings: Settings,
        store: Store,
        frontier: Frontier,
        client: httpx.AsyncClient,
        progress: Progress | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.frontier = frontier
        self.summary = RunSummary()
        self.progress = progress
        seeds_hosts = {urlsplit(seed).hostname or "" for seed in settings.seeds}
        allowed = {host for host in seeds_hosts if is_private_host(host)} | set(settings.allow_hosts)
        self.fetcher = Fetcher(client, settings, AddressGuard(allowed))
        self.robots = Robots(self.fetcher, settings.user_agent)
        self.gate = HostGate(settings.per_host_concurrency, settings.delay_seconds)
        self.global_slots = asyncio.Semaphore(settings.concurrency)

    async def run(self) -> RunSummary:
        self.frontier.add(
            [FrontierItem(canonical(seed)) for seed in self.settings.seeds], self.settings.recrawl_after()
        )
        in_flight: set[str] = set()
        tasks: set[asyncio.Task[None]] = set()
        visited = 0
        while True:
            room = self.settings.concurrency * 2 - len(tasks)
            if room > 0 and visited < self.settings.max_pages:
                for item in self.frontier.pending(room + len(in_flight)):
                    if item.url in in_flight or visited >= self.settings.max_pages:
                        continue
                    in_flight.add(item.url)
                    visited += 1
                    task = asyncio.create_task(self._visit(item))
                    task.add_done_callback(partial(_forget, in_flight, item.url))
                    tasks.add(task)
            if not tasks:
                break
            done, tasks = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                task.result()  # a bug in the crawler itself must not pass silently
            if self.progress:
                self.progress(self.summary, len(tasks))
        return self.summary

    async def _visit(self, item: FrontierItem) -> None:
        async with self.global_slots:
            if not await self.robots.allowed(item.url):
                self.summary.blocked.append(item.url)
                self.frontier.mark(item.url, BLOCKED, "disallowed by robots.txt")
                return
            stored = self.store.page(item.url)
            known = stored is not None and stored.error is None
            try:
                async with self.gate.slot(item.url, await self.robots.crawl_delay(item.url)):
                    response = await self.fetcher.get(
                        item.url,
                        etag=stored.etag if known and stored else None,
                        last_modified=stored.last_modified if known and stored else None,
                    )
            except Deferred as error:
                self._fail(
                    item, str(error), error.status, deferred_until=error.not_before.isoformat(timespec="seconds")
                )
                return
            except FetchError as error:
                self._fail(item, str(error), error.status)
                return
        self.summary.fetched += 1
        if response.status == 304:
            self._unchanged(item)
            return
        if response.status >= 400:
            self._fail(item, f"HTTP {response.status}", response.status)
            return
        content_type = response.headers.get("Content-Type", "")
        if content_type.split(";")[0].strip().lower() not in _HTML_TYPES:
            self._fail(item, f"not an HTML page ({content_type.split(';')[0]})", response.status)
            return
        content_hash = hashlib.sha256(response.body).hexdigest()
        if known and stored and stored.content_hash == content_hash:
            self._unchanged(item)
            return
        try:
            record = parsers.parse(
                response.body,
                url=response.final_url,
                kind=item.kind or "auto",
                charset=charset_from_content_type(content_type),
            )
        except parsers.UnknownPage as error:
            self._fail(item, f"not a page cinescrape reads: {error}", response.status)
            return
        except Exception as error:  # a parser bug: record it against the page and go on
            log.debug("parser failed on %s", item.url, exc_info=True)
            self._fail(item, f"parser error: {type(error).__name__}: {error}", response.status)
            return
        fetched = FetchedPage(
            url=item.url,
            kind=record.kind,
            status=response.status,
            content_hash=content_hash,
            content_type=content_type,
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
        )
        self.store.save_page(self.summary.run_id, fetched, record)
        self.summary.parsed += 1
        self.frontier.mark(item.url, DONE)
        self._discover(item, record)

    def _discover(self, item: FrontierItem, record: Record) -> None:
        if item.depth >= self.settings.max_depth:
            return
        found = [
            FrontierItem(canonical(url), kind, item.depth + 1, item.url)
            for url, kind in discover(record, self.settings.subpages)
        ]
        self.frontier.add(found, self.settings.recrawl_after())

    def _unchanged(self, item: FrontierItem) -> None:
        self.summary.unchanged += 1
        self.frontier.mark(item.url, DONE)

    def _fail(self, item: FrontierItem, reason: str, status: int | None, deferred_until: str | None = None) -> None:
        log.warning("%s: %s", item.url, reason)
        self.summary.failed.append((item.url, reason))
        self.store.save_page(self.summary.run_id, FetchedPage(item.url, item.kind, status=status, error=reason))
        if deferred_until:
            self.frontier.mark(item.url, DEFERRED, reason, not_before=deferred_until)
        else:
            self.frontier.mark(item.url, FAILED, reason)


async def crawl(
    settings: Settings,
    store: Store,
    command: str = "crawl",
    transport: httpx.AsyncBaseTransport | None = None,
    progress: Progress | None = None,
) -> RunSummary:
    """Run one crawl into ``store`` and record it in ``runs``."""
    run_id = store.start_run(command, settings.seeds)
    exit_code = 1  # stays so if the run dies: the runs row says it did not finish well
    async with make_client(settings, transport) as client:
        crawler = Crawler(settings, store, SqliteFrontier(store.db, run_id), client, progress)
        crawler.summary.run_id = run_id
        try:
            await crawler.run()
            exit_code = crawler.summary.exit_code
        finally:
            store.finish_run(run_id, crawler.summary.counts(), exit_code)
    return crawler.summary
