"""Lists written inside prose: in one sentence ("our five tearjerkers: <em>A</em>; <em>B</em>; … and <em>E</em>."),
or a paragraph a film, each naming it first in italics.

A short article may fold the list its title promises into a sentence, each name set off in italics, bold, a
citation or a link. Only where the title promises a count and no other shape fits it, a block whose set-off names,
exactly as many as promised, follow a colon and one another with nothing but list punctuation between them (","
";" "and", "or", "&" and their like in other languages) is that list, ranked by order. Names set off in prose ("as
in <em>Heat</em> and <em>Ronin</em>, …") are broken by the prose between them; names listed without a colon
before them are a citation's or an aside's ("a study in <em>Nature</em>, <em>Science</em> and <em>Cell</em>").
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from ..text import clean
from .blocks import Block
from .candidates import Candidate, Item
from .quality import title_like

_SET_OFF = frozenset({"em", "i", "cite", "strong", "b", "a", "q"})
# What may stand between two names of one enumeration: punctuation, then a conjunction.
_BETWEEN = re.compile(r"^[,;/·•]?\s*(?:(?:and|or|und|oder|et|ou|y|o|e|en|og|och)|&)?$", re.I)
_CONFIDENCE = 0.55  # position alone ranks them, and one sentence is all the evidence
_ITALICS = "i, em, cite"  # how prose sets off a work's name
_MAX_NAME = 80
_MIN_PARAGRAPH = 200  # characters of a paragraph that writes about the work it names (not a line naming it in passing)


def inline_candidates(blocks: list[Block], count: int) -> list[Candidate]:
    """A candidate for each block holding a run of exactly ``count`` set-off names, one after another."""
    found = []
    for b, block in enumerate(blocks):
        if len(block.lines) != 1 or block.node.tag in ("ul", "ol", "table"):
            continue
        for run in _runs(block.node):
            if len(run) == count and all(title_like(name) for name in run):
                items = [Item(n, name, b, 0, rank_inferred=True, end=b + 1) for n, name in enumerate(run, 1)]
                found.append(Candidate("inline", items, _CONFIDENCE))
    return found


def _runs(node: LexborNode) -> list[list[str]]:
    """The runs of set-off names among ``node``'s children that a colon opens, each ended by any other text
    between two names."""
    runs: list[list[str]] = []
    current: list[str] | None = None  # the names of the enumeration a colon opened; None outside one
    between = ""
    child = node.child
    while child is not None:
        if child.tag == "-text":
            between += child.text_content or ""
        elif child.tag in _SET_OFF:
            lead = clean(between)
            if lead.endswith((":", "：")):
                current = []
                runs.append(current)
            elif current is not None and not _BETWEEN.match(lead):
                current = None
            if current is not None and (name := clean(child.text(deep=True)).rstrip(",;")):
                current.append(name)
            between = ""
        elif child.tag != "br":
            between += child.text(deep=True)
        child = child.next
    return [run for run in runs if len(run) >= 3]


def italic_paragraphs(blocks: list[Block], count: int) -> list[Candidate]:
    """Where the title promises ``count`` works and each of as many of the article's paragraphs (of some length: each
    writes about its work) names one first in italics ("Finalmente, <i><b>1941</b></i>, de Steven Spielberg, …"),
    those names, ranked by order: a listicle written as prose, a paragraph a film. Names set off in bold alone are a
    writer's emphasis as often."""
    named: list[tuple[int, str]] = []
    for b, block in enumerate(blocks):
        if block.node.tag != "p" or not block.in_article or len(block.text) < _MIN_PARAGRAPH:
            continue
        first = block.node.css_first(_ITALICS)
        if first is not None and 0 < len(name := clean(first.text(deep=True)).strip(" ,;:")) <= _MAX_NAME:
            named.append((b, name))
    names = [name for _, name in named]
    if (
        len(named) != count
        or len({name.casefold() for name in names}) < count
        or sum(title_like(name) for name in names) < 0.8 * count
    ):
        return []
    items = [Item(n, name, b, 0, rank_inferred=True, end=b + 1) for n, (b, name) in enumerate(named, 1)]
    return [Candidate("italic-paragraphs", items, _CONFIDENCE)]
