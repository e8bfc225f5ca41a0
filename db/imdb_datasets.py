"""Importing IMDb's non-commercial datasets (https://datasets.imdbws.com/, personal and non-commercial use only):
``title.basics.tsv.gz`` into ``imdb_titles`` and ``title.akas.tsv.gz`` into ``imdb_akas``, for the resolver.

The files are streamed (tab-separated, ``\\N`` for null, a header row), never held in memory. Each batch of
rows is one transaction; the indexes are dropped before and created after the load, which is what makes
ten million rows a matter of minutes. A re-import replaces the table. Titles a ranked list of films does not
mean (episodes, video games, podcasts: most of the file) are skipped, and with them their akas; an aka
that repeats another of the same title is kept once.
"""

from __future__ import annotations

import gzip
import io
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from sqlite_utils import Database

from .resolve import NOT_FILMS
from .store import now
from .title_key import title_key

BATCH = 50_000
BASICS, AKAS = "title.basics.tsv.gz", "title.akas.tsv.gz"
_BASICS_HEADER = "tconst titleType primaryTitle originalTitle isAdult startYear endYear runtimeMinutes genres"
_AKAS_HEADER = "titleId ordering title region language types attributes isOriginalTitle"
_INDEXES = {
    "imdb_titles": ("title_key", "original_key", "start_year"),
    "imdb_akas": ("title_key",),
}

Progress = Callable[[int], None]  # called with the compressed bytes read since the last call


class DatasetError(ValueError):
    """A dataset file is missing or not in IMDb's format; the message names the file."""


@dataclass(frozen=True, slots=True)
class Imported:
    name: str
    read: int  # data rows in the file
    kept: int  # rows stored
    seconds: float

    @property
    def rows_per_second(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0


def dataset_files(folder: Path) -> list[Path]:
    """The two files, checked to exist before anything is replaced."""
    files = [folder / BASICS, folder / AKAS]
    missing = [file.name for file in files if not file.is_file()]
    if missing:
        raise DatasetError(f"{folder}: missing {', '.join(missing)} (download them from https://datasets.imdbws.com/)")
    return files


def _null(value: str) -> str | None:
    return None if value == "\\N" else value


def _int(value: str) -> int | None:
    return int(value) if value.isdigit() else None


def _id(tconst: str) -> int:
    return int(tconst[2:])


def _lines(raw: BinaryIO, path: Path, header: str) -> io.TextIOWrapper:
    """The text lines of one gzipped TSV file after its header, which must be IMDb's."""
    if raw.read(2) != b"\x1f\x8b":
        raise DatasetError(f"{path}: not a gzip file")
    raw.seek(0)
    lines = io.TextIOWrapper(gzip.GzipFile(fileobj=raw), encoding="utf-8", newline="\n")
    try:
        first = lines.readline().rstrip("\n")
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise DatasetError(f"{path}: unreadable: {error}") from error
    if first.split("\t") != header.split():
        raise DatasetError(f"{path}: not IMDb's {path.name} (header {first[:80]!r})")
    return lines


def _rows(path: Path, header: str, progress: Progress | None) -> Iterator[list[str]]:
    """The data rows of one gzipped TSV file, as lists of fields; reports the compressed bytes read."""
    width = len(header.split())
    with path.open("rb") as raw:
        done = 0
        for number, line in enumerate(_lines(raw, path, header), start=2):
            fields = line.rstrip("\n").split("\t")
            if len(fields) != width:
                raise DatasetError(f"{path}:{number}: {len(fields)} fields, expected {width}")
            yield fields
            if progress and number % 10_000 == 0:
                position = raw.tell()
                progress(position - done)
                done = position
        if progress:
            progress(raw.tell() - done)


def _titles(path: Path, progress: Progress | None, counts: list[int]) -> Iterator[tuple[Any, ...]]:
    for tconst, kind, primary, original, adult, start, end, runtime, genres in _rows(path, _BASICS_HEADER, progress):
        counts[0] += 1
        if kind in NOT_FILMS:
            continue
        key = title_key(primary)
        original_key = key if original == primary else title_key(original)
        yield (
            _id(tconst),
            tconst,
            kind,
            primary,
            original,
            _int(adult),
            _int(start),
            _int(end),
            _int(runtime),
            _null(genres),
            key,
            original_key if original_key != key else None,
        )


def _akas(path: Path, progress: Progress | None, counts: list[int]) -> Iterator[tuple[Any, ...]]:
    """Akas rows; a title's repeated spelling (the same title in many regions) only once. The file is sorted
    by title, so remembering the spellings of the current title is enough."""
    current, seen = "", set[str]()
    for title_id, ordering, title, region, language, types, attributes, original in _rows(path, _AKAS_HEADER, progress):
        counts[0] += 1
        if title_id != current:
            current, seen = title_id, set[str]()
        if title in seen:
            continue
        seen.add(title)
        number = _id(title_id)
        yield (
            number,
            _int(ordering),
            title,
            _null(region),
            _null(language),
            _null(types),
            _null(attributes),
            _int(original),
            title_key(title),
            number,
        )


_INSERTS = {
    "imdb_titles": "insert into imdb_titles (id, imdb_id, title_type, primary_title, original_title, is_adult, "
    "start_year, end_year, runtime_minutes, genres, title_key, original_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    # only akas of titles kept: a primary-key look-up per row
    "imdb_akas": "insert or ignore into imdb_akas (title_id, ordering, title, region, language, types, attributes, "
    "is_original_title, title_key) select ?, ?, ?, ?, ?, ?, ?, ?, ? where exists (select 1 from imdb_titles where id = ?)",
}


def _load(db: Database, table: str, rows: Iterator[tuple[Any, ...]]) -> int:
    for column in _INDEXES[table]:
        db.execute(f"drop index if exists idx_{table}_{column}")
    with db.atomic():
        db.execute(f"delete from {table}")
    before = db.conn.total_changes
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            with db.atomic():
                db.conn.executemany(_INSERTS[table], batch)
            batch = []
    with db.atomic():
        db.conn.executemany(_INSERTS[table], batch)
    kept = db.conn.total_changes - before
    for column in _INDEXES[table]:
        db.execute(f"create index if not exists idx_{table}_{column} on {table} ({column})")
    return kept


def import_datasets(db: Database, folder: Path, progress: Progress | None = None) -> list[Imported]:
    """Replace ``imdb_titles`` and ``imdb_akas`` with the files in ``folder``; returns what each file gave."""
    basics, akas = dataset_files(folder)
    for path, header in ((basics, _BASICS_HEADER), (akas, _AKAS_HEADER)):  # both readable before anything is replaced
        with path.open("rb") as raw:
            _lines(raw, path, header)
    db.execute("PRAGMA synchronous = NORMAL")  # WAL stays consistent; a crash loses at most the last batch
    results = []
    for table, path, reader in (("imdb_titles", basics, _titles), ("imdb_akas", akas, _akas)):
        started, counts = time.perf_counter(), [0]
        kept = _load(db, table, reader(path, progress, counts))
        results.append(Imported(path.name, counts[0], kept, time.perf_counter() - started))
        with db.atomic():
            db.execute(
                "insert or replace into imdb_datasets (name, path, rows, imported_at) values (?, ?, ?, ?)",
                [path.name, str(path), kept, now()],
            )
    return results
