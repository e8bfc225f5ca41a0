"""The Wayback Machine as a source: captures looked up with the CDX API, raw bytes fetched with ``id_``.

Polite by the archive's published limits: at most ``wayback_cdx_per_minute`` CDX requests a minute (the
archive firewalls an address for an hour, doubling on repeats, after sustained 429s), every request under the
per-host delay, Retry-After honoured, and after two 429s in a row the archive is not asked again in this run
(``SourceRefused``: the run stops, the pages still pending wait for the next one). Each film costs one CDX
request (a prefix query lists the title page and all its sub-pages), and the answers are kept in the database.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from urllib.parse import quote, urlencode, urlsplit

import httpx
from sqlite_utils import Database

from db import FrontierItem
from db.captures import CdxAnswer, cache_cdx, cached_cdx, loaded_at
from db.store import StoredPage

from ..config import Settings
from ..fetch import AddressGuard, Fetcher, FetchError, Response, retry_after_seconds
from ..politeness import HostGate
from . import ArchivedResponse, SourceRefused, imdb_page_url

_TITLE = re.compile(r"https://www\.imdb\.com/title/(tt\d+)/")
_ARCHIVED = re.compile(r"/web/(\d{14})id_/(.+)")
_HTML = ("text/html", "application/xhtml+xml")
_CDX_FIELDS = "timestamp,original,mimetype,statuscode,digest"
REFUSED_FOR = timedelta(hours=1)  # how long the archive's firewall holds an address it blocked
_TRIES = 3  # captures tried for one date when the archive cannot serve the nearest (its index lists more)
_DEFAULT_RETRY_AFTER = 60.0  # a 429 without Retry-After: the archive's limits are per minute


def timestamp_of(date: str) -> str:
    """A capture date as the Wayback timestamp it is: "2015" → "20150101000000", "2015-06-01" → "20150601000000"."""
    digits = date.replace("-", "")
    return digits + "0101000000"[len(digits) - 4 :] if len(digits) < 14 else digits


def iso_of(timestamp: str) -> str:
    """A Wayback timestamp as ISO 8601 UTC, as the database writes times."""
    return datetime.strptime(timestamp, "%Y%m%d%H%M%S").replace(tzinfo=UTC).isoformat(timespec="seconds")


def dates_every(step: str, start: str, end: str) -> tuple[str, ...]:
    """``--every 1y --from 2008 --to 2025``: the dates from ``start`` to ``end`` (included), ``step`` apart
    (``Ny`` years, ``Nm`` months). Raises ValueError for a step it does not know."""
    match = re.fullmatch(r"([1-9]\d*)([ym])", step)
    if match is None:
        raise ValueError(f"--every {step!r}: give years or months, e.g. 1y or 6m")
    months = int(match[1]) * (12 if match[2] == "y" else 1)
    first, last = datetime.strptime(timestamp_of(start), "%Y%m%d%H%M%S"), timestamp_of(end)
    dates: list[str] = []
    index = 0
    while True:
        total = first.month - 1 + index * months
        when = first.replace(year=first.year + total // 12, month=total % 12 + 1)
        if when.strftime("%Y%m%d%H%M%S") > last:
            return tuple(dates)
        dates.append(when.strftime("%Y-%m-%d"))
        index += 1


class MinuteLimiter:
    """At most ``per_minute`` calls of ``wait`` return in any 60 seconds (a sliding window)."""

    def __init__(
        self,
        per_minute: int,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self.sleep = sleep
        self._starts: deque[float] = deque()
        self._lock = asyncio.Lock()

    async def wait(self) -> None:
        async with self._lock:
            while len(self._starts) >= self.per_minute:
                wait = self._starts[0] + 60.0 - self.clock()
                if wait <= 0:
                    self._starts.popleft()
                else:
                    await self.sleep(wait)
            self._starts.append(self.clock())


class _ArchiveOnly(AddressGuard):
    """Every hop stays in the archive: a capture's redirect must never reach the live site."""

    def __init__(self, archive_url: str) -> None:
        super().__init__(set())
        self.netloc = urlsplit(archive_url).netloc.lower()

    async def check(self, url: str) -> None:
        if urlsplit(url).netloc.lower() != self.netloc:
            raise FetchError(f"refused: the archive redirected out of itself, to {url}")


@dataclass(frozen=True, slots=True)
class Capture:
    timestamp: str
    original: str


class WaybackSource:
    def __init__(self, client: httpx.AsyncClient, settings: Settings, db: Database) -> None:
        self.settings = settings
        self.db = db
        self.base = settings.wayback_url.rstrip("/")
        self.fetcher = Fetcher(client, settings, _ArchiveOnly(self.base))
        # 429s are counted here, not retried by the fetcher: two in a row end the run's use of the archive
        self.fetcher.policy = replace(self.fetcher.policy, statuses=self.fetcher.policy.statuses - {429})
        self.gate = HostGate(1, settings.delay_seconds)
        self.cdx_limit = MinuteLimiter(settings.wayback_cdx_per_minute)
        self.timestamps = sorted(timestamp_of(date) for date in settings.wayback_at)
        self._refused: str | None = None  # why the archive is not to be asked again in this run
        self._in_a_row = 0  # 429s in a row
        self._resume_at = 0.0  # time.monotonic() before which no request starts (a Retry-After)

    def page_url(self, url: str) -> str:
        return imdb_page_url(url)

    async def responses(self, item: FrontierItem, stored: StoredPage | None) -> list[Response]:
        url = imdb_page_url(item.url)
        captures = [c for c in await self._captures(url, item) if imdb_page_url(c.original) == url]
        dates = self._choose(captures, several=_TITLE.match(url) is None)
        if not dates:
            before = f" before {max(self.settings.wayback_at)}" if self.timestamps else ""
            raise FetchError(f"no capture in the archive{before}")
        loaded = loaded_at(self.db, item.url) if stored else None
        got: dict[str, Response] = {}
        unserved: list[FetchError] = []  # captures the index lists but the archive cannot serve
        settled = False  # some date's state is loaded already
        for candidates in dates:
            for capture in candidates:
                if capture.timestamp in got or (loaded is not None and iso_of(capture.timestamp) <= loaded):
                    settled = True
                    break
                try:
                    got[capture.timestamp] = await self._fetch(item.url, capture)
                    break
                except FetchError as error:
                    if error.status != 404:
                        raise
                    unserved.append(error)  # the capture before it is tried next
        if unserved and not got and not settled:
            raise unserved[0]
        return [got[timestamp] for timestamp in sorted(got)]

    def _choose(self, captures: list[Capture], several: bool) -> list[list[Capture]]:
        """For each date, the captures nearest before it, newest first (the next is tried when the archive
        cannot serve one); a list at each of its dates, a film's page (the state it was in last) at the latest
        date only; no date: the latest capture."""
        ordered = sorted(captures, key=lambda c: c.timestamp, reverse=True)
        bounds = (self.timestamps if several else self.timestamps[-1:]) or ["99999999999999"]
        chosen: dict[str, list[Capture]] = {}
        for bound in bounds:
            before = [c for c in ordered if c.timestamp <= bound][:_TRIES]
            if before:
                chosen.setdefault(before[0].timestamp, before)
        return list(chosen.values())

    async def _captures(self, url: str, item: FrontierItem) -> list[Capture]:
        title = _TITLE.match(url)
        query = f"imdb.com/title/{title[1]}/*" if title else _variants_query(url)
        answer = cached_cdx(self.db, query)
        if answer is None or answer.fetched_at < self._fresh_after(item):
            answer = cache_cdx(self.db, query, await self._ask_cdx(query))
        return _rows(answer)

    def _fresh_after(self, item: FrontierItem) -> str:
        """A cached CDX answer lists every capture made before it was fetched: good for any date up to then,
        and for the latest capture while it is younger than the page's recrawl interval."""
        if self.timestamps:
            return iso_of(self.timestamps[-1])
        age = self.settings.recrawl_after().get(item.kind or "review", timedelta(0))
        return (datetime.now(UTC) - age).isoformat(timespec="seconds")

    async def _ask_cdx(self, query: str) -> list[list[str]]:
        params = urlencode(
            {"url": query, "output": "json", "fl": _CDX_FIELDS, "filter": "statuscode:200", "collapse": "digest"}
        )
        response = await self._request(f"{self.base}/cdx/search/cdx?{params}", cdx=True)
        if response.status != 200:
            raise FetchError(f"the archive's CDX API answered HTTP {response.status} for {query}", response.status)
        if not response.body.strip():
            return []  # the CDX API's answer when it has no capture
        try:
            rows = json.loads(response.body)
        except ValueError as error:
            raise FetchError(f"the archive's CDX API gave no JSON for {query}: {error}") from error
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise FetchError(f"the archive's CDX API gave no list of captures for {query}")
        return rows

    async def _fetch(self, url: str, capture: Capture) -> Response:
        archive_url = f"{self.base}/web/{capture.timestamp}id_/{quote(capture.original, safe=':/?&=%;+,@~!$*()')}"
        response = await self._request(archive_url, cdx=False)
        if response.status == 404:
            raise FetchError(f"capture {capture.timestamp} of {capture.original} is missing from the archive", 404)
        if response.status != 200:
            raise FetchError(f"the archive answered HTTP {response.status} for {archive_url}", response.status)
        where = _ARCHIVED.search(response.final_url)
        if where is None:  # the archive redirected, within itself, to something that is no capture
            raise FetchError(f"the archive gave no capture for {archive_url} (it sent {response.final_url})")
        return ArchivedResponse(
            url=url,
            final_url=where[2],  # links on the page resolve against the site, not the archive
            status=200,
            headers=response.headers,
            body=response.body,
            captured_at=iso_of(where[1]),
            archive_url=response.final_url,
        )

    async def _request(self, url: str, cdx: bool) -> Response:
        """One request to the archive, with its limits; raises SourceRefused once it is not to be asked again."""
        while True:
            self._check_refused()
            if cdx:
                await self.cdx_limit.wait()
            async with self.gate.slot(self.base):
                await asyncio.sleep(max(0.0, self._resume_at - time.monotonic()))
                self._check_refused()  # another page's request, while this one waited, may have ended it
                response = await self.fetcher.get(url)
            if response.status != 429:
                self._in_a_row = 0
                return response
            self._in_a_row += 1
            wait = retry_after_seconds(response.headers.get("Retry-After"))
            wait = _DEFAULT_RETRY_AFTER if wait is None else wait
            if self._in_a_row >= 2 or wait > self.settings.max_retry_after_seconds:
                self._refused = (
                    f"the archive answered 429 (too many requests) {self._in_a_row} time(s) in a row"
                    f"{f', Retry-After {wait:.0f}s' if wait else ''}: not asked again in this run; "
                    "the remaining pages are deferred to the next run"
                )
                continue
            self._resume_at = max(self._resume_at, time.monotonic() + wait)

    def _check_refused(self) -> None:
        if self._refused:
            raise SourceRefused(self._refused, datetime.now(UTC) + REFUSED_FOR)


def _variants_query(url: str) -> str:
    """The CDX query for a page that is no film's: a prefix query that finds it with or without its trailing
    slash and tracking parameters (the captures of other pages it lists are left out by their page URL); an
    exact one for a site's root or a URL with a query, where a prefix would list a whole site."""
    parts = urlsplit(url)
    if parts.query or parts.path in ("", "/"):
        return url.split("://", 1)[1]
    return f"{parts.netloc}{parts.path.rstrip('/')}*"


def _rows(answer: CdxAnswer) -> list[Capture]:
    """The CDX rows (a header row, then one row per capture) as captures of HTML pages."""
    if not answer.rows:
        return []
    header = answer.rows[0]
    try:
        at = {name: header.index(name) for name in ("timestamp", "original", "mimetype")}
    except ValueError:
        return []
    return [
        Capture(row[at["timestamp"]], row[at["original"]])
        for row in answer.rows[1:]
        if len(row) == len(header) and row[at["mimetype"]].startswith(_HTML) and len(row[at["timestamp"]]) == 14
    ]
