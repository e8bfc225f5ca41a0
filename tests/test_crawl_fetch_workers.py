"""Issue 14: pages fetched in worker processes (scraper/fetch_pool.py), the crawl's process keeping the frontier,
robots.txt, the host gate and the store. The database is the one fetching in the crawl gives; what crosses from a
worker (a response, a deferral, a refused redirect, a log line) arrives whole; a worker killed mid-fetch loses no
page. Every server is the test's own, on 127.0.0.1."""

from __future__ import annotations

import logging
import os
import signal
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest
from sqlite_utils import Database

import scraper.fetch_pool as fetch_pool_module
from scraper.fetch import Fetcher, Response
from scraper.run import run_crawl
from tests.servers import fault_server, film_site, html, sequence, site_settings
from tests.test_crawl_resume import data
from tests.test_crawl_unattended import LIST, frontier_row

FILM = "/title/tt1001001/"  # a film of LIST
_fetch_in_the_crawl = Fetcher.get


@pytest.fixture
def only_workers_fetch(monkeypatch: pytest.MonkeyPatch) -> None:
    """The crawl's own fetcher asks for robots.txt only: every page comes from a worker (whose fetcher is the fork
    server's, not patched)."""

    async def robots_only(self: Fetcher, url: str, *args: Any, **kwargs: Any) -> Response:
        assert url.endswith("/robots.txt"), f"{url} fetched by the crawl's process"
        return await _fetch_in_the_crawl(self, url, *args, **kwargs)

    monkeypatch.setattr(Fetcher, "get", robots_only)


def test_fetching_in_processes_gives_the_database_fetching_in_the_crawl_gives(tmp_path, request):
    routes, seeds = film_site(3, 4)
    with fault_server(routes) as server:
        for name, processes in (("crawl", 0), ("workers", 2)):
            if processes:
                request.getfixturevalue("only_workers_fetch")
            report = run_crawl(site_settings(server, seeds, fetch_processes=processes), tmp_path / f"{name}.db", "")
            assert (report.summary.parsed, report.summary.failed) == (15, [])
        assert max(server.hits(path) for path in routes) == 2  # each page once a crawl
    assert data(tmp_path / "workers.db") == data(tmp_path / "crawl.db")


def test_a_fetch_worker_killed_mid_fetch_loses_no_page(tmp_path, monkeypatch, caplog):
    workers: list[int] = []
    adopt = fetch_pool_module.FetchPool._adopt

    def adopt_and_note(self: fetch_pool_module.FetchPool, worker: fetch_pool_module._Worker) -> None:
        assert worker.process.pid is not None
        workers.append(worker.process.pid)
        adopt(self, worker)

    def kill_the_worker(handler: BaseHTTPRequestHandler) -> None:
        for pid in workers:  # mid-request: as the OOM killer would
            os.kill(pid, signal.SIGKILL)
        time.sleep(0.3)
        routes[FILM](handler)  # the dead worker's socket: the answer goes nowhere

    monkeypatch.setattr(fetch_pool_module.FetchPool, "_adopt", adopt_and_note)
    routes, _ = film_site(1, 3)
    with fault_server({**routes, FILM: sequence(kill_the_worker, routes[FILM])}) as server:
        report = run_crawl(site_settings(server, [LIST], fetch_processes=1), tmp_path / "films.db", "")
        assert server.hits(FILM) == 2  # asked again, by the crawl itself
    assert (report.summary.parsed, report.summary.failed) == (4, [])
    assert frontier_row(Database(tmp_path / "films.db"), server.base + FILM)[:3] == ("done", None, 0)
    assert "a fetch worker died (killed by SIGKILL); the crawl fetches its 1 pages itself" in caplog.text


def test_a_deferral_from_a_worker_keeps_its_date(tmp_path, only_workers_fetch):
    later = (datetime.now(UTC) + timedelta(hours=3)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    routes, _ = film_site(1, 2)
    with fault_server({**routes, LIST: html("", 429, {"Retry-After": later})}) as server:
        report = run_crawl(site_settings(server, [LIST], fetch_processes=1), tmp_path / "films.db", "")
        status, error, _, not_before = frontier_row(Database(tmp_path / "films.db"), server.base + LIST)
    assert status == "deferred" and "deferred to the next run" in error
    assert datetime.fromisoformat(not_before) > datetime.now(UTC) + timedelta(hours=2)
    assert report.summary.exit_code == 1


def test_a_redirect_off_the_public_web_is_refused_in_the_worker(tmp_path, only_workers_fetch):
    routes, _ = film_site(1, 2)
    with fault_server({**routes, LIST: html("", 302, {"Location": "http://10.1.2.3/admin"})}) as server:
        report = run_crawl(site_settings(server, [LIST], fetch_processes=1), tmp_path / "films.db", "")
    assert [reason for _, reason in report.summary.failed] == ["refused: 10.1.2.3 is a non-public address (10.1.2.3)"]


def test_a_workers_log_lines_reach_the_crawls_log(tmp_path, caplog, only_workers_fetch):
    caplog.set_level(logging.INFO, logger="cinescrape")
    routes, _ = film_site(1, 2)
    with fault_server({**routes, LIST: sequence(html("", 503), routes[LIST])}) as server:
        report = run_crawl(site_settings(server, [LIST], fetch_processes=1), tmp_path / "films.db", "")
    assert (report.summary.parsed, report.summary.failed) == (3, [])
    retried = [record for record in caplog.records if "HTTP 503; retrying in" in record.getMessage()]
    assert [record.name for record in retried] == ["cinescrape.fetch"]
