"""Datasette, started in-process with its own test client, on a database the demo code path built."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from datasette.app import Datasette

from db import FetchedPage, Store
from db.datasette import QUERIES, config, descriptions, metadata
from db.views import VIEWS
from parsers.records import Article, ReviewPage
from scraper.cli import cli
from tests.conftest import PROJECT
from tests.test_demo import SEED_LIST

NAME = "demo"  # Datasette names a database after its file
TODAY = datetime.now(UTC).date().isoformat()  # the demo's lists are fetched today: their one state is from today


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("datasette") / f"{NAME}.db"
    result = CliRunner().invoke(cli, ["demo", "--db", str(path), "--quiet"])
    assert result.exit_code == 0, result.output
    return path


def get(path: Path, *urls: str) -> list[tuple[int, Any]]:
    """Status and body (JSON where the URL asks for it) of each URL, from one in-process Datasette."""

    async def fetch() -> list[tuple[int, Any]]:
        datasette = Datasette([str(path)], metadata=metadata(NAME))
        answers = []
        for url in urls:
            response = await datasette.client.get(url)
            answers.append((response.status_code, response.json() if ".json" in url else response.text))
        return answers

    return asyncio.run(fetch())


def rows(path: Path, name: str, query: str = "") -> tuple[int, list[dict[str, Any]]]:
    [(status, body)] = get(path, f"/{NAME}/{name}.json?_shape=array&_size=max{query}")
    return status, body


def test_the_shipped_metadata_is_what_datasette_config_writes(tmp_path):
    shipped = json.loads((PROJECT / "datasette" / "metadata.json").read_text(encoding="utf-8"))
    assert shipped == metadata("films")
    output = tmp_path / "metadata.json"
    result = CliRunner().invoke(cli, ["datasette-config", "--db", "cinescrape-demo.db", "--output", str(output)])
    assert result.exit_code == 0, result.output
    written = json.loads(output.read_text(encoding="utf-8"))
    assert list(written["databases"]) == ["cinescrape-demo"]
    assert written["databases"]["cinescrape-demo"] == shipped["databases"]["films"]


def test_the_index_and_the_database_page_show_the_descriptions(demo_path):
    (index_status, index), (db_status, database) = get(demo_path, "/", f"/{NAME}.json")
    assert index_status == 200 and "cinescrape: ranked film lists and the films they name" in index
    assert db_status == 200
    assert {view["name"] for view in database["views"]} >= set(VIEWS)
    assert {query["name"] for query in database["queries"]} == set(QUERIES)
    [(status, page)] = get(demo_path, f"/{NAME}/ranked_films")
    assert status == 200 and "Every entry of every article&#39;s list" in page


def test_every_table_answers_with_all_its_rows(demo_path):
    with sqlite3.connect(demo_path) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "select name from sqlite_master where type = 'table' and name not like '%_fts%'"
            )
        ]
        counts = {name: conn.execute(f"select count(*) from [{name}]").fetchone()[0] for name in tables}
    assert {"films", "rankings", "ranking_history", "parse_stats", "film_countries"} <= set(tables)
    for name in tables:
        status, body = rows(demo_path, name)
        assert (name, status, len(body)) == (name, 200, counts[name])


def test_ranked_films_has_the_seed_list(demo_path):
    status, body = rows(demo_path, "ranked_films", "&article_id=1&_sort=position")
    assert status == 200
    assert [(r["rank"], r["title"], r["year"], r["type"]) for r in body] == SEED_LIST
    first = body[0]
    assert (first["imdb_id"], first["resolved_by"], first["first_release_date"]) == ("tt99900010", "link", "2007-02-27")
    assert json.loads(first["companies"]) == ["National Geographic Television", "Pangloss Films"]
    assert json.loads(first["genres"]) == ["Documentary", "History"]
    assert [(link["provider"], link["action"]) for link in json.loads(first["watch_links"])] == [
        ("amazon", "stream"),
        ("netflix", "stream"),
    ]


def test_film_overview_and_unresolved_entries(demo_path):
    status, overview = rows(demo_path, "film_overview")
    assert status == 200
    # the second article ranks three of the seed's films again, and one of its own
    assert sorted((r["imdb_id"], r["lists"], r["best_rank"]) for r in overview) == [
        ("tt99900001", 1, 1),
        ("tt99900002", 1, 2),
        ("tt99900003", 1, 3),
        ("tt99900004", 2, 4),
        ("tt99900005", 2, 1),
        ("tt99900006", 1, 6),
        ("tt99900007", 2, 2),
        ("tt99900008", 1, 8),
        ("tt99900009", 1, 9),
        ("tt99900010", 1, 10),
        ("tt99900011", 1, 3),
    ]
    status, unresolved = rows(demo_path, "unresolved_entries")
    assert (status, [(r["article_id"], r["position"], r["title"], r["resolution_note"]) for r in unresolved]) == (
        200,
        [
            (
                2,
                4,
                "Under the Sun",
                "ambiguous (search): Under the Sun (2015) tt99900001; Under the Sun (1998) tt99900012",
            )
        ],
    )
    status, releases = rows(demo_path, "first_releases")
    assert (status, [(r["country"], r["date"], r["sources"]) for r in releases]) == (200, [("US", "2007-02-27", 2)])


EXPECTED_ANSWERS: dict[str, list[list[Any]]] = {
    "articles_without_a_list": [],  # the demo's two articles give their lists
    "films_on_most_lists": [
        [6, "tt99900005", "The Red Chapel", 2009, 2, 1],
        [4, "tt99900007", "Dear Pyongyang", 2005, 2, 2],
        [7, "tt99900004", "The Lovers and the Despot", 2016, 2, 4],
        [10, "tt99900001", "Under the Sun", 2015, 1, 1],
        [9, "tt99900002", "Dennis Rodman’s Big Bang in Pyongyang", 2015, 1, 2],
        [8, "tt99900003", "Songs from the North", 2015, 1, 3],
        [11, "tt99900011", "The Propaganda Game", 2015, 1, 3],
        [5, "tt99900006", "Aim High in Creation", 2013, 1, 6],
        [3, "tt99900008", "A State of Mind", 2004, 1, 8],
        [2, "tt99900009", "Crossing the Line", 2006, 1, 9],
        [1, "tt99900010", "Inside North Korea", 2007, 1, 10],
    ],
    "keywords_by_decade": [
        [2000, "north korea", 3],
        [2000, "defector", 2],
        [2000, "pyongyang", 2],
        [2000, "american soldier", 1],
        [2000, "brother", 1],
        [2000, "camera shot of feet", 1],
        [2000, "childhood", 1],
        [2000, "cold war", 1],
        [2000, "comedian", 1],
        [2000, "concentration camp", 1],
        [2010, "north korea", 6],
        [2010, "propaganda", 4],
        [2010, "pyongyang", 3],
        [2010, "filmmaking", 2],
        [2010, "abduction", 1],
        [2010, "actress", 1],
        [2010, "archive footage", 1],
        [2010, "basketball", 1],
        [2010, "behind the scenes", 1],
        [2010, "dennis rodman", 1],
    ],
    # the sample site gives day-precise dates for one film only, in one country
    "days_from_premiere": [["tt99900010", "Inside North Korea", "2007-02-27", "US", "2007-02-27", 0]],
    "companies_of_top_documentaries": [
        ["National Geographic Television", 1, 1, 10, 10.0],
        ["Pangloss Films", 1, 1, 10, 10.0],
    ],
    # without a URL, the list with the most states: the demo's lists have one each; the seed's URL sorts first
    "list_history": [
        [TODAY, 1, 10, "Inside North Korea", 2007],
        [TODAY, 2, 9, "Crossing the Line", 2006],
        [TODAY, 3, 8, "A State of Mind", 2004],
        [TODAY, 4, 7, "Dear Pyongyang", 2005],
        [TODAY, 5, 6, "Aim High in Creation", 2013],
        [TODAY, 6, 5, "The Red Chapel", None],
        [TODAY, 7, 4, "The Lovers and the Despot", 2016],
        [TODAY, 8, 3, "Songs from the North", 2015],
        [TODAY, 9, 2, "Dennis Rodman’s Big Bang in Pyongyang", 2015],
        [TODAY, 10, 1, "Under the Sun", 2015],
    ],
}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_each_canned_query_answers(demo_path, name):
    [(status, body)] = get(demo_path, f"/{NAME}/{name}.json?_shape=arrays")
    assert status == 200
    assert body["rows"] == EXPECTED_ANSWERS[name]


def test_articles_without_a_list_are_counted_by_the_parsers_reason(tmp_path):
    store = Store(tmp_path / "films.db")
    run = store.start_run("test", [])
    pages = {
        "http://a.example/top-10/": ("no list given: the likeliest one (records, 7 entries) has confidence 0.61",),
        "http://b.example/top-5/": ("no list given: the likeliest one (records, 5 entries) has confidence 0.40",),
        "http://c.example/best-games/": ("no film list: the page ranks video games",),
        "http://d.example/review/": (),
    }
    for url, warnings in pages.items():
        record = ReviewPage(url=url, article=Article(title=url), warnings=warnings)
        store.save_page(run, FetchedPage(url, "review", 200, url), record)
    store.db["articles"].insert({"url": "http://e.example/old/", "warnings": None})  # stored before m009
    rows = store.db.execute(QUERIES["articles_without_a_list"]["sql"]).fetchall()
    assert rows == [
        ("no list given", 2, "http://a.example/top-10/"),
        ("(none promised: a review or a story)", 1, "http://d.example/review/"),
        ("(stored before reasons were kept)", 1, "http://e.example/old/"),
        ("no film list", 1, "http://c.example/best-games/"),
    ]


def film_row_id(path: Path, imdb_id: str) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("select id from films where imdb_id = ?", [imdb_id]).fetchone()[0])


def test_the_database_page_shows_the_views_first_and_hides_the_internal_tables(demo_path):
    [(status, page), (_, listing)] = get(demo_path, f"/{NAME}", f"/{NAME}.json?_show_hidden=1")
    assert status == 200
    views_at, tables_at = page.index('id="cinescrape-views"'), page.index('id="tables"')
    assert views_at < tables_at
    assert page.index(f'href="/{NAME}/ranked_films"') < tables_at
    assert "One row per film: on how many lists it is" in page[views_at:tables_at]  # each view with its description
    hidden = {table["name"] for table in listing["tables"] if table["hidden"]}
    assert {"frontier", "parse_stats", "_sqlite_migrations", "films_fts", "films_fts_data"} <= hidden
    for name in ("frontier", "parse_stats", "_sqlite_migrations", "films_fts_data"):
        assert f'href="/{NAME}/{name}"' not in page
    assert f'href="/{NAME}/films"' in page  # the facts' tables stay


def test_json_arrays_read_as_lists_and_ids_in_views_link_to_their_rows(demo_path):
    film = film_row_id(demo_path, "tt99900010")
    [(status, page)] = get(demo_path, f"/{NAME}/ranked_films?imdb_id=tt99900010")
    assert status == 200
    assert '<ul class="cs-list"' in page and "<li>Documentary</li><li>History</li>" in page
    assert '["Documentary"' not in page and "[&#34;Documentary" not in page  # no raw JSON left
    assert f'<a href="/{NAME}/films/{film}">{film}</a>' in page
    assert f'<a href="/{NAME}/articles/1">1</a>' in page
    assert ">amazon stream</a>" in page  # a watch link is a link named by its provider and action


def test_a_films_row_page_is_a_film_card_with_every_facts_source(demo_path):
    film = film_row_id(demo_path, "tt99900010")
    [(status, page)] = get(demo_path, f"/{NAME}/films/{film}")
    assert status == 200
    text = " ".join(page.split())
    assert ">Inside North Korea (2007)</h1>" in text
    assert "On 1 list</h2>" in text
    assert '<td class="cs-rank">10</td>' in text  # its rank in the seed article
    assert "Release dates by country</h2>" in text and "2007-02-27" in text
    assert "National Geographic Television" in text and "Pangloss Films" in text
    assert "Keywords</h2>" in text and "concentration camp · conference room · defector" in text
    assert text.count(">National Geographic Television</td>") == 1  # two pages agreeing: one row, both sources
    assert 'title="http://sample.cinescrape.invalid/title/tt99900010/' in text  # each fact names its page
    [(status, article)] = get(demo_path, f"/{NAME}/articles/1")
    assert status == 200 and 'class="cs-card"' not in article  # other rows keep Datasette's page


def test_the_split_files_are_what_datasette_config_writes_and_merge_into_the_single_file(tmp_path):
    shipped = PROJECT / "datasette"
    assert yaml.safe_load((shipped / "datasette.yaml").read_text(encoding="utf-8")) == config("films")
    assert yaml.safe_load((shipped / "metadata.yaml").read_text(encoding="utf-8")) == descriptions("films")
    result = CliRunner().invoke(cli, ["datasette-config", "--db", "films.db", "--split", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = yaml.safe_load((tmp_path / "datasette.yaml").read_text(encoding="utf-8"))
    assert written == config("films")
    settings_keys = {"hidden", "label_column", "facets", "sort", "sort_desc", "size"}
    for table in written["databases"]["films"]["tables"].values():
        assert set(table) <= settings_keys  # how to show, in datasette.yaml …
    for table in descriptions("films")["databases"]["films"]["tables"].values():
        assert not set(table) & settings_keys  # … what it means, in metadata.yaml
    merged = metadata("films")["databases"]["films"]
    assert merged["queries"] == written["databases"]["films"]["queries"]
    assert merged["tables"]["frontier"]["hidden"] is True
    assert (
        merged["tables"]["films"]["description"]
        == descriptions("films")["databases"]["films"]["tables"]["films"]["description"]
    )


def test_each_canned_query_opens_with_a_chart(demo_path):
    [(_, page)] = get(demo_path, f"/{NAME}")
    for name, query in QUERIES.items():
        assert query["fragment"].startswith("g.mark=bar&")
        assert f'href="/{NAME}/{name}#{query["fragment"].replace("&", "&amp;")}"' in page
