"""Film resolution on the command line: ``import-imdb-datasets``, ``resolve`` and ``unresolved``."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import click
from rich.progress import BarColumn, DownloadColumn, TextColumn, TimeRemainingColumn

from db.imdb_datasets import DatasetError, dataset_files, import_datasets
from db.resolve import resolve as resolve_entries
from parsers.text import counted

from ..progress import terminal_progress
from .common import EXIT_OK, db_option, open_read_only, open_store


@click.command("import-imdb-datasets")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option(None)
def import_imdb_datasets(folder: Path, db_path: Path) -> None:
    """Import IMDb's datasets from FOLDER for resolving list entries to films.

    FOLDER holds title.basics.tsv.gz and title.akas.tsv.gz from https://datasets.imdbws.com/ (IMDb's
    non-commercial datasets: personal and non-commercial use only). A re-import replaces the previous one.
    Run `cinescrape resolve` afterwards to use them at once (the next crawl does it too).
    """
    try:
        files = dataset_files(folder)
    except DatasetError as error:
        raise click.UsageError(str(error)) from error
    total = sum(file.stat().st_size for file in files)
    columns = (TextColumn("importing"), BarColumn(), DownloadColumn(), TimeRemainingColumn())
    with (
        open_store("import-imdb-datasets", db_path, also=(DatasetError,)) as store,
        terminal_progress(*columns) as bar,
    ):
        advance = partial(bar.advance, bar.add_task("importing", total=total)) if bar else None
        results = import_datasets(store.db, folder, advance)
    for result in results:
        click.echo(
            f"cinescrape import-imdb-datasets: {result.name}: {result.read:,} rows read, {result.kept:,} stored "
            f"in {result.seconds:.1f} s ({result.rows_per_second:,.0f} rows/s)",
            err=True,
        )


@click.command()
@db_option(None, exists=True)
def resolve(db_path: Path) -> None:
    """Resolve the list entries without a film (search results stored, imported datasets, fuzzy match)."""
    with open_store("resolve", db_path) as store:
        outcome = resolve_entries(store.db)
    hint = " (cinescrape unresolved lists them)" if outcome.unresolved else ""
    click.echo(
        f"cinescrape resolve: {counted(outcome.resolved, 'entry', 'entries')} resolved, {outcome.unresolved} unresolved{hint}",
        err=True,
    )


_COLUMNS = ("article", "rank", "title", "year", "note")


@click.command()
@db_option(None, exists=True, writes=False)
@click.option("--json", "as_json", is_flag=True, help="A JSON array of objects, for scripts.")
def unresolved(db_path: Path, as_json: bool) -> None:
    """List the ranked entries no film is known for, with why (e.g. the candidates of an ambiguous title)."""
    with open_read_only("unresolved", db_path) as db:
        rows = [
            dict(zip(_COLUMNS, row, strict=True))
            for row in db.execute(
                "select coalesce(article, article_url), rank, title, year, resolution_note from unresolved_entries "
                "order by article_id, position"
            )
        ]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        click.echo(_table(rows, _COLUMNS, lambda value: "" if value is None else str(value)))
    sys.exit(EXIT_OK)


def _table(rows: list[dict[str, Any]], columns: tuple[str, ...], text: Callable[[Any], str]) -> str:
    widths = {c: max([len(c), *(len(text(row[c])) for row in rows)]) for c in columns}
    lines = ["  ".join(c.ljust(widths[c]) for c in columns).rstrip()]
    lines += ["  ".join(text(row[c]).ljust(widths[c]) for c in columns).rstrip() for row in rows]
    return "\n".join(lines)
