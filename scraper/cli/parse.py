"""``cinescrape parse``: one saved page's record as JSON (the contract documented in the README)."""

from __future__ import annotations

import json
import sys
import zlib
from pathlib import Path

import click

import parsers

from ..config import Settings
from .common import EXIT_UNKNOWN_PAGE, regular_file

_GZIP = b"\x1f\x8b"  # the magic number every gzip file opens with


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path), callback=regular_file)
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
    limit = Settings().max_bytes  # what a crawl would take of one body
    with file.open("rb") as opened:
        data = opened.read(limit + 1)
    if data.startswith(_GZIP):  # a page kept gzipped, as crawl dumps and test corpora keep them (page.html.gz)
        try:
            data = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, limit + 1)
        except zlib.error as error:
            raise click.BadParameter(f"{file} is a damaged gzip file ({error})", param_hint="FILE") from None
    if len(data) > limit:
        raise click.BadParameter(f"{file} is larger than {limit:,} bytes (max_bytes)", param_hint="FILE")
    try:
        record = parsers.parse(data, url=url, kind=kind)
    except parsers.UnknownPage as error:
        click.echo(f"cinescrape parse: {file}: {error}", err=True)
        sys.exit(EXIT_UNKNOWN_PAGE)
    click.echo(json.dumps(record.to_dict(), ensure_ascii=False, indent=2))
