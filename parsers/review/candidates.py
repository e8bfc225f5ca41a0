"""List candidates in the block stream: numbered lines, and runs of unnumbered headings.

A numbered list is the longest chain of lines whose printed numbers step by one (up or down), in
page order, whatever markup each line uses: real pages mix ``<h3>``, ``<p>`` and bold paragraphs
inside one list. Unnumbered headings only count when the title promises how many there are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .blocks import HEADINGS, Block, Line

# "10. Title", "10) Title", "10: Title", "10 – Title", "#10 Title", "No. 10: Title", "3.Title".
_NUMBER = re.compile(r"^(?P<prefix>#|No\.?|Nr\.?|№)?\s*(?P<n>\d{1,3})(?![\d/])(?P<rest>.*)$", re.S)
_SEPARATOR = re.compile(r"^(?:\s*[.):,]|\s+[-–—]|\s*[–—])\s*(?P<title>.+)$", re.S)
_LOOK_BACK = 60  # a chain step may skip this many numbered lines of other lists or stray numbers
_MAX_GAP = 12  # printed lists skip numbers (a missing item 6, jokes 158 → 168)
_ITEM_HEADINGS = ("h2", "h3", "h4", "h5")
_MIN_UNCOUNTED_RUN = 5  # headings that make a list when the title promises one but names no count


@dataclass(slots=True)
class Item:
    rank: int
    title: str  # as printed, number removed; cleaned later
    block: int  # index of the block in the stream
    line: int  # index of the line in the block
    rank_inferred: bool = False
    group: str | None = None
    year: int | None = None  # from a table's year column, where the title carries none


@dataclass(slots=True)
class Candidate:
    shape: str
    items: list[Item]
    confidence: float


def numbered_title(text: str) -> tuple[int, str] | None:
    """ "10. Inside North Korea (2007)" → (10, "Inside North Korea (2007)"); None when no list number opens it."""
    match = _NUMBER.match(text)
    if not match:
        return None
    rest = match.group("rest")
    separated = _SEPARATOR.match(rest)
    if separated:
        title = separated.group("title")
        # "5.5-inch", "1,000": a digit glued to the separator is a decimal, not a title.
        if re.match(r"^[.,]\d", rest):
            return None
    elif match.group("prefix") and rest[:1].isspace():
        title = rest.strip()
    else:
        return None
    return (int(match.group("n")), title.strip()) if title.strip() else None


def _line_item(line: Line) -> tuple[int, str] | None:
    found = numbered_title(line.text)
    if found is None and line.number_apart and (apart := re.match(r"(\d+)\s+(?!of\b|/)(\w.*)$", line.text)):
        found = int(apart.group(1)), apart.group(2)
    if found and line.bold:
        in_bold = numbered_title(line.bold)
        # "<strong>1. Question?</strong> Answer": the bold run is the item, the rest its text.
        if in_bold and in_bold[0] == found[0] and len(in_bold[1]) > 1:
            return in_bold
    return found


def _kind(block: Block, line: Line) -> tuple[str, bool]:
    return block.tag, bool(line.bold)


def _numbered_lines(blocks: list[Block]) -> list[tuple[Item, tuple[str, bool]]]:
    found = []
    for b, block in enumerate(blocks):
        for n, line in enumerate(block.lines):
            hit = _line_item(line)
            if hit:
                found.append((Item(hit[0], hit[1], b, n), _kind(block, line)))
    return found


def _best_chain(found: list[tuple[Item, tuple[str, bool]]], start: int = 0) -> list[int]:
    """Indices (into ``found``, from ``start``) of the best chain counting up or down by one."""
    if start >= len(found):
        return []
    # score[j][d], prev[j][d]: best chain ending at j going up (d=0) or down (d=1).
    score = [[1.0, 1.0] for _ in found]
    prev: list[list[int | None]] = [[None, None] for _ in found]
    for j in range(start, len(found)):
        item, kind = found[j]
        for i in range(max(start, j - _LOOK_BACK), j):
            before, kind_before = found[i]
            step = item.rank - before.rank
            same = 0.25 if kind == kind_before else 0.0
            for d, sign in ((0, 1), (1, -1)):
                if step * sign == 1:
                    gain = 1.0 + same
                elif 1 < step * sign <= _MAX_GAP:
                    gain = 0.5 + same - 0.02 * step * sign
                elif step == 0 and i == j - 1 and kind == kind_before:  # a tie: two entries, one printed rank
                    gain = 0.6
                else:
                    continue
                if score[i][d] + gain > score[j][d]:
                    score[j][d], prev[j][d] = score[i][d] + gain, i
    best_j, best_d = max(((j, d) for j in range(start, len(found)) for d in (0, 1)), key=lambda jd: score[jd[0]][jd[1]])
    indices: list[int] = []
    cursor: int | None = best_j
    while cursor is not None:
        indices.append(cursor)
        cursor = prev[cursor][best_d]
    return indices[::-1]


def _group_heading(blocks: list[Block], b: int) -> str | None:
    return next((blocks[k].text for k in range(b - 1, -1, -1) if blocks[k].tag in HEADINGS), None)


def numbered_chain(blocks: list[Block]) -> Candidate | None:
    """The best chain of numbered lines that count up or down by one (gaps and ties allowed).

    A second chain of the same length and markup right after it ("Top 5", then "Flop 5") is the
    same article's next sub-list: its entries follow on, ranked after the first's."""
    found = _numbered_lines(blocks)
    indices = _best_chain(found)
    if len(indices) < 3:
        return None
    ranks = [found[i][0].rank for i in indices]
    if min(ranks) > 1 and len(indices) < 5:
        return None
    chains = [indices]
    while (following := _best_chain(found, chains[-1][-1] + 1)) and [found[i][0].rank for i in following] == ranks:
        # Same markup, other names: a sub-list. Same names: a table of contents and its sections.
        same_kinds = [found[i][1] for i in following] == [found[i][1] for i in indices]
        if not same_kinds or {found[i][0].title for i in following} == {found[i][0].title for i in indices}:
            break
        chains.append(following)
    items = []
    for part, chain in enumerate(chains):
        group = _group_heading(blocks, found[chain[0]][0].block) if len(chains) > 1 else None
        for i in chain:
            item = found[i][0]
            item.rank += part * len(chain)
            item.group = group
            items.append(item)
    kinds = {found[i][1] for chain in chains for i in chain}
    shape = "numbered-headings" if all(k[0] in HEADINGS for k in kinds) else "numbered-paragraphs"
    return Candidate(shape, items, min(0.95, 0.6 + 0.05 * len(items)))


def _heading_line(block: Block) -> str:
    """The text of a block that reads as a heading: a real heading, or a paragraph whose first line is all bold."""
    first = block.lines[0]
    if block.tag in _ITEM_HEADINGS or (first.bold and first.bold == first.text and block.tag in ("p", "div", "li")):
        return first.text if len(first.text) <= 120 else ""
    return ""


def heading_run(blocks: list[Block], count: int | None) -> Candidate | None:
    """``count`` unnumbered headings in a row inside the article (the title promised that many), ranked
    by order; with no count (a "best of" title), the longest run of at least five."""
    runs: dict[str, list[list[int]]] = {}
    level_of = {tag: int(tag[1]) for tag in HEADINGS}
    for b, block in enumerate(blocks):
        text = _heading_line(block)
        if block.tag in HEADINGS:
            # A heading of a higher level closes the runs of lower ones ("What to read next" over teasers).
            for tag, tag_runs in runs.items():
                closes = level_of[block.tag] < level_of[tag] if tag in level_of else block.tag == "h1"
                if closes and tag_runs[-1]:
                    tag_runs.append([])
        if not text or not block.in_article or not _has_content_after(blocks, b):
            continue
        kind = block.tag if block.tag in HEADINGS else "bold"
        runs.setdefault(kind, [[]])[-1].append(b)
        if block.tag in _ITEM_HEADINGS:  # one list may mix heading levels (four <h3>s and an <h2>)
            runs.setdefault("any-heading", [[]])[-1].append(b)
    # A run of one repeated line ("See it now:") is a widget, not a list.
    # With no count to check against, only headings of one level make a list.
    all_runs = [
        run
        for kind, tag_runs in runs.items()
        if count or kind in HEADINGS
        for run in tag_runs
        if len({_heading_line(blocks[b]).casefold() for b in run}) >= 0.8 * len(run)
    ]
    if count is None:
        best = max(all_runs, key=len, default=[])
        if len(best) < _MIN_UNCOUNTED_RUN:
            return None
    else:
        fitting = [run for run in all_runs if len(run) == count]
        if not fitting:
            return None
        best = max(fitting, key=lambda run: sum(_content_length(blocks, b) for b in run))
    items = [Item(n, _heading_line(blocks[b]), b, 0, rank_inferred=True) for n, b in enumerate(best, 1)]
    return Candidate("unnumbered-headings", items, 0.6)


def _has_content_after(blocks: list[Block], b: int) -> bool:
    """Text follows before the next heading (a bold "See it now:" line in between is no heading)."""
    if len(blocks[b].lines) > 1:
        return True
    for block in blocks[b + 1 : b + 4]:
        if block.tag in HEADINGS:
            return False
        if not _heading_line(block):
            return True
    return False


def _content_length(blocks: list[Block], b: int) -> int:
    total = 0
    for block in blocks[b + 1 : b + 8]:
        if _heading_line(block):
            break
        total += len(block.text)
    return total
