"""Opening a database or archive only to read it: nothing written, not even the -wal and -shm files.

SQLite's ``mode=ro`` still creates the -wal and -shm files of a WAL database and leaves them behind, and fails
where the folder is not writable. So a file with no -wal beside it (no writer has it open, and the last one
checkpointed) is opened ``immutable``: no locks, no side files. With a -wal present (a crawl is running, or one
was killed) it is opened ``mode=ro``, which reads the WAL's committed pages too, using the files already there.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from .schema import NewerDatabase, schema_version
from .store import StoreError


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to ``path``; raises StoreError (one line) when it cannot be read."""
    if not path.is_file():
        raise StoreError(f"cannot open {path}: no such file")
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(f"file:{quote(str(path.absolute()))}?{mode}", uri=True)
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("select count(*) from sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        raise StoreError(f"cannot read {path}: {error}") from None
    return conn


def read_only_database(path: Path) -> Database:
    """The cinescrape database at ``path``, read-only; it must have this cinescrape's schema (nothing upgrades it)."""
    conn = connect_read_only(path)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version != schema_version():
        conn.close()
        if version > schema_version():
            raise NewerDatabase(
                f"{path} has schema version {version}; this cinescrape knows up to {schema_version()}: upgrade cinescrape"
            )
        raise StoreError(
            f"{path} has schema version {version}, older than this cinescrape's {schema_version()}: "
            "a command that writes (e.g. cinescrape resolve) upgrades it"
        )
    return Database(conn)
