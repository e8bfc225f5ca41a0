"""Pages from the workers to the writer: one Redis stream, read by the writer's consumer group.

A worker's crawler writes to an ``Outbox`` where a single process writes to SQLite: each store transaction (a
page, its frontier mark, the links it yields) becomes one message, with the body it archives. Messages
are JSON decoded into the named types only (msgspec), never pickle: whoever can write to Redis can send bad
data, never run code in the writer. The writer stores a message's pages in one SQLite transaction (those of a
batch of messages committed together), then applies their frontier changes in Redis (ending the URLs' leases), then
acknowledges and deletes them; killed in between, it reads them again when it starts (a page stored twice is
stored the same).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import cast

import msgspec
import redis

from db import FetchedPage, FrontierItem, Store, StoreError
from db.archive import ArchivedFetch
from db.frontier import FAILED
from db.store import StoredPage
from parsers.records import FilmPage, Record, ReviewPage, SearchPage

from ..archive import Archive
from ..crawl import RunSummary
from . import PREFIX
from .frontier import RedisFrontier

log = logging.getLogger("cinescrape")

STREAM, GROUP = PREFIX + "results", "writer"


class SavePage(msgspec.Struct, tag="save"):
    page: FetchedPage
    film: FilmPage | None = None  # one of the three, by the record's type (JSON has no union of records)
    review: ReviewPage | None = None
    search: SearchPage | None = None

    @property
    def record(self) -> Record | None:
        return self.film or self.review or self.search


class Keep(msgspec.Struct, tag="keep"):
    fetch: ArchivedFetch  # the body travels base64-encoded


class Mark(msgspec.Struct, tag="mark"):
    url: str
    status: str
    error: str | None = None
    not_before: str | None = None


class Add(msgspec.Struct, tag="add"):
    items: list[FrontierItem]
    recrawl_seconds: dict[str, float] | None = None


class Requeue(msgspec.Struct, tag="requeue"):
    url: str
    recrawl_seconds: dict[str, float] | None = None


class Release(msgspec.Struct, tag="release"):
    url: str


Op = SavePage | Keep | Mark | Add | Requeue | Release


class Tally(msgspec.Struct):
    """What a worker's summary gained since its last message, of what the writer cannot count from the pages (why
    a run stops early is the writer's to say: its max_run_minutes)."""

    fetched: int = 0
    blocked: list[str] = []
    searches_deferred: list[tuple[str, str]] = []


class Message(msgspec.Struct):
    ops: list[Op]
    tally: Tally


def _seconds(recrawl_after: dict[str, timedelta] | None) -> dict[str, float] | None:
    return None if recrawl_after is None else {kind: delta.total_seconds() for kind, delta in recrawl_after.items()}


def _deltas(seconds: dict[str, float] | None) -> dict[str, timedelta] | None:
    return None if seconds is None else {kind: timedelta(seconds=value) for kind, value in seconds.items()}


@dataclass(slots=True)
class _Sent:
    fetched: int = 0
    blocked: int = 0
    searches_deferred: int = 0


class Outbox:
    """A worker's messages to the writer. Ops made inside ``transaction`` go as one message when it ends well
    (none if it raised: as SQLite would roll back); ops made outside go one by one."""

    def __init__(self, client: redis.Redis, summary: RunSummary) -> None:
        self.client = client
        self.summary = summary
        self._ops: list[Op] | None = None  # None: no transaction open
        self._bodies: list[Op] = []  # bodies for the archive, waiting for their page's message
        self._sent = _Sent()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self._ops = ops = list[Op]()
        try:
            yield
        finally:
            self._ops = None
        self.send(ops)

    def put(self, op: Op) -> None:
        if self._ops is not None:
            self._ops.append(op)
        elif isinstance(op, Keep):  # a body goes with its page's message, which always follows: one round trip
            self._bodies.append(op)
        else:
            self.send([op])

    def send(self, ops: list[Op]) -> None:
        """Send ``ops`` with the summary's gains since the last message; nothing when there is neither."""
        summary, sent = self.summary, self._sent
        tally = Tally(
            summary.fetched - sent.fetched,
            summary.blocked[sent.blocked :],
            summary.searches_deferred[sent.searches_deferred :],
        )
        ops, self._bodies = [*self._bodies, *ops], []
        if not ops and tally == Tally():
            return
        self.client.xadd(STREAM, {"m": msgspec.json.encode(Message(ops, tally))})
        self._sent = _Sent(summary.fetched, len(summary.blocked), len(summary.searches_deferred))


class RemoteStore:
    """The ``scraper.crawl.PageStore`` of a worker: pages go to the writer; what it knows of a stored page comes
    with the URL's lease."""

    def __init__(self, outbox: Outbox, frontier: RedisFrontier) -> None:
        self.outbox = outbox
        self.frontier = frontier

    def page(self, url: str) -> StoredPage | None:
        return self.frontier.stored(url)

    def transaction(self) -> AbstractContextManager[None]:
        return self.outbox.transaction()

    def save_page(self, run_id: int, fetched: FetchedPage, record: Record | None = None) -> int:
        self.outbox.put(
            SavePage(
                fetched,
                record if isinstance(record, FilmPage) else None,
                record if isinstance(record, ReviewPage) else None,
                record if isinstance(record, SearchPage) else None,
            )
        )
        return 0  # the page's id is the writer's to give

    def commit(self) -> None:
        """Nothing waits here: a claim goes to Redis at once (``ShippingFrontier``), the rest when its transaction
        ends."""


class RemoteArchive:
    """The ``scraper.crawl.ArchiveSink`` of a worker: each body goes to the writer's archive."""

    def __init__(self, outbox: Outbox) -> None:
        self.outbox = outbox

    def put(self, fetch: ArchivedFetch) -> str:
        self.outbox.put(Keep(fetch))
        return fetch.sha256


class ShippingFrontier:
    """The ``scraper.frontier.Frontier`` of a worker: leases and claims go to Redis at once (a parse that kills
    the worker must count), every other change goes to the writer, applied once the page is committed."""

    def __init__(self, frontier: RedisFrontier, outbox: Outbox) -> None:
        self.frontier = frontier
        self.outbox = outbox

    def add(self, items: Iterable[FrontierItem], recrawl_after: dict[str, timedelta] | None = None) -> int:
        """Send URLs to queue; the writer decides which are new, so this returns how many were sent."""
        found = list(items)
        if found:
            self.outbox.put(Add(found, _seconds(recrawl_after)))
        return len(found)

    def requeue_children(self, url: str, recrawl_after: dict[str, timedelta] | None = None) -> int:
        self.outbox.put(Requeue(url, _seconds(recrawl_after)))
        return 0  # the writer counts them

    def pending(self, limit: int) -> list[FrontierItem]:
        return self.frontier.pending(limit)

    def claim(self, url: str) -> None:
        self.frontier.claim(url)

    def release(self, url: str) -> None:
        self.outbox.put(Release(url))

    def mark(self, url: str, status: str, error: str | None = None, not_before: str | None = None) -> None:
        self.outbox.put(Mark(url, status, error, not_before))
        self.frontier.let_go(url)

    def counts(self) -> dict[str, int]:
        return self.frontier.counts()


class Writer:
    """The writer's side of the stream: each message's pages into the database, then its frontier changes."""

    def __init__(
        self, client: redis.Redis, store: Store, archive: Archive | None, frontier: RedisFrontier, summary: RunSummary
    ) -> None:
        self.client = client
        self.store = store
        self.archive = archive
        self.frontier = frontier
        self.summary = summary
        self._cursor = "0"  # first the messages a killed writer had read but not acknowledged, then new ones
        try:
            client.xgroup_create(STREAM, GROUP, id="0", mkstream=True)
        except redis.ResponseError as error:
            if "BUSYGROUP" not in str(error):
                raise

    def drain(self, count: int = 64) -> int:
        """Apply up to ``count`` messages; returns how many there were."""
        answer = cast(  # RESP2, decoded: [[stream, [(id, {field: value})]]]
            "list[tuple[str, list[tuple[str, dict[str, str]]]]]",
            self.client.xreadgroup(GROUP, "writer", {STREAM: self._cursor}, count=count),
        )
        entries = answer[0][1] if answer else []
        if not entries and self._cursor == "0":
            self._cursor = ">"
        elif not entries and self.waiting():
            # Messages in the stream that no read gives: read once already, the answer lost (Redis stopped as it
            # replied, and the client's retry read on from there). They are this consumer's pending ones.
            self._cursor = "0"
        messages = []
        for entry_id, fields in entries:
            try:
                messages.append(msgspec.json.decode(fields["m"], type=Message))
            except (msgspec.DecodeError, KeyError) as error:  # not ours: dropped, said once
                log.warning("shared frontier: message %s dropped: %s", entry_id, error)
        # each message's pages one transaction, the batch one commit (a commit per page was a good part of the
        # writer's time); then, once committed, the frontier changes in one round trip and the acknowledgements
        with self.store.batched(len(messages) + 1, math.inf):
            stored = [self._store(message) for message in messages]
        with self.frontier.pipelined():
            for ops in stored:
                for op in ops:
                    self._frontier(op)
        for message, ops in zip(messages, stored, strict=True):
            self._count(message.tally, ops)
        if entries:  # killed before this, the writer applies them again: a page stored twice is stored the same
            done = [entry_id for entry_id, _ in entries]
            pipeline = self.client.pipeline(transaction=False)
            pipeline.xack(STREAM, GROUP, *done)
            pipeline.xdel(STREAM, *done)
            pipeline.execute()
        return len(entries)

    def waiting(self) -> int:
        """Messages in the stream not yet applied."""
        return int(self.client.xlen(STREAM))

    def _store(self, message: Message) -> list[Op]:
        """Store a message's bodies and pages; returns its ops as stored (a page that failed to load, its error)."""
        run_id = self.summary.run_id
        for op in message.ops:  # the body before its page, as one process does it
            if isinstance(op, Keep) and self.archive is not None:
                self.archive.put(replace(op.fetch, run_id=run_id))
        saves = [op for op in message.ops if isinstance(op, SavePage)]
        try:
            with self.store.transaction():
                for save in saves:
                    self.store.save_page(run_id, save.page, save.record)
        except StoreError:
            raise
        except Exception as error:  # a loader bug: that page's error, its links not queued, as in one process
            log.debug("loading failed", exc_info=True)
            reason = f"internal error: {type(error).__name__}: {error}"
            saves = [
                SavePage(FetchedPage(save.page.url, save.page.kind, save.page.status, error=reason)) for save in saves
            ]
            with self.store.transaction():
                for save in saves:
                    self.store.save_page(run_id, save.page)
            kept = [op for op in message.ops if isinstance(op, (Keep, Release))]
            return [*saves, *kept, *(Mark(save.page.url, FAILED, reason) for save in saves)]
        return message.ops

    def _count(self, tally: Tally, ops: list[Op]) -> None:
        summary = self.summary
        for op in ops:
            if isinstance(op, SavePage) and op.page.error is not None:
                summary.failed.append((op.page.url, op.page.error))
            elif isinstance(op, SavePage) and op.record is not None:
                summary.parsed += 1
        summary.unchanged += sum(isinstance(op, Requeue) for op in ops)
        summary.fetched += tally.fetched
        summary.blocked += tally.blocked
        summary.searches_deferred += tally.searches_deferred

    def _frontier(self, op: Op) -> None:
        frontier = self.frontier
        if isinstance(op, SavePage):
            page = op.page
            frontier.remember(page.url, page.kind, page.content_hash, page.etag, page.last_modified, bool(page.error))
        elif isinstance(op, Mark):
            frontier.mark(op.url, op.status, op.error, op.not_before)
        elif isinstance(op, Add):
            frontier.add(op.items, _deltas(op.recrawl_seconds))
        elif isinstance(op, Requeue):
            frontier.requeue_children(op.url, _deltas(op.recrawl_seconds))
        elif isinstance(op, Release):
            frontier.release(op.url)
