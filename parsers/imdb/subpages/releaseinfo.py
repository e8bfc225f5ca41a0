"""Release Info: every release row (date, country, notes) and every AKA title."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

from selectolax.lexbor import LexborNode

from ...countries import country_code
from ...dates import release_date_from_text
from ...page import Page
from ...records import Aka, FilmPage, ReleaseDate
from ...text import node_text
from ._base import detect_layout, film_page, paren_notes

# The 2020-22 layout's AKA rows (``tr.aka-item``) and the 2014-19 table; tn15's table is found by its anchor.
_AKA_ROWS = "table#akas tr, tr.aka-item"
_NEXT_ITEMS = '[data-testid="sub-section-{}"] li.ipc-metadata-list__item'
_NEXT_LABEL = ".ipc-metadata-list-item__label"
_NEXT_VALUE = ".ipc-metadata-list-item__list-content-item"
_NEXT_SUBTEXT = ".ipc-metadata-list-item__list-content-item--subText"


def _region(cell: LexborNode) -> str | None:
    link = cell.css_first('a[href*="region="]')
    query = parse_qs(urlsplit(link.attributes.get("href") or "").query) if link is not None else {}
    return query.get("region", [None])[0]


def release_row(date_text: str, country_text: str, note_text: str, region: str | None) -> ReleaseDate | None:
    """One release row as a ReleaseDate; the country cell is the country even where its
    name is not one ``country_code`` knows (the name is then kept, the code left to the link)."""
    found = release_date_from_text(f"{date_text} ({country_text}) {note_text}", region=region)
    if found is not None and country_text and found.country_name is None:
        found = replace(found, country_name=country_text, note=paren_notes(note_text))
    return found


def _cells(row: LexborNode) -> list[LexborNode]:
    """A row's own cells (a nested table's cells are not the row's)."""
    cells = []
    child = row.child
    while child is not None:
        if child.tag in ("td", "th"):
            cells.append(child)
        child = child.next
    return cells


def _table_release_dates(page: Page) -> tuple[ReleaseDate, ...] | None:
    """Release rows of the pre-2023 layouts, read by meaning rather than by one layout's ids: every table
    row "country | date | notes" (tn15's plain table, 2014's ``#release_dates``, 2020-22's
    ``release-date-item`` rows) of a table where most rows read so; the AKA table (country | title) is not."""
    by_table: dict[int, tuple[int, list[ReleaseDate]]] = {}
    for row in page.tree.css("tr"):
        cells = _cells(row)
        if len(cells) < 2:
            continue
        notes = " ".join(node_text(cell) for cell in cells[2:])
        date = release_row(node_text(cells[1]), node_text(cells[0]), notes, _region(cells[0]))
        table = row.parent.parent if row.parent is not None and row.parent.tag == "tbody" else row.parent
        key = table.mem_id if table is not None else 0
        rows, dates = by_table.get(key, (0, []))
        by_table[key] = (rows + 1, [*dates, date] if date else dates)
    found = [date for rows, dates in by_table.values() if len(dates) * 2 > rows for date in dates]
    return tuple(found) or None  # a page with no dated row has no release table


def _next_release_dates(page: Page) -> tuple[ReleaseDate, ...] | None:
    items = page.tree.css(_NEXT_ITEMS.format("releases"))
    if not items:
        return None
    found = []
    for item in items:
        label = item.css_first(_NEXT_LABEL)
        if label is None:
            continue
        values = [node_text(n) for n in item.css(_NEXT_VALUE)]
        notes = " ".join(node_text(n) for n in item.css(_NEXT_SUBTEXT))
        if values and (date := release_row(values[0], node_text(label), notes, _region(item))):
            found.append(date)
    return tuple(found)


def aka_country(cell_text: str) -> tuple[str | None, str | None]:
    """ "Belgium (French title)" → ("BE", "French title"); "(original title)" → (None, "original title");
    "World-wide (English title)" → (None, "English title")."""
    name = cell_text.split("(", 1)[0].strip()
    return (country_code(name) if name else None), paren_notes(cell_text)


def _akas_table(page: Page) -> tuple[Aka, ...] | None:
    rows = page.tree.css(_AKA_ROWS)
    if not rows:
        return None
    found = []
    for row in rows:
        cells = _cells(row)
        if len(cells) >= 2 and (title := node_text(cells[1])):
            country, note = aka_country(node_text(cells[0]))
            found.append(Aka(title=title, country=country, note=note))
    return tuple(found)


def _akas_tn15(page: Page) -> tuple[Aka, ...] | None:
    """The inverted tn15 table: "title | country / country (qualifier) / …", one Aka per pair."""
    anchor = page.tree.css_first('a[name="akas"]')
    table = anchor.parent.next if anchor is not None and anchor.parent is not None else None
    while table is not None and table.tag != "table":
        table = table.next
    if table is None:
        return None
    found = []
    for row in table.css("tr"):
        cells = row.css("td")
        if len(cells) >= 2 and (title := node_text(cells[0])):
            for part in node_text(cells[1]).split(" / "):
                country, note = aka_country(part)
                found.append(Aka(title=title, country=country, note=note))
    return tuple(found)


def _next_akas(page: Page) -> tuple[Aka, ...] | None:
    items = page.tree.css(_NEXT_ITEMS.format("akas"))
    if not items:
        return None
    found = []
    for item in items:
        label = node_text(item.css_first(_NEXT_LABEL))
        notes = " ".join(node_text(n) for n in item.css(_NEXT_SUBTEXT))
        for value in item.css(_NEXT_VALUE):
            if value.css_matches(_NEXT_SUBTEXT) or not (title := node_text(value)):
                continue
            country, note = aka_country(f"{label} {notes}")
            found.append(Aka(title=title, country=country, note=note))
    return tuple(found)


def parse_releaseinfo(page: Page) -> FilmPage:
    layout = detect_layout(page)
    if layout == "nextjs":
        release_dates, akas = _next_release_dates(page), _next_akas(page)
    else:
        release_dates = _table_release_dates(page)
        akas = _akas_tn15(page) if layout == "tn15" else _akas_table(page)
    if release_dates and layout == "unknown":
        layout = "table"  # rows read by meaning on a page of no known layout
    return film_page(page, "releaseinfo", layout, ("release_dates", "akas"), release_dates=release_dates, akas=akas)
