"""``cinescrape reparse`` and ``cinescrape export-warc``: jobs on the raw archive, no network."""

from __future__ import annotations

import sys
from contextlib import closing
from pathlib import Path

import click

import parsers
from db.archive import SqliteArchive
from parsers.text import counted

from ..archive import archive_path, export_warc
from ..config import ConfigError, load_settings
from ..run import run_reparse
from .common import db_option, one_line_errors, quiet_option, report_run, writable_folder

archive_option = click.option(
    "--archive",
    "archive_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The archive file (default: beside the database, films.db → films.archive.db).",
)


def _existing_archive(archive_file: Path | None, db_path: Path) -> Path:
    path = archive_file or archive_path(None, db_path)
    if path is None or not path.is_file():
        raise click.UsageError(f"no archive at {path}: it is written by crawl runs (setting archive)")
    return path


@click.command()
@db_option(None, exists=True)
@archive_option
@click.option("--url", "url_glob", help='Only URLs matching this glob, e.g. "*/title/*".')
@click.option("--kind", type=click.Choice(parsers.PAGE_KINDS), help="Only pages stored as this kind.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The crawl's TOML: its subpages and max_depth decide which newly found links are queued.",
)
@quiet_option
def reparse(
    db_path: Path,
    archive_file: Path | None,
    url_glob: str | None,
    kind: str | None,
    config_path: Path | None,
    quiet: bool,
) -> None:
    """Parse the latest archived body of each URL again with today's parsers and load it (no network).

    Links the parsers find now are queued for the next crawl. Exit codes: 0 all pages parsed, 1 some pages
    failed (listed), 2 usage or config error, 75 another run holds the database.
    """
    try:
        settings = load_settings(config_path)
    except ConfigError as error:
        raise click.UsageError(str(error)) from error
    archive = _existing_archive(archive_file, db_path)
    with one_line_errors("reparse"):
        summary = run_reparse(settings, db_path, archive, url_glob, kind)
    failed = f", {len(summary.failed)} failed" if summary.failed else ""
    report_run(
        "reparse", summary.failed, f"run {summary.run_id}: {counted(summary.parsed, 'page')} re-parsed{failed}", quiet
    )
    sys.exit(summary.exit_code)


@click.command("export-warc")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path), callback=writable_folder)
@db_option(None, writes=False)
@archive_option
def export_warc_command(path: Path, db_path: Path, archive_file: Path | None) -> None:
    """Write the archive as a WARC file (gzip per record) to PATH, for other web-archive tools."""
    with one_line_errors("export-warc", OSError):
        archive = SqliteArchive(_existing_archive(archive_file, db_path), read_only=True)
    with one_line_errors("export-warc", OSError), closing(archive):
        count = export_warc(archive, path)
    click.echo(f"cinescrape export-warc: {counted(count, 'response')} written to {path}", err=True)
