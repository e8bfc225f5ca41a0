"""What the archive sources keep in the database: the CDX answers they got, and when each page's loaded
capture was made (a capture no newer than that is not loaded again, so a re-import changes nothing)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from .store import now


@dataclass(frozen=True, slots=True)
class CdxAnswer:
    fetched_at: str  # ISO 8601 UTC: it lists every capture made before this
    rows: list[list[str]]  # as the CDX API gave them, header row first


def cached_cdx(db: Database, query: str) -> CdxAnswer | None:
    row = db.conn.execute("select fetched_at, captures from cdx_queries where query = ?", [query]).fetchone()
    return CdxAnswer(row[0], json.loads(row[1])) if row else None


def cache_cdx(db: Database, query: str, rows: list[list[str]]) -> CdxAnswer:
    answer = CdxAnswer(now(), rows)
    with db.atomic():
        db.conn.execute(
            "insert or replace into cdx_queries (query, fetched_at, captures) values (?, ?, ?)",
            [query, answer.fetched_at, json.dumps(rows, separators=(",", ":"))],
        )
    return answer


def loaded_at(db: Database, url: str) -> str | None:
    """When the content of the page stored at ``url`` was seen: its capture time if it came from an archive,
    else its fetch time; None if no good copy is stored."""
    row = db.conn.execute(
        "select coalesce(captured_at, fetched_at) from pages where url = ? and error is null and content_hash is not null",
        [url],
    ).fetchone()
    return str(row[0]) if row and row[0] else None
