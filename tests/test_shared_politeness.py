"""The per-host gate shared by the workers of a run, on a real redis-server: one slot per host held by one
request at a time, and a slot taken again by the same request (its first answer lost) is still its own."""

from __future__ import annotations

import asyncio
from typing import Any

from scraper.shared import connect
from scraper.shared.politeness import SharedHostGate

from .redis_server import RedisServer, redis_server

__all__ = ["redis_server"]  # the fixture, used by name
URL = "http://films.example/title/tt0000001/"


def _gate(server: RedisServer) -> SharedHostGate:
    return SharedHostGate(connect(server.url), concurrency=1, delay=0.0, slot_seconds=60.0)


def test_a_host_slot_is_held_by_one_request_of_all_workers(redis_server: RedisServer) -> None:
    first, second = _gate(redis_server), _gate(redis_server)
    order: list[str] = []

    async def request(gate: SharedHostGate, name: str, hold: float) -> None:
        async with gate.slot(URL):
            order.append(f"{name} starts")
            await asyncio.sleep(hold)
            order.append(f"{name} ends")

    async def both() -> None:
        started = asyncio.create_task(request(first, "first", 0.3))
        await asyncio.sleep(0.1)
        await request(second, "second", 0.0)
        await started

    asyncio.run(both())
    assert order == ["first starts", "first ends", "second starts", "second ends"]


def test_a_slot_whose_answer_was_lost_is_taken_by_its_own_retry(redis_server: RedisServer) -> None:
    """Redis restarted after running the take and before answering: the client sends it again with the same
    token. It must get the slot its first run took, not wait 60 s for it to expire."""
    gate = _gate(redis_server)
    take = gate._take

    def answered_second_time(**kwargs: Any) -> Any:
        take(**kwargs)  # its answer lost
        return take(**kwargs)

    gate._take = answered_second_time  # type: ignore[assignment]

    async def one_request() -> None:
        async with gate.slot(URL):
            pass

    asyncio.run(asyncio.wait_for(one_request(), timeout=5))
