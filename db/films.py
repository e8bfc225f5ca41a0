"""Loading a film page (title page or sub-page): the film's row, and the facts that page gives.

A film is one row however many pages mention it (keyed by IMDb id when known).
Its own columns follow the preferred-value rule of db/views.py; every fact row
carries the ``page_id`` that said it, so a re-parsed page replaces exactly its
own facts and two pages that disagree are both kept.
"""

from __future__ import annotations

from sqlite_utils import Database

from parsers.records import FilmPage

from .sql import insert_hashed, insert_rows, inserted_id, name_ids, update_row

_FACT_TABLES = (
    "film_genres",
    "film_keywords",
    "film_companies",
    "film_countries",
    "release_dates",
    "connections",
    "akas",
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
)


def film_id(db: Database, imdb_id: str | None, page_id: int, title: str | None, year: int | None) -> int:
    """The film's row, created as a stub (id, title, year) when this is the first page to mention it."""
    if imdb_id:
        row = db.conn.execute("select id from films where imdb_id = ?", [imdb_id]).fetchone()
    else:  # no id on the page: the film this same page described before, until the resolver merges it
        row = db.conn.execute("select id from films where imdb_id is null and page_id = ?", [page_id]).fetchone()
    if row:
        return int(row[0])
    stub = {"imdb_id": imdb_id, "title": title, "year": year, "page_id": None if imdb_id else page_id}
    return inserted_id(db, "films", stub)


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
    else:  # a sub-page fills what no page gave; the keywords page's count is the full one
        keywords_total = record.keywords_total if record.keywords_total is not None else old["keywords_total"]
        new = {**old, "plot": old["plot"] or record.plot, "keywords_total": keywords_total}
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
    insert_hashed(db, "release_dates", [{**source, **d.to_dict()} for d in record.release_dates or ()])
    insert_hashed(db, "connections", [{**source, **c.to_dict()} for c in record.connections or ()])
    insert_hashed(db, "akas", [{**source, **a.to_dict()} for a in record.akas or ()])
