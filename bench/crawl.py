"""Crawl speed on a loopback site of generated pages, politeness delays off.

python bench/crawl.py [--lists 200] [--films 9] [--concurrency 8]

Serves ``lists`` ranked-list pages, each linking ``films`` IMDb-style title pages (2,000 pages by default),
from an in-process server on 127.0.0.1, and crawls them into a fresh database three times:

1. first run: everything fetched, parsed, archived and stored: pages/s and CPU seconds per page;
2. the next night's run: the lists are due again (as after recrawl_hours.review), the films are not: the
   lists are asked for conditionally (304), nothing is parsed: its time as a ratio of the first (goal <= 0.1)
   and how many pages were parsed (goal 0);
3. the worst case: every page due (recrawl_hours 0), 2,000 conditional GETs answered 304, nothing parsed;
4. a run right after: nothing is due, nothing is fetched.

CPU time is the process's, so it includes the server's threads. Peak memory is the process's maximum RSS.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the generated site is the tests' own (tests/servers.py)

from scraper.run import Report, run_crawl  # noqa: E402
from tests.servers import FaultServer, fault_server, film_site, site_settings  # noqa: E402

GOAL = 0.1


def timed_run(
    server: FaultServer, seeds: list[str], db: Path, concurrency: int, **overrides: object
) -> tuple[Report, float, float]:
    settings = site_settings(
        server, seeds, concurrency=concurrency, per_host_concurrency=concurrency, max_pages=100_000, **overrides
    )
    wall, cpu = time.perf_counter(), time.process_time()
    report = run_crawl(settings, db, "crawl")
    return report, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--lists", type=int, default=200)
    options.add_argument("--films", type=int, default=9)
    options.add_argument("--concurrency", type=int, default=8)
    args = options.parse_args()
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
    print(f"site: {len(routes)} pages ({args.lists} lists x {args.films} films), concurrency {args.concurrency}")
    print(
        f"first run:  {pages} fetched, {first.summary.parsed} parsed, {len(first.summary.failed)} failed in "
        f"{first_wall:.2f}s: {pages / first_wall:.0f} pages/s, {first_cpu / pages * 1000:.2f} ms CPU per page"
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


if __name__ == "__main__":
    main()
