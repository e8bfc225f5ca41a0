"""Issue 12: the crawler run by cron for years, against a hostile server on 127.0.0.1. A poisoned URL ends in its
page's error row and the run goes on (and the next run too); every decoding layer counts toward ``max_bytes``."""

from __future__ import annotations

import asyncio
import gzip
import signal
import subprocess
import sys
import textwrap
import threading
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

import scraper.crawl as crawl_module
from db import FetchedPage, Store
from db.frontier import PARK_AFTER_FAILURES
from scraper.config import Settings
from scraper.fetch import AddressGuard, Fetcher, FetchError, Response, make_client
from scraper.run import Report, run_crawl
from tests.conftest import PROJECT
from tests.servers import FaultServer, Route, fault_server, film_site, html, raw, site_settings, slowed

FAST = Settings(backoff_seconds=0.01, timeout_seconds=2.0, max_attempts=3)
LIST = "/lists/1/"  # links /title/tt1001002/ and /title/tt1001001/


def run(server: FaultServer, paths: list[str], db_path: Path, **overrides: Any) -> tuple[Report, Database]:
    report = run_crawl(site_settings(server, paths, **overrides), db_path, "crawl")
    return report, Database(db_path)


def frontier_row(db: Database, url: str) -> tuple[Any, ...]:
    row = db.execute("select status, last_error, failures, not_before from frontier where url = ?", [url]).fetchone()
    assert row is not None, f"{url} is not in the frontier"
    return tuple(row)


def poisoned_list(links: list[str]) -> dict[str, Route]:
    """The generated site, its list page linking the two films and also ``links``."""
    routes, _ = film_site(1, 2)
    count = len(links) + 2
    extra = "".join(
        f'<h2>{count - n}. <a href="{link}">Extra film {n}</a> (1990)</h2><p>Why it belongs here: praise.</p>'
        for n, link in enumerate(links)
    )
    title = f"The {count} best films of list 1"
    page = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f"<article><h1>{title}</h1><p>Our picks.</p>{extra}"
        '<h2>2. <a href="/title/tt1001002/">Film 2 of list 1</a> (1952)</h2><p>Why it belongs here: praise.</p>'
        '<h2>1. <a href="/title/tt1001001/">Film 1 of list 1</a> (1951)</h2><p>Why it belongs here: praise.</p>'
        "</article></body></html>"
    )
    return {**routes, LIST: html(page)}


# ---------------------------------------------------------------------- defect 1: poison URLs


@pytest.mark.parametrize(
    "link",
    [
        "/title/tt1001003/" + "x" * 70_000,  # a link longer than 64 kB
        "/title/tt1001004/\x01bad/",  # a control byte (an HTML parser keeps it in the attribute)
        "http://[::1/title/tt1001005/",  # a host httpx cannot parse
    ],
    ids=["64kB-link", "control-byte", "unparsable-host"],
)
def test_a_poisoned_link_fails_alone_and_the_next_runs_go_on(tmp_path, link):
    """The bad link is dropped (or, where only the fetch finds it bad, fails as its own page): the list, its
    good films and the next night's run are untouched."""
    with fault_server(poisoned_list([link])) as server:
        report, db = run(server, [LIST], tmp_path / "films.db", allow_hosts=("::1",))
        good = {server.base + path for path in (LIST, "/title/tt1001001/", "/title/tt1001002/")}
        assert {url for (url,) in db.execute("select url from pages where error is null")} == good
        assert not good & {url for url, _ in report.summary.failed}
        assert not db.execute("select url from frontier where status = 'pending'").fetchall()
        again, _ = run(server, [LIST], tmp_path / "films.db", recrawl_hours={"review": 0, "film": 0})
    assert again.summary.fetched >= 3
    assert again.summary.failed == report.summary.failed


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        (raw(200, b"<p>plain, not gzip</p>", {"Content-Encoding": "gzip", "Content-Length": "22"}), "gzip"),
        (raw(200, b"<p>plain</p>", {"Content-Encoding": "snappy", "Content-Length": "12"}), "snappy"),
    ],
    ids=["not-gzip", "unknown-encoding"],
)
def test_a_body_that_does_not_decode_is_that_pages_error(tmp_path, route, reason):
    bad = "/title/tt1001002/"
    routes, _ = film_site(1, 2)
    with fault_server({**routes, bad: route}) as server:
        report, db = run(server, [LIST], tmp_path / "films.db")
    assert [url for url, _ in report.summary.failed] == [server.base + bad]
    assert reason in report.summary.failed[0][1]
    assert frontier_row(db, server.base + bad)[0] == "failed"
    assert db.execute("select count(*) from films where page_id is not null").fetchone()[0] == 1


_BOMB_RUN = """
import gzip, resource, sys
from pathlib import Path
from scraper.run import run_crawl
from tests.servers import fault_server, raw, site_settings

layer = gzip.compress(b"\\0" * 300_000_000, compresslevel=9)  # 300 MB of zeros: ~300 kB
bomb = gzip.compress(layer, compresslevel=9)  # and again: a few kB
route = raw(200, bomb, {"Content-Type": "text/html", "Content-Encoding": "gzip, gzip"})
with fault_server({"/bomb": route}) as server:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = run_crawl(site_settings(server, ["/bomb"]), Path(sys.argv[1]), "crawl")
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024
print(grown_mb, report.summary.failed[0][1])
"""


def test_a_gzip_gzip_bomb_stops_at_max_bytes_with_bounded_memory(tmp_path):
    """Both layers count toward max_bytes (10 MB): the inner one must never be inflated whole."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_BOMB_RUN), str(tmp_path / "films.db")],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    )
    grown_mb, reason = done.stdout.split(" ", 1)
    assert "over the 10,485,760-byte limit" in reason
    assert int(grown_mb) < 100, done.stdout  # unbounded: the whole 300 MB, at least


def test_a_page_failing_again_and_again_is_parked_with_growing_intervals(tmp_path):
    bad = "/title/tt1001002/"
    routes, _ = film_site(1, 2)
    with fault_server({**routes, bad: html("gone", 404)}) as server:
        url = server.base + bad
        waits = []
        for _ in range(PARK_AFTER_FAILURES + 1):
            run(server, [LIST], tmp_path / "films.db", recrawl_hours={"review": 0, "film": 0})
            db = Database(tmp_path / "films.db")
            status, _, failures, not_before = frontier_row(db, url)
            waits.append(not_before)
            # due again at once: as if the park interval had passed, so the next run tries it again
            db.execute("update frontier set not_before = null where url = ?", [url])
            db.conn.commit()
        hits = server.hits(bad)
        report, db = run(server, [LIST], tmp_path / "films.db", recrawl_hours={"review": 0, "film": 0})
        assert server.hits(bad) == hits + 1
        # parked: the run after this one does not ask for it
        run(server, [LIST], tmp_path / "films.db", recrawl_hours={"review": 0, "film": 0})
        assert server.hits(bad) == hits + 1
    assert status == "failed"
    assert failures == PARK_AFTER_FAILURES + 1
    assert waits[: PARK_AFTER_FAILURES - 1] == [None] * (PARK_AFTER_FAILURES - 1)
    parked = [when for when in waits if when]
    assert len(parked) == 2 and parked[0] < parked[1]
    assert report.summary.exit_code == 1


# ---------------------------------------------------------------------- the fetcher alone


def fetch(url: str, settings: Settings = FAST) -> Response:
    async def go() -> Response:
        async with make_client(settings) as client:
            return await Fetcher(client, settings, AddressGuard({"127.0.0.1"})).get(url)

    return asyncio.run(go())


def test_every_decoding_layer_counts_toward_max_bytes():
    page = b"<p>" + b"x" * 50_000
    body = gzip.compress(gzip.compress(page))
    route = raw(200, body, {"Content-Encoding": "gzip, gzip", "Content-Length": str(len(body))})
    with fault_server({"/two": route}) as server:
        assert fetch(server.base + "/two").body == page
        with pytest.raises(FetchError, match="over the 20,000-byte limit"):
            fetch(server.base + "/two", replace(FAST, max_bytes=20_000))


def trickle(head: bytes, body: bytes) -> Route:
    """The bytes of a whole response: ``head`` at once, then ``body`` one byte every 50 ms, never idle long
    enough for a read timeout."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.wfile.write(head)
        for byte in body:
            handler.wfile.flush()
            time.sleep(0.05)
            handler.wfile.write(bytes([byte]))
        handler.close_connection = True

    return route


_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 400\r\n\r\n"
_CHUNKED = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"


@pytest.mark.parametrize(
    "route",
    [trickle(b"", _HEAD + b"x" * 400), trickle(_HEAD, b"x" * 400), trickle(_CHUNKED, b"1\r\nx\r\n" * 100)],
    ids=["headers", "body", "chunked-body"],
)
def test_a_response_that_trickles_ends_at_the_request_deadline_and_is_not_retried(route):
    settings = replace(FAST, timeout_seconds=1.0, request_deadline_seconds=1.0)
    with fault_server({"/slow": route}) as server, pytest.raises(FetchError) as error:
        fetch(server.base + "/slow", settings)
    assert str(error.value) == "no complete response within the 1s deadline"
    assert server.hits("/slow") == 1


def test_a_body_longer_than_its_content_length_does_not_leak_into_the_next_response():
    forged = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 6\r\n\r\nforged"
    routes = {"/short": raw(200, b"hello" + forged, {"Content-Length": "5"}), "/next": html("the real page")}

    async def go(base: str) -> list[bytes]:
        async with make_client(FAST) as client:
            fetcher = Fetcher(client, FAST, AddressGuard({"127.0.0.1"}))
            return [(await fetcher.get(base + path)).body for path in ("/short", "/next")]

    with fault_server(routes) as server:
        assert asyncio.run(go(server.base)) == [b"hello", b"the real page"]


def test_a_redirect_to_a_url_httpx_cannot_parse_is_refused_once():
    bad = raw(302, b"", {"Location": "http://[::1/x", "Content-Length": "0"})
    with fault_server({"/bad": bad}) as server, pytest.raises(FetchError, match=r"^refused: not a valid URL"):
        fetch(server.base + "/bad")
    assert server.hits("/bad") == 1


# ---------------------------------------------------------------------- defect 2: runs that end


def test_a_huge_robots_crawl_delay_is_capped_with_a_warning(tmp_path, caplog):
    robots = html("User-agent: *\nCrawl-delay: 86400\n")
    routes, _ = film_site(1, 2)
    with fault_server({**routes, "/robots.txt": robots}) as server:
        report, _ = run(server, [LIST], tmp_path / "films.db", max_crawl_delay_seconds=0.2)
    starts = [request.at for request in server.seen if request.path != "/robots.txt"]
    assert len(starts) == 3 and report.summary.failed == []
    assert all(0.19 <= later - earlier < 5 for earlier, later in pairwise(starts))
    assert "Crawl-delay of 86400s cut to max_crawl_delay_seconds (0.2s)" in caplog.text


def test_a_run_past_max_run_minutes_stops_cleanly_leaves_the_rest_pending_and_exits_1(tmp_path):
    routes, seeds = film_site(3, 2)
    slow = {path: slowed(route, lambda: 0.4) for path, route in routes.items()}
    with fault_server(slow) as server:
        report, db = run(server, seeds, tmp_path / "films.db", concurrency=1, max_run_minutes=0.01)  # 0.6 s
        assert report.summary.stopped is not None and "max_run_minutes (0.01) reached" in report.summary.stopped
        assert report.summary.exit_code == 1
        assert db.execute("select exit_code from runs").fetchall() == [(1,)]
        pending = db.execute("select count(*) from frontier where status = 'pending'").fetchone()[0]
        assert pending >= 1 and f"{pending} URLs left pending" in report.summary.stopped
        assert report.summary.failed == []  # a page cut off by the deadline is not a failed page
        rest, db = run(server, seeds, tmp_path / "films.db")
    assert rest.summary.exit_code == 0 and rest.summary.stopped is None
    assert db.execute("select count(*) from films where page_id is not null").fetchone()[0] == 6


# ---------------------------------------------------------------------- defect 5: smaller ones


def test_robots_txt_is_read_up_to_its_size_cap(tmp_path, caplog):
    """5 MB of wildcard rules made every URL check cost 0.2 s; rules past 500 KiB are ignored (as Google does)."""
    rules = "".join(f"Disallow: /*{n}*x*y*z*\n" for n in range(300_000))
    robots = html(f"User-agent: *\n{rules}Disallow: {LIST}\n")
    routes, _ = film_site(1, 2)
    with fault_server({**routes, "/robots.txt": robots}) as server:
        report, _ = run(server, [LIST], tmp_path / "films.db")
    assert report.summary.blocked == []
    assert server.hits(LIST) == 1
    assert "robots.txt is" in caplog.text and "only its first 512,000 bytes are read" in caplog.text


# ---------------------------------------------------------------------- defect 4: parsing off the event loop


def test_one_slow_parse_does_not_stall_the_other_pages_fetches(tmp_path, monkeypatch):
    """The first film's parse waits (up to 10 s) for the second film's response to be in the crawler's hands (its
    archiving, just before its parse): only possible while the event loop goes on fetching during the parse. In
    the parse thread (parse_processes 0): a worker process would not see the parse patched here."""
    first, second = "/title/tt1001002/", "/title/tt1001001/"
    routes, _ = film_site(1, 2)
    routes[second] = slowed(routes[second], lambda: 0.3)  # fetched after the first film, surely
    second_fetched, waited = threading.Event(), []
    parse, archive = crawl_module.parse_page, crawl_module.Crawler._archive

    def slow_parse(body: bytes, url: str, kind: str | None, content_type: str) -> Any:
        if url.endswith(first):
            waited.append(second_fetched.wait(10))
        return parse(body, url, kind, content_type)

    def archived(crawler: crawl_module.Crawler, response: Response) -> None:
        if response.url.endswith(second):
            second_fetched.set()
        archive(crawler, response)

    monkeypatch.setattr(crawl_module, "parse_page", slow_parse)
    monkeypatch.setattr(crawl_module.Crawler, "_archive", archived)
    with fault_server(routes) as server:
        report, _ = run(server, [LIST], tmp_path / "films.db", concurrency=4, parse_processes=0)
    assert waited == [True]
    assert report.summary.parsed == 3


# ---------------------------------------------------------------------- an aborted run


@pytest.mark.parametrize("after", [1, 4, 9], ids=lambda n: f"after-{n}-requests")
def test_a_run_interrupted_at_any_moment_says_one_line_and_leaves_no_coroutine_behind(tmp_path, after):
    routes, seeds = film_site(2, 6)
    routes = {path: slowed(route, lambda: 0.1) for path, route in routes.items()}
    with fault_server(routes) as server:
        command = [sys.executable, "-W", "default", "-m", "scraper", "crawl", "--db", str(tmp_path / "films.db")]
        crawl = subprocess.Popen(
            [*command, "--delay", "0", *(server.base + seed for seed in seeds)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        while len(server.seen) < after and crawl.poll() is None:
            time.sleep(0.01)
        crawl.send_signal(signal.SIGINT)
        _, stderr = crawl.communicate(timeout=60)
    assert crawl.returncode == 1
    assert "never awaited" not in stderr and "Traceback" not in stderr, stderr
    assert stderr.strip() == "cinescrape: aborted"


@pytest.mark.parametrize("processes", [0, 1], ids=["in-process", "workers"])
def test_an_interrupted_run_ends_its_pages_in_flight_without_counting_them_as_failures(tmp_path, processes):
    # Ctrl-C cancels the run's task (asyncio.run does so on SIGINT): the pages in flight went on without the
    # run, past the closed HTTP client and the stopped workers, and were stored as failures of their own
    # ("Cannot send a request, as the client has been closed", "the parse workers were stopped"), counting
    # towards parking them. They wait for the next run, as a kill leaves them.
    routes, seeds = film_site(3, 6)
    routes = {path: slowed(route, lambda: 0.3) for path, route in routes.items()}

    async def interrupted(server: FaultServer, store: Store) -> None:
        settings = site_settings(server, seeds, concurrency=6, fetch_processes=processes, parse_processes=processes)
        run = asyncio.create_task(crawl_module.crawl(settings, store))
        while len(server.seen) < 8:
            await asyncio.sleep(0.01)
        run.cancel()
        with pytest.raises(asyncio.CancelledError):
            await run
        await asyncio.sleep(1)  # time for any page left behind to fail
        assert asyncio.all_tasks() == {asyncio.current_task()}

    with fault_server(routes) as server:
        store = Store(tmp_path / "films.db")
        asyncio.run(interrupted(server, store))
        failed = store.db.execute("select url, last_error from frontier where status = 'failed'").fetchall()
        store.close()
    assert failed == []


def test_a_crawl_of_a_server_that_trickles_every_response_ends_by_its_deadlines(tmp_path):
    routes, _ = film_site(1, 2)
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 900\r\n\r\n"
    with fault_server({**routes, LIST: trickle(head, b"x" * 900)}) as server:
        report, db = run(server, [LIST], tmp_path / "films.db", timeout_seconds=1.0, request_deadline_seconds=1.0)
    assert report.summary.failed == [(server.base + LIST, "no complete response within the 1s deadline")]
    assert server.hits(LIST) == 1
    assert frontier_row(db, server.base + LIST)[0] == "failed"


_KILLED_BY = """
import os, signal, sys
from pathlib import Path

import scraper.crawl
from scraper.config import Settings
from scraper.run import run_crawl

parse = scraper.crawl.parse_page


def deadly_parse(body, url, kind, content_type):
    if url.endswith(sys.argv[3]):
        os.kill(os.getpid(), signal.SIGKILL)  # as a crash in lexbor, or the OOM killer, would end the process
    return parse(body, url, kind, content_type)


scraper.crawl.parse_page = deadly_parse
# parsed in the crawler's own process (parse_processes 0), the deadly parse ends it
settings = Settings(seeds=(sys.argv[2],), delay_seconds=0.0, subpages=(), concurrency=1, parse_processes=0)
sys.exit(run_crawl(settings, Path(sys.argv[1]), "crawl").summary.exit_code)
"""


def test_a_page_that_kills_the_process_is_parked_after_three_runs_and_the_fourth_completes(tmp_path):
    deadly = "/title/tt1001002/"
    routes, _ = film_site(1, 2)
    with fault_server(routes) as server:
        codes = [
            subprocess.run(
                [
                    sys.executable,
                    "-c",
                    textwrap.dedent(_KILLED_BY),
                    str(tmp_path / "films.db"),
                    server.base + LIST,
                    deadly,
                ],
                cwd=PROJECT,
                capture_output=True,
                check=False,
                timeout=120,
            ).returncode
            for _ in range(PARK_AFTER_FAILURES + 1)
        ]
    assert codes == [-signal.SIGKILL] * PARK_AFTER_FAILURES + [0]
    assert server.hits(deadly) == PARK_AFTER_FAILURES
    db = Database(tmp_path / "films.db")
    status, _, failures, not_before = frontier_row(db, server.base + deadly)
    assert (status, failures) == ("pending", PARK_AFTER_FAILURES) and not_before is not None
    assert db.execute("select count(*) from films where page_id is not null").fetchone()[0] == 1


def test_a_loader_bug_on_one_page_is_its_error_counted_once_and_the_run_goes_on(tmp_path, monkeypatch):
    bad = "/title/tt1001002/"
    save = Store.save_page

    def buggy_save(store: Store, run_id: int, fetched: FetchedPage, record: Any = None) -> int:
        if record is not None and fetched.url.endswith(bad):
            raise ValueError("a loader bug")
        return save(store, run_id, fetched, record)

    monkeypatch.setattr(Store, "save_page", buggy_save)
    routes, _ = film_site(1, 2)
    with fault_server(routes) as server:
        report, db = run(server, [LIST], tmp_path / "films.db")
    assert report.summary.failed == [(server.base + bad, "internal error: ValueError: a loader bug")]
    assert frontier_row(db, server.base + bad)[:3] == ("failed", "internal error: ValueError: a loader bug", 1)
    assert db.execute("select error from pages where url = ?", [server.base + bad]).fetchone()[0]
    assert db.execute("select count(*) from films where page_id is not null").fetchone()[0] == 1
