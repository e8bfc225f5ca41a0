"""Tables that list things: one row per entry under a title column, or, in comparison tables, one
column per entry beside a row labelled "Product" (as ``<table>`` or as a grid of ``<div>``s)."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from ..page import Page
from ..text import clean, find_year, node_text, to_int
from .blocks import BlockIndex
from .candidates import Candidate, Item

_TITLE_COLUMN = re.compile(
    r"^(film|title|movie|name|series|show|album|book|game|product|model|titel|produkt|modell|nom|título)s?$", re.I
)
_RANK_COLUMN = re.compile(r"^(#|no\.?|nr\.?|rank(ing)?|pos\.?|position|place|rang|platz)$", re.I)
_YEAR_COLUMN = re.compile(r"^(year|released?|release date|jahr|année|año)$", re.I)
_CELLS = ("th", "td")
_SECTIONS = ("thead", "tbody", "tfoot")
_MIN_ENTRIES = 3


def _rows(table: LexborNode) -> list[LexborNode]:
    """The table's own rows (in its head, bodies and foot), not those of tables nested in its cells: asking
    each table for every ``tr`` below it is quadratic on a page of nested tables."""
    rows = []
    for child in table.iter():
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in _SECTIONS:
            rows.extend(row for row in child.iter() if row.tag == "tr")
    return rows


def _header_cells(rows: list[LexborNode]) -> list[str]:
    row = next((row for row in rows if row.parent is not None and row.parent.tag == "thead"), rows[0] if rows else None)
    return [_cell_text(cell) for cell in row.iter() if cell.tag in _CELLS] if row is not None else []


def _cell_text(cell: LexborNode) -> str:
    """A cell's text, "" for a cell that holds a table: no label nor rank, and reading each nested table's
    text at every level would be quadratic."""
    return "" if cell.css_first("table") is not None else node_text(cell)


def _element(node: LexborNode | None, step: str) -> LexborNode | None:
    """The nearest element sibling in direction ``step`` ("prev" or "next"), skipping text."""
    while node is not None:
        node = getattr(node, step)
        if node is not None and node.tag and not node.tag.startswith("-"):
            return node
    return None


def _labels_in_first_column(rows: list[LexborNode]) -> bool:
    """Every row opens with a ``<th>`` label and holds only ``<td>``s after it: entries are columns."""
    tags = [[cell.tag for cell in row.iter() if cell.tag in _CELLS] for row in rows]
    return bool(tags) and all(len(row) > 1 and row[0] == "th" and "th" not in row[1:] for row in tags)


def _row_tables(page: Page, index: BlockIndex) -> list[Candidate]:
    """Tables with a title column (and maybe rank and year columns): one entry per row."""
    found = []
    for table in page.tree.css("table"):
        rows = _rows(table)
        if _labels_in_first_column(rows):
            continue
        header = _header_cells(rows)
        column = {
            role: next((i for i, text in enumerate(header) if pattern.match(clean(text))), None)
            for role, pattern in (("title", _TITLE_COLUMN), ("rank", _RANK_COLUMN), ("year", _YEAR_COLUMN))
        }
        title_col = column["title"]
        if title_col is None:
            continue
        items: list[Item] = []
        for row in rows[1:]:
            cells = [cell for cell in row.iter() if cell.tag in _CELLS]
            if len(cells) != len(header):
                continue
            b, last = index.first(cells[title_col]), index.last(row)
            if b is None or last is None:
                continue
            rank_col, year_col = column["rank"], column["year"]
            rank = to_int(_cell_text(cells[rank_col])) if rank_col is not None else None
            year = find_year(_cell_text(cells[year_col])) if year_col is not None else None
            title = index.blocks[b].lines[0].text
            items.append(Item(rank or len(items) + 1, title, b, 0, rank is None, year=year, end=last + 1))
        if len(items) >= _MIN_ENTRIES:
            found.append(Candidate("table", items, 0.75))
    return found


def _cell_item(cell: LexborNode, index: BlockIndex, rank: int) -> Item | None:
    """A comparison cell's entry: the name its one link shows (a badge like "Our pick" may precede
    it), else its first line."""
    b, last = index.first(cell), index.last(cell)
    if b is None or last is None:
        return None
    links = [text for anchor in cell.css("a") if (text := node_text(anchor))]
    title = links[0] if len(links) == 1 else index.blocks[b].lines[0].text
    return Item(rank, title, b, 0, rank_inferred=True, end=last + 1)


def _column_tables(index: BlockIndex) -> list[Candidate]:
    """Comparison tables whose entries are columns: a row opening with a "Product" label cell, its
    sibling cells the entries, and at least one more row of the same width below or above it."""
    found = []
    for block in index.blocks:
        if len(block.lines) != 1 or not _TITLE_COLUMN.match(block.text):
            continue
        row = block.node.parent
        if row is None:
            continue
        cells = [child for child in row.iter() if child.tag and not child.tag.startswith("-")]
        if (
            cells[0].mem_id != block.node.mem_id
            or len(cells) - 1 < _MIN_ENTRIES
            or len({cell.tag for cell in cells[1:]}) != 1
        ):
            continue
        siblings = [node for node in (_element(row, "prev"), _element(row, "next")) if node is not None]
        if not any(len([c for c in sibling.iter() if c.tag == cells[1].tag]) >= len(cells) - 1 for sibling in siblings):
            continue
        items = [item for rank, cell in enumerate(cells[1:], 1) if (item := _cell_item(cell, index, rank))]
        if len(items) >= _MIN_ENTRIES:
            found.append(Candidate("table-columns", items, 0.65))
            break  # a page repeats its comparison table (desktop and mobile copies): the first is the list
    return found


def table_candidates(page: Page, index: BlockIndex) -> list[Candidate]:
    return [*_row_tables(page, index), *_column_tables(index)]
