"""The Wayback Machine as a source, against a fake archive on 127.0.0.1 (tests/archive_server.py) serving real
pages: CDX lookups (one per film, cached), the capture nearest before a date, URL variants as one page, a
list's history from its captures, and the archive's limits (a 429 storm, Retry-After, redirects, a missing
capture). No test reaches the real archive."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from db.archive import archive_path_for
from db.datasette import QUERIES
from scraper.cli import cli
from scraper.config import Settings
from scraper.run import run_crawl, run_reparse
from scraper.sources import imdb_page_url
from scraper.sources.wayback import MinuteLimiter, dates_every, timestamp_of
from tests.archive_server import FakeArchive, Reply, fake_archive
from tests.conftest import FIXTURES, REAL

SITE_TITLE = (FIXTURES / "site" / "title" / "tt99900001" / "index.html").read_bytes()
MATRIX = "https://www.imdb.com/title/tt0133093/"
FILMS = [
    ("tt0111161", "The Shawshank Redemption", 1994),
    ("tt0068646", "The Godfather", 1972),
    ("tt0468569", "The Dark Knight", 2008),
    ("tt0071562", "The Godfather Part II", 1974),
]


def chart(order: list[int]) -> bytes:
    """An IMDb chart page of the 2010s (a table of "rank. title (year)" rows) listing FILMS in ``order``."""
    rows = "".join(
        f'<tr><td class="titleColumn">{rank}. <a href="/title/{FILMS[i][0]}/">{FILMS[i][1]}</a> '
        f'<span class="secondaryInfo">({FILMS[i][2]})</span></td><td class="ratingColumn">9.{9 - rank}</td></tr>'
        for rank, i in enumerate(order, start=1)
    )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>IMDb Top 250 - IMDb</title></head><body>'
        '<div id="main"><h1 class="header">IMDb Top 250</h1><table class="chart"><thead><tr><th>Rank &amp; Title'
        f"</th><th>IMDb Rating</th></tr></thead><tbody>{rows}</tbody></table></div></body></html>"
    ).encode()


def settings(archive: FakeArchive, *seeds: str, **values: object) -> Settings:
    base: dict[str, object] = {"delay_seconds": 0.0, "max_retry_after_seconds": 5.0, "backoff_seconds": 0.01}
    return Settings(seeds=seeds, source="wayback", wayback_url=archive.base, **{**base, **values})  # type: ignore[arg-type]


def real(folder: str, name: str) -> bytes:
    if not REAL.is_dir():
        pytest.skip("../shared (real pages) is not beside this checkout")
    return (REAL / folder / name).read_bytes()


def test_a_film_is_filled_from_its_archived_title_page_and_sub_pages_with_one_cdx_request(tmp_path: Path) -> None:
    archive = FakeArchive()
    archive.add(
        "http://www.imdb.com/title/tt0133093/",
        "20130120101010",
        real("A_imdb_title_old", "spotlite__tt0133093__2013-01-20__main.html"),
    )
    archive.add(
        "http://imdb.com/title/tt0133093/",
        "20160227101010",
        real("A_imdb_title_old", "spotlite__tt0133093__2016-02-27__main.html"),
    )
    for stamp, name in (("20130120", "2013-01-20"), ("20140629", "2014-06-29"), ("20160227", "2016-02-27")):
        archive.add(
            "http://www.imdb.com/title/tt0133093/releaseinfo",
            f"{stamp}111111",
            real("B_imdb_subpages", f"spotlite__tt0133093__releaseinfo__{name}.html"),
        )
    for stamp, name in (("20130120", "2013-01-20"), ("20140629", "2014-06-29")):
        archive.add(
            "http://www.imdb.com/title/tt0133093/keywords?ref_=tt_stry_kw",
            f"{stamp}121212",
            real("B_imdb_subpages", f"spotlite__tt0133093__keywords__{name}.html"),
        )
    db = tmp_path / "films.db"
    with fake_archive(archive):
        seed = "http://m.imdb.com/title/tt0133093/combined"
        report = run_crawl(settings(archive, seed, subpages=("releaseinfo", "keywords")), db, "crawl")
        assert report.summary.failed == [] and report.summary.stopped is None
        assert len(archive.cdx_requests) == 1  # the title page and every sub-page: one prefix query
        assert "url=imdb.com%2Ftitle%2Ftt0133093%2F%2A" in archive.cdx_requests[0]
        assert "filter=statuscode%3A200" in archive.cdx_requests[0] and "collapse=digest" in archive.cdx_requests[0]
        store = report_store(db)
        pages = dict(store.execute("select url, captured_at from pages").fetchall())
        assert pages == {
            MATRIX: "2016-02-27T10:10:10+00:00",
            MATRIX + "releaseinfo": "2016-02-27T11:11:11+00:00",
            MATRIX + "keywords": "2014-06-29T12:12:12+00:00",
        }
        archive_urls = [row[0] for row in store.execute("select archive_url from pages order by url")]
        assert archive_urls[0] == f"{archive.base}/web/20160227101010id_/http://imdb.com/title/tt0133093/"
        # each fact cites its page, and the page its capture
        cited = store.execute(
            "select distinct p.url, p.captured_at from release_dates r join pages p on p.id = r.page_id "
            "join films f on f.id = r.film_id where f.imdb_id = 'tt0133093'"
        ).fetchall()
        assert (MATRIX + "releaseinfo", "2016-02-27T11:11:11+00:00") in cited
        keywords = store.execute(
            "select count(*) from film_keywords fk join pages p on p.id = fk.page_id where p.url = ?",
            [MATRIX + "keywords"],
        ).fetchone()[0]
        assert keywords > 50
        companies = store.execute(
            "select distinct c.name, p.captured_at from film_companies fc join companies c on c.id = fc.company_id "
            "join pages p on p.id = fc.page_id"
        ).fetchall()
        assert ("Warner Bros.", "2016-02-27T10:10:10+00:00") in companies  # from the title page's capture
        store.close()
        asked = len(archive.requests)
        again = run_crawl(
            settings(archive, MATRIX, subpages=("releaseinfo", "keywords"), recrawl_hours={"film": 0.0}), db, "crawl"
        )
        # due again, but the cached CDX answer is fresh... only when the dates allow: here "latest" with
        # recrawl 0 asks the CDX API again, finds no newer capture and fetches no page
        assert again.summary.parsed == 0 and again.summary.failed == []
        assert [path for path in archive.requests[asked:] if path.startswith("/web/")] == []


def report_store(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(db)


def test_the_capture_nearest_before_the_date_is_taken(tmp_path: Path) -> None:
    archive = FakeArchive()
    archive.add("http://www.imdb.com/title/tt99900001/", "20100101000000", SITE_TITLE)
    archive.add(
        "http://www.imdb.com/title/tt99900001/reference",
        "20120601000000",
        SITE_TITLE.replace(b"Under the Sun", b"Under the Sun!"),
    )
    archive.add(
        "http://www.imdb.com/title/tt99900001/",
        "20150101000000",
        SITE_TITLE.replace(b"Under the Sun", b"Under the Sun?"),
    )
    with fake_archive(archive):
        report = run_crawl(
            settings(archive, "https://www.imdb.com/title/tt99900001/", wayback_at=("2014",), max_depth=0),
            tmp_path / "f.db",
            "crawl",
        )
    assert report.summary.failed == []
    store = report_store(tmp_path / "f.db")
    assert store.execute("select captured_at, archive_url like '%/web/20120601000000id_/%' from pages").fetchall() == [
        ("2012-06-01T00:00:00+00:00", 1)
    ]
    assert archive.capture_requests == ["/web/20120601000000id_/http://www.imdb.com/title/tt99900001/reference"]
    # parsed again from the raw archive, the page is still the capture it was
    reparsed = run_reparse(Settings(), tmp_path / "f.db", archive_path_for(tmp_path / "f.db"))
    assert reparsed.parsed == 1
    assert store.execute("select captured_at, archive_url like '%/web/20120601000000id_/%' from pages").fetchall() == [
        ("2012-06-01T00:00:00+00:00", 1)
    ]


def test_a_chart_at_three_dates_is_three_states_of_its_history(tmp_path: Path) -> None:
    archive = FakeArchive()
    archive.add("http://www.imdb.com/chart/top", "20100315000000", chart([0, 1, 2, 3]))
    archive.add("http://www.imdb.com/chart/top/", "20150315000000", chart([0, 1, 3, 2]))
    archive.add("https://www.imdb.com/chart/top?ref_=nv_mv_250", "20200315000000", chart([0, 2, 1, 3]))
    db = tmp_path / "f.db"
    config = tmp_path / "crawl.toml"
    config.write_text(f'[crawl]\nwayback_url = "{archive.base}"\ndelay_seconds = 0\nmax_depth = 0\n')
    with fake_archive(archive):
        config.write_text(f'[crawl]\nwayback_url = "{archive.base}"\ndelay_seconds = 0\nmax_depth = 0\n')
        result = CliRunner().invoke(
            cli,
            ["crawl", "https://www.imdb.com/chart/top/", "--db", str(db), "--config", str(config), "--source", "wayback",
             "--every", "5y", "--from", "2011", "--to", "2021"],
        )  # fmt: skip
    assert result.exit_code == 0, result.output
    store = report_store(db)
    history = store.execute(
        "select valid_from, valid_to, position, title from ranking_history where position = 3 order by valid_from"
    ).fetchall()
    assert history == [
        ("2010-03-15T00:00:00+00:00", "2015-03-15T00:00:00+00:00", 3, "The Dark Knight"),
        ("2015-03-15T00:00:00+00:00", "2020-03-15T00:00:00+00:00", 3, "The Godfather Part II"),
        ("2020-03-15T00:00:00+00:00", None, 3, "The Godfather"),
    ]
    as_of_2016 = store.execute(
        "select title from ranking_history where valid_from <= '2016' and (valid_to is null or valid_to > '2016') "
        "order by position"
    ).fetchall()
    assert [t for (t,) in as_of_2016] == [
        "The Shawshank Redemption",
        "The Godfather",
        "The Godfather Part II",
        "The Dark Knight",
    ]
    assert len(archive.cdx_requests) == 1
    # the canned query shows the chart at each capture
    shown = store.execute(QUERIES["list_history"]["sql"], {"url": "https://www.imdb.com/chart/top"}).fetchall()
    assert [(as_of, position, title) for as_of, position, _, title, _ in shown if position == 3] == [
        ("2010-03-15", 3, "The Dark Knight"),
        ("2015-03-15", 3, "The Godfather Part II"),
        ("2020-03-15", 3, "The Godfather"),
    ]
    assert len(shown) == 12


def test_later_dates_in_a_later_run_add_later_states_and_earlier_ones_are_skipped(tmp_path: Path) -> None:
    archive = FakeArchive()
    for stamp, order in (("20100315", [0, 1, 2, 3]), ("20150315", [0, 1, 3, 2]), ("20200315", [0, 2, 1, 3])):
        archive.add("http://www.imdb.com/chart/top", f"{stamp}000000", chart(order))
    db = tmp_path / "f.db"
    with fake_archive(archive):
        for dates in (("2016",), ("2011",)):  # the later date first: the earlier capture comes too late
            run_crawl(settings(archive, "https://www.imdb.com/chart/top", wayback_at=dates, max_depth=0), db, "crawl")
        assert len(archive.capture_requests) == 1
        store = report_store(db)
        assert store.execute("select count(distinct valid_from) from ranking_history").fetchone() == (1,)
        report = run_crawl(
            settings(archive, "https://www.imdb.com/chart/top", wayback_at=("2021",), max_depth=0), db, "crawl"
        )
    # the CDX answer of the first run lists every capture made before it: asked once
    assert report.summary.parsed == 1 and len(archive.cdx_requests) == 1
    assert [row[0] for row in store.execute("select distinct valid_from from ranking_history order by 1")] == [
        "2015-03-15T00:00:00+00:00",
        "2020-03-15T00:00:00+00:00",
    ]


def test_cdx_requests_go_through_the_limit_of_the_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Six films, two CDX requests a minute: on a virtual clock (each wait advances it), no minute holds more
    than two, and every CDX request the archive saw waited its turn."""
    now = [0.0]
    turns: list[float] = []

    async def sleep(seconds: float) -> None:
        now[0] += seconds

    class VirtualLimiter(MinuteLimiter):
        def __init__(self, per_minute: int) -> None:
            super().__init__(per_minute, clock=lambda: now[0], sleep=sleep)

        async def wait(self) -> None:
            await super().wait()
            turns.append(now[0])

    monkeypatch.setattr("scraper.sources.wayback.MinuteLimiter", VirtualLimiter)
    archive = FakeArchive()
    seeds = [f"https://www.imdb.com/title/tt9990000{number}/" for number in range(1, 7)]
    for seed in seeds:
        archive.add(seed.replace("https", "http"), "20150101000000", SITE_TITLE)
    with fake_archive(archive):
        report = run_crawl(settings(archive, *seeds, max_depth=0, wayback_cdx_per_minute=2), tmp_path / "f.db", "crawl")
    assert report.summary.parsed == 6
    assert len(archive.cdx_requests) == len(turns) == 6
    assert all(sum(1 for t in turns if start <= t < start + 60) <= 2 for start in turns)
    assert max(turns) >= 120  # the fifth and sixth waited two minutes


def test_two_429s_in_a_row_end_the_run_with_one_line_and_the_rest_deferred(tmp_path: Path) -> None:
    archive = FakeArchive(cdx_faults=[Reply(429, {"Retry-After": "0"})] * 2)
    for number in (1, 2, 3):
        archive.add(f"http://www.imdb.com/title/tt9990000{number}/", "20150101000000", SITE_TITLE)
    db = tmp_path / "f.db"
    config = tmp_path / "crawl.toml"
    with fake_archive(archive):
        config.write_text(f'[crawl]\nwayback_url = "{archive.base}"\ndelay_seconds = 0\n')
        result = CliRunner().invoke(
            cli,
            ["crawl", *(f"https://www.imdb.com/title/tt9990000{n}/" for n in (1, 2, 3)), "--db", str(db),
             "--config", str(config), "--source", "wayback", "--quiet"],
        )  # fmt: skip
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "429" in result.output and "not asked again" in result.output
    assert len(archive.requests) == 2  # nothing after the second 429
    store = report_store(db)
    # the page in hand (and any waiting for the archive) deferred, the others still pending: nothing failed
    statuses = [status for (status,) in store.execute("select status from frontier")]
    assert len(statuses) == 3 and "deferred" in statuses and set(statuses) <= {"deferred", "pending"}
    assert store.execute("select exit_code from runs").fetchone() == (1,)


def test_a_single_429_waits_its_retry_after_and_goes_on(tmp_path: Path) -> None:
    archive = FakeArchive(capture_faults=[Reply(429, {"Retry-After": "1"})])
    archive.add("http://www.imdb.com/title/tt99900001/", "20150101000000", SITE_TITLE)
    with fake_archive(archive):
        report = run_crawl(
            settings(archive, "https://www.imdb.com/title/tt99900001/", max_depth=0), tmp_path / "f.db", "crawl"
        )
    assert report.summary.failed == [] and report.summary.parsed == 1 and report.summary.stopped is None
    assert len(archive.capture_requests) == 2


def test_a_redirect_inside_the_archive_is_followed_and_the_capture_time_is_the_one_served(tmp_path: Path) -> None:
    archive = FakeArchive()
    archive.add("http://www.imdb.com/title/tt99900001/", "20150101000000", SITE_TITLE)
    archive.add("http://www.imdb.com/title/tt99900001/", "20160101000000", SITE_TITLE + b" ")
    archive.missing.add("20160101000000")
    with fake_archive(archive):
        archive.redirects["20160101000000"] = (
            f"{archive.base}/web/20150101000000id_/http://www.imdb.com/title/tt99900001/"
        )
        report = run_crawl(
            settings(archive, "https://www.imdb.com/title/tt99900001/", max_depth=0), tmp_path / "f.db", "crawl"
        )
    assert report.summary.failed == []
    store = report_store(tmp_path / "f.db")
    assert store.execute("select captured_at, archive_url from pages").fetchone() == (
        "2015-01-01T00:00:00+00:00",
        f"{archive.base}/web/20150101000000id_/http://www.imdb.com/title/tt99900001/",
    )


def test_a_redirect_out_of_the_archive_is_refused(tmp_path: Path) -> None:
    archive = FakeArchive(redirects={"20150101000000": "http://www.imdb.com/title/tt99900001/"})
    archive.add("http://www.imdb.com/title/tt99900001/", "20150101000000", SITE_TITLE)
    with fake_archive(archive):
        report = run_crawl(
            settings(archive, "https://www.imdb.com/title/tt99900001/", max_depth=0), tmp_path / "f.db", "crawl"
        )
    assert [reason for _, reason in report.summary.failed] == [
        "refused: the archive redirected out of itself, to http://www.imdb.com/title/tt99900001/"
    ]


def test_a_capture_the_archive_cannot_serve_gives_way_to_the_one_before_it(tmp_path: Path) -> None:
    archive = FakeArchive(missing={"20150101000000"})
    archive.add("http://www.imdb.com/title/tt99900001/", "20140101000000", SITE_TITLE)
    archive.add("http://www.imdb.com/title/tt99900001/", "20150101000000", SITE_TITLE + b" ")
    with fake_archive(archive):
        report = run_crawl(
            settings(archive, "https://www.imdb.com/title/tt99900001/", max_depth=0), tmp_path / "f.db", "crawl"
        )
    assert report.summary.failed == [] and report.summary.parsed == 1
    assert report_store(tmp_path / "f.db").execute("select captured_at from pages").fetchone() == (
        "2014-01-01T00:00:00+00:00",
    )
    assert [path.split("id_")[0] for path in archive.capture_requests] == ["/web/20150101000000", "/web/20140101000000"]


def test_a_missing_capture_and_a_page_never_captured_fail_with_their_reason(tmp_path: Path) -> None:
    archive = FakeArchive(missing={"20150101000000"})
    archive.add("http://www.imdb.com/title/tt99900001/", "20150101000000", SITE_TITLE)
    seeds = ("https://www.imdb.com/title/tt99900001/", "https://www.imdb.com/title/tt99900002/")
    with fake_archive(archive):
        report = run_crawl(settings(archive, *seeds, max_depth=0), tmp_path / "f.db", "crawl")
    assert sorted(report.summary.failed) == [
        (seeds[0], "capture 20150101000000 of http://www.imdb.com/title/tt99900001/ is missing from the archive"),
        (seeds[1], "no capture in the archive"),
    ]
    assert report.summary.exit_code == 1


@pytest.mark.parametrize(
    "url",
    [
        "http://imdb.com/title/tt0133093",
        "https://m.imdb.com/title/tt0133093/?ref_=nv_sr_1",
        "http://www.imdb.com/title/tt0133093/combined",
        "http://www.imdb.com/title/tt0133093/reference/",
        "https://www.imdb.com/title/tt0133093/maindetails",
    ],
)
def test_the_variants_of_a_title_page_are_one_url(url: str) -> None:
    assert imdb_page_url(url) == MATRIX


def test_sub_pages_and_other_imdb_pages_fold_their_variants_too() -> None:
    assert imdb_page_url("http://m.imdb.com/title/tt0133093/releaseinfo/?ref_=tt_ov_rdat") == MATRIX + "releaseinfo"
    assert (
        imdb_page_url("http://www.imdb.com/chart/top/")
        == imdb_page_url("https://imdb.com/chart/top")
        == "https://www.imdb.com/chart/top"
    )
    assert imdb_page_url("http://blog.example/best/?ref_=x") == "http://blog.example/best/"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--source", "wayback", "--at", "2015-13"], "'2015-13' is no date"),
        (["--at", "2015"], "need --source wayback"),
        (["--source", "wayback", "--every", "1w", "--from", "2008"], "give years or months"),
        (["--source", "wayback", "--every", "1y"], "--every needs --from"),
    ],
)
def test_wrong_dates_are_usage_errors(tmp_path: Path, options: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["crawl", MATRIX, "--db", str(tmp_path / "f.db"), *options])
    assert result.exit_code == 2 and message in result.output
    assert not (tmp_path / "f.db").exists()


def test_dates_every_and_timestamps() -> None:
    assert dates_every("5y", "2008", "2025") == ("2008-01-01", "2013-01-01", "2018-01-01", "2023-01-01")
    assert dates_every("6m", "2020-03", "2021-03-01") == ("2020-03-01", "2020-09-01", "2021-03-01")
    assert timestamp_of("2015") == "20150101000000" and timestamp_of("2015-06-02") == "20150602000000"
    with pytest.raises(ValueError):
        dates_every("1w", "2008", "2009")


def test_the_cdx_limiter_never_lets_more_than_the_setting_into_a_minute() -> None:
    now = [0.0]
    starts: list[float] = []

    async def sleep(seconds: float) -> None:
        now[0] += seconds

    async def main() -> None:
        limiter = MinuteLimiter(3, clock=lambda: now[0], sleep=sleep)
        for _ in range(10):
            await limiter.wait()
            starts.append(now[0])
            now[0] += 1.0  # each request takes a second

    asyncio.run(main())
    assert all(sum(1 for t in starts if start <= t < start + 60) <= 3 for start in starts)
    assert starts[3] == 60.0  # the fourth waited for the first to leave the window, not longer
