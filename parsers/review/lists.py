"""Lists the markup draws as lists: ``<ol>`` and ``<ul>``, alone or split under sub-headings.

One article list is often cut into several ``<ul>``s under sub-headings ("Beer": 7 links, "Wine":
8 links); lists of one kind that follow each other with only headings between them are read as one,
each entry grouped under its sub-heading. Only a list (or run of lists) whose length is the count
the title promises is a candidate: bulleted lists are everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from ..page import Page
from .blocks import HEADINGS, Block, BlockIndex
from .candidates import Candidate, Item

_LABEL = re.compile(r"^(?P<label>[^:]{2,60}):\s")
_CONFIDENCE = {"ol": 0.7, "ul": 0.55}  # a bulleted list is less surely the article's list than headings are


@dataclass(slots=True)
class _List:
    tag: str
    items: list[tuple[str, int, int]]  # title, first block, the block after the item
    first: int  # first and last block inside the list
    last: int


def _item_title(block: Block) -> str:
    """The name an item opens with: its bold lead ("<b>Title</b> (1994) – why"), its label ("Title: why"),
    else the whole line when short. A line that is all one link is a name whatever it holds."""
    line = block.lines[0]
    if line.linked:
        return line.text
    if line.bold and len(line.lead()) < len(line.text):
        return line.lead().rstrip(".:")
    label = _LABEL.match(line.text)
    if label:
        return label.group("label")
    return line.text if len(line.text) <= 120 else ""


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
        items = []
        for li in (child for child in node.iter() if child.tag == "li"):
            b, item_last = index.first(li), index.last(li)
            title = _item_title(index.blocks[b]) if b is not None else ""
            if b is not None and item_last is not None and title:
                items.append((title, b, item_last + 1))
        found.append(_List(node.tag or "", items, first, last))
    return sorted(found, key=lambda found_list: found_list.first)


def _runs(lists: list[_List], blocks: list[Block]) -> list[list[_List]]:
    """Lists of one kind with nothing but headings between them, as runs."""
    runs: list[list[_List]] = []
    for found in lists:
        before = runs[-1][-1] if runs else None
        between = blocks[before.last + 1 : found.first] if before else []
        if before and before.tag == found.tag and all(block.tag in HEADINGS for block in between):
            runs[-1].append(found)
        else:
            runs.append([found])
    return runs


def _group(blocks: list[Block], found: _List) -> str | None:
    heading = blocks[found.first - 1] if found.first > 0 else None
    return heading.text if heading is not None and heading.tag in HEADINGS else None


def list_candidates(page: Page, index: BlockIndex, count: int) -> list[Candidate]:
    """Each list, and each run of split lists, that holds as many items as the title promises."""
    blocks = index.blocks
    found = []
    for run in _runs(_lists(page, index), blocks):
        for start in range(len(run)):
            for end in range(start + 1, len(run) + 1):
                part = run[start:end]
                if sum(len(one.items) for one in part) != count:
                    continue
                titled = [
                    (title, b, after, _group(blocks, one) if len(part) > 1 else None)
                    for one in part
                    for title, b, after in one.items
                ]
                items = [
                    Item(rank, title, b, 0, rank_inferred=True, group=group, end=after)
                    for rank, (title, b, after, group) in enumerate(titled, 1)
                ]
                found.append(Candidate(run[0].tag, items, _CONFIDENCE[run[0].tag]))
    return found
