"""Issue 14: pages parsed in worker processes (scraper/parsing.py). The records cross processes pickled; the pool
gives the database the parse thread gives; a parse that kills its worker, or never ends, fails its page alone and
the run goes on."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import pickle
import signal
import time
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

import parsers
import parsers.records
import scraper.crawl as crawl_module
import scraper.parsing as parsing_module
from scraper.parsing import ParseAborted, ParsePool
from scraper.run import run_crawl
from tests.servers import fault_server, film_site, site_settings
from tests.test_crawl_resume import data
from tests.test_crawl_unattended import LIST, frontier_row

FIXTURES = Path(__file__).resolve().parent / "fixtures"
POISON = "/title/tt1001002/"  # a film of LIST
PAGES = {  # a page of each kind of record, and the kinds the crawler parses them as
    "site/2017/10/north-korea-documentaries/index.html": "auto",
    "site/title/tt99900002/index.html": "title",
    "real/pages/dev/A_imdb_title/polakosz__tt0133093__hu__2019-05.html": "title",  # akas, people, conflicts
    "site/title/tt99900010/releaseinfo/index.html": "releaseinfo",
    "site/title/tt99900010/keywords/index.html": "keywords",
    "site/title/tt99900010/plotsummary/index.html": "plotsummary",
    "imdb_find/find_findlist_2015.html": "search",
    "imdb_find/find_nextjs_2022.html": "search",
    "imdb_subpages/inside_north_korea__companycredits__2014.html": "companycredits",
    "imdb_subpages/inside_north_korea__movieconnections__2014.html": "connections",
}
_parse = crawl_module.parse_page


# What a worker process runs instead of the parse, by reference (a module's own function pickles by name): the
# worker imports this module and finds them here.
def deadly_parse(body: bytes, url: str, kind: str | None, content_type: str) -> Any:
    if url.endswith(POISON):
        os.kill(os.getpid(), signal.SIGKILL)  # as a crash in lexbor, or the OOM killer, would end the worker
    return _parse(body, url, kind, content_type)


def endless_parse(body: bytes, url: str, kind: str | None, content_type: str) -> Any:
    while url.endswith(POISON):
        time.sleep(1)
    return _parse(body, url, kind, content_type)


def echo_or_die(value: str) -> str:
    if value == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    return value


def _refuse() -> None:
    raise ValueError("cannot be rebuilt here")


class Unloadable:
    """Pickles in the worker; unpickling it in the crawl's process raises."""

    def __reduce__(self) -> tuple[Any, tuple[()]]:
        return (_refuse, ())


def unloadable(value: str) -> object:
    return Unloadable() if value == "unloadable" else value


def record_types(value: Any) -> set[type]:
    """The record classes in ``value`` and in everything it holds."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        found: set[type] = {type(value)}
        for item in dataclasses.fields(value):
            found |= record_types(getattr(value, item.name))
        return found
    if isinstance(value, (tuple, list)):
        return set().union(*(record_types(item) for item in value))
    return set()


def test_every_record_type_survives_pickling():
    seen: set[type] = set()
    for path, kind in PAGES.items():
        record = parsers.parse((FIXTURES / path).read_bytes(), url=f"https://example.org/{path}", kind=kind)
        assert pickle.loads(pickle.dumps(record)) == record, path
        seen |= record_types(record)
    defined = {
        value
        for value in vars(parsers.records).values()
        if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == "parsers.records"
    }
    assert defined - seen == set(), "no page of these record types was pickled"


def test_parsing_in_processes_gives_the_database_the_parse_thread_gives(tmp_path):
    routes, seeds = film_site(3, 4)
    with fault_server(routes) as server:
        for name, processes in (("thread", 0), ("pool", 2)):
            report = run_crawl(site_settings(server, seeds, parse_processes=processes), tmp_path / f"{name}.db", "")
            assert (report.summary.parsed, report.summary.failed) == (15, [])
    assert data(tmp_path / "pool.db") == data(tmp_path / "thread.db")


@pytest.mark.parametrize(
    ("parse", "overrides", "reason"),
    [
        (deadly_parse, {}, "parser process died (killed by SIGKILL)"),
        (endless_parse, {"parse_timeout_seconds": 1.0}, "parse took longer than 1s"),
    ],
    ids=["killed", "endless"],
)
def test_a_parse_that_kills_its_worker_or_never_ends_fails_its_page_and_the_run_goes_on(
    tmp_path, monkeypatch, parse, overrides, reason
):
    monkeypatch.setattr(crawl_module, "parse_page", parse)
    routes, _ = film_site(1, 2)
    with fault_server(routes) as server:
        settings = site_settings(server, [LIST], parse_processes=2, **overrides)
        report = run_crawl(settings, tmp_path / "films.db", "crawl")
        assert report.summary.failed == [(server.base + POISON, reason)]
        assert report.summary.parsed == 2  # the list and the other film, in the workers that went on
        status, error, failures, _ = frontier_row(Database(tmp_path / "films.db"), server.base + POISON)
    assert (status, error, failures) == ("failed", reason, 1)


def test_the_page_waiting_behind_a_parse_that_kills_its_worker_is_parsed_by_the_next_worker():
    # One worker: the second task waits in its pipe while it runs the first, which kills it.
    async def both() -> tuple[object, object]:
        pool = ParsePool(1, 60)
        try:
            outcomes = asyncio.gather(
                pool.run(echo_or_die, "die"), pool.run(echo_or_die, "next"), return_exceptions=True
            )
            return await asyncio.wait_for(outcomes, 30)  # a task lost with its worker would never end
        finally:
            pool.close()

    dying, waiting = asyncio.run(both())
    assert isinstance(dying, ParseAborted) and str(dying) == "parser process died (killed by SIGKILL)"
    assert waiting == "next"


def test_pages_waiting_for_workers_that_cannot_start_are_parsed_in_the_thread(tmp_path, monkeypatch):
    # By default the first page goes to the parse thread (here: one), the next ones wait for the workers.
    def no_worker(self: object) -> None:
        time.sleep(1)  # the other pages wait for it meanwhile
        raise OSError("no fork server")

    monkeypatch.setattr(crawl_module, "_THREAD_FIRST", 1)
    monkeypatch.setattr(parsing_module._Worker, "__init__", no_worker)
    routes, _ = film_site(1, 4)
    with fault_server(routes) as server:
        report = run_crawl(site_settings(server, [LIST]), tmp_path / "films.db", "crawl")
    assert (report.summary.parsed, report.summary.failed) == (5, [])


def test_an_outcome_that_does_not_unpickle_fails_its_task_and_the_worker_goes_on():
    async def both() -> tuple[object, object]:
        pool = ParsePool(1, 60)
        try:
            outcomes = asyncio.gather(
                pool.run(unloadable, "unloadable"), pool.run(unloadable, "next"), return_exceptions=True
            )
            return await asyncio.wait_for(outcomes, 30)  # a task whose outcome was lost would never end
        finally:
            pool.close()

    failed, following = asyncio.run(both())
    assert isinstance(failed, ValueError) and str(failed) == "cannot be rebuilt here"
    assert following == "next"
