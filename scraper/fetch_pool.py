"""Pages fetched in worker processes, so a crawl's HTTP work runs on every core, beside its writer.

With the parses in worker processes (``parsing.py``), the crawl's own process was still bound to one core, and
httpx was most of its work (bench/crawl.py, py-spy: 39 % of its CPU, storing pages 20 %). Each fetch worker is an
event loop of its own, with its own httpx client and the crawl's fetch policy (``Fetcher``: retries, size limits,
every redirect's hop checked before any connection, the address guard): the crawl sends it a URL and gets back
the response or the fetch's error, as ``Fetcher.get`` would have given them. Everything that decides whether and
when a URL is fetched stays in the crawl's process: the frontier, robots.txt, the per-host gate (held while a
worker fetches for it), the store.

A fetch worker that dies (killed, out of memory) takes no page with it: the fetches it had in hand are made again
by the crawl's own fetcher, as is every fetch once no worker is left. The workers' log lines (a retry, a
redirect refused) are sent to the crawl's log.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import pickle
from multiprocessing.connection import Connection

from .config import Settings
from .fetch import AddressGuard, Fetcher, FetchError, Response, make_client
from .processes import READY, WorkerGroup, WorkerProcess, exit_cause

log = logging.getLogger("cinescrape")
_Task = tuple[int, str, str | None, str | None]  # its number, the URL, and the stored page's validators
_DONE, _LOG = "done", "log"  # the kinds of a worker's messages


class _Forward(logging.Handler):
    """A worker's log records, sent to the crawl's log as ``(_LOG, logger, level, text)``."""

    def __init__(self, results: Connection) -> None:
        super().__init__()
        self.results = results

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.results.send((_LOG, record.name, record.levelno, record.getMessage()))
        except Exception:  # the crawl is gone or the text does not pickle: the line is lost, not the fetch
            self.handleError(record)


def _serve(settings: Settings, allowed: frozenset[str], level: int, tasks: Connection, results: Connection) -> None:
    """A worker: fetches every URL it is sent, side by side, and sends back ``(_DONE, number, True, Response)`` or
    ``(_DONE, number, False, FetchError)``; ends when the crawl closes its end of the pipe."""
    logger = logging.getLogger("cinescrape")
    logger.setLevel(level)
    logger.addHandler(_Forward(results))
    logger.propagate = False
    asyncio.run(_fetch_all(settings, allowed, tasks, results))


async def _fetch_all(settings: Settings, allowed: frozenset[str], tasks: Connection, results: Connection) -> None:
    loop = asyncio.get_running_loop()
    ended = loop.create_future()
    running: set[asyncio.Task[None]] = set()
    async with make_client(settings) as client:
        fetcher = Fetcher(client, settings, AddressGuard(set(allowed)))

        async def fetch(number: int, url: str, etag: str | None, last_modified: str | None) -> None:
            value: Response | FetchError
            try:
                ok, value = True, await fetcher.get(url, etag, last_modified)
            except FetchError as error:
                ok, value = False, error
            except Exception as error:  # a bug: that page's failure, said in one line, as in the crawl's process
                ok, value = False, FetchError(f"internal error: {type(error).__name__}: {error}")
            try:
                # pickled apart from the message, so that one the crawl cannot unpickle fails its page, not the pipe
                results.send((_DONE, number, ok, pickle.dumps(value, pickle.HIGHEST_PROTOCOL)))
            except OSError:  # the crawl is gone
                end()
            except Exception as error:  # a value that does not pickle (sent before any byte is)
                failure = FetchError(f"internal error: {type(error).__name__}: {error}")
                results.send((_DONE, number, False, pickle.dumps(failure, pickle.HIGHEST_PROTOCOL)))

        def take() -> None:
            try:
                task: _Task = tasks.recv()
            except EOFError:  # the crawl closed the pipe (or died): the worker ends
                end()
                return
            job = loop.create_task(fetch(*task))
            running.add(job)
            job.add_done_callback(running.discard)

        def end() -> None:
            loop.remove_reader(tasks.fileno())
            if not ended.done():
                ended.set_result(None)

        loop.add_reader(tasks.fileno(), take)
        results.send(READY)
        await ended
        for job in running:
            job.cancel()


class _Worker(WorkerProcess):
    """One fetch worker, and the fetches it has in hand, by number."""

    def __init__(self, settings: Settings, allowed: frozenset[str]) -> None:
        level = logging.getLogger("cinescrape").getEffectiveLevel()
        super().__init__(_serve, (settings, allowed, level), "cinescrape-fetch")
        self.sent: dict[int, asyncio.Future[Response]] = {}


class FetchPool:
    """``Fetcher.get`` in ``processes`` worker processes, started in the background after ``start_after``
    fetches made by ``fallback`` (the crawl's own fetcher, which also fetches while they start, and whatever they
    cannot); with ``start_after`` 0, started at once, and waited for."""

    def __init__(
        self, processes: int, settings: Settings, allowed: set[str], fallback: Fetcher, start_after: int = 0
    ) -> None:
        self.fallback = fallback
        self._numbers = itertools.count()
        frozen = frozenset(allowed)
        self._group = WorkerGroup("fetch", lambda: _Worker(settings, frozen), processes, self._adopt, start_after)

    async def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """As ``Fetcher.get``: the response (a 304 too), or its FetchError."""
        group = self._group
        group.ask()
        if group.up is not None and not group.up.done() and group.start_after == 0:
            await asyncio.shield(group.up)  # configured (fetch_processes): every fetch in the workers, once up
        if group.up is None or not group.up.done() or not group.workers:  # not yet, or no longer
            return await self.fallback.get(url, etag, last_modified)
        assert group.loop is not None
        worker = min(group.workers, key=lambda each: len(each.sent))
        number = next(self._numbers)
        future: asyncio.Future[Response] = group.loop.create_future()
        try:
            worker.tasks.send((number, url, etag, last_modified))
        except OSError:  # the worker is gone (its pipe's end tells _receive, which retires it)
            return await self.fallback.get(url, etag, last_modified)
        worker.sent[number] = future
        try:
            return await future
        except _WorkerLost:
            return await self.fallback.get(url, etag, last_modified)
        finally:
            worker.sent.pop(number, None)

    def _adopt(self, worker: _Worker) -> None:
        assert self._group.loop is not None
        self._group.loop.add_reader(worker.results.fileno(), self._receive, worker)

    def _receive(self, worker: _Worker) -> None:
        try:
            message = worker.results.recv()
        except (EOFError, OSError):
            self._retire(worker)
            return
        if message[0] == _LOG:
            _, name, level, text = message
            logging.getLogger(name).log(level, "%s", text)
            return
        _, number, ok, pickled = message
        future = worker.sent.get(number)
        if future is None or future.done():  # its page's visit was cancelled meanwhile
            return
        try:
            value = pickle.loads(pickled)
        except Exception as error:  # an answer that does not unpickle here: its page's failure, not a hang
            ok, value = False, FetchError(f"internal error: the fetch worker's answer: {type(error).__name__}: {error}")
        if ok:
            future.set_result(value)
        else:
            future.set_exception(value)

    def _retire(self, worker: _Worker) -> None:
        """A worker died: the fetches it had in hand are made again by the crawl's own fetcher."""
        self._group.retire(worker)
        self._group.workers.remove(worker)
        cause = exit_cause(worker.process)
        log.warning("a fetch worker died (%s); the crawl fetches its %d pages itself", cause, len(worker.sent))
        for future in worker.sent.values():
            if not future.done():
                future.set_exception(_WorkerLost())

    def close(self) -> None:
        """End the workers; a fetch in flight ends with them (its page waits for the next run)."""
        for worker in self._group.close():
            for future in worker.sent.values():
                future.cancel()


class _WorkerLost(Exception):
    """The worker that had a fetch in hand died."""
