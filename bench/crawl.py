"""Crawl speed on a loopback site of generated pages, politeness delays off.

python bench/crawl.py [--lists 200] [--films 9] [--concurrency 8] [--rounds 5] [--scrapy-python PATH]
                      [--only side-by-side|recrawl]

Part 1, side by side: the generated site (``lists`` ranked-list pages, each linking ``films`` IMDb-style title
pages: 2,000 pages by default) is written to a folder and served by nginx in its own process (or, without nginx,
by ``python -m http.server``). Three clients crawl it at equal concurrency, one after the other, in an order that
turns each round:

(a) ``cinescrape crawl`` in full (fetch, parse, load into a fresh database; no raw archive);
(b) Scrapy 2.x (bench/scrapy_spider.py: the same links followed, three fields extracted, nothing stored), in an
    environment of its own: ``--scrapy-python``, or a venv the bench makes under the temporary folder;
(c) a bare httpx client that only fetches the same pages (bench/fetch_floor.py): the floor.

It prints each client's wall time (median and range over the rounds), pages/s, CPU seconds and peak memory (of
its process tree: cinescrape's parse and fetch workers count), and the ratios cinescrape/Scrapy (goal <= 0.8) and
cinescrape/floor (goal <= 1.35). On a machine other work shares, the CPU seconds say more than the wall times.

Part 2, recrawls, from an in-process server: the crawl of the same site into a fresh database, then

1. the next night's run: the lists are due again (as after recrawl_hours.review), the films are not: the
   lists are asked for conditionally (304), nothing is parsed: its time as a ratio of the first (goal <= 0.1)
   and how many pages were parsed (goal 0);
2. the worst case: every page due (recrawl_hours 0), 2,000 conditional GETs answered 304, nothing parsed;
3. a run right after: nothing is due, nothing is fetched.

CPU time there is the process's, so it includes the server's threads. Nothing leaves 127.0.0.1 (but the pip
install of Scrapy into the bench's own environment, when no ``--scrapy-python`` is given).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the generated site is the tests' own (tests/servers.py)

from scraper.run import Report, run_crawl  # noqa: E402
from tests.servers import FaultServer, fault_server, film_pages, film_site, site_settings  # noqa: E402

GOAL = 0.1
GOAL_SCRAPY, GOAL_FLOOR = 0.8, 1.35
_TICKS = os.sysconf("SC_CLK_TCK")
_NGINX_CONF = """
worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    types {{ text/html html; }}
    charset utf-8;
    client_body_temp_path {folder}/tmp;
    proxy_temp_path {folder}/tmp;
    fastcgi_temp_path {folder}/tmp;
    uwsgi_temp_path {folder}/tmp;
    scgi_temp_path {folder}/tmp;
    server {{
        listen 127.0.0.1:{port};
        root {site};
        index index.html;
    }}
}}
"""


@dataclass(frozen=True, slots=True)
class Timed:
    wall: float
    peak_mb: float
    cpu: float
    pages: int


# ---------------------------------------------------------------------- part 1: side by side


def write_site(folder: Path, lists: int, films: int) -> list[str]:
    """The generated site as files (PATH/index.html), for a server of its own process; returns the list paths."""
    pages, seeds = film_pages(lists, films)
    for path, body in pages.items():
        target = folder / path.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
    return seeds


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def static_server(site: Path, folder: Path) -> Iterator[tuple[str, str]]:
    """``site`` served on 127.0.0.1 by nginx (or python -m http.server) in a process of its own: (base URL, name)."""
    port = free_port()
    nginx = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
    if nginx:
        (folder / "tmp").mkdir(exist_ok=True)
        conf = folder / "nginx.conf"
        conf.write_text(_NGINX_CONF.format(folder=folder, port=port, site=site), encoding="utf-8")
        command, name = [nginx, "-c", str(conf), "-e", str(folder / "nginx-error.log")], "nginx"
    else:
        command = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site)]
        name = "python -m http.server"
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit(f"{name} did not start on port {port}") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}", name
    finally:
        server.terminate()
        server.wait()


def scrapy_python(given: str | None, folder: Path) -> str:
    """A Python that has Scrapy: ``given``, or a venv made for the bench (Scrapy is no dependency of cinescrape)."""
    if given:
        return given
    venv = folder / "scrapy-venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    subprocess.run([python, "-m", "pip", "install", "-q", "scrapy>=2,<3"], check=True)
    return python


def _tree_usage(pid: int) -> tuple[int, float]:
    """The high-water RSS (kB) and the CPU seconds (user and system, its waited-for children's too) of ``pid``
    and its child processes (cinescrape's parse workers), from /proc. A fork's maximum RSS as wait4 tells it would
    count the bench's own memory, which the child held until its exec."""
    peak, cpu = 0, 0.0
    for task in Path(f"/proc/{pid}/task").glob("*"):
        for child in (task / "children").read_text().split() if (task / "children").exists() else []:
            child_peak, child_cpu = _tree_usage(int(child))
            peak, cpu = peak + child_peak, cpu + child_cpu
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            peak += int(line.split()[1])
    times = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[11:15]  # utime stime cutime cstime
    return peak, cpu + sum(int(ticks) for ticks in times) / _TICKS


def timed(command: list[str], cwd: Path) -> tuple[float, float, float, str]:
    """Run ``command``; its wall time, its peak memory (MB: the most its process tree held), its CPU seconds (the
    process tree's, sampled every 20 ms), stdout."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err)
        peak, cpu = 0, 0.0
        while process.poll() is None:
            with suppress(OSError, ValueError, IndexError):  # a process that ended while it was read
                tree_peak, tree_cpu = _tree_usage(process.pid)
                peak, cpu = max(peak, tree_peak), max(cpu, tree_cpu)
            time.sleep(0.02)
        wall = time.perf_counter() - start
        if process.returncode not in (0, 1):
            err.seek(0)
            raise SystemExit(f"{command[:4]} failed ({process.returncode}): {err.read()[-2000:].decode()}")
        out.seek(0)
        return wall, peak / 1024, cpu, out.read().decode()


def run_cinescrape(seeds: list[str], concurrency: int, folder: Path) -> Timed:
    db, config = folder / "films.db", folder / "bench.toml"
    for stale in folder.glob("films.db*"):
        stale.unlink()
    config.write_text(
        "[crawl]\n"
        f"seeds = {json.dumps(seeds)}\n"
        f"concurrency = {concurrency}\nper_host_concurrency = {concurrency}\n"
        'delay_seconds = 0\nmax_pages = 100000\nsubpages = []\narchive = ""\n',
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "scraper", "crawl", "--db", str(db), "--config", str(config), "--quiet"]
    wall, peak, cpu, _ = timed(command, ROOT)
    with closing(sqlite3.connect(db)) as database:
        pages = database.execute("select count(*) from pages where error is null").fetchone()[0]
    return Timed(wall, peak, cpu, int(pages))


def run_scrapy(python: str, seeds_file: Path, concurrency: int, folder: Path) -> Timed:
    command = [
        python, "-m", "scrapy", "runspider", str(ROOT / "bench" / "scrapy_spider.py"), "-a", f"seeds={seeds_file}",
        "-s", f"CONCURRENT_REQUESTS={concurrency}", "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={concurrency}",
        "-s", "DOWNLOAD_DELAY=0", "-s", "ROBOTSTXT_OBEY=True", "-s", "LOG_LEVEL=WARNING",
        "-s", "TELNETCONSOLE_ENABLED=False", "-s", "REQUEST_FINGERPRINTER_IMPLEMENTATION=2.7",
    ]  # fmt: skip
    wall, peak, cpu, out = timed(command, folder)
    return Timed(wall, peak, cpu, json.loads(out.strip().splitlines()[-1])["pages"])


def run_floor(seeds_file: Path, concurrency: int, folder: Path) -> Timed:
    command = [sys.executable, str(ROOT / "bench" / "fetch_floor.py"), str(seeds_file), str(concurrency)]
    wall, peak, cpu, out = timed(command, folder)
    return Timed(wall, peak, cpu, json.loads(out)["pages"])


def side_by_side(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        folder.chmod(0o755)  # nginx's worker drops root's rights: it must read the site
        site = folder / "site"
        paths = write_site(site, args.lists, args.films)
        python = scrapy_python(args.scrapy_python, folder)
        version = subprocess.run(
            [python, "-c", "import scrapy; print(scrapy.__version__)"], capture_output=True, text=True, check=True
        ).stdout.strip()
        with static_server(site, folder) as (base, server):
            seeds = [base + path for path in paths]
            seeds_file = folder / "seeds.txt"
            seeds_file.write_text("\n".join(seeds), encoding="utf-8")
            clients = {
                "cinescrape": lambda: run_cinescrape(seeds, args.concurrency, folder),
                f"scrapy {version}": lambda: run_scrapy(python, seeds_file, args.concurrency, folder),
                "httpx floor": lambda: run_floor(seeds_file, args.concurrency, folder),
            }
            names = list(clients)
            runs: dict[str, list[Timed]] = {name: [] for name in names}
            for round_ in range(args.rounds):
                for name in names[round_ % 3 :] + names[: round_ % 3]:  # each client goes first in turn
                    runs[name].append(clients[name]())
                line = ", ".join(f"{name} {runs[name][-1].wall:.2f}s" for name in names)
                print(f"round {round_ + 1}: {line}", flush=True)
    print(
        f"side by side: {len(seeds) * (args.films + 1)} pages served by {server} on 127.0.0.1, "
        f"concurrency {args.concurrency}, {args.rounds} rounds (median, range)"
    )
    median = {name: statistics.median(t.wall for t in timings) for name, timings in runs.items()}
    for name, timings in runs.items():
        walls = [t.wall for t in timings]
        pages = timings[-1].pages
        print(
            f"  {name:<14} {median[name]:6.2f}s ({min(walls):.2f}-{max(walls):.2f}), {pages} pages, "
            f"{pages / median[name]:5.0f} pages/s, CPU {statistics.median(t.cpu for t in timings):5.2f}s, "
            f"peak RSS {max(t.peak_mb for t in timings):.0f} MB"
        )
    ours, scrapy, floor = (median[name] for name in names)
    for against, value, goal in ((names[1], ours / scrapy, GOAL_SCRAPY), (names[2], ours / floor, GOAL_FLOOR)):
        per_round = [a.wall / b.wall for a, b in zip(runs[names[0]], runs[against], strict=True)]
        print(
            f"  ratio cinescrape/{against}: {value:.2f} (rounds {min(per_round):.2f}-{max(per_round):.2f}; "
            f"goal <= {goal}) {'ok' if value <= goal else 'MISSED'}"
        )


# ---------------------------------------------------------------------- part 2: recrawls


def timed_run(
    server: FaultServer, seeds: list[str], db: Path, concurrency: int, **overrides: object
) -> tuple[Report, float, float]:
    settings = site_settings(
        server, seeds, concurrency=concurrency, per_host_concurrency=concurrency, max_pages=100_000, **overrides
    )
    wall, cpu = time.perf_counter(), time.process_time()
    report = run_crawl(settings, db, "crawl")
    return report, time.perf_counter() - wall, time.process_time() - cpu


def recrawls(args: argparse.Namespace) -> None:
    routes, seeds = film_site(args.lists, args.films)
    all_due = {"review": 0.0, "film": 0.0}
    next_night = {"review": 0.0, "film": 160.0}
    with tempfile.TemporaryDirectory() as folder, fault_server(routes) as server:
        db = Path(folder) / "films.db"
        first, first_wall, first_cpu = timed_run(server, seeds, db, args.concurrency)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        second, second_wall, _ = timed_run(server, seeds, db, args.concurrency, recrawl_hours=next_night)
        worst, worst_wall, worst_cpu = timed_run(server, seeds, db, args.concurrency, recrawl_hours=all_due)
        idle, idle_wall, _ = timed_run(server, seeds, db, args.concurrency)
        archive_mb = (Path(folder) / "films.archive.db").stat().st_size / 2**20
        db_mb = db.stat().st_size / 2**20
    pages = first.summary.fetched
    ratio = second_wall / first_wall
    print(f"recrawls: {len(routes)} pages ({args.lists} lists x {args.films} films), in-process server")
    print(
        f"first run:  {pages} fetched, {first.summary.parsed} parsed, {len(first.summary.failed)} failed in "
        f"{first_wall:.2f}s: {pages / first_wall:.0f} pages/s, {first_cpu / pages * 1000:.2f} ms CPU per page "
        "(this process's)"
    )
    print(
        f"next night (lists due, films not): {second.summary.fetched} fetched ({second.summary.unchanged} "
        f"unchanged), {second.summary.parsed} parsed in {second_wall:.2f}s"
    )
    print(f"  ratio next night/first: {ratio:.3f} (goal <= {GOAL}) {'ok' if ratio <= GOAL else 'MISSED'}")
    print(
        f"every page due: {worst.summary.fetched} fetched ({worst.summary.unchanged} unchanged), "
        f"{worst.summary.parsed} parsed in {worst_wall:.2f}s (ratio {worst_wall / first_wall:.3f}), "
        f"{worst_cpu / max(worst.summary.fetched, 1) * 1000:.2f} ms CPU per page"
    )
    print(f"nothing due: {idle.summary.fetched} fetched in {idle_wall:.2f}s")
    print(
        f"peak memory (max RSS after the first run): {peak_mb:.0f} MB; database {db_mb:.1f} MB, archive {archive_mb:.1f} MB"
    )


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--lists", type=int, default=200)
    options.add_argument("--films", type=int, default=9)
    options.add_argument("--concurrency", type=int, default=8)
    options.add_argument("--rounds", type=int, default=5)
    options.add_argument("--scrapy-python", help="a Python with Scrapy 2.x (default: a venv made by the bench)")
    options.add_argument("--only", choices=("side-by-side", "recrawl"))
    args = options.parse_args()
    if args.only != "recrawl":
        side_by_side(args)
    if args.only != "side-by-side":
        recrawls(args)


if __name__ == "__main__":
    main()
