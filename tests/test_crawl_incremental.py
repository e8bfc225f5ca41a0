"""Second and later runs: only what is due is fetched, what did not change is neither parsed nor written,
and the pages an unchanged page leads to still follow the recrawl policy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlite_utils import Database

from scraper.run import Report, run_crawl
from tests.servers import FaultServer, conditional, fault_server, film_site, site_settings

ALL_DUE = {"review": 0.0, "film": 0.0}


def crawl(server: FaultServer, seeds: list[str], db_path: Path, **overrides: Any) -> tuple[Report, list[str]]:
    server.seen.clear()
    report = run_crawl(site_settings(server, seeds, **overrides), db_path, "crawl")
    return report, sorted(request.path for request in server.seen if request.path != "/robots.txt")


def pages(db_path: Path) -> list[tuple[Any, ...]]:
    return Database(db_path).execute("select url, content_hash, fetched_at, run_id from pages order by url").fetchall()


def test_a_second_run_fetches_nothing_that_is_not_due_seeds_included(tmp_path):
    routes, seeds = film_site(2, 3)
    with fault_server(routes) as server:
        first, _ = crawl(server, seeds, tmp_path / "films.db")
        second, asked = crawl(server, seeds, tmp_path / "films.db")
    assert first.summary.parsed == 8
    assert asked == []  # the seeds were stored as reviews, due again only after recrawl_hours.review
    assert (second.summary.fetched, second.summary.parsed) == (0, 0)


def test_a_run_where_everything_is_due_asks_conditionally_and_parses_nothing_unchanged(tmp_path):
    routes, seeds = film_site(2, 3)
    with fault_server(routes) as server:
        crawl(server, seeds, tmp_path / "films.db", recrawl_hours=ALL_DUE)
        before = pages(tmp_path / "films.db")
        report, asked = crawl(server, seeds, tmp_path / "films.db", recrawl_hours=ALL_DUE)
        conditional_requests = [request for request in server.seen if "If-None-Match" in request.headers]
    assert asked == sorted(routes)  # the title pages too, though the unchanged lists were not parsed again
    assert len(conditional_requests) == 8
    assert (report.summary.fetched, report.summary.unchanged, report.summary.parsed) == (8, 8, 0)
    assert pages(tmp_path / "films.db") == before  # nothing written


def test_the_children_of_an_unchanged_page_are_queued_only_when_they_are_due(tmp_path):
    routes, seeds = film_site(2, 3)
    policy = {"review": 0.0, "film": 160.0}
    with fault_server(routes) as server:
        crawl(server, seeds, tmp_path / "films.db", recrawl_hours=policy)
        report, asked = crawl(server, seeds, tmp_path / "films.db", recrawl_hours=policy)
    assert asked == sorted(seeds)
    assert report.summary.unchanged == 2


def test_a_changed_page_is_parsed_and_only_it(tmp_path):
    routes, seeds = film_site(2, 3)
    with fault_server(routes) as server:
        crawl(server, seeds, tmp_path / "films.db", recrawl_hours=ALL_DUE)
        changed = "/title/tt1002003/"
        routes[changed] = conditional(
            Path(__file__).parent.joinpath("fixtures/site/title/tt99900002/index.html").read_text()
        )
        report, _ = crawl(server, seeds, tmp_path / "films.db", recrawl_hours=ALL_DUE)
    assert (report.summary.parsed, report.summary.unchanged) == (1, 7)
    db = Database(tmp_path / "films.db")
    assert db.execute("select run_id from pages where url = ?", [server.base + changed]).fetchone()[0] == 2
