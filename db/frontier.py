"""The URL frontier kept in the database, so a run killed at any moment resumes where it stopped.

A URL is ``pending`` until its page is stored, then ``done`` (or ``failed`` /
``deferred``). The crawler marks it in the page's own transaction, with the
links the page yields, so a kill leaves the page either wholly stored and
marked, or not at all (still pending: the next run fetches it again).

A URL that failed ``PARK_AFTER_FAILURES`` visits in a row is parked: not
queued again until ``not_before``, a wait that doubles with every further
failure, so a poisoned URL costs one request a month, never a run. A parse
counts as a failure from the moment it starts (``claim``) until it ends
(``release``): a page that kills the process (a crash in the parser, the OOM
killer) is parked too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from .sql import upsert_row
from .store import now

PENDING, DONE, FAILED, DEFERRED = "pending", "done", "failed", "deferred"
PARK_AFTER_FAILURES = 3  # a transient fault (a 503 night) is tried again next run; three in a row park it
_FIRST_PARK, _LONGEST_PARK = timedelta(days=1), timedelta(days=32)


@dataclass(frozen=True, slots=True)
class FrontierItem:
    url: str
    kind: str | None = None  # the expected page kind; None: detect from the page
    depth: int = 0
    discovered_from: str | None = None


class SqliteFrontier:
    """The ``scraper.frontier.Frontier`` interface on the cinescrape database."""

    def __init__(self, db: Database, run_id: int) -> None:
        self.db = db
        self.run_id = run_id

    def add(self, items: Iterable[FrontierItem], recrawl_after: dict[str, timedelta] | None = None) -> int:
        """Queue URLs for this run; returns how many were queued.

        A URL already queued or visited in this run is not queued twice; one
        finished in an earlier run is queued again only once it is due
        (``recrawl_after`` by page kind; absent: always due).
        """
        queued = 0
        with self.db.atomic():
            for item in items:
                row = self.db.execute(
                    "select f.status, f.run_id, f.updated_at, p.kind, f.not_before from frontier f "
                    "left join pages p on p.url = f.url where f.url = ?",
                    [item.url],
                ).fetchone()
                # pending and deferred URLs are queued already (a deferred one until its not_before)
                if row and (row[1] == self.run_id or row[0] in (PENDING, DEFERRED)):
                    continue
                if row and row[0] == FAILED and row[4] and row[4] > now():  # parked
                    continue
                # a seed is queued with no kind: the kind its page was stored with decides when it is due
                kind = item.kind or (row[3] if row else None) or ""
                if row and row[0] == DONE and not _due(row[2], (recrawl_after or {}).get(kind)):
                    continue
                upsert_row(
                    self.db,
                    "frontier",
                    {
                        "url": item.url,
                        "kind": item.kind,
                        "status": PENDING,
                        "depth": item.depth,
                        "discovered_from": item.discovered_from,
                        "attempts": 0,
                        "run_id": self.run_id,
                        "updated_at": now(),
                    },
                    "url",
                )
                queued += 1
        return queued

    def requeue_children(self, url: str, recrawl_after: dict[str, timedelta] | None = None) -> int:
        """Queue again the URLs first found on ``url`` that are due: its page did not change, so it is not
        parsed again, yet what it leads to still follows the recrawl policy. Returns how many."""
        children = self.db.execute(
            "select url, kind, depth, discovered_from from frontier where discovered_from = ?", [url]
        ).fetchall()
        return self.add([FrontierItem(*row) for row in children], recrawl_after)

    def pending(self, limit: int) -> list[FrontierItem]:
        """Pending URLs, oldest first, whose deferral (if any) has passed; a killed run's leftovers included."""
        rows = self.db.execute(
            "select url, kind, depth, discovered_from from frontier where status in (?, ?) "
            "and (not_before is null or not_before <= ?) order by rowid limit ?",
            [PENDING, DEFERRED, now(), limit],
        ).fetchall()
        return [FrontierItem(*row) for row in rows]

    def claim(self, url: str) -> None:
        """The parse of ``url``'s page starts: counted as a failure until ``release`` or a ``mark`` as done and,
        from the ``PARK_AFTER_FAILURES``-th in a row, parked in advance: if it ends the process, the next run
        leaves the URL alone until then (it stays pending)."""
        self._count_failure(url, 1)

    def release(self, url: str) -> None:
        """The parse ``claim`` counted ended (the page failed in it: ``mark`` counts that failure)."""
        self._count_failure(url, -1)

    def _count_failure(self, url: str, step: int) -> None:
        with self.db.atomic():
            row = self.db.execute("select failures from frontier where url = ?", [url]).fetchone()
            failures = max((row[0] if row and row[0] else 0) + step, 0)
            self.db.execute(
                "update frontier set failures = ?, not_before = ? where url = ?", [failures, _parked(failures), url]
            )

    def mark(self, url: str, status: str, error: str | None = None, not_before: str | None = None) -> None:
        """Finish a URL. ``failures`` counts failed visits in a row (a done one clears it); a URL failed
        ``PARK_AFTER_FAILURES`` times and more is parked until ``not_before``."""
        with self.db.atomic():
            row = self.db.execute("select failures from frontier where url = ?", [url]).fetchone()
            failures = 0 if status == DONE else (row[0] if row and row[0] else 0) + (status == FAILED)
            if status == FAILED and not_before is None:
                not_before = _parked(failures)
            self.db.execute(
                "update frontier set status = ?, last_error = ?, not_before = ?, attempts = attempts + 1, "
                "failures = ?, run_id = ?, updated_at = ? where url = ?",
                [status, error, not_before, failures, self.run_id, now(), url],
            )

    def counts(self) -> dict[str, int]:
        return dict(self.db.execute("select status, count(*) from frontier group by status").fetchall())


def _parked(failures: int) -> str | None:
    """Until when a URL failed ``failures`` times in a row waits: 1 day from the ``PARK_AFTER_FAILURES``-th
    failure, doubling, at most 32 days; None below."""
    if failures < PARK_AFTER_FAILURES:
        return None
    wait = min(_FIRST_PARK * (1 << min(failures - PARK_AFTER_FAILURES, 8)), _LONGEST_PARK)
    return (datetime.now(UTC) + wait).isoformat(timespec="seconds")


def _due(updated_at: str | None, interval: timedelta | None) -> bool:
    if interval is None or updated_at is None:
        return True
    return datetime.fromisoformat(updated_at) + interval <= datetime.now(UTC)
