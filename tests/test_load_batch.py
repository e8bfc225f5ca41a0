"""Loading pages in batches (``Store.save_pages``): one transaction per batch, and what one bad page costs."""

from __future__ import annotations

import logging

import pytest

from db import FetchedPage, Store, StoreError
from parsers.records import FilmPage, RankedEntry, ReviewPage
from tests.test_store import ARTICLE_URL, REVIEW, TITLE, TITLE_URL, dump

OTHER_URL = "http://films.example/title/tt99900005/"
OTHER = FilmPage(
    kind="title", url=OTHER_URL, layout="main-2011", imdb_id="tt99900005", title="The Red Chapel", year=2009
)
# An entry with no title: the database refuses the row (rankings.title is not null).
BROKEN = ReviewPage(
    url=ARTICLE_URL,
    article=REVIEW.article,
    entries=(REVIEW.entries[0], RankedEntry(4, None, 2009)),
)
LIST_V2 = ReviewPage(
    url=ARTICLE_URL,
    article=REVIEW.article,
    entries=(REVIEW.entries[0], RankedEntry(5, "Aim High in Creation", 2013)),
)


def fetched(record: FilmPage | ReviewPage, content_hash: str = "h1") -> tuple[FetchedPage, FilmPage | ReviewPage]:
    assert record.url is not None
    return FetchedPage(record.url, record.kind, 200, content_hash), record


def without_times(tables: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """The dump less the columns that hold the clock (pages.fetched_at, ranking_history.valid_from)."""
    return {
        name: [tuple(v for v in row if not (isinstance(v, str) and v.startswith("20") and "T" in v)) for row in rows]
        for name, rows in tables.items()
    }


def search(store: Store, table: str, column: str, query: str) -> list[str]:
    return [
        row[0]
        for row in store.db.execute(
            f"select t.{column} from {table} t join {table}_fts s on s.rowid = t.rowid where {table}_fts match ? "
            "order by 1",
            [query],
        )
    ]


def assert_search_index_matches_its_tables(store: Store) -> None:
    for table in ("films", "rankings", "keywords"):
        store.db.execute(f"insert into {table}_fts({table}_fts) values('integrity-check')")  # raises if they differ


def test_a_batch_writes_exactly_what_the_same_pages_saved_one_by_one_write(tmp_path):
    pages = [fetched(REVIEW), fetched(TITLE), fetched(OTHER), fetched(LIST_V2, "h2")]
    one_by_one, batched = Store(tmp_path / "one.db"), Store(tmp_path / "batched.db")
    run = one_by_one.start_run("test", [])
    ids = [one_by_one.save_page(run, page, record) for page, record in pages]
    run = batched.start_run("test", [])
    saved = batched.save_pages(run, pages)
    assert saved.failed == []
    assert saved.page_ids == {ARTICLE_URL: ids[0], TITLE_URL: ids[1], OTHER_URL: ids[2]}
    assert without_times(dump(batched)) == without_times(dump(one_by_one))
    assert (
        batched.db.execute("select * from parse_stats").fetchall()
        == one_by_one.db.execute("select * from parse_stats").fetchall()
    )


def test_a_batch_keeps_history_and_search_in_step_with_its_tables(store):
    run = store.start_run("test", [])
    # the list changes within one batch: its second state closes the first
    store.save_pages(run, [fetched(REVIEW), fetched(TITLE), fetched(LIST_V2, "h2"), fetched(OTHER)])
    assert store.db.execute(
        "select position, rank, title, valid_to is null from ranking_history order by position, id"
    ).fetchall() == [
        (1, 10, "Inside North Korea", 1),
        (2, 5, "The Red Chapel", 0),
        (2, 5, "Aim High in Creation", 1),
    ]
    assert search(store, "rankings", "title", "chapel") == []
    assert search(store, "rankings", "title", "creation") == ["Aim High in Creation"]
    assert search(store, "films", "title", "chapel") == ["The Red Chapel"]  # the title page of a film
    assert search(store, "keywords", "name", "megaphone") == ["megaphone"]
    assert_search_index_matches_its_tables(store)


def test_a_batch_saved_again_unchanged_writes_no_row(store):
    pages = [fetched(REVIEW), fetched(TITLE)]
    run = store.start_run("test", [])
    store.save_pages(run, pages)
    rowids = {t: store.db.execute(f"select rowid, * from [{t}]").fetchall() for t in ("rankings", "films", "keywords")}
    before = dump(store)
    store.save_pages(store.start_run("test", []), pages)
    assert {k: v for k, v in dump(store).items() if k != "pages"} == {k: v for k, v in before.items() if k != "pages"}
    assert {t: store.db.execute(f"select rowid, * from [{t}]").fetchall() for t in rowids} == rowids
    assert_search_index_matches_its_tables(store)


def test_one_bad_page_rolls_the_batch_back_and_the_retry_loses_only_that_page(store, caplog):
    run = store.start_run("test", [])
    store.save_page(run, *fetched(REVIEW))
    run = store.start_run("test", [])
    with caplog.at_level(logging.INFO, logger="cinescrape"):
        saved = store.save_pages(run, [fetched(TITLE), fetched(BROKEN, "h2"), fetched(OTHER)])
    reason = "cannot load: IntegrityError: NOT NULL constraint failed: rankings.title"
    assert saved.failed == [(ARTICLE_URL, reason)]
    assert set(saved.page_ids) == {TITLE_URL, ARTICLE_URL, OTHER_URL}
    assert "batch of 3 pages rolled back" in caplog.text
    assert f"{ARTICLE_URL}: {reason}" in caplog.text
    # the pages before and after the bad one are saved whole
    assert store.db.execute("select imdb_id, title, page_id is not null from films order by imdb_id").fetchall() == [
        ("tt99900005", "The Red Chapel", 1),
        ("tt99900010", "Inside North Korea", 1),
    ]
    genres = store.db.execute("select g.name from film_genres fg join genres g on g.id = fg.genre_id order by 1")
    assert genres.fetchall() == [("Documentary",), ("History",)]
    # the bad page keeps what it gave before, and says why this load failed
    assert store.db.execute("select position, rank, title from rankings order by position").fetchall() == [
        (1, 10, "Inside North Korea"),
        (2, 5, "The Red Chapel"),
    ]
    assert store.db.execute("select count(*) from ranking_history").fetchone() == (2,)
    page = store.db.execute("select status, content_hash, error, run_id from pages where url = ?", [ARTICLE_URL])
    # the content hash of the content that loaded: a crawl that fetches the broken content parses it again
    assert page.fetchone() == (200, "h1", reason, run)
    assert_search_index_matches_its_tables(store)


def test_a_database_that_cannot_be_written_stops_the_batch_and_is_left_as_it_was(store):
    run = store.start_run("test", [])
    store.save_page(run, *fetched(REVIEW))
    before = dump(store)
    store.db.execute("PRAGMA query_only = ON")
    with pytest.raises(StoreError, match="attempt to write a readonly database"):
        store.save_pages(run, [fetched(TITLE), fetched(OTHER)])
    store.db.execute("PRAGMA query_only = OFF")
    assert dump(store) == before
