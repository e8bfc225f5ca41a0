"""IMDb dataset import speed against a bare ``sqlite3`` ``executemany`` of the same rows.

python bench/imdb_import.py [--rows N]

Generates a ``title.basics.tsv.gz`` of N rows (default 1,000,000; a quarter of them episodes, as in IMDb's
file where most rows are) and a ``title.akas.tsv.gz`` of N rows in IMDb's format, then in the same run times:

* the baseline: read and split the same gzipped lines and ``executemany`` them, as they are, into a table of
  the same columns with no index: the floor of any import of these files;
* ``db.imdb_datasets.import_datasets`` into a fresh cinescrape database (title keys computed, episodes and
  repeated akas skipped, indexes built after loading).

Prints rows read per second of each, the ratio, and the database size.
"""

from __future__ import annotations

import argparse
import gzip
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db import Store
from db.imdb_datasets import AKAS, BASICS, import_datasets

# Title words, a few with an ampersand or accents as real titles have.
WORDS = (
    *("the", "red", "chapel", "under", "sun", "dear", "state", "of", "mind", "crossing", "line", "lovers"),
    *("&", "despot", "songs", "from", "north", "inside", "korea", "über", "rêve", "l'été"),
)
TYPES = ["movie"] * 45 + ["tvEpisode"] * 25 + ["short"] * 15 + ["tvSeries"] * 8 + ["video"] * 4 + ["tvMovie"] * 3


def _title(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 5))).title()


def generate(folder: Path, rows: int) -> None:
    rng = random.Random(6)
    with gzip.open(folder / BASICS, "wt", encoding="utf-8", compresslevel=6) as out:
        out.write(
            "tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres\n"
        )
        for number in range(1, rows + 1):
            title = _title(rng)
            original = title if rng.random() < 0.8 else _title(rng)
            year = str(rng.randint(1900, 2024)) if rng.random() < 0.95 else "\\N"
            out.write(
                f"tt{number:07d}\t{rng.choice(TYPES)}\t{title}\t{original}\t0\t{year}\t\\N\t{rng.randint(5, 200)}\tDocumentary\n"
            )
    with gzip.open(folder / AKAS, "wt", encoding="utf-8", compresslevel=6) as out:
        out.write("titleId\tordering\ttitle\tregion\tlanguage\ttypes\tattributes\tisOriginalTitle\n")
        number, ordering = 1, 0
        for _ in range(rows):
            ordering += 1
            out.write(f"tt{number:07d}\t{ordering}\t{_title(rng)}\tUS\t\\N\timdbDisplay\t\\N\t0\n")
            if rng.random() < 0.3:
                number, ordering = number + rng.randint(1, 3), 0


def baseline(folder: Path, db_path: Path) -> tuple[int, float]:
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("create table basics (a, b, c, d, e, f, g, h, i)")
    conn.execute("create table akas (a, b, c, d, e, f, g, h)")
    read, started = 0, time.perf_counter()
    for name, table, width in ((BASICS, "basics", 9), (AKAS, "akas", 8)):
        with gzip.open(folder / name, "rt", encoding="utf-8") as lines:
            next(lines)
            batch: list[list[str]] = []
            for line in lines:
                batch.append(line.rstrip("\n").split("\t"))
                if len(batch) >= 50_000:
                    with conn:
                        conn.executemany(f"insert into {table} values ({', '.join('?' * width)})", batch)
                    read += len(batch)
                    batch = []
            with conn:
                conn.executemany(f"insert into {table} values ({', '.join('?' * width)})", batch)
            read += len(batch)
    conn.close()
    return read, time.perf_counter() - started


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--rows", type=int, default=1_000_000, help="rows of each file")
    rows = options.parse_args().rows
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        started = time.perf_counter()
        generate(folder, rows)
        print(f"generated 2 x {rows:,} rows in {time.perf_counter() - started:.1f} s")
        read, base_seconds = baseline(folder, folder / "baseline.db")
        base_rate = read / base_seconds
        print(f"baseline executemany:  {base_rate:10,.0f} rows/s ({read:,} rows in {base_seconds:.1f} s)")
        store = Store(folder / "import.db")
        started = time.perf_counter()
        results = import_datasets(store.db, folder)
        seconds = time.perf_counter() - started
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.close()
        total = sum(result.read for result in results)
        for result in results:
            print(f"  {result.name}: {result.read:,} read, {result.kept:,} kept, {result.rows_per_second:,.0f} rows/s")
        rate = total / seconds
        print(f"import-imdb-datasets:  {rate:10,.0f} rows/s ({total:,} rows in {seconds:.1f} s, indexes included)")
        print(f"ratio to the baseline: {rate / base_rate:.2f}")
        size = (folder / "import.db").stat().st_size
        print(f"database size: {size / 1e6:,.0f} MB")


if __name__ == "__main__":
    main()
