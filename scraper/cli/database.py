"""Commands on the database analysts open: ``health`` (the parse alarm) and ``datasette-config``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
import yaml

from db.datasette import config, descriptions, metadata
from db.health import check

from .common import EXIT_FAILED, EXIT_OK, db_option, open_read_only, writable_folder


@click.command()
@db_option(None, exists=True, writes=False)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1),
    default=0.2,
    show_default=True,
    help="Alarm when a field's share of pages drops by more than this.",
)
@click.option("--runs", type=click.IntRange(1), default=5, show_default=True, help="Earlier runs to compare with.")
@click.option(
    "--min-pages",
    type=click.IntRange(1),
    default=5,
    show_default=True,
    help="Judge a page kind and layout only when the last run parsed at least this many of its pages.",
)
def health(db_path: Path, threshold: float, runs: int, min_pages: int) -> None:
    """Compare the last run's parse results with earlier runs': exit 1 with a table when a field's share dropped.

    A field found on 95% of title pages before and on 10% now means the site changed its layout.
    """
    with open_read_only("health", db_path) as db:
        report = check(db, threshold=threshold, runs=runs, min_pages=min_pages)
    click.echo(report.summary())
    if not report.ok:
        click.echo(report.table())
        sys.exit(EXIT_FAILED)
    sys.exit(EXIT_OK)


@click.command("datasette-config")
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default="films.db",
    show_default=True,
    envvar="CINESCRAPE_DB",
    help="The database Datasette will open: metadata is keyed by its name (the file name without .db).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    callback=writable_folder,
    help="Where to write the metadata JSON (default: standard output).",
)
@click.option(
    "--split",
    "split_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write datasette.yaml and metadata.yaml into this folder instead (Datasette 1.0's split).",
)
def datasette_config(db_path: Path, output: Path | None, split_dir: Path | None) -> None:
    """Write Datasette's configuration (descriptions, facets, hidden tables, canned queries).

    Datasette 0.65: datasette DB -m metadata.json. Datasette 1.0: datasette DB -c DIR/datasette.yaml -m DIR/metadata.yaml
    (with --split DIR).
    """
    name = db_path.stem
    if split_dir is not None:
        if not split_dir.is_dir():
            raise click.BadParameter(f"folder {split_dir} does not exist", param_hint="--split")
        for file, document in (("datasette.yaml", config(name)), ("metadata.yaml", descriptions(name))):
            (split_dir / file).write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")
        return
    text = json.dumps(metadata(name), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
