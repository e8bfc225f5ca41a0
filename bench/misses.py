"""Why the list extractor misses the lists it misses, per set: where a fix would have to be made.

python bench/misses.py [--set NAME ...]

For every page whose gold has a film list, the extractor's readings of every candidate (``read_list(every=True)``)
are graded against the gold as ../shared/tools/grade.py grades them (a reading is right at entry F1 >= 0.9), and the
page is put in one class:

- ``right-given``: the chosen reading is right and confident enough to be given;
- ``right-withheld``: the chosen reading is right, the confidence model withholds it;
- ``wrong-chosen``: another candidate is right, the chooser took a wrong one;
- ``no-right-candidate``: candidates, none of them right (the shapes read the page wrongly);
- ``no-candidate``: no shape found a list at all;
- ``refused``: a reading was refused with a reason (another medium, one film's page, many lists alike).

It prints the counts per set, and for every set but ``validation`` each page not right-given with its chosen and best
readings; the validation part is looked at in aggregate only (see bench/accuracy.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import _grader, _sets

from parsers.page import Page
from parsers.review import ListReading, read_list
from parsers.review.confidence import ABSTAIN_BELOW, confidence
from tests.conftest import as_film_lists

RIGHT = 0.9  # a reading's entry F1 from which it counts as the page's list, as bench/train_confidence.py counts it


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--set", action="append", help="only these sets (default: all)")
    args = options.parse_args()
    grader = _grader()

    def f1(gold: dict[str, object], reading: ListReading) -> float:
        score = grader.Score()
        grader.grade_review(score, gold, {"entries": [entry.to_dict() for entry in reading.entries]})
        return float(score.prf("entries")[2])

    for name, cases in _sets().items():
        if args.set and name not in args.set:
            continue
        classes: Counter[str] = Counter()
        for gold_path, page_path in cases:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            if name == "shared":
                gold = as_film_lists(gold)
            if not gold.get("entries"):
                continue
            url = grader.url_for(gold, page_path.name)
            data = page_path.read_bytes()
            given = read_list(Page.from_bytes(data, url))[0]  # as parse reads it: refusals included
            readings = read_list(Page.from_bytes(data, url), every=True)
            chosen, detail = readings[0], ""
            if given.evidence is None:
                kind = "refused" if given.warnings else "no-candidate"
                detail = "; ".join(given.warnings)
            else:
                scores = [f1(gold, reading) for reading in readings]
                best = max(range(len(readings)), key=scores.__getitem__)
                sure = confidence(chosen.evidence)
                if scores[0] >= RIGHT:
                    kind = "right-given" if sure >= ABSTAIN_BELOW else "right-withheld"
                else:
                    kind = "wrong-chosen" if scores[best] >= RIGHT else "no-right-candidate"
                detail = (
                    f"chosen {chosen.shape} of {len(chosen.entries)} (F1 {scores[0]:.2f}, confidence {sure:.2f}); "
                    f"best {readings[best].shape} of {len(readings[best].entries)} (F1 {scores[best]:.2f}) "
                    f"among {len(readings)}"
                )
            classes[kind] += 1
            if name != "validation" and kind != "right-given":
                print(f"  {name}/{page_path.name[:80]}: {kind}: {detail}")
        print(f"{name:11s} {sum(classes.values()):3d} pages with a list: {dict(sorted(classes.items()))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
