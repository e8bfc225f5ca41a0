"""Pages parsed in worker processes, so a crawl parses on every core and its event loop never waits for a parse.

In one process the parse thread held the GIL for most of each parse, and every other step of the crawl (a socket
written, a row stored) waited for it: the fetches ran at the pace of the parses. The parsers are pure (bytes in,
records out), so a page's parse can run anywhere; its record comes back pickled.

pebble's pool (not concurrent.futures'): it knows which page's parse a dying worker was running, so only that page
fails (``ProcessExpired``), the worker is replaced and the other parses go on; and it ends a parse that overruns
its time by ending its worker, which a thread cannot do.

Workers start from a fork server (``forkserver``): a fresh interpreter (started by exec, never a fork of the
crawler, whose threads may hold locks) that has imported the parsers once; each worker is a fork of it, ready in
milliseconds. The workers are started in a thread, while the crawl goes on fetching. By default the crawler parses
its first pages in its own parse thread and starts the workers only after them, going on in the thread until they
are up: a small crawl never starts them, nor waits for them.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import signal
import threading
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import suppress
from multiprocessing import forkserver
from typing import Any, TypeVar

from pebble import ProcessExpired, ProcessPool

import parsers
from parsers.decode import charset_from_content_type
from parsers.records import Record

T = TypeVar("T")
log = logging.getLogger("cinescrape")
_CONTEXT = multiprocessing.get_context("forkserver")
# The parsers and what they import, loaded once, then forked; this module, not the crawler's: a worker needs no
# httpx, no database code (the fork server's imports 0.53 -> 0.41 s CPU).
_CONTEXT.set_forkserver_preload(["scraper.parsing"])
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")
_START_SECONDS = 30.0  # workers not up by then (they cannot import the parsers?): the crawl parses without them


class PageError(Exception):
    """A body that gives no record: not HTML, no page cinescrape reads, or a parser bug. One-line reason."""


def parse_page(body: bytes, url: str, kind: str | None, content_type: str) -> Record:
    """The record of one fetched (or archived) body; the one parse step of ``crawl`` and ``reparse``."""
    media_type = content_type.split(";", maxsplit=1)[0].strip().lower()
    if media_type not in _HTML_TYPES:
        raise PageError(f"not an HTML page ({media_type})")
    try:
        return parsers.parse(body, url=url, kind=kind or "auto", charset=charset_from_content_type(content_type))
    except parsers.UnknownPage as error:
        raise PageError(f"not a page cinescrape reads: {error}") from error
    except Exception as error:  # a parser bug: recorded against the page, and the run goes on
        log.debug("parser failed on %s", url, exc_info=True)
        raise PageError(f"parser error: {type(error).__name__}: {error}") from error


class ParseAborted(Exception):
    """The parse of a page ended without a record: its worker died, or it ran out of time. One-line reason."""


def _nothing() -> None:
    """A task that shows a worker is up."""


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
        self._failure: str | None = None  # why the workers could not start

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
            raise ParseAborted(self._failure or "the parse workers were stopped")
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
        if threading.current_thread() is threading.main_thread():
            # Ctrl-C on a terminal reaches the whole process group: the fork server (and the workers it forks)
            # would die of it mid-import, printing a traceback of their own. Started with SIGINT ignored, they keep
            # it ignored; the crawler handles Ctrl-C and stops them.
            previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
            try:
                forkserver.ensure_running()  # its process only: its imports go on in the background
            finally:
                signal.signal(signal.SIGINT, previous)

        def start() -> None:
            pool = ProcessPool(max_workers=self.processes, context=_CONTEXT)
            try:
                pool.schedule(_nothing).result(timeout=_START_SECONDS)
            except Exception as error:  # the crawler parses on in its thread, or a page that waits fails, saying why
                _stop(pool)
                self._failure = f"the parse workers could not start: {type(error).__name__}: {error}"
            else:
                with self._lock:
                    if self._closed:
                        _stop(pool)
                    else:
                        self._pool = pool
            _settle(loop, up)

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


def _settle(loop: asyncio.AbstractEventLoop, future: asyncio.Future[None]) -> None:
    def settle() -> None:
        if not future.done():
            future.set_result(None)

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
