"""Plain-SQL writes for the loader's hot path.

sqlite-utils' ``insert_all`` and ``lookup`` re-read the schema on every call
(which tables exist, their columns); per page that cost more than the writes
(bench/load.py). Here each is one prepared statement run with ``executemany``
inside the page's transaction. Row ids of hashed facts are sqlite-utils' own
``hash_id`` (``hash_record``), so databases written before keep matching.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal, cast

from sqlite_utils import Database
from sqlite_utils.utils import hash_record


def insert_rows(
    db: Database, table: str, rows: list[dict[str, Any]], on_conflict: Literal["ignore", "replace"] = "ignore"
) -> None:
    """Insert rows that all have the same keys; a row whose key exists is skipped or replaces it."""
    if not rows:
        return
    columns = list(rows[0])
    db.conn.executemany(
        f"insert or {on_conflict} into [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
        f"values ({', '.join('?' for _ in columns)})",
        [[row[column] for column in columns] for row in rows],
    )


def insert_hashed(db: Database, table: str, rows: list[dict[str, Any]]) -> None:
    """Facts with no natural key: the id is a hash of the whole row, so a repeated row is stored once."""
    insert_rows(db, table, [{"id": hash_record(row), **row} for row in rows])


def inserted_id(db: Database, table: str, row: dict[str, Any]) -> int:
    columns = list(row)
    cursor = db.conn.execute(
        f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) values ({', '.join('?' for _ in columns)})",
        list(row.values()),
    )
    return cast(int, cursor.lastrowid)


def update_row(db: Database, table: str, row_id: int, values: dict[str, Any]) -> None:
    if values:
        db.conn.execute(
            f"update [{table}] set {', '.join(f'[{c}] = ?' for c in values)} where id = ?", [*values.values(), row_id]
        )


def name_ids(db: Database, table: str, names: Iterable[str]) -> dict[str, int]:
    """The ids of ``names`` in a (id, name unique) table, adding the names it lacks."""
    wanted = list(dict.fromkeys(names))
    if not wanted:
        return {}
    db.conn.executemany(f"insert or ignore into [{table}] (name) values (?)", [(name,) for name in wanted])
    # One query per 500 names keeps under SQLite's limit of bound parameters.
    ids: dict[str, int] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        ids.update(db.conn.execute(f"select name, id from [{table}] where name in ({marks})", chunk).fetchall())
    return ids
