"""Commands that only read (`health`, `unresolved`, `export-warc`) work on a database and archive the user may
only read, and write nothing: the files' bytes and times stay as they were, no -wal or -shm is left behind.

The tests run as root, for whom file modes do not bite; so besides chmod they check that nothing was written."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper.cli import cli


@pytest.fixture(scope="module")
def read_only_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The demo's database and archive, closed cleanly, in a folder of mode 555 with files of mode 444."""
    folder = tmp_path_factory.mktemp("read-only")
    result = CliRunner().invoke(cli, ["demo", "--db", str(folder / "films.db"), "--quiet"])
    assert result.exit_code == 0, result.output
    (folder / "films.db.lock").unlink()
    for path in folder.iterdir():
        path.chmod(0o444)
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        path.name: (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
        for path in sorted(folder.iterdir())
    }


@pytest.mark.parametrize(
    "args",
    [
        ["health", "--db", "{db}"],
        ["unresolved", "--db", "{db}"],
        ["unresolved", "--db", "{db}", "--json"],
        ["export-warc", "{out}/films.warc.gz", "--db", "{db}"],
    ],
    ids=lambda args: " ".join(args[:2]),
)
def test_a_read_only_command_writes_nothing(args, read_only_folder, tmp_path):
    before = snapshot(read_only_folder)
    assert stat.S_IMODE(read_only_folder.stat().st_mode) == 0o555
    filled = [a.replace("{db}", str(read_only_folder / "films.db")).replace("{out}", str(tmp_path)) for a in args]
    result = CliRunner().invoke(cli, filled)
    assert result.exit_code == 0, result.output
    assert snapshot(read_only_folder) == before  # no -wal, -shm or lock file, no byte or time changed
    if args[0] == "unresolved":
        assert "Under the Sun" in result.stdout
    if args[0] == "export-warc":
        assert (tmp_path / "films.warc.gz").stat().st_size > 0


def test_a_read_only_command_reads_what_a_running_crawl_committed(tmp_path):
    """With a -wal beside the file (a crawl has it open), the committed rows in the WAL are read too."""
    result = CliRunner().invoke(cli, ["demo", "--db", str(tmp_path / "films.db"), "--quiet"])
    assert result.exit_code == 0
    writer = sqlite3.connect(tmp_path / "films.db")
    writer.execute("PRAGMA wal_autocheckpoint = 0")  # keep the change in the WAL, as a crawl in progress does
    writer.execute("update rankings set film_id = null, resolution_note = 'held in the WAL' where rank = 1")
    writer.commit()
    try:
        assert (tmp_path / "films.db-wal").stat().st_size > 0
        listed = CliRunner().invoke(cli, ["unresolved", "--db", str(tmp_path / "films.db")])
    finally:
        writer.close()
    assert "held in the WAL" in listed.stdout
