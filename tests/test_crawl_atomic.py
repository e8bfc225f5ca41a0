"""Issue 12, defect 3: a page, its facts and the links it yields are one transaction. A crawl killed (SIGKILL) at
every step of every page's life, then run again, gives the database an uninterrupted crawl gives; a full disk is
one clear line, and loses nothing stored."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from click.testing import CliRunner

from db import Store
from scraper.cli import cli
from scraper.run import run_crawl
from tests.conftest import PROJECT
from tests.servers import fault_server, film_site, site_settings
from tests.test_crawl_resume import data

# A crawl that kills itself (SIGKILL: no cleanup, no rollback) at its step ``k`` of the database's life: before each
# BEGIN, before the first write inside each transaction, before each COMMIT; inside a batch of transactions
# (Store.batched) a transaction is a savepoint of the batch's: before it, its first write and its release too.
# k = 0 runs to the end and prints how many steps there were. The database is traced from the moment the crawl
# opens it.
_KILLED_AT = """
import os, signal, sys
from pathlib import Path

import db.store
from scraper.run import run_crawl
from tests.servers import Settings

kill_at, steps, writing, level = int(sys.argv[3]), [0], [False], [0]
_open = db.store.Store.__init__


def step():
    steps[0] += 1
    if steps[0] == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)


def trace(sql):
    verb = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
    if verb in ("BEGIN", "SAVEPOINT"):
        level[0] += 1
        if verb == "BEGIN" or level[0] == 2:  # a transaction, or one of a batch
            step()
            writing[0] = True
    elif verb in ("INSERT", "UPDATE", "DELETE", "REPLACE") and writing[0]:
        step()
        writing[0] = False
    elif verb == "RELEASE":
        level[0] -= 1
        if level[0] == 1:
            step()
    elif verb in ("COMMIT", "ROLLBACK") and not sql.upper().startswith("ROLLBACK TO"):
        level[0] = 0
        step()


def traced_open(self, path):
    _open(self, path)
    self.db.conn.set_trace_callback(trace)


db.store.Store.__init__ = traced_open
seeds = tuple(sys.argv[2].split(","))
settings = Settings(seeds=seeds, delay_seconds=0.0, subpages=(), concurrency=1)
run_crawl(settings, Path(sys.argv[1]), "crawl")
print(steps[0])
"""


def crawl_killed_at(step: int, db_path: Path, seeds: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_KILLED_AT), str(db_path), ",".join(seeds), str(step)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,  # killed is the point
    )


def test_a_crawl_killed_at_every_step_then_run_again_equals_an_uninterrupted_one(tmp_path):
    routes, paths = film_site(1, 2)  # a list and its two films
    with fault_server(routes) as server:
        seeds = [server.base + path for path in paths]
        whole = crawl_killed_at(0, tmp_path / "whole.db", seeds)
        assert whole.returncode == 0, whole.stderr
        steps = int(whole.stdout)
        expected = data(tmp_path / "whole.db")
        assert len(expected["films"]) == 2 and len(expected["rankings"]) == 2
        assert steps >= 15  # each page's transaction (begin, first write, commit), the run's own, robots' none
        for step in range(1, steps + 1):
            db_path = tmp_path / f"killed-at-{step}.db"
            killed = crawl_killed_at(step, db_path, seeds)
            assert killed.returncode == -signal.SIGKILL, (step, killed.stderr)
            run_crawl(site_settings(server, paths, concurrency=1), db_path, "crawl")
            assert data(db_path) == expected, f"killed at step {step} of {steps}"


def test_a_full_disk_is_one_clear_line_and_loses_nothing_stored(tmp_path, monkeypatch):
    routes, paths = film_site(2, 8)
    db_path = tmp_path / "films.db"
    opened = Store.__init__

    def with_little_room(self: Store, path: str | Path) -> None:
        opened(self, path)
        pages = self.db.execute("PRAGMA page_count").fetchone()[0]
        self.db.execute(f"PRAGMA max_page_count = {pages + 2}")  # room for a few pages' facts

    with fault_server(routes) as server:
        seeds = [server.base + path for path in paths]
        monkeypatch.setattr(Store, "__init__", with_little_room)
        result = CliRunner().invoke(cli, ["crawl", *seeds, "--db", str(db_path), "--delay", "0", "--quiet"])
        monkeypatch.undo()
        assert result.exit_code == 1, result.output
        assert "database or disk is full" in result.stderr
        assert "internal error" not in result.output and "OperationalError" not in result.output
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        # disk space found again: the next run completes what the full disk stopped
        run_crawl(site_settings(server, paths), db_path, "crawl")
        run_crawl(site_settings(server, paths), tmp_path / "whole.db", "crawl")
    assert data(db_path) == data(tmp_path / "whole.db")
