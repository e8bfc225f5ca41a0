"""What every command shares: exit codes (a contract), the ``--db``, ``--quiet`` and ``--verbose`` options, and how
errors and a run's failures reach the operator."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager, nullcontext
from pathlib import Path
from typing import Any, TypeVar

import click

from db import NewerDatabase, Store, StoreError

from ..lock import Locked, run_lock

# Exit codes (a contract): 0 all fine, 1 some pages failed (or a check failed), 2 usage or config error,
# 3 ``parse`` was given a document that is no page it knows, 75 another run holds the lock.
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_UNKNOWN_PAGE, EXIT_LOCKED = 0, 1, 2, 3, 75

F = TypeVar("F", bound=Callable[..., Any])


def db_option(default: str | None, *, exists: bool = False) -> Callable[[F], F]:
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path, exists=exists),
        default=default,
        required=default is None,
        envvar="CINESCRAPE_DB",
        show_default=bool(default),
        help="SQLite database (env CINESCRAPE_DB)" + ("." if exists else "; created if missing."),
    )


quiet_option = click.option("--quiet", "-q", is_flag=True, help="No summary line unless something failed.")
verbose_option = click.option("--verbose", "-v", is_flag=True, help="Log one line per request.")


@contextmanager
def one_line_errors(command: str, *also: type[Exception]) -> Iterator[None]:
    """Another run's lock exits 75; a database error (or one of ``also``) exits 1; each as one line on stderr."""
    database_errors: tuple[type[Exception], ...] = (StoreError, NewerDatabase, *also)
    try:
        yield
    except Locked as error:
        click.echo(f"cinescrape {command}: {error}", err=True)
        sys.exit(EXIT_LOCKED)
    except database_errors as error:
        click.echo(f"cinescrape {command}: {error}", err=True)
        sys.exit(EXIT_FAILED)


@contextmanager
def open_store(command: str, db_path: Path, *, lock: bool, also: tuple[type[Exception], ...] = ()) -> Iterator[Store]:
    """The database (under the run lock when the command writes), its problems turned into one line and an exit."""
    with (
        one_line_errors(command, *also),
        run_lock(db_path) if lock else nullcontext(),
        closing(Store(db_path)) as store,
    ):
        yield store


def report_run(command: str, failed: Sequence[tuple[str, str]], summary: str, quiet: bool) -> None:
    """Each failed page once, then the summary line; with ``quiet`` nothing at all unless something failed."""
    if failed:
        click.echo(f"cinescrape {command}: {len(failed)} page(s) failed:", err=True)
        for url, reason in failed:
            click.echo(f"  {url}: {reason}", err=True)
    if not quiet or failed:
        click.echo(f"cinescrape {command}: {summary}", err=True)
