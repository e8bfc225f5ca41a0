"""One crawl and its workers on a shared frontier (a real redis-server on 127.0.0.1), as separate processes:
the database they write equals a single process's, a worker killed with SIGKILL loses nothing, the per-host
delay holds across workers, and a Redis restart mid-run is waited out."""

from __future__ import annotations

import itertools
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from .redis_server import RedisServer, redis_server
from .servers import FaultServer, fault_server, film_site, slowed

__all__ = ["redis_server"]  # the fixture, used by name

pytestmark = pytest.mark.slow
PROJECT = Path(__file__).resolve().parents[1]
# Bookkeeping of the run itself, not its data: the frontier lives in Redis, runs and parse stats differ per run.
_NOT_DATA = ("runs", "frontier", "parse_stats", "_sqlite_migrations")


def _cinescrape(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "scraper", *args], cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def _config(folder: Path, server: FaultServer, seeds: list[str], **settings: Any) -> str:
    # parsed in each process's parse thread: a pool of parse processes in each of three processes would only
    # slow the tests on a small machine (the pool's own tests are tests/test_crawl_pool.py)
    lines = [f"seeds = {[server.base + seed for seed in seeds]!r}", "subpages = []", "backoff_seconds = 0.01"]
    lines.append("parse_processes = 0")
    lines += [f"{key} = {value!r}" for key, value in {"delay_seconds": 0.0, "timeout_seconds": 5.0, **settings}.items()]
    path = folder / "crawl.toml"
    path.write_text("\n".join(lines).replace("'", '"') + "\n")
    return str(path)


def _finish(process: subprocess.Popen[bytes], timeout: float = 60) -> tuple[int, str]:
    _, err = process.communicate(timeout=timeout)
    return process.returncode, err.decode()


def _rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every data table's rows, ids replaced by what they name (a page by its URL, a film by its IMDb id) and
    times (of fetches, of the runs that saw a list) and run ids left out, sorted: two databases of the same crawl compare equal whoever wrote first."""
    connection = sqlite3.connect(db)
    page_url = dict(connection.execute("select id, url from pages").fetchall())
    film_key = dict(connection.execute("select id, imdb_id from films").fetchall())
    names = [
        name
        for (name,) in connection.execute("select name from sqlite_master where type = 'table'")
        if "_fts" not in name and not name.startswith("sqlite_") and name not in _NOT_DATA
    ]
    tables = {}
    for name in names:
        cursor = connection.execute(f"select * from [{name}]")
        columns = [column[0] for column in cursor.description]
        rows = []
        for row in cursor:
            kept = []
            for column, value in zip(columns, row, strict=True):
                if column == "page_id":
                    kept.append(page_url.get(value))
                elif column == "film_id":
                    kept.append(film_key.get(value))
                elif not (column in ("id", "valid_from") or column.endswith(("_id", "_at"))):
                    kept.append(value)
            rows.append(tuple(kept))
        tables[name] = sorted(rows, key=repr)
    connection.close()
    return tables


@dataclass
class Site:
    server: FaultServer
    seeds: list[str]
    config: str  # crawls the whole site
    single: dict[str, list[tuple[Any, ...]]]  # the rows one process writes of it
    pause: float = 0.0  # before each answer: a test sets it to act mid-run


@pytest.fixture(scope="module")
def whole_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The generated site, and the database one ``cinescrape crawl`` makes of it (once for the module)."""
    routes, seeds = film_site(lists=3, films_per_list=8)
    with fault_server(routes) as server:
        site = Site(server, seeds, "", {})
        server.routes = {path: slowed(route, lambda: site.pause) for path, route in routes.items()}
        folder = tmp_path_factory.mktemp("single")
        site.config = _config(folder, server, seeds)
        code, err = _finish(_cinescrape("crawl", "--db", str(folder / "films.db"), "--config", site.config))
        assert code == 0, err
        site.single = _rows(folder / "films.db")
        yield site


@pytest.fixture
def site(whole_site: Site) -> Iterator[Site]:
    whole_site.server.seen.clear()
    yield whole_site
    whole_site.pause = 0.0


@contextmanager
def _shared(
    tmp_path: Path, config: str, redis: RedisServer, workers: int, *extra: str
) -> Iterator[tuple[subprocess.Popen[bytes], list[subprocess.Popen[bytes]], Path]]:
    db = tmp_path / "shared" / "films.db"
    db.parent.mkdir()
    started = [_cinescrape("worker", "--frontier", redis.url) for _ in range(workers)]
    crawl = _cinescrape("crawl", "--db", str(db), "--config", config, "--frontier", redis.url, *extra)
    try:
        yield crawl, started, db
    finally:
        for process in [crawl, *started]:
            if process.poll() is None:
                process.kill()
            process.communicate()


def _wait_for(condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


@pytest.mark.parametrize("fetch_processes", [None, 1], ids=["fetch-in-each-process", "fetch-workers"])
def test_a_crawl_and_two_workers_write_what_one_process_writes(
    tmp_path: Path, site: Site, redis_server: RedisServer, fetch_processes: int | None
) -> None:
    # fetch_processes 1: every process (the writer and each worker) fetches in a worker process of its own
    config = site.config if fetch_processes is None else _config(tmp_path, site.server, site.seeds, fetch_processes=1)
    with _shared(tmp_path, config, redis_server, 2) as (crawl, workers, db):
        code, err = _finish(crawl)
        assert code == 0, err
        assert "27 pages fetched, 27 parsed" in err
        assert [_finish(worker)[0] for worker in workers] == [0, 0]
    assert _rows(db) == site.single
    assert len(site.server.seen) == 28  # each page once, robots.txt once for all three processes


def test_a_worker_killed_mid_run_loses_nothing(tmp_path: Path, site: Site, redis_server: RedisServer) -> None:
    site.pause = 0.3  # each request long in flight: the worker is killed in the middle of some
    config = _config(tmp_path, site.server, site.seeds, per_host_concurrency=8, concurrency=4)  # 4 in each process
    with _shared(tmp_path, config, redis_server, 1, "--lease-seconds", "1") as (crawl, [worker], db):
        _wait_for(lambda: len(site.server.seen) > 8)
        os.kill(worker.pid, signal.SIGKILL)  # with pages leased, requested and not yet sent
        code, err = _finish(crawl)
        assert code == 0, err
        assert "27 parsed" in err
    assert any(site.server.hits(path) > 1 for path in site.server.routes)  # what it held was fetched again
    assert _rows(db) == site.single


def test_the_per_host_delay_holds_across_workers(tmp_path: Path, site: Site, redis_server: RedisServer) -> None:
    config = _config(tmp_path, site.server, site.seeds[:1], delay_seconds=0.2, concurrency=4)
    with _shared(tmp_path, config, redis_server, 1) as (crawl, _, _):
        code, err = _finish(crawl)
        assert code == 0, err
    starts = [request.at for request in site.server.seen if request.path != "/robots.txt"]
    assert len(starts) == 9
    gaps = [later - earlier for earlier, later in itertools.pairwise(starts)]
    # the delay, less how late a request can leave after its slot on a loaded machine; unshared, two processes
    # each keeping 0.2 s between its own requests would interleave closer
    assert min(gaps) > 0.12


def test_ctrl_c_ends_a_shared_crawl_at_once(tmp_path: Path, site: Site, redis_server: RedisServer) -> None:
    # The writer's own worker went on crawling its pass after Ctrl-C, the writer no longer storing what it sent.
    site.pause = 0.3  # one request at a time (the per-host limit): the 27 pages take over 8 s
    config = _config(tmp_path, site.server, site.seeds, per_host_concurrency=1)
    with _shared(tmp_path, config, redis_server, 0) as (crawl, _, _):
        _wait_for(lambda: len(site.server.seen) > 3)
        crawl.send_signal(signal.SIGINT)
        code, err = _finish(crawl, timeout=5)
    assert (code, err.strip()) == (1, "cinescrape: aborted")
    assert len(site.server.seen) <= 6  # the request in flight at the signal, at most one more (12 before)


def test_ctrl_c_ends_a_worker_at_once_and_the_run_finishes_without_it(
    tmp_path: Path, site: Site, redis_server: RedisServer
) -> None:
    site.pause = 0.1
    config = _config(tmp_path, site.server, site.seeds, per_host_concurrency=8, concurrency=4)
    with _shared(tmp_path, config, redis_server, 1, "--lease-seconds", "1") as (crawl, [worker], db):
        _wait_for(lambda: len(site.server.seen) > 8)
        worker.send_signal(signal.SIGINT)
        code, err = _finish(worker, timeout=5)
        assert (code, err.strip()) == (1, "cinescrape: aborted")
        code, err = _finish(crawl)
        assert code == 0, err
    assert _rows(db) == site.single


def test_a_redis_restart_mid_run_is_waited_out(tmp_path: Path, site: Site, redis_server: RedisServer) -> None:
    site.pause = 0.03
    with _shared(tmp_path, site.config, redis_server, 1) as (crawl, [worker], db):
        _wait_for(lambda: len(site.server.seen) > 8)
        redis_server.stop()
        time.sleep(1.0)
        redis_server.start()
        restarted = time.monotonic()
        code, err = _finish(crawl)
        assert code == 0, err
        assert _finish(worker)[0] == 0
    assert any(request.at > restarted for request in site.server.seen)  # the run went on after the restart
    assert _rows(db) == site.single


def test_max_run_minutes_stops_every_worker_and_the_next_run_finishes(
    tmp_path: Path, site: Site, redis_server: RedisServer
) -> None:
    site.pause = 0.2  # one request at a time (the per-host limit): 27 pages take over 5 s, the run 1.2 s
    config = _config(tmp_path, site.server, site.seeds, max_run_minutes=0.02)
    with _shared(tmp_path, config, redis_server, 1, "--lease-seconds", "1") as (crawl, [worker], db):
        code, err = _finish(crawl)
        assert code == 1
        assert "stopped early: max_run_minutes (0.02) reached" in err
        assert _finish(worker)[0] == 0  # the run is over for the workers too
    site.pause = 0.0
    again = _cinescrape("crawl", "--db", str(db), "--config", site.config, "--frontier", redis_server.url)
    code, err = _finish(again)
    assert code == 0, err
    assert _rows(db) == site.single


def test_a_new_database_on_a_used_frontier_is_refused(tmp_path: Path, site: Site, redis_server: RedisServer) -> None:
    # The frontier remembers which pages are done: a second database fed from it would skip them and stay empty.
    first = _cinescrape(
        "crawl", "--db", str(tmp_path / "one.db"), "--config", site.config, "--frontier", redis_server.url
    )
    assert _finish(first)[0] == 0
    other = tmp_path / "two.db"
    code, err = _finish(
        _cinescrape("crawl", "--db", str(other), "--config", site.config, "--frontier", redis_server.url)
    )
    assert code == 1
    assert "holds the shared frontier of another database" in err and "one.db" in err
    assert "Traceback" not in err
    again = _cinescrape(
        "crawl", "--db", str(tmp_path / "one.db"), "--config", site.config, "--frontier", redis_server.url
    )
    assert _finish(again)[0] == 0  # its own database goes on as before
