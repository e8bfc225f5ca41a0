"""What every command shares: exit codes (a contract), the ``--db``, ``--quiet`` and ``--verbose`` options."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

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
