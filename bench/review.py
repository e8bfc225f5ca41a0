"""Review-page parse speed against a bare lexbor parse of the same bytes.

python bench/review.py [--rounds N] [--slowest K] [--profile]

Reads every ``../shared/fixtures/real/C_*`` and ``D_*`` page once, then times
``parsers.parse(data, url, kind="review")`` and ``LexborHTMLParser(data)`` over the same bytes in
the same run, per folder and overall, and prints pages/s, their ratio (goal: >= 0.06) and the pages
whose review parse costs the most lexbor parses (where a slow rule shows first).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import time

from parse import GOLD, REAL, Pages, bare_parse, rate  # bench/parse.py: one timing loop for every bench
from selectolax.lexbor import LexborHTMLParser

import parsers

# The review parse walks the DOM in Python several times (furniture, blocks, each list shape): measured
# 0.08-0.09 on the 2-core build machine; below this it has become grossly slower.
GOAL = 0.06


def load_pages() -> dict[str, list[tuple[str, bytes, str | None]]]:
    """Every article page's name, bytes and URL (the gold file's, where there is one), by folder."""
    folders: dict[str, list[tuple[str, bytes, str | None]]] = {}
    for folder in sorted([*REAL.glob("C_*"), *REAL.glob("D_*")]):
        pages = []
        for path in sorted(folder.glob("*.html")):
            gold = GOLD / folder.name / (path.stem + ".json")
            url = json.loads(gold.read_text(encoding="utf-8")).get("url") if gold.is_file() else None
            pages.append((path.stem, path.read_bytes(), url))
        folders[folder.name] = pages
    return folders


def review_parse(data: bytes, url: str | None) -> object:
    return parsers.parse(data, url=url, kind="review")


def cost(data: bytes, url: str | None, rounds: int) -> float:
    """One page's review parse time in bare lexbor parses of the same bytes (best of ``rounds``)."""
    best_review = best_bare = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        review_parse(data, url)
        middle = time.perf_counter()
        LexborHTMLParser(data)
        best_review, best_bare = min(best_review, middle - start), min(best_bare, time.perf_counter() - middle)
    return best_review / best_bare


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, default=5)
    options.add_argument("--slowest", type=int, default=5, help="list this many pages with the highest cost")
    options.add_argument("--profile", action="store_true", help="print the top functions of the review parse")
    args = options.parse_args()
    if not REAL.is_dir():
        print(f"no real pages at {REAL}")
        return 2
    folders = load_pages()
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
        ((cost(data, url, args.rounds), name) for pages in folders.values() for name, data, url in pages), reverse=True
    )
    print("slowest pages (review parse time in bare lexbor parses of the same bytes):")
    for times, name in costs[: args.slowest]:
        print(f"  {times:6.1f}  {name}")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [review_parse(data, url) for data, url in every])
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return 0 if ratio >= GOAL else 1


if __name__ == "__main__":
    raise SystemExit(main())
