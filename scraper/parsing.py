"""Pages parsed in worker processes, so a crawl parses on every core and its event loop never waits for a parse.

In one process the parse thread held the GIL for most of each parse, and every other step of the crawl (a socket
written, a row stored) waited for it: the fetches ran at the pace of the parses. The parsers are pure (bytes in,
records out), so a page's parse can run anywhere; its record comes back pickled.

pebble's pool (not concurrent.futures'): it knows which page's parse a dying worker was running, so only that page
fails (``ProcessExpired``), the worker is replaced and the other parses go on; and it ends a parse that overruns
its time by ending its worker, which a thread cannot do.

Workers start from a fork server (``forkserver``): a clean process, forked before the crawler had threads, that has
imported the parsers once; each worker is a fork of it, ready in milliseconds. The pool starts at the first
parse, in a thread, while the crawl goes on fetching. By default the crawler parses its first pages in its own
parse thread and starts the workers only after them, going on in the thread until they are up: a small crawl
never starts them, nor waits for them.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import signal
import threading
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import suppress
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
    """``processes`` worker processes, started in the background once ``ready`` has been asked more than
    ``start_after`` times; ``close`` ends them (the crawl does, however it ends: finished, interrupted, out of
    time)."""

    def __init__(self, processes: int, timeout_seconds: float, start_after: int = 0) -> None:
        self.processes = processes
        self.timeout_seconds = timeout_seconds
        self.start_after = start_after
        self._asked = 0
        self._pool: ProcessPool | None = None
        self._up: asyncio.Future[None] | None = None  # settled once the workers are up, or could not start
        self._starter: threading.Thread | None = None
        self._lock = threading.Lock()  # between close and the thread that starts the workers
        self._closed = False

    def ready(self) -> bool:
        """Whether the workers are up; starts them when asked more than ``start_after`` times."""
        self._asked += 1
        if self._up is None and self._asked > self.start_after:
            self._start()
        return self._pool is not None

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` in a worker, once they are up; raises ParseAborted if the worker dies or the time
        runs out."""
        if not self.ready():
            if self._up is None:
                self._start()
            assert self._up is not None
            await asyncio.shield(self._up)
        if self._pool is None:
            raise ParseAborted("the parse workers were stopped")
        future = self._pool.schedule(function, args=args, timeout=self.timeout_seconds)
        try:
            return await asyncio.wrap_future(future)
        except ProcessExpired as error:
            cause = f"killed by {_signal_name(-error.exitcode)}" if error.exitcode < 0 else f"exit {error.exitcode}"
            raise ParseAborted(f"parser process died ({cause})") from error
        except FutureTimeout as error:
            raise ParseAborted(f"parse took longer than {self.timeout_seconds:g}s") from error

    def _start(self) -> None:
        # Starting the workers waits for the fork server's imports: in a thread of its own, while the event loop
        # goes on.
        loop = asyncio.get_running_loop()
        up = self._up = loop.create_future()

        def start() -> None:
            try:
                pool = ProcessPool(max_workers=self.processes, initializer=_worker_start, context=_CONTEXT)
                pool.schedule(_worker_start).result()
            except Exception as error:  # the page that waits for them fails, saying why
                _settle(loop, up, ParseAborted(f"the parse workers could not start: {error}"))
                return
            with self._lock:
                if self._closed:
                    _stop(pool)
                    return
                self._pool = pool
            _settle(loop, up, None)

        self._starter = threading.Thread(target=start, name="cinescrape-parse-start")
        self._starter.start()

    def close(self) -> None:
        """End the workers, and a parse in flight with them: its page was not stored, so it waits for the next
        run as any page in flight does."""
        with self._lock:
            self._closed = True
            pool, self._pool = self._pool, None
        if pool is not None:
            _stop(pool)
        if self._starter is not None:
            self._starter.join()  # workers being started: it stops them once up (a process left half-made prints)


def _settle(loop: asyncio.AbstractEventLoop, future: asyncio.Future[None], error: Exception | None) -> None:
    def settle() -> None:
        if future.done():
            return
        if error is None:
            future.set_result(None)
        else:
            future.set_exception(error)

    with suppress(RuntimeError):  # the loop is closed: the crawl is over
        loop.call_soon_threadsafe(settle)


def _stop(pool: ProcessPool) -> None:
    pool.stop()  # type: ignore[no-untyped-call]
    pool.join()


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"
