"""The views analysts open, the preferred-value rule, and full-text search kept in sync."""

from __future__ import annotations

import json
import sqlite3

from db import FetchedPage, Store
from db.views import VIEWS
from parsers.records import Article, Company, FilmPage, Person, RankedEntry, ReleaseDate, ReviewPage, WatchLink

TITLE_URL = "http://films.example/title/tt99900010/"
IMDB_TITLE = FilmPage(
    kind="title",
    url=TITLE_URL,
    layout="main-2011",
    imdb_id="tt99900010",
    title="Inside North Korea",
    year=2007,
    genres=("Documentary", "History"),
    keywords=("megaphone", "defector"),
    countries=("US",),
    release_dates=(ReleaseDate("2007-02-27", "day", "US"), ReleaseDate("2007-05-01", "day", "GB")),
    companies=(
        Company("Pangloss Films"),
        Company("National Geographic Television"),
        Company("Netflix", "distribution"),
    ),
    plot="Lisa Ling poses as a medical coordinator.",
)
# Another site's JSON-LD page about the same film: it disagrees on the title and the US date.
JSONLD = FilmPage(
    kind="title",
    url="http://other.example/films/inside-north-korea",
    layout="schema.org",
    source="other.example",
    imdb_id="tt99900010",
    title="Inside N. Korea",
    year=2006,
    genres=("Documentary",),
    release_dates=(ReleaseDate("2007-02-26", "day", "US"),),
)
RELEASEINFO = FilmPage(
    kind="releaseinfo",
    url=TITLE_URL + "releaseinfo",
    layout="2014",
    imdb_id="tt99900010",
    release_dates=(ReleaseDate("2007", "year", "FR"),),
)


def review(url: str, site: str, *entries: RankedEntry) -> ReviewPage:
    return ReviewPage(url=url, article=Article(title=f"Best of {site}", site=site), entries=entries)


LIST_A = review(
    "http://a.example/list/",
    "A",
    RankedEntry(
        2,
        "Inside North Korea",
        2007,
        title_url=TITLE_URL,
        links=(
            WatchLink("https://amazon.example/x", "amazon", "stream"),
            WatchLink("https://nf.example/x", "netflix", "stream"),
        ),
    ),
    RankedEntry(1, "The Red Chapel", 2009),
)
LIST_B = review("http://b.example/list/", "B", RankedEntry(1, "Inside North Korea", 2007, title_url=TITLE_URL))


def load(store: Store, *records: FilmPage | ReviewPage) -> None:
    run = store.start_run("test", [])
    for record in records:
        assert record.url is not None
        store.save_page(run, FetchedPage(record.url, record.kind, 200, "h"), record)


def rows(store: Store, sql: str) -> list[tuple]:
    return store.db.execute(sql).fetchall()


def test_ranked_films_shows_each_entry_with_its_films_preferred_facts(store):
    load(store, LIST_A, IMDB_TITLE, JSONLD, RELEASEINFO)
    assert rows(
        store,
        "select site, position, rank, title, imdb_id, film_title, resolved_by, first_release_date, countries, "
        "companies, genres, keywords, watch_links from ranked_films order by site, position",
    ) == [
        (
            "A",
            1,
            2,
            "Inside North Korea",
            "tt99900010",
            "Inside North Korea",
            "link",
            "2007-02-26",  # the JSON-LD page's US date; the French "2007" (year only) may be later
            '["US"]',
            '["National Geographic Television","Pangloss Films"]',  # production companies, sorted
            '["Documentary","History"]',
            '["defector","megaphone"]',
            '[{"provider":"amazon","action":"stream","url":"https://amazon.example/x"},'
            '{"provider":"netflix","action":"stream","url":"https://nf.example/x"}]',
        ),
        ("A", 2, 1, "The Red Chapel", None, None, None, None, None, None, None, None, "[]"),
    ]


def test_disagreeing_sources_are_both_kept_and_the_rule_picks_one(store):
    load(store, IMDB_TITLE, JSONLD)
    # the IMDb title page's own columns win over the JSON-LD page loaded after it
    assert rows(store, "select title, year from films") == [("Inside North Korea", 2007)]
    assert sorted(rows(store, "select date from release_dates where country = 'US'")) == [
        ("2007-02-26",),
        ("2007-02-27",),
    ]
    # earliest per country, with how many pages give a date for it
    assert rows(store, "select country, date, sources from first_releases order by country") == [
        ("GB", "2007-05-01", 1),
        ("US", "2007-02-26", 2),
    ]


def test_a_date_known_to_the_year_only_counts_as_the_end_of_that_year(store):
    vague = FilmPage(
        kind="releaseinfo",
        url=TITLE_URL + "releaseinfo",
        layout="2014",
        imdb_id="tt99900010",
        release_dates=(ReleaseDate("2007", "year", "US"), ReleaseDate("2006", "year", "GB")),
    )
    load(store, IMDB_TITLE, vague)
    assert rows(store, "select country, date, precision from first_releases order by country") == [
        ("GB", "2006", "year"),  # "2006" is before any day of 2007
        ("US", "2007-02-27", "day"),  # a day of 2007 beats "some time in 2007"
    ]
    assert rows(store, "select first_release_date from film_facts") == [("2006",)]


def test_a_title_page_overrides_what_json_ld_said_before_it(store):
    load(store, JSONLD)
    assert rows(store, "select title, year from films") == [("Inside N. Korea", 2006)]
    load(store, IMDB_TITLE)
    assert rows(store, "select f.title, f.year, p.url from films f join pages p on p.id = f.page_id") == [
        ("Inside North Korea", 2007, TITLE_URL)
    ]


def test_film_overview_counts_lists_and_best_rank(store):
    load(store, LIST_A, LIST_B, IMDB_TITLE)
    assert rows(
        store, "select imdb_id, title, lists, best_rank, first_release_date, genres, keywords from film_overview"
    ) == [("tt99900010", "Inside North Korea", 2, 1, "2007-02-27", '["Documentary","History"]', 2)]


def test_unresolved_entries_lists_entries_with_no_film_and_why(store):
    load(store, LIST_A)
    store.db.execute("update rankings set resolution_note = 'ambiguous: tt1, tt2' where film_id is null")
    assert rows(store, "select article, position, rank, title, year, resolution_note from unresolved_entries") == [
        ("Best of A", 2, 1, "The Red Chapel", 2009, "ambiguous: tt1, tt2")
    ]


def test_views_are_recreated_when_their_sql_changes_and_left_alone_otherwise(tmp_path):
    path = tmp_path / "v.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("drop view ranked_films")
        conn.execute("create view ranked_films as select 1 as stale")
        version = conn.execute("PRAGMA schema_version").fetchone()[0]
    store = Store(path)
    assert "article_url" in [c.name for c in store.db["ranked_films"].columns]
    version_after_fix = store.db.execute("PRAGMA schema_version").fetchone()[0]
    assert version_after_fix > version
    store.close()
    again = Store(path)
    assert again.db.execute("PRAGMA schema_version").fetchone()[0] == version_after_fix  # no DDL at all
    assert set(again.db.view_names()) >= set(VIEWS)


def search(store: Store, table: str, query: str) -> list[str]:
    return [
        row[0]
        for row in store.db.execute(
            f"select {table}.{'name' if table == 'keywords' else 'title'} from {table} "
            f"join {table}_fts on {table}_fts.rowid = {table}.rowid where {table}_fts match ? order by 1",
            [query],
        )
    ]


def test_full_text_search_follows_every_write(store):
    load(store, LIST_A, IMDB_TITLE)
    assert search(store, "films", "coordinators") == ["Inside North Korea"]  # stemmed
    assert search(store, "keywords", "defector") == ["defector"]
    assert search(store, "rankings", "chapel") == ["The Red Chapel"]
    changed = review(LIST_A.url or "", "A", RankedEntry(1, "Aim High in Creation", 2013))
    load(store, changed)
    assert search(store, "rankings", "chapel") == []
    assert search(store, "rankings", "creation") == ["Aim High in Creation"]
    integrity = "insert into {0}_fts({0}_fts) values('integrity-check')"
    for table in ("films", "rankings", "keywords"):
        store.db.execute(integrity.format(table))  # raises if the index and its table differ


def test_ranked_films_watch_links_are_json(store):
    load(store, LIST_A)
    links = json.loads(rows(store, "select watch_links from ranked_films where position = 1")[0][0])
    assert [link["provider"] for link in links] == ["amazon", "netflix"]


def test_directors_writers_and_languages_are_in_the_views_each_name_once_in_credit_order(store):
    credited = FilmPage(
        **{
            **{f: getattr(IMDB_TITLE, f) for f in IMDB_TITLE.__dataclass_fields__},
            "directors": (Person("Peter Yost"),),
            "writers": (Person("Lisa Ling"),),
            "languages": ("English", "Korean"),
        }
    )
    # the full credits page names a second director first, and the title page's again
    fullcredits = FilmPage(
        kind="fullcredits",
        url=TITLE_URL + "fullcredits",
        layout="2014",
        imdb_id="tt99900010",
        directors=(Person("Chris Weber"), Person("Peter Yost")),
        writers=(Person("Lisa Ling", note="(narration)"), Person("Anne Other")),
        cast_total=12,
    )
    load(store, LIST_A, credited, fullcredits, JSONLD)
    assert rows(store, "select title, directors, languages from ranked_films order by position") == [
        ("Inside North Korea", '["Chris Weber","Peter Yost"]', '["English","Korean"]'),
        ("The Red Chapel", None, None),
    ]
    assert rows(store, "select directors, writers, languages, cast_total from film_overview") == [
        ('["Chris Weber","Peter Yost"]', '["Lisa Ling","Anne Other"]', '["English","Korean"]', 12)
    ]
