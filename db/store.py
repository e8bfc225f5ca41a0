"""Merging parsed records into the database: one transaction per page.

Every fact row carries the ``page_id`` it came from, so a page whose content
changes has exactly its own facts replaced, two pages that disagree are both
kept, and a page whose content did not change is not written at all.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from sqlite_utils import Database
from sqlite_utils.db import Table

from parsers.detect import imdb_id_in
from parsers.records import FilmPage, RankedEntry, Record, ReviewPage

from .schema import ensure_schema


class StoreError(RuntimeError):
    """The database cannot be opened or written; the message is one line for the operator."""


def table(db: Database, name: str) -> Table:
    """A table of the schema (sqlite-utils types ``db[name]`` as table-or-view)."""
    return cast(Table, db[name])


def inserted_id(db: Database, name: str, row: dict[str, Any]) -> int:
    return int(cast(int, table(db, name).insert(row).last_pk))


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
            self.db.execute("PRAGMA foreign_keys = ON")
            ensure_schema(self.db)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot open database {self.path}: {error}") from error

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def _writing(self) -> Iterator[Database]:
        """One transaction; a full disk or a read-only file becomes a StoreError and nothing is half-written."""
        try:
            with self.db.atomic():
                yield self.db
        except sqlite3.OperationalError as error:
            raise StoreError(f"cannot write database {self.path}: {error}") from error

    # ------------------------------------------------------------------ runs

    def start_run(self, command: str, seeds: Iterable[str]) -> int:
        with self._writing() as db:
            return inserted_id(db, "runs", {"command": command, "seeds": json.dumps(list(seeds)), "started_at": now()})

    def finish_run(self, run_id: int, counts: dict[str, int], exit_code: int) -> None:
        with self._writing() as db:
            table(db, "runs").update(run_id, {**counts, "finished_at": now(), "exit_code": exit_code})

    # ------------------------------------------------------------------ pages

    def page(self, url: str) -> StoredPage | None:
        row = self.db.execute(
            "select id, url, content_hash, etag, last_modified, error from pages where url = ?", [url]
        ).fetchone()
        return StoredPage(*row) if row else None

    def save_page(self, run_id: int, fetched: FetchedPage, record: Record | None = None) -> int:
        """Record one fetch and, with a record, replace the facts that page gave before. Returns pages.id.

        A failed fetch keeps the page's earlier content hash and facts: nothing stored is lost.
        """
        with self._writing() as db:
            stored = self.page(fetched.url)
            row: dict[str, Any] = {
                "url": fetched.url,
                "run_id": run_id,
                "error": fetched.error,
                "status": fetched.status,
            }
            if fetched.error is None or stored is None:
                row.update(
                    kind=fetched.kind,
                    fetched_at=now(),
                    content_hash=fetched.content_hash,
                    content_type=fetched.content_type,
                    etag=fetched.etag,
                    last_modified=fetched.last_modified,
                )
            if record is not None:
                row["kind"] = record.kind
                if isinstance(record, FilmPage):
                    row.update(layout=record.layout, missing=json.dumps(list(record.missing)))
                else:
                    row.update(layout=record.list_shape, missing=None)
            if stored is None:
                page_id = inserted_id(db, "pages", row)
            else:
                page_id = stored.id
                table(db, "pages").update(page_id, row)
            if isinstance(record, FilmPage):
                _load_film_page(db, page_id, record)
            elif isinstance(record, ReviewPage):
                _load_review_page(db, page_id, fetched.url, record)
            return page_id


# ---------------------------------------------------------------------- facts

_FACT_TABLES = ("film_genres", "film_keywords", "film_companies", "release_dates", "connections", "akas")


def _film_id(db: Database, imdb_id: str | None, page_id: int, title: str | None, year: int | None) -> int:
    """The film's row, created as a stub (id, title, year) when this is the first page to mention it."""
    if imdb_id:
        row = db.execute("select id from films where imdb_id = ?", [imdb_id]).fetchone()
    else:  # no id on the page: the film this same page described before, until the resolver merges it
        row = db.execute("select id from films where imdb_id is null and page_id = ?", [page_id]).fetchone()
    if row:
        return int(row[0])
    stub = {"imdb_id": imdb_id, "title": title, "year": year, "page_id": None if imdb_id else page_id}
    return inserted_id(db, "films", stub)


def _load_film_page(db: Database, page_id: int, record: FilmPage) -> None:
    film_id = _film_id(db, record.imdb_id, page_id, record.original_title or record.title, record.year)
    if record.kind == "title":
        columns = {
            "title": record.title,
            "original_title": record.original_title,
            "year": record.year,
            "year_end": record.year_end,
            "title_type": record.title_type,
            "plot": record.plot,
            "runtime_minutes": record.runtime_minutes,
            "keywords_total": record.keywords_total,
            "page_id": page_id,
        }
        table(db, "films").update(film_id, {k: v for k, v in columns.items() if v is not None or k == "page_id"})
    elif record.plot or record.keywords_total is not None:
        db.execute(
            "update films set plot = coalesce(plot, ?), keywords_total = coalesce(?, keywords_total) where id = ?",
            [record.plot, record.keywords_total, film_id],
        )
    for name in _FACT_TABLES:
        db.execute(f"delete from {name} where page_id = ?", [page_id])
    source = {"film_id": film_id, "page_id": page_id}
    table(db, "film_genres").insert_all(
        [{**source, "genre_id": table(db, "genres").lookup({"name": name})} for name in record.genres or ()],
        ignore=True,
    )
    table(db, "film_keywords").insert_all(
        [{**source, "keyword_id": table(db, "keywords").lookup({"name": name})} for name in record.keywords or ()],
        ignore=True,
    )
    table(db, "film_companies").insert_all(
        [
            {
                **source,
                "company_id": _company_id(db, company.name, company.imdb_id),
                "role": company.role,
                "note": company.note,
            }
            for company in record.companies or ()
        ],
        ignore=True,
    )
    _insert_hashed(db, "release_dates", [{**source, **d.to_dict()} for d in record.release_dates or ()])
    _insert_hashed(db, "connections", [{**source, **c.to_dict()} for c in record.connections or ()])
    _insert_hashed(db, "akas", [{**source, **a.to_dict()} for a in record.akas or ()])


def _company_id(db: Database, name: str, imdb_id: str | None) -> int:
    company_id = int(cast(int, table(db, "companies").lookup({"name": name})))
    if imdb_id:
        db.execute("update companies set imdb_id = ? where id = ? and imdb_id is null", [imdb_id, company_id])
    return company_id


def _insert_hashed(db: Database, name: str, rows: list[dict[str, Any]]) -> None:
    """Facts with no natural key: the id is a hash of the whole row, so a repeated row is stored once."""
    if rows:
        table(db, name).insert_all(rows, hash_id="id", ignore=True)


def _load_review_page(db: Database, page_id: int, url: str, record: ReviewPage) -> None:
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
        "page_id": page_id,
    }
    existing = db.execute("select id from articles where url = ?", [url]).fetchone()
    if existing:
        article_id = int(existing[0])
        table(db, "articles").update(article_id, columns)
    else:
        article_id = inserted_id(db, "articles", columns)
    db.execute("delete from watch_links where article_id = ? and page_id = ?", [article_id, page_id])
    db.execute("delete from rankings where article_id = ? and page_id = ?", [article_id, page_id])
    positioned = list(enumerate(record.entries, start=1))
    table(db, "rankings").insert_all(
        [_ranking_row(db, article_id, page_id, position, entry) for position, entry in positioned], replace=True
    )
    _insert_hashed(
        db,
        "watch_links",
        [
            {"article_id": article_id, "position": position, "rank": entry.rank, "page_id": page_id, **link.to_dict()}
            for position, entry in positioned
            for link in entry.links
        ],
    )


def _ranking_row(db: Database, article_id: int, page_id: int, position: int, entry: RankedEntry) -> dict[str, Any]:
    imdb_id = imdb_id_in(entry.title_url)
    return {
        "article_id": article_id,
        "position": position,
        "rank": entry.rank,
        "film_id": _film_id(db, imdb_id, page_id, entry.title, entry.year) if imdb_id else None,
        "resolved_by": "link" if imdb_id else None,
        "resolution_score": 1.0 if imdb_id else None,
        "title": entry.title,
        "year": entry.year,
        "year_end": entry.year_end,
        "type": entry.type,
        "blurb": entry.blurb,
        "title_url": entry.title_url,
        "attributes": json.dumps(dict(entry.attributes), ensure_ascii=False),
        "notes": json.dumps(list(entry.notes), ensure_ascii=False),
        "rank_inferred": int(entry.rank_inferred),
        "page_id": page_id,
    }
