"""WARC import speed: ``import-warc`` against a floor measured in the same run.

python bench/warc.py [--pages 2000] [--rss 1000,10000] [--mix imdb|all]

Builds a WARC (gzip per record) of ``pages`` real pages from ../shared/fixtures/real, repeated under distinct
URLs (``--mix imdb``: the IMDb title pages of every layout and their sub-pages, what an archive import is for;
``all`` adds the articles and schema.org pages), then measures, on the same file:

- the floor: iterate the file with warcio and parse each HTML body with a bare lexbor parser;
- the import on one core (``--jobs 1``: read, parse and load in one process) and on two (a pool of two
  parsers, this process reading and writing), into a fresh database each;
- the peak RSS of the import of the first 1,000 and of 10,000 records (each in a fresh process, its pool's
  processes counted as well), which should stay flat: records stream through a bounded window.

Goals: one core >= 0.5x the floor; two cores >= 1.7x one core; peak RSS flat from 1,000 to 10,000 records.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser
from warcio.archiveiterator import ArchiveIterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the WARC writer is the tests' own (tests/warcs.py)

from db import Store  # noqa: E402
from scraper.config import Settings  # noqa: E402
from scraper.sources.warc import import_warcs  # noqa: E402
from tests.conftest import REAL  # noqa: E402
from tests.warcs import write_warc  # noqa: E402

_SUBPAGES = {"releaseinfo", "keywords", "fullcredits", "plotsummary", "companycredits", "credits"}


def sources(mix: str) -> list[tuple[str, bytes]]:
    """(URL path after the film id, body) of each real page used, e.g. ("", title page), ("releaseinfo", …)."""
    found: list[tuple[str, bytes]] = []
    for folder in ("A_imdb_title_old", "A_imdb_title_new"):
        found += [("", path.read_bytes()) for path in sorted((REAL / folder).glob("*.html"))]
    for path in sorted((REAL / "B_imdb_subpages").glob("*.html")):
        sub = next((part.lower() for part in path.stem.split("__") if part.lower() in _SUBPAGES), None)
        if sub:
            found.append(("fullcredits" if sub == "credits" else sub, path.read_bytes()))
    if mix == "all":
        for folder in ("C_listicles_reviews", "D_jsonld_schemaorg"):
            found += [("article", path.read_bytes()) for path in sorted((REAL / folder).glob("*.html"))]
    return found


def build(path: Path, count: int, mix: str) -> None:
    pool = sources(mix)
    pages = []
    for number in range(count):
        sub, body = pool[number % len(pool)]
        if sub == "article":
            url = f"http://blog{number % 50}.example/2016/best-films-{number}/"
        else:
            url = f"http://www.imdb.com/title/tt{9_000_000 + number}/{sub}"
        pages.append((url, body))
    write_warc(path, pages, datetime(2016, 3, 1, tzinfo=UTC))


def floor(path: Path) -> tuple[int, float, float]:
    """HTML responses read with warcio and parsed by bare lexbor: (pages, seconds, CPU seconds)."""
    started, cpu, pages = time.perf_counter(), time.process_time(), 0
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers.get_statuscode() != "200":
                continue
            if not (record.http_headers.get_header("Content-Type") or "").startswith("text/html"):
                continue
            LexborHTMLParser(record.content_stream().read())
            pages += 1
    return pages, time.perf_counter() - started, time.process_time() - cpu


def cpu_seconds() -> tuple[float, float]:
    """CPU time of this process, and of its finished children (the pool's processes, once shut down)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def imported(path: Path, folder: Path, jobs: int) -> tuple[int, float, tuple[float, float]]:
    """import-warc's own function into a fresh database: (pages, seconds, CPU seconds of this process and of
    the pool's)."""
    db = folder / f"import-{jobs}.db"
    db.unlink(missing_ok=True)
    with closing(Store(db)) as store:
        run_id = store.start_run("import-warc", [str(path)])
        started, cpu = time.perf_counter(), cpu_seconds()
        summary = import_warcs(store, [path], run_id, Settings(), jobs)
        seconds, after = time.perf_counter() - started, cpu_seconds()
    assert summary.skipped == Counter({"not 200": 1, "not HTML": 1, "request records": 1, "warcinfo records": 1})
    return summary.imported + len(summary.failed), seconds, (after[0] - cpu[0], after[1] - cpu[1])


def peak_rss(records: int, folder: Path, mix: str, jobs: int) -> tuple[float, float]:
    """MB: the peak RSS of an import of ``records`` pages in a fresh process, and of the largest of its pool's
    processes. The WARC is built here, so the child's peak is the import's alone."""
    path = folder / f"rss-{records}.warc.gz"
    build(path, records, mix)
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(path), "--folder", str(folder), "--jobs", str(jobs)],
        check=True,
        capture_output=True,
        text=True,
    )
    path.unlink()
    own, pool = out.stdout.split()[-2:]
    return float(own), float(pool)


def child(path: Path, folder: Path, jobs: int) -> None:
    imported(path, folder, jobs)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    pool = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"{own / 1024:.1f} {pool / 1024:.1f}")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--pages", type=int, default=2000)
    options.add_argument("--rss", default="1000,10000")
    options.add_argument("--mix", choices=("imdb", "all"), default="imdb")
    options.add_argument("--jobs", type=int, default=2)
    options.add_argument("--child", type=Path)
    options.add_argument("--folder", type=Path)
    args = options.parse_args()
    if args.child:
        child(args.child, args.folder, args.jobs)
        return
    if not REAL.is_dir():
        sys.exit("bench/warc.py needs ../shared/fixtures/real")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = folder / "bench.warc.gz"
        build(path, args.pages, args.mix)
        size = path.stat().st_size / 1e6
        print(f"WARC: {args.pages:,} pages ({args.mix}), {size:.1f} MB gzip per record")
        floor_pages, floor_seconds, floor_cpu = floor(path)
        floor_rate = floor_pages / floor_seconds
        print(
            f"floor (warcio + bare lexbor): {floor_rate:7.1f} pages/s  {1000 * floor_cpu / floor_pages:.1f} ms CPU a page"
        )
        one_pages, one_seconds, (one_cpu, _) = imported(path, folder, 1)
        one_rate = one_pages / one_seconds
        print(
            f"import, 1 core:               {one_rate:7.1f} pages/s  {one_rate / floor_rate:.2f}x the floor (goal 0.5)"
            f"  {1000 * one_cpu / one_pages:.1f} ms CPU a page ({floor_cpu / floor_pages / (one_cpu / one_pages):.2f}x "
            "the floor by CPU)"
        )
        two_pages, two_seconds, (main_cpu, pool_cpu) = imported(path, folder, 2)
        two_rate = two_pages / two_seconds
        # on a machine shared with other work the wall-clock ratio says more about the others than about the
        # import; the CPU each process spends a page gives the rate two free cores would reach
        bound = min(two_pages / main_cpu, 2 * two_pages / pool_cpu) if pool_cpu else 0.0
        print(
            f"import, 2 cores:              {two_rate:7.1f} pages/s  {two_rate / one_rate:.2f}x one core (goal 1.7)"
            f"  {1000 * main_cpu / two_pages:.1f} ms CPU a page reading and writing, {1000 * pool_cpu / two_pages:.1f} "
            f"parsing; on two free cores at most {bound:.0f} pages/s, {bound * one_cpu / one_pages:.2f}x one core"
        )
        for records in (int(n) for n in args.rss.split(",")):
            own, pool = peak_rss(records, folder, args.mix, 2)
            print(
                f"peak RSS, {records:>6,} records (2 cores): {own:6.1f} MB reading and writing, {pool:6.1f} MB a parser"
            )


if __name__ == "__main__":
    main()
