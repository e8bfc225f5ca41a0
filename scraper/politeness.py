"""Being a good guest: robots.txt (protego, as Scrapy uses), per-host delay and concurrency."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol
from urllib.parse import urlsplit

from protego import Protego

from .fetch import Deferred, Fetcher, FetchError

log = logging.getLogger("cinescrape.robots")


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


UNAVAILABLE_RETRY_SECONDS = 3600.0  # robots.txt unreachable: the host's pages wait this long
# RFC 9309 lets a crawler stop reading robots.txt past 500 KiB (Google does): protego's matching cost grows with
# the rules, and 5 MB of wildcard rules made every URL check take 0.2 s.
ROBOTS_MAX_BYTES = 512_000


@dataclass(frozen=True, slots=True)
class _Cached:
    rules: Protego | None  # None: no robots.txt (4xx), everything allowed; or unavailable
    expires: float  # time.monotonic()
    unavailable: str | None = None  # why robots.txt could not be read (5xx, network)


class Robots:
    """robots.txt per origin, cached and read again once older than ``max_age`` seconds (RFC 9309 asks for at
    most 24 hours). A missing file (4xx) allows everything. A file that cannot be read (5xx, network error)
    means "try later": the host's pages are deferred (``Deferred``) rather than fetched or given up."""

    def __init__(
        self, fetcher: Fetcher, user_agent: str, max_age: float = 24 * 3600.0, max_crawl_delay: float = 60.0
    ) -> None:
        self.fetcher = fetcher
        self.user_agent = user_agent
        self.max_age = max_age
        self.max_crawl_delay = max_crawl_delay  # a site asking for a day between requests would hold the run
        self._cache: dict[str, _Cached] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def _load(self, site: str) -> Protego | None:
        async with self._locks.setdefault(site, asyncio.Lock()):
            cached = self._cache.get(site)
            if cached is None or cached.expires <= time.monotonic():
                cached = self._cache[site] = await self._fetch(site)
        if cached.unavailable:
            not_before = datetime.now(UTC) + timedelta(seconds=cached.expires - time.monotonic())
            raise Deferred(f"{site}/robots.txt unavailable ({cached.unavailable}): deferred", not_before)
        return cached.rules

    async def _fetch(self, site: str) -> _Cached:
        try:
            response = await self.fetcher.get(f"{site}/robots.txt")
        except FetchError as error:
            reason = str(error)
        else:
            if response.status < 400:
                rules = Protego.parse(_robots_text(site, response.body))
                delay = rules.crawl_delay(self.user_agent)
                if delay and delay > self.max_crawl_delay:
                    log.warning(
                        "%s/robots.txt: Crawl-delay of %gs cut to max_crawl_delay_seconds (%gs)",
                        site,
                        delay,
                        self.max_crawl_delay,
                    )
                return _Cached(rules, time.monotonic() + self.max_age)
            if response.status < 500:
                return _Cached(None, time.monotonic() + self.max_age)
            reason = f"HTTP {response.status}"
        log.warning("%s/robots.txt: %s; deferring the host's pages", site, reason)
        return _Cached(None, time.monotonic() + UNAVAILABLE_RETRY_SECONDS, reason)

    async def verdict(self, url: str) -> tuple[bool, float]:
        """Whether robots.txt lets us fetch ``url``, and its Crawl-delay (0 if none), from one reading of it.
        Raises ``Deferred`` while robots.txt cannot be read."""
        rules = await self._load(origin(url))
        if rules is None:
            return True, 0.0
        delay = min(float(rules.crawl_delay(self.user_agent) or 0.0), self.max_crawl_delay)
        return bool(rules.can_fetch(url, self.user_agent)), delay


def _robots_text(site: str, body: bytes) -> str:
    """The text of robots.txt, its first ``ROBOTS_MAX_BYTES`` only (to the last whole line)."""
    if len(body) > ROBOTS_MAX_BYTES:
        log.warning(
            "%s/robots.txt is %s bytes: only its first %s bytes are read",
            site,
            f"{len(body):,}",
            f"{ROBOTS_MAX_BYTES:,}",
        )
        body = body[: body.rfind(b"\n", 0, ROBOTS_MAX_BYTES) + 1]
    return body.decode("utf-8", errors="replace")


class Gate(Protocol):
    def slot(self, url: str, delay: float = 0.0) -> AbstractAsyncContextManager[None]:
        """Held while one request to ``url``'s host runs; entered no sooner than the host's delay allows
        (``delay``: robots.txt's Crawl-delay, when longer than the configured one)."""


class HostGate:
    """At most ``concurrency`` requests at once per host, and ``delay`` seconds between their starts."""

    def __init__(self, concurrency: int, delay: float) -> None:
        self.concurrency = concurrency
        self.delay = delay
        self._slots: dict[str, asyncio.Semaphore] = {}
        self._next_start: dict[str, float] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    @asynccontextmanager
    async def slot(self, url: str, delay: float = 0.0) -> AsyncIterator[None]:
        host = origin(url)
        semaphore = self._slots.setdefault(host, asyncio.Semaphore(self.concurrency))
        async with semaphore:
            async with self._locks.setdefault(host, asyncio.Lock()):
                wait = self._next_start.get(host, 0.0) - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                self._next_start[host] = time.monotonic() + max(self.delay, delay)
            yield
