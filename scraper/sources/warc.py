"""WARC files as a source: ``cinescrape import-warc``.

Every HTML 200 ``response`` record goes through the same parse and load as a fetched page, as of its
``WARC-Date``; a ``revisit`` record is its original's payload (found by payload digest, in any file of the import) as of its
own date;
other records, non-200 and non-HTML responses are counted and skipped. A capture no newer than the one loaded
for its page is skipped, so importing a file again changes nothing. Links found are queued for a later crawl.

The file is read once, in order, in this process (warcio); parsing runs in a pool of processes, a bounded
number of records ahead, and this process alone writes the database (batches of pages per transaction).
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import closing, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from db import FetchedPage, FrontierItem, SqliteFrontier, Store
from db.captures import loaded_at
from parsers.copies import capture_of
from parsers.records import Record

from ..config import Settings
from ..crawl import queue_links
from ..parsing import PageError, parse_page
from . import imdb_page_url
from .wayback import iso_of

log = logging.getLogger("cinescrape")

_HTML = ("text/html", "application/xhtml+xml")
_PAGES_PER_TRANSACTION = 200  # as reparse: a batch is about twice as fast per page as one transaction each
_PAGES_PER_TASK = 8  # records sent to a worker at once: fewer round trips between the processes
Progress = Callable[[int], None]  # bytes of the file read since the last call


@dataclass(frozen=True, slots=True)
class WarcPage:
    """One HTML 200 capture read from a WARC file."""

    url: str  # the page's URL (variants folded)
    target: str  # WARC-Target-URI, as captured: the parser resolves links against it
    captured_at: str  # WARC-Date, ISO 8601 UTC
    content_type: str
    body: bytes
    where: str  # file URI and record offset: pages.archive_url


@dataclass(slots=True)
class ImportSummary:
    run_id: int = 0
    records: int = 0  # HTML 200 pages read
    imported: int = 0
    unchanged: int = 0  # no newer than the capture loaded for the page, or the same content
    skipped: Counter[str] = field(default_factory=Counter)  # why records were not pages to load
    failed: list[tuple[str, str]] = field(default_factory=list)
    queued: int = 0  # links found and queued for a later crawl

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def counts(self) -> dict[str, int]:
        return {
            "pages_fetched": self.records,
            "pages_parsed": self.imported,
            "pages_unchanged": self.unchanged,
            "pages_failed": len(self.failed),
        }

    def line(self) -> str:
        skipped = "".join(f", {count} {why}" for why, count in sorted(self.skipped.items()))
        failed = f", {len(self.failed)} failed" if self.failed else ""
        return (
            f"run {self.run_id}: {self.records + sum(self.skipped.values())} records, {self.imported} pages imported, "
            f"{self.unchanged} unchanged"
            f"{skipped}{failed}; {self.queued} links queued"
        )


class _Originals:
    """Where each payload was first seen (digest → file and record offset), across the files of one import, so
    a revisit resolves to its original in an earlier file too (Common Crawl splits a crawl into many)."""

    def __init__(self) -> None:
        self.where: dict[str, tuple[Path, int]] = {}
        self.files: dict[Path, BinaryIO] = {}

    def add(self, digest: str, path: Path, offset: int) -> None:
        self.where.setdefault(digest, (path, offset))

    def record(self, digest: str) -> ArcWarcRecord | None:
        if digest not in self.where:
            return None
        path, offset = self.where[digest]
        if path not in self.files:
            self.files[path] = path.open("rb")
        self.files[path].seek(offset)
        return next(iter(ArchiveIterator(self.files[path])))

    def close(self) -> None:
        for file in self.files.values():
            file.close()


def read_pages(
    path: Path, skipped: Counter[str], originals: _Originals, progress: Progress | None = None
) -> Iterator[WarcPage]:
    """The HTML 200 captures of one WARC or WARC.gz file, in file order; every other record counted in
    ``skipped`` by why. A damaged or truncated file raises ``PageError`` after the records before the damage."""
    uri = path.resolve().as_uri()
    done = 0
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        try:
            for record in records:
                page = _page(record, records, path, uri, originals, skipped)
                if page is not None:
                    yield page
                if progress:
                    position = stream.tell()
                    progress(position - done)
                    done = position
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as error:
            raise PageError(f"{path}: damaged or truncated after {records.offset:,} bytes: {error}") from None


def _page(
    record: ArcWarcRecord,
    records: ArchiveIterator,
    path: Path,
    uri: str,
    originals: _Originals,
    skipped: Counter[str],
) -> WarcPage | None:
    kind = record.rec_type
    if kind not in ("response", "revisit"):
        skipped[f"{kind} records"] += 1
        return None
    digest = record.rec_headers.get_header("WARC-Payload-Digest") or ""
    source = originals.record(digest) if kind == "revisit" else record
    if source is None:
        skipped["revisits of a record not in the files"] += 1
        return None
    http = record.http_headers or source.http_headers
    # a revisit's own headers may be the status line alone: the original says what the payload is
    content_type = next((h.get_header("Content-Type") for h in (http, source.http_headers) if h), None) or ""
    captured_at = _iso(record.rec_headers.get_header("WARC-Date") or "")
    body = None
    if http is None:
        skipped["not HTTP"] += 1
    elif captured_at is None:
        skipped["without a WARC-Date"] += 1
    elif http.get_statuscode() != "200":
        skipped["not 200"] += 1
    elif not content_type.split(";", 1)[0].strip().lower().startswith(_HTML):
        skipped["not HTML"] += 1
    else:
        body = source.content_stream().read()
        if getattr(source.raw_stream, "limit", 0):  # warcio reads a cut gzip member as a short record, silently
            raise EOFError(f"the record of {record.rec_headers.get_header('WARC-Target-URI')} is cut short")
    offset = records.get_record_offset()  # after the body: warcio reads the record to its end to know it
    if kind == "response":
        originals.add(digest, path, offset)
    if body is None or captured_at is None:
        return None
    target = record.rec_headers.get_header("WARC-Target-URI") or ""
    # a page the Wayback Machine served (a crawl of web.archive.org/web/{timestamp}/{url}): the page it archived, as
    # of its capture, not of the crawl's visit
    archived = capture_of(target)
    return WarcPage(
        url=imdb_page_url(archived[0] if archived else target),
        target=target,
        captured_at=_capture_time(archived[1]) or captured_at if archived else captured_at,
        content_type=content_type,
        body=body,
        where=f"{uri}#{offset}",
    )


def _capture_time(timestamp: str) -> str | None:
    """A Wayback timestamp ("20160301123456") as the database writes times; None for no date ("20161399…")."""
    try:
        return iso_of(timestamp)
    except ValueError:
        return None


def _iso(warc_date: str) -> str | None:
    """WARC-Date ("2015-03-02T10:20:30Z", perhaps with a fraction) as the database writes times; None if it is
    no date."""
    try:
        when = datetime.fromisoformat(warc_date.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC).isoformat(timespec="seconds")


def parse_pages(pages: list[tuple[bytes, str, str]]) -> list[Record | str]:
    """A worker's task: each (body, url, content type) parsed, or the one-line reason it gives no record."""
    parsed: list[Record | str] = []
    for body, url, content_type in pages:
        try:
            parsed.append(parse_page(body, url, None, content_type))
        except PageError as error:
            parsed.append(str(error))
    return parsed


def _parse_later(pool: ProcessPoolExecutor | None, pages: list[WarcPage]) -> Future[list[Record | str]]:
    """Parse ``pages`` in the pool, or here and now without one (one core: no pickling between processes)."""
    work = [(page.body, page.target, page.content_type) for page in pages]
    if pool is not None:
        return pool.submit(parse_pages, work)
    future: Future[list[Record | str]] = Future()
    future.set_result(parse_pages(work))
    return future


def import_warcs(
    store: Store,
    paths: list[Path],
    run_id: int,
    settings: Settings,
    jobs: int,
    progress: Progress | None = None,
    again: bool = False,
) -> ImportSummary:
    """Import ``paths`` into ``store`` as run ``run_id``, parsing on ``jobs`` processes; with ``again``, the
    captures already loaded too (after a parser improved: the raw archive holds only what crawls fetched)."""
    summary = ImportSummary(run_id=run_id)
    loader = _Loader(store, SqliteFrontier(store.db, run_id), settings, summary, again)
    ahead: deque[tuple[list[WarcPage], Future[list[Record | str]]]] = deque()
    with ProcessPoolExecutor(jobs) if jobs > 1 else nullcontext() as pool, closing(_Originals()) as originals:
        for path in paths:
            task: list[WarcPage] = []
            try:
                for page in read_pages(path, summary.skipped, originals, progress):
                    summary.records += 1
                    if loader.wanted(page):
                        task.append(page)
                    if len(task) >= _PAGES_PER_TASK:
                        ahead.append((task, _parse_later(pool, task)))
                        task = []
                    while len(ahead) > 4 * max(jobs, 1):  # a bounded number of records in flight: flat memory
                        loader.load(*_done(ahead.popleft()))
            except PageError as error:
                log.info("%s", error)
                summary.failed.append((str(path), str(error)))
            if task:
                ahead.append((task, _parse_later(pool, task)))
        while ahead:
            loader.load(*_done(ahead.popleft()))
    loader.flush()
    return summary


def _done(entry: tuple[list[WarcPage], Future[list[Record | str]]]) -> tuple[list[WarcPage], list[Record | str]]:
    return entry[0], entry[1].result()


class _Loader:
    """The one writer: skips captures already loaded, batches pages into transactions, queues their links."""

    def __init__(
        self, store: Store, frontier: SqliteFrontier, settings: Settings, summary: ImportSummary, again: bool
    ) -> None:
        self.store = store
        self.again = again
        self.frontier = frontier
        self.settings = settings
        self.summary = summary
        self.latest: dict[str, str] = {}  # page URL → the newest capture of it taken in this run
        self.batch: list[tuple[FetchedPage, Record | None]] = []

    def wanted(self, page: WarcPage) -> bool:
        """False for a capture no newer than the one loaded (unless ``again``) or taken in this run for its page."""
        newest = self.latest.get(page.url) or (None if self.again else loaded_at(self.store.db, page.url))
        if newest is not None and page.captured_at <= newest:
            self.summary.unchanged += 1
            return False
        self.latest[page.url] = page.captured_at
        return True

    def load(self, pages: list[WarcPage], parsed: list[Record | str]) -> None:
        for page, record in zip(pages, parsed, strict=True):
            if any(fetched.url == page.url for fetched, _ in self.batch):
                self.flush()  # one page twice in a batch: the older capture goes in first
            if isinstance(record, str):
                log.info("%s: %s", page.url, record)
                self.summary.failed.append((page.url, record))
                self.batch.append((FetchedPage(page.url, status=200, error=record), None))
            else:
                self.batch.append(
                    (
                        FetchedPage(
                            url=page.url,
                            kind=record.kind,
                            status=200,
                            content_hash=hashlib.sha256(page.body).hexdigest(),
                            content_type=page.content_type,
                            captured_at=page.captured_at,
                            archive_url=page.where,
                        ),
                        record,
                    )
                )
            if len(self.batch) >= _PAGES_PER_TRANSACTION:
                self.flush()

    def flush(self) -> None:
        saved = self.store.save_pages(self.summary.run_id, self.batch)
        self.summary.failed.extend(saved.failed)
        not_loaded = {url for url, _ in saved.failed}
        with self.store.db.atomic():  # one commit for the batch's links, not one per page (a third of the load)
            for fetched, record in self.batch:
                if record is not None and fetched.url not in not_loaded:
                    self.summary.imported += 1
                    item = FrontierItem(fetched.url, record.kind)
                    self.summary.queued += queue_links(self.frontier, self.settings, item, record, imdb_page_url)
        self.batch.clear()
