"""What `cinescrape crawl` writes to stderr: silence under cron with --quiet unless something failed, one
summary line otherwise, and a progress line only on a terminal."""

from __future__ import annotations

import io
import logging
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper.cli import cli
from scraper.run import run_crawl
from tests.servers import FaultServer, fault_server, film_site, html, site_settings


def crawl(server: FaultServer, seeds: list[str], db_path: Path, *options: str):
    urls = [server.base + seed for seed in seeds]
    return CliRunner().invoke(cli, ["crawl", *urls, "--db", str(db_path), "--delay", "0", *options])


@pytest.fixture
def site():
    routes, seeds = film_site(1, 2)
    with fault_server(routes) as server:
        yield server, seeds, routes


def test_a_run_prints_one_summary_line_and_no_progress_when_stderr_is_no_terminal(site, tmp_path):
    server, seeds, _ = site
    result = crawl(server, seeds, tmp_path / "films.db")
    assert result.exit_code == 0
    assert result.stderr == (
        "cinescrape crawl: run 1: 3 pages fetched, 3 parsed, 0 unchanged; database: 3 pages, 1 article, "
        "2 ranked entries, 2 films, 0 companies, 5 keywords\n"
    )
    assert result.stdout == ""


def test_quiet_is_silent_when_all_went_well(site, tmp_path):
    server, seeds, _ = site
    result = crawl(server, seeds, tmp_path / "films.db", "--quiet")
    assert (result.exit_code, result.stderr, result.stdout) == (0, "", "")


def test_quiet_still_lists_what_failed_and_the_summary(site, tmp_path):
    server, seeds, routes = site
    routes["/title/tt1001001/"] = html("<h1>No such title</h1>", 404)
    result = crawl(server, seeds, tmp_path / "films.db", "--quiet")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [  # each failure once: no log line repeating the list
        "cinescrape crawl: 1 page failed:",
        f"  {server.base}/title/tt1001001/: HTTP 404 Not Found",
        "cinescrape crawl: run 1: 3 pages fetched, 2 parsed, 0 unchanged, 1 failed; database: 3 pages, 1 article, "
        "2 ranked entries, 2 films, 0 companies, 5 keywords",
    ]
    assert "\x1b" not in result.stderr


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_progress_line_and_log_lines_never_share_a_line(site, tmp_path, monkeypatch):
    server, seeds, _ = site
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    logger = logging.getLogger("cinescrape")
    logger.setLevel(logging.INFO)  # one log line per request, as --verbose: they come while the line is drawn
    try:
        run_crawl(site_settings(server, seeds), tmp_path / "films.db", "crawl")
    finally:
        logger.setLevel(logging.NOTSET)
    lines = re.split(r"[\r\n]", re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", terminal.getvalue()))
    logged = [line for line in lines if "cinescrape: GET" in line]
    drawn = [line for line in lines if "in flight" in line]
    assert len(logged) >= 4 and drawn  # robots.txt, the list, its two films; the status line
    assert not set(logged) & set(drawn)  # never one line holding both
    assert "fetched 3, parsed 3" in "".join(drawn)
    assert lines[-1].strip() == ""  # the status line is gone before the summary


def test_verbose_logs_one_line_per_request(site, tmp_path):
    server, seeds, _ = site
    result = crawl(server, seeds, tmp_path / "films.db", "--verbose")
    requests = [line for line in result.stderr.splitlines() if line.startswith("cinescrape: GET ")]
    assert len(requests) == 4  # robots.txt, the list, its two films
    assert requests[0].startswith(f"cinescrape: GET {server.base}/robots.txt → 404 HTTP/1.1 (")


def test_a_site_that_changed_its_layout_raises_the_parse_health_alarm_even_with_quiet(tmp_path):
    routes, seeds = film_site(1, 6)
    config = tmp_path / "crawl.toml"
    config.write_text("recrawl_hours = { review = 0, film = 0 }\n")
    with fault_server(routes) as server:
        first = crawl(server, seeds, tmp_path / "films.db", "--quiet", "--config", str(config))
        assert (first.exit_code, first.stderr) == (0, "")
        for path in [path for path in routes if path.startswith("/title/")]:
            routes[path] = html("<h1>A film</h1><p>The site moved its film pages to a new design.</p>")
        second = crawl(server, seeds, tmp_path / "films.db", "--quiet", "--config", str(config))
    assert second.exit_code == 0  # no page failed: the alarm is for a person, `cinescrape health` exits 1
    lines = second.stderr.splitlines()
    assert lines[0] == (
        "cinescrape crawl: parse health: run 2: 9 fields found on fewer pages than in run 1 (drop > 0.20); "
        "has a site changed its layout?"
    )
    assert lines[1].split() == ["kind", "layout", "field", "before", "now", "pages"]
    dropped = [line.split() for line in lines[2:]]
    assert {tuple(row[:2]) for row in dropped} == {("title", "*")}  # the new pages match no known layout
    assert [row[2] for row in dropped] == [
        "genres",
        "keywords",
        "keywords_total",
        "layout",
        "original_title",
        "plot",
        "title",
        "title_type",
        "year",
    ]
    assert {tuple(row[3:]) for row in dropped} == {("1.00", "0.00", "6")}
