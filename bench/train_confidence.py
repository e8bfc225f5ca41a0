"""Fit the list extractor's confidence model (parsers/review/confidence.json) on the development pages.

python bench/train_confidence.py [--write] [--abstain-below P]

Every review page with hand-written gold except the validation sites (``../shared`` real and real2, the
project's own golden pages, ``tests/fixtures/real`` dev) is read with ``parsers.review.read_list``: the
list the extractor would give and its evidence. A page is a positive example when that list is right
(entry F1 >= 0.9 against the gold, graded by ``../shared/tools/grade.py``'s own comparison), a negative
when it is wrong or the page has no film list at all. Every candidate the extractor weighed is an
example (the lists it passed over are most of the wrong ones); the figures count the lists it gives. A logistic regression (scikit-learn, needed only
here: ``pip install -e '.[train]'``) fits the weights; ``--write`` stores them with the abstention
threshold. It prints the fit's figures, a leave-one-site-out estimate (each site's pages predicted by a
model that never saw that site) and the reliability of the confidence bands, then, in aggregate only,
the same for the validation sites the model never trains on.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "bench"))

from accuracy import _grader, _sets  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from parsers.page import Page  # noqa: E402
from parsers.review import read_list  # noqa: E402
from parsers.review.confidence import FEATURES  # noqa: E402
from tests.conftest import as_film_lists  # noqa: E402

MODEL = PROJECT / "parsers" / "review" / "confidence.json"
RIGHT = 0.9
TRAIN_SETS = ("shared", "real2", "own", "dev")
# The calibration's regularisation, and the candidate model's to choose from (stronger ones rest no weight on a
# handful of pages).
C = 1.0
C_GRID = (0.1, 0.3, 1.0, 3.0)
# The lists the extractor gives are what the confidence speaks of; the candidates it passed over (mostly the
# site's rails and menus) teach what a wrong list looks like, but must not outvote them.
CHOSEN_WEIGHT = 3.0  # chosen by the leave-one-site-out figures (1: 4 right lists lost; 3 and 6: 2)


@dataclass(slots=True)
class Example:
    site: str
    features: list[float]
    right: bool
    entries: int
    entries_right: int
    chosen: bool  # the list the extractor gives (not one of the candidates it passed over)


def _site(gold: dict[str, Any], page: Path) -> str:
    host = urlsplit(gold.get("url") or "").hostname or page.stem.split("__")[0]
    return host.removeprefix("www.")


def examples(names: tuple[str, ...], every: bool) -> list[Example]:
    grader = _grader()
    sets = _sets()
    found = []
    for name in names:
        for gold_path, page_path in sets[name]:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            if name == "shared":  # its lists of other things are no film list (tests/conftest.py)
                gold = as_film_lists(gold)
            url = grader.url_for(gold, page_path.name)
            readings = read_list(Page.from_bytes(page_path.read_bytes(), url), every=every)
            for chosen, reading in enumerate(readings):
                if reading.evidence is None:
                    continue
                score = grader.Score()
                grader.grade_review(score, gold, {"entries": [entry.to_dict() for entry in reading.entries]})
                _, _, f1 = score.prf("entries")
                right = bool(gold.get("entries")) and f1 >= RIGHT
                found.append(
                    Example(
                        _site(gold, page_path),
                        list(reading.evidence.vector()),
                        right,
                        len(reading.entries),
                        score.tp["entries"],
                        chosen == 0,
                    )
                )
    return found


def _fit(train: list[Example], c: float) -> LogisticRegression:
    model = LogisticRegression(C=c, max_iter=1000)
    model.fit(
        [example.features for example in train],
        [example.right for example in train],
        sample_weight=[CHOSEN_WEIGHT if example.chosen else 1.0 for example in train],
    )
    return model


def _held_out(train: list[Example], given: list[Example], c: float) -> tuple[list[float], list[Example]]:
    """Each site's given lists scored by a model that never saw the site: the honest scores the calibration
    (the probability that a list the extractor GIVES is right) is fitted on."""
    scores: list[float] = []
    ordered: list[Example] = []
    for site in sorted({e.site for e in given}):
        own = [e for e in given if e.site == site]
        scores.extend(_fit([e for e in train if e.site != site], c).decision_function([e.features for e in own]))
        ordered.extend(own)
    return scores, ordered


def _log_loss(scores: list[float], examples: list[Example]) -> float:
    loss = 0.0
    for z, example in zip(scores, examples, strict=True):
        p = min(max(1 / (1 + math.exp(-z)), 1e-9), 1 - 1e-9)
        loss -= math.log(p if example.right else 1 - p)
    return loss / len(examples)


def _report(label: str, examples: list[Example], probabilities: list[float], abstain_below: float) -> None:
    """Lists given and right, lists abstained, and how right the entries of the confident lists are."""
    given = [(e, p) for e, p in zip(examples, probabilities, strict=True) if p >= abstain_below]
    lost = sum(e.right for e, p in zip(examples, probabilities, strict=True) if p < abstain_below)
    avoided = sum(not e.right for e, p in zip(examples, probabilities, strict=True) if p < abstain_below)
    print(
        f"{label}: {len(examples)} pages with a list chosen; given {len(given)} (right {sum(e.right for e, _ in given)})"
    )
    print(f"  abstained below {abstain_below:.2f}: {avoided} wrong lists withheld, {lost} right lists lost")
    for low, high in ((0.8, 1.01), (0.5, 0.8), (0.0, 0.5)):
        band = [e for e, p in given if low <= p < high]
        entries = sum(e.entries for e in band)
        right = sum(e.entries_right for e in band)
        share = right / entries if entries else math.nan
        print(f"  confidence {low:.1f}-{min(high, 1.0):.1f}: {len(band):3d} lists, entries right {share:.3f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help=f"store the fitted model in {MODEL.relative_to(PROJECT)}")
    ap.add_argument(
        "--abstain-below", type=float, default=0.25, help="withhold lists the candidate model gives less than this"
    )
    args = ap.parse_args()
    train = examples(TRAIN_SETS, every=True)
    given = [e for e in train if e.chosen]
    # The regularisation whose held-out scores predict best whether a given list is right.
    c, (held_out, ordered) = min(
        ((c, _held_out(train, given, c)) for c in C_GRID), key=lambda found: _log_loss(*found[1])
    )
    print(f"regularisation C = {c} (of {C_GRID}, by leave-one-site-out log loss)")
    model = _fit(train, c)
    calibration = LogisticRegression(C=C, max_iter=1000).fit([[z] for z in held_out], [e.right for e in ordered])
    scale, shift = float(calibration.coef_[0][0]), float(calibration.intercept_[0])

    def calibrated(scores: list[float]) -> list[float]:
        return [1 / (1 + math.exp(-(scale * z + shift))) for z in scores]

    abstain = calibrated([math.log(args.abstain_below / (1 - args.abstain_below))])[0]
    _report(
        "training (in-sample)", given, calibrated(list(model.decision_function([e.features for e in given]))), abstain
    )
    _report("leave-one-site-out", ordered, calibrated(held_out), abstain)
    validation = examples(("validation",), every=False)
    if validation:
        scores = list(model.decision_function([e.features for e in validation]))
        _report("validation sites (aggregate)", validation, calibrated(scores), abstain)
    weights = {name: round(float(w), 4) for name, w in zip(FEATURES, model.coef_[0], strict=True)}
    print("weights:", json.dumps(weights), "intercept:", round(float(model.intercept_[0]), 4))
    if args.write:
        MODEL.write_text(
            json.dumps(
                {
                    "about": "logistic model of 'the chosen list is right'; bench/train_confidence.py writes it",
                    "trained_on": list(TRAIN_SETS),
                    "examples": len(train),
                    "intercept": round(float(model.intercept_[0]), 4),
                    "weights": weights,
                    "calibration": {"scale": round(scale, 4), "shift": round(shift, 4)},
                    "abstain_below": round(abstain, 4),
                },
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
        print(f"written {MODEL}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
