"""The database shape, as data, applied idempotently through sqlite-utils ``Migrations``.

A database made by an older cinescrape is upgraded in place by the
migrations it has not seen; one made by a newer cinescrape (a higher
``PRAGMA user_version``) is refused rather than misread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from sqlite_utils import Database
from sqlite_utils.db import Table
from sqlite_utils.migrations import Migrations

from .fts import ensure_search
from .history import STATE_COLUMNS
from .views import ensure_views

# table → (columns, primary key, foreign keys as (column, other table, other column))
_TableSpec = tuple[dict[str, Any], str | tuple[str, ...], list[tuple[str, str, str]]]
# m001's rankings columns (frozen like every migration); ranking_history copies the state ones.
_RANKING_V1_COLUMNS: dict[str, Any] = {
    "article_id": int,
    "rank": int,
    "film_id": int,
    "title": str,
    "year": int,
    "year_end": int,
    "type": str,
    "blurb": str,
    "title_url": str,
    "attributes": str,  # JSON object
    "notes": str,  # JSON array
    "rank_inferred": int,
    "page_id": int,
}
_TABLES: dict[str, _TableSpec] = {
    "runs": (
        {
            "id": int,
            "command": str,
            "seeds": str,  # JSON array
            "started_at": str,
            "finished_at": str,
            "pages_fetched": int,
            "pages_parsed": int,
            "pages_unchanged": int,
            "pages_failed": int,
            "exit_code": int,
        },
        "id",
        [],
    ),
    "pages": (
        {
            "id": int,
            "url": str,
            "kind": str,
            "status": int,
            "fetched_at": str,
            "content_hash": str,
            "content_type": str,
            "etag": str,
            "last_modified": str,
            "layout": str,
            "missing": str,  # JSON array: fields the layout should carry but were not found
            "error": str,
            "run_id": int,
        },
        "id",
        [("run_id", "runs", "id")],
    ),
    "frontier": (
        {
            "url": str,
            "kind": str,  # the page kind expected, or null to detect
            "status": str,  # pending, done, failed, deferred
            "depth": int,
            "discovered_from": str,
            "attempts": int,
            "not_before": str,  # deferred until (Retry-After)
            "last_error": str,
            "run_id": int,
            "updated_at": str,
        },
        "url",
        [("run_id", "runs", "id")],
    ),
    "films": (
        {
            "id": int,
            "imdb_id": str,
            "title": str,
            "original_title": str,
            "year": int,
            "year_end": int,
            "title_type": str,
            "plot": str,
            "runtime_minutes": int,
            "keywords_total": int,
            "page_id": int,  # the title page the columns come from
        },
        "id",
        [("page_id", "pages", "id")],
    ),
    "articles": (
        {
            "id": int,
            "url": str,
            "title": str,
            "site": str,
            "author": str,
            "published": str,
            "modified": str,
            "canonical_url": str,
            "language": str,
            "count_promised": int,
            "list_shape": str,
            "confidence": float,
            "page_id": int,
        },
        "id",
        [("page_id", "pages", "id")],
    ),
    "rankings": (
        _RANKING_V1_COLUMNS,
        ("article_id", "rank"),
        [("article_id", "articles", "id"), ("film_id", "films", "id"), ("page_id", "pages", "id")],
    ),
    "watch_links": (
        {
            "id": str,
            "article_id": int,
            "rank": int,
            "url": str,
            "provider": str,
            "action": str,
            "text": str,
            "page_id": int,
        },
        "id",
        [("article_id", "articles", "id"), ("page_id", "pages", "id")],
    ),
    "release_dates": (
        {
            "id": str,
            "film_id": int,
            "country": str,
            "date": str,
            "precision": str,
            "note": str,
            "country_name": str,
            "page_id": int,
        },
        "id",
        [("film_id", "films", "id"), ("page_id", "pages", "id")],
    ),
    "companies": ({"id": int, "name": str, "imdb_id": str}, "id", []),
    "film_companies": (
        {"film_id": int, "company_id": int, "role": str, "note": str, "page_id": int},
        ("film_id", "company_id", "role", "page_id"),
        [("film_id", "films", "id"), ("company_id", "companies", "id"), ("page_id", "pages", "id")],
    ),
    "keywords": ({"id": int, "name": str}, "id", []),
    "film_keywords": (
        {"film_id": int, "keyword_id": int, "page_id": int},
        ("film_id", "keyword_id", "page_id"),
        [("film_id", "films", "id"), ("keyword_id", "keywords", "id"), ("page_id", "pages", "id")],
    ),
    "genres": ({"id": int, "name": str}, "id", []),
    "film_genres": (
        {"film_id": int, "genre_id": int, "page_id": int},
        ("film_id", "genre_id", "page_id"),
        [("film_id", "films", "id"), ("genre_id", "genres", "id"), ("page_id", "pages", "id")],
    ),
    "connections": (
        {
            "id": str,
            "film_id": int,
            "relation": str,
            "title": str,
            "year": int,
            "imdb_id": str,
            "note": str,
            "page_id": int,
        },
        "id",
        [("film_id", "films", "id"), ("page_id", "pages", "id")],
    ),
    "akas": (
        {"id": str, "film_id": int, "title": str, "country": str, "note": str, "page_id": int},
        "id",
        [("film_id", "films", "id"), ("page_id", "pages", "id")],
    ),
}
_UNIQUE = {
    "pages": ["url"],
    "films": ["imdb_id"],
    "articles": ["url"],
    "companies": ["name"],
    "keywords": ["name"],
    "genres": ["name"],
}
_NOT_NULL = {
    "pages": {"url"},
    "frontier": {"status"},
    "articles": {"url"},
    "rankings": {"title"},
    "companies": {"name"},
    "keywords": {"name"},
    "genres": {"name"},
    "release_dates": {"film_id", "date", "precision"},
    "film_companies": {"role"},
    "connections": {"film_id", "relation", "title"},
    "akas": {"film_id", "title"},
}

migrations = Migrations("cinescrape")
_MIGRATION_NAMES: list[str] = []


def migration(func: Callable[[Database], None]) -> Callable[[Database], None]:
    """Register a migration; ``PRAGMA user_version`` is how many there are, so none is forgotten."""
    _MIGRATION_NAMES.append(func.__name__)
    return migrations()(func)


def _create(db: Database, tables: dict[str, _TableSpec]) -> None:
    for name, (columns, pk, foreign_keys) in tables.items():
        table = cast(Table, db[name])
        table.create(
            columns,
            pk=pk,
            foreign_keys=foreign_keys,
            not_null=_NOT_NULL.get(name, set()),
            if_not_exists=True,
        )
        for column in _UNIQUE.get(name, []):
            table.create_index([column], unique=True, if_not_exists=True)
        # SQLite does not index foreign keys itself; joins and deletes by page need them.
        for column, _, _ in foreign_keys:
            if column not in (pk if isinstance(pk, tuple) else (pk,))[:1]:
                table.create_index([column], if_not_exists=True)


@migration
def m001_initial(db: Database) -> None:
    _create(db, _TABLES)
    cast(Table, db["frontier"]).create_index(["status"], if_not_exists=True)


@migration
def m002_ranking_positions(db: Database) -> None:
    """Entries are keyed by their position in the list, so tied ranks ("3. (tie)") are two rows, not one.

    Also the columns the resolver fills: how an entry was matched to a film, and how sure it was.
    """
    rankings = cast(Table, db["rankings"])
    for column, kind in (("position", int), ("resolved_by", str), ("resolution_score", float)):
        rankings.add_column(column, kind)
    rankings.add_column("resolution_note", str)  # why an entry stays unresolved, e.g. the ambiguous candidates
    # v1 kept one row per rank, inserted in list order: number them in that order.
    db.execute(
        "update rankings set position = (select count(*) from rankings earlier "
        "where earlier.article_id = rankings.article_id and earlier.rowid <= rankings.rowid)"
    )
    rankings.transform(pk=("article_id", "position"), not_null={"position"})
    watch_links = cast(Table, db["watch_links"])
    watch_links.add_column("position", int)
    db.execute(
        "update watch_links set position = (select position from rankings r "
        "where r.article_id = watch_links.article_id and r.rank = watch_links.rank)"
    )
    watch_links.create_index(["article_id", "position"], if_not_exists=True)


@migration
def m003a_ranking_history(db: Database) -> None:
    """Every state an entry of a list has had, with the span it held (see db/history.py).

    Entries already stored open their history at the fetch of the page that gave them.
    """
    state = {column: _RANKING_V1_COLUMNS[column] for column in STATE_COLUMNS}
    _create(
        db,
        {
            "ranking_history": (
                {
                    "id": int,
                    "article_id": int,
                    "position": int,
                    **state,
                    "valid_from": str,
                    "valid_to": str,  # null while it is the current state
                    "run_id": int,  # the run that first saw this state
                    "page_id": int,
                },
                "id",
                [("article_id", "articles", "id"), ("run_id", "runs", "id"), ("page_id", "pages", "id")],
            )
        },
    )
    cast(Table, db["ranking_history"]).create_index(["article_id", "position", "valid_to"], if_not_exists=True)
    columns = ", ".join(STATE_COLUMNS)
    db.execute(
        f"insert into ranking_history (article_id, position, {columns}, valid_from, run_id, page_id) "
        f"select r.article_id, r.position, {', '.join(f'r.{c}' for c in STATE_COLUMNS)}, "
        "coalesce(p.fetched_at, ''), p.run_id, r.page_id from rankings r left join pages p on p.id = r.page_id"
    )


@migration
def m003b_parse_stats_and_countries(db: Database) -> None:
    """Parse health per run (db/health.py), and the production countries title pages give."""
    _create(
        db,
        {
            "parse_stats": (
                {"run_id": int, "kind": str, "layout": str, "field": str, "pages": int, "found": int},
                ("run_id", "kind", "layout", "field"),
                [("run_id", "runs", "id")],
            ),
            "film_countries": (
                {"film_id": int, "country": str, "page_id": int},
                ("film_id", "country", "page_id"),
                [("film_id", "films", "id"), ("page_id", "pages", "id")],
            ),
        },
    )


@migration
def m004_film_resolution(db: Database) -> None:
    """What the resolver (db/resolve.py) reads and remembers: the metadata site's search pages and their
    results, its decisions by title key and year, and the imported IMDb datasets (db/imdb_datasets.py).

    The datasets' indexes are created by each import, after the rows are in: that is what makes it fast.
    """
    _create(
        db,
        {
            "searches": (
                {"page_id": int, "query": str, "query_key": str, "results": int},
                "page_id",
                [("page_id", "pages", "id")],
            ),
            "search_results": (
                {
                    "page_id": int,
                    "position": int,
                    "query": str,
                    "imdb_id": str,
                    "title": str,
                    "year": int,
                    "title_type": str,
                },
                ("page_id", "position"),
                [("page_id", "pages", "id")],
            ),
            "resolutions": (
                {
                    "key": str,  # title key | year: one decision per spelling of a title
                    "title_key": str,
                    "year": int,
                    "film_id": int,  # null: unresolved (note says why)
                    "method": str,
                    "score": float,
                    "note": str,
                    "evidence": str,  # what the decision saw; an unresolved one is retried when it changes
                },
                "key",
                [("film_id", "films", "id")],
            ),
            "imdb_titles": (
                {
                    "id": int,  # the number of the tconst: a rowid key keeps 10 million rows small and fast
                    "imdb_id": str,
                    "title_type": str,
                    "primary_title": str,
                    "original_title": str,
                    "is_adult": int,
                    "start_year": int,
                    "end_year": int,
                    "runtime_minutes": int,
                    "genres": str,
                    "title_key": str,
                    "original_key": str,  # null where it equals title_key
                },
                "id",
                [],
            ),
            "imdb_akas": (
                {
                    "title_id": int,
                    "ordering": int,
                    "title": str,
                    "region": str,
                    "language": str,
                    "types": str,
                    "attributes": str,
                    "is_original_title": int,
                    "title_key": str,
                },
                ("title_id", "ordering"),
                [],
            ),
            "imdb_datasets": (
                {"name": str, "path": str, "rows": int, "imported_at": str},
                "name",
                [],
            ),
        },
    )
    cast(Table, db["searches"]).create_index(["query_key"], if_not_exists=True)


@migration
def m005_credits_and_languages(db: Database) -> None:
    """Facts the parsers gave that were not stored: directors and writers (``film_credits``, in the page's
    order), spoken languages (``film_languages``), and how many cast rows the full credits list
    (``films.cast_total``). Each fact row keeps its ``page_id``. A database upgraded gets them as its film
    pages are loaded again (``cinescrape reparse`` does it from the archive)."""
    _create(
        db,
        {
            "film_credits": (
                {
                    "id": str,  # a hash of the row, as for release dates
                    "film_id": int,
                    "role": str,  # director, writer
                    "position": int,  # order on the page, from 1 per role
                    "name": str,
                    "imdb_id": str,  # nm… where the page links the person
                    "note": str,  # "(screenplay)", "(as …)", episodes
                    "page_id": int,
                },
                "id",
                [("film_id", "films", "id"), ("page_id", "pages", "id")],
            ),
            "film_languages": (
                {"film_id": int, "language": str, "page_id": int},
                ("film_id", "language", "page_id"),
                [("film_id", "films", "id"), ("page_id", "pages", "id")],
            ),
        },
    )
    cast(Table, db["films"]).add_column("cast_total", int)


@migration
def m006_frontier_children_index(db: Database) -> None:
    """An unchanged page requeues the pages it led to (``discovered_from``): looked up on every such page."""
    cast(Table, db["frontier"]).create_index(["discovered_from"], if_not_exists=True)


@migration
def m007_frontier_failures(db: Database) -> None:
    """Failed visits in a row per URL: after ``db.frontier.PARK_AFTER_FAILURES`` the URL is parked (retried
    ever more rarely) rather than tried, and failed, on every run."""
    cast(Table, db["frontier"]).add_column("failures", int, not_null_default=0)


@migration
def m008_archived_pages(db: Database) -> None:
    """Pages read from a web archive (the Wayback Machine, WARC files): when the archive captured each
    (``pages.captured_at``) and where its bytes came from (``pages.archive_url``); and the archive's CDX answers,
    kept so a later run asks again only for captures newer than the answer (``cdx_queries``)."""
    pages = cast(Table, db["pages"])
    for column in ("captured_at", "archive_url"):
        pages.add_column(column, str)
    _create(
        db,
        {
            "cdx_queries": (
                {"query": str, "fetched_at": str, "captures": str},  # captures: JSON array of CDX rows
                "query",
                [],
            )
        },
    )


@migration
def m009_article_warnings(db: Database) -> None:
    """Why an article gives no list, or what is doubtful in the one it gives (``articles.warnings``, a JSON array:
    "no list given: the likeliest one … has confidence 0.61", "title promises 10 entries, found 9"). Articles
    stored before it hold null until their pages are parsed again (``cinescrape reparse``)."""
    cast(Table, db["articles"]).add_column("warnings", str)


def schema_version() -> int:
    return len(_MIGRATION_NAMES)


class NewerDatabase(RuntimeError):
    """The database was written by a newer cinescrape than this one."""


def ensure_schema(db: Database) -> None:
    """Create or upgrade the schema; refuse a database from a newer version."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > schema_version():
        raise NewerDatabase(
            f"{db.conn.execute('PRAGMA database_list').fetchone()[2] or 'the database'} has schema version "
            f"{version}; this cinescrape knows up to {schema_version()}: upgrade cinescrape"
        )
    migrations.apply(db)
    if version != schema_version():
        db.execute(f"PRAGMA user_version = {schema_version()}")
    # Views and search indexes are derived, not data: brought in line with the code on every open.
    with db.atomic():
        ensure_views(db)
        ensure_search(db)


# m005's tables: what may not be null (_create reads this table's entry).
_NOT_NULL.update(film_credits={"film_id", "role", "name"}, film_languages={"film_id", "language"})
