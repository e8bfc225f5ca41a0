"""An article's list over runs: ``rankings`` is the current state, ``ranking_history`` every state."""

from __future__ import annotations

from sqlite_utils import Database

from db import FetchedPage, Store
from db.schema import migrations
from parsers.records import Article, RankedEntry, ReviewPage

URL = "http://blog.example/top-docs/"
ARTICLE = Article(title="The 3 best documentaries", site="Example blog")


def review(*entries: RankedEntry) -> ReviewPage:
    return ReviewPage(url=URL, article=ARTICLE, entries=entries)


FIRST = review(
    RankedEntry(3, "Under the Sun", 2015), RankedEntry(2, "Dear Pyongyang", 2005), RankedEntry(1, "Alpha", 2001)
)
# Run 2: "Alpha" is renamed, a fourth entry is added at the end, the ranks of the first two swap.
SECOND = review(
    RankedEntry(2, "Under the Sun", 2015),
    RankedEntry(3, "Dear Pyongyang", 2005),
    RankedEntry(1, "Alpha Returns", 2001),
    RankedEntry(4, "The Red Chapel", 2009),
)
# Run 3: the last entry is removed again.
THIRD = review(*SECOND.entries[:3])


def load(store: Store, record: ReviewPage, content_hash: str) -> int:
    run = store.start_run("test", [URL])
    store.save_page(run, FetchedPage(URL, "review", 200, content_hash), record)
    return run


def history(store: Store) -> list[tuple]:
    return store.db.execute(
        "select position, rank, title, run_id, valid_to is null from ranking_history order by position, id"
    ).fetchall()


def test_each_change_of_the_list_closes_the_old_state_and_opens_a_new_one(store):
    load(store, FIRST, "h1")
    load(store, SECOND, "h2")
    load(store, THIRD, "h3")
    assert store.db.execute("select position, rank, title from rankings order by position").fetchall() == [
        (1, 2, "Under the Sun"),
        (2, 3, "Dear Pyongyang"),
        (3, 1, "Alpha Returns"),
    ]
    assert history(store) == [
        (1, 3, "Under the Sun", 1, 0),
        (1, 2, "Under the Sun", 2, 1),
        (2, 2, "Dear Pyongyang", 1, 0),
        (2, 3, "Dear Pyongyang", 2, 1),
        (3, 1, "Alpha", 1, 0),
        (3, 1, "Alpha Returns", 2, 1),
        (4, 4, "The Red Chapel", 2, 0),  # added in run 2, removed in run 3
    ]
    closed = store.db.execute(
        "select h.valid_to = p.fetched_at from ranking_history h, pages p where h.position = 4"
    ).fetchone()
    assert closed == (1,)  # closed at the fetch of the page that no longer had it


def test_the_list_as_it_stood_at_any_time_is_one_query(store):
    load(store, FIRST, "h1")
    store.db.execute("update ranking_history set valid_from = '2020-01-01T00:00:00+00:00'")
    load(store, SECOND, "h2")
    as_of = store.db.execute(
        "select rank, title from ranking_history where article_id = 1 and valid_from <= :t "
        "and (valid_to is null or valid_to > :t) order by position",
        {"t": "2021-01-01T00:00:00+00:00"},
    ).fetchall()
    assert as_of == [(3, "Under the Sun"), (2, "Dear Pyongyang"), (1, "Alpha")]


def test_reloading_an_unchanged_list_writes_no_row(store):
    load(store, FIRST, "h1")
    before = store.db.execute("select rowid, * from rankings").fetchall(), history(store)
    load(store, FIRST, "h1")
    after = store.db.execute("select rowid, * from rankings").fetchall(), history(store)
    assert after == before  # same rowids: not even rewritten, so the search index is untouched too


def test_an_unchanged_entry_keeps_its_resolution_and_a_renamed_one_loses_it(store):
    load(store, FIRST, "h1")
    film = store.db["films"].insert({"imdb_id": "tt0000001", "title": "Alpha"}).last_pk
    store.db.execute("update rankings set film_id = ?, resolved_by = 'search' where title = 'Under the Sun'", [film])
    store.db.execute("update rankings set film_id = ?, resolved_by = 'search' where title = 'Alpha'", [film])
    load(store, SECOND, "h2")
    resolved = store.db.execute("select title, film_id, resolved_by from rankings order by position").fetchall()
    assert resolved == [
        ("Under the Sun", film, "search"),  # only its rank changed: still the same film
        ("Dear Pyongyang", None, None),
        ("Alpha Returns", None, None),  # another title may be another film: resolved again
        ("The Red Chapel", None, None),
    ]


def test_a_version_2_database_gets_the_history_of_the_lists_it_holds(tmp_path):
    path = tmp_path / "v2.db"
    old = Database(path)
    migrations.apply(old, stop_before="m003a_ranking_history")
    old.execute("PRAGMA user_version = 2")
    old["runs"].insert({"id": 1, "command": "crawl"})
    old["pages"].insert({"id": 1, "url": URL, "run_id": 1, "fetched_at": "2024-05-01T00:00:00+00:00"})
    old["articles"].insert({"id": 1, "url": URL, "page_id": 1})
    old["rankings"].insert_all(
        [{"article_id": 1, "position": 1, "rank": 1, "title": "Alpha", "page_id": 1}], pk=("article_id", "position")
    )
    old.close()

    store = Store(path)
    assert store.db.execute(
        "select position, rank, title, valid_from, valid_to, run_id, page_id from ranking_history"
    ).fetchall() == [(1, 1, "Alpha", "2024-05-01T00:00:00+00:00", None, 1, 1)]
