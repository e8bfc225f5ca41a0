"""Loading a film page (title page or sub-page): the film's row, and the facts that page gives.

A film is one row however many pages mention it (keyed by IMDb id when known).
Its own columns follow the preferred-value rule of db/views.py; every fact row
carries the ``page_id`` that said it, so a re-parsed page replaces exactly its
own facts and two pages that disagree are both kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from parsers.records import FilmPage

from .sql import columns_of, ensure_ids, insert_hashed, insert_rows, inserted_id, name_ids, update_row

_FACT_TABLES = (
    "film_genres",
    "film_keywords",
    "film_companies",
    "film_countries",
    "release_dates",
    "connections",
    "akas",
    "film_credits",
    "film_languages",
)
_FILM_COLUMNS = (
    "title",
    "original_title",
    "year",
    "year_end",
    "title_type",
    "plot",
    "runtime_minutes",
    "keywords_total",
    "cast_total",
)
# Counts whose sub-page lists them all (keywords, full credits): that page's count is the full one.
_FULL_COUNTS = ("keywords_total", "cast_total")
_CREDIT_ROLES = (("director", "directors"), ("writer", "writers"))


def film_id(db: Database, imdb_id: str | None, page_id: int, title: str | None, year: int | None) -> int:
    """The film's row, created as a stub (id, title, year) when this is the first page to mention it."""
    if imdb_id:
        return film_ids(db, [(imdb_id, title, year)])[imdb_id]
    # no id on the page: the film this same page described before, until the resolver merges it
    row = db.conn.execute("select id from films where imdb_id is null and page_id = ?", [page_id]).fetchone()
    if row:
        return int(row[0])
    return inserted_id(db, "films", {"imdb_id": None, "title": title, "year": year, "page_id": page_id})


def film_ids(db: Database, mentions: Iterable[tuple[str, str | None, int | None]]) -> dict[str, int]:
    """IMDb id → the film's row for each (imdb id, title, year) a page mentions; a film not stored yet is
    created as a stub from its first mention."""
    first: dict[str, dict[str, Any]] = {}
    for imdb_id, title, year in mentions:
        first.setdefault(imdb_id, {"imdb_id": imdb_id, "title": title, "year": year})
    return ensure_ids(db, "films", "imdb_id", first)


def _precedence(kind: str | None, layout: str | None) -> int:
    """Whose values a film's own columns keep (the preferred-value rule in db/views.py): higher wins."""
    if kind == "title":
        return 1 if layout == "schema.org" else 3
    return 2 if kind else 0  # a sub-page; a film only a list has mentioned has no source page


def _update_film(db: Database, film: int, page_id: int, record: FilmPage) -> None:
    """Write the film's own columns as the rule says; an unchanged row is not written (nor re-indexed)."""
    *values, source_kind, source_layout = db.conn.execute(
        f"select {', '.join(f'f.{c}' for c in _FILM_COLUMNS)}, f.page_id, p.kind, p.layout "
        "from films f left join pages p on p.id = f.page_id where f.id = ?",
        [film],
    ).fetchone()
    old = dict(zip((*_FILM_COLUMNS, "page_id"), values, strict=True))
    if record.kind == "title":
        if _precedence(source_kind, source_layout) > _precedence(record.kind, record.layout):
            return
        given = {column: value for column in _FILM_COLUMNS if (value := getattr(record, column)) is not None}
        new = {**old, **given, "page_id": page_id}
    else:  # a sub-page fills what no page gave
        counts = {column: value for column in _FULL_COUNTS if (value := getattr(record, column)) is not None}
        new = {**old, "plot": old["plot"] or record.plot, **counts}
    update_row(db, "films", film, {column: value for column, value in new.items() if old[column] != value})


def load_film_page(db: Database, page_id: int, record: FilmPage, replacing: bool) -> None:
    """Load the page's facts; ``replacing``: the page was loaded before, and the facts it gave then go first."""
    film = film_id(db, record.imdb_id, page_id, record.original_title or record.title, record.year)
    _update_film(db, film, page_id, record)
    if replacing:
        for name in _FACT_TABLES:
            db.conn.execute(f"delete from {name} where page_id = ?", [page_id])
    source = {"film_id": film, "page_id": page_id}
    genres = name_ids(db, "genres", record.genres or ())
    insert_rows(db, "film_genres", [{**source, "genre_id": genres[name]} for name in record.genres or ()])
    keywords = name_ids(db, "keywords", record.keywords or ())
    insert_rows(db, "film_keywords", [{**source, "keyword_id": keywords[name]} for name in record.keywords or ()])
    companies = record.companies or ()
    company_ids = name_ids(db, "companies", (company.name for company in companies))
    db.conn.executemany(
        "update companies set imdb_id = ? where id = ? and imdb_id is null",
        [(company.imdb_id, company_ids[company.name]) for company in companies if company.imdb_id],
    )
    insert_rows(
        db,
        "film_companies",
        [{**source, "company_id": company_ids[c.name], "role": c.role, "note": c.note} for c in companies],
    )
    insert_rows(db, "film_countries", [{**source, "country": country} for country in record.countries or ()])
    insert_hashed(db, "release_dates", [{**source, **columns_of(d)} for d in record.release_dates or ()])
    insert_hashed(db, "connections", [{**source, **columns_of(c)} for c in record.connections or ()])
    insert_hashed(db, "akas", [{**source, **columns_of(a)} for a in record.akas or ()])
    insert_rows(db, "film_languages", [{**source, "language": language} for language in record.languages or ()])
    insert_hashed(
        db,
        "film_credits",
        [
            {**source, "role": role, "position": position, **columns_of(person)}
            for role, field in _CREDIT_ROLES
            for position, person in enumerate(getattr(record, field) or (), start=1)
        ],
    )
