"""Lists written as lines of links: an index's names one per line, each a link to the work's page.

Old indexes and encyclopedias print a list as ``<a>X (movie)</a><br><a>X (TV)</a><br>…`` inside one element, some
names in bold or italics (licensed titles, alternative titles): records by markup split such a list by its
emphases, but its lines are one run. A run counts where every line is all link text, one link, to a film or show
page, and there are at least five of them; the order is the rank.
"""

from __future__ import annotations

from ..page import Page
from .blocks import Block, Line
from .candidates import Candidate, Item
from .repeated import links_a_film

_MIN_LINES = 5
_CONFIDENCE = 0.6  # as a run of records linking films without printed ranks, before its evidence is weighed


def linked_lines(page: Page, blocks: list[Block], about_films: bool) -> list[Candidate]:
    """A candidate for each run of at least five consecutive lines of one block, each a single film link (a
    Wikipedia article's only on a page about films: see repeated.links_a_film)."""
    found = []
    for b, block in enumerate(blocks):
        if len(block.lines) < _MIN_LINES:
            continue
        run: list[Item] = []
        for n, line in enumerate([*block.lines, None]):
            if line is not None and _film_line(page, line, about_films):
                run.append(Item(len(run) + 1, line.text, b, n, rank_inferred=True, film_link=True))
                continue
            if len(run) >= _MIN_LINES:
                found.append(Candidate("linked-lines", run, _CONFIDENCE))
            run = []
    return found


def _film_line(page: Page, line: Line, about_films: bool) -> bool:
    if not line.linked or len(line.links) != 1:
        return False
    return links_a_film(page, line.links[0].attributes.get("href") or "", wiki=about_films)
