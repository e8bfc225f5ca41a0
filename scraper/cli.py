"""The ``cinescrape`` command: argument parsing only; each command calls one function.

Exit codes (a contract): 0 all fine, 1 some pages failed, 2 usage or config
error, 3 ``parse`` was given a document that is no page it knows, 75 another
run holds the lock.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

import parsers

EXIT_OK, EXIT_PAGES_FAILED, EXIT_USAGE, EXIT_UNKNOWN_PAGE, EXIT_LOCKED = 0, 1, 2, 3, 75


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cinescrape")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logs.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Scrape ranked film lists and IMDb-style film pages into one SQLite database."""
    ctx.obj = {"debug": debug}
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--url", help="The URL the page was saved from: decides the page kind and resolves links.")
@click.option(
    "--kind",
    type=click.Choice(["auto", *parsers.PAGE_KINDS]),
    default="auto",
    show_default=True,
    help="Page kind; auto decides from the URL, then the page.",
)
def parse(file: Path, url: str | None, kind: str) -> None:
    """Print the parsed record of one saved page as JSON."""
    try:
        record = parsers.parse(file.read_bytes(), url=url, kind=kind)
    except parsers.UnknownPage as error:
        click.echo(f"cinescrape parse: {file}: {error}", err=True)
        sys.exit(EXIT_UNKNOWN_PAGE)
    click.echo(json.dumps(record.to_dict(), ensure_ascii=False, indent=2))


def main() -> None:
    cli()
