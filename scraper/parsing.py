"""Pages parsed in worker processes, so a crawl parses on every core and its event loop never waits for a parse.

In one process the parse thread held the GIL for most of each parse, and every other step of the crawl (a socket
written, a row stored) waited for it: the fetches ran at the pace of the parses. The parsers are pure (bytes in,
records out), so a page's parse can run anywhere; its record comes back pickled.

pebble's pool (not concurrent.futures'): it knows which page's parse a dying worker was running, so only that page
fails (``ProcessExpired``), the worker is replaced and the other parses go on; and it ends a parse that overruns
its time by ending its worker, which a thread cannot do.

Workers start from a fork server (``forkserver``): a clean process, forked before the crawler had threads, that has
imported the parsers once; each worker is a fork of it, ready in milliseconds. The pool starts at the first
parse, in a thread, while the crawl goes on fetching.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import signal
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

from pebble import ProcessExpired, ProcessPool

T = TypeVar("T")
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["scraper.crawl"])  # the parsers and what they import: loaded once, then forked


class ParseAborted(Exception):
    """The parse of a page ended without a record: its worker died, or it ran out of time. One-line reason."""


def _worker_start() -> None:
    # Ctrl-C on a terminal reaches every process of the group: the crawler stops its workers itself, and a worker
    # interrupted in a parse would print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class ParsePool:
    """``processes`` worker processes, started at the first parse; ``close`` ends them (the crawl does, however
    it ends: finished, interrupted, out of time)."""

    def __init__(self, processes: int, timeout_seconds: float) -> None:
        self.processes = processes
        self.timeout_seconds = timeout_seconds
        self._pool: ProcessPool | None = None
        self._starting: asyncio.Future[ProcessPool] | None = None

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` in a worker; raises ParseAborted if the worker dies or the time runs out."""
        pool = self._pool or await self._start()
        future = pool.schedule(function, args=args, timeout=self.timeout_seconds)
        try:
            return await asyncio.wrap_future(future)
        except ProcessExpired as error:
            cause = f"killed by {_signal_name(-error.exitcode)}" if error.exitcode < 0 else f"exit {error.exitcode}"
            raise ParseAborted(f"parser process died ({cause})") from error
        except FutureTimeout as error:
            raise ParseAborted(f"parse took longer than {self.timeout_seconds:g}s") from error

    async def _start(self) -> ProcessPool:
        # Starting the workers waits for the fork server's imports: in a thread, while the event loop fetches on.
        if self._starting is None:
            self._starting = asyncio.ensure_future(asyncio.to_thread(self._make))
        return await asyncio.shield(self._starting)

    def _make(self) -> ProcessPool:
        pool = ProcessPool(max_workers=self.processes, initializer=_worker_start, context=_CONTEXT)
        pool.schedule(_worker_start).result()  # the workers are up
        self._pool = pool
        return pool

    async def close(self) -> None:
        """End the workers, and a parse in flight with them: its page was not stored, so it waits for the next
        run as any page in flight does."""
        if self._starting is not None:
            await asyncio.gather(self._starting, return_exceptions=True)  # a thread cannot be called off
        if self._pool is not None:
            self._pool.stop()  # type: ignore[no-untyped-call]
            self._pool.join()
            self._pool = None


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"
