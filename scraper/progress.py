"""The progress display on a terminal, shared by the commands that run long (crawl, demo, import-imdb-datasets).

rich draws it and owns the terminal while it is shown: log records go through rich's handler, which prints them
above the display, never into it, and the display is gone before the command's summary. Elsewhere (cron, a pipe,
a file) nothing is drawn and logging is left as it is.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.logging import RichHandler
from rich.progress import Progress, ProgressColumn


@contextmanager
def terminal_progress(*columns: ProgressColumn | str) -> Iterator[Progress | None]:
    """A rich ``Progress`` of ``columns`` while stderr is a terminal, else None."""
    if not sys.stderr.isatty():
        yield None
        return
    console = Console(file=sys.stderr)
    handler = RichHandler(console=console, show_time=False, show_level=False, show_path=False, markup=False)
    handler.setFormatter(logging.Formatter("cinescrape: %(message)s"))
    root = logging.getLogger()
    handlers, root.handlers = root.handlers, [handler]
    try:
        with Progress(*columns, console=console, transient=True) as progress:
            yield progress
    finally:
        root.handlers = handlers
