"""Full-text search (FTS5), kept in sync with its tables by triggers.

Applied on every open, like the views: sqlite-utils' ``enable_fts(replace=True)``
does nothing when the index and its triggers are already as configured, and
rebuilds them when they are not (a new column here, or a migration that
rebuilt a table with ``transform()`` and so dropped its triggers).
Datasette finds these ``<table>_fts`` tables itself and shows a search box.
"""

from __future__ import annotations

from typing import cast

from sqlite_utils import Database
from sqlite_utils.db import Table

# table → the columns searched
SEARCHED: dict[str, tuple[str, ...]] = {
    "films": ("title", "original_title", "plot"),
    "rankings": ("title", "blurb"),
    "keywords": ("name",),
}
# Porter stemming ("defectors" finds "defector"); diacritics folded ("Pyongyang" finds "Pyŏngyang").
TOKENIZE = "porter unicode61 remove_diacritics 2"


def ensure_search(db: Database) -> None:
    for name, columns in SEARCHED.items():
        cast(Table, db[name]).enable_fts(columns, create_triggers=True, tokenize=TOKENIZE, replace=True)
