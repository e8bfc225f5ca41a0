"""Merging parsed records into the database: one transaction per page, or per batch of pages.

Every fact row carries the ``page_id`` it came from, so a page whose content
changes has exactly its own facts replaced, two pages that disagree are both
kept, and a page whose content did not change is not written at all.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from sqlite_utils import Database
from sqlite_utils.db import Table

from parsers.detect import imdb_id_in
from parsers.records import FilmPage, RankedEntry, Record, ReviewPage, SearchPage

from .films import film_ids, load_film_page
from .health import count_page
from .history import apply_list
from .resolve import save_search_page
from .schema import ensure_schema
from .sql import columns_of, insert_hashed, inserted_id, update_row

log = logging.getLogger("cinescrape")


class StoreError(RuntimeError):
    """The database cannot be opened or written; the message is one line for the operator."""


def table(db: Database, name: str) -> Table:
    """A table of the schema (sqlite-utils types ``db[name]`` as table-or-view); db/frontier.py uses it."""
    return cast(Table, db[name])


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """What the scraper learnt about one URL: the response, or the error instead of one."""

    url: str
    kind: str | None = None
    status: int | None = None
    content_hash: str | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    captured_at: str | None = None  # an archived page: when the archive captured it (ISO 8601 UTC)
    archive_url: str | None = None  # and where its bytes came from (a Wayback URL, a WARC file and offset)


@dataclass(slots=True)
class SavedBatch:
    """What ``Store.save_pages`` did: each URL's pages.id, and the pages that could not be loaded and why."""

    page_ids: dict[str, int]
    failed: list[tuple[str, str]]  # (url, reason), as the crawl summary lists failures


@dataclass(slots=True)
class _Batch:
    """The batch of transactions ``Store.batched`` has open."""

    limit: int
    seconds: float
    count: int = 0
    begun: float = 0.0

    def full(self) -> bool:
        return self.count > 0 and (self.count >= self.limit or time.monotonic() - self.begun >= self.seconds)


@dataclass(frozen=True, slots=True)
class StoredPage:
    id: int
    url: str
    content_hash: str | None
    etag: str | None
    last_modified: str | None
    error: str | None


class Store:
    """The cinescrape database: open (creating or upgrading), record runs and pages, load records."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.db = Database(self.path)
            self.db.execute("PRAGMA busy_timeout = 10000")
            self.db.enable_wal()
            # In WAL mode NORMAL is still safe from corruption; a commit skips its fsync (the checkpoint syncs),
            # which is most of the cost of one transaction per page. A power cut may lose the last pages: the
            # next run fetches them again.
            self.db.execute("PRAGMA synchronous = NORMAL")
            # Checkpoint (copy the WAL into the database, and sync) every ~40 MB of WAL rather than every 4 MB:
            # pages rewritten page after page (indexes, search index) are copied once. bench/load.py: ~18% faster.
            self.db.execute("PRAGMA wal_autocheckpoint = 10000")
            # A page touches some forty tables and indexes; in a batch of pages SQLite's default 2 MB of cache
            # read theirs again and again. bench/load.py: 8 MB makes batches ~25% faster; more made the
            # transaction of each single page slower (its end costs more with a larger cache).
            self.db.execute("PRAGMA cache_size = -8192")
            self.db.execute("PRAGMA foreign_keys = ON")
            ensure_schema(self.db)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot open database {self.path}: {error}") from error
        self._depth = 0  # transactions open, one inside another
        self._batch: _Batch | None = None

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One transaction (a savepoint inside another); a full disk or a read-only file becomes a StoreError
        and nothing is half-written. The crawler stores a page, marks it and queues its links in one.

        Inside ``batched``, it is a savepoint of the batch's transaction: all of it or none of it is kept, and
        it is durable once the batch commits."""
        try:
            if self._batch is not None and not self.db.conn.in_transaction:
                self.db.conn.execute("BEGIN")
                self._batch.begun = time.monotonic()
            self._depth += 1
            try:
                with self.db.atomic():
                    yield self.db
            finally:
                self._depth -= 1
            if self._batch is not None and self._depth == 0:
                self._batch.count += 1
                if self._batch.full():
                    self.commit()
        except sqlite3.OperationalError as error:
            raise StoreError(f"cannot write database {self.path}: {error}") from error

    @contextmanager
    def batched(self, transactions: int, seconds: float) -> Iterator[None]:
        """Group the transactions made inside into one commit of up to ``transactions`` of them, or ``seconds``
        after the first (see ``commit_due``), whichever comes first: a commit is a write of the WAL, and one per
        page was a good part of a crawl's time. A kill loses the transactions not yet committed, whole.
        What is left is committed at the end, also when the block ends by an exception (each transaction in
        it is whole); if that commit fails, the batch is rolled back."""
        self._batch = _Batch(transactions, seconds)
        try:
            yield
        finally:
            self._batch = None
            if self._depth == 0 and self.db.conn.in_transaction:
                try:
                    self.commit()
                except StoreError:
                    self.db.conn.rollback()
                    raise

    def commit_due(self) -> None:
        """Commit the batch if its time is up (a crawl calls this as it waits, so a slow site's pages are not
        held back); never inside a transaction."""
        if self._batch is not None and self._depth == 0 and self._batch.full():
            self.commit()

    def commit(self) -> None:
        """Commit the batch so far (the crawler's claim of a page, before a parse that may end the process)."""
        if self._batch is not None:
            self._batch.count = 0
        if self._depth == 0 and self.db.conn.in_transaction:
            try:
                self.db.conn.execute("COMMIT")
            except sqlite3.OperationalError as error:
                raise StoreError(f"cannot write database {self.path}: {error}") from error

    # ------------------------------------------------------------------ runs

    def start_run(self, command: str, seeds: Iterable[str]) -> int:
        with self.transaction() as db:
            return inserted_id(db, "runs", {"command": command, "seeds": json.dumps(list(seeds)), "started_at": now()})

    def finish_run(self, run_id: int, counts: dict[str, int], exit_code: int) -> None:
        with self.transaction() as db:
            update_row(db, "runs", run_id, {**counts, "finished_at": now(), "exit_code": exit_code})

    # ------------------------------------------------------------------ pages

    def page(self, url: str) -> StoredPage | None:
        return _stored_page(self.db, url)

    def save_page(self, run_id: int, fetched: FetchedPage, record: Record | None = None) -> int:
        """Record one fetch and, with a record, replace the facts that page gave before. Returns pages.id.

        A failed fetch keeps the page's earlier content hash and facts: nothing stored is lost.
        """
        with self.transaction() as db:
            return _save(db, run_id, fetched, record)

    def save_pages(self, run_id: int, pages: Sequence[tuple[FetchedPage, Record | None]]) -> SavedBatch:
        """``save_page`` for many pages in one transaction: for pages that arrive in bulk (a re-parse, a bench).

        If any page fails, the whole batch is rolled back and saved again page by page, each in its own
        transaction, so a bad page loses only itself: it is reported in ``failed``, logged, and its error
        recorded in ``pages.error`` (its earlier facts kept, as for a failed fetch). A database that cannot be
        written at all (full, read-only, locked) raises StoreError; the pages saved before it stay saved.
        """
        try:
            with self.transaction() as db:
                return SavedBatch({fetched.url: _save(db, run_id, fetched, record) for fetched, record in pages}, [])
        except Exception as error:  # whichever page it was, the retry below finds it and says why
            log.info("batch of %d pages rolled back (%s); saving them one by one", len(pages), error)
        saved = SavedBatch({}, [])
        for fetched, record in pages:
            try:
                saved.page_ids[fetched.url] = self.save_page(run_id, fetched, record)
            except StoreError:
                raise
            except Exception as error:  # a bad record loses its page, not the batch
                reason = f"cannot load: {type(error).__name__}: {error}"
                log.info("%s: %s", fetched.url, reason)  # the caller reports it with the run's failures
                saved.failed.append((fetched.url, reason))
                failure = FetchedPage(fetched.url, fetched.kind, fetched.status, error=reason)
                saved.page_ids[fetched.url] = self.save_page(run_id, failure)
        return saved


def _save(db: Database, run_id: int, fetched: FetchedPage, record: Record | None) -> int:
    """One page's writes, inside the caller's transaction."""
    stored = _stored_page(db, fetched.url)
    row: dict[str, Any] = {
        "url": fetched.url,
        "run_id": run_id,
        "error": fetched.error,
        "status": fetched.status,
    }
    observed_at = now()
    if fetched.error is None or stored is None:
        row.update(
            kind=fetched.kind,
            fetched_at=observed_at,
            content_hash=fetched.content_hash,
            content_type=fetched.content_type,
            etag=fetched.etag,
            last_modified=fetched.last_modified,
            captured_at=fetched.captured_at,
            archive_url=fetched.archive_url,
        )
    if record is not None:
        row["kind"] = record.kind
        if isinstance(record, ReviewPage):
            row.update(layout=record.list_shape, missing=None)
        else:
            missing = record.missing if isinstance(record, FilmPage) else ()
            row.update(layout=record.layout, missing=json.dumps(list(missing)))
    if stored is None:
        page_id = inserted_id(db, "pages", row)
    else:
        page_id = stored.id
        update_row(db, "pages", page_id, row)
    if isinstance(record, FilmPage):
        load_film_page(db, page_id, record, replacing=stored is not None)
    elif isinstance(record, ReviewPage):
        # an archived list's state holds from its capture: history is by what the page said when
        _load_review_page(db, page_id, run_id, fetched.captured_at or observed_at, fetched.url, record)
    elif isinstance(record, SearchPage):
        save_search_page(db, page_id, record)
    if record is not None:
        count_page(db, run_id, record)
    return page_id


def _stored_page(db: Database, url: str) -> StoredPage | None:
    row = db.conn.execute(
        "select id, url, content_hash, etag, last_modified, error from pages where url = ?", [url]
    ).fetchone()
    return StoredPage(*row) if row else None


# ---------------------------------------------------------------------- lists


def _load_review_page(db: Database, page_id: int, run_id: int, observed_at: str, url: str, record: ReviewPage) -> None:
    article = record.article
    columns = {
        "url": url,
        "title": article.title,
        "site": article.site,
        "author": article.author,
        "published": article.published,
        "modified": article.modified,
        "canonical_url": article.canonical_url,
        "language": article.language,
        "count_promised": record.count_promised,
        "list_shape": record.list_shape,
        "confidence": record.confidence,
        "warnings": json.dumps(list(record.warnings)),
        "page_id": page_id,
    }
    existing = db.conn.execute("select id from articles where url = ?", [url]).fetchone()
    if existing:
        article_id = int(existing[0])
        update_row(db, "articles", article_id, columns)
        db.conn.execute("delete from watch_links where article_id = ? and page_id = ?", [article_id, page_id])
    else:
        article_id = inserted_id(db, "articles", columns)
    positioned = list(enumerate(record.entries, start=1))
    linked = [(position, entry, _imdb_id_of(entry.title_url)) for position, entry in positioned]
    films = film_ids(db, ((imdb_id, entry.title, entry.year) for _, entry, imdb_id in linked if imdb_id))
    rows = [
        _ranking_row(article_id, page_id, position, entry, films[imdb_id] if imdb_id else None)
        for position, entry, imdb_id in linked
    ]
    apply_list(db, article_id, run_id, observed_at, rows)
    insert_hashed(
        db,
        "watch_links",
        [
            {"article_id": article_id, "position": position, "rank": entry.rank, "page_id": page_id, **columns_of(link)}
            for position, entry in positioned
            for link in entry.links
        ],
    )


# A list links the same films again and again; the URL's parse (urlsplit, a regex) is the costly part.
_imdb_id_of = lru_cache(maxsize=100_000)(imdb_id_in)


def _ranking_row(article_id: int, page_id: int, position: int, entry: RankedEntry, film: int | None) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "position": position,
        "rank": entry.rank,
        "film_id": film,
        "resolved_by": "link" if film is not None else None,
        "resolution_score": 1.0 if film is not None else None,
        "title": entry.title,
        "year": entry.year,
        "year_end": entry.year_end,
        "type": entry.type,
        "blurb": entry.blurb,
        "title_url": entry.title_url,
        "attributes": json.dumps(dict(entry.attributes), ensure_ascii=False) if entry.attributes else "{}",
        "notes": json.dumps(list(entry.notes), ensure_ascii=False) if entry.notes else "[]",
        "rank_inferred": int(entry.rank_inferred),
        "page_id": page_id,
    }
