"""Plain-SQL writes for the loader's hot path.

sqlite-utils' ``insert_all`` and ``lookup`` re-read the schema on every call
(which tables exist, their columns); per page that cost more than the writes
(bench/load.py). Here each is one prepared statement run with ``executemany``
(one multi-row statement for a searched table, see ``insert_rows``) inside the
page's or batch's transaction. Row ids of hashed facts are sqlite-utils' own
``hash_id`` (``hash_record``), so databases written before keep matching.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import fields
from typing import Any, Literal, cast

from sqlite_utils import Database

from .fts import SEARCHED

# SQLite's limit of bound parameters per statement (SQLITE_MAX_VARIABLE_NUMBER since 3.32).
_MAX_PARAMETERS = 32766
# Exactly the JSON that sqlite_utils.utils.hash_record hashes; one encoder, not one per row.
_HASH_JSON = json.JSONEncoder(separators=(",", ":"), sort_keys=True, default=repr)
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}  # record class → its fields, in order


def insert_rows(
    db: Database, table: str, rows: list[dict[str, Any]], on_conflict: Literal["ignore", "replace"] = "ignore"
) -> None:
    """Insert rows that all have the same keys; a row whose key exists is skipped or replaces it."""
    if not rows:
        return
    columns = list(rows[0])
    insert = f"insert or {on_conflict} into [{table}] ({', '.join(f'[{c}]' for c in columns)}) values "
    marks = f"({', '.join('?' for _ in columns)})"
    if table not in SEARCHED:
        db.conn.executemany(insert + marks, [[row[column] for column in columns] for row in rows])
        return
    # FTS5 writes what its triggers indexed at the end of every statement (a new index segment each time):
    # a searched table gets its rows in one statement, not one per row (bench/load.py: the rankings' insert
    # took 2.5x less time).
    per_statement = _MAX_PARAMETERS // len(columns)
    for start in range(0, len(rows), per_statement):
        chunk = rows[start : start + per_statement]
        db.conn.execute(insert + ", ".join(marks for _ in chunk), [row[column] for row in chunk for column in columns])


def hash_id(row: dict[str, Any]) -> str:
    """``sqlite_utils.utils.hash_record(row)``."""
    return hashlib.sha1(_HASH_JSON.encode(row).encode("utf8")).hexdigest()


def columns_of(fact: Any) -> dict[str, Any]:
    """A flat fact record (ReleaseDate, Connection, WatchLink …) as its columns: ``fact.to_dict()`` without
    looking the dataclass's fields up again for every row."""
    names = _FIELD_NAMES.get(type(fact))
    if names is None:
        names = _FIELD_NAMES[type(fact)] = tuple(field.name for field in fields(fact))
    return {name: getattr(fact, name) for name in names}


def insert_hashed(db: Database, table: str, rows: list[dict[str, Any]]) -> None:
    """Facts with no natural key: the id is a hash of the whole row, so a repeated row is stored once."""
    insert_rows(db, table, [{"id": hash_id(row), **row} for row in rows])


def inserted_id(db: Database, table: str, row: dict[str, Any]) -> int:
    columns = list(row)
    cursor = db.conn.execute(
        f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) values ({', '.join('?' for _ in columns)})",
        list(row.values()),
    )
    return cast(int, cursor.lastrowid)


def upsert_row(db: Database, table: str, row: dict[str, Any], key: str) -> None:
    """Insert ``row``, or update the row with its ``key``: SQLite's own upsert. Not sqlite-utils' ``upsert``: on a
    full disk its feature probe fails and it falls back to INSERT OR IGNORE then UPDATE, which for a table with a
    NOT NULL column inserts nothing, and says nothing (a full disk lost the frontier's links that way)."""
    columns = list(row)
    db.conn.execute(
        f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) values ({', '.join('?' for _ in columns)}) "
        f"on conflict([{key}]) do update set {', '.join(f'[{c}] = excluded.[{c}]' for c in columns if c != key)}",
        list(row.values()),
    )


def update_row(db: Database, table: str, row_id: int, values: dict[str, Any]) -> None:
    if values:
        db.conn.execute(
            f"update [{table}] set {', '.join(f'[{c}] = ?' for c in values)} where id = ?", [*values.values(), row_id]
        )


def ids_by(db: Database, table: str, column: str, values: list[Any]) -> dict[Any, int]:
    """``value → id`` of the rows of ``table`` whose ``column`` is one of ``values`` (a unique column)."""
    ids: dict[Any, int] = {}
    for start in range(0, len(values), 500):  # under SQLite's limit of bound parameters, with room
        chunk = values[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        ids.update(db.conn.execute(f"select [{column}], id from [{table}] where [{column}] in ({marks})", chunk))
    return ids


def ensure_ids(db: Database, table: str, column: str, rows: dict[Any, dict[str, Any]]) -> dict[Any, int]:
    """``value → id`` in ``table`` for each value of the unique ``column`` that ``rows`` is keyed by, inserting
    the rows whose value is not there yet (looked up first: most are, and an insert that does nothing still
    costs a statement)."""
    ids = ids_by(db, table, column, list(rows))
    missing = [row for value, row in rows.items() if value not in ids]
    insert_rows(db, table, missing)
    return {**ids, **ids_by(db, table, column, [row[column] for row in missing])}


def name_ids(db: Database, table: str, names: Iterable[str]) -> dict[str, int]:
    """The ids of ``names`` in a (id, name unique) table, adding the names it lacks."""
    return ensure_ids(db, table, "name", {name: {"name": name} for name in names})
