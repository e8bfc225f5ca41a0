"""How sure the list extractor is that the list it chose is the page's film list, learned from labelled pages.

The evidence is what the chosen list's entries look like (names or not, film links, years, printed ranks
that step by one), how it fits the page (the promised count, inside the article, a page about films) and
its shape's prior. A logistic model, fitted on every candidate list of the development pages,
scores it; a second one, fitted on the lists the extractor gives (each site's scored by a model that
never saw the site), turns the score into a probability. The coefficients live in ``confidence.json``,
written by ``bench/train_confidence.py``; the validation sites never train it. Below ``ABSTAIN_BELOW`` the page gets no list and a warning: an empty
list costs an analyst less than a wrong one stored as fact.
"""

from __future__ import annotations

import json
import math
from dataclasses import astuple, dataclass, fields
from importlib import resources

from ..records import RankedEntry
from .quality import share, steps_by_one, title_like

_MODEL = json.loads(resources.files(__package__).joinpath("confidence.json").read_text(encoding="utf-8"))
ABSTAIN_BELOW: float = _MODEL["abstain_below"]
_SIZE_CAP = 64  # log2 of a list's length counts up to 64 entries: a 250-film chart is no surer than a 64-film one


@dataclass(frozen=True, slots=True)
class ListEvidence:
    """What the chosen list shows of itself, each value in 0..1."""

    prior: float  # the shape's own confidence (a declared table or ItemList, records with film links)
    declared: float  # the page's markup says what the entries are (ItemList JSON-LD, a table's title column)
    names: float  # entries that read as names: no scores, dates, bylines or sentences
    film_links: float  # entries linking a film or show page
    years: float  # entries with a year
    printed_ranks: float  # entries whose rank the page prints
    rank_steps: float  # consecutive printed ranks that step by one, up or down (a countdown, a chart)
    count_match: float  # the title promises as many entries as found
    count_miss: float  # the title promises a number, and another was found
    about_films: float  # the page's titles or address speak of films or TV
    promised: float  # the page's title promises a list: a count or a "best of"
    list_page: float  # the page's address is a chart's or a list's (IMDb charts and lists, Letterboxd lists …)
    start: float  # where the list starts in the page's text, 0 at the top, 1 at the end (rails come last)
    blurbs: float  # entries with text of their own (an article says something of each; a rail does not)
    in_article: float  # entries inside the page's main article element
    size: float  # log2 of the length, over log2 of 64
    distinct: float  # entries with a title no other entry has
    coverage: float  # the page's film links this list holds (the page's list holds most; a rail beside it few)

    def vector(self) -> tuple[float, ...]:
        return astuple(self)


FEATURES = tuple(field.name for field in fields(ListEvidence))


def list_evidence(
    entries: tuple[RankedEntry, ...],
    *,
    prior: float,
    declared: bool,
    linked: list[bool],
    in_article: list[bool],
    count: int | None,
    about_films: bool,
    promised: bool,
    list_page: bool,
    start: float,
    film_targets: int,
) -> ListEvidence:
    """The evidence of a built list; ``linked`` and ``in_article`` say, per entry, what only the DOM knows, and
    ``film_targets`` how many film pages the whole page links."""
    printed = [entry.rank for entry in entries if not entry.rank_inferred]
    found = len(entries)
    return ListEvidence(
        prior=prior,
        declared=float(declared),
        names=share([title_like(entry.title) for entry in entries]),
        film_links=share([bool(entry.title_url) or link for entry, link in zip(entries, linked, strict=False)]),
        years=share([entry.year is not None for entry in entries]),
        printed_ranks=len(printed) / found if found else 0.0,
        rank_steps=steps_by_one(printed),
        count_match=float(bool(count) and found == count),
        count_miss=float(bool(count) and found != count),
        about_films=float(about_films),
        promised=float(promised),
        list_page=float(list_page),
        start=start,
        blurbs=share([bool(entry.blurb) for entry in entries]),
        in_article=share(in_article),
        size=math.log2(min(max(found, 1), _SIZE_CAP)) / math.log2(_SIZE_CAP),
        distinct=len({entry.title.casefold() for entry in entries}) / found if found else 0.0,
        # (a poster grid links its films by data attributes the page's link count does not see)
        coverage=sum(linked) / max(film_targets, sum(linked)) if any(linked) else 0.0,
    )


def confidence(evidence: ListEvidence) -> float:
    """The probability that the list is the page's film list, entries right: the candidate model's score
    (fitted on every candidate the extractor weighed), calibrated on the lists it gives."""
    weights: dict[str, float] = _MODEL["weights"]
    score = _MODEL["intercept"] + sum(
        weights[name] * value for name, value in zip(FEATURES, evidence.vector(), strict=True)
    )
    calibration: dict[str, float] = _MODEL["calibration"]
    return 1.0 / (1.0 + math.exp(-(calibration["scale"] * score + calibration["shift"])))
