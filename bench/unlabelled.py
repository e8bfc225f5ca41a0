"""What the parsers claim on pages nobody labelled: lists given and film pages found, where most pages have neither.

python bench/unlabelled.py DIR [DIR ...] [--urls FILE] [--show]

Parses every ``*.html`` under each DIR (an extraction benchmark's news, shop and forum pages, say) with
``parsers.parse(kind="auto")`` and counts the pages given a list and the pages read as film pages, with each page's
site and the part of the labelled split that site falls in (``tests/fixtures/real``: a third of the sites, by a hash
of the site, are the validation part's). On such a corpus nearly every list given and every film page is a false
positive, to be read by hand before a rule is written: only for development sites (``--show`` prints those pages;
a validation site's are counted, never shown). ``--urls``: a JSON object of file stem -> address, where the
corpus keeps addresses apart from its pages; else a page's canonical link or ``og:url`` is its address.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from parsers import parse  # noqa: E402
from parsers.detect import canonical_url  # noqa: E402
from parsers.errors import UnknownPage  # noqa: E402
from parsers.page import Page, site_host  # noqa: E402
from tests.conftest import split_part  # noqa: E402


def address_of(data: bytes) -> str | None:
    page = Page.from_bytes(data)
    og = page.tree.css_first('meta[property="og:url"]')
    return canonical_url(page) or (og.attributes.get("content") if og is not None else None)


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("dirs", nargs="+", type=Path)
    options.add_argument("--urls", type=Path, help="JSON object: file stem -> the page's address")
    options.add_argument(
        "--show", action="store_true", help="print the development sites' pages given a list or read as films"
    )
    args = options.parse_args()
    urls: dict[str, str] = json.loads(args.urls.read_text(encoding="utf-8")) if args.urls else {}
    counts: Counter[str] = Counter()
    for path in sorted(p for folder in args.dirs for p in folder.rglob("*.html")):
        data = path.read_bytes()
        url = urls.get(path.stem) or address_of(data)
        try:
            record = parse(data, url=url).to_dict()
        except UnknownPage:
            counts["no page"] += 1
            continue
        counts["pages"] += 1
        listed = record["kind"] == "review" and bool(record["entries"])
        if not (listed or record["kind"] == "title"):
            continue
        site = site_host(url)
        part = split_part(site) if site else "unknown"
        claim = "list given" if listed else "film page"
        counts[f"{claim}, {part} site"] += 1
        if args.show and part != "validation":
            said = [e["title"] for e in record["entries"][:5]] if listed else [record.get("title"), record.get("year")]
            print(f"{claim:10s} {path} {url or ''} {said}")
    for key, n in sorted(counts.items()):
        print(f"{n:6d}  {key}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
