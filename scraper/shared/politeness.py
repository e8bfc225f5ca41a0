"""Politeness across machines: one per-host delay and concurrency, one robots.txt reading, kept in Redis.

Each worker asks Redis for a host's slot with one Lua script that, atomically and on Redis's clock, drops the
slots of the dead (expired), refuses while the host's slots are all taken, and otherwise reserves the next start
``delay`` seconds after the last one. So N workers together start requests to one host no closer than the
delay, as one process would. A slot is held while its request runs (a short Retry-After is waited out in it,
so the other workers wait too) and renewed by the worker's heartbeat; a killed worker's slot expires.

robots.txt is fetched by the first worker to need it and shared (its answer, or why it could not be read: the
host's pages are then deferred everywhere) for as long as one process would keep it.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import secrets
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import msgspec
import redis

from ..config import Settings
from ..fetch import AddressGuard, Fetcher, FetchError, Response
from ..politeness import UNAVAILABLE_RETRY_SECONDS, origin
from . import PREFIX

NEXT_START, SLOTS, ROBOTS = PREFIX + "next_start", PREFIX + "slots:", PREFIX + "robots:"
_POLL = 0.05  # seconds between asks while a host's slots are all taken

# KEYS next_start slots:<host>; ARGV host, delay, concurrency, token, slot seconds, poll. Returns the seconds to wait
# (as text: a Lua number would come back truncated to an integer), "0" when the slot is taken. A token that holds
# its slot already has it: the client re-sends a script whose answer a Redis restart lost, and the token's first
# run must not keep its own second waiting until the slot expires.
_TAKE = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1e6
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('ZSCORE', KEYS[2], ARGV[4]) then return '0' end
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then return ARGV[6] end
local next_start = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if next_start > now then return tostring(next_start - now) end
redis.call('HSET', KEYS[1], ARGV[1], now + tonumber(ARGV[2]))
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[5]), ARGV[4])
return '0'
"""
# KEYS slots:<host> …; ARGV slot seconds, then the token held in each
_RENEW = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1e6
for i = 1, #KEYS do redis.call('ZADD', KEYS[i], 'XX', now + tonumber(ARGV[1]), ARGV[i + 1]) end
return 0
"""


class SharedHostGate:
    """``scraper.politeness.HostGate``'s rules (at most ``concurrency`` requests at once per host, ``delay``
    seconds between their starts) for every worker of the run together."""

    def __init__(self, client: redis.Redis, concurrency: int, delay: float, slot_seconds: float) -> None:
        self.concurrency = concurrency
        self.delay = delay
        self.slot_seconds = slot_seconds
        self._take = client.register_script(_TAKE)
        self._renew = client.register_script(_RENEW)
        self._held: dict[str, str] = {}  # token -> host, while its request runs
        # unique across machines, processes and gates: a token that holds a slot is let through again
        owner = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"
        self._tokens = (f"{owner}:{n}" for n in itertools.count())
        self.client = client

    @asynccontextmanager
    async def slot(self, url: str, delay: float = 0.0) -> AsyncIterator[None]:
        host, token = origin(url), next(self._tokens)
        args: list[str | float] = [host, max(self.delay, delay), self.concurrency, token, self.slot_seconds, _POLL]
        while wait := float(self._take(keys=[NEXT_START, SLOTS + host], args=args)):
            await asyncio.sleep(wait)
        self._held[token] = host
        try:
            yield
        finally:
            del self._held[token]
            self.client.zrem(SLOTS + host, token)

    def renew(self) -> None:
        """Keep the slots of the requests still running (a dead worker's expire after ``slot_seconds``)."""
        if self._held:
            held = list(self._held.items())
            self._renew(keys=[SLOTS + host for _, host in held], args=[self.slot_seconds, *(t for t, _ in held)])


class _Answer(msgspec.Struct):
    status: int | None = None
    body: bytes = b""
    error: str | None = None  # could not be read: why


class SharedRobotsFetcher(Fetcher):
    """The fetcher ``Robots`` reads robots.txt with: the first worker fetches it, every other takes its answer
    from Redis (kept ``max_age`` seconds; one that could not be read, ``UNAVAILABLE_RETRY_SECONDS``)."""

    def __init__(self, client: redis.Redis, http: httpx.AsyncClient, settings: Settings, guard: AddressGuard) -> None:
        super().__init__(http, settings, guard)
        self.redis = client
        self.max_age = int(settings.robots_max_age_hours * 3600)

    async def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        key = ROBOTS + url
        while (cached := self.redis.get(key)) is None:
            if self.redis.set(key + ":lock", "1", nx=True, ex=int(self.settings.request_deadline_seconds) + 5):
                try:
                    return await self._fetch_and_share(key, url)
                finally:
                    self.redis.delete(key + ":lock")
            await asyncio.sleep(_POLL)  # another worker is fetching it
        answer = msgspec.json.decode(cached, type=_Answer)
        if answer.error is not None:
            raise FetchError(answer.error, answer.status)
        return Response(url, url, answer.status or 200, httpx.Headers(), answer.body)

    async def _fetch_and_share(self, key: str, url: str) -> Response:
        try:
            response = await super().get(url)
        except FetchError as error:
            answer = _Answer(error.status, error=str(error))
            self.redis.set(key, msgspec.json.encode(answer), ex=int(UNAVAILABLE_RETRY_SECONDS))
            raise
        unavailable = response.status >= 500
        ttl = int(UNAVAILABLE_RETRY_SECONDS) if unavailable else self.max_age
        self.redis.set(key, msgspec.json.encode(_Answer(response.status, response.body)), ex=max(ttl, 1))
        return response
