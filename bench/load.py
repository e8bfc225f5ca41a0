"""Loading speed of the Store against raw ``sqlite3`` ``executemany`` of the same rows.

python bench/load.py [--entries 100000] [--films 10000] [--per-list 100] [--profile]

Generates parsed records (review pages of ``--per-list`` ranked entries, each
linking one of ``--films`` films, and a title page with facts per film), loads
them through the real ``Store`` (one transaction per page, history, parse
stats, search index), then inserts the very rows the Store wrote into a fresh
database of the same tables and indexes with ``executemany`` in one
transaction, in the same run. Prints rows/s of both and the ratio (goal:
>= 0.3), database size per film and peak memory.
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


def load_store(path: Path, records: list[FilmPage | ReviewPage]) -> float:
    store = Store(path)
    start = time.perf_counter()
    run = store.start_run("bench", [])
    for number, record in enumerate(records):
        assert record.url is not None
        store.save_page(run, FetchedPage(record.url, record.kind, 200, f"hash{number}"), record)
    store.finish_run(run, {"pages_parsed": len(records)}, 0)
    elapsed = time.perf_counter() - start
    store.close()
    return elapsed


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
    parser.add_argument("--profile", action="store_true", help="print the 25 costliest calls of the Store load")
    args = parser.parse_args()

    records = generate(args.entries, args.films, args.per_list)
    with tempfile.TemporaryDirectory() as folder:
        store_path, raw_path = Path(folder) / "store.db", Path(folder) / "raw.db"
        profiler = cProfile.Profile() if args.profile else None
        if profiler:
            profiler.enable()
        store_seconds = load_store(store_path, records)
        if profiler:
            profiler.disable()
        store_peak = peak_mib()
        raw_seconds, rows = load_raw(store_path, raw_path)
        with sqlite3.connect(store_path) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            films = conn.execute("select count(*) from films").fetchone()[0]
            entries = conn.execute("select count(*) from rankings").fetchone()[0]
        size = store_path.stat().st_size
    store_rate, raw_rate = rows / store_seconds, rows / raw_seconds
    print(f"{len(records)} pages, {entries} ranked entries, {films} films, {rows} rows written")
    print(
        f"Store:            {store_seconds:7.2f} s  {store_rate:10,.0f} rows/s  ({len(records) / store_seconds:,.0f} pages/s)"
    )
    print(f"sqlite3 executemany: {raw_seconds:4.2f} s  {raw_rate:10,.0f} rows/s")
    print(f"ratio: {store_rate / raw_rate:.2f}x (goal >= {GOAL}x)")
    print(f"database: {size / 1e6:.1f} MB, {size / films / 1024:.1f} KiB per film")
    print(f"peak memory: {store_peak:.0f} MiB after the Store load (records included), {peak_mib():.0f} MiB in all")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
