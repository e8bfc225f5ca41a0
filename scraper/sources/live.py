"""The live site: robots.txt, the per-host gate, and the fetcher with its retry policy."""

from __future__ import annotations

from db import FrontierItem
from db.store import StoredPage

from ..fetch import Fetcher, Response
from ..politeness import Gate, Robots
from ..urls import canonical
from . import Blocked


class LiveSource:
    def __init__(self, fetcher: Fetcher, robots: Robots, gate: Gate) -> None:
        self.fetcher = fetcher
        self.robots = robots
        self.gate = gate

    def page_url(self, url: str) -> str:
        return canonical(url)

    async def responses(self, item: FrontierItem, stored: StoredPage | None) -> list[Response]:
        allowed, crawl_delay = await self.robots.verdict(item.url)
        if not allowed:
            raise Blocked("disallowed by robots.txt")
        async with self.gate.slot(item.url, crawl_delay):
            etag, last_modified = (stored.etag, stored.last_modified) if stored else (None, None)
            return [await self.fetcher.get(item.url, etag=etag, last_modified=last_modified)]
