"""Being a good guest: robots.txt (protego, as Scrapy uses), per-host delay and concurrency."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

from protego import Protego

from .fetch import Fetcher, FetchError

log = logging.getLogger("cinescrape.robots")


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class Robots:
    """robots.txt per origin, read once per run. A missing file (4xx) allows everything; a file that
    cannot be read (5xx, network error) disallows the whole host for this run, as the RFC 9309 asks."""

    def __init__(self, fetcher: Fetcher, user_agent: str) -> None:
        self.fetcher = fetcher
        self.user_agent = user_agent
        self._rules: dict[str, Protego | None] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def _load(self, site: str) -> Protego | None:
        lock = self._locks.setdefault(site, asyncio.Lock())
        async with lock:
            if site not in self._rules:
                self._rules[site] = await self._fetch(site)
            return self._rules[site]

    async def _fetch(self, site: str) -> Protego | None:
        try:
            response = await self.fetcher.get(f"{site}/robots.txt")
        except FetchError as error:
            log.warning("%s/robots.txt: %s; not crawling this host in this run", site, error)
            return Protego.parse("User-agent: *\nDisallow: /")
        if response.status >= 500:
            return Protego.parse("User-agent: *\nDisallow: /")
        if response.status >= 400:
            return None
        return Protego.parse(response.body.decode("utf-8", errors="replace"))

    async def allowed(self, url: str) -> bool:
        rules = await self._load(origin(url))
        return rules is None or bool(rules.can_fetch(url, self.user_agent))

    async def crawl_delay(self, url: str) -> float:
        rules = await self._load(origin(url))
        delay = rules.crawl_delay(self.user_agent) if rules is not None else None
        return float(delay or 0.0)


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
