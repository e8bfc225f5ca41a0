"""Entry-level precision and recall of the review parser over every page with hand-written gold.

python bench/accuracy.py [-v] [--set NAME ...]

Sets: ``shared`` (../shared/fixtures/real C_*/D_* with ../shared/gold, whose ranked lists of other things,
marked by ``entity_type``, are graded as no film list: tests/conftest.py ``as_film_lists``), ``real2`` (../shared/fixtures/real2
with ../shared/gold2), ``own`` (tests/golden/review beside tests/fixtures/review), and the project's
own real pages split by site, ``dev`` and ``validation`` (tests/fixtures/real/{pages,gold}/<split>).
Pages are compared exactly as ../shared/tools/grade.py compares them (its own ``grade_review``,
alternatives included), in process rather than one CLI run per page. Per set it prints entry P/R/F1,
year P/R, and lists found (a page with a list where the parser gave one with a right entry),
abstained (a page with a list where the parser gave none), invented (a page without one where the
parser gave entries) and the mean of the list pages' own entry F1 (each page counting once, however long its
list: the pooled figure is the long catalogues'). ``-v`` prints the failing pages, but never those of ``validation``: that set is
looked at in aggregate only, so that no rule is written for one of its pages.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
REAL = PROJECT / "tests" / "fixtures" / "real"
sys.path.insert(0, str(PROJECT))

from parsers import parse  # noqa: E402
from parsers.errors import UnknownPage  # noqa: E402
from tests.conftest import as_film_lists  # noqa: E402


def _grader() -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_grade", SHARED / "tools" / "grade.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _review_golds(gold_root: Path, pages_root: Path) -> Iterator[tuple[Path, Path]]:
    """(gold, page) for every review gold under ``gold_root`` whose page exists."""
    for gold in sorted(gold_root.rglob("*.json")):
        page = pages_root / gold.relative_to(gold_root).with_suffix(".html")
        if page.is_file() and json.loads(gold.read_text(encoding="utf-8")).get("kind") == "review":
            yield gold, page


def _sets() -> dict[str, list[tuple[Path, Path]]]:
    own = PROJECT / "tests" / "golden" / "review"
    return {
        "shared": list(_review_golds(SHARED / "gold", SHARED / "fixtures" / "real")),
        "real2": list(_review_golds(SHARED / "gold2", SHARED / "fixtures" / "real2")),
        "own": [
            (g, p)
            for g in sorted(own.glob("*.json"))
            if (p := PROJECT / "tests/fixtures/review" / (g.stem + ".html")).is_file()
        ],
        "dev": list(_review_golds(REAL / "gold" / "dev", REAL / "pages" / "dev")),
        "validation": list(_review_golds(REAL / "gold" / "validation", REAL / "pages" / "validation")),
    }


def _output(page: Path, url: str | None) -> dict[str, Any]:
    try:
        return parse(page.read_bytes(), url=url).to_dict()  # "auto", as the CLI
    except UnknownPage:
        return {}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", action="store_true", help="print every page with a wrong entry (never for validation)")
    ap.add_argument("--set", action="append", help="only these sets (default: all)")
    args = ap.parse_args()
    grader = _grader()
    for name, cases in _sets().items():
        if not cases or (args.set and name not in args.set):
            continue
        score = grader.Score()
        found = abstained = invented = with_list = 0
        page_f1s: list[float] = []
        for gold_path, page_path in cases:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            if name == "shared":
                gold = as_film_lists(gold)
            out = _output(page_path, grader.url_for(gold, page_path.name))
            alone = grader.Score()  # the page's own counts, then added to the set's
            problems = grader.grade_review(alone, gold, out)
            for field in alone.tp.keys() | alone.fp.keys() | alone.fn.keys():
                score.add(field, alone.tp[field], alone.fp[field], alone.fn[field])
            if gold.get("entries"):  # the page's own F1, every list page counting once however long its list
                page_f1s.append(alone.prf("entries")[2])
            has_list, got = bool(gold.get("entries")), bool(out.get("entries"))
            with_list += has_list
            abstained += has_list and not got
            invented += not has_list and got
            found += has_list and "entries" not in problems
            if args.v and name != "validation" and problems:
                print(f"  {name}/{page_path.name}: {problems['entries'][:200]}  (confidence {out.get('confidence')})")
        p, r, f1 = score.prf("entries")
        yp, yr, _ = score.prf("entry_year")
        lists_found = score.tp["lists_found"]
        print(
            f"{name:11s} {len(cases):3d} pages  entries P {p:.3f} R {r:.3f} F1 {f1:.3f}  years P {yp:.3f} R {yr:.3f}  "
            f"lists found {lists_found}/{with_list} (all right {found}), abstained {abstained}, invented {invented}, "
            f"mean page F1 {sum(page_f1s) / len(page_f1s) if page_f1s else 0:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
