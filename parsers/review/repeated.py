"""Lists found generically: runs of sibling records of one kind, anywhere in the page.

A record is an element with siblings of its tag and first class (``<li class="poster-container">``,
``<tr>``, ``<div class="row countdown-item">``); at least three make a run. Each record's title is read
from every place pages put one: a heading (its link's text first), a link to a film page (its text, or
its image's ``alt``), ``data-*``/``title``/``aria-label`` attributes, ``img alt`` (poster grids show
titles only there), else its first line. Its rank is the first bare number it holds (a badge before or
after the title, a table's rank column: "#20", "1."), else its position. A run is a candidate only with
evidence that it is a list of films: its own printed ranks, or film links and years; menus and teaser
boxes have neither.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from ..page import Page
from ..text import clean
from .blocks import HEADINGS, BlockIndex
from .candidates import Candidate, Item, numbered_title
from .quality import FILM_LINK, share, title_like

_MIN_RUN = 3
_SCAN = 200  # nodes of a record read at most: records are small, and a broken page must not cost a walk per record
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "select", "button"})
_RANK = re.compile(r"^(?:#|No\.?\s?)?\s*(\d{1,4})\s*[.)]?$")
_YEAR = re.compile(r"^[(\[]?\s*(1[89]\d\d|20\d\d)\s*[)\]]?$")
_TITLE_ATTRIBUTES = ("data-film-name", "data-film-title", "data-title", "data-name", "aria-label", "title", "alt")
_MAX_TITLE = 150
_PROBE = 3
_DIGITS = re.compile(r"\d+")  # "film-poster-497631": one kind of record, whatever its number
_BLOCKS_IN_LINK = HEADINGS | {"p", "div", "li"}


@dataclass(slots=True)
class _Record:
    node: LexborNode
    title: str
    rank: int | None
    year: int | None
    film_link: bool


def _signature(node: LexborNode) -> tuple[str, str]:
    words = (node.attributes.get("class") or "").split(maxsplit=1)
    return node.tag or "", _DIGITS.sub("#", words[0]) if words else ""


def _runs(page: Page) -> list[list[LexborNode]]:
    """Every set of at least three element siblings of one signature, each set in page order."""
    body = page.tree.body
    if body is None:
        return []
    found: list[list[LexborNode]] = []
    for parent in body.traverse(include_text=False):
        if parent.tag in _SKIP:
            continue
        groups: dict[tuple[str, str], list[LexborNode]] = defaultdict(list)
        for child in parent.iter():
            if child.tag and not child.tag.startswith("-") and child.tag not in _SKIP and not _header_row(child):
                groups[_signature(child)].append(child)
        found.extend(members for members in groups.values() if len(members) >= _MIN_RUN)
    return found


def _header_row(node: LexborNode) -> bool:
    """A table row of ``<th>`` cells only: the columns' names, not a record."""
    return node.tag == "tr" and all(cell.tag == "th" for cell in node.iter() if cell.tag in ("td", "th"))


def _attribute_title(node: LexborNode) -> str:
    attributes = node.attributes
    return next((clean(value) for name in _TITLE_ATTRIBUTES if (value := attributes.get(name)) and clean(value)), "")


def _read(record: LexborNode, page: Page) -> _Record | None:
    """The record's title, rank, year and whether it links a film page, from the first nodes it holds."""
    heading = linked = attributed = first_text = ""
    rank = year = None
    film_link = False
    in_heading: LexborNode | None = None
    for seen, node in enumerate(record.traverse(include_text=True)):
        if seen > _SCAN:
            break
        tag = node.tag or ""
        if tag in _SKIP:
            continue
        if tag == "-text":
            text = clean(node.text_content)
            if not text:
                continue
            if (badge := _RANK.match(text)) and rank is None and not _YEAR.match(text):
                rank = int(badge.group(1))
            elif (found := _YEAR.match(text)) and year is None:
                year = int(found.group(1))
            elif not first_text and len(text) > 1:
                first_text = text
            continue
        if tag in HEADINGS and not heading:
            heading, in_heading = clean(node.text(deep=True, separator=" ")), node
        if tag == "a":
            href = node.attributes.get("href") or ""
            # "#cite_note-3": a footnote on this page, not a page of its own.
            is_film = not href.startswith("#") and bool(
                FILM_LINK.search(href) or FILM_LINK.search(page.absolute(href) or "")
            )
            film_link = film_link or is_film
            text = _link_text(node) or _attribute_title(node)
            inside_heading = in_heading is not None and _contains(in_heading, node)
            if text and (inside_heading or is_film) and not linked:
                linked = text
        elif not attributed and (title := _attribute_title(node)) and tag != "a":
            attributed = title
        if FILM_LINK.search(node.attributes.get("data-target-link") or node.attributes.get("data-film-slug") or ""):
            film_link = True
    title = linked or heading or attributed or first_text
    if not title or len(title) > _MAX_TITLE:
        return None
    numbered = numbered_title(title)
    if numbered is not None:
        rank, title = rank if rank is not None else numbered[0], numbered[1]
    elif rank is not None and title.startswith(f"{rank} "):  # "11 My Dress-Up Darling": the badge in the heading
        title = title[len(str(rank)) + 1 :]
    return _Record(record, title, rank, year, film_link)


def _link_text(link: LexborNode) -> str:
    """A link's text; for a link wrapping a whole card (name, original name, country as paragraphs), its first
    paragraph's."""
    first_block = next((node for node in link.traverse(include_text=False) if node.tag in _BLOCKS_IN_LINK), None)
    if first_block is not None and (text := clean(first_block.text(deep=True, separator=" "))):
        return text
    return clean(link.text(deep=True, separator=" "))


def _contains(outer: LexborNode, inner: LexborNode) -> bool:
    node: LexborNode | None = inner
    while node is not None:
        if node.mem_id == outer.mem_id:  # not ==, which compares the two serialised subtrees
            return True
        node = node.parent
    return False


def _printed_ranks(records: list[_Record]) -> bool:
    """Every record has a rank of its own: a chart sorted by another column (release date) prints its
    ranks out of order, so distinct ranks within the list's reach are enough."""
    ranks = [record.rank for record in records]
    known = [rank for rank in ranks if rank is not None]
    return len(known) == len(ranks) and len(set(known)) == len(known) and max(known) <= 2 * len(known) + 10


def _candidate(members: list[LexborNode], page: Page, index: BlockIndex) -> Candidate | None:
    # The first few records tell whether the run can pass (all ranked, or most linking films): a page has
    # hundreds of runs (menus, footers, option lists), and reading each record is the costly part.
    probe = [_read(member, page) for member in members[:_PROBE]]
    if not any(record is not None and record.film_link for record in probe) and any(
        record is None or record.rank is None for record in probe
    ):
        return None
    records = [record for record in probe if record is not None]
    records += [record for member in members[_PROBE:] if (record := _read(member, page)) is not None]
    if len(records) < _MIN_RUN or len(records) < 0.8 * len(members):
        return None
    titles = [record.title for record in records]
    if share([title_like(title) for title in titles]) < 0.8 or len(set(titles)) < 0.8 * len(titles):
        return None
    ranked = _printed_ranks(records)
    films = share([record.film_link for record in records])
    if not (ranked or films >= 0.6):  # years alone mark concerts and events as well as films
        return None
    items = []
    for n, record in enumerate(records, 1):
        first, last = index.first(record.node), index.last(record.node)
        if first is None or last is None:
            continue
        rank = record.rank if ranked and record.rank is not None else n
        items.append(
            Item(rank, record.title, first, 0, not ranked, year=record.year, end=last + 1, film_link=record.film_link)
        )
    if len(items) < _MIN_RUN:
        return None
    in_article = share([index.blocks[item.block].in_article for item in items])
    years = share([record.year is not None for record in records])
    confidence = 0.45 + 0.2 * ranked + 0.2 * films + 0.05 * years + 0.1 * in_article
    return Candidate("records", items, min(confidence, 0.95))


def record_candidates(page: Page, index: BlockIndex) -> list[Candidate]:
    """A candidate for each run of records that shows evidence of being a list of films."""
    return [found for members in _runs(page) if (found := _candidate(members, page, index)) is not None]
