"""Title-page parse speed against a bare lexbor parse of the same bytes.

python bench/parse.py [--rounds N] [--profile]

Reads every ``../shared/fixtures/real/A_imdb_title_*`` page once, then times
``parsers.parse(data, url, kind="title")`` and ``LexborHTMLParser(data)`` over the
same bytes in the same run, per folder and overall, and prints pages/s, the
ratio (goal: >= 0.6) and the peak memory of the full parse.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

import parsers

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REAL = SHARED / "fixtures" / "real"
GOLD = SHARED / "gold"
GOAL = 0.6

Pages = list[tuple[bytes, str | None]]


def load_pages() -> dict[str, Pages]:
    """Every title page's bytes and URL (the gold file's, where there is one), by folder."""
    folders: dict[str, Pages] = {}
    for folder in sorted(REAL.glob("A_imdb_title_*")):
        pages: Pages = []
        for path in sorted(folder.glob("*.html")):
            gold = GOLD / folder.name / (path.stem + ".json")
            url = json.loads(gold.read_text(encoding="utf-8")).get("url") if gold.is_file() else None
            pages.append((path.read_bytes(), url))
        folders[folder.name] = pages
    return folders


def rate(pages: Pages, work: Callable[[bytes, str | None], object], rounds: int) -> float:
    """Pages per second over ``rounds`` passes (the best pass, so one slow pass of GC noise does not count)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for data, url in pages:
            work(data, url)
        best = min(best, time.perf_counter() - start)
    return len(pages) / best


def full_parse(data: bytes, url: str | None) -> object:
    return parsers.parse(data, url=url, kind="title")


def bare_parse(data: bytes, url: str | None) -> object:
    return LexborHTMLParser(data)


def peak_memory_mb(pages: Pages) -> float:
    tracemalloc.start()
    for data, url in pages:
        full_parse(data, url)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, default=5)
    options.add_argument("--profile", action="store_true", help="print the top functions of the full parse")
    args = options.parse_args()
    if not REAL.is_dir():
        print(f"no real pages at {REAL}")
        return 2
    folders = load_pages()
    every: Pages = [page for pages in folders.values() for page in pages]
    full_parse(*every[0])  # import-time tables (CLDR months, countries) are not per-page cost
    print(f"{'folder':22s} {'pages':>5s} {'parse/s':>9s} {'lexbor/s':>9s} {'ratio':>6s}")
    ratio = 0.0
    for name, pages in [*folders.items(), ("overall", every)]:
        parsed, bare = rate(pages, full_parse, args.rounds), rate(pages, bare_parse, args.rounds)
        ratio = parsed / bare
        print(f"{name:22s} {len(pages):5d} {parsed:9.1f} {bare:9.1f} {ratio:6.2f}")
    print(f"peak memory of the full parse over all pages: {peak_memory_mb(every):.1f} MB (tracemalloc)")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [full_parse(data, url) for data, url in every])
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return 0 if ratio >= GOAL else 1


if __name__ == "__main__":
    raise SystemExit(main())
