"""Lists the markup declares as lists: JSON-LD ``ItemList``, ``<ol>``, tables with a title column.
Also what a page declares about itself: the film a review reviews, its rating, the next page."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from selectolax.lexbor import LexborNode

from ..jsonld import first_of_type, text_value, types_of
from ..page import Page
from ..text import clean, find_year, node_text, to_int
from .blocks import HEADINGS, Block
from .candidates import Candidate, Item

_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")
_TITLE_COLUMN = re.compile(r"^(film|title|movie|name|series|show|album|book|game|titel|nom|título)s?$", re.I)
_RANK_COLUMN = re.compile(r"^(#|no\.?|nr\.?|rank(ing)?|pos\.?|position|place|rang|platz)$", re.I)
_YEAR_COLUMN = re.compile(r"^(year|released?|release date|jahr|année|año)$", re.I)
_LABEL = re.compile(r"^(?P<label>[^:]{2,60}):\s")
_NEXT_TEXT = re.compile(r"^(next( page)?|page 2|nächste seite|page suivante|siguiente)\s*[›»>→]?$", re.I)
_REVIEW_TITLE = re.compile(r"^[‘'\"“]?(?P<name>.+?)[’'\"”]?\s+(?:review|recensione|kritik|critique)\b", re.I)


def _scripts_jsonld(page: Page) -> Iterator[Any]:
    """JSON-LD blocks, including those the shared loader skips (wrapped in ``<![CDATA[ … ]]>``)."""
    yield from page.jsonld
    for script in page.tree.css('script[type="application/ld+json"]'):
        raw = script.text(deep=True)
        if "CDATA" in raw:
            try:
                yield json.loads(_CDATA.sub("", raw.strip()), strict=False)
            except json.JSONDecodeError:
                continue


def _item_lists(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        for item in value:
            yield from _item_lists(item)
    elif isinstance(value, dict):
        if "ItemList" in types_of(value) and isinstance(value.get("itemListElement"), list):
            yield value
        for key, inner in value.items():
            if key != "itemListElement" and isinstance(inner, (dict, list)):
                yield from _item_lists(inner)


def _headline_for(page: Page, url: str) -> str:
    """The text the page shows for a link to ``url``: a linked heading first, else the longest link text."""
    best = ""
    for anchor in page.tree.css("a[href]"):
        if page.absolute(anchor.attributes.get("href")) != url:
            continue
        text = node_text(anchor)
        parent = anchor.parent
        if text and parent is not None and (parent.tag in HEADINGS or anchor.css_first("h2, h3, h4")):
            return text
        best = max(best, text, key=len)
    return best


def itemlist_candidate(page: Page) -> Candidate | None:
    """The page's JSON-LD ItemList, in position order, every item named (from JSON or from the page)."""
    for item_list in (found for block in _scripts_jsonld(page) for found in _item_lists(block)):
        items: list[Item] = []
        for n, element in enumerate(item_list["itemListElement"], 1):
            if not isinstance(element, dict):
                continue
            inner: dict[str, Any] = element["item"] if isinstance(element.get("item"), dict) else {}
            name = text_value(element.get("name") or inner.get("name"))
            url = element.get("url") or inner.get("url") or inner.get("@id") or element.get("item")
            if not name and isinstance(url, str):
                name = _headline_for(page, page.absolute(url) or url)
            if not name:
                break  # an item the page cannot name: this list is not the article's
            rank = to_int(str(element.get("position", ""))) or n
            items.append(Item(rank, name, -1, 0))
        else:
            if len(items) >= 2:
                items.sort(key=lambda item: item.rank)
                return Candidate("itemlist-jsonld", items, 0.98)  # the page's own statement of its list
    return None


def _first_block(node: LexborNode, index_of: dict[LexborNode, int]) -> int | None:
    for inner in node.traverse(include_text=False):
        if inner in index_of:
            return index_of[inner]
    return None


def _ol_title(block: Block) -> str:
    line = block.lines[0]
    if line.bold and len(line.bold) < len(line.text):
        return line.bold.rstrip(".:")
    label = _LABEL.match(line.text)
    if label:
        return label.group("label")
    return line.text if len(line.text) <= 120 else ""


def _ordered_lists(page: Page, blocks: list[Block], index_of: dict[LexborNode, int], count: int) -> list[Candidate]:
    found = []
    for ol in page.tree.css("ol"):
        items = []
        for n, li in enumerate((c for c in ol.iter() if c.tag == "li"), 1):
            b = _first_block(li, index_of)
            title = _ol_title(blocks[b]) if b is not None else ""
            if b is not None and title:
                items.append(Item(n, title, b, 0, rank_inferred=True))
        if len(items) == count:
            found.append(Candidate("ol", items, 0.7))
    return found


def _header_cells(table: LexborNode) -> list[str]:
    row = table.css_first("thead tr") or table.css_first("tr")
    return [node_text(cell) for cell in row.iter() if cell.tag in ("th", "td")] if row is not None else []


def _tables(page: Page, blocks: list[Block], index_of: dict[LexborNode, int]) -> list[Candidate]:
    found = []
    for table in page.tree.css("table"):
        header = _header_cells(table)
        column = {
            role: next((i for i, text in enumerate(header) if pattern.match(clean(text))), None)
            for role, pattern in (("title", _TITLE_COLUMN), ("rank", _RANK_COLUMN), ("year", _YEAR_COLUMN))
        }
        title_col = column["title"]
        if title_col is None:
            continue
        items: list[Item] = []
        for row in table.css("tr")[1:]:
            cells = [cell for cell in row.iter() if cell.tag in ("th", "td")]
            if len(cells) != len(header):
                continue
            b = _first_block(cells[title_col], index_of)
            if b is None:
                continue
            rank_col, year_col = column["rank"], column["year"]
            rank = to_int(node_text(cells[rank_col])) if rank_col is not None else None
            year = find_year(node_text(cells[year_col])) if year_col is not None else None
            items.append(Item(rank or len(items) + 1, blocks[b].lines[0].text, b, 0, rank is None, year=year))
        if len(items) >= 3:
            found.append(Candidate("table", items, 0.75))
    return found


def structured_candidates(page: Page, blocks: list[Block], count: int | None) -> list[Candidate]:
    index_of: dict[LexborNode, int] = {}
    for n, block in enumerate(blocks):
        index_of.setdefault(block.node, n)
    found = _tables(page, blocks, index_of)
    if count:
        found.extend(_ordered_lists(page, blocks, index_of, count))
    return found


def review_facts(page: Page, title: str | None) -> tuple[str | None, str | None]:
    """A single review's subject and rating: JSON-LD ``Review`` first, else "X review" in the title."""
    review = first_of_type(page.jsonld, "Review") or {}
    name = text_value(review.get("itemReviewed")) or None
    rating = review.get("reviewRating")
    shown = None
    if isinstance(rating, dict) and rating.get("ratingValue") is not None:
        best = rating.get("bestRating")
        shown = f"{text_value(rating['ratingValue'])}/{text_value(best)}" if best else text_value(rating["ratingValue"])
    if name is None and title:
        match = _REVIEW_TITLE.match(title)
        name = match.group("name") if match else None
    return name, shown


def next_page_url(page: Page) -> str | None:
    """``<link rel=next>``, else a "Next" / "Page 2" pagination link."""
    node = page.tree.css_first('link[rel="next"], a[rel="next"]')
    if node is not None and node.attributes.get("href"):
        return page.absolute(node.attributes.get("href"))
    for anchor in page.tree.css(".pagination a, .page-links a, .post-page-numbers, .nav-links a, a.next"):
        if _NEXT_TEXT.match(node_text(anchor)):
            return page.absolute(anchor.attributes.get("href"))
    return None
