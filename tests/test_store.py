"""The loader: merging, provenance, idempotence, nothing lost on failure, schema versions."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database
from sqlite_utils.utils import hash_record

from db import FetchedPage, NewerDatabase, Store, StoreError
from db.schema import migrations, schema_version
from db.sql import hash_id
from parsers.records import (
    Article,
    Company,
    Connection,
    FilmPage,
    Person,
    RankedEntry,
    ReleaseDate,
    ReviewPage,
    WatchLink,
)

ARTICLE_URL = "http://blog.example/top-docs/"
TITLE_URL = "http://films.example/title/tt99900010/"

TITLE = FilmPage(
    kind="title",
    url=TITLE_URL,
    layout="main-2011",
    imdb_id="tt99900010",
    title="Inside North Korea",
    year=2007,
    genres=("Documentary", "History"),
    keywords=("defector", "megaphone"),
    keywords_total=28,
    release_dates=(ReleaseDate("2007-02-27", "day", "US", None, "USA"),),
    companies=(Company("National Geographic Television"), Company("Pangloss Films")),
    connections=(Connection("features", "North Korea: A Day in the Life", 2004, "tt99900099"),),
)
REVIEW = ReviewPage(
    url=ARTICLE_URL,
    article=Article(title="The 10 most interesting documentaries about North Korea", site="Cinema Escapist"),
    entries=(
        RankedEntry(
            10,
            "Inside North Korea",
            2007,
            type="Informative",
            title_url=TITLE_URL,
            links=(WatchLink("https://www.amazon.com/s?k=x", "amazon", "stream", "Stream on Amazon"),),
        ),
        RankedEntry(5, "The Red Chapel", None, type="Humorous"),
    ),
)


def dump(store: Store) -> dict[str, list[tuple]]:
    """Every data table, every row (per-run bookkeeping tables aside)."""
    bookkeeping = ("runs", "frontier", "parse_stats", "_sqlite_migrations")
    tables = [t for t in store.db.table_names() if t not in bookkeeping]
    return {t: sorted(store.db.execute(f"select * from [{t}]").fetchall(), key=repr) for t in tables}


def load(store: Store, record, url: str, content_hash: str = "h1") -> int:
    run = store.start_run("test", [url])
    return store.save_page(run, FetchedPage(url, record.kind, 200, content_hash), record)


def test_a_film_mentioned_by_a_list_and_its_title_page_is_one_row(store):
    load(store, REVIEW, ARTICLE_URL)
    load(store, TITLE, TITLE_URL)
    films = store.db.execute("select imdb_id, title, year from films").fetchall()
    assert films == [("tt99900010", "Inside North Korea", 2007)]
    ranked = store.db.execute("select rank, film_id is not null, title, type from rankings order by rank").fetchall()
    assert ranked == [(5, 0, "The Red Chapel", "Humorous"), (10, 1, "Inside North Korea", "Informative")]


def test_every_fact_is_stored_with_its_source_page(store):
    page_id = load(store, TITLE, TITLE_URL)
    rows = store.db.execute(
        "select c.name, fc.role, fc.page_id from film_companies fc join companies c on c.id = fc.company_id order by 1"
    ).fetchall()
    assert rows == [
        ("National Geographic Television", "production", page_id),
        ("Pangloss Films", "production", page_id),
    ]
    assert store.db.execute("select country, date, precision, page_id from release_dates").fetchall() == [
        ("US", "2007-02-27", "day", page_id)
    ]
    assert store.db.execute("select relation, title, year, imdb_id from connections").fetchall() == [
        ("features", "North Korea: A Day in the Life", 2004, "tt99900099")
    ]
    assert store.db.execute("select provider, action, rank from watch_links").fetchall() == []


def test_loading_the_same_records_again_changes_no_row(store):
    load(store, REVIEW, ARTICLE_URL)
    load(store, TITLE, TITLE_URL)
    before = dump(store)
    load(store, REVIEW, ARTICLE_URL)
    load(store, TITLE, TITLE_URL)
    after = dump(store)
    assert {k: v for k, v in after.items() if k != "pages"} == {k: v for k, v in before.items() if k != "pages"}
    assert len(after["pages"]) == len(before["pages"]) == 2


def test_a_changed_page_replaces_only_its_own_facts(store):
    other = FilmPage(
        kind="releaseinfo",
        url=TITLE_URL + "releaseinfo",
        layout="2014",
        imdb_id="tt99900010",
        release_dates=(ReleaseDate("2007-02-26", "day", "US"),),
    )
    load(store, TITLE, TITLE_URL)
    load(store, other, other.url)
    changed = FilmPage(**{**{f: getattr(TITLE, f) for f in TITLE.__dataclass_fields__}, "genres": ("Documentary",)})
    load(store, changed, TITLE_URL, content_hash="h2")
    genres = store.db.execute("select g.name from film_genres fg join genres g on g.id = fg.genre_id").fetchall()
    assert genres == [("Documentary",)]
    # both sources of the disagreeing release date are kept
    assert sorted(store.db.execute("select date from release_dates").fetchall()) == [("2007-02-26",), ("2007-02-27",)]


def test_a_failed_fetch_keeps_what_the_page_gave_before(store):
    load(store, TITLE, TITLE_URL)
    run = store.start_run("test", [])
    store.save_page(run, FetchedPage(TITLE_URL, "title", 503, error="HTTP 503 (gave up after 4 attempts)"))
    page = store.page(TITLE_URL)
    assert page is not None and page.content_hash == "h1" and page.error.startswith("HTTP 503")
    assert store.db.execute("select count(*) from film_genres").fetchone()[0] == 2


def test_a_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "newer.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 999")
    with pytest.raises(NewerDatabase, match="schema version 999"):
        Store(path)


def test_reopening_an_existing_database_keeps_its_rows(tmp_path):
    path = tmp_path / "again.db"
    first = Store(path)
    load(first, TITLE, TITLE_URL)
    first.close()
    assert Store(path).db.execute("select count(*) from films").fetchone()[0] == 1


def test_foreign_keys_hold(store):
    load(store, REVIEW, ARTICLE_URL)
    load(store, TITLE, TITLE_URL)
    assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_version_1_database_is_upgraded_in_place_and_tied_ranks_become_two_rows(tmp_path):
    path = tmp_path / "v1.db"
    old = Database(path)
    migrations.apply(old, stop_before="m002_ranking_positions")
    old.execute("PRAGMA user_version = 1")
    old["runs"].insert({"id": 1, "command": "crawl"})
    old["pages"].insert({"id": 1, "url": ARTICLE_URL, "run_id": 1})
    old["articles"].insert({"id": 1, "url": ARTICLE_URL, "page_id": 1})
    old["rankings"].insert_all(
        [{"article_id": 1, "rank": rank, "title": f"Film {rank}", "page_id": 1} for rank in (10, 9, 8)]
    )
    old["watch_links"].insert({"id": "w", "article_id": 1, "rank": 9, "url": "https://x", "page_id": 1})
    old.close()

    store = Store(path)
    rows = store.db.execute("select position, rank, title from rankings order by position").fetchall()
    assert rows == [(1, 10, "Film 10"), (2, 9, "Film 9"), (3, 8, "Film 8")]
    assert store.db.execute("select position from watch_links").fetchall() == [(2,)]
    tied = ReviewPage(
        url=ARTICLE_URL, article=REVIEW.article, entries=(RankedEntry(3, "A", 2001), RankedEntry(3, "B", 2002))
    )
    load(store, tied, ARTICLE_URL, content_hash="tied")
    assert store.db.execute("select position, rank, title from rankings order by position").fetchall() == [
        (1, 3, "A"),
        (2, 3, "B"),
    ]


def test_an_article_keeps_the_parsers_warnings_and_an_older_database_gets_their_column(tmp_path):
    path = tmp_path / "v9.db"
    old = Database(path)
    migrations.apply(old, stop_before="m009_article_warnings")
    old.execute("PRAGMA user_version = 9")
    old["articles"].insert({"id": 1, "url": "http://blog.example/old/", "page_id": None})
    old.close()
    store = Store(path)
    withheld = ReviewPage(
        url=ARTICLE_URL,
        article=REVIEW.article,
        warnings=("no list given: the likeliest one (records, 7 entries) has confidence 0.61",),
    )
    load(store, withheld, ARTICLE_URL)
    assert store.db.execute("select url, warnings from articles order by id").fetchall() == [
        ("http://blog.example/old/", None),
        (ARTICLE_URL, '["no list given: the likeliest one (records, 7 entries) has confidence 0.61"]'),
    ]
    load(store, REVIEW, ARTICLE_URL, content_hash="h2")  # the page, changed, gives its list
    assert store.db.execute("select warnings from articles where url = ?", [ARTICLE_URL]).fetchall() == [("[]",)]


# ---------------------------------------------------------------------- bad input


def test_a_record_with_missing_fields_loads_what_it_has(store):
    bare = FilmPage(kind="title", url=TITLE_URL, layout="unknown", imdb_id="tt99900010", missing=("title", "year"))
    page_id = load(store, bare, TITLE_URL)
    assert store.db.execute("select imdb_id, title, year, page_id from films").fetchall() == [
        ("tt99900010", None, None, page_id)
    ]
    assert store.db.execute("select layout, missing from pages").fetchall() == [("unknown", '["title", "year"]')]
    assert store.db.execute("select count(*) from release_dates").fetchone()[0] == 0
    load(store, TITLE, TITLE_URL, content_hash="h2")  # the page, fixed, fills the film in
    assert store.db.execute("select imdb_id, title, year from films").fetchall() == [
        ("tt99900010", "Inside North Korea", 2007)
    ]


def test_a_record_that_contradicts_the_database_is_kept_as_a_second_source(store):
    load(store, TITLE, TITLE_URL)
    other = FilmPage(
        kind="title",
        url="http://other.example/inside-north-korea",
        layout="schema.org",
        source="other.example",
        imdb_id="tt99900010",
        title="Inside N. Korea",
        year=2006,
        genres=("Reality-TV",),
        release_dates=(ReleaseDate("2007-02-26", "day", "US"),),
    )
    other_id = load(store, other, other.url)
    assert store.db.execute("select title, year from films").fetchall() == [("Inside North Korea", 2007)]
    assert sorted(store.db.execute("select date, page_id = ? from release_dates", [other_id]).fetchall()) == [
        ("2007-02-26", 1),
        ("2007-02-27", 0),
    ]
    genres = store.db.execute(
        "select g.name, fg.page_id = ? from film_genres fg join genres g on g.id = fg.genre_id order by 1", [other_id]
    ).fetchall()
    assert genres == [("Documentary", 0), ("History", 0), ("Reality-TV", 1)]


def test_a_full_disk_gives_a_store_error_and_leaves_the_database_as_it_was(store):
    load(store, REVIEW, ARTICLE_URL)
    before = dump(store)
    pages_used = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages_used}")
    many = FilmPage(
        **{
            **{f: getattr(TITLE, f) for f in TITLE.__dataclass_fields__},
            "keywords": tuple(f"k{n}" * 50 for n in range(2000)),
        }
    )
    run = store.db.execute("select max(id) from runs").fetchone()[0]
    with pytest.raises(StoreError, match=r"cannot write database .*cinescrape\.db: database or disk is full"):
        store.save_page(run, FetchedPage(TITLE_URL, "title", 200, "h9"), many)
    assert dump(store) == before


def test_a_read_only_database_gives_a_store_error_and_is_left_as_it_was(store):
    load(store, REVIEW, ARTICLE_URL)
    before = dump(store)
    # What SQLite answers for a file it may not write (the tests run as root, which chmod cannot stop).
    run = store.db.execute("select max(id) from runs").fetchone()[0]
    store.db.execute("PRAGMA query_only = ON")
    with pytest.raises(StoreError, match=r"cannot write database .*: attempt to write a readonly database"):
        store.save_page(run, FetchedPage(TITLE_URL, "title", 200, "h9"), TITLE)
    store.db.execute("PRAGMA query_only = OFF")
    assert dump(store) == before


# ---------------------------------------------------------------------- credits, languages (m005)

CREDITED = FilmPage(
    **{
        **{f: getattr(TITLE, f) for f in TITLE.__dataclass_fields__},
        "directors": (Person("Peter Yost", "nm0949287"),),
        "writers": (Person("Lisa Ling", None, "(narration)"), Person("Peter Yost")),
        "languages": ("English", "Korean"),
    }
)
FULLCREDITS = FilmPage(
    kind="fullcredits",
    url=TITLE_URL + "fullcredits",
    layout="2014",
    imdb_id="tt99900010",
    directors=(Person("Peter Yost", "nm0949287"), Person("Chris Weber")),
    cast_total=12,
)


def test_directors_writers_languages_and_cast_total_are_stored_with_their_page(store):
    title_id = load(store, CREDITED, TITLE_URL)
    credits_id = load(store, FULLCREDITS, FULLCREDITS.url)
    assert store.db.execute(
        "select role, position, name, imdb_id, note, page_id from film_credits order by page_id, role, position"
    ).fetchall() == [
        ("director", 1, "Peter Yost", "nm0949287", None, title_id),
        ("writer", 1, "Lisa Ling", None, "(narration)", title_id),
        ("writer", 2, "Peter Yost", None, None, title_id),
        ("director", 1, "Peter Yost", "nm0949287", None, credits_id),
        ("director", 2, "Chris Weber", None, None, credits_id),
    ]
    assert store.db.execute("select language, page_id from film_languages order by 1").fetchall() == [
        ("English", title_id),
        ("Korean", title_id),
    ]
    # the full credits page counts the whole cast; the film's row keeps the title page as its source
    assert store.db.execute("select cast_total, page_id from films").fetchall() == [(12, title_id)]


def test_a_changed_page_replaces_exactly_its_own_credits(store):
    load(store, CREDITED, TITLE_URL)
    credits_id = load(store, FULLCREDITS, FULLCREDITS.url)
    fewer = FilmPage(**{**{f: getattr(CREDITED, f) for f in CREDITED.__dataclass_fields__}, "writers": ()})
    load(store, fewer, TITLE_URL, content_hash="h2")
    assert store.db.execute(
        "select role, name, page_id = ? from film_credits order by 1, 2, 3", [credits_id]
    ).fetchall() == [
        ("director", "Chris Weber", 1),
        ("director", "Peter Yost", 0),
        ("director", "Peter Yost", 1),
    ]


def test_a_version_5_database_gets_the_credit_tables_and_keeps_its_rows(tmp_path):
    path = tmp_path / "v5.db"
    old = Database(path)
    migrations.apply(old, stop_before="m005_credits_and_languages")
    old.execute("PRAGMA user_version = 5")  # m001 … m004, m003 in two
    old["films"].insert({"id": 1, "imdb_id": "tt99900010", "title": "Inside North Korea"})
    old.close()
    store = Store(path)
    assert store.db.execute("PRAGMA user_version").fetchone() == (schema_version(),)
    assert store.db.execute("select imdb_id, title, cast_total from films").fetchall() == [
        ("tt99900010", "Inside North Korea", None)
    ]
    load(store, CREDITED, TITLE_URL)
    assert store.db.execute("select film_id, name from film_credits where role = 'director'").fetchall() == [
        (1, "Peter Yost")
    ]


def test_fact_ids_are_sqlite_utils_hash_ids_so_older_databases_keep_matching():
    rows = [
        {"film_id": 1, "date": "2007-02-27", "precision": "day", "country": "US", "note": None, "page_id": 3},
        {"film_id": 2, "title": "Pyŏngyang “Dreams”", "year": 2004, "score": 0.5, "page_id": 7},
    ]
    assert [hash_id(row) for row in rows] == [hash_record(row) for row in rows]


def test_the_schema_version_counts_every_migration_and_the_frontier_finds_children_by_index(store):
    assert store.db.execute("PRAGMA user_version").fetchone() == (10,)
    plan = store.db.execute(
        "explain query plan select url from frontier where discovered_from = ?", ["http://blog.example/"]
    ).fetchall()
    assert "idx_frontier_discovered_from" in " ".join(str(step) for step in plan)
