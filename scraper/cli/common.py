"""What every command shares: exit codes (a contract), the ``--db``, ``--quiet`` and ``--verbose`` options, and how
errors and a run's failures reach the operator."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
from sqlite_utils import Database

from db import NewerDatabase, Store, StoreError
from db.readonly import read_only_database
from parsers.text import counted

from ..lock import Locked, run_lock

# Exit codes (a contract): 0 all fine, 1 some pages failed (or a check failed), 2 usage or config error,
# 3 ``parse`` was given a document that is no page it knows, 75 another run holds the lock.
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_UNKNOWN_PAGE, EXIT_LOCKED = 0, 1, 2, 3, 75

F = TypeVar("F", bound=Callable[..., Any])


def db_option(default: str | None, *, exists: bool = False, writes: bool = True) -> Callable[[F], F]:
    """``--db``; for a command that ``writes``, its folder must exist and take new files (the -wal, the lock)."""
    defaults: dict[str, Any] = {"default": default} if default else {}  # click 8.5 takes default=None as given
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path, exists=exists),
        required=default is None,
        envvar="CINESCRAPE_DB",
        show_default=bool(default),
        callback=writable_folder if writes else regular_file,
        help="SQLite database (env CINESCRAPE_DB)" + ("." if exists else "; created if missing."),
        **defaults,
    )


def regular_file(ctx: click.Context, param: click.Parameter, path: Path | None) -> Path | None:
    """A click callback: ``path``, if it exists, is a regular file (not /dev/zero, a FIFO, a folder)."""
    if path is not None and path.exists() and not path.is_file():
        raise click.BadParameter(f"{path} is not a regular file", ctx, param)
    return path


def writable_folder(ctx: click.Context, param: click.Parameter, path: Path | None) -> Path | None:
    """A click callback: the file ``path`` can be created or replaced, else a usage error naming its folder."""
    if path is None or regular_file(ctx, param, path) is None:
        return None
    folder = path.absolute().parent
    if not folder.is_dir():
        raise click.BadParameter(f"folder {folder} does not exist", ctx, param)
    try:  # a real probe, not os.access: root passes os.access on read-only file systems too
        tempfile.TemporaryFile(dir=folder).close()
    except OSError as error:
        raise click.BadParameter(f"cannot write in folder {folder}: {error.strerror or error}", ctx, param) from None
    return path


def _redis_url(ctx: click.Context, param: click.Parameter, url: str | None) -> str | None:
    if url is not None and not url.startswith(("redis://", "rediss://", "unix://")):
        raise click.BadParameter(f"{url!r} is no redis://HOST:PORT/N URL", ctx, param)
    return url


frontier_option = click.option(
    "--frontier",
    metavar="redis://HOST:PORT/N",
    callback=_redis_url,
    help="Share the crawl through this Redis: the frontier, politeness and results (see README).",
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
def open_store(command: str, db_path: Path, *, also: tuple[type[Exception], ...] = ()) -> Iterator[Store]:
    """The database under the run lock, for a command that writes; its problems turned into one line and an exit."""
    with (
        one_line_errors(command, *also),
        run_lock(db_path),
        closing(Store(db_path)) as store,
    ):
        yield store


@contextmanager
def open_read_only(command: str, db_path: Path) -> Iterator[Database]:
    """The database for a command that only reads: no lock, nothing written (db/readonly.py)."""
    with one_line_errors(command):
        db = read_only_database(db_path)
    with closing(db.conn):
        yield db


def report_run(command: str, failed: Sequence[tuple[str, str]], summary: str, quiet: bool) -> None:
    """Each failed page once, then the summary line; with ``quiet`` nothing at all unless something failed."""
    if failed:
        click.echo(f"cinescrape {command}: {counted(len(failed), 'page')} failed:", err=True)
        for url, reason in failed:
            click.echo(f"  {url}: {reason}", err=True)
    if not quiet or failed:
        click.echo(f"cinescrape {command}: {summary}", err=True)
