"""How the readers fare on a layout they have never seen: every labelled page, redrawn.

python bench/redraw.py

A redesign keeps a page's words, links and headings and renames its classes; an archive may strip its scripts.
Each labelled IMDb-style page and each labelled list or article page (``../shared`` real and real2, this
repository's development pages) is read as it is, then redrawn without its JSON-LD and ``__NEXT_DATA__``, with its
class and id names replaced by meaningless ones (one per name: the structure stays, the words go), without its class
attributes, and without classes, ids and both scripts, and graded by ``../shared/tools/grade.py``'s own comparison:
the per-field F1 of each redraw, and the list pages' entry F1 and lists invented on pages without one. A reader that
reads values by meaning (labels' words, link forms, the heading and ``<title>``) loses little; one that reads them by
class names loses them all. The validation sites are not read here.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "bench"))

from accuracy import SHARED, _grader  # noqa: E402

import parsers  # noqa: E402
from parsers.errors import UnknownPage  # noqa: E402
from tests.conftest import as_film_lists  # noqa: E402

_SCRIPTS = re.compile(rb"<script[^>]*(?:application/ld\+json|__NEXT_DATA__)[^>]*>.*?</script>", re.S | re.I)
_CLASSES = re.compile(rb'\sclass="[^"]*"')
_IDS = re.compile(rb'\sid="[^"]*"')
_TAGS = re.compile(rb"<([a-zA-Z][\w-]*)([^>]*)>")
_NAMES = re.compile(rb'(\s(?:class|id)=")([^"]*)"')


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


REDRAWS: dict[str, Callable[[bytes], bytes]] = {
    "as it is": lambda page: page,
    "no JSON-LD, no __NEXT_DATA__": lambda page: _SCRIPTS.sub(b"", page),
    "class and id names renamed": _renamed,
    "no classes": lambda page: _CLASSES.sub(b"", page),
    "no classes, ids or scripts": lambda page: _IDS.sub(b"", _CLASSES.sub(b"", _SCRIPTS.sub(b"", page))),
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
            url = grader.url_for(gold, str(page))
            if gold["kind"] == "review":
                film_lists = as_film_lists(gold)  # ../shared's lists of other things are no film list
                try:
                    out = parsers.parse(redraw(page.read_bytes()), url=url).to_dict()
                except UnknownPage:
                    out = {}
                grader.grade_review(lists, film_lists, out)
                invented += not film_lists.get("entries") and bool(out.get("entries"))
                continue
            out = parsers.parse(redraw(page.read_bytes()), url=url).to_dict()
            if gold["kind"] == "title":
                grader.grade_title(score, gold, out, gold.get("alternatives") or {})
            else:
                grader.grade_subpage(score, gold, out)
        fields = sorted(score.tp.keys() | score.fp.keys() | score.fn.keys())
        print(f"{name:28s} " + "  ".join(f"{field} {score.prf(field)[2]:.3f}" for field in fields))
        print(f"{'':28s} list pages: entries {lists.prf('entries')[2]:.3f}, lists invented {invented}")
    print(f"({len(cases)} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
