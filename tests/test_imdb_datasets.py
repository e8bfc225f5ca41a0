"""`cinescrape import-imdb-datasets`: IMDb's title.basics and title.akas files (small samples of the same
format in tests/fixtures/imdb_datasets) into imdb_titles and imdb_akas, and what the resolver makes of them."""

from __future__ import annotations

import gzip
import io
import json
import re
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from db import FetchedPage, Store
from db.imdb_datasets import AKAS, BASICS, DatasetError, import_datasets
from parsers.records import Article, RankedEntry, ReviewPage
from scraper.cli import cli
from tests.conftest import FIXTURES

DATASETS = FIXTURES / "imdb_datasets"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "datasets.db")


def test_titles_are_stored_with_their_keys_and_episodes_and_games_are_skipped(store):
    results = import_datasets(store.db, DATASETS)
    assert [(r.name, r.read, r.kept) for r in results] == [(BASICS, 23, 21), (AKAS, 17, 13)]
    rows = store.db.execute(
        "select id, imdb_id, title_type, primary_title, original_title, is_adult, start_year, end_year, "
        "runtime_minutes, genres, title_key, original_key from imdb_titles where imdb_id in "
        "('tt99900005', 'tt99900014', 'tt99900015', 'tt99900018')"
    ).fetchall()
    assert rows == [
        (99900005, "tt99900005", "movie", "The Red Chapel", "Det røde kapel", 0, 2009, None, 87, "Documentary",
         "red chapel", "det rode kapel"),
        (99900014, "tt99900014", "tvSeries", "Crossing the Line", "Crossing the Line", 0, 2013, 2014, None, "Drama",
         "crossing the line", None),
        (99900015, "tt99900015", "movie", "Under the Sun", "Under the Sun", 0, None, None, None, "Documentary",
         "under the sun", None),
        (99900018, "tt99900018", "movie", "Amélie", "Le fabuleux destin d'Amélie Poulain", 0, 2001, None, 122,
         "Comedy,Romance", "amelie", "fabuleux destin damelie poulain"),
    ]  # fmt: skip
    types = {row[0] for row in store.db.execute("select distinct title_type from imdb_titles")}
    assert "tvEpisode" not in types and "videoGame" not in types


def test_akas_are_kept_once_per_spelling_and_only_for_titles_kept(store):
    import_datasets(store.db, DATASETS)
    assert store.db.execute(
        "select title_id, ordering, title, region, language, types, attributes, is_original_title, title_key "
        "from imdb_akas where title_id = 99900018 order by ordering"
    ).fetchall() == [
        (99900018, 1, "Le fabuleux destin d'Amélie Poulain", None, None, "original", None, 1,
         "fabuleux destin damelie poulain"),
        (99900018, 2, "Amélie", "US", None, "imdbDisplay", None, 0, "amelie"),  # GB's "Amélie" is the same spelling
        (99900018, 4, "Die fabelhafte Welt der Amélie", "DE", None, "imdbDisplay", None, 0, "fabelhafte welt der amelie"),
        (99900018, 5, "The Fabulous Destiny of Amélie Poulain", "XWW", "en", None, "literal English title", 0,
         "fabulous destiny of amelie poulain"),
    ]  # fmt: skip
    # the episode tt99900016 is not imported, so neither is its aka
    assert store.db.execute("select count(*) from imdb_akas where title_id = 99900016").fetchone()[0] == 0


def test_a_re_import_replaces_and_the_indexes_are_there_after(store):
    import_datasets(store.db, DATASETS)
    import_datasets(store.db, DATASETS)
    assert store.db.execute("select count(*) from imdb_titles").fetchone()[0] == 21
    assert store.db.execute("select count(*) from imdb_akas").fetchone()[0] == 13
    assert store.db.execute("select name, rows from imdb_datasets order by 1").fetchall() == [(AKAS, 13), (BASICS, 21)]
    indexes = {row[0] for row in store.db.execute("select name from sqlite_master where type = 'index'")}
    assert {"idx_imdb_titles_title_key", "idx_imdb_titles_original_key", "idx_imdb_akas_title_key"} <= indexes
    plan = " ".join(
        str(row[3]) for row in store.db.execute("explain query plan select * from imdb_akas where title_key = 'x'")
    )
    assert "idx_imdb_akas_title_key" in plan


def test_progress_is_reported_as_the_compressed_bytes_read(store):
    seen: list[int] = []
    import_datasets(store.db, DATASETS, seen.append)
    assert sum(seen) == (DATASETS / BASICS).stat().st_size + (DATASETS / AKAS).stat().st_size


def test_a_missing_or_foreign_file_is_a_clear_error_and_replaces_nothing(store, tmp_path):
    import_datasets(store.db, DATASETS)
    folder = tmp_path / "broken"
    folder.mkdir()
    shutil.copy(DATASETS / AKAS, folder / AKAS)
    with pytest.raises(DatasetError, match=r"missing title\.basics\.tsv\.gz"):
        import_datasets(store.db, folder)
    (folder / BASICS).write_bytes(gzip.compress(b"id\tname\nx\ty\n"))
    with pytest.raises(DatasetError, match=r"not IMDb's title\.basics\.tsv\.gz"):
        import_datasets(store.db, folder)
    (folder / BASICS).write_bytes(b"tconst\ttitleType\n")
    with pytest.raises(DatasetError, match="not a gzip file"):
        import_datasets(store.db, folder)
    assert store.db.execute("select count(*) from imdb_titles").fetchone()[0] == 21


def test_the_commands_import_resolve_and_list_what_stays_open(tmp_path):
    db_path = tmp_path / "cli.db"
    store = Store(db_path)
    run = store.start_run("test", [])
    page = ReviewPage(
        url="http://blog.example/top/",
        article=Article(title="Top documentaries"),
        entries=(RankedEntry(1, "Det røde kapel", 2009), RankedEntry(2, "Crossing the Line", 2006)),
    )
    store.save_page(run, FetchedPage(page.url or "", "review", 200, "h"), page)
    store.close()
    runner = CliRunner()
    imported = runner.invoke(cli, ["import-imdb-datasets", str(DATASETS), "--db", str(db_path)])
    assert imported.exit_code == 0, imported.output
    assert "title.basics.tsv.gz: 23 rows read, 21 stored" in imported.stderr
    resolved = runner.invoke(cli, ["resolve", "--db", str(db_path)])
    assert resolved.exit_code == 0, resolved.output
    assert "1 entry resolved, 1 unresolved" in resolved.stderr
    listed = runner.invoke(cli, ["unresolved", "--db", str(db_path), "--json"])
    assert listed.exit_code == 0, listed.output
    assert json.loads(listed.stdout) == [
        {
            "article": "Top documentaries",
            "rank": 2,
            "title": "Crossing the Line",
            "year": 2006,
            "note": "ambiguous (dataset): Crossing the Line (2006) tt99900009; Crossing the Line (2006) tt99900013",
        }
    ]
    table = runner.invoke(cli, ["unresolved", "--db", str(db_path)])
    assert table.stdout.splitlines()[0].split() == ["article", "rank", "title", "year", "note"]
    assert "Crossing the Line" in table.stdout.splitlines()[1]
    missing = runner.invoke(cli, ["import-imdb-datasets", str(tmp_path), "--db", str(db_path)])
    assert missing.exit_code == 2
    assert "missing title.basics.tsv.gz, title.akas.tsv.gz" in missing.stderr


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_import_draws_a_bar_and_clears_it(tmp_path, monkeypatch):
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    code = cli.main(["import-imdb-datasets", str(DATASETS), "--db", str(tmp_path / "films.db")], standalone_mode=False)
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", terminal.getvalue())
    assert code is None or code == 0
    assert "importing" in shown  # the bar was drawn …
    lines = [line for line in re.split(r"[\r\n]", shown) if line.strip()]
    assert (
        lines[-2:]
        == [  # … and is gone before the summary lines
            line for line in lines if line.startswith("cinescrape import-imdb-datasets: ")
        ][-2:]
    )
