"""A shared crawl: the writer's run (``crawl --frontier``) and the workers' (``worker --frontier``).

The writer opens the run in Redis (its id, its settings, the lease length), seeds the frontier, and then both
works (an in-process worker, as any other) and drains the results stream into the database, until nothing is
ready to fetch, no lease is out and no message waits. Workers take the run's settings from Redis, so every
machine crawls under the writer's config; they lease URLs, fetch, parse, and send what one process would have
stored. A heartbeat renews a worker's leases and host slots; a killed worker's expire and others take them up.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace
from functools import partial
from urllib.parse import urlsplit

import httpx
import msgspec
import redis

from db import FrontierItem, Store

from ..archive import Archive
from ..config import Settings
from ..crawl import Crawler, Progress, RunSummary, fetch_pool
from ..discover import resolve_entries
from ..fetch import AddressGuard, Fetcher, make_client
from ..politeness import Robots
from ..sources.live import LiveSource
from . import PREFIX, Shared, SharedFrontierError, connect
from .frontier import RUN, RUNS, RedisFrontier
from .politeness import SharedHostGate, SharedRobotsFetcher
from .results import Outbox, RemoteArchive, RemoteStore, ShippingFrontier, Writer

log = logging.getLogger("cinescrape")
DATABASE = PREFIX + "database"  # which database the shared frontier feeds: its path and its first run

POLL = 0.1  # seconds between looks at an idle frontier


class Worker:
    """One worker's crawler on the shared frontier, with the heartbeat that keeps its leases."""

    def __init__(self, client: redis.Redis, settings: Settings, lease_seconds: float, http: httpx.AsyncClient) -> None:
        # a seed's own host may be private (a test site, an intranet): every worker may fetch it, as the writer may
        seed_hosts = (urlsplit(seed).hostname or "" for seed in settings.seeds)
        settings = replace(settings, seeds=(), allow_hosts=(*settings.allow_hosts, *seed_hosts))
        self.frontier = RedisFrontier(client, lease_seconds=lease_seconds)
        self.outbox = Outbox(client, RunSummary())
        self.gate = SharedHostGate(client, settings.per_host_concurrency, settings.delay_seconds, lease_seconds)
        guard = AddressGuard(set(settings.allow_hosts))
        robots = Robots(
            SharedRobotsFetcher(client, http, settings, guard),
            settings.user_agent,
            settings.robots_max_age_hours * 3600,
            settings.max_crawl_delay_seconds,
        )
        fetcher = Fetcher(http, settings, guard)
        self.fetch_pool = fetch_pool(settings, set(settings.allow_hosts), fetcher)  # every core of this machine
        source = LiveSource(self.fetch_pool or fetcher, robots, self.gate)
        archive = RemoteArchive(self.outbox) if settings.archive != "" else None
        store = RemoteStore(self.outbox, self.frontier)
        self.crawler = Crawler(
            settings, store, ShippingFrontier(self.frontier, self.outbox), http, None, archive, source
        )
        self.crawler.summary = self.outbox.summary  # what the outbox tallies is what the crawler counts
        self.lease_seconds = lease_seconds

    async def work(self, stop: Callable[[], bool]) -> None:
        """Crawl what the frontier has, pass after pass, until ``stop()``."""
        heartbeat = asyncio.create_task(self._heartbeat())
        try:
            while not stop():
                await self.crawler.run()
                self.outbox.send([])  # the pass's last counts
                await asyncio.sleep(POLL)
        finally:
            heartbeat.cancel()
            await self.crawler.close()
            if self.fetch_pool is not None:
                self.fetch_pool.close()

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(self.lease_seconds / 3)
            self.frontier.renew()
            self.gate.renew()


class SharedRun:
    """The writer's run: what ``discover.resolve_entries`` needs of a crawl (settings, store, frontier, run)."""

    def __init__(
        self,
        settings: Settings,
        store: Store,
        archive: Archive | None,
        client: redis.Redis,
        http: httpx.AsyncClient,
        run_id: int,
        shared_run: int,
        lease_seconds: float,
        progress: Progress | None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.frontier = RedisFrontier(client, shared_run, lease_seconds)
        self.summary = RunSummary(run_id=run_id)
        self.writer = Writer(client, store, archive, self.frontier, self.summary)
        self.worker = Worker(client, settings, lease_seconds, http)
        self.progress = progress

    async def run(self) -> RunSummary:
        """Seed, then work and write until the frontier is empty, no lease is out and every message is stored."""
        self.frontier.add([FrontierItem(seed) for seed in self.settings.seeds], self.settings.recrawl_after())
        over = False
        working = asyncio.create_task(self.worker.work(lambda: over))
        deadline = self.worker.crawler.deadline  # max_run_minutes, counted from the run's start
        try:
            while not working.done():
                if deadline is not None and time.monotonic() >= deadline:
                    self._stop_at_deadline()
                    break
                if not self.writer.drain():
                    if self.frontier.finished() and not self.writer.waiting():
                        break
                    await asyncio.sleep(POLL / 2)
                if self.progress:
                    self.progress(self.summary, self.frontier.counts()["leased"])
        except asyncio.CancelledError:  # Ctrl-C: the pages in the writer's own hands wait (their leases expire)
            working.cancel()
            raise
        finally:
            over = True
            await working  # its error (Redis gone for good), if any, is the run's
        while self.writer.drain():  # the in-process worker's last counts
            pass
        return self.summary

    def _stop_at_deadline(self) -> None:
        """``max_run_minutes`` is up: no more leases for anyone; what is leased or sent waits for the next run (the
        leases expire, the messages stay in the stream)."""
        self.frontier.client.hset(RUN, "state", "done")
        counts = self.frontier.counts()
        minutes = self.settings.max_run_minutes
        left = counts["pending"] + counts["leased"]
        self.summary.stopped = f"max_run_minutes ({minutes:g}) reached; {left} URLs left pending for the next run"
        log.warning("%s", self.summary.stopped)


def bind_database(client: redis.Redis, store: Store, shown: str) -> None:
    """Tie the shared frontier to this database the first time; refuse another database later. The frontier
    remembers which pages are done: a new database fed from it would skip them and stay empty."""
    first = store.db.execute("select started_at from runs order by id limit 1").fetchone()
    identity = f"{store.path.resolve()} (first run {first[0] if first else 'none'})"
    if client.set(DATABASE, identity, nx=True):
        return
    bound = client.get(DATABASE)
    if isinstance(bound, bytes):
        bound = bound.decode()
    if bound != identity:
        raise SharedFrontierError(
            f"{shown} holds the shared frontier of another database, {bound}; use another Redis database number"
            f" (redis://HOST:PORT/N) for {store.path}, or empty this one first (redis-cli -n N flushdb)"
        )


def open_run(client: redis.Redis, settings: Settings, lease_seconds: float) -> int:
    """Open a run for the workers; returns its number, the shared frontier's own (one Redis may have served
    crawls into other databases, whose run ids are theirs: "queued in this run" must mean this one)."""
    number = int(client.incr(RUNS))
    client.hset(
        RUN, mapping={"id": number, "settings": msgspec.json.encode(settings), "lease": lease_seconds, "state": "open"}
    )
    return number


async def crawl_shared(
    settings: Settings,
    store: Store,
    shared: Shared,
    command: str = "crawl",
    progress: Progress | None = None,
    archive: Archive | None = None,
) -> RunSummary:
    """``crawl.crawl`` on the shared frontier: this process the writer, any number of workers elsewhere."""
    client = connect(shared.url)
    try:
        run_id = store.start_run(command, settings.seeds)
        exit_code = 1  # stays so if the run dies
        try:
            bind_database(client, store, shared.shown)
        except SharedFrontierError:
            store.finish_run(run_id, {}, exit_code)
            raise
        async with make_client(settings) as http:
            number = open_run(client, settings, shared.lease_seconds)
            run = SharedRun(settings, store, archive, client, http, run_id, number, shared.lease_seconds, progress)
            try:
                await run.run()
                await resolve_entries(run)
                exit_code = run.summary.exit_code
            finally:
                store.finish_run(run_id, run.summary.counts(), exit_code)
                with suppress(redis.RedisError):  # the workers end with the run (when Redis is there to say so)
                    client.hset(RUN, "state", "done")
    except redis.RedisError as error:
        raise SharedFrontierError(f"lost the shared frontier {shared.shown}: {error}") from error
    return run.summary


async def work_shared(shared: Shared, idle_exit: float | None) -> None:
    """``cinescrape worker``: join the open run and work it until it is done; with ``idle_exit``, wait for the
    next run, and end once none has been open for that many seconds."""
    try:
        await _work(connect(shared.url), shared.shown, idle_exit)
    except redis.RedisError as error:
        raise SharedFrontierError(f"lost the shared frontier {shared.shown}: {error}") from error


async def _work(client: redis.Redis, url: str, idle_exit: float | None) -> None:
    idle_since = time.monotonic()
    last = client.hget(RUN, "id")  # the run under way or over when this worker started
    while True:
        joined = _open_run(client)
        if joined is None:
            if idle_exit is None and client.hget(RUN, "id") != last:  # a run began and ended between two looks
                return
            if idle_exit is not None and time.monotonic() - idle_since >= idle_exit:
                return
            await asyncio.sleep(POLL)
            continue
        number, settings, lease_seconds = joined
        log.info("joined run %s on %s", number, url)
        async with make_client(settings) as http:
            worker = Worker(client, settings, lease_seconds, http)
            await worker.work(partial(_over, client, number))
        if idle_exit is None:
            return
        idle_since, last = time.monotonic(), str(number)


def _over(client: redis.Redis, number: int) -> bool:
    """Whether run ``number`` is over (closed, or another has begun)."""
    return bool(client.hmget(RUN, ["state", "id"]) != ["open", str(number)])


def _open_run(client: redis.Redis) -> tuple[int, Settings, float] | None:
    run = client.hgetall(RUN)
    if run.get("state") != "open":
        return None
    try:
        settings = msgspec.json.decode(run["settings"], type=Settings)
    except (msgspec.DecodeError, msgspec.ValidationError, KeyError) as error:
        raise SharedFrontierError(f"the open run's settings cannot be read: {error}") from None
    return int(run["id"]), settings, float(run["lease"])
