"""The crawl's worker processes (parse workers, fetch workers): how they start, talk and end.

Workers start from a fork server (``forkserver``): a fresh interpreter (started by exec, never a fork of the
crawler, whose threads may hold locks) that has imported what workers run once; each worker is a fork of it, ready
in milliseconds. Each worker has a pipe of its own each way, read by the crawl's event loop itself
(``add_reader``): no thread of the crawl's process takes part in a hand-off. A pool that hands over through
threads (pebble's, or concurrent.futures') wakes two of them for each page, and their turns at the GIL against the
event loop's cost the crawl's process as much as its fetches did (bench/crawl.py). A group of workers is started
in a thread, while the crawl goes on, and each says it is ready (it could import what it runs) before it is used.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import signal
import threading
from collections.abc import Callable
from contextlib import suppress
from multiprocessing import forkserver
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

log = logging.getLogger("cinescrape")
CONTEXT = multiprocessing.get_context("forkserver")
# What the workers run and what it imports, loaded once, then forked; not the crawler's modules: a parse worker
# needs no database code (the fork server's imports 0.53 -> 0.41 s CPU).
CONTEXT.set_forkserver_preload(["scraper.parsing", "scraper.fetch_pool"])
START_SECONDS = 30.0  # workers not up by then (they cannot import what they run?): the crawl goes on without them
READY = "ready"  # a worker's first message


class WorkerProcess:
    """A process running ``target(*args, tasks, results)``, with a pipe each way; its first message is READY."""

    def __init__(self, target: Callable[..., None], args: tuple[Any, ...], name: str) -> None:
        task_reader, self.tasks = CONTEXT.Pipe(duplex=False)
        self.results, result_writer = CONTEXT.Pipe(duplex=False)
        self.process: BaseProcess = CONTEXT.Process(
            target=target, args=(*args, task_reader, result_writer), name=name, daemon=True
        )
        try:
            self.process.start()
        finally:  # the worker holds its own ends now: when it dies, the crawl reads the end of its pipe
            task_reader.close()
            result_writer.close()

    def wait_ready(self) -> None:
        if not self.results.poll(START_SECONDS):
            raise TimeoutError(f"no answer within {START_SECONDS:g}s")
        if (answer := self.results.recv()) != READY:
            raise RuntimeError(f"unexpected first message {answer!r}")

    def stop(self) -> None:
        self.tasks.close()
        self.results.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


W = TypeVar("W", bound=WorkerProcess)


class WorkerGroup(Generic[W]):
    """``count`` workers made by ``make`` and started in the background (``start``, or ``ask`` once asked more than
    ``start_after`` times); ``adopt`` runs in the event loop with each once all are ready, ``failure`` says why they
    could not start; ``close`` ends them."""

    def __init__(
        self, name: str, make: Callable[[], W], count: int, adopt: Callable[[W], None], start_after: int = 0
    ) -> None:
        self.name = name
        self.make = make
        self.count = count
        self.adopt = adopt
        self.start_after = start_after
        self._asked = 0
        self.workers: list[W] = []
        self.loop: asyncio.AbstractEventLoop | None = None
        self.up: asyncio.Future[None] | None = None  # settled once the workers are up, or could not start
        self.failure: str | None = None  # why they could not start
        self._starter: threading.Thread | None = None
        self._lock = threading.Lock()  # between close and the thread that starts the workers
        self._closed = False

    def ask(self) -> None:
        """Count a task for the workers; the one past ``start_after`` starts them."""
        self._asked += 1
        if self.up is None and self._asked > self.start_after:
            self.start()

    def start(self) -> None:
        loop = self.loop = asyncio.get_running_loop()
        up = self.up = loop.create_future()
        _start_fork_server()

        def start() -> None:
            workers: list[W] = []
            try:
                for _ in range(self.count):
                    workers.append(self.make())
                for worker in workers:
                    worker.wait_ready()
            except Exception as error:  # the crawl goes on without them, or a page that waits fails, saying why
                _stop(workers)
                self.failure = f"the {self.name} workers could not start: {type(error).__name__}: {error}"
                log.warning("%s", self.failure)
                workers = []
            with self._lock:
                if self._closed:
                    _stop(workers)
                    workers = []
            call_soon(loop, self._adopt, workers, up)

        self._starter = threading.Thread(target=start, name=f"cinescrape-{self.name}-start")
        self._starter.start()

    def _adopt(self, workers: list[W], up: asyncio.Future[None]) -> None:
        """In the event loop: the workers started are the group's (unless it was closed meanwhile)."""
        if self._closed:
            _stop(workers)
        else:
            self.workers = workers
            for worker in workers:
                self.adopt(worker)
        if not up.done():
            up.set_result(None)

    def retire(self, worker: W) -> None:
        """Stop reading ``worker`` and end it (it may be dead already)."""
        if self.loop is not None:
            self.loop.remove_reader(worker.results.fileno())
        worker.stop()

    def close(self) -> list[W]:
        """End the workers; returns them (their tasks in hand are the caller's to settle)."""
        with self._lock:
            self._closed = True
            workers, self.workers = self.workers, []
        for worker in workers:
            self.retire(worker)
        if self._starter is not None:
            self._starter.join()  # workers being started: it stops them once up (a process left half-made prints)
        return workers


def _start_fork_server() -> None:
    """Start the fork server with SIGINT ignored. Ctrl-C on a terminal reaches the whole process group: the fork
    server (and the workers it forks) would die of it mid-import, printing a traceback of their own. Started with
    SIGINT ignored, they keep it ignored; the crawler handles Ctrl-C and stops them."""
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            forkserver.ensure_running()  # its process only: its imports go on in the background
        finally:
            signal.signal(signal.SIGINT, previous)


def exit_cause(process: BaseProcess) -> str:
    """How a worker ended: "killed by SIGKILL", "exit 1"."""
    code = process.exitcode or 0
    if code >= 0:
        return f"exit {code}"
    try:
        return f"killed by {signal.Signals(-code).name}"
    except ValueError:
        return f"killed by signal {-code}"


def call_soon(loop: asyncio.AbstractEventLoop, callback: Callable[..., None], *args: Any) -> None:
    with suppress(RuntimeError):  # the loop is closed: the crawl is over
        loop.call_soon_threadsafe(callback, *args)


def _stop(workers: list[W]) -> None:
    for worker in workers:
        worker.stop()
