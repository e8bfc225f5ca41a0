"""A shared crawl's scale: 1, 2 and 4 workers on one Redis, what the writer absorbs, and Redis memory per URL.

python bench/scale.py [--lists 100] [--films 9] [--workers 1 2 4] [--concurrency 8]

The generated site of bench/crawl.py (``lists`` ranked lists, each linking ``films`` title pages: 1,000 pages by
default) is served by nginx (or ``python -m http.server``) in its own process; a redis-server of the bench's own
runs in a temporary folder (append-only file fsynced every second, Redis's default for it). Politeness delays
are off, and so is the per-host concurrency limit. For each worker count N, ``cinescrape crawl --frontier`` (the
writer, which works too) and N - 1 ``cinescrape worker`` processes crawl the site into a fresh database; the
one-process crawl (no ``--frontier``) is the reference. It prints wall time and pages/s of each (process start-up
included) and the CPU all its processes spent per page, less their start-ups (the CPU of a worker that starts and
ends at once, per process): what a worker on a core of its own is bound by. Then:

- Redis memory per URL after the run (``MEMORY USAGE`` of the frontier's keys, over the URLs it holds);
- the writer alone: every page of the site, parsed beforehand, sent as workers send them and stored by one
  writer into a fresh database (pages/s and rows/s: what one writer absorbs, so how many workers it serves).

Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # the generated site and its server are bench/crawl.py's

import msgspec  # noqa: E402
from crawl import static_server, write_site  # noqa: E402

from db import FetchedPage, FrontierItem, Store  # noqa: E402
from parsers import parse  # noqa: E402
from parsers.records import FilmPage, ReviewPage  # noqa: E402
from scraper.crawl import RunSummary  # noqa: E402
from scraper.shared import PREFIX, connect  # noqa: E402
from scraper.shared.frontier import RedisFrontier  # noqa: E402
from scraper.shared.results import STREAM, Add, Mark, Message, SavePage, Tally, Writer  # noqa: E402
from tests.redis_server import RedisServer  # noqa: E402


def crawl(
    base: str, seeds: list[str], folder: Path, concurrency: int, redis: RedisServer | None, workers: int
) -> tuple[float, float]:
    """Seconds from the first process's start to the crawl's exit, and the CPU seconds of every process (the
    crawl, the workers and their parse processes)."""
    config = folder / "crawl.toml"
    listed = ", ".join(f'"{base}{seed}"' for seed in seeds)
    config.write_text(  # no per-host limit: every process's concurrency goes to the one loopback host
        f"seeds = [{listed}]\ndelay_seconds = 0\nconcurrency = {concurrency}\n"
        f"per_host_concurrency = {concurrency * workers}\nsubpages = []\n"
    )
    db = folder / "films.db"
    for stale in folder.glob("films*.db*"):
        stale.unlink()
    command = [sys.executable, "-m", "scraper"]
    shared = ["--frontier", redis.url] if redis else []
    cpu = _children_cpu()
    started = time.perf_counter()
    others = [subprocess.Popen([*command, "worker", *shared]) for _ in range(workers - 1)] if redis else []
    subprocess.run([*command, "crawl", "--db", str(db), "--config", str(config), "--quiet", *shared], check=True)
    elapsed = time.perf_counter() - started
    for other in others:
        other.wait(30)
    return elapsed, _children_cpu() - cpu


def _start_up(redis: RedisServer) -> float:
    """CPU seconds of a worker that finds no run and ends: a process's start-up."""
    cpu = _children_cpu()
    subprocess.run([sys.executable, "-m", "scraper", "worker", "--frontier", redis.url, "--idle-exit", "0"], check=True)
    return _children_cpu() - cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def memory_per_url(redis: RedisServer) -> tuple[float, int]:
    """Bytes of the frontier's keys in Redis per URL they hold, and the URLs."""
    client = connect(redis.url)
    keys = [PREFIX + name for name in ("urls", "queue", "leases")] + list(client.scan_iter(PREFIX + "kids:*"))
    used = sum(int(client.memory_usage(key, samples=0) or 0) for key in keys)
    urls = int(client.hlen(PREFIX + "urls"))
    return used / max(urls, 1), urls


def writer_alone(site: Path, folder: Path, redis: RedisServer) -> tuple[float, float]:
    """Pages/s and rows/s one writer stores, its messages made beforehand (as workers make them)."""
    client = connect(redis.url)
    client.flushdb()
    frontier = RedisFrontier(client, run_id=1)
    messages = []
    for page in sorted(site.rglob("index.html")):
        url = "http://127.0.0.1/" + str(page.parent.relative_to(site)) + "/"
        record = parse(page.read_bytes(), url=url)
        frontier.add([FrontierItem(url)])
        fetched = FetchedPage(url, record.kind, 200, f"{hash(url):x}", "text/html")
        save = SavePage(
            fetched,
            record if isinstance(record, FilmPage) else None,
            record if isinstance(record, ReviewPage) else None,
        )
        messages.append(Message([save, Mark(url, "done"), Add([])], Tally(fetched=1)))
    frontier.pending(len(messages))
    for message in messages:
        client.xadd(STREAM, {"m": msgspec.json.encode(message)})
    with closing(Store(folder / "writer.db")) as store:
        summary = RunSummary(run_id=store.start_run("bench", []))
        writer = Writer(client, store, None, frontier, summary)
        started = time.perf_counter()
        while writer.waiting():
            writer.drain()
        elapsed = time.perf_counter() - started
    connection = sqlite3.connect(folder / "writer.db")
    tables = [name for (name,) in connection.execute("select name from sqlite_master where type = 'table'")]
    rows = sum(
        connection.execute(f"select count(*) from [{name}]").fetchone()[0] for name in tables if "_fts" not in name
    )
    connection.close()
    return summary.parsed / elapsed, rows / elapsed


def _line(pages: int, elapsed: float, cpu: float) -> str:
    return f"{elapsed:6.2f} s  {pages / elapsed:6.0f} pages/s  {cpu / pages * 1000:5.1f} ms CPU per page (start-ups left out)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lists", type=int, default=100)
    parser.add_argument("--films", type=int, default=9)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    if shutil.which("redis-server") is None:
        raise SystemExit("redis-server is not installed (apt-get install redis-server)")
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        folder.chmod(0o755)  # nginx's worker drops root's rights: it must read the site
        site = folder / "site"
        seeds = write_site(site, args.lists, args.films)
        pages = args.lists * (args.films + 1)
        (folder / "redis").mkdir()
        redis = RedisServer(folder / "redis")
        redis.start()
        connect(redis.url).config_set("appendfsync", "everysec")
        try:
            with static_server(site, folder) as (base, name):
                start_up = _start_up(redis)
                print(f"{pages} pages served by {name}, concurrency {args.concurrency} per process, no delays")
                print(f"a process's start-up: {start_up:.2f} s CPU")
                elapsed, cpu = crawl(base, seeds, folder, args.concurrency, None, 1)
                print(f"  one process, no Redis   {_line(pages, elapsed, cpu - start_up)}")
                for workers in args.workers:
                    connect(redis.url).flushdb()
                    elapsed, cpu = crawl(base, seeds, folder, args.concurrency, redis, workers)
                    print(f"  {workers} worker(s) on Redis    {_line(pages, elapsed, cpu - workers * start_up)}")
                per_url, urls = memory_per_url(redis)
                print(f"Redis memory: {per_url:.0f} bytes per URL ({urls} URLs)")
            pages_per_s, rows_per_s = writer_alone(site, folder, redis)
            print(f"writer alone: {pages_per_s:.0f} pages/s, {rows_per_s:.0f} rows/s")
        finally:
            redis.stop()


if __name__ == "__main__":
    main()
