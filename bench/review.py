"""Review-page parse speed against a bare lexbor parse of the same bytes.

python bench/review.py [--rounds N] [--slowest K] [--profile]

Reads every article and list page (``C_*``, ``D_*``) of ../shared/fixtures/real, real2 and
tests/fixtures/real/pages/{dev,validation} once, then times ``parsers.parse(data, url, kind="review")``
and ``LexborHTMLParser(data)`` over the same bytes in the same run, per folder and overall, and prints
pages/s, their ratio (goal: >= 0.25) and the pages whose review parse costs the most lexbor parses
(where a slow rule shows first), with their review parse time.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import time
from collections.abc import Callable
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

import parsers

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
# Article and list pages with gold: (pages folder, gold folder) per set.
SETS = (
    (SHARED / "fixtures" / "real", SHARED / "gold"),
    (SHARED / "fixtures" / "real2", SHARED / "gold2"),
    (
        PROJECT / "tests" / "fixtures" / "real" / "pages" / "dev",
        PROJECT / "tests" / "fixtures" / "real" / "gold" / "dev",
    ),
    (
        PROJECT / "tests" / "fixtures" / "real" / "pages" / "validation",
        PROJECT / "tests" / "fixtures" / "real" / "gold" / "validation",
    ),
)
# Issue 10: the review parse at a quarter of a bare lexbor parse at least.
GOAL = 0.25
Pages = list[tuple[bytes, str | None]]


def load_pages() -> dict[str, list[tuple[str, bytes, str | None]]]:
    """Every article and list page's name, bytes and URL (the gold file's, where there is one), by folder."""
    folders: dict[str, list[tuple[str, bytes, str | None]]] = {}
    for pages_root, gold_root in SETS:
        for folder in sorted([*pages_root.glob("C_*"), *pages_root.glob("D_*")]):
            pages = []
            for path in sorted(folder.glob("*.html")):
                gold = gold_root / folder.name / (path.stem + ".json")
                url = json.loads(gold.read_text(encoding="utf-8")).get("url") if gold.is_file() else None
                pages.append((path.stem, path.read_bytes(), url))
            folders[f"{pages_root.name}/{folder.name}"] = pages
    return folders


def review_parse(data: bytes, url: str | None) -> object:
    return parsers.parse(data, url=url, kind="review")


def bare_parse(data: bytes, url: str | None) -> object:
    return LexborHTMLParser(data)


def rate(pages: Pages, work: Callable[[bytes, str | None], object], rounds: int) -> float:
    """Pages per second, each page at its fastest of ``rounds``."""
    total = 0.0
    for data, url in pages:
        best = float("inf")
        for _ in range(rounds):
            start = time.perf_counter()
            work(data, url)
            best = min(best, time.perf_counter() - start)
        total += best
    return len(pages) / total if total else 0.0


def cost(data: bytes, url: str | None, rounds: int) -> tuple[float, float]:
    """One page's review parse time in bare lexbor parses of the same bytes, and in seconds (best of ``rounds``)."""
    best_review = best_bare = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        review_parse(data, url)
        middle = time.perf_counter()
        LexborHTMLParser(data)
        best_review, best_bare = min(best_review, middle - start), min(best_bare, time.perf_counter() - middle)
    return best_review / best_bare, best_review


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, default=5)
    options.add_argument("--slowest", type=int, default=5, help="list this many pages with the highest cost")
    options.add_argument("--profile", action="store_true", help="print the top functions of the review parse")
    args = options.parse_args()
    folders = {name: pages for name, pages in load_pages().items() if pages}
    if not folders:
        print(f"no real pages under {SHARED} or {PROJECT / 'tests' / 'fixtures' / 'real'}")
        return 2
    every: Pages = [(data, url) for pages in folders.values() for _, data, url in pages]
    review_parse(*every[0])  # import-time tables are not per-page cost
    print(f"{'folder':22s} {'pages':>5s} {'review/s':>9s} {'lexbor/s':>9s} {'ratio':>6s}")
    ratio = 0.0
    for name, pages in [
        *((name, [(d, u) for _, d, u in pages]) for name, pages in folders.items()),
        ("overall", every),
    ]:
        parsed, bare = rate(pages, review_parse, args.rounds), rate(pages, bare_parse, args.rounds)
        ratio = parsed / bare
        print(f"{name:22s} {len(pages):5d} {parsed:9.1f} {bare:9.1f} {ratio:6.2f}")
    costs = sorted(
        ((*cost(data, url, args.rounds), name) for pages in folders.values() for name, data, url in pages), reverse=True
    )
    print("costliest pages (review parse time in bare lexbor parses of the same bytes, and in seconds):")
    for times, seconds, name in costs[: args.slowest]:
        print(f"  {times:6.1f}  {seconds:6.3f} s  {name}")
    print(f"slowest page: {max(seconds for _, seconds, _ in costs):.3f} s")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [review_parse(data, url) for data, url in every])
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return 0 if ratio >= GOAL else 1


if __name__ == "__main__":
    raise SystemExit(main())
