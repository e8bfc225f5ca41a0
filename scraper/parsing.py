"""Pages parsed in worker processes, so a crawl parses on every core and its event loop never waits for a parse.

In one process the parse thread held the GIL for most of each parse, and every other step of the crawl (a socket
written, a row stored) waited for it: the fetches ran at the pace of the parses. The parsers are pure (bytes in,
records out), so a page's parse can run anywhere; its record comes back pickled (how workers start and talk:
``processes.py``). With parses that return at once, the hand-off costs a 2,000-page crawl little CPU
(bench/crawl.py). A worker runs one parse at a time, so the pool knows which page's parse a dying worker ran: only
that page fails (``ParseAborted``) and the worker is replaced; a parse that overruns its time is ended with its
worker, which a thread cannot do.

By default the crawler parses its first pages in its own parse thread and starts the workers only after them: a
small crawl never starts them, nor waits for them.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections import deque
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler
from typing import Any, TypeVar

import parsers
from parsers.decode import charset_from_content_type
from parsers.records import Record

from .processes import READY, WorkerGroup, WorkerProcess, exit_cause

T = TypeVar("T")
log = logging.getLogger("cinescrape")
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")
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


def _serve(tasks: Connection, results: Connection) -> None:
    """A worker: runs each task it is sent, one at a time, and sends back ``(True, value)`` or ``(False,
    exception)``; ends when the crawl closes its end of the pipe."""
    if hasattr(os, "sched_setscheduler"):  # Linux
        # A batch job to the scheduler: a page handed over wakes the worker without it taking the crawl's own
        # core from under the event loop, mid-write (bench/crawl.py: a sixth of the hand-off's clock time).
        os.sched_setscheduler(0, os.SCHED_BATCH, os.sched_param(0))
    results.send(READY)
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


class _Worker(WorkerProcess):
    """One parse worker, and the tasks sent to it (the oldest is the one it runs; the timer ends it if it
    overruns)."""

    def __init__(self) -> None:
        super().__init__(_serve, (), "cinescrape-parse")
        self.sent: deque[_Task] = deque()
        self.timer: asyncio.TimerHandle | None = None
        self.timed_out = False

    def takes(self, task: bytes, waiting: bool) -> bool:
        """Whether the worker takes ``task`` now: when idle or, with ``waiting``, as the one task to wait in its
        pipe while it parses, where that is sure to hold it without blocking the crawl (the worker reads it only
        once its parse ends): a busy worker goes on to its next page without waiting for the crawl's turn."""
        return not self.sent or (waiting and len(self.sent) == 1 and len(task) <= _PIPE_ROOM)


class ParsePool:
    """``processes`` worker processes, started in the background once ``ready`` has been asked more than
    ``start_after`` times; ``close`` ends them (the crawl does, however it ends: finished, interrupted, out of
    time)."""

    def __init__(self, processes: int, timeout_seconds: float, start_after: int = 0) -> None:
        self.timeout_seconds = timeout_seconds
        self._group = WorkerGroup("parse", _Worker, processes, self._adopt, start_after)
        self._queue: deque[_Task] = deque()  # tasks no worker has taken yet

    def wanted(self) -> bool:
        """Whether a page goes to the workers: once asked more than ``start_after`` times (which starts them;
        ``run`` waits for them), unless they could not start."""
        self._group.ask()
        return self.usable()

    def usable(self) -> bool:
        """Whether the workers are started (or starting) and have not failed to start."""
        return self._group.up is not None and self._group.failure is None

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` in a worker, once they are up; raises ParseAborted if the worker dies or the time
        runs out, or the workers could not start."""
        group = self._group
        if group.up is None:
            group.start()
        assert group.up is not None and group.loop is not None
        if not group.up.done():
            await asyncio.shield(group.up)
        if not group.workers:
            raise ParseAborted(group.failure or _STOPPED)
        future: asyncio.Future[T] = group.loop.create_future()
        self._queue.append((bytes(ForkingPickler.dumps((function, args))), future))
        self._dispatch()
        return await future

    def _adopt(self, worker: _Worker) -> None:
        assert self._group.loop is not None
        self._group.loop.add_reader(worker.results.fileno(), self._receive, worker)

    def _dispatch(self) -> None:
        """Hand queued tasks to the workers: each idle one first, then one task to wait behind each parse."""
        for waiting in (False, True):
            for worker in self._group.workers:
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
        assert self._group.loop is not None
        worker.timer = self._group.loop.call_later(self.timeout_seconds, self._expire, worker)

    def _receive(self, worker: _Worker) -> None:
        """A worker's outcome is in (or its pipe ended: it died)."""
        try:
            message = worker.results.recv()
        except (EOFError, OSError):
            self._replace(worker)
            return
        except Exception as error:  # an outcome that does not unpickle here: its task's failure, not a hang
            message = (False, error)
        if message == READY:  # a replacement worker is up
            return
        ok, value = message
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
        workers = self._group.workers
        self._group.retire(worker)
        if worker.timer is not None:
            worker.timer.cancel()
        if worker.sent:
            _, future = worker.sent.popleft()
            reason = (
                f"parse took longer than {self.timeout_seconds:g}s"
                if worker.timed_out
                else f"parser process died ({exit_cause(worker.process)})"
            )
            if not future.done():
                future.set_exception(ParseAborted(reason))
            self._queue.extendleft(reversed(worker.sent))
        try:
            new = _Worker()
        except Exception as error:  # the fork server is gone: the pages still queued fail, saying why
            log.warning("parse worker could not be replaced: %s", error)
            workers.remove(worker)
        else:
            workers[workers.index(worker)] = new
            self._adopt(new)
        if not workers:
            while self._queue:
                _, future = self._queue.popleft()
                if not future.done():
                    future.set_exception(ParseAborted(f"{_STOPPED}: none could be replaced"))
            return
        self._dispatch()

    def close(self) -> None:
        """End the workers, and a parse in flight with them: its page was not stored, so it waits for the next
        run as any page in flight does."""
        for worker in self._group.close():
            if worker.timer is not None:
                worker.timer.cancel()
            self._queue.extend(worker.sent)
        for _, future in self._queue:
            future.cancel()
        self._queue.clear()
