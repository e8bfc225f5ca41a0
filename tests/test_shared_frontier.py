"""The Redis frontier's rules, on a real redis-server: leases (not pops), dedupe per run, recrawl, parking;
and the worker command's usage."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import msgspec
from click.testing import CliRunner
from redis import ConnectionError as RedisConnectionError
from redis import Redis
from redis.client import Pipeline

from db import FrontierItem, Store
from scraper.cli import cli
from scraper.config import Settings
from scraper.crawl import RunSummary
from scraper.shared import Shared, connect
from scraper.shared.frontier import LEASES, RUN, URLS, RedisFrontier
from scraper.shared.results import STREAM, Mark, Message, Tally, Writer
from scraper.shared.worker import open_run

from .redis_server import RedisServer, redis_server

__all__ = ["redis_server"]  # the fixture, used by name


def _frontier(server: RedisServer, run_id: int = 1, lease_seconds: float = 60.0) -> RedisFrontier:
    client = connect(server.url)
    client.hset(RUN, "state", "open")  # as the writer opens its run
    return RedisFrontier(client, run_id, lease_seconds)


def test_a_url_is_queued_once_per_run_and_leased_not_popped(redis_server: RedisServer) -> None:
    frontier = _frontier(redis_server)
    assert frontier.add([FrontierItem("http://a/1"), FrontierItem("http://a/2", "title", 1, "http://a/1")]) == 2
    assert frontier.add([FrontierItem("http://a/1")]) == 0
    leased = frontier.pending(10)
    assert [item.url for item in leased] == ["http://a/1", "http://a/2"]
    assert leased[1] == FrontierItem("http://a/2", "title", 1, "http://a/1")
    assert frontier.pending(10) == []  # leased: no one else gets them
    assert not frontier.finished()
    frontier.mark("http://a/1", "done")
    frontier.mark("http://a/2", "done")
    assert frontier.finished()
    assert frontier.add([FrontierItem("http://a/1")]) == 0  # visited in this run


def test_a_batch_sent_as_redis_forgets_its_scripts_is_sent_again(redis_server: RedisServer, monkeypatch: Any) -> None:
    """Redis restarted between the pipeline's look for its scripts and their run (the client's retry re-sends the
    batch to a server with an empty script cache, as in a CI run): the batch lands, no "No matching script"."""
    frontier = _frontier(redis_server)
    checked = Pipeline.load_scripts
    restarts = [1]

    def check_then_forget(pipeline: Pipeline) -> None:
        checked(pipeline)
        if restarts:
            frontier.client.script_flush()
            restarts.pop()

    monkeypatch.setattr(Pipeline, "load_scripts", check_then_forget)
    with frontier.pipelined():
        frontier.add([FrontierItem("http://a/1"), FrontierItem("http://a/2")])
    assert sorted(item.url for item in frontier.pending(10)) == ["http://a/1", "http://a/2"]


def _lose_the_next_answer(monkeypatch: Any, to: str = "EVALSHA") -> list[int]:
    """Make Redis's next answer to the command ``to`` (a script by default) lost after Redis ran it (it stopped as it
    replied, as in a restart): the client retries the call. The list empties once that happened."""
    answered = Redis.parse_response
    lost = [1]

    def lose_it(client: Redis, connection: Any, command: str, **options: Any) -> Any:
        answer = answered(client, connection, command, **options)
        if lost and command == to:
            lost.pop()
            raise RedisConnectionError("Connection closed by server.")
        return answer

    monkeypatch.setattr(Redis, "parse_response", lose_it)
    return lost


def test_a_lease_whose_answer_was_lost_is_the_same_lease_on_retry(redis_server: RedisServer, monkeypatch: Any) -> None:
    """The client's retry must get the URLs leased to it, not lease others and strand these until their leases
    expire."""
    frontier = _frontier(redis_server)
    frontier.add([FrontierItem(f"http://a/{n}") for n in range(4)])
    lost = _lose_the_next_answer(monkeypatch)
    leased = [item.url for item in frontier.pending(2)]
    assert not lost  # the answer was lost once, and the call retried
    assert leased == ["http://a/0", "http://a/1"]
    for url in leased:
        frontier.mark(url, "done")
    assert [item.url for item in frontier.pending(5)] == ["http://a/2", "http://a/3"]  # none stranded
    assert frontier.client.zcard(LEASES) == 2


def test_a_claim_or_a_failure_whose_answer_was_lost_counts_once(redis_server: RedisServer, monkeypatch: Any) -> None:
    frontier = _frontier(redis_server)
    frontier.add([FrontierItem("http://a/1")])
    frontier.pending(1)
    lost = _lose_the_next_answer(monkeypatch)
    frontier.claim("http://a/1")
    assert not lost
    assert json.loads(frontier.client.hget(URLS, "http://a/1"))[6] == 1  # failures counted: one, not two
    frontier.release("http://a/1")
    lost = _lose_the_next_answer(monkeypatch)
    frontier.mark("http://a/1", "failed")
    assert not lost
    assert json.loads(frontier.client.hget(URLS, "http://a/1"))[6] == 1


def test_messages_read_by_a_lost_answer_are_read_again(
    redis_server: RedisServer, monkeypatch: Any, tmp_path: Path
) -> None:
    """The writer's read of the stream moves the messages it gets to its pending list; where the answer was lost,
    the retry read on past them, and their pages and marks waited until the leases expired (a minute)."""
    frontier = _frontier(redis_server)
    frontier.add([FrontierItem("http://a/1")])
    frontier.pending(1)
    summary = RunSummary(run_id=1)
    writer = Writer(frontier.client, Store(tmp_path / "films.db"), None, frontier, summary)
    assert writer.drain() == 0  # the pending messages of a writer killed before: none
    frontier.client.xadd(STREAM, {"m": msgspec.json.encode(Message([Mark("http://a/1", "done")], Tally(fetched=1)))})
    lost = _lose_the_next_answer(monkeypatch, "XREADGROUP")
    drained = writer.drain()
    assert not lost
    drained += writer.drain() + writer.drain()
    assert drained == 1
    assert summary.fetched == 1
    assert frontier.counts() == {"pending": 0, "leased": 0}  # the lease ended by the mark
    assert frontier.client.xlen(STREAM) == 0


def test_an_expired_lease_returns_to_the_queue(redis_server: RedisServer) -> None:
    dead = _frontier(redis_server, lease_seconds=0.2)
    dead.add([FrontierItem("http://a/1")])
    assert len(dead.pending(5)) == 1
    alive = _frontier(redis_server)
    assert alive.pending(5) == []
    time.sleep(0.3)  # the first worker died without marking or renewing
    assert [item.url for item in alive.pending(5)] == ["http://a/1"]


def test_renewed_leases_stay_out(redis_server: RedisServer) -> None:
    worker = _frontier(redis_server, lease_seconds=0.3)
    worker.add([FrontierItem("http://a/1")])
    worker.pending(5)
    for _ in range(3):
        time.sleep(0.15)
        worker.renew()
    assert _frontier(redis_server).pending(5) == []


def test_recrawl_after_and_later_runs(redis_server: RedisServer) -> None:
    first = _frontier(redis_server, run_id=1)
    first.add([FrontierItem("http://a/list", "review"), FrontierItem("http://a/film", "title")])
    first.pending(5)
    first.mark("http://a/list", "done")
    first.mark("http://a/film", "done")
    second = _frontier(redis_server, run_id=2)
    due = {"review": timedelta(0), "title": timedelta(hours=1)}
    assert second.add([FrontierItem("http://a/list", "review"), FrontierItem("http://a/film", "title")], due) == 1
    assert [item.url for item in second.pending(5)] == ["http://a/list"]


def test_failures_park_a_url_and_a_good_visit_clears_them(redis_server: RedisServer) -> None:
    for run in (1, 2, 3):
        frontier = _frontier(redis_server, run_id=run)
        assert frontier.add([FrontierItem("http://a/bad")]) == 1
        frontier.pending(5)
        frontier.mark("http://a/bad", "failed", "HTTP 500")
    assert _frontier(redis_server, run_id=4).add([FrontierItem("http://a/bad")]) == 0  # parked
    raw = connect(redis_server.url).hget("cinescrape:urls", "http://a/bad")
    assert raw is not None and '"failed"' in raw


def test_a_claim_that_never_ends_counts_and_parks(redis_server: RedisServer) -> None:
    frontier = _frontier(redis_server)
    frontier.add([FrontierItem("http://a/crash")])
    for _ in range(3):  # three processes died parsing it
        frontier.claim("http://a/crash")
    frontier.client.delete("cinescrape:leases")
    frontier.client.zadd("cinescrape:leases", {"http://a/crash": 0})  # its lease expired
    assert frontier.pending(5) == []  # back in the queue, but parked for a day
    assert frontier.counts()["pending"] == 1


def test_no_lease_once_the_run_is_over(redis_server: RedisServer) -> None:
    frontier = _frontier(redis_server)
    frontier.add([FrontierItem("http://a/1")])
    frontier.client.hset(RUN, "state", "done")  # the writer stopped it (max_run_minutes)
    assert frontier.pending(5) == []
    frontier.client.hset(RUN, "state", "open")
    assert len(frontier.pending(5)) == 1


def test_deferred_waits_its_time(redis_server: RedisServer) -> None:
    frontier = _frontier(redis_server)
    frontier.add([FrontierItem("http://a/later")])
    frontier.pending(5)
    frontier.mark("http://a/later", "deferred", "Retry-After", not_before="2999-01-01T00:00:00+00:00")
    assert frontier.pending(5) == []
    assert frontier.finished()  # a deferred URL waits for a later run
    assert frontier.counts()["pending"] == 1


def test_messages_leave_the_redis_password_out() -> None:
    assert Shared("redis://:SECRET@10.0.0.1:6379/0").shown == "redis://:***@10.0.0.1:6379/0"
    assert Shared("redis://app:SECRET@10.0.0.1/0").shown == "redis://app:***@10.0.0.1/0"
    assert Shared("redis://10.0.0.1:6379/0").shown == "redis://10.0.0.1:6379/0"


def test_worker_usage_errors_and_idle_exit(redis_server: RedisServer) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["worker"]).exit_code == 2
    assert runner.invoke(cli, ["worker", "--frontier", "http://127.0.0.1/"]).exit_code == 2
    # no run is open: with --idle-exit the worker waits that long, then ends well
    assert runner.invoke(cli, ["worker", "--frontier", redis_server.url, "--idle-exit", "0.2"]).exit_code == 0


def test_a_crawl_or_worker_whose_redis_is_unreachable_is_one_line_and_exit_1(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr("scraper.shared._RETRIES", 0)
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        url = f"redis://127.0.0.1:{probe.getsockname()[1]}/0"
    result = CliRunner().invoke(
        cli, ["crawl", "http://127.0.0.1:9/", "--db", str(tmp_path / "films.db"), "--frontier", url]
    )
    assert result.exit_code == 1
    assert "lost the shared frontier" in result.output
    result = CliRunner().invoke(cli, ["worker", "--frontier", url])
    assert result.exit_code == 1
    assert "cinescrape worker: lost the shared frontier" in result.output


def test_runs_are_numbered_by_the_shared_frontier(redis_server: RedisServer) -> None:
    client = connect(redis_server.url)
    first = open_run(client, Settings(), 60.0)
    assert open_run(client, Settings(), 60.0) == first + 1  # whatever database each writer has


def test_a_waiting_worker_ends_when_a_run_began_and_ended_between_two_looks(redis_server: RedisServer) -> None:
    client = connect(redis_server.url)
    client.hset(RUN, mapping={"id": 1, "state": "done"})
    worker = subprocess.Popen([sys.executable, "-m", "scraper", "worker", "--frontier", redis_server.url])
    time.sleep(2)  # started, waiting for a run
    assert worker.poll() is None
    client.hset(RUN, mapping={"id": 2, "state": "done"})  # run 2, too short for the worker to see it open
    assert worker.wait(10) == 0
