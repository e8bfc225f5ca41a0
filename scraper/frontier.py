"""What the crawler needs of a frontier; today ``db.SqliteFrontier``, later a shared queue.

Several machines crawling one site list will share one queue; the crawler
only ever talks to this interface.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import Protocol

from db import FrontierItem


class Frontier(Protocol):
    def add(self, items: Iterable[FrontierItem], recrawl_after: dict[str, timedelta] | None = None) -> int:
        """Queue URLs that are not queued or visited yet (or are due again); return how many."""

    def requeue_children(self, url: str, recrawl_after: dict[str, timedelta] | None = None) -> int:
        """Queue again, when due, the URLs first discovered on ``url`` (whose page did not change)."""

    def pending(self, limit: int) -> list[FrontierItem]:
        """Up to ``limit`` URLs ready to fetch."""

    def claim(self, url: str) -> None:
        """The parse of ``url``'s page starts (one that never ends, the process killed in it, is a failure)."""

    def release(self, url: str) -> None:
        """The parse ``claim`` counted ended, in a failure ``mark`` records."""

    def mark(self, url: str, status: str, error: str | None = None, not_before: str | None = None) -> None:
        """Finish a URL: done, failed (with the error), or deferred until ``not_before``."""

    def counts(self) -> dict[str, int]:
        """URLs by status."""
