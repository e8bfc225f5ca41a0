"""The main job end to end on the bundled sample site: `cinescrape demo`, as a new user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.conftest import FIXTURES

SEED_LIST = [
    (10, "Inside North Korea", 2007, "Informative"),
    (9, "Crossing the Line", 2006, "Insightful"),
    (8, "A State of Mind", 2004, "Insightful"),
    (7, "Dear Pyongyang", 2005, "Insightful"),
    (6, "Aim High in Creation", 2013, "Humorous"),
    (5, "The Red Chapel", None, "Humorous"),
    (4, "The Lovers and the Despot", 2016, "Insightful"),
    (3, "Songs from the North", 2015, "Artistic"),
    (2, "Dennis Rodman’s Big Bang in Pyongyang", 2015, "Humorous"),
    (1, "Under the Sun", 2015, "Artistic"),
]
# The seed's watch-link lines, by rank.
SEED_LINKS = {
    10: [("amazon", "stream"), ("netflix", "stream")],
    9: [("amazon", "stream")],
    8: [("amazon", "purchase"), ("netflix", "stream")],
    7: [("amazon", "stream")],
    6: [("amazon", "purchase"), ("netflix", "stream")],
    5: [("amazon", "stream")],
    4: [("amazon", "stream"), ("netflix", "stream")],
    3: [("amazon", "stream"), ("netflix", "stream")],
    2: [("amazon", "stream"), ("netflix", "stream")],
    1: [("amazon", "stream"), ("netflix", "stream")],
}


# The second blog's list links no film: search resolves it, except the title two films share, given without a year.
SECOND_LIST = [
    (1, "The Red Chapel", 2009, "tt99900005", "search", 1.0, None),
    (2, "Dear Pyong Yang", 2005, "tt99900007", "search", 0.966, None),
    (3, "The Propaganda Game", 2015, "tt99900011", "search", 1.0, None),
    (
        4,
        "Under the Sun",
        None,
        None,
        None,
        None,
        "ambiguous (search): Under the Sun (2015) tt99900001; Under the Sun (1998) tt99900012",
    ),
    (5, "The Lovers & the Despot", 2016, "tt99900004", "search", 1.0, None),
]


def demo(db_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scraper", "demo", "--db", str(db_path)],
        capture_output=True,
        check=False,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Database, subprocess.CompletedProcess[str], Path]:
    if not (FIXTURES / "site" / "robots.txt").is_file():
        pytest.fail("the sample site is missing from tests/fixtures/site")
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    result = demo(path)
    return Database(path), result, path


def test_the_demo_succeeds_and_says_what_it_stored(demo_db):
    _, result, path = demo_db
    assert result.returncode == 0, result.stderr
    assert "15 ranked entries" in result.stdout
    assert (
        f"cinescrape datasette-config --db {path} -o metadata.json && datasette {path} -m metadata.json"
        in result.stdout
    )


def test_the_seed_article_is_stored_with_its_ten_entries(demo_db):
    db, _, _ = demo_db
    assert db.execute("select count(*) from articles").fetchone()[0] == 2
    rows = db.execute(
        "select rank, title, year, type from rankings where article_id = "
        "(select id from articles where url like '%/north-korea-documentaries/') order by rank desc"
    ).fetchall()
    assert rows == SEED_LIST


def test_watch_links_carry_provider_and_action(demo_db):
    db, _, _ = demo_db
    links: dict[int, list[tuple[str, str]]] = {}
    for rank, provider, action in db.execute("select rank, provider, action from watch_links order by rank, rowid"):
        links.setdefault(rank, []).append((provider, action))
    assert {rank: sorted(pairs) for rank, pairs in links.items()} == {
        rank: sorted(pairs) for rank, pairs in SEED_LINKS.items()
    }


def test_inside_north_korea_is_joined_to_its_film_and_its_facts(demo_db):
    db, _, _ = demo_db
    film_id = db.execute("select film_id from rankings where title = 'Inside North Korea'").fetchone()[0]
    assert db.execute("select imdb_id, title, year from films where id = ?", [film_id]).fetchone() == (
        "tt99900010",
        "Inside North Korea",
        2007,
    )
    assert {tuple(r) for r in db.execute("select date, country from release_dates where film_id = ?", [film_id])} == {
        ("2007-02-27", "US")
    }
    companies = db.execute(
        "select distinct c.name from film_companies fc join companies c on c.id = fc.company_id "
        "where fc.film_id = ? and fc.role = 'production' order by 1",
        [film_id],
    ).fetchall()
    assert companies == [("National Geographic Television",), ("Pangloss Films",)]
    genres = db.execute(
        "select distinct g.name from film_genres fg join genres g on g.id = fg.genre_id where fg.film_id = ? order by 1",
        [film_id],
    ).fetchall()
    assert genres == [("Documentary",), ("History",)]
    keywords = {
        row[0]
        for row in db.execute(
            "select k.name from film_keywords fk join keywords k on k.id = fk.keyword_id where fk.film_id = ?",
            [film_id],
        )
    }
    assert keywords >= {"defector", "concentration camp", "camera shot of feet", "megaphone", "conference room"}
    connections = set(
        db.execute("select relation, title, year from connections where film_id = ?", [film_id]).fetchall()
    )
    assert connections == {("features", "North Korea: A Day in the Life", 2004)}


def test_every_entry_is_one_film_row(demo_db):
    db, _, _ = demo_db
    # 15 entries, 14 resolved (the ambiguous one is not), to 11 films: the 10 of the seed and The Propaganda Game
    counts = db.execute("select count(*), count(film_id), count(distinct film_id) from rankings").fetchone()
    assert counts == (15, 14, 11)
    assert db.execute("select count(*) from films").fetchone()[0] == 11
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_the_second_list_is_resolved_by_search_except_the_ambiguous_entry(demo_db):
    db, _, _ = demo_db
    rows = db.execute(
        "select r.rank, r.title, r.year, f.imdb_id, r.resolved_by, r.resolution_score, r.resolution_note "
        "from rankings r join articles a on a.id = r.article_id left join films f on f.id = r.film_id "
        "where a.site = 'Frames from Afar' order by r.rank"
    ).fetchall()
    assert rows == SECOND_LIST
    # a film two lists and its title page mention is one row, with the title page's facts
    assert db.execute(
        "select count(*), min(f.page_id is not null) from rankings r join films f on f.id = r.film_id "
        "where f.imdb_id = 'tt99900005'"
    ).fetchone() == (2, 1)
    # the film only the search found: its title page was fetched in the same run
    assert db.execute(
        "select f.title, f.year, p.url from films f join pages p on p.id = f.page_id where f.imdb_id = 'tt99900011'"
    ).fetchone() == ("The Propaganda Game", 2015, "http://sample.cinescrape.invalid/title/tt99900011/")


def test_cinescrape_unresolved_lists_the_ambiguous_entry(demo_db):
    _, _, path = demo_db
    result = subprocess.run(
        [sys.executable, "-m", "scraper", "unresolved", "--db", str(path), "--json"],
        capture_output=True,
        check=False,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert [(row["rank"], row["title"], row["year"]) for row in json.loads(result.stdout)] == [
        (4, "Under the Sun", None)
    ]


def test_robots_txt_is_obeyed(demo_db):
    db, _, _ = demo_db
    assert db.execute("select count(*) from pages where url like '%/private/%'").fetchone()[0] == 0


def test_a_second_demo_changes_no_row(demo_db):
    db, _, path = demo_db
    tables = [t for t in db.table_names() if t not in ("runs", "frontier", "_sqlite_migrations")]
    before = {t: db.execute(f"select * from [{t}] order by 1").fetchall() for t in tables}
    again = demo(path)
    assert again.returncode == 0, again.stderr
    after = {t: db.execute(f"select * from [{t}] order by 1").fetchall() for t in tables}
    assert after == before
    assert db.execute("select count(*) from runs").fetchone()[0] == 2
