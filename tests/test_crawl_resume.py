"""`cinescrape crawl` killed with SIGKILL in the middle, then run again: the same database as an
uninterrupted crawl, intact, no page half-stored, and no committed page fetched twice."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from contextlib import closing
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlite_utils import Database

from tests.servers import FaultServer, fault_server, film_site, slowed

# The data tables, each row with its foreign keys replaced by natural keys (ids depend on insertion order).
NATURAL_KEYS = {
    "pages": "url",
    "films": "imdb_id",
    "articles": "url",
    "companies": "name",
    "keywords": "name",
    "genres": "name",
}
DATA_TABLES = ("films", "articles", "rankings", "watch_links", "release_dates", "companies", "film_companies",
               "keywords", "film_keywords", "genres", "film_genres", "connections", "akas")  # fmt: skip
PAGE_COLUMNS = "url, kind, status, content_hash, etag, layout, missing, error"


def data(db_path: Path) -> dict[str, Any]:
    db = Database(db_path)
    natural = {
        name: dict(db.execute(f"select id, {column} from {name}").fetchall()) for name, column in NATURAL_KEYS.items()
    }
    tables: dict[str, Any] = {"pages": sorted(db.execute(f"select {PAGE_COLUMNS} from pages").fetchall())}
    for name in DATA_TABLES:
        table = db.table(name)
        foreign = {fk.column: natural[fk.other_table] for fk in table.foreign_keys if fk.other_table in natural}
        columns = [column for column in table.columns_dict if column != "id"]  # ids: serial or hashes of ids
        rows = db.execute(f"select {', '.join(columns)} from [{name}]").fetchall()
        tables[name] = sorted(
            (
                tuple(foreign[c].get(v) if c in foreign else v for c, v in zip(columns, row, strict=True))
                for row in rows
            ),
            key=repr,
        )
    return tables


def start_crawl(server: FaultServer, seeds: list[str], db_path: Path) -> subprocess.Popen[str]:
    config = db_path.with_suffix(".toml")
    config.write_text(
        "[crawl]\n"
        f"seeds = [{', '.join(repr(server.base + seed).replace(chr(39), chr(34)) for seed in seeds)}]\n"
        "delay_seconds = 0\nsubpages = []\nconcurrency = 2\n",
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "scraper", "crawl", "--config", str(config), "--db", str(db_path), "--quiet"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen[str]) -> None:
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr


def test_a_crawl_killed_with_sigkill_resumes_to_the_same_database(tmp_path):
    routes, seeds = film_site(4, 8)  # 4 lists + 32 title pages
    pause = [0.08]
    routes = {path: slowed(route, lambda: pause[0]) for path, route in routes.items()}
    with fault_server(routes) as server:
        killed = start_crawl(server, seeds, tmp_path / "killed.db")
        deadline = time.monotonic() + 60
        while committed_pages(tmp_path / "killed.db") < 4 and time.monotonic() < deadline and killed.poll() is None:
            time.sleep(0.02)
        assert killed.poll() is None, "the crawl ended before it could be killed"
        os.kill(killed.pid, signal.SIGKILL)
        killed.communicate()
        first_run = Counter(request.path for request in server.seen)
        db = Database(tmp_path / "killed.db")
        committed = {urlsplit(url).path for (url,) in db.execute("select url from pages")}
        assert 4 <= len(committed) < 36, "the kill came before any page was stored, or after the last"
        # no page half-stored: each page committed has its facts, and is done in the frontier
        assert db.execute("select count(*) from films where page_id is not null").fetchone()[0] == len(
            {path for path in committed if path.startswith("/title/")}
        )
        assert db.execute("select count(*) from articles").fetchone()[0] == len(
            {path for path in committed if path.startswith("/lists/")}
        )
        assert db.execute("select count(*) from frontier where status = 'done'").fetchone()[0] == len(committed)
        finish(start_crawl(server, seeds, tmp_path / "killed.db"))
        both_runs = Counter(request.path for request in server.seen)
        server.seen.clear()
        pause[0] = 0
        finish(start_crawl(server, seeds, tmp_path / "whole.db"))
    assert Database(tmp_path / "killed.db").execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert data(tmp_path / "killed.db") == data(tmp_path / "whole.db")
    assert len(data(tmp_path / "whole.db")["films"]) == 32
    pages = set(routes)
    assert set(both_runs) - {"/robots.txt"} == pages
    # Only what was in flight when the kill came, or stored in the batch not yet committed (Store.batched), is
    # asked for twice; never a page committed.
    again = {path for path in pages if both_runs[path] > 1}
    assert not again & committed, again & committed
    assert all(first_run[path] == 1 for path in again)


def committed_pages(db_path: Path) -> int:
    """Pages another process has committed to ``db_path`` (0 before it exists)."""
    if not db_path.exists():
        return 0
    with closing(sqlite3.connect(db_path, timeout=5)) as db:
        try:
            return int(db.execute("select count(*) from pages").fetchone()[0])
        except sqlite3.OperationalError:  # the schema is not made yet
            return 0
