"""An article's list over time: ``rankings`` holds the current state, ``ranking_history`` every state.

An entry is identified by its position in the list (1, 2, … in page order), so
"the list as it stood at time T" is one query on ``ranking_history``::

    select * from ranking_history
    where article_id = ? and valid_from <= :t and (valid_to is null or valid_to > :t)

A new entry opens a history row; a changed entry (rank, title, year, blurb …)
closes the old row (``valid_to``) and opens a new one; a removed entry closes
its row. An unchanged entry is not written at all, so re-loading the same list
changes no row, and the resolver's match of an unchanged entry is kept.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from .sql import insert_rows

# What the article said about an entry: a change in any of these is a new state.
STATE_COLUMNS = (
    "rank",
    "title",
    "year",
    "year_end",
    "type",
    "blurb",
    "title_url",
    "attributes",
    "notes",
    "rank_inferred",
)
# A change in these names another film: the entry's resolution no longer holds.
_IDENTITY_COLUMNS = ("title", "year", "title_url")
_HISTORY_INSERT = (
    f"insert into ranking_history (article_id, position, {', '.join(STATE_COLUMNS)}, valid_from, run_id, page_id) "
    f"values (?, ?, {', '.join('?' for _ in STATE_COLUMNS)}, ?, ?, ?)"
)
_CLOSE = "update ranking_history set valid_to = ? where article_id = ? and position = ? and valid_to is null"


def apply_list(db: Database, article_id: int, run_id: int | None, observed_at: str, rows: list[dict[str, Any]]) -> None:
    """Make ``rankings`` of one article equal ``rows`` (full rankings rows, keyed by position), writing history.

    Runs inside the caller's transaction (``executemany`` on the connection joins it).
    """
    current = {
        row[0]: row[1:]
        for row in db.conn.execute(
            f"select position, {', '.join(STATE_COLUMNS)} from rankings where article_id = ?", [article_id]
        )
    }
    inserts: list[dict[str, Any]] = []
    history: list[list[Any]] = []
    closed: list[list[Any]] = []
    for row in rows:
        position = row["position"]
        state = tuple(row[column] for column in STATE_COLUMNS)
        old = current.pop(position, None)
        if old == state:
            continue
        history.append([article_id, position, *state, observed_at, run_id, row["page_id"]])
        if old is None:
            inserts.append(row)
            continue
        closed.append([observed_at, article_id, position])
        if _identity(old) != _identity(state):
            inserts.append(row)  # replaces the row, resolution included
        else:
            changed = {column: row[column] for column in (*STATE_COLUMNS, "page_id")}
            db.conn.execute(
                f"update rankings set {', '.join(f'{c} = ?' for c in changed)} where article_id = ? and position = ?",
                [*changed.values(), article_id, position],
            )
    for position in current:  # entries the list no longer has
        closed.append([observed_at, article_id, position])
        db.conn.execute("delete from rankings where article_id = ? and position = ?", [article_id, position])
    db.conn.executemany(_CLOSE, closed)
    insert_rows(db, "rankings", inserts, on_conflict="replace")
    db.conn.executemany(_HISTORY_INSERT, history)


def _identity(state: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(state[STATE_COLUMNS.index(column)] for column in _IDENTITY_COLUMNS)
