"""``cinescrape import-warc``: WARC files written with warcio from real pages (gzip per record and plain, a
revisit, non-200 and non-HTML records, a truncated file) load the same facts as parsing the pages one by one,
as of their capture dates, and a second import changes nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from warcio.warcwriter import WARCWriter

from db import FetchedPage, Store
from scraper.cli import cli
from scraper.parsing import parse_page
from scraper.sources import imdb_page_url
from tests.conftest import REAL
from tests.test_wayback import chart
from tests.warcs import SITE_PAGES, START, real_pages, response, revisit, write_warc

# What a page says, without the row ids and times that differ between two loads of it.
FACTS = {
    "films": "select imdb_id, title, year, year_end, title_type from films order by imdb_id",
    "release_dates": "select f.imdb_id, r.date, r.precision, r.country, r.note from release_dates r "
    "join films f on f.id = r.film_id order by 1, 2, 3, 4, 5",
    "keywords": "select f.imdb_id, k.name from film_keywords fk join films f on f.id = fk.film_id "
    "join keywords k on k.id = fk.keyword_id order by 1, 2",
    "companies": "select f.imdb_id, c.name, fc.role from film_companies fc join films f on f.id = fc.film_id "
    "join companies c on c.id = fc.company_id order by 1, 2, 3",
    "genres": "select f.imdb_id, g.name from film_genres fg join films f on f.id = fg.film_id "
    "join genres g on g.id = fg.genre_id order by 1, 2",
    "pages": "select url, kind, status, content_hash, layout, captured_at, error from pages order by url",
}


def facts(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as conn:
        return {name: conn.execute(sql).fetchall() for name, sql in FACTS.items()}


def everything(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table but ``runs`` (each import is a run)."""
    with sqlite3.connect(db) as conn:
        names = [row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")]
        return {
            name: conn.execute(f"select * from [{name}] order by 1").fetchall()
            for name in names
            if name != "runs" and not name.startswith(("sqlite_", "_")) and "fts" not in name
        }


def import_warc(db: Path, *files: Path, jobs: int = 2, again: bool = False) -> Result:
    options = ["--jobs", str(jobs), *(["--again"] if again else [])]
    return CliRunner().invoke(cli, ["import-warc", *map(str, files), "--db", str(db), *options])


def test_a_warc_of_real_pages_loads_the_facts_of_parsing_them_one_by_one_and_twice_changes_nothing(
    tmp_path: Path,
) -> None:
    if not REAL.is_dir():
        pytest.skip("../shared (real pages) is not beside this checkout")
    pages = [(url, path.read_bytes()) for url, path in real_pages()]
    warc = tmp_path / "real.warc.gz"
    dates = write_warc(warc, pages, START)

    one_by_one = Store(tmp_path / "one_by_one.db")
    run_id = one_by_one.start_run("test", [])
    for (url, body), date in zip(pages, dates, strict=True):
        record = parse_page(body, url, None, "text/html; charset=utf-8")
        fetched = FetchedPage(
            imdb_page_url(url),
            record.kind,
            200,
            hashlib.sha256(body).hexdigest(),
            "text/html; charset=utf-8",
            captured_at=date.isoformat(timespec="seconds"),
        )
        one_by_one.save_page(run_id, fetched, record)
    one_by_one.close()

    db = tmp_path / "films.db"
    result = import_warc(db, warc)
    assert result.exit_code == 0, result.output
    assert f"{len(pages)} pages imported" in result.output
    assert "1 not 200" in result.output and "1 not HTML" in result.output and "1 request records" in result.output
    imported = facts(db)
    assert imported == facts(tmp_path / "one_by_one.db")
    assert len(imported["release_dates"]) > 50 and len(imported["keywords"]) > 50 and imported["companies"]
    with sqlite3.connect(db) as conn:
        archive_url = conn.execute("select archive_url from pages where url like '%tt0133093/releaseinfo'").fetchone()[
            0
        ]
        assert archive_url.startswith(warc.resolve().as_uri() + "#")
        queued = conn.execute("select count(*) from frontier where status = 'pending'").fetchone()[0]
    assert queued > 0  # sub-pages the title pages link: queued for a later crawl, not fetched

    before = everything(db)
    again = import_warc(db, warc)
    assert again.exit_code == 0, again.output
    assert "0 pages imported" in again.output and f"{len(pages)} unchanged" in again.output
    assert everything(db) == before


def test_a_revisit_is_its_original_as_of_its_own_date_and_one_core_reads_a_plain_warc(tmp_path: Path) -> None:
    (url, path), (second_url, second_path) = SITE_PAGES[:2]
    body = path.read_bytes()
    warc = tmp_path / "revisit.warc"
    with warc.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        response(writer, url, body, START)
        response(writer, second_url, second_path.read_bytes(), START)
        # the same title page captured a year later, through its /combined variant: one page, newer capture
        revisit(writer, url.replace("www.", "m.") + "combined", url, START, body, START + timedelta(days=365))
        revisit(writer, "http://www.imdb.com/title/tt0000001/", "http://elsewhere/", START, b"other", START)
        response(writer, second_url, body, "the day after the premiere")
    db = tmp_path / "films.db"
    result = import_warc(db, warc, jobs=1)
    assert result.exit_code == 0, result.output
    assert "3 pages imported" in result.output and "1 revisits of a record not in the files" in result.output
    assert "1 without a WARC-Date" in result.output
    with sqlite3.connect(db) as conn:
        rows = conn.execute("select url, captured_at from pages order by url").fetchall()
    assert rows == [
        (imdb_page_url(url), "2017-03-01T00:00:00+00:00"),
        (imdb_page_url(second_url), "2016-03-01T00:00:00+00:00"),
    ]
    # after a parser improved: --again loads the captures already loaded, to the same facts here
    before = facts(db)
    assert "0 pages imported" in import_warc(db, warc, jobs=1).output
    again = import_warc(db, warc, jobs=1, again=True)
    assert again.exit_code == 0 and "3 pages imported" in again.output
    assert facts(db) == before


def test_a_revisit_resolves_to_its_original_in_an_earlier_file_of_the_import(tmp_path: Path) -> None:
    url, path = SITE_PAGES[2]
    body = path.read_bytes()
    first, second = tmp_path / "a.warc.gz", tmp_path / "b.warc.gz"
    with first.open("wb") as out:
        response(WARCWriter(out, gzip=True), url, body, START)
    with second.open("wb") as out:
        revisit(WARCWriter(out, gzip=True), url, url, START, body, START + timedelta(days=30))
    db = tmp_path / "films.db"
    result = import_warc(db, first, second)
    assert result.exit_code == 0 and "2 pages imported" in result.output, result.output
    with sqlite3.connect(db) as conn:
        assert conn.execute("select captured_at, archive_url from pages").fetchone() == (
            "2016-03-31T00:00:00+00:00",
            f"{second.resolve().as_uri()}#0",
        )


def test_a_list_captured_at_three_dates_is_three_states_of_its_history(tmp_path: Path) -> None:
    warc = tmp_path / "chart.warc.gz"
    write_warc(
        warc,
        [
            ("http://www.imdb.com/chart/top", chart([0, 1, 2, 3])),
            ("http://www.imdb.com/chart/top/", chart([0, 1, 3, 2])),
            ("https://m.imdb.com/chart/top?ref_=nv", chart([0, 2, 1, 3])),
        ],
        START,
    )
    db = tmp_path / "films.db"
    assert import_warc(db, warc).exit_code == 0
    with sqlite3.connect(db) as conn:
        states = conn.execute(
            "select valid_from, valid_to, title from ranking_history where position = 3 order by valid_from"
        ).fetchall()
    assert states == [
        ("2016-03-01T00:00:00+00:00", "2016-03-01T00:01:00+00:00", "The Dark Knight"),
        ("2016-03-01T00:01:00+00:00", "2016-03-01T00:02:00+00:00", "The Godfather Part II"),
        ("2016-03-01T00:02:00+00:00", None, "The Godfather"),
    ]


def test_a_crawl_of_the_wayback_machine_is_its_captures_as_of_their_dates(tmp_path: Path) -> None:
    # web.archive.org's served pages crawled into a WARC in one sitting (2026): each is the page it archived, as of
    # its capture (the timestamp in its address), not of the crawl's visit
    warc = tmp_path / "wayback.warc.gz"
    served = "https://web.archive.org/web/{}/http://www.imdb.com/chart/top"
    write_warc(
        warc,
        [
            (served.format("20100315000000"), chart([0, 1, 2, 3])),
            (served.format("20150315000000"), chart([0, 1, 3, 2])),
            (served.format("20200315000000"), chart([0, 2, 1, 3])),
        ],
        START.replace(year=2026),
    )
    db = tmp_path / "films.db"
    assert import_warc(db, warc).exit_code == 0
    with sqlite3.connect(db) as conn:
        states = conn.execute(
            "select valid_from, valid_to, title from ranking_history where position = 3 order by valid_from"
        ).fetchall()
        pages = conn.execute("select distinct url from pages where kind = 'review'").fetchall()
    assert pages == [("https://www.imdb.com/chart/top",)]
    assert states == [
        ("2010-03-15T00:00:00+00:00", "2015-03-15T00:00:00+00:00", "The Dark Knight"),
        ("2015-03-15T00:00:00+00:00", "2020-03-15T00:00:00+00:00", "The Godfather Part II"),
        ("2020-03-15T00:00:00+00:00", None, "The Godfather"),
    ]


def test_a_truncated_file_loads_the_records_before_the_damage_and_exits_1(tmp_path: Path) -> None:
    pages = [(url, path.read_bytes()) for url, path in SITE_PAGES[:4]]
    warc = tmp_path / "cut.warc.gz"
    write_warc(warc, pages, START)
    data = warc.read_bytes()
    warc.write_bytes(data[: len(data) - 700])  # the last record cut short
    db = tmp_path / "films.db"
    result = import_warc(db, warc)
    assert result.exit_code == 1
    assert "damaged or truncated" in result.output
    assert "3 pages imported" in result.output
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from pages").fetchone() == (3,)
        assert conn.execute("select exit_code from runs").fetchone() == (1,)
