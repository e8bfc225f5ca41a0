"""The resolver: list entries to films by link, search, dataset and fuzzy match, on real databases built by
the loader; exact rows, one film row however many sources, ambiguity left open, idempotence."""

from __future__ import annotations

from pathlib import Path

import pytest

from db import FetchedPage, Store
from db.imdb_datasets import import_datasets
from db.resolve import matched_films, resolve
from db.title_key import title_key
from parsers.records import Article, FilmPage, RankedEntry, ReviewPage, SearchPage, SearchResult
from scraper.run import run_crawl
from tests.conftest import FIXTURES
from tests.servers import fault_server, html, site_settings

DATASETS = FIXTURES / "imdb_datasets"
LIST_URL = "http://blog.example/best-docs/"
OTHER_LIST_URL = "http://other.example/top-5/"
TITLE_URL = "http://films.example/title/tt99900005/"


def review(url: str, *entries: RankedEntry) -> ReviewPage:
    return ReviewPage(url=url, article=Article(title=f"List at {url}"), entries=entries)


def load(store: Store, record: ReviewPage | FilmPage | SearchPage, url: str, content_hash: str = "h1") -> int:
    run = store.start_run("test", [url])
    return store.save_page(run, FetchedPage(url, record.kind, 200, content_hash), record)


def searched(store: Store, query: str, *results: SearchResult) -> None:
    url = f"http://films.example/find/?q={query}"
    load(store, SearchPage(url=url, layout="nextjs", query=query, results=results), url)


def entries(store: Store) -> list[tuple]:
    return store.db.execute(
        "select a.url, r.rank, r.title, f.imdb_id, r.resolved_by, r.resolution_score, r.resolution_note "
        "from rankings r join articles a on a.id = r.article_id left join films f on f.id = r.film_id "
        "order by a.id, r.position"
    ).fetchall()


def dump(store: Store) -> dict[str, list[tuple]]:
    tables = [t for t in store.db.table_names() if t not in ("runs", "frontier", "_sqlite_migrations")]
    return {t: store.db.execute(f"select * from [{t}] order by 1").fetchall() for t in tables}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "resolve.db")


@pytest.fixture
def with_datasets(store: Store) -> Store:
    import_datasets(store.db, DATASETS)
    return store


# ---------------------------------------------------------------------- title keys


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("The Lovers & the Despot", "Lovers and the Despot"),
        ("Dennis Rodman’s Big Bang in Pyongyang", "Dennis Rodman's big bang in PYONGYANG"),
        ("Det røde kapel", "Det Rode Kapel"),
        ("Amélie", "AMELIE"),
        ("Aim High in Creation!", "Aim High in Creation"),
        ("North Korea: A Day in the Life", "North Korea - A Day in the Life"),
        ("Red Chapel, The", "The Red Chapel"),
        ("L'Avventura", "Avventura"),
        ("Die fabelhafte Welt der Amélie", "Fabelhafte Welt der Amelie"),
        ("El laberinto del fauno", "Laberinto del fauno"),
    ],
)
def test_spellings_of_one_title_have_one_key(one, other):
    assert title_key(one) == title_key(other)


def test_keys_keep_what_tells_titles_apart():
    assert title_key("The Red Chapel") == "red chapel"
    assert title_key("Crossing Lines") != title_key("Crossing the Line")
    assert title_key("The") == "the"  # a title that is only an article keeps it
    assert title_key("Under the Sun of Satan") != title_key("Under the Sun")
    assert title_key("") == title_key("!!") == ""


# ---------------------------------------------------------------------- the steps


def test_an_entry_with_a_title_link_is_resolved_at_load_and_left_alone(store):
    load(store, review(LIST_URL, RankedEntry(1, "The Red Chapel", 2009, title_url=TITLE_URL)), LIST_URL)
    outcome = resolve(store.db)
    assert (outcome.resolved, outcome.unresolved, outcome.to_search) == (0, 0, [])
    assert entries(store) == [(LIST_URL, 1, "The Red Chapel", "tt99900005", "link", 1.0, None)]


def test_search_results_resolve_an_entry_and_make_a_stub_film(store):
    load(store, review(LIST_URL, RankedEntry(1, "Dear Pyong Yang", 2005)), LIST_URL)
    searched(
        store,
        "Dear Pyong Yang",
        SearchResult("tt99900007", "Dear Pyongyang", 2005, "movie"),
        SearchResult("tt99900118", "Crossing the Line: The Making of Dear Pyongyang", 2006, "video"),
    )
    assert resolve(store.db).resolved == 1
    assert entries(store) == [(LIST_URL, 1, "Dear Pyong Yang", "tt99900007", "search", 0.966, None)]
    assert store.db.execute("select imdb_id, title, year, page_id from films").fetchall() == [
        ("tt99900007", "Dear Pyongyang", 2005, None)
    ]
    assert matched_films(store.db) == ["tt99900007"]


def test_an_exact_year_beats_a_namesake_one_year_off_but_episodes_are_no_candidates(store):
    load(store, review(LIST_URL, RankedEntry(1, "The Red Chapel", 2009)), LIST_URL)
    searched(
        store,
        "The Red Chapel",
        SearchResult("tt99900123", "The Red Chapel", 2009, "tvEpisode"),
        SearchResult("tt99900105", "The Red Chapel", 2009, "movie"),
        SearchResult("tt99900124", "The Red Chapel", 2010, "movie"),
    )
    resolve(store.db)
    assert entries(store) == [(LIST_URL, 1, "The Red Chapel", "tt99900105", "search", 1.0, None)]


def test_the_datasets_resolve_by_primary_original_or_aka_title(with_datasets):
    store = with_datasets
    load(
        store,
        review(
            LIST_URL,
            RankedEntry(1, "The Fabulous Destiny of Amélie Poulain", 2001),  # an aka
            RankedEntry(2, "Det røde kapel", 2009),  # the original title
            RankedEntry(3, "Inside North Korea", 2008),  # the primary title, a year off
        ),
        LIST_URL,
    )
    resolve(store.db)
    assert entries(store) == [
        (LIST_URL, 1, "The Fabulous Destiny of Amélie Poulain", "tt99900018", "dataset", 1.0, None),
        (LIST_URL, 2, "Det røde kapel", "tt99900005", "dataset", 1.0, None),
        (LIST_URL, 3, "Inside North Korea", "tt99900010", "dataset", 0.95, None),
    ]
    assert store.db.execute("select imdb_id, title, year from films order by imdb_id").fetchall() == [
        ("tt99900005", "The Red Chapel", 2009),
        ("tt99900010", "Inside North Korea", 2007),
        ("tt99900018", "Amélie", 2001),
    ]


def test_fuzzy_matches_a_near_title_within_a_year_but_not_two(with_datasets):
    store = with_datasets
    load(
        store,
        review(
            LIST_URL,
            RankedEntry(1, "Nanook of the Nort", 1923),  # a typo, a year off
            RankedEntry(2, "Nanook of the Nort", 1924),  # two years off
            RankedEntry(3, "Nanook of the Nort", None),  # no year: too weak for a near title
        ),
        LIST_URL,
    )
    resolve(store.db)
    rows = entries(store)
    assert rows[0] == (LIST_URL, 1, "Nanook of the Nort", "tt99900019", "fuzzy", 0.923, None)
    assert rows[1][3:6] == (None, None, None)
    assert rows[2][3:6] == (None, None, None)
    assert rows[1][6] == "no candidate (no search yet, datasets, films)"
    assert rows[2][6] == "no candidate (no search yet, datasets, films; no year for fuzzy)"


def test_a_title_of_punctuation_alone_matches_nothing_and_is_not_searched(store):
    load(store, review(LIST_URL, RankedEntry(1, "?!", 2001)), LIST_URL)
    outcome = resolve(store.db, await_search=True)
    assert (outcome.unresolved, outcome.to_search) == (1, [])
    assert entries(store)[0][6] == "no letters or digits in the title to match"


def test_fuzzy_also_matches_films_already_in_the_database(store):
    load(
        store,
        FilmPage(kind="title", url=TITLE_URL, layout="nextjs", imdb_id="tt99900005", title="The Red Chapel", year=2009),
        TITLE_URL,
    )
    load(store, review(LIST_URL, RankedEntry(1, "The Red Chappel", 2009)), LIST_URL)
    resolve(store.db)
    assert entries(store) == [(LIST_URL, 1, "The Red Chappel", "tt99900005", "fuzzy", 0.952, None)]


# ---------------------------------------------------------------------- ambiguity


def test_namesakes_without_a_year_stay_unresolved_with_the_candidates_named(store):
    load(store, review(LIST_URL, RankedEntry(4, "Under the Sun", None)), LIST_URL)
    searched(
        store,
        "Under the Sun",
        SearchResult("tt99900101", "Under the Sun", 2015, "movie"),
        SearchResult("tt99900112", "Under the Sun", 1998, "movie"),
    )
    outcome = resolve(store.db)
    assert (outcome.resolved, outcome.unresolved) == (0, 1)
    assert entries(store) == [
        (
            LIST_URL,
            4,
            "Under the Sun",
            None,
            None,
            None,
            "ambiguous (search): Under the Sun (2015) tt99900101; Under the Sun (1998) tt99900112",
        )
    ]
    assert store.db.execute("select count(*) from films").fetchone()[0] == 0


def test_namesakes_of_the_same_year_in_the_datasets_stay_unresolved(with_datasets):
    store = with_datasets
    load(
        store,
        review(LIST_URL, RankedEntry(9, "Crossing the Line", 2006), RankedEntry(1, "Under the Sun", 2015)),
        LIST_URL,
    )
    resolve(store.db)
    assert entries(store) == [
        (
            LIST_URL,
            9,
            "Crossing the Line",
            None,
            None,
            None,
            "ambiguous (dataset): Crossing the Line (2006) tt99900009; Crossing the Line (2006) tt99900013",
        ),
        # its namesakes are 1998 (too far), undated (scored lower) and an episode (no film)
        (LIST_URL, 1, "Under the Sun", "tt99900001", "dataset", 1.0, None),
    ]


# ---------------------------------------------------------------------- one film, cheap re-runs


def test_three_sources_of_one_film_make_one_film_row(with_datasets):
    store = with_datasets
    load(store, review(LIST_URL, RankedEntry(5, "The Red Chapel", None, title_url=TITLE_URL)), LIST_URL)
    load(store, review(OTHER_LIST_URL, RankedEntry(1, "Det røde kapel", 2009)), OTHER_LIST_URL)
    resolve(store.db)
    title = FilmPage(
        kind="title", url=TITLE_URL, layout="nextjs", imdb_id="tt99900005", title="The Red Chapel", year=2009
    )
    load(store, title, TITLE_URL)
    assert store.db.execute("select imdb_id, title, year, page_id is not null from films").fetchall() == [
        ("tt99900005", "The Red Chapel", 2009, 1)
    ]
    assert [row[3:5] for row in entries(store)] == [("tt99900005", "link"), ("tt99900005", "dataset")]


def test_a_second_pass_changes_no_row(with_datasets):
    store = with_datasets
    load(store, review(LIST_URL, RankedEntry(1, "Amélie", 2001), RankedEntry(2, "Under the Sun", None)), LIST_URL)
    resolve(store.db)
    before = dump(store)
    outcome = resolve(store.db)
    assert dump(store) == before
    assert (outcome.resolved, outcome.unresolved) == (0, 1)  # nothing new; the ambiguous one still open


def test_a_re_inserted_entry_gets_its_film_back_from_the_decisions_cache(store):
    load(store, review(LIST_URL, RankedEntry(1, "Dear Pyong Yang", 2005)), LIST_URL)
    searched(store, "Dear Pyong Yang", SearchResult("tt99900007", "Dear Pyongyang", 2005, "movie"))
    resolve(store.db)
    # the search is gone and the list changed: only the cache knows the answer now
    store.db.execute("delete from search_results")
    load(store, review(LIST_URL, RankedEntry(1, "Dear Pyong Yang", 2005, blurb="new text")), LIST_URL, "h2")
    store.db.execute("update rankings set film_id = null, resolved_by = null, resolution_score = null")
    resolve(store.db)
    assert entries(store) == [(LIST_URL, 1, "Dear Pyong Yang", "tt99900007", "search", 0.966, None)]


def test_an_open_decision_is_taken_again_when_new_evidence_arrives(store):
    load(store, review(LIST_URL, RankedEntry(3, "The Propaganda Game", 2015)), LIST_URL)
    resolve(store.db)
    assert entries(store)[0][3:] == (None, None, None, "no candidate (no search yet, datasets, films)")
    searched(store, "the propaganda game", SearchResult("tt99900011", "The Propaganda Game", 2015, "movie"))
    resolve(store.db)
    assert entries(store)[0][3:] == ("tt99900011", "search", 1.0, None)


def test_awaiting_search_leaves_unsearched_titles_for_the_crawl_to_search(with_datasets):
    store = with_datasets
    load(store, review(LIST_URL, RankedEntry(1, "Amélie", 2001), RankedEntry(2, "The Red Chappel", 2009)), LIST_URL)
    outcome = resolve(store.db, await_search=True)
    # the dataset answers at once; a near title waits for the search before fuzzy matching
    assert (outcome.resolved, outcome.to_search) == (1, ["The Red Chappel"])
    assert [row[3:5] for row in entries(store)] == [("tt99900018", "dataset"), (None, None)]
    searched(store, "The Red Chappel")  # the search found nothing
    outcome = resolve(store.db, await_search=True)
    assert outcome.to_search == []
    assert entries(store)[1][3:6] == ("tt99900005", "fuzzy", 0.952)


# ---------------------------------------------------------------------- in a crawl


def test_a_crawl_searches_through_robots_then_fetches_the_films_it_resolved(tmp_path):
    """The search goes the crawler's way: robots.txt forbids it here, so the entry falls back to a fuzzy match;
    the films found by dataset and fuzzy match get their title pages in the same run."""
    site = FIXTURES / "site" / "title"
    listing = (
        "<!DOCTYPE html><html><head><title>The 3 best documentaries</title></head><body><article>"
        "<h1>The 3 best documentaries</h1><p>Our picks.</p>"
        "<h2>1. The Red Chappel (2009)</h2><p>A variety show in Pyongyang.</p>"
        "<h2>2. Inside North Korea (2007)</h2><p>A primer.</p>"
        "<h2>3. Dear Pyongyang (2005)</h2><p>A father and his sons.</p></article></body></html>"
    )
    routes = {
        "/robots.txt": html("User-agent: *\nDisallow: /find/\n"),
        "/list/": html(listing),
        "/title/tt99900005/": html((site / "tt99900005" / "index.html").read_text(encoding="utf-8")),
        "/title/tt99900007/": html((site / "tt99900007" / "index.html").read_text(encoding="utf-8")),
        "/title/tt99900010/": html((site / "tt99900010" / "index.html").read_text(encoding="utf-8")),
    }
    db_path = tmp_path / "crawl.db"
    store = Store(db_path)
    import_datasets(store.db, DATASETS)
    store.close()
    with fault_server(routes) as server:
        settings = site_settings(
            server, ["/list/"], search_url=server.base + "/find/?q={query}", title_url=server.base + "/title/{imdb_id}/"
        )
        report = run_crawl(settings, db_path, "crawl")
    assert report.summary.exit_code == 0
    assert report.summary.blocked == [server.base + "/find/?q=The+Red+Chappel"]
    assert sorted(request.path for request in server.seen) == [
        "/list/",
        "/robots.txt",
        "/title/tt99900005/",
        "/title/tt99900007/",
        "/title/tt99900010/",
    ]
    store = Store(db_path)
    assert [row[1:6] for row in entries(store)] == [
        (1, "The Red Chappel", "tt99900005", "fuzzy", 0.952),
        (2, "Inside North Korea", "tt99900010", "dataset", 1.0),
        (3, "Dear Pyongyang", "tt99900007", "dataset", 1.0),
    ]
    # the title pages arrived: the films carry their pages' facts
    assert store.db.execute("select imdb_id, page_id is not null from films order by 1").fetchall() == [
        ("tt99900005", 1),
        ("tt99900007", 1),
        ("tt99900010", 1),
    ]
