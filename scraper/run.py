"""The main job, shared by ``crawl`` and ``demo``: lock, open, crawl, report."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from contextlib import closing, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

import httpx
from rich.progress import SpinnerColumn, TextColumn

from db import Store
from db.archive import SqliteArchive
from db.health import Health, check
from parsers.text import counted

from .archive import archive_path, reparse
from .config import Settings
from .crawl import Progress, RunSummary, crawl
from .lock import run_lock
from .progress import terminal_progress
from .shared import Shared

log = logging.getLogger("cinescrape")


@dataclass(frozen=True, slots=True)
class Report:
    summary: RunSummary
    totals: dict[str, int]
    health: Health  # the parse-health check after this run: a site that changed its layout shows here

    def named_totals(self) -> list[tuple[int, str]]:
        """Each total with its noun in the right number: (1, "article"), (2, "films")."""
        return [(count, _TOTALS[name][0] if count == 1 else name) for name, count in self.totals.items()]

    def line(self) -> str:
        s = self.summary
        totals = ", ".join(f"{count} {noun}" for count, noun in self.named_totals())
        failed = f", {len(s.failed)} failed" if s.failed else ""
        blocked = f", {len(s.blocked)} blocked by robots.txt" if s.blocked else ""
        deferred = s.searches_deferred
        searches = f", {counted(len(deferred), 'search', 'searches')} deferred ({deferred[0][1]})" if deferred else ""
        return f"run {s.run_id}: {counted(s.fetched, 'page')} fetched, {s.parsed} parsed, {s.unchanged} unchanged{failed}{blocked}{searches}; database: {totals}"


_TOTALS = {  # what the summary counts: plural → (singular, query)
    "pages": ("page", "select count(*) from pages"),
    "articles": ("article", "select count(*) from articles"),
    "ranked entries": ("ranked entry", "select count(*) from rankings"),
    "films": ("film", "select count(*) from films"),
    "companies": ("company", "select count(*) from companies"),
    "keywords": ("keyword", "select count(*) from keywords"),
}


def run_crawl(
    settings: Settings,
    db_path: Path,
    command: str,
    transport: httpx.AsyncBaseTransport | None = None,
    shared: Shared | None = None,
) -> Report:
    """Crawl into ``db_path`` under the run lock (on the ``shared`` frontier, as its writer); raises Locked,
    StoreError, NewerDatabase, SharedFrontierError."""
    archive_file = archive_path(settings.archive, db_path)
    with (
        run_lock(db_path),
        closing(Store(db_path)) as store,
        closing(SqliteArchive(archive_file)) if archive_file else nullcontext() as archive,
    ):
        with _progress_display() as progress:
            if shared is None:
                summary = asyncio.run(crawl(settings, store, command, transport, progress, archive))
            else:
                from .shared.worker import crawl_shared  # noqa: PLC0415  # redis: loaded only for a shared crawl

                summary = asyncio.run(crawl_shared(settings, store, shared, command, progress, archive))
        totals = {name: store.db.execute(sql).fetchone()[0] for name, (_, sql) in _TOTALS.items()}
        return Report(summary, totals, check(store.db))


def run_reparse(
    settings: Settings, db_path: Path, archive_file: Path, url_glob: str | None = None, kind: str | None = None
) -> RunSummary:
    """Re-parse the archive into ``db_path`` under the run lock, recorded in ``runs`` as "reparse"."""
    with run_lock(db_path), closing(Store(db_path)) as store, closing(SqliteArchive(archive_file)) as archive:
        run_id = store.start_run("reparse", [])
        summary, exit_code = RunSummary(run_id=run_id), 1  # stays 1 if the run dies
        try:
            summary = reparse(store, archive, run_id, settings, url_glob, kind)
            exit_code = summary.exit_code
        finally:
            store.finish_run(run_id, summary.counts(), exit_code)
        return summary


@contextmanager
def _progress_display() -> Iterator[Progress | None]:
    """The crawl's status line on a terminal (scraper/progress.py); None elsewhere."""
    with terminal_progress(SpinnerColumn(), TextColumn("{task.description}")) as bar:
        if bar is None:
            yield None
            return
        task = bar.add_task("starting")

        def show(summary: RunSummary, in_flight: int) -> None:
            bar.update(
                task,
                description=f"fetched {summary.fetched}, parsed {summary.parsed}, unchanged {summary.unchanged}, "
                f"failed {len(summary.failed)}, in flight {in_flight}",
            )

        yield show
