"""Lists written as lines of links: an index's names one per line, each a link to the work's page.

Old indexes and encyclopedias print a list as ``<a>X (movie)</a><br><a>X (TV)</a><br>…`` inside one element, some
names in bold or italics (licensed titles, alternative titles): records by markup split such a list by its
emphases, but its lines are one run. A run counts where every line is one link to a film or show page, all of its
text or its name opening the line before a note (an update log's lines), labels (dates) between them, and there are
at least five of them; the order is the rank.
"""

from __future__ import annotations

import re

from ..dates import only_a_date
from ..page import Page
from ..text import clean
from .blocks import Block, Line
from .candidates import Candidate, Item
from .lists import bold_label
from .repeated import links_a_film

_MIN_LINES = 5
_BULLET = re.compile(r"^[-–—•·*»]\s*")
_CONFIDENCE = 0.6  # as a run of records linking films without printed ranks, before its evidence is weighed


def linked_lines(page: Page, blocks: list[Block], about_films: bool) -> list[Candidate]:
    """A candidate for each run of at least five consecutive lines of one block, each a single film link (a
    Wikipedia article's only on a page about films: see repeated.links_a_film), alone or opening the line after a
    bullet (an update log's "- <a>The Grey</a> - release date"); a line that is a label (a date, a bold heading)
    heads the lines after it and does not end the run."""
    found = []
    for b, block in enumerate(blocks):
        if len(block.lines) < _MIN_LINES:
            continue
        run: list[Item] = []
        label: str | None = None
        for n, line in enumerate([*block.lines, None]):
            if line is not None and (name := _film_name(page, line, about_films)):
                run.append(Item(len(run) + 1, name, b, n, rank_inferred=True, film_link=True, group=label))
                continue
            if line is not None and _label(line):
                label = line.text
                continue
            if len(run) >= _MIN_LINES:
                found.append(Candidate("linked-lines", run, _CONFIDENCE))
            run, label = [], None
    return found


def _film_name(page: Page, line: Line, about_films: bool) -> str | None:
    """The line's film name: all its text where it is one film link, or the link's where the link opens it after a
    bullet and a note follows; None for any other line."""
    if len(line.links) != 1 or not links_a_film(page, line.links[0].attributes.get("href") or "", wiki=about_films):
        return None
    if line.linked:
        return line.text
    name = clean(line.links[0].text(deep=True))
    return name if name and _BULLET.sub("", line.text).startswith(name) else None


def _label(line: Line) -> bool:
    """A line that heads the lines below it: a date, or a short run all in bold."""
    return not line.links and (only_a_date(line.text) or bold_label(line))
