"""Pages parsed in worker processes, so a crawl parses on every core and its event loop never waits for a parse.

In one process the parse thread held the GIL for most of each parse, and every other step of the crawl (a socket
written, a row stored) waited for it: the fetches ran at the pace of the parses. The parsers are pure (bytes in,
records out), so a page's parse can run anywhere; its record comes back pickled.

Each worker has a pipe of its own each way, read by the crawl's event loop itself (``add_reader``): no thread of
the crawl's process takes part in a hand-off. A pool that hands over through threads (pebble's, as before, or
concurrent.futures') wakes two of them for each page, and their turns at the GIL against the event loop's cost
the crawl's process as much as its fetches did (bench/crawl.py: with parses that return at once, 1.2 s of CPU a
2,000-page crawl). A worker runs one parse at a time, so the pool knows which page's parse a dying worker ran:
only that page fails (``ParseAborted``) and the worker is replaced; a parse that overruns its time is ended with
its worker, which a thread cannot do.

Workers start from a fork server (``forkserver``): a fresh interpreter (started by exec, never a fork of the
crawler, whose threads may hold locks) that has imported the parsers once; each worker is a fork of it, ready in
milliseconds. The workers are started in a thread, while the crawl goes on fetching. By default the crawler parses
its first pages in its own parse thread and starts the workers only after them: a small crawl never starts them,
nor waits for them.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable
from contextlib import suppress
from multiprocessing import forkserver
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from multiprocessing.reduction import ForkingPickler
from typing import Any, TypeVar

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
_STOPPED = "the parse workers were stopped"
_PIPE_ROOM = 60 * 1024  # under Linux's 64 KiB of a pipe's buffer, with room for the message's header


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


def _serve(tasks: Connection, results: Connection) -> None:
    """A worker: runs each task it is sent, one at a time, and sends back ``(True, value)`` or ``(False,
    exception)``; ends when the crawl closes its end of the pipe."""
    if hasattr(os, "sched_setscheduler"):  # Linux
        # A batch job to the scheduler: a page handed over wakes the worker without it taking the crawl's own
        # core from under the event loop, mid-write (bench/crawl.py: a sixth of the hand-off's clock time).
        os.sched_setscheduler(0, os.SCHED_BATCH, os.sched_param(0))
    while True:
        try:
            function, args = tasks.recv()
        except EOFError:
            return
        try:
            outcome: tuple[bool, Any] = (True, function(*args))
        except Exception as error:  # the crawl's to judge (parse_page's PageError, a bug)
            outcome = (False, error)
        try:
            results.send(outcome)
        except Exception as error:  # a value or an exception that does not pickle (sent before any byte is)
            results.send((False, RuntimeError(f"{type(error).__name__}: {error}")))


_Task = tuple[bytes, "asyncio.Future[Any]"]  # a task pickled, and the future its outcome settles


class _Worker:
    """One worker process, its two pipes, and the tasks sent to it (the oldest is the one it runs; the timer
    ends it if it overruns)."""

    def __init__(self) -> None:
        task_reader, self.tasks = _CONTEXT.Pipe(duplex=False)
        self.results, result_writer = _CONTEXT.Pipe(duplex=False)
        self.process: BaseProcess = _CONTEXT.Process(
            target=_serve, args=(task_reader, result_writer), name="cinescrape-parse", daemon=True
        )
        try:
            self.process.start()
        finally:  # the worker holds its own ends now: when it dies, the crawl reads the end of its pipe
            task_reader.close()
            result_writer.close()
        self.sent: deque[_Task] = deque()
        self.timer: asyncio.TimerHandle | None = None
        self.timed_out = False

    def takes(self, task: bytes, waiting: bool) -> bool:
        """Whether the worker takes ``task`` now: when idle or, with ``waiting``, as the one task to wait in its
        pipe while it parses, where that is sure to hold it without blocking the crawl (the worker reads it only
        once its parse ends): a busy worker goes on to its next page without waiting for the crawl's turn."""
        return not self.sent or (waiting and len(self.sent) == 1 and len(task) <= _PIPE_ROOM)

    def stop(self) -> None:
        self.tasks.close()
        self.results.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


class ParsePool:
    """``processes`` worker processes, started in the background once ``ready`` has been asked more than
    ``start_after`` times; ``close`` ends them (the crawl does, however it ends: finished, interrupted, out of
    time)."""

    def __init__(self, processes: int, timeout_seconds: float, start_after: int = 0) -> None:
        self.processes = processes
        self.timeout_seconds = timeout_seconds
        self.start_after = start_after
        self._asked = 0
        self._workers: list[_Worker] | None = None  # once up
        self._queue: deque[_Task] = deque()  # tasks no worker has taken yet
        self._loop: asyncio.AbstractEventLoop | None = None
        self._up: asyncio.Future[None] | None = None  # settled once the workers are up, or could not start
        self._starter: threading.Thread | None = None
        self._lock = threading.Lock()  # between close and the thread that starts the workers
        self._closed = False
        self._failure: str | None = None  # why the workers could not start

    def wanted(self) -> bool:
        """Whether a page goes to the workers: once asked more than ``start_after`` times (which starts them;
        ``run`` waits for them), unless they could not start."""
        self._asked += 1
        if self._up is None and self._asked > self.start_after:
            self._start()
        return self.usable()

    def usable(self) -> bool:
        """Whether the workers are started (or starting) and have not failed to start."""
        return self._up is not None and self._failure is None

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` in a worker, once they are up; raises ParseAborted if the worker dies or the time
        runs out, or the workers could not start."""
        if self._up is None:
            self._start()
        assert self._up is not None
        if not self._up.done():
            await asyncio.shield(self._up)
        if self._workers is None or self._loop is None:
            raise ParseAborted(self._failure or _STOPPED)
        future: asyncio.Future[T] = self._loop.create_future()
        self._queue.append((bytes(ForkingPickler.dumps((function, args))), future))
        self._dispatch()
        return await future

    def _dispatch(self) -> None:
        """Hand queued tasks to the workers: each idle one first, then one task to wait behind each parse."""
        assert self._workers is not None
        for waiting in (False, True):
            for worker in self._workers:
                while self._queue and worker.takes(self._queue[0][0], waiting):
                    task = self._queue.popleft()
                    if task[1].done():  # its page's visit was cancelled while it waited
                        continue
                    try:
                        worker.tasks.send_bytes(task[0])
                    except OSError:  # the worker is gone: its end of the pipe says so, and it is replaced
                        self._queue.appendleft(task)
                        break
                    worker.sent.append(task)
                    if len(worker.sent) == 1:
                        self._time(worker)

    def _time(self, worker: _Worker) -> None:
        """The worker's oldest task is the one it runs now: it has ``timeout_seconds``."""
        assert self._loop is not None
        worker.timer = self._loop.call_later(self.timeout_seconds, self._expire, worker)

    def _receive(self, worker: _Worker) -> None:
        """A worker's outcome is in (or its pipe ended: it died)."""
        try:
            ok, value = worker.results.recv()
        except (EOFError, OSError):
            self._replace(worker)
            return
        except Exception as error:  # an outcome that does not unpickle here: its task's failure, not a hang
            ok, value = False, error
        _, future = worker.sent.popleft()
        if worker.timer is not None:
            worker.timer.cancel()
        if worker.sent:
            self._time(worker)
        if not future.done():
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)
        self._dispatch()

    def _expire(self, worker: _Worker) -> None:
        worker.timed_out = True
        worker.process.kill()  # its pipe ends: _receive fails its page and replaces it

    def _replace(self, worker: _Worker) -> None:
        """A worker died (killed, crashed, or ended for overrunning its time): the task it ran fails alone, the
        one waiting in its pipe goes back to the queue, and a new worker takes its place."""
        assert self._workers is not None and self._loop is not None
        self._loop.remove_reader(worker.results.fileno())
        worker.stop()
        if worker.timer is not None:
            worker.timer.cancel()
        if worker.sent:
            _, future = worker.sent.popleft()
            code = worker.process.exitcode or 0
            cause = f"killed by {_signal_name(-code)}" if code < 0 else f"exit {code}"
            reason = (
                f"parse took longer than {self.timeout_seconds:g}s"
                if worker.timed_out
                else f"parser process died ({cause})"
            )
            if not future.done():
                future.set_exception(ParseAborted(reason))
            self._queue.extendleft(reversed(worker.sent))
        try:
            new = _Worker()
        except Exception as error:  # the fork server is gone: the pages still queued fail, saying why
            log.warning("parse worker could not be replaced: %s", error)
            self._workers.remove(worker)
        else:
            self._workers[self._workers.index(worker)] = new
            self._loop.add_reader(new.results.fileno(), self._receive, new)
        if not self._workers:
            self._workers = None
            while self._queue:
                _, future = self._queue.popleft()
                if not future.done():
                    future.set_exception(ParseAborted(f"{_STOPPED}: none could be replaced"))
            return
        self._dispatch()

    def _start(self) -> None:
        # Starting the workers waits for the fork server's imports: in a thread of its own, while the event loop
        # goes on.
        loop = self._loop = asyncio.get_running_loop()
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
            workers: list[_Worker] = []
            try:
                for _ in range(self.processes):
                    workers.append(_Worker())
                for worker in workers:  # each one answers: it could import what a task needs
                    worker.tasks.send((_nothing, ()))
                    if not worker.results.poll(_START_SECONDS):
                        raise TimeoutError(f"no answer within {_START_SECONDS:g}s")
                    ok, value = worker.results.recv()
                    if not ok:
                        raise value
            except Exception as error:  # the crawler parses on in its thread, or a page that waits fails, saying why
                _stop(workers)
                self._failure = f"the parse workers could not start: {type(error).__name__}: {error}"
                _call(loop, _settle, up)
                return
            with self._lock:
                if self._closed:
                    _stop(workers)
                    workers = []
            _call(loop, self._adopt, workers, up)

        self._starter = threading.Thread(target=start, name="cinescrape-parse-start")
        self._starter.start()

    def _adopt(self, workers: list[_Worker], up: asyncio.Future[None]) -> None:
        """In the event loop: the workers started are the pool's (unless it was closed meanwhile)."""
        if workers and not self._closed:
            assert self._loop is not None
            for worker in workers:
                self._loop.add_reader(worker.results.fileno(), self._receive, worker)
            self._workers = workers
        else:
            _stop(workers)
        _settle(up)

    def close(self) -> None:
        """End the workers, and a parse in flight with them: its page was not stored, so it waits for the next
        run as any page in flight does."""
        with self._lock:
            self._closed = True
            workers, self._workers = self._workers or [], None
        for worker in workers:
            if self._loop is not None:
                self._loop.remove_reader(worker.results.fileno())
            if worker.timer is not None:
                worker.timer.cancel()
            self._queue.extend(worker.sent)
        _stop(workers)
        for _, future in self._queue:
            future.cancel()
        self._queue.clear()
        if self._starter is not None:
            self._starter.join()  # workers being started: it stops them once up (a process left half-made prints)


def _settle(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


def _call(loop: asyncio.AbstractEventLoop, callback: Callable[..., None], *args: Any) -> None:
    with suppress(RuntimeError):  # the loop is closed: the crawl is over
        loop.call_soon_threadsafe(callback, *args)


def _stop(workers: list[_Worker]) -> None:
    for worker in workers:
        worker.stop()


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"
