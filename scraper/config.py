"""Settings for a crawl: defaults, overridden by a TOML file, overridden by command-line options.

The schema is the ``Settings`` dataclass itself: each field's type says what a value may be (``Annotated`` with
``msgspec.Meta`` for ranges and patterns), and ``msgspec.convert`` checks a whole file against it at once. A new
setting is one field here (with its constraint), and, if its values relate to each other, a line in ``_check``.
"""

from __future__ import annotations

import importlib.util
import reprlib
import tomllib
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from importlib.metadata import version
from pathlib import Path
from string import Formatter
from typing import Annotated, Any, Literal, get_args, get_type_hints

import msgspec

from .urls import BadURL, check_url

PROJECT_URL = "https://github.com/cinescrape/cinescrape"


class ConfigError(ValueError):
    """A setting is missing or wrong; the message (one line) names it."""


# Constraints, by what a value means. Upper bounds keep a typo (or 1e308) from meaning "forever" or "everything".
Seconds = Annotated[float, msgspec.Meta(ge=0, le=86_400)]  # at most a day; nan and inf fail both bounds
Timeout = Annotated[float, msgspec.Meta(gt=0, le=3_600)]
Hours = Annotated[float, msgspec.Meta(ge=0, le=876_000)]  # up to a hundred years
Count = Annotated[int, msgspec.Meta(ge=1, le=1_000_000_000)]
Depth = Annotated[int, msgspec.Meta(ge=0, le=100)]
Workers = Annotated[int, msgspec.Meta(ge=1, le=1_000)]
ByteCount = Annotated[int, msgspec.Meta(ge=1, le=2**40)]
# Printable ASCII only: it goes into the User-Agent header, where a newline would start a header of its own.
HeaderText = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=r"^[\x20-\x7e]+$")]
HostName = Annotated[str, msgspec.Meta(min_length=1, max_length=253, pattern=r"^[A-Za-z0-9._\-:\[\]]+$")]
HostPort = Annotated[str, msgspec.Meta(max_length=300, pattern=r"^[A-Za-z0-9._\-:\[\]]+:[0-9]{1,5}$")]
Template = Annotated[str, msgspec.Meta(max_length=2_000)]
FileName = Annotated[str, msgspec.Meta(max_length=4_096, pattern=r"^[^\x00-\x1f]*$")]
# recrawl_hours keys: page kinds, and "film" for every page about a film at once.
RecrawlKind = Literal[
    "review", "film", "title", "releaseinfo", "companycredits", "keywords", "connections", "plotsummary",
    "fullcredits", "search",
]  # fmt: skip
SubpageKind = Literal["releaseinfo", "companycredits", "keywords", "connections"]
SUBPAGE_KINDS: tuple[SubpageKind, ...] = ("releaseinfo", "companycredits", "keywords", "connections")
# A capture date: a year, a month, a day (UTC), or a Wayback timestamp (YYYYMMDDhhmmss).
ArchiveDate = Annotated[str, msgspec.Meta(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?|\d{14})$")]


@dataclass(frozen=True, slots=True)
class Settings:
    seeds: tuple[str, ...] = ()  # each checked by urls.check_url
    contact: HeaderText = PROJECT_URL  # who to tell when the crawler misbehaves: a URL or an e-mail address
    delay_seconds: Seconds = 1.0  # per host; a larger robots.txt Crawl-delay wins
    per_host_concurrency: Workers = 1
    concurrency: Workers = 8  # across hosts
    timeout_seconds: Timeout = 30.0
    max_attempts: Annotated[int, msgspec.Meta(ge=1, le=100)] = 4
    backoff_seconds: Seconds = 1.0  # first retry waits about this long, doubling, with jitter
    max_retry_after_seconds: Seconds = 120.0  # a longer Retry-After defers the page to the next run
    max_bytes: ByteCount = 10 * 1024 * 1024
    max_redirects: Depth = 10
    max_pages: Count = 10_000  # per run
    max_depth: Depth = 3  # seed 0, its title pages 1, their sub-pages 2, a list's next page +1
    subpages: tuple[SubpageKind, ...] = SUBPAGE_KINDS
    # Re-fetch a page only when its last visit is older than this, by kind ("review", "title", sub-page kinds).
    recrawl_hours: dict[RecrawlKind, Hours] = field(default_factory=lambda: {"review": 20.0, "film": 160.0})
    allow_hosts: tuple[HostName, ...] = ()  # private or loopback hosts that may be fetched
    resolve: dict[HostPort, HostPort] = field(default_factory=dict)  # "host:port" → "127.0.0.1:port", like curl
    http2: bool = False  # needs the optional extra: pip install 'cinescrape[http2]'
    robots_max_age_hours: Hours = 24.0  # a cached robots.txt older than this is read again
    max_crawl_delay_seconds: Seconds = 60.0  # a longer robots.txt Crawl-delay is cut to this (with a warning)
    request_deadline_seconds: Timeout = 120.0  # one request whole (headers, body, however slow): then it fails
    max_run_minutes: Annotated[float, msgspec.Meta(ge=0, le=525_600)] = 0.0  # stop a run after this; 0: never
    # Processes that parse pages (scraper/parsing.py); None: one per core, the crawl's own parse thread parsing
    # while they start (a small crawl never waits for them); 0: only that thread.
    parse_processes: Annotated[int, msgspec.Meta(ge=0, le=1_000)] | None = None
    # Processes that fetch pages (scraper/fetch_pool.py; the crawl's own process keeps the frontier, robots.txt, the
    # host gate and the store); None: one per core, the crawl's own fetcher fetching while they start; 0: only that.
    fetch_processes: Annotated[int, msgspec.Meta(ge=0, le=1_000)] | None = None
    parse_timeout_seconds: Timeout = 60.0  # a parse in a process that runs longer is ended, and its page fails
    # The raw archive's SQLite file; None: beside the database (films.db → films.archive.db); "": no archive.
    archive: FileName | None = None
    # The metadata site's title search and title pages, for list entries without a title link. No search by
    # default: IMDb answers robots with a bot wall, so entries are resolved by the imported IMDb datasets.
    search_url: Template = ""
    title_url: Template = "https://www.imdb.com/title/{imdb_id}/"
    # Where pages come from: the sites themselves, or the Wayback Machine's captures of them (scraper/sources/).
    source: Literal["live", "wayback"] = "live"
    wayback_url: Template = "https://web.archive.org"
    wayback_at: tuple[ArchiveDate, ...] = ()  # the capture nearest before each date; none: the latest
    # The archive firewalls an address for an hour after sustained 429s; its own client library keeps under 24.
    wayback_cdx_per_minute: Annotated[int, msgspec.Meta(ge=1, le=60)] = 20

    @property
    def user_agent(self) -> str:
        return f"cinescrape/{version('cinescrape')} (+{self.contact})"

    def recrawl_after(self) -> dict[str, timedelta]:
        film = self.recrawl_hours.get("film")
        by_kind: dict[str, timedelta] = {
            kind: timedelta(hours=hours) for kind, hours in self.recrawl_hours.items() if kind != "film"
        }
        if film is not None:
            for kind in ("title", *SUBPAGE_KINDS, "plotsummary", "fullcredits"):
                by_kind.setdefault(kind, timedelta(hours=film))
        return by_kind


# The placeholders each URL template must hold, all of them and no other ("" turns search off).
_TEMPLATES = {"search_url": ("query", True), "title_url": ("imdb_id", False)}


def load_settings(path: Path | None = None, **overrides: Any) -> Settings:
    """Defaults ← ``path`` (TOML, table ``[crawl]`` or top level) ← non-None ``overrides``; raises ConfigError."""
    values: dict[str, Any] = _read(path) if path is not None else {}
    values.update({k: v for k, v in overrides.items() if v is not None and v != ()})
    known = [f.name for f in fields(Settings)]
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ConfigError(f"unknown setting {', '.join(unknown)}; known: {', '.join(known)}")
    try:
        settings = msgspec.convert(values, Settings)
    except msgspec.ValidationError as error:
        raise ConfigError(_one_line(error, values)) from None
    _check(settings)
    return settings


def _read(path: Path) -> dict[str, Any]:
    try:
        document = tomllib.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ConfigError(f"config {path} is not UTF-8 text (byte {error.start})") from None
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"cannot read config {path}: {error}") from None
    if "crawl" not in document:
        return document
    table, others = document["crawl"], sorted(set(document) - {"crawl"})
    if not isinstance(table, dict):
        raise ConfigError(f"config {path}: crawl must be a table ([crawl]), not {type(table).__name__}")
    if others:
        raise ConfigError(f"config {path}: unknown top-level key {', '.join(others)}; settings go under [crawl]")
    return table


# What a pattern means, said instead of the regex.
_PATTERNS = {
    "contact": "printable ASCII on one line (it goes into the User-Agent header)",
    "allow_hosts": "host names",
    "resolve": '"host:port" pairs',
    "archive": "a file name without control characters",
    "wayback_at": "dates: YYYY, YYYY-MM, YYYY-MM-DD or a 14-digit Wayback timestamp",
}


def _one_line(error: msgspec.ValidationError, values: dict[str, Any]) -> str:
    """msgspec's "Expected `int` >= 1 - at `$.max_pages`" as "setting max_pages: expected `int` >= 1, not 0"."""
    message, _, where = str(error).partition(" - at `")
    path = where.rstrip("`").removeprefix("key` in `").removeprefix("$.")
    key = path.split("[", 1)[0].split(".", 1)[0]
    detail = message[0].lower() + message[1:]
    if "key` in `" in where:  # a dict whose keys are a Literal: recrawl_hours
        known = get_args(get_args(get_type_hints(Settings)[key])[0])
        bad = detail.lower().removeprefix("invalid enum value ")
        return f"setting {key}: unknown key {bad}; known: {', '.join(known)}"
    if "matching regex" in detail:
        detail = f"must be {_PATTERNS.get(key, 'well-formed')}"
    value = f", not {reprlib.repr(values[key])}" if key in values and path == key else ""
    return f"setting {path or key}: {detail}{value}"


def _check(settings: Settings) -> None:
    """What a type cannot say: URLs that parse, templates with exactly their placeholder, an installed extra."""
    for seed in settings.seeds:
        try:
            check_url(seed)
        except BadURL as error:
            raise ConfigError(f"setting seeds: {error}") from None
    for name, (placeholder, may_be_empty) in _TEMPLATES.items():
        template: str = getattr(settings, name)
        if not template and may_be_empty:
            continue
        try:
            names = {name for _, name, _, _ in Formatter().parse(template) if name is not None}
            check_url(template.format(**{placeholder: "x"}))
        except (ValueError, KeyError, IndexError) as error:
            names = {f"{error}"}
        if names != {placeholder}:
            empty = ' or ""' if may_be_empty else ""
            raise ConfigError(
                f"setting {name}: must be an http(s) URL with {{{placeholder}}} and no other placeholder{empty}, "
                f"not {reprlib.repr(template)}"
            )
    try:
        check_url(settings.wayback_url)
    except BadURL as error:
        raise ConfigError(f"setting wayback_url: {error}") from None
    for when in settings.wayback_at:  # the pattern lets "2015-13" through; the calendar does not
        try:
            datetime.strptime(when, "%Y%m%d%H%M%S") if len(when) == 14 else date.fromisoformat(f"{when}-01-01"[:10])
        except ValueError:
            raise ConfigError(f"setting wayback_at: {when!r} is no date") from None
    if settings.http2 and importlib.util.find_spec("h2") is None:
        raise ConfigError("setting http2 needs the h2 package: pip install 'cinescrape[http2]'")
