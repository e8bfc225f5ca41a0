"""Every real page of ``../shared/fixtures/real`` parsed and loaded into one database, as a crawl would."""

from __future__ import annotations

import json

import pytest

import parsers
from db import FetchedPage, Store
from parsers.detect import imdb_id_in
from tests.conftest import GOLD, REAL, require_shared

Loaded = tuple[Store, list[tuple[str, parsers.Record]]]


def real_records() -> list[tuple[str, parsers.Record]]:
    """(url, record) of every real page the parsers read; the gold file's URL where there is one."""
    records = []
    for path in sorted(REAL.glob("*/*.html")):
        gold = GOLD / path.parent.name / (path.stem + ".json")
        url = json.loads(gold.read_text(encoding="utf-8")).get("url") if gold.is_file() else None
        try:
            record = parsers.parse(path.read_bytes(), url=url)
        except parsers.UnknownPage:
            continue
        # Several fixtures are the same URL saved at different times: each is its own page here.
        records.append((f"{url or 'file:///' + path.parent.name}#{path.stem}", record))
    return records


def load_all(store: Store, records: list[tuple[str, parsers.Record]]) -> None:
    run = store.start_run("test", [])
    for number, (url, record) in enumerate(records):
        store.save_page(run, FetchedPage(url, record.kind, 200, f"hash-{number}"), record)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Loaded:
    require_shared()
    records = real_records()
    store = Store(tmp_path_factory.mktemp("real") / "real.db")
    load_all(store, records)
    return store, records


def snapshot(store: Store) -> dict[str, list[tuple]]:
    """Every row but bookkeeping's and the search index's internals.

    Two title pages of one film (two layouts of the same URL) both write its columns, the later winning; loaded
    again, the row ends as it was, but the search index has re-indexed it in between (its segments differ).
    """
    skip = ("runs", "parse_stats", "pages", "_sqlite_migrations")
    tables = [t for t in store.db.table_names() if t not in skip and "_fts" not in t]
    return {t: sorted(store.db.execute(f"select * from [{t}]").fetchall(), key=repr) for t in tables}


def test_every_page_is_stored_with_its_kind_and_layout(loaded):
    store, records = loaded
    assert len(records) > 150
    stored = store.db.execute("select kind, count(*) from pages group by kind").fetchall()
    expected: dict[str, int] = {}
    for _, record in records:
        expected[record.kind] = expected.get(record.kind, 0) + 1
    assert dict(stored) == expected
    assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_one_film_row_per_imdb_id_however_many_pages_name_it(loaded):
    store, records = loaded
    named = {r.imdb_id for _, r in records if isinstance(r, parsers.FilmPage) and r.imdb_id}
    linked = {
        imdb_id_in(e.title_url)
        for _, r in records
        if isinstance(r, parsers.ReviewPage)
        for e in r.entries
        if imdb_id_in(e.title_url)
    }
    films = [row[0] for row in store.db.execute("select imdb_id from films where imdb_id is not null")]
    assert sorted(films) == sorted(named | linked)


def test_the_views_cover_every_entry_and_film(loaded):
    store, _ = loaded
    count = store.db.execute
    assert count("select count(*) from ranked_films").fetchone() == count("select count(*) from rankings").fetchone()
    assert count("select count(*) from film_overview").fetchone() == count("select count(*) from films").fetchone()
    assert count("select count(*) from film_facts").fetchone() == count("select count(*) from films").fetchone()
    assert (
        count("select count(*) from first_releases").fetchone()
        == count("select count(*) from (select distinct film_id, country from release_dates)").fetchone()
    )
    assert (
        count("select count(*) from rankings where film_id is null").fetchone()
        == count("select count(*) from unresolved_entries").fetchone()
    )
    for table in ("films", "rankings", "keywords"):
        count(f"insert into {table}_fts({table}_fts) values('integrity-check')")


def test_loading_everything_again_changes_no_row(loaded):
    store, records = loaded
    before = snapshot(store)
    load_all(store, records)
    assert snapshot(store) == before


def test_every_json_column_of_the_views_is_valid_json(loaded):
    store, _ = loaded
    for column in ("countries", "companies", "genres", "keywords", "watch_links"):
        for (value,) in store.db.execute(f"select {column} from ranked_films where {column} is not null"):
            assert isinstance(json.loads(value), list)


def test_parse_stats_count_every_parsed_page(loaded):
    store, records = loaded
    pages = dict(
        store.db.execute("select kind, sum(pages) from parse_stats where run_id = 1 and field = 'layout' group by kind")
    )
    expected: dict[str, int] = {}
    for _, record in records:
        expected[record.kind] = expected.get(record.kind, 0) + 1
    assert pages == expected
