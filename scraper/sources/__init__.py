"""Where a page's bytes come from: the live site, the Wayback Machine, or WARC files.

The frontier keeps the original URLs; a ``Source`` turns one into responses. The live source gives one response
per visit; an archive may give several captures of one page (a list at several dates), oldest first, each an
``ArchivedResponse`` that names its capture time and the archive URL it came from.

Errors, beyond ``scraper.fetch``'s ``FetchError`` and ``Deferred``::

    Blocked        robots.txt disallows the URL
    SourceRefused  the source will not be asked again in this run (the archive's 429s): the run stops
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

from db import FrontierItem
from db.store import StoredPage

from ..fetch import Deferred, FetchError, Response
from ..urls import canonical


class Blocked(FetchError):
    """Disallowed by robots.txt, or behind a bot wall."""


class SourceRefused(Deferred):
    """The source is not to be asked again in this run; this page and the ones still pending wait."""


@dataclass(frozen=True, slots=True)
class ArchivedResponse(Response):
    captured_at: str = ""  # ISO 8601 UTC: when the archive captured the page
    archive_url: str = ""  # where in the archive its bytes came from


class Source(Protocol):
    def page_url(self, url: str) -> str:
        """The frontier's URL for ``url``: the variants of one page are one URL."""

    async def responses(self, item: FrontierItem, stored: StoredPage | None) -> list[Response]:
        """The responses for one URL, oldest first; [] when the source has nothing newer than ``stored``
        (the page as loaded, None if never loaded well). Raises ``FetchError`` and its subclasses."""


# /title/tt0123456/, /combined, /reference, /maindetails are one page (its layouts over the years); a
# sub-page is its name without a trailing slash.
_IMDB_TITLE = re.compile(r"/title/(tt\d+)(?:/([a-z]+))?/?")
_TITLE_PAGE_ALIASES = {None, "combined", "reference", "maindetails"}


def imdb_page_url(url: str) -> str:
    """One URL per IMDb page, whatever variant was linked or captured: https, www (not m. or bare), no query
    (``?ref_=``), the old layouts' /combined and /reference as the title page, trailing slash as IMDb's own
    canonical links have it. Other URLs: ``canonical``."""
    url = canonical(url)
    parts = urlsplit(url)
    if parts.hostname != "www.imdb.com":
        return url
    title = _IMDB_TITLE.fullmatch(parts.path)
    if title is None:
        return f"https://www.imdb.com{parts.path.rstrip('/') or '/'}" + (f"?{parts.query}" if parts.query else "")
    imdb_id, sub = title.groups()
    return f"https://www.imdb.com/title/{imdb_id}/" + ("" if sub in _TITLE_PAGE_ALIASES else sub)


def provenance(response: Response) -> tuple[str | None, str | None]:
    """(captured_at, archive_url) of an archived response; (None, None) for a live one."""
    if isinstance(response, ArchivedResponse):
        return response.captured_at, response.archive_url
    return None, None
