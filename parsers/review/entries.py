"""A chosen candidate → ``RankedEntry`` records: clean titles, years, and each entry's own text.

An entry's text runs from its item line to the next item. Each line of it is an attribute
("Type: Informative"), a watch-link line ("Stream on Amazon | Stream on Netflix"), a side note,
or blurb.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..page import Page
from ..records import RankedEntry, WatchLink
from ..text import clean, node_text, strip_quotes
from .blocks import Block, Line
from .candidates import Item
from .links import is_title_page, watch_link

_YEARS = re.compile(r"\s*[(\[]\s*(?P<y>1[89]\d\d|20\d\d)(?:\s*[-–—/]\s*(?P<end>1[89]\d\d|20\d\d)?)?\s*[)\]]\s*$")
_PRICE = re.compile(r"\s+(?:for|at)\s+[$€£]\s?[\d.,]+\s*$|\s*\([$€£]\s?[\d.,]+\)\s*$", re.I)
# A quoted name followed by more ("“Rez Infinite” ($30)"); the closing quote is no apostrophe ("Don’t").
_QUOTED = re.compile(r"^[\"“‘«„]\s*(?P<inner>.+?)\s*[\"”’»“]\s*(?:\([^()]*\))?$")
_ATTRIBUTE = re.compile(r"^(?P<label>[A-Z][\w'’/&-]*(?: [\w'’/&-]+){0,3})\s*:\s+(?P<value>\S.{0,160})$")
_NOTE = re.compile(r"^(?:side note|editor['’]s note|note|update|p\.s\.)\s*:", re.I)
_SEPARATORS = re.compile(r"^[\s|/•·,–—-]*$")


def clean_title(raw: str) -> tuple[str, int | None, int | None]:
    """ "Inside North Korea (2007)" → ("Inside North Korea", 2007, None); quotes, prices, colons dropped."""
    title = clean(raw)
    year = year_end = None
    match = _YEARS.search(title)
    if match:
        year = int(match.group("y"))
        year_end = int(match.group("end")) if match.group("end") else None
        title = title[: match.start()]
    title = _PRICE.sub("", title).rstrip(" :.-–—").strip()
    quoted = _QUOTED.match(title)
    if quoted and len(quoted.group("inner")) < len(title) - 1:
        title = quoted.group("inner")
    return strip_quotes(title).rstrip(" :").strip(), year, year_end


def _is_link_line(line: Line, links: list[WatchLink]) -> bool:
    if not links:
        return False
    rest = line.text
    for link in links:
        rest = rest.replace(link.text, "")
    return bool(_SEPARATORS.match(rest))


class EntryBuilder:
    """Turns items (item lines in the block stream) into entries with their own text."""

    def __init__(self, page: Page, blocks: list[Block]) -> None:
        self.page = page
        self.blocks = blocks

    def _watch_links(self, line: Line) -> list[WatchLink]:
        found = []
        for anchor in line.links:
            url = self.page.absolute(anchor.attributes.get("href"))
            link = watch_link(url, node_text(anchor)) if url else None
            if link:
                found.append(link)
        return found

    def _title_url(self, line: Line) -> str | None:
        for anchor in line.links:
            url = self.page.absolute(anchor.attributes.get("href"))
            if url and is_title_page(url):
                return url
        return None

    def _lines_between(self, start: tuple[int, int], end: tuple[int, int]) -> list[Line]:
        (b0, l0), (b1, l1) = start, end
        lines: list[Line] = []
        for b in range(b0, min(b1, len(self.blocks) - 1) + 1):
            block_lines = self.blocks[b].lines
            first = l0 + 1 if b == b0 else 0
            last = l1 if b == b1 else len(block_lines)
            lines.extend(block_lines[first:last])
        return lines

    def _classify(self, line: Line) -> str:
        if _NOTE.match(line.text):
            return "note"
        if _is_link_line(line, self._watch_links(line)):
            return "links"
        if _ATTRIBUTE.match(line.text):
            return "attribute"
        return "blurb"

    def _last_body(self, tail: list[Line], bodies: list[list[Line]]) -> list[Line]:
        """The last entry stops where its siblings stop (after the same kind of closing line), else
        after as many lines as the longest sibling, so the article's outro is not its blurb."""
        if not bodies:
            return tail
        limit = max(len(body) for body in bodies)
        closing = {self._classify(body[-1]) for body in bodies if body}
        if len(closing) == 1 and closing != {"blurb"}:
            kind = closing.pop()
            limit = min(limit, next((n + 1 for n, line in enumerate(tail) if self._classify(line) == kind), limit))
        return tail[:limit]

    def entry_lines(self, items: list[Item]) -> list[list[Line]]:
        if any(item.block < 0 for item in items):  # names from JSON-LD: no text of their own here
            return [[] for _ in items]
        bodies = [
            self._lines_between((item.block, item.line), (after.block, after.line)) for item, after in pairwise(items)
        ]
        if items:
            last = items[-1]
            bodies.append(self._last_body(self._lines_between((last.block, last.line), (len(self.blocks), 0)), bodies))
        return bodies

    def build(self, items: list[Item]) -> tuple[RankedEntry, ...]:
        entries = []
        for item, body in zip(items, self.entry_lines(items), strict=True):
            title, year, year_end = clean_title(item.title)
            if not title:
                continue
            item_line = self.blocks[item.block].lines[item.line] if 0 <= item.block < len(self.blocks) else None
            attributes, notes, blurb, links = [], [], [], []
            for line in body:
                kind = self._classify(line)
                if kind == "note":
                    notes.append(line.text)
                elif kind == "links":
                    links.extend(self._watch_links(line))
                elif kind == "attribute" and (match := _ATTRIBUTE.match(line.text)):
                    attributes.append((match.group("label"), match.group("value").strip()))
                else:
                    blurb.append(line.text)
            type_value = next((value for label, value in attributes if label.casefold() == "type"), None)
            entries.append(
                RankedEntry(
                    rank=item.rank,
                    title=title,
                    year=year or item.year,
                    year_end=year_end,
                    type=type_value,
                    blurb="\n".join(blurb) or None,
                    links=tuple(links),
                    title_url=self._title_url(item_line) if item_line else None,
                    attributes=tuple(attributes),
                    notes=tuple(notes),
                    rank_inferred=item.rank_inferred,
                    group=item.group,
                )
            )
        return tuple(entries)
