"""Entry-level precision and recall of the review parser over every golden page.

python bench/accuracy.py [-v]

Golden pages: the shared hand-checked gold (../shared/gold/C_*, D_*: compared exactly as
../shared/tools/grade.py compares, alternatives included) and the project's own whole-record
goldens (tests/golden/review/*.json, beside tests/fixtures/review/*.html). An entry counts as right
when its rank and title match; its year is scored separately. Prints P/R/F1 per folder and overall.
Like grade.py, it keys entries by rank: of two tied entries (one printed rank) the second counts as
an extra, so the own fixtures with ties score below 1.0 even when right.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
sys.path.insert(0, str(PROJECT))

from parsers import parse  # noqa: E402


def _grader() -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_grade", SHARED / "tools" / "grade.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cases() -> list[tuple[str, Path, Path]]:
    """(folder, gold json, page html) for every golden page there is."""
    cases = []
    for folder in ("C_listicles_reviews", "D_jsonld_schemaorg"):
        for gold in sorted((SHARED / "gold" / folder).glob("*.json")):
            cases.append((folder, gold, SHARED / "fixtures" / "real" / folder / (gold.stem + ".html")))
    for gold in sorted((PROJECT / "tests" / "golden" / "review").glob("*.json")):
        cases.append(("own", gold, PROJECT / "tests" / "fixtures" / "review" / (gold.stem + ".html")))
    return [case for case in cases if case[2].is_file()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", action="store_true", help="print every page with a wrong entry")
    args = ap.parse_args()
    grader = _grader()
    scores: dict[str, Any] = {}
    for folder, gold_path, page_path in _cases():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        out = parse(page_path.read_bytes(), url=gold.get("url")).to_dict()  # "auto", as the CLI
        for key in (folder, "overall"):
            scores.setdefault(key, grader.Score())
        problems = grader.grade_review(scores[folder], gold, out)
        grader.grade_review(scores["overall"], gold, out)
        if args.v and problems:
            print(f"  {folder}/{page_path.name}: {problems['entries'][:200]}")
    for key, score in scores.items():
        p, r, f1 = score.prf("entries")
        yp, yr, _ = score.prf("entry_year")
        print(f"{key:22s} entries P {p:.3f} R {r:.3f} F1 {f1:.3f}   years P {yp:.3f} R {yr:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
