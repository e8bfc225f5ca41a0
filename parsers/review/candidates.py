"""Numbered lists in the block stream, and the records every list candidate is made of.

A numbered list is the longest chain of lines whose printed numbers step by one (up or down), in
page order, whatever markup each line uses: real pages mix ``<h3>``, ``<p>`` and bold paragraphs
inside one list.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise

from ..dates import only_a_date
from .blocks import HEADINGS, Block, Line
from .quality import steps_by_one

# "10. Title", "10) Title", "10: Title", "10 – Title", "#10 Title", "No. 10: Title", "Number 10: Title", "3.Title",
# "1º Title", "2.ª Title".
_NUMBER = re.compile(
    r"^(?:(?P<prefix>#|No\.?|Nr\.?|№)|(?P<word>(?i:number|nummer|num[ée]ro|n[úu]mero)\s)|(?P<bracket>[(\[]))?"
    r"\s*(?P<n>\d{1,3})(?![\d/])(?P<rest>.*)$",
    re.S,
)
# and "1.)", "5).": two marks where a writer types both; Chinese and Japanese "1、", "1．", "1）"
_SEPARATOR = re.compile(r"^(?:\s*(?:\.?[ºª]|[.):,\]、．）][.)]?)|\s+[-–—]|\s*[–—])\s*(?P<title>.+)$", re.S)
# Chinese numbering in characters, one to ninety-nine, before its mark ("一、", "十二：", "三十四．"): a mark is needed,
# as "一部" ("one film") opens sentences
_CJK_NUMBER = re.compile(r"^(?P<n>[一二三四五六七八九十]{1,3})[、：:．]\s*(?P<title>\S.*)$", re.S)
# a place with its unit, as Japanese, Korean and Chinese rankings print it ("1位", "第3位", "2위", "第10名"); "名" only
# after "第": alone it counts people ("1名様")
_PLACE = re.compile(r"^(?:第\s*(?P<nth>\d{1,3})\s*[位名]|(?P<n>\d{1,3})\s*[位위])[\s:：.、．]*(?P<title>\S.*)$", re.S)
# a number in a circle or a bracket, one character ("①", "⑩", "❶", "⑴", "⒈"), as Japanese, Korean and Chinese lists
# number their entries
_ENCLOSED = re.compile(
    r"^(?P<n>[\u2460-\u249b\u24eb-\u24fe\u2776-\u2793\u3251-\u325f\u32b1-\u32bf])[\s.:：、．]*(?P<title>\S.*)$", re.S
)
_CJK_DIGITS = {c: n for n, c in enumerate("一二三四五六七八九", 1)}
RANK_BADGE = re.compile(r"^(?:#|No\.?\s?)?(\d{1,3})\.?$")
_LOOK_BACK = 60  # a chain step may skip this many numbered lines of other lists or stray numbers
_MAX_GAP = 12  # printed lists skip numbers (a missing item 6, jokes 158 → 168)
_SHORT_LINE = 80  # a line standing alone this short is a heading in all but its markup
_PROSE = 200  # a block this long is a paragraph of prose, not a heading's or a record's line


@dataclass(slots=True)
class Item:
    rank: int
    title: str  # as printed, number removed; cleaned later
    block: int  # index of the block in the stream
    line: int  # index of the line in the block
    rank_inferred: bool = False
    group: str | None = None
    year: int | None = None  # from a table's year column, where the title carries none
    end: int | None = None  # the block after the item's own element (a list item, a cell): its text stops there
    film_link: bool = False  # its record links a film or show page (read where the link is no text of a line)


@dataclass(slots=True)
class Candidate:
    shape: str
    items: list[Item]
    confidence: float
    films_declared: bool = False  # the markup names the entries films or shows (a table's "Film" column)


def unranked(items: list[Item]) -> bool:
    """No item prints its rank: each is ranked by its place."""
    return all(item.rank_inferred for item in items)


def item_line(blocks: list[Block], item: Item) -> Line | None:
    """The line an item's name stands on, or None for an item with no text of its own (a JSON-LD entry)."""
    return blocks[item.block].lines[item.line] if 0 <= item.block < len(blocks) else None


def numbered_title(text: str, brackets: bool = False) -> tuple[int, str] | None:
    """ "10. Inside North Korea (2007)" → (10, "Inside North Korea (2007)"); None when no list number opens it.
    With ``brackets``, a number in brackets too ("(7) Title", "[7] Title"): only where a chain of numbers confirms
    it, a film being named so ("(500) Days of Summer")."""
    if place := _PLACE.match(text):
        return int(place.group("nth") or place.group("n")), place.group("title").strip()
    if enclosed := _ENCLOSED.match(text):
        return int(unicodedata.numeric(enclosed.group("n"))), enclosed.group("title").strip()
    match = _NUMBER.match(text)
    if not match:
        return _cjk_numbered(text)
    rest = match.group("rest")
    if (bracket := match.group("bracket")) and (not brackets or not rest.startswith(")" if bracket == "(" else "]")):
        return None
    separated = _SEPARATOR.match(rest)
    if separated:
        title = separated.group("title")
        # "5.5-inch", "1,000", "12:15 PM": a digit glued to the separator is a decimal or a time, not a title;
        # "1—10 из 500", "1 – 10 of 500": a pager's range, not a title ("1 – 2012", a film, stays).
        if re.match(r"^[.,:]\d|^\s*[-–—]\s*\d+\s+(?:of|из|von|de|sur|di|su|z|av|van)\s", rest):
            return None
    elif match.group("prefix") and rest[:1].isspace():
        title = rest.strip()
    else:
        return None
    return (int(match.group("n")), title.strip()) if title.strip() else None


def _cjk_numbered(text: str) -> tuple[int, str] | None:
    """ "三十四：逃离德黑兰" → (34, "逃离德黑兰"); None where no Chinese number of one to ninety-nine opens the text."""
    match = _CJK_NUMBER.match(text)
    if not match:
        return None
    tens, ten, units = match.group("n").rpartition("十")
    if (tens and tens not in _CJK_DIGITS) or len(units) > 1:
        return None
    number = (_CJK_DIGITS.get(tens, 1) * 10 if ten else 0) + (_CJK_DIGITS[units] if units else 0)
    return number, match.group("title").strip()


def _line_item(line: Line, bare: bool = False) -> tuple[int, str] | None:
    """The line's rank and title; with ``bare``, a number a space or a hyphen apart from the title ("10 Caught by the
    Tides", Turkish pages' "2-Yeşil Yol") as well as one in an element of its own (a heading's: chained, the rest of its
    kind confirm it; alone, "3-D Glasses" is a name)."""
    found = numbered_title(line.text, brackets=True)
    if (
        found is None
        and (line.number_apart or bare)
        and (apart := re.match(r"(\d+)(?:\s+|-\s*(?=[^\W\d_]))(?!of\b|/)(\w.*)$", line.text))
    ):
        found = int(apart.group(1)), apart.group(2)
    if found and line.bold:
        in_bold = numbered_title(line.bold, brackets=True)
        # "<strong>1. Question?</strong> Answer": the bold run is the item, the rest its text.
        if in_bold and in_bold[0] == found[0] and len(in_bold[1]) > 1:
            return in_bold
    return found


def _kind(block: Block, line: Line) -> tuple[str, bool]:
    return block.tag, bool(line.bold)


def _numbered_lines(blocks: list[Block]) -> list[tuple[Item, tuple[str, bool]]]:
    found = []
    for b, block in enumerate(blocks):
        if not block.in_article:  # a numbered "Most shared" rail beside the story
            continue
        for n, line in enumerate(block.lines):
            # a number a space apart from the name in a heading, or in a short paragraph over a paragraph of prose, as
            # a heading stands ("<p>10 The Silence of the Lambs</p>", its text below): chained, the rest confirm it
            hit = _line_item(line, bare=block.tag in HEADINGS or _heads_prose(blocks, b))
            if hit:
                found.append((Item(hit[0], hit[1], b, n), _kind(block, line)))
        # A table's rank column is the table candidate's to read, with the table's other columns.
        badge = RANK_BADGE.match(block.text) if len(block.lines) == 1 and block.tag not in ("td", "th") else None
        named = blocks[b + 1] if badge and b + 1 < len(blocks) else None
        # <div class="rank">#5</div><h2>Title</h2>: the rank in a box of its own, the name in the next block.
        if badge and named is not None and len(named.lines[0].text) <= 120 and not _line_item(named.lines[0]):
            found.append((Item(int(badge.group(1)), named.lines[0].text, b + 1, 0), _kind(named, named.lines[0])))
    return found


def _heads_prose(blocks: list[Block], b: int) -> bool:
    """The block is one short line (no date) and the next is a paragraph of prose, as under a heading."""
    block = blocks[b]
    return (
        len(block.lines) == 1
        and len(block.text) <= _SHORT_LINE
        and b + 1 < len(blocks)
        and len(blocks[b + 1].text) > _PROSE
        and not only_a_date(block.text)
    )


def _best_chain(
    found: list[tuple[Item, tuple[str, bool]]], start: int = 0, stop: int | None = None, ties: bool = True
) -> list[int]:
    """Indices (into ``found``, from ``start`` up to ``stop``) of the best chain counting up or down by one."""
    stop = len(found) if stop is None else min(stop, len(found))
    if start >= stop:
        return []
    # score[j][d], prev[j][d]: best chain ending at j going up (d=0) or down (d=1).
    score = {j: [1.0, 1.0] for j in range(start, stop)}
    prev: dict[int, list[int | None]] = {j: [None, None] for j in range(start, stop)}
    for j in range(start, stop):
        item, kind = found[j]
        for i in range(max(start, j - _LOOK_BACK), j):
            before, kind_before = found[i]
            step = item.rank - before.rank
            if step == 0:
                # a tie (two entries, one rank) continues a chain either way
                if not (ties and i == j - 1 and kind == kind_before):
                    continue
                steps: tuple[tuple[int, float], ...] = ((0, 0.6), (1, 0.6))
            elif -_MAX_GAP <= step <= _MAX_GAP:  # a step up continues an ascending chain (d=0), down a countdown
                same = 0.25 if kind == kind_before else 0.0
                gain = 1.0 + same if abs(step) == 1 else 0.5 + same - 0.02 * abs(step)
                steps = ((0 if step > 0 else 1, gain),)
            else:
                continue
            for d, gain in steps:
                if score[i][d] + gain > score[j][d]:
                    score[j][d], prev[j][d] = score[i][d] + gain, i
    best_j, best_d = max(((j, d) for j in range(start, stop) for d in (0, 1)), key=lambda jd: score[jd[0]][jd[1]])
    indices: list[int] = []
    cursor: int | None = best_j
    while cursor is not None:
        indices.append(cursor)
        cursor = prev[cursor][best_d]
    return indices[::-1]


def _headings_before(blocks: list[Block]) -> list[str | None]:
    """For each block, the text of the last heading before it."""
    last: str | None = None
    before = []
    for block in blocks:
        before.append(last)
        if block.tag in HEADINGS:
            last = block.text
    return before


def _back_to_back(blocks: list[Block], items: list[Item]) -> bool:
    """Each item's line directly follows the one before: no item has text of its own."""
    for before, item in pairwise(items):
        next_line = (before.block, before.line + 1)
        if next_line[1] >= len(blocks[before.block].lines):
            next_line = (before.block + 1, 0)
        if (item.block, item.line) != next_line:
            return False
    return True


def numbered_chain(blocks: list[Block], count: int | None) -> Candidate | None:
    """The best chain of numbered lines that count up or down by one (gaps and ties allowed).

    A second chain of the same length and markup right after it ("Top 5", then "Flop 5") is the
    same article's next sub-list: its entries follow on, ranked after the first's."""
    found = _numbered_lines(blocks)
    indices = _best_chain(found)
    # Ties are two entries sharing a rank here and there; a "chain" mostly of one number (a schedule's
    # "0" counts, "1 review" lines) is no ranking: the best chain without ties is sought instead.
    if len({found[i][0].rank for i in indices}) < 0.5 * len(indices):
        indices = _best_chain(found, ties=False)
    # Two numbered lines are a list only when the title promises two; three or more always may be.
    if len(indices) < 3 and not (count is not None and len(indices) == count >= 2):
        return None
    ranks = [found[i][0].rank for i in indices]
    if min(ranks) > 1 and len(indices) < 5:
        return None
    # A run that starts past 1 (a chart's later page: 121, 122, …) counts by one nearly throughout; numbers picked
    # here and there from counts that merely grow (videos in collections: 57, 67, 68, 70, 72) are no ranks.
    if min(ranks) > 1 and steps_by_one(ranks) < 0.5:
        return None
    # "The studio gave three reasons: 1. … 2. … 3. …": a short enumeration inside the prose, not a list of entries.
    if count is None and len(indices) < 5 and _back_to_back(blocks, [found[i][0] for i in indices]):
        return None
    chains = [indices]
    # A sub-list follows right after the one before: it is sought in the numbered lines just after it
    # (room for its own and a few stray numbers), not in the rest of the page, so a page of thousands
    # of short lists costs each one a look at its neighbours only.
    while (following := _best_chain(found, chains[-1][-1] + 1, chains[-1][-1] + 1 + 2 * len(indices) + _MAX_GAP)) and [
        found[i][0].rank for i in following
    ] == ranks:
        # Same markup, other names: a sub-list ("Top 5", then "Flop 5": no film is both). A name of the first again:
        # another ranking of the same things (a page's "most watched" and "highest earning" charts), or a table of
        # contents and its sections.
        same_kinds = [found[i][1] for i in following] == [found[i][1] for i in indices]
        first_names = {found[i][0].title.casefold() for i in indices}
        if not same_kinds or any(found[i][0].title.casefold() in first_names for i in following):
            break
        chains.append(following)
    items = []
    headings = _headings_before(blocks) if len(chains) > 1 else []
    for part, chain in enumerate(chains):
        group = headings[found[chain[0]][0].block] if headings else None
        for i in chain:
            item = found[i][0]
            item.rank += part * len(chain)
            item.group = group
            items.append(item)
    kinds = {found[i][1] for chain in chains for i in chain}
    shape = "numbered-headings" if all(k[0] in HEADINGS for k in kinds) else "numbered-paragraphs"
    return Candidate(shape, items, min(0.95, 0.6 + 0.05 * len(items)))
