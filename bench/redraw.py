"""How the IMDb readers fare on a layout they have never seen: every labelled title and sub-page, redrawn.

python bench/redraw.py

A redesign keeps a page's words, links and headings and renames its classes; an archive may strip its scripts.
Each labelled IMDb-style page (``../shared`` real and real2, this repository's development pages) is read as it is,
then redrawn without its JSON-LD and ``__NEXT_DATA__``, without its class attributes, and without classes, ids and
both scripts, and graded by ``../shared/tools/grade.py``'s own comparison: the per-field F1 of each redraw. A reader
that reads values by meaning (labels' words, IMDb's link forms, the heading and ``<title>``) loses little; one that
reads them by class names loses them all. The validation sites are not read here.
"""

from __future__ import annotations

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

_SCRIPTS = re.compile(rb"<script[^>]*(?:application/ld\+json|__NEXT_DATA__)[^>]*>.*?</script>", re.S | re.I)
_CLASSES = re.compile(rb'\sclass="[^"]*"')
_IDS = re.compile(rb'\sid="[^"]*"')
REDRAWS: dict[str, Callable[[bytes], bytes]] = {
    "as it is": lambda page: page,
    "no JSON-LD, no __NEXT_DATA__": lambda page: _SCRIPTS.sub(b"", page),
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
        if (gold := json.loads(gold_path.read_text(encoding="utf-8"))).get("kind") in ("title", *SUBPAGES)
    ]
    for name, redraw in REDRAWS.items():
        score = grader.Score()
        for gold, page in cases:
            out = parsers.parse(redraw(page.read_bytes()), url=grader.url_for(gold, str(page))).to_dict()
            if gold["kind"] == "title":
                grader.grade_title(score, gold, out, gold.get("alternatives") or {})
            else:
                grader.grade_subpage(score, gold, out)
        fields = sorted(score.tp.keys() | score.fp.keys() | score.fn.keys())
        print(f"{name:28s} " + "  ".join(f"{field} {score.prf(field)[2]:.3f}" for field in fields))
    print(f"({len(cases)} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
