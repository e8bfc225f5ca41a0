"""Settings for a crawl: defaults, overridden by a TOML file, overridden by command-line options."""

from __future__ import annotations

import importlib.util
import tomllib
from dataclasses import dataclass, field, fields, replace
from datetime import timedelta
from importlib.metadata import version
from pathlib import Path
from typing import Any

PROJECT_URL = "https://github.com/cinescrape/cinescrape"
SUBPAGE_KINDS = ("releaseinfo", "companycredits", "keywords", "connections")


class ConfigError(ValueError):
    """A setting is missing or wrong; the message names it."""


@dataclass(frozen=True, slots=True)
class Settings:
    seeds: tuple[str, ...] = ()
    contact: str = PROJECT_URL  # who to tell when the crawler misbehaves: a URL or an e-mail address
    delay_seconds: float = 1.0  # per host; a larger robots.txt Crawl-delay wins
    per_host_concurrency: int = 1
    concurrency: int = 8  # across hosts
    timeout_seconds: float = 30.0
    max_attempts: int = 4
    backoff_seconds: float = 1.0  # first retry waits about this long, doubling, with jitter
    max_retry_after_seconds: float = 120.0  # a longer Retry-After defers the page to the next run
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 10
    max_pages: int = 10_000  # per run
    max_depth: int = 3  # seed 0, its title pages 1, their sub-pages 2, a list's next page +1
    subpages: tuple[str, ...] = SUBPAGE_KINDS
    # Re-fetch a page only when its last visit is older than this, by kind ("review", "title", sub-page kinds).
    recrawl_hours: dict[str, float] = field(default_factory=lambda: {"review": 20.0, "film": 160.0})
    allow_hosts: tuple[str, ...] = ()  # private or loopback hosts that may be fetched
    resolve: dict[str, str] = field(default_factory=dict)  # "host:port" → "127.0.0.1:port", like curl --resolve
    http2: bool = False  # needs the optional extra: pip install 'cinescrape[http2]'
    robots_max_age_hours: float = 24.0  # a cached robots.txt older than this is read again
    # The raw archive's SQLite file; None: beside the database (films.db → films.archive.db); "": no archive.
    archive: str | None = None
    # The metadata site's title search and title pages, for list entries without a title link ("": no search).
    search_url: str = "https://www.imdb.com/find/?q={query}&s=tt"
    title_url: str = "https://www.imdb.com/title/{imdb_id}/"

    @property
    def user_agent(self) -> str:
        return f"cinescrape/{version('cinescrape')} (+{self.contact})"

    def recrawl_after(self) -> dict[str, timedelta]:
        film = self.recrawl_hours.get("film")
        by_kind = {kind: timedelta(hours=hours) for kind, hours in self.recrawl_hours.items() if kind != "film"}
        if film is not None:
            for kind in ("title", *SUBPAGE_KINDS, "plotsummary", "fullcredits"):
                by_kind.setdefault(kind, timedelta(hours=film))
        return by_kind


_TUPLES = {"seeds", "subpages", "allow_hosts"}


def load_settings(path: Path | None = None, **overrides: Any) -> Settings:
    """Defaults ← ``path`` (TOML, table ``[crawl]`` or top level) ← non-None ``overrides``."""
    values: dict[str, Any] = {}
    if path is not None:
        try:
            document = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise ConfigError(f"cannot read config {path}: {error}") from error
        values.update(document.get("crawl", document))
    values.update({k: v for k, v in overrides.items() if v is not None and v != ()})
    known = {f.name: f for f in fields(Settings)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ConfigError(f"unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    for name in _TUPLES & set(values):
        if isinstance(values[name], str) or not isinstance(values[name], (list, tuple)):
            raise ConfigError(f"setting {name} must be a list")
        values[name] = tuple(values[name])
    bad_subpages = set(values.get("subpages", ())) - set(SUBPAGE_KINDS)
    if bad_subpages:
        raise ConfigError(
            f"subpages: unknown kind(s) {', '.join(sorted(bad_subpages))}; known: {', '.join(SUBPAGE_KINDS)}"
        )
    try:
        settings = replace(Settings(), **values)
    except TypeError as error:
        raise ConfigError(str(error)) from error
    for name in (
        "delay_seconds",
        "timeout_seconds",
        "max_bytes",
        "concurrency",
        "per_host_concurrency",
        "max_attempts",
    ):
        value = getattr(settings, name)
        if not isinstance(value, (int, float)) or value < (0 if name == "delay_seconds" else 1):
            raise ConfigError(f"setting {name} must be a positive number, not {value!r}")
    if settings.archive is not None and not isinstance(settings.archive, str):
        raise ConfigError(f'setting archive must be a file name or "", not {settings.archive!r}')
    for name, placeholder in (("search_url", "{query}"), ("title_url", "{imdb_id}")):
        value = getattr(settings, name)
        if not isinstance(value, str) or ((value or name == "title_url") and placeholder not in value):
            raise ConfigError(
                f'setting {name} must be a URL with {placeholder} in it (search_url may be ""), not {value!r}'
            )
    if settings.http2 and importlib.util.find_spec("h2") is None:
        raise ConfigError("setting http2 needs the h2 package: pip install 'cinescrape[http2]'")
    return settings
