"""One engine for every old layout: a layout is a table (field → label or selector → normaliser).

Fields come from labelled blocks first, then from selectors (values that sit
outside any labelled block, such as the short plot), then from the header. A
field the layout expects but the page lacks is listed in ``missing``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from selectolax.lexbor import LexborNode

from ...detect import canonical_url, imdb_id_in
from ...opinions import merge
from ...page import Page
from ...records import FilmPage
from ..structured import jsonld_fields
from .blocks import Block, Blocks
from .header import Header, HeaderSpec, document_title, read_header

Reader = Callable[[Block], Any]
_RECORD_FIELDS = frozenset(f.name for f in fields(FilmPage))


@dataclass(frozen=True, slots=True)
class Field:
    name: str  # the FilmPage field
    read: Reader
    labels: tuple[str, ...] = ()  # label keys of the blocks that carry it, in preference order
    selectors: tuple[str, ...] = ()  # else: nodes that carry it, tried in order
    # Skip a selector's node that holds a node of this selector: CSS ``:not(:has(…))`` tests the
    # subtree of every candidate in the page before the rest of the selector, ten times the cost.
    unless: str | None = None


@dataclass(frozen=True, slots=True)
class Layout:
    name: str
    marker: str  # CSS selector of the header node that names the layout (see ``detect_layout``)
    labels: str  # CSS selector of the label nodes
    header: HeaderSpec
    fields: tuple[Field, ...]
    expects: tuple[str, ...]  # contract fields every page of this layout should carry
    requires: str | None = None  # a node the page must also have, where two layouts share a marker


def _wanted(node: LexborNode, unless: str | None) -> bool:
    """A node with words (2011 pages open an empty <p> before the plot) and none of ``unless`` inside."""
    return bool(node.text(deep=True).strip()) and (unless is None or node.css_first(unless) is None)


def _first_wanted(page: Page, selector: str, unless: str | None) -> LexborNode | None:
    """The first node of ``selector`` that is ``_wanted``. ``css_first`` stops at its match, where
    ``css`` walks the whole tree: on most pages the first match is the one."""
    first = page.tree.css_first(selector)
    if first is None or _wanted(first, unless):
        return first
    return next((n for n in page.tree.css(selector) if _wanted(n, unless)), None)


def _block_for(page: Page, blocks: Blocks, field: Field) -> Block | None:
    for label in field.labels:
        if (block := blocks.get(label)) is not None:
            return block
    for selector in field.selectors:
        if (node := _first_wanted(page, selector, field.unless)) is not None:
            return Block("", (node,))
    return None


def page_imdb_id(page: Page) -> str | None:
    """The title's id, from the page's canonical address, else the one it was fetched at."""
    return imdb_id_in(canonical_url(page)) or imdb_id_in(page.url)


def header_fields(page: Page, header: Header) -> dict[str, Any]:
    """The page's id and the header's names, years and type; where the header was not found where the layout
    looks (its classes renamed), IMDb's ``<title>``, which says the same in every era and names the type."""
    found = {
        "imdb_id": page_imdb_id(page),
        "title": header.title,
        "original_title": header.original_title,
        "year": header.year,
        "year_end": header.year_end,
        "title_type": header.title_type,
    }
    named = document_title(page) if header.title is None or header.year is None else {}
    for key, value in named.items():
        if found.get(key) is None or (key == "title_type" and header.title is None):
            found[key] = value
    return found


def parse_layout(page: Page, layout: Layout) -> FilmPage:
    blocks = Blocks(page.tree.css(layout.labels))
    values: dict[str, Any] = {}
    for field in layout.fields:
        if values.get(field.name) is None and (block := _block_for(page, blocks, field)) is not None:
            values[field.name] = field.read(block)
    header = read_header(page, layout.header)
    values.update(header_fields(page, header))
    # The title bar is a fallback only: its genres are cut to three and its runtime may differ.
    if values.get("genres") is None:
        values["genres"] = header.genre_chips
    if values.get("runtime_minutes") is None:
        values["runtime_minutes"] = header.runtime_minutes
    # The page's JSON-LD (2017 on) fills what the visible blocks lack; where the two disagree the page is kept.
    merged, sources, conflicts = merge((("page", values), ("jsonld", jsonld_fields(page))))
    # Missing: what the layout should carry, and every field whose label the page shows but whose value was not read.
    shown = blocks.keys & _RECORD_FIELDS
    missing = tuple(name for name in dict.fromkeys((*layout.expects, *sorted(shown))) if merged.get(name) is None)
    return FilmPage(
        kind="title",
        url=page.url,
        layout=layout.name,
        missing=missing,
        sources=tuple(sorted(sources.items())),
        conflicts=conflicts,
        **merged,
    )
