"""Title-page parse speed against a bare lexbor parse of the same bytes.

python bench/parse.py [--rounds N] [--profile]

Reads every ``../shared/fixtures/real/A_imdb_title_*`` page once, then times
``parsers.parse(data, url, kind="title")`` and ``LexborHTMLParser(data)`` over the
same bytes in the same run, and prints pages/s and the ratio (goal: >= 0.6) per
folder, overall and per layout detected, and the peak memory of the full parse.

Each round parses every page both ways, one right after the other (which goes first,
and so meets the page's bytes out of cache, alternates by round), and each page keeps
its fastest time of each kind: on a shared machine a burst of other work then slows a
page's two parses alike, or is left out, instead of landing on one side.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

import parsers
from parsers.imdb.title import detected_reading
from parsers.page import Page

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REAL = SHARED / "fixtures" / "real"
GOLD = SHARED / "gold"
GOAL = 0.6


@dataclass(slots=True)
class Sample:
    folder: str
    data: bytes
    url: str | None
    layout: str = ""
    fallback: bool = False  # the detected layout read under half of the core facts: other readers were tried
    parse_seconds: float = float("inf")  # the fastest full parse seen
    lexbor_seconds: float = float("inf")  # the fastest bare parse seen


def load_pages() -> list[Sample]:
    """Every title page's bytes and URL (the gold file's, where there is one)."""
    samples = []
    for folder in sorted(REAL.glob("A_imdb_title_*")):
        for path in sorted(folder.glob("*.html")):
            gold = GOLD / folder.name / (path.stem + ".json")
            url = json.loads(gold.read_text(encoding="utf-8")).get("url") if gold.is_file() else None
            samples.append(Sample(folder.name, path.read_bytes(), url))
    return samples


def full_parse(sample: Sample) -> parsers.Record:
    return parsers.parse(sample.data, url=sample.url, kind="title")


def _seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def time_pages(samples: list[Sample], rounds: int) -> None:
    for round_number in range(rounds):
        for sample in samples:
            full = partial(full_parse, sample)
            bare = partial(LexborHTMLParser, sample.data)
            if round_number % 2:
                lexbor_seconds, parse_seconds = _seconds(bare), _seconds(full)
            else:
                parse_seconds, lexbor_seconds = _seconds(full), _seconds(bare)
            sample.parse_seconds = min(sample.parse_seconds, parse_seconds)
            sample.lexbor_seconds = min(sample.lexbor_seconds, lexbor_seconds)


def peak_memory_mb(samples: list[Sample]) -> float:
    tracemalloc.start()
    for sample in samples:
        full_parse(sample)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def report(name: str, group: list[Sample]) -> float:
    parsed = len(group) / sum(s.parse_seconds for s in group)
    bare = len(group) / sum(s.lexbor_seconds for s in group)
    print(f"{name:22s} {len(group):5d} {parsed:9.1f} {bare:9.1f} {parsed / bare:6.2f}")
    return parsed / bare


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, default=5)
    options.add_argument("--profile", action="store_true", help="print the top functions of the full parse")
    args = options.parse_args()
    if not REAL.is_dir():
        print(f"no real pages at {REAL}")
        return 2
    samples = load_pages()
    for sample in samples:  # also pays the import-time tables (CLDR months, countries), no per-page cost
        record = full_parse(sample)
        sample.layout = getattr(record, "layout", "?")
        sample.fallback = detected_reading(Page.from_bytes(sample.data, sample.url)).mostly_unread
    time_pages(samples, args.rounds)
    print(f"{'folder':22s} {'pages':>5s} {'parse/s':>9s} {'lexbor/s':>9s} {'ratio':>6s}")
    by_folder: dict[str, list[Sample]] = defaultdict(list)
    by_layout: dict[str, list[Sample]] = defaultdict(list)
    for sample in samples:
        by_folder[sample.folder].append(sample)
        by_layout[sample.layout].append(sample)
    for name, group in by_folder.items():
        report(name, group)
    ratio = report("overall", samples)
    for name, group in sorted(by_layout.items(), key=lambda item: -len(item[1])):
        report(f"  layout {name}", group)
    if fallbacks := [sample for sample in samples if sample.fallback]:  # read by more than one reader
        report("  took a fallback", fallbacks)
    print(f"peak memory of the full parse over all pages: {peak_memory_mb(samples):.1f} MB (tracemalloc)")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [full_parse(sample) for sample in samples])
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return 0 if ratio >= GOAL else 1


if __name__ == "__main__":
    raise SystemExit(main())
