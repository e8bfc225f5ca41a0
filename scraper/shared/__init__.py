"""Many machines on one crawl: the frontier, the per-host politeness and the results shared through Redis.

``cinescrape crawl --frontier redis://HOST:PORT/N`` seeds the shared frontier, works itself and is the only
writer of the database; ``cinescrape worker --frontier redis://…`` on other machines leases URLs, fetches and
parses them, and sends the records (and the raw bodies for the archive) back through a Redis stream. Every key
lives under ``cinescrape:`` in the database the URL names, so one Redis serves several crawls on other numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    import redis

PREFIX = "cinescrape:"
# A Redis restart (a failover, an upgrade) takes seconds: every command is tried again, backing off up to 2 s a
# time for about a minute, before the run gives up with one line (nothing is lost: leases and the stream wait).
_RETRIES = 35


@dataclass(frozen=True, slots=True)
class Shared:
    """Where the shared frontier is, and how long a worker's lease lasts without its heartbeat."""

    url: str
    lease_seconds: float = 60.0

    @property
    def shown(self) -> str:
        """The URL as messages show it: its password (redis://:SECRET@host) left out of logs and cron's mail."""
        parts = urlsplit(self.url)
        if parts.password is None:
            return self.url
        host = parts.netloc.rpartition("@")[2]
        return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))


class SharedFrontierError(RuntimeError):
    """The shared frontier cannot be used: Redis unreachable past the retries, or no run to join. One line."""


def connect(url: str) -> redis.Redis:
    """A client for ``url`` (redis://HOST:PORT/N) that rides out a Redis restart."""
    # Imported here: a crawl without --frontier never loads redis (0.2 s of its start).
    import redis  # noqa: PLC0415
    from redis.backoff import ExponentialBackoff  # noqa: PLC0415
    from redis.retry import Retry  # noqa: PLC0415

    try:
        client = redis.Redis.from_url(
            url,
            retry=Retry(ExponentialBackoff(cap=2.0, base=0.05), _RETRIES),
            retry_on_error=[redis.ConnectionError, redis.TimeoutError],
            decode_responses=True,  # keys, URLs and messages are all text (JSON)
            socket_timeout=30,
            health_check_interval=10,
        )
    except ValueError as error:
        raise SharedFrontierError(f"bad --frontier URL: {error}") from None
    return client
