"""Loading speed of the Store against raw ``sqlite3`` ``executemany`` of the same rows.

python bench/load.py [--entries 100000] [--films 10000] [--per-list 100] [--batch 500] [--profile]

Generates parsed records (review pages of ``--per-list`` ranked entries, each
linking one of ``--films`` films, and a title page with facts per film), loads
them through the real ``Store`` twice, into two fresh databases: page by page
(``save_page``: one transaction per page, as the crawler does) and in batches
(``save_pages``: one transaction per ``--batch`` pages, as a re-parse does);
both with history, parse stats and the search index. Then it inserts the very
rows the batched Store wrote into a fresh database of the same tables and
indexes with ``executemany`` in one transaction, in the same run. Prints rows/s
of each and their ratios to executemany (goal: >= 0.3), database size per film
and peak memory.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db import FetchedPage, Store
from parsers.records import Article, Company, Connection, FilmPage, RankedEntry, ReleaseDate, ReviewPage, WatchLink

GOAL = 0.3
COUNTRIES = ("US", "GB", "FR", "DE", "JP", "KR", "IT", "ES", "CA", "AU")
GENRES = ("Documentary", "History", "Drama", "Comedy", "Biography", "War", "Music", "Sport")


def title_url(film: int) -> str:
    return f"http://films.example/title/tt{film:07d}/"


def title_page(film: int, rng: random.Random) -> FilmPage:
    year = rng.randrange(1950, 2024)
    return FilmPage(
        kind="title",
        url=title_url(film),
        layout="nextjs",
        imdb_id=f"tt{film:07d}",
        title=f"Film number {film}",
        original_title=f"Film number {film}",
        year=year,
        genres=tuple(rng.sample(GENRES, 2)),
        plot=f"The plot of film {film}, about {rng.choice(('war', 'love', 'music', 'sport'))}.",
        keywords=tuple(f"keyword {n}" for n in rng.sample(range(2000), 15)),
        keywords_total=40,
        release_dates=tuple(
            ReleaseDate(f"{year}-{month:02d}-{rng.randrange(1, 29):02d}", "day", country)
            for month, country in enumerate(rng.sample(COUNTRIES, 3), start=1)
        ),
        companies=tuple(Company(f"Company {n}") for n in rng.sample(range(500), 2)),
        connections=(Connection("follows", f"Film number {film - 1}", year - 1),),
        runtime_minutes=rng.randrange(60, 180),
        countries=(rng.choice(COUNTRIES),),
    )


def review_page(number: int, per_list: int, films: int, rng: random.Random) -> ReviewPage:
    picked = rng.sample(range(1, films + 1), per_list)
    return ReviewPage(
        url=f"http://blog{number % 50}.example/list-{number}/",
        article=Article(title=f"The {per_list} best films, list {number}", site=f"Blog {number % 50}"),
        entries=tuple(
            RankedEntry(
                per_list - position,
                f"Film number {film}",
                None,
                blurb=f"Why film {film} is on list {number}.",
                title_url=title_url(film),
                links=(WatchLink(f"https://stream.example/{film}", "netflix", "stream"),),
            )
            for position, film in enumerate(picked)
        ),
        confidence=0.9,
        list_shape="numbered-headings",
    )


def generate(entries: int, films: int, per_list: int) -> list[FilmPage | ReviewPage]:
    rng = random.Random(6)
    reviews: list[FilmPage | ReviewPage] = [review_page(n, per_list, films, rng) for n in range(entries // per_list)]
    return reviews + [title_page(film, rng) for film in range(1, films + 1)]


def load_store(path: Path, records: list[FilmPage | ReviewPage], batch: int | None) -> float:
    """Seconds to load ``records`` page by page (``batch`` None) or ``batch`` pages per transaction."""
    pages = [(FetchedPage(r.url or "", r.kind, 200, f"hash{number}"), r) for number, r in enumerate(records)]
    store = Store(path)
    start = time.perf_counter()
    run = store.start_run("bench", [])
    if batch is None:
        for fetched, record in pages:
            store.save_page(run, fetched, record)
    else:
        for first in range(0, len(pages), batch):
            assert not store.save_pages(run, pages[first : first + batch]).failed
    store.finish_run(run, {"pages_parsed": len(records)}, 0)
    elapsed = time.perf_counter() - start
    store.close()
    return elapsed


def row_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return {name: conn.execute(f"select count(*) from [{name}]").fetchone()[0] for name in data_tables(conn)}


def data_tables(conn: sqlite3.Connection) -> list[str]:
    """The tables the Store wrote rows to, search indexes aside (the baseline keeps no index of text)."""
    return [
        name
        for (name,) in conn.execute("select name from sqlite_master where type = 'table' and sql not like '%VIRTUAL%'")
        if "_fts" not in name and not name.startswith(("sqlite_", "_sqlite"))
    ]


def load_raw(source: Path, target: Path) -> tuple[float, int]:
    """The rows the Store wrote, inserted with executemany into the same tables and indexes: seconds, rows."""
    with sqlite3.connect(source) as conn:
        tables = data_tables(conn)
        schema = [
            sql
            for (sql,) in conn.execute(
                "select sql from sqlite_master where type in ('table', 'index') and sql is not null "
                f"and tbl_name in ({', '.join('?' for _ in tables)}) order by type = 'index'",
                tables,
            )
        ]
        rows = {name: conn.execute(f"select * from [{name}]").fetchall() for name in tables}
    raw = sqlite3.connect(target, isolation_level=None)
    raw.execute("PRAGMA journal_mode = wal")
    for sql in schema:
        raw.execute(sql)
    start = time.perf_counter()
    raw.execute("begin")
    for name, table_rows in rows.items():
        if table_rows:
            marks = ", ".join("?" for _ in table_rows[0])
            raw.executemany(f"insert into [{name}] values ({marks})", table_rows)
    raw.execute("commit")
    elapsed = time.perf_counter() - start
    raw.close()
    return elapsed, sum(len(table_rows) for table_rows in rows.values())


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000, help="ranked entries to load")
    parser.add_argument("--films", type=int, default=10_000, help="films they name (one title page each)")
    parser.add_argument("--per-list", type=int, default=100, help="entries per review page")
    parser.add_argument("--batch", type=int, default=500, help="pages per transaction of the batched load")
    parser.add_argument("--profile", action="store_true", help="print the 25 costliest calls of the batched load")
    args = parser.parse_args()

    records = generate(args.entries, args.films, args.per_list)
    with tempfile.TemporaryDirectory() as folder:
        paged_path, batched_path, raw_path = (Path(folder) / f"{name}.db" for name in ("paged", "batched", "raw"))
        paged_seconds = load_store(paged_path, records, None)
        profiler = cProfile.Profile() if args.profile else None
        if profiler:
            profiler.enable()
        batched_seconds = load_store(batched_path, records, args.batch)
        if profiler:
            profiler.disable()
        store_peak = peak_mib()
        counts = row_counts(batched_path)
        assert row_counts(paged_path) == counts, "both loads must write the same rows"
        raw_seconds, rows = load_raw(batched_path, raw_path)
        with sqlite3.connect(batched_path) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = batched_path.stat().st_size
    films, entries = counts["films"], counts["rankings"]
    raw_rate = rows / raw_seconds
    print(f"{len(records)} pages, {entries} ranked entries, {films} films, {rows} rows written")
    for label, seconds in (
        ("Store, page by page:", paged_seconds),
        (f"Store, {args.batch} pages/batch:", batched_seconds),
    ):
        rate = rows / seconds
        print(
            f"{label:26} {seconds:6.2f} s {rate:10,.0f} rows/s  ({len(records) / seconds:,.0f} pages/s)"
            f"  ratio {rate / raw_rate:.2f}x (goal >= {GOAL}x)"
        )
    print(f"{'sqlite3 executemany:':26} {raw_seconds:6.2f} s {raw_rate:10,.0f} rows/s")
    print(f"database: {size / 1e6:.1f} MB, {size / films / 1024:.1f} KiB per film")
    print(f"peak memory: {store_peak:.0f} MiB after the Store loads (records included), {peak_mib():.0f} MiB in all")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
