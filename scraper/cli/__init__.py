"""The ``cinescrape`` command: argument parsing only; each command calls one function.

One module per group of commands (``crawl.py``: crawl and demo; ``parse.py``);
exit codes and shared options in ``common.py``.
"""

from __future__ import annotations

import importlib
import logging
import sys

import click

from .common import EXIT_FAILED, EXIT_OK, EXIT_USAGE

# Each command's module, loaded only when it runs (or --help lists them all): a crawl never imports what the
# worker, import-warc or datasette-config need (redis, warcio, yaml): 0.25 s of its start.
_COMMANDS = {
    "crawl": ("crawl", "crawl"),
    "demo": ("crawl", "demo"),
    "parse": ("parse", "parse"),
    "reparse": ("archive", "reparse"),
    "export-warc": ("archive", "export_warc_command"),
    "health": ("database", "health"),
    "datasette-config": ("database", "datasette_config"),
    "import-imdb-datasets": ("resolve", "import_imdb_datasets"),
    "import-warc": ("warc", "import_warc"),
    "resolve": ("resolve", "resolve"),
    "unresolved": ("resolve", "unresolved"),
    "worker": ("worker", "worker"),
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in _COMMANDS and cmd_name not in self.commands:
            module, name = _COMMANDS[cmd_name]
            self.add_command(getattr(importlib.import_module(f"{__name__}.{module}"), name), cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cinescrape")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logs.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Scrape ranked film lists and IMDb-style film pages into one SQLite database."""
    ctx.obj = {"debug": debug}
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="cinescrape: %(message)s",
        stream=sys.stderr,
        force=True,
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)  # our own fetch log says what matters
    logging.getLogger("cinescrape").setLevel(logging.NOTSET)  # --verbose of an earlier call in this process ends


def main() -> None:
    try:
        code = cli.main(standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as error:
        error.show()
        sys.exit(EXIT_USAGE)
    except click.ClickException as error:  # usage and config errors: one line for cron's mail, naming the problem
        sys.exit(_one_line(error))
    except click.exceptions.Abort:
        click.echo("cinescrape: aborted", err=True)
        sys.exit(EXIT_FAILED)
    except Exception as error:  # the last line of defence: one line, the traceback only with --debug
        if "--debug" in sys.argv:
            raise
        click.echo(
            f"cinescrape: internal error: {type(error).__name__}: {error} (run with --debug for details)", err=True
        )
        sys.exit(EXIT_FAILED)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def _one_line(error: click.ClickException) -> int:
    context = getattr(error, "ctx", None)
    command = context.command_path if context else "cinescrape"
    hint = f" (see {command} --help)" if isinstance(error, click.UsageError) else ""
    message = " ".join(error.format_message().split())  # a message quoting a bad value keeps to one line
    click.echo(f"{command}: {message}{hint}", err=True)
    return error.exit_code
