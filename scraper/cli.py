"""The ``cinescrape`` command: argument parsing only; each command calls one function.

Exit codes (a contract): 0 all fine, 1 some pages failed, 2 usage or config
error, 3 ``parse`` was given a document that is no page it knows, 75 another
run holds the lock.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import click

import parsers
from db import NewerDatabase, StoreError

from .config import ConfigError, Settings, load_settings
from .lock import Locked
from .run import Report, run_crawl
from .sample_site import SAMPLE_ARTICLE, SAMPLE_HOST, SAMPLE_SITE, serve_folder

EXIT_OK, EXIT_PAGES_FAILED, EXIT_USAGE, EXIT_UNKNOWN_PAGE, EXIT_LOCKED = 0, 1, 2, 3, 75


log = logging.getLogger("cinescrape")
F = TypeVar("F", bound=Callable[..., Any])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cinescrape")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logs.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Scrape ranked film lists and IMDb-style film pages into one SQLite database."""
    ctx.obj = {"debug": debug}
    _configure_logging(logging.DEBUG if debug else logging.WARNING)


def _configure_logging(level: int) -> None:
    logging.basicConfig(level=level, format="cinescrape: %(message)s", stream=sys.stderr, force=True)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # our own fetch log says what matters


def _db_option(default: str | None) -> Callable[[F], F]:
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=default,
        required=default is None,
        envvar="CINESCRAPE_DB",
        show_default=bool(default),
        help="SQLite database to write (created if missing; env CINESCRAPE_DB).",
    )


_quiet_option = click.option("--quiet", "-q", is_flag=True, help="No summary line unless something failed.")
_verbose_option = click.option("--verbose", "-v", is_flag=True, help="Log one line per request.")


def _run_and_exit(settings: Settings, db_path: Path, command: str, quiet: bool, verbose: bool) -> Report:
    if verbose:
        logging.getLogger("cinescrape").setLevel(logging.INFO)
    try:
        report = run_crawl(settings, db_path, command)
    except Locked as error:
        click.echo(f"cinescrape {command}: {error}", err=True)
        sys.exit(EXIT_LOCKED)
    except (StoreError, NewerDatabase) as error:
        click.echo(f"cinescrape {command}: {error}", err=True)
        sys.exit(EXIT_PAGES_FAILED)
    if report.summary.failed:
        click.echo(f"cinescrape {command}: {len(report.summary.failed)} page(s) failed:", err=True)
        for url, reason in report.summary.failed:
            click.echo(f"  {url}: {reason}", err=True)
    if not quiet or report.summary.failed:
        click.echo(f"cinescrape {command}: {report.line()}", err=True)
    return report


@cli.command()
@click.argument("urls", nargs=-1)
@_db_option(None)
@click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="TOML file of seeds and settings.",
)
@click.option(
    "--delay",
    type=float,
    help="Seconds between requests to one host (default 1; robots.txt Crawl-delay wins when larger).",
)
@click.option("--max-pages", type=int, help="Stop after this many pages in this run.")
@_quiet_option
@_verbose_option
def crawl(
    urls: tuple[str, ...],
    db_path: Path,
    config_path: Path | None,
    delay: float | None,
    max_pages: int | None,
    quiet: bool,
    verbose: bool,
) -> None:
    """Crawl review pages (and the film pages they link) into the database.

    URLS are seed pages, added to the config's seeds. Exit codes: 0 all pages
    fine, 1 some pages failed (listed on stderr and recorded in the pages
    table), 2 usage or config error, 75 another run holds the database.
    """
    try:
        settings = load_settings(config_path, delay_seconds=delay, max_pages=max_pages)
    except ConfigError as error:
        raise click.UsageError(str(error)) from error
    settings = replace(settings, seeds=tuple(dict.fromkeys((*settings.seeds, *urls))))
    if not settings.seeds:
        raise click.UsageError("no seed URLs: give URLs or a --config with seeds")
    for seed in settings.seeds:
        if urlsplit(seed).scheme not in ("http", "https") or not urlsplit(seed).hostname:
            raise click.UsageError(f"not an http(s) URL: {seed}")
    report = _run_and_exit(settings, db_path, "crawl", quiet, verbose)
    sys.exit(report.summary.exit_code)


@cli.command()
@_db_option("cinescrape-demo.db")
@_quiet_option
@_verbose_option
def demo(db_path: Path, quiet: bool, verbose: bool) -> None:
    """Crawl the bundled sample site (served on 127.0.0.1, no internet needed) into a database."""
    with serve_folder(SAMPLE_SITE) as address:
        settings = Settings(
            seeds=(SAMPLE_ARTICLE,),
            delay_seconds=0.0,
            allow_hosts=(SAMPLE_HOST,),
            resolve={f"{SAMPLE_HOST}:80": address},
            contact="cinescrape demo",
        )
        report = _run_and_exit(settings, db_path, "demo", quiet, verbose)
    if not quiet:
        click.echo(f"Sample site crawled into {db_path}:")
        for name, count in report.totals.items():
            click.echo(f"  {count:5d} {name}")
        click.echo(f"Browse it with:  datasette {db_path}")
    sys.exit(report.summary.exit_code)


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
    try:
        cli(standalone_mode=True)
    except Exception as error:  # the last line of defence: one line, the traceback only with --debug
        if "--debug" in sys.argv:
            raise
        click.echo(
            f"cinescrape: internal error: {type(error).__name__}: {error} (run with --debug for details)", err=True
        )
        sys.exit(EXIT_PAGES_FAILED)
