"""Lists the markup draws as lists: ``<ol>`` and ``<ul>``, alone or split under sub-headings.

One article list is often cut into several ``<ul>``s under sub-headings ("Beer": 7 links, "Wine":
8 links); lists of one kind that follow each other with only headings between them are read as one,
each entry grouped under its sub-heading. Only a list (or run of lists) whose length is the count
the title promises is a candidate: bulleted lists are everywhere.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate

from selectolax.lexbor import LexborNode

from ..page import Page
from ..text import node_text
from .blocks import BOLD_TAGS, HEADINGS, Block, BlockIndex, Line
from .candidates import Candidate, Item
from .quality import named_by_medium, names_films

_LABEL = re.compile(r"^(?P<label>[^:]{2,60}):\s")
_HTML_INTEGER = re.compile(r"[ \t\n\f\r]*([-+]?[0-9]{1,9})")
_LABELLED = 0.5  # the share of a list's items opening with "Title:" that makes the colon a label, not a name's
_CONFIDENCE = {"ol": 0.7, "ul": 0.55}  # a bulleted list is less surely the article's list than headings are
_UNCOUNTED_CONFIDENCE = {"ol": 0.6, "ul": 0.45}  # and less surely where the title names no count
_MIN_UNCOUNTED = 5  # items of a list the title promises without a count (as for its headings, see unnumbered)
# names all different, but one in twenty: a film may stand in two parts of a long list ("seen", "to see again")
_DISTINCT = 0.95
_MAX_LABEL = 60  # characters of a bold line that heads a list's part: a label, not a sentence
_MAX_UNCOUNTED_NAME = 80  # characters of each item's name: longer is a sentence, a point the article makes


@dataclass(slots=True)
class _List:
    tag: str
    items: list[tuple[str, int, int]]  # title, first block, the block after the item
    first: int  # first and last block inside the list
    last: int
    shown: list[int] | None = None  # the numbers the browser shows before the items, where not 1, 2, 3 …
    linked: bool = False  # an item holds a link


def _item_title(block: Block, labelled: bool) -> str:
    """The name an item opens with: its bold lead ("<b>Title</b> (1994) – why"), its label ("Title: why") where
    the list's items are ``labelled``, else the whole line when short. A line that is all one link is a name
    whatever it holds."""
    line = block.lines[0]
    if line.linked:
        return line.text
    if line.bold and len(line.lead()) < len(line.text):
        return line.lead().rstrip(".:")
    label = _LABEL.match(line.text)
    if label and (labelled or _set_apart(block.node, line.text[label.end() :])):
        return label.group("label")
    return line.text if len(line.text) <= 120 else ""


def _set_apart(item: LexborNode, rest: str) -> bool:
    """What follows the item's colon is all one run in emphasis, the item's last element: a comment on the name ("La
    La Land: <em>great actors, excellent OST</em>"), where a subtitle is printed as the name is."""
    last = item.last_child
    while last is not None and last.tag == "-text" and not (last.text_content or "").strip():
        last = last.prev
    return last is not None and last.tag in BOLD_TAGS and node_text(last) == rest.strip()


def _labelled(blocks: list[Block]) -> bool:
    """Most of a list's items, two at least, open with a label ("Title: why"), each its own: a colon in a few is their
    names' ("The Lord of the Rings: The Return of the King"), and one name before the colons of many is a series'
    ("John Wick: Chapter 2", "John Wick: Chapter 3 – Parabellum")."""
    labels = [found.group("label") for block in blocks if (found := _LABEL.match(block.lines[0].text))]
    return len(labels) >= max(2, _LABELLED * len(blocks)) and len(set(labels)) == len(labels)


def shown_numbers(items: list[LexborNode]) -> list[int] | None:
    """The numbers a browser shows before ``items``, the ``<li>``s of one ``<ol>``, where they are not 1, 2, 3 … in
    order: an ``<ol start="51">`` (a chart's second page), an ``<ol reversed>`` (a countdown), an
    ``<li value="7">``; None where they are, or where the items are not all ``<li>``s (a poster's link between them)."""
    parent = items[0].parent if items else None
    if (
        parent is None
        or parent.tag != "ol"
        or any(item.tag != "li" or item.parent is None or item.parent.mem_id != parent.mem_id for item in items)
    ):
        return None
    siblings = [child for child in parent.iter() if child.tag == "li"]
    down = "reversed" in parent.attributes
    start = _integer(parent.attributes.get("start"))
    number = start if start is not None else (len(siblings) if down else 1)
    shown: dict[int, int] = {}
    for sibling in siblings:
        if (value := _integer(sibling.attributes.get("value"))) is not None:
            number = value
        shown[sibling.mem_id] = number
        number += -1 if down else 1
    numbers = [shown[item.mem_id] for item in items]
    return None if numbers == list(range(1, len(items) + 1)) else numbers


def _integer(value: str | None) -> int | None:
    """An attribute's integer as HTML reads it: ASCII digits after any spaces and a sign, up to the first other
    character ("7", " -2", "5th"); None for none ("¹", "--5": no number to ``int()``, whatever ``isdigit()`` says)."""
    found = _HTML_INTEGER.match(value or "")
    return int(found.group(1)) if found else None


def _inside_list_item(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == "li":
            return True
        parent = parent.parent
    return False


def _lists(page: Page, index: BlockIndex) -> list[_List]:
    """Every outermost list with text inside the article, in page order."""
    found = []
    for node in page.tree.css("ol, ul"):
        first, last = index.first(node), index.last(node)
        if first is None or last is None or not index.blocks[first].in_article or _inside_list_item(node):
            continue
        elements = [li for li in node.iter() if li.tag == "li"]
        spans = [(index.first(li), index.last(li)) for li in elements]
        labelled = _labelled([index.blocks[b] for b, _ in spans if b is not None])
        items, kept = [], []
        for li, (b, item_last) in zip(elements, spans, strict=True):
            title = _item_title(index.blocks[b], labelled) if b is not None else ""
            if b is not None and item_last is not None and title:
                items.append((title, b, item_last + 1))
                kept.append(li)
        linked = any(li.css_first("a[href]") is not None for li in kept)
        found.append(_List(node.tag or "", items, first, last, shown_numbers(kept), linked))
    return sorted(found, key=lambda found_list: found_list.first)


def _runs(lists: list[_List], blocks: list[Block]) -> list[list[_List]]:
    """Lists of one kind with nothing but headings between them (or labels: see _label), as runs."""
    runs: list[list[_List]] = []
    for found in lists:
        before = runs[-1][-1] if runs else None
        between = blocks[before.last + 1 : found.first] if before else []
        if before and before.tag == found.tag and all(_label(block) for block in between):
            runs[-1].append(found)
        else:
            runs.append([found])
    return runs


def _label(block: Block) -> bool:
    """A heading, or a short line all in bold that heads what follows as one ("<p><strong>John Wick</strong></p>")."""
    if block.tag in HEADINGS:
        return True
    return len(block.lines) == 1 and bold_label(block.lines[0])


def bold_label(line: Line) -> bool:
    """A short line all in bold: a label over what follows ("<b>August 10, 2011</b>", "<strong>John Wick</strong>")."""
    return bool(line.bold) and line.bold == line.text and len(line.text) <= _MAX_LABEL


def _group(blocks: list[Block], found: _List) -> str | None:
    heading = blocks[found.first - 1] if found.first > 0 else None
    return heading.text if heading is not None and _label(heading) else None


def _first_fit(run: list[_List], count: int) -> list[_List] | None:
    """The first lists of a run, in a row, that hold ``count`` items between them, opening and closing
    with a list that has items; None when no such part exists. Later parts of the run would score the
    same as the first, so only the first is sought: by prefix sums, as a run may hold thousands of lists."""
    totals = list(accumulate((len(one.items) for one in run), initial=0))
    for start, one in enumerate(run):
        end = bisect_left(totals, totals[start] + count)
        if one.items and end < len(totals) and totals[end] == totals[start] + count:
            return run[start:end]
    return None


def promised_lists(page: Page, index: BlockIndex, every: bool = True, plain: bool = False) -> list[Candidate]:
    """Where the title promises a list and names no count ("Die besten Filme des Jahrtausends", "Pixar movies
    ranked"), ``every`` list of the article (or run of lists under sub-headings) long enough to be one, of short names
    all different (not a list of sentences: a review's points), ranked by the numbers a browser shows before them;
    else its numbered lists (``<ol>``) and those a line naming films leads in, and with ``plain``, its bulleted lists of
    plain names, no item a link (a menu's are all links)."""
    blocks = index.blocks
    kept = [
        one
        for one in _lists(page, index)
        if every or one.tag == "ol" or (plain and not one.linked) or _led_in(blocks, one)
    ]
    found = []
    runs: list[list[_List]] = []
    for run in _runs(kept, blocks):
        if run[0].tag == "ol":  # each numbers a ranking of its own (a top 13, then a top 10 of Canadian films)
            runs.extend([one] for one in run)
        else:
            runs.append(_film_sections(run, blocks))
    for run in runs:
        titled = [
            (title, b, after, _group(blocks, one) if len(run) > 1 else None)
            for one in run
            for title, b, after in one.items
        ]
        titles = [title for title, _, _, _ in titled]
        if (
            len(titles) < _MIN_UNCOUNTED
            or len(set(titles)) < _DISTINCT * len(titles)
            or any(len(title) > _MAX_UNCOUNTED_NAME for title in titles)
        ):
            continue
        ranks = run[0].shown if len(run) == 1 and run[0].shown else range(1, len(titles) + 1)
        items = [
            Item(rank, title, b, 0, rank_inferred=True, group=group, end=after)
            for rank, (title, b, after, group) in zip(ranks, titled, strict=True)
        ]
        found.append(Candidate(run[0].tag, items, _UNCOUNTED_CONFIDENCE[run[0].tag]))
    return found


def _film_sections(run: list[_List], blocks: list[Block]) -> list[_List]:
    """A run of lists under headings naming media ("Books", "Films", "Music", "TV": a year's favourites of every
    kind), as the lists under the film and TV headings; any other run as it is."""
    labels = [_group(blocks, one) for one in run]
    films = [one for one, label in zip(run, labels, strict=True) if label is not None and named_by_medium(label)]
    return films if None not in labels and 0 < len(films) < len(run) else run


def _led_in(blocks: list[Block], found: _List) -> bool:
    """The article's line right before the list ends in a colon and names films or shows in the plural ("In no
    particular order, the best movies released this year that I saw in the cinema were:")."""
    lead = blocks[found.first - 1] if found.first > 0 else None
    return lead is not None and lead.in_article and lead.text.rstrip().endswith(":") and names_films(lead.text)


def list_candidates(page: Page, index: BlockIndex, count: int) -> list[Candidate]:
    """Each run of lists (one list, or split ones) whose first fitting part holds as many items as the
    title promises."""
    blocks = index.blocks
    found = []
    for run in _runs(_lists(page, index), blocks):
        part = _first_fit(run, count)
        if part is None:
            continue
        titled = [
            (title, b, after, _group(blocks, one) if len(part) > 1 else None)
            for one in part
            for title, b, after in one.items
        ]
        ranks = part[0].shown if len(part) == 1 and part[0].shown else range(1, len(titled) + 1)
        items = [
            Item(rank, title, b, 0, rank_inferred=True, group=group, end=after)
            for rank, (title, b, after, group) in zip(ranks, titled, strict=True)
        ]
        found.append(Candidate(part[0].tag, items, _CONFIDENCE[part[0].tag]))
    return found
