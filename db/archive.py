"""The raw archive: every fetched body, compressed and stored once per distinct content, in its own SQLite file.

Kept apart from the analysts' database (``films.db`` → ``films.archive.db``) so that stays small, and so the
archives of several machines can later be merged: a body's key is its sha256, the same everywhere.

    bodies   one row per distinct body: sha256 (hex), size, zlib-compressed bytes
    fetches  one row per response received: url, final_url, status, headers (JSON pairs), fetched_at, run_id,
             body_sha256
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .readonly import connect_read_only
from .store import StoreError, now

_SCHEMA = """
create table if not exists bodies (
    sha256 text primary key,
    size integer not null,
    data blob not null  -- zlib
);
create table if not exists fetches (
    id integer primary key,
    url text not null,
    final_url text not null,
    status integer not null,
    headers text not null,  -- JSON array of [name, value], as received
    fetched_at text not null,
    run_id integer,  -- the run of the database the archive belongs to
    body_sha256 text not null references bodies(sha256)
);
create index if not exists fetches_url on fetches(url, id);
"""
_COMPRESSION_LEVEL = 6  # zlib's default: most of level 9's ratio on HTML at a fraction of its time


@dataclass(frozen=True, slots=True)
class ArchivedFetch:
    """One response as received: the body decoded (no Content-Encoding), the headers as sent."""

    url: str  # as requested (the frontier's canonical URL)
    final_url: str  # after redirects
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    fetched_at: str = ""  # ISO 8601 UTC; empty: now, when put
    run_id: int | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((value for key, value in self.headers if key.lower() == name), None)


def archive_path_for(db_path: Path) -> Path:
    """``films.db`` → ``films.archive.db``, beside it."""
    return db_path.with_name(f"{db_path.stem}.archive{db_path.suffix or '.db'}")


class SqliteArchive:
    """The ``scraper.archive.Archive`` interface on a SQLite file. Each ``put`` is its own committed
    transaction, so a body is on disk before the crawler saves the page it came from."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only:  # export-warc on an archive the user may only read: nothing written (db/readonly.py)
            self.conn = connect_read_only(self.path)
            return
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None)
            self.conn.execute("PRAGMA busy_timeout = 10000")
            self.conn.execute("PRAGMA journal_mode = wal")
            # WAL with NORMAL: a kill -9 loses nothing committed; only a power cut may lose the last bodies
            self.conn.execute("PRAGMA synchronous = normal")
            self.conn.executescript(_SCHEMA)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot open archive {self.path}: {error}") from error

    def close(self) -> None:
        self.conn.close()

    def put(self, fetch: ArchivedFetch) -> str:
        """Store one response; the body only if no identical body is stored yet. Returns its sha256."""
        digest = fetch.sha256
        try:
            with self.conn:
                self.conn.execute("begin")
                self.conn.execute(
                    "insert or ignore into bodies (sha256, size, data) values (?, ?, ?)",
                    [digest, len(fetch.body), zlib.compress(fetch.body, _COMPRESSION_LEVEL)],
                )
                self.conn.execute(
                    "insert into fetches (url, final_url, status, headers, fetched_at, run_id, body_sha256) "
                    "values (?, ?, ?, ?, ?, ?, ?)",
                    [
                        fetch.url,
                        fetch.final_url,
                        fetch.status,
                        json.dumps([list(pair) for pair in fetch.headers], ensure_ascii=False),
                        fetch.fetched_at or now(),
                        fetch.run_id,
                        digest,
                    ],
                )
        except sqlite3.OperationalError as error:
            raise StoreError(f"cannot write archive {self.path}: {error}") from error
        return digest

    def latest(self) -> Iterator[ArchivedFetch]:
        """The most recent 2xx fetch of each URL (what a re-parse can use), in URL order."""
        yield from self._select(
            "where f.id in (select max(id) from fetches where status between 200 and 299 group by url) order by f.url"
        )

    def records(self) -> Iterator[ArchivedFetch]:
        """Every fetch, oldest first."""
        yield from self._select("order by f.id")

    def _select(self, clauses: str) -> Iterator[ArchivedFetch]:
        rows = self.conn.execute(
            "select f.url, f.final_url, f.status, f.headers, b.data, f.fetched_at, f.run_id "
            f"from fetches f join bodies b on b.sha256 = f.body_sha256 {clauses}"
        )
        for url, final_url, status, headers, data, fetched_at, run_id in rows:
            yield ArchivedFetch(
                url,
                final_url,
                status,
                tuple((name, value) for name, value in json.loads(headers)),
                zlib.decompress(data),
                fetched_at,
                run_id,
            )
