"""``cinescrape crawl`` and ``cinescrape demo``: the main job, on the configured seeds or on the sample site."""

from __future__ import annotations

import logging
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import click

from ..config import ConfigError, Settings, load_settings
from ..run import Report, run_crawl
from ..sample_site import (
    SAMPLE_ARTICLE,
    SAMPLE_HOST,
    SAMPLE_SEARCH_URL,
    SAMPLE_SECOND_ARTICLE,
    SAMPLE_SITE,
    SAMPLE_TITLE_URL,
    serve_folder,
)
from ..shared import Shared, SharedFrontierError
from ..sources.wayback import dates_every
from ..urls import BadURL, check_url
from .common import db_option, frontier_option, one_line_errors, quiet_option, report_run, verbose_option


def _run_and_exit(
    settings: Settings, db_path: Path, command: str, quiet: bool, verbose: bool, shared: Shared | None = None
) -> Report:
    if verbose:
        logging.getLogger("cinescrape").setLevel(logging.INFO)
    with one_line_errors(command, SharedFrontierError):
        report = run_crawl(settings, db_path, command, shared=shared)
    if not report.health.ok:  # shown even with --quiet: something is wrong, though no page failed
        click.echo(f"cinescrape {command}: {report.health.summary()}\n{report.health.table()}", err=True)
    report_run(command, report.summary.failed, report.line(), quiet)
    if report.summary.stopped:
        click.echo(f"cinescrape {command}: stopped early: {report.summary.stopped}", err=True)
    return report


@click.command()
@click.argument("urls", nargs=-1)
@db_option(None)
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
@click.option(
    "--source", type=click.Choice(["live", "wayback"]), help="Read the sites (default) or the Wayback Machine."
)
@click.option(
    "--at",
    "at_dates",
    multiple=True,
    metavar="DATE",
    help="With --source wayback: the capture nearest before DATE (YYYY, YYYY-MM-DD); repeat for a list's history.",
)
@click.option("--every", metavar="STEP", help="With --from and --to: a date every STEP (1y, 6m) for --at.")
@click.option("--from", "from_date", metavar="DATE", help="The first date of --every.")
@click.option("--to", "to_date", metavar="DATE", help="The last date of --every (default: today).")
@frontier_option
@click.option(
    "--lease-seconds",
    type=click.FloatRange(1, 3600),
    default=60.0,
    show_default=True,
    help="With --frontier: how long a worker keeps a URL without its heartbeat before others may take it.",
)
@quiet_option
@verbose_option
def crawl(
    urls: tuple[str, ...],
    db_path: Path,
    config_path: Path | None,
    delay: float | None,
    max_pages: int | None,
    source: str | None,
    at_dates: tuple[str, ...],
    every: str | None,
    from_date: str | None,
    to_date: str | None,
    frontier: str | None,
    lease_seconds: float,
    quiet: bool,
    verbose: bool,
) -> None:
    """Crawl review pages (and the film pages they link) into the database.

    URLS are seed pages, added to the config's seeds. Exit codes: 0 all pages
    fine, 1 some pages failed (listed on stderr and recorded in the pages
    table), 2 usage or config error, 75 another run holds the database.
    """
    if every:
        if not from_date:
            raise click.UsageError("--every needs --from (and --to, default today)")
        try:
            at_dates += dates_every(every, from_date, to_date or date.today().isoformat())
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--every/--from/--to") from None
    try:
        settings = load_settings(
            config_path, delay_seconds=delay, max_pages=max_pages, source=source, wayback_at=at_dates
        )
    except ConfigError as error:
        raise click.UsageError(str(error)) from error
    if (at_dates or every) and settings.source != "wayback":
        raise click.UsageError("--at and --every choose the archive's captures: they need --source wayback")
    settings = replace(settings, seeds=tuple(dict.fromkeys((*settings.seeds, *urls))))
    if not settings.seeds:
        raise click.UsageError("no seed URLs: give URLs or a --config with seeds")
    for seed in urls:
        try:
            check_url(seed)
        except BadURL as error:
            raise click.BadParameter(str(error), param_hint="URLS") from None
    if frontier and settings.source != "live":
        raise click.UsageError("--frontier shares a live crawl: the archive sources read through one database")
    shared = Shared(frontier, lease_seconds) if frontier else None
    report = _run_and_exit(settings, db_path, "crawl", quiet, verbose, shared)
    sys.exit(report.summary.exit_code)


@click.command()
@db_option("cinescrape-demo.db")
@quiet_option
@verbose_option
def demo(db_path: Path, quiet: bool, verbose: bool) -> None:
    """Crawl the bundled sample site (served on 127.0.0.1, no internet needed) into a database."""
    with serve_folder(SAMPLE_SITE) as address:
        settings = Settings(
            seeds=(SAMPLE_ARTICLE, SAMPLE_SECOND_ARTICLE),
            delay_seconds=0.0,
            allow_hosts=(SAMPLE_HOST,),
            resolve={f"{SAMPLE_HOST}:80": address},
            contact="cinescrape demo",
            search_url=SAMPLE_SEARCH_URL,
            title_url=SAMPLE_TITLE_URL,
        )
        report = _run_and_exit(settings, db_path, "demo", quiet, verbose)
    if not quiet:
        click.echo(f"Sample site crawled into {db_path}:")
        for count, noun in report.named_totals():
            click.echo(f"  {count:5d} {noun}")
        click.echo("Browse it with descriptions and canned queries:")
        click.echo(
            f"  cinescrape datasette-config --db {db_path} -o metadata.json && datasette {db_path} -m metadata.json"
        )
    sys.exit(report.summary.exit_code)
