"""The live site: robots.txt, the per-host gate, and the fetcher with its retry policy."""

from __future__ import annotations

from db import FrontierItem
from db.store import StoredPage

from ..fetch import PageFetcher, Response
from ..politeness import Gate, Robots
from ..urls import canonical
from . import Blocked

_WALL_ACTIONS = frozenset({"challenge", "captcha"})  # AWS WAF's x-amzn-waf-action on the answers that are walls


class LiveSource:
    def __init__(self, fetcher: PageFetcher, robots: Robots, gate: Gate) -> None:
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
            response = await self.fetcher.get(item.url, etag=etag, last_modified=last_modified)
        # A bot wall's challenge (IMDb's since April 2026: AWS WAF, HTTP 202 and a script to run) is no page, and
        # cinescrape never tries to get past one: the URL is blocked, as one robots.txt disallows.
        if (action := response.headers.get("x-amzn-waf-action", "").strip().lower()) in _WALL_ACTIONS:
            raise Blocked(f"bot wall: the site answered with a {action} (AWS WAF), not the page")
        return [response]
