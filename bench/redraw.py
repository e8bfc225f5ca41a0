"""How the readers fare on a layout they have never seen: every labelled page, redrawn.

python bench/redraw.py

A redesign keeps a page's words, links and headings and renames its classes; an archive may strip its scripts.
Each labelled IMDb-style page and each labelled list or article page (``../shared`` real and real2, this
repository's development pages) is read as it is, then redrawn without its JSON-LD and ``__NEXT_DATA__``, with its
class and id names replaced by meaningless ones (one per name: the structure stays, the words go), without its class
attributes, without classes, ids and both scripts, as the Wayback Machine serves it (its toolbar inserted, every
link and the address through the archive), re-indented by BeautifulSoup (as scrapers save what they parsed) and as
an AMP page (every picture an ``<amp-img>``, as news sites serve pages to phones and search caches), and
graded by ``../shared/tools/grade.py``'s own comparison: the per-field F1 of each redraw, and the list pages' entry
F1 and lists invented on pages without one. A reader that reads values by meaning (labels' words, link forms, the
heading and ``<title>``) loses little; one that reads them by class names loses them all. The validation sites are
not read here.

A list is printed many ways: the list pages are redrawn as other sites print them too, their numbered headings'
ranks in brackets ("(10) Heat"), a space apart ("10 Heat"), as an ordinal ("10º Heat"), after a word ("Number 10:
Heat") or not at all (then ranked by their order), or each heading a paragraph with a sentence after the name ("10.
Heat (1995) — a crime epic that still holds up today"), their years in brackets after the names with a director
before ("Heat (dir. Jane Doe, 1995)"), after a comma ("Heat, 1995") or a dash ("Heat – 1995") or before a network
("Heat (1995) (Netflix)"), with no links at all (a site that links no name; most catalogues and charts are found
by their film links), with every heading a ``<div role="heading" aria-level="2">`` (as script-built pages write
them), written as entities whatever the page's encoding, and with the links to the site's own film pages at
addresses no pattern knows (a cinema's or a catalogue's of a site never seen: "/p/3f9a07c1e2" for "/film/heat"; a
film database's pages as they are); each is graded over the pages it changes, beside those pages as they are.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "bench"))

from accuracy import SHARED, _grader  # noqa: E402
from bs4 import BeautifulSoup  # noqa: E402

import parsers  # noqa: E402
from parsers.decode import decode_page  # noqa: E402
from parsers.errors import UnknownPage  # noqa: E402
from parsers.review.quality import film_url  # noqa: E402
from tests.captures import served_by_wayback, wayback_toolbar  # noqa: E402
from tests.conftest import as_film_lists  # noqa: E402

_SCRIPTS = re.compile(rb"<script[^>]*(?:application/ld\+json|__NEXT_DATA__)[^>]*>.*?</script>", re.S | re.I)
_CLASSES = re.compile(rb'\sclass="[^"]*"')
_IDS = re.compile(rb'\sid="[^"]*"')
_TAGS = re.compile(rb"<([a-zA-Z][\w-]*)([^>]*)>")
_NAMES = re.compile(rb'(\s(?:class|id)=")([^"]*)"')
_IMAGES = re.compile(rb"<img\b([^>]*?)/?>", re.I)
_HREFS = re.compile(rb"(\shref=)(\"[^\"]*\"|'[^']*')", re.I)
# The film databases: their film pages' addresses are known wherever a page links them.
_DATABASES = re.compile(
    r"(?:^|\.)(?:imdb|letterboxd|rottentomatoes|metacritic|boxofficemojo|themoviedb|allocine|kinopoisk|douban"
    r"|filmaffinity|csfd|filmweb|netflix|trakt|tvmaze|myanimelist|anidb|mubi|wikipedia)\.",
    re.I,
)


def _renamed(page: bytes) -> bytes:
    """Every class and id name replaced by a token of its own, the same token wherever the name stands; not a
    script's id (``__NEXT_DATA__`` is the framework's, not the design's)."""

    def names(match: re.Match[bytes]) -> bytes:
        tokens = (b"n" + hashlib.sha1(name).hexdigest()[:8].encode() for name in match.group(2).split())
        return match.group(1) + b" ".join(tokens) + b'"'

    def tag(match: re.Match[bytes]) -> bytes:
        if match.group(1).lower() == b"script":
            return match.group(0)
        return b"<" + match.group(1) + _NAMES.sub(names, match.group(2)) + b">"

    return _TAGS.sub(tag, page)


Redraw = Callable[[bytes, str | None], tuple[bytes, str | None]]


def _same_address(redraw: Callable[[bytes], bytes]) -> Redraw:
    return lambda page, url: (redraw(page), url)


def _archived(page: bytes, url: str | None) -> tuple[bytes, str | None]:
    """As the Wayback Machine serves the page: its toolbar after ``<body>``, every link through the archive, the
    archive's address (not for a page of no address, nor without ../shared's capture the toolbar is cut from)."""
    toolbar = wayback_toolbar()
    return served_by_wayback(page, url, toolbar) if url and toolbar else (page, url)


def _reindented(page: bytes) -> bytes:
    """As a scraper saves the page it parsed: BeautifulSoup's ``prettify()`` (every element on a line of its own,
    its nesting as Python's html.parser reads it)."""
    text = decode_page(page)
    return BeautifulSoup(text if isinstance(text, str) else text.decode("utf-8"), "html.parser").prettify().encode()


REDRAWS: dict[str, Redraw] = {
    "as it is": _same_address(lambda page: page),
    "no JSON-LD, no __NEXT_DATA__": _same_address(lambda page: _SCRIPTS.sub(b"", page)),
    "class and id names renamed": _same_address(_renamed),
    "no classes": _same_address(lambda page: _CLASSES.sub(b"", page)),
    "no classes, ids or scripts": _same_address(lambda page: _IDS.sub(b"", _CLASSES.sub(b"", _SCRIPTS.sub(b"", page)))),
    "as the Wayback Machine serves it": _archived,
    "re-indented by BeautifulSoup": _same_address(_reindented),
    "as an AMP page": _same_address(lambda page: _IMAGES.sub(rb"<amp-img\1></amp-img>", page)),
}
_NUMBERED_HEADING = re.compile(rb"(<h[1-6][^>]*>\s*(?:<[^>]+>\s*)*)(\d{1,3})[.)]\s+")
_WHOLE_NUMBERED_HEADING = re.compile(rb"<h([1-6])[^>]*>(\s*(?:<[^>]+>\s*)*\d{1,3}[.)].*?)</h\1>", re.S | re.I)
_BLURB = rb" &mdash; a crime epic that still holds up today, and then some."
_YEAR_IN_BRACKETS = re.compile(rb"\s?\((1[89]\d\d|20\d\d)\)")
_LINKS = re.compile(rb"</?a\b[^>]*>", re.I)
_HEADING_TAG = re.compile(rb"<(/?)h([1-6])\b([^>]*)>", re.I)


def _aria_heading(tag: re.Match[bytes]) -> bytes:
    """ "<h2 class=x>" -> '<div role="heading" aria-level="2" class=x>', "</h2>" -> "</div>"."""
    closing, level, attributes = tag.groups()
    return b"</div>" if closing else b'<div role="heading" aria-level="' + level + b'"' + attributes + b">"


def _own_pages_unknown(page: bytes, url: str | None) -> bytes:
    """As a site no pattern knows links its films: each link to a film page of the page's own site (an address
    ``film_url`` knows: "/film/heat", "?movieId=42") rewritten to one with no film word ("/p/3f9a07c1e2"); a film
    database's own pages, and links to other sites, as they are."""
    host = urlsplit(url or "").hostname
    if not host or _DATABASES.search(host):
        return page

    def own(match: re.Match[bytes]) -> bytes:
        href = match.group(2)[1:-1].decode("utf-8", "replace")
        if urlsplit(urljoin(url, href)).hostname != host or not film_url(href, wiki=False):
            return match.group(0)
        return match.group(1) + b'"/p/' + hashlib.sha1(match.group(2)).hexdigest()[:10].encode() + b'"'

    return _HREFS.sub(own, page)


UNNUMBERED = "ranks removed"  # graded against the gold ranked by page order: nothing else ranks an unnumbered list
LIST_REDRAWS: dict[str, Callable[[bytes, str | None], bytes]] = {
    "ranks in brackets": lambda page, url: _NUMBERED_HEADING.sub(rb"\1(\2) ", page),
    "ranks a space apart": lambda page, url: _NUMBERED_HEADING.sub(rb"\1\2 ", page),
    "ranks as ordinals": lambda page, url: _NUMBERED_HEADING.sub(rb"\1\2&ordm; ", page),
    "ranks after a word": lambda page, url: _NUMBERED_HEADING.sub(rb"\1Number \2: ", page),
    UNNUMBERED: lambda page, url: _NUMBERED_HEADING.sub(rb"\1", page),
    "in paragraphs, a sentence after": lambda page, url: _WHOLE_NUMBERED_HEADING.sub(
        rb"<p>\2" + _BLURB + b"</p>", page
    ),
    "years with a director": lambda page, url: _YEAR_IN_BRACKETS.sub(rb" (dir. Jane Doe, \1)", page),
    "years after a comma": lambda page, url: _YEAR_IN_BRACKETS.sub(rb", \1", page),
    "years after a dash": lambda page, url: _YEAR_IN_BRACKETS.sub(rb" &ndash; \1", page),
    "years, then a network": lambda page, url: _YEAR_IN_BRACKETS.sub(rb" (\1) (Netflix)", page),
    "no links": lambda page, url: _LINKS.sub(b"", page),
    "headings as ARIA headings": lambda page, url: _HEADING_TAG.sub(_aria_heading, page),
    "film links of a site no pattern knows": _own_pages_unknown,
}
SUBPAGES = ("releaseinfo", "keywords", "companycredits", "movieconnections")
SETS = (
    (SHARED / "gold", SHARED / "fixtures" / "real"),
    (SHARED / "gold2", SHARED / "fixtures" / "real2"),
    (
        PROJECT / "tests" / "fixtures" / "real" / "gold" / "dev",
        PROJECT / "tests" / "fixtures" / "real" / "pages" / "dev",
    ),
)


def main() -> int:
    grader = _grader()
    cases = [
        (gold, pages / gold_path.relative_to(gold_root).with_suffix(".html"))
        for gold_root, pages in SETS
        for gold_path in sorted(gold_root.rglob("*.json"))
        if (gold := json.loads(gold_path.read_text(encoding="utf-8"))).get("kind") in ("title", "review", *SUBPAGES)
    ]
    for name, redraw in REDRAWS.items():
        score, lists, invented = grader.Score(), grader.Score(), 0
        for gold, page in cases:
            data, url = redraw(page.read_bytes(), grader.url_for(gold, str(page)))
            if gold["kind"] == "review":
                invented += _grade_list(grader, lists, gold, _reading(data, url))
                continue
            out = parsers.parse(data, url=url).to_dict()
            if gold["kind"] == "title":
                grader.grade_title(score, gold, out, gold.get("alternatives") or {})
            else:
                grader.grade_subpage(score, gold, out)
        fields = sorted(score.tp.keys() | score.fp.keys() | score.fn.keys())
        print(f"{name:28s} " + "  ".join(f"{field} {score.prf(field)[2]:.3f}" for field in fields))
        print(f"{'':28s} list pages: entries {lists.prf('entries')[2]:.3f}, lists invented {invented}")
    lists_only = [(gold, page) for gold, page in cases if gold["kind"] == "review"]
    as_they_are: dict[Path, dict[str, Any]] = {}  # each page read once as it is, beside every redraw that changes it
    for name, rewrite in LIST_REDRAWS.items():
        before, after, invented, changed = grader.Score(), grader.Score(), 0, 0
        for gold, page in lists_only:
            data = page.read_bytes()
            url = grader.url_for(gold, str(page))
            if (redrawn := rewrite(data, url)) == data:
                continue
            changed += 1
            if page not in as_they_are:
                as_they_are[page] = _reading(data, url)
            _grade_list(grader, before, gold, as_they_are[page])
            invented += _grade_list(
                grader, after, _by_order(gold) if name == UNNUMBERED else gold, _reading(redrawn, url)
            )
        print(
            f"{name:28s} list pages: entries {after.prf('entries')[2]:.3f} over the {changed} it changes "
            f"(as they are {before.prf('entries')[2]:.3f}), lists invented {invented}"
        )
    print(f"({len(cases)} pages)")
    return 0


def _by_order(gold: dict[str, Any]) -> dict[str, Any]:
    return {**gold, "entries": [{**entry, "rank": n} for n, entry in enumerate(gold.get("entries") or [], 1)]}


def _reading(data: bytes, url: str | None) -> dict[str, Any]:
    """A list page's reading as ``cinescrape parse`` gives it; nothing for a page no parser takes."""
    try:
        return parsers.parse(data, url=url).to_dict()
    except UnknownPage:
        return {}


def _grade_list(grader: Any, score: Any, gold: dict[str, Any], out: dict[str, Any]) -> bool:
    """Grade one list page's reading into ``score``; whether it invented a list on a page without one."""
    film_lists = as_film_lists(gold)  # ../shared's lists of other things are no film list
    grader.grade_review(score, film_lists, out)
    return not film_lists.get("entries") and bool(out.get("entries"))


if __name__ == "__main__":
    sys.exit(main())
