"""``cinescrape import-warc``: pages from WARC files (web archives' exports, Common Crawl, one's own crawls)."""

from __future__ import annotations

import os
import sys
from functools import partial
from pathlib import Path

import click
from rich.progress import BarColumn, DownloadColumn, TextColumn, TimeRemainingColumn

from db.resolve import resolve

from ..config import ConfigError, load_settings
from ..progress import terminal_progress
from ..sources.warc import ImportSummary, import_warcs
from .common import db_option, open_store, quiet_option, report_run


@click.command("import-warc")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option(None)
@click.option("--jobs", type=click.IntRange(1, 256), help="Processes that parse pages (default: one per core).")
@click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The crawl's TOML: its subpages and max_depth decide which links found are queued.",
)
@click.option("--again", is_flag=True, help="Load the captures already loaded too (after a parser improved).")
@quiet_option
def import_warc(
    files: tuple[Path, ...], db_path: Path, jobs: int | None, config_path: Path | None, again: bool, quiet: bool
) -> None:
    """Load every HTML page of WARC or WARC.gz FILES into the database, as of its capture date.

    Revisit records count as their original; other records, non-200 and non-HTML responses are counted and
    skipped; links found are queued for a later crawl. Importing a file again changes nothing. Exit codes:
    0 all pages loaded, 1 some pages failed or a file is damaged (listed), 2 usage, 75 another run holds
    the database.
    """
    try:
        settings = load_settings(config_path)
    except ConfigError as error:
        raise click.UsageError(str(error)) from error
    with open_store("import-warc", db_path) as store:
        run_id = store.start_run("import-warc", [str(path) for path in files])
        summary, exit_code = ImportSummary(run_id=run_id), 1  # stays 1 if the import dies
        try:
            columns = (TextColumn("importing"), BarColumn(), DownloadColumn(), TimeRemainingColumn())
            with terminal_progress(*columns) as bar:  # on a terminal only, never in cron's mail
                total = sum(path.stat().st_size for path in files)
                advance = partial(bar.advance, bar.add_task("importing", total=total)) if bar else None
                summary = import_warcs(
                    store, list(files), run_id, settings, jobs or os.cpu_count() or 1, advance, again
                )
            resolve(store.db)  # list entries imported get their films, as after a crawl
            exit_code = summary.exit_code
        finally:
            store.finish_run(run_id, summary.counts(), exit_code)
    report_run("import-warc", summary.failed, summary.line(), quiet)
    sys.exit(summary.exit_code)
