"""``cinescrape worker``: one more machine on a shared crawl (``crawl --frontier``)."""

from __future__ import annotations

import asyncio
import logging
import sys

import click

from ..shared import Shared, SharedFrontierError
from ..shared.worker import work_shared
from .common import EXIT_FAILED, EXIT_OK, frontier_option, verbose_option


@click.command()
@frontier_option
@click.option(
    "--idle-exit",
    type=click.FloatRange(0),
    metavar="SECONDS",
    help="Stay for the runs after this one; end once no run has been open for SECONDS (default: end with the run).",
)
@verbose_option
def worker(frontier: str | None, idle_exit: float | None, verbose: bool) -> None:
    """Fetch and parse pages of the shared crawl that `cinescrape crawl --frontier` runs and writes.

    Takes the run's settings from Redis. Exit codes: 0 the run ended, 1 Redis lost (one line why), 2 usage.
    """
    if frontier is None:
        raise click.UsageError("--frontier redis://HOST:PORT/N is needed: the Redis of the crawl to join")
    if verbose:
        logging.getLogger("cinescrape").setLevel(logging.INFO)
    try:
        asyncio.run(work_shared(Shared(frontier), idle_exit))
    except SharedFrontierError as error:
        click.echo(f"cinescrape worker: {error}", err=True)
        sys.exit(EXIT_FAILED)
    sys.exit(EXIT_OK)
