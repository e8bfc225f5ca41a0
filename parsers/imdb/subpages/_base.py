"""What every IMDb sub-page parser shares: layout detection, the header (id, title, year),
section scanning and the record assembly that fills ``missing``.

Three layout families: "tn15" (2008-13: ``#tn15title`` / ``#tn15content``), "2014"
(2014-2020: ``.subpage_title_block`` over ``#<kind>_content``) and "nextjs" (2021+:
``__NEXT_DATA__`` ``contentData`` and ``data-testid="sub-section-…"`` blocks).
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterator
from typing import Any

from selectolax.lexbor import LexborNode

from ...detect import canonical_url, imdb_id_in
from ...page import Page, node_matches
from ...records import FilmPage
from ...text import clean, find_year, node_text, strip_quotes
from ..common import tt_id
from ..next_data import next_data_script

_PARENS = re.compile(r"\(([^()]*)\)")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# Header selectors per layout: (title link, year text). Next.js pages name the film in
# ``contentData.entityMetadata``; the hero subtitle is the fallback for the title only.
_HEADER: dict[str, tuple[str, str | None]] = {
    "tn15": ("#tn15title h1 a.main", "#tn15title h1 span"),
    "2014": (".subpage_title_block h3 a", ".subpage_title_block h3 .nobr"),
    "nextjs": ('[data-testid="subtitle"]', None),
}


def detect_layout(page: Page) -> str:
    """The layout family of a sub-page, or "unknown"."""
    tree = page.tree
    if tree.css_first('[data-testid^="sub-section"]') is not None or content_data(page):
        return "nextjs"
    if tree.css_first("#tn15title, #tn15content") is not None:
        return "tn15"
    if tree.css_first(".subpage_title_block") is not None:
        return "2014"
    return "unknown"


def content_data(page: Page) -> dict[str, Any]:
    """``props.pageProps.contentData`` of ``__NEXT_DATA__`` ({} where absent or invalid)."""
    script = next_data_script(page)
    if script is None:
        return {}
    try:
        data = json.loads(script.text())
    except (ValueError, RecursionError):  # broken, or nested deeper than the decoder goes
        return {}
    found = data.get("props", {}).get("pageProps", {}).get("contentData") if isinstance(data, dict) else None
    return found if isinstance(found, dict) else {}


def header(page: Page, layout: str) -> tuple[str | None, str | None, int | None]:
    """(imdb_id, display title, year) from the page header, the URL and the canonical link."""
    title = year = None
    meta = content_data(page).get("entityMetadata") if layout == "nextjs" else None
    title_sel, year_sel = _HEADER.get(layout, _HEADER["2014"])
    if isinstance(meta, dict):
        title = clean((meta.get("titleText") or {}).get("text")) or None
        year = (meta.get("releaseYear") or {}).get("year")
    if layout in _HEADER:
        title = title or strip_quotes(node_text(page.tree.css_first(title_sel))) or None
        year = year or (find_year(node_text(page.tree.css_first(year_sel))) if year_sel else None)
    link = page.tree.css_first(title_sel)
    imdb_id = (
        imdb_id_in(page.url)
        or imdb_id_in(canonical_url(page))
        or (meta or {}).get("id")
        or tt_id(link.attributes.get("href") if link is not None else None)
    )
    return imdb_id, title, year if isinstance(year, int) else None


# Per layout: (section root, heading, item) selectors of a sub-page whose items sit under headings.
Sections = dict[str, tuple[str, str, str]]
# A layout no selector knows: every heading of the page; a parser keeps the sections whose heading it knows.
ANY_HEADING = "h1, h2, h3, h4, h5, h6"


def sections(
    page: Page, layout: str, selectors: Sections, known: Collection[str] = ()
) -> Iterator[tuple[str, LexborNode]]:
    """(heading text, item) for every item under a heading, in document order; nothing for a
    layout ``selectors`` does not name. One rule for every layout: an item belongs to the last
    heading before it, wherever it nests. Under a layout no selector knows (``ANY_HEADING``), only the
    sections whose heading, in snake_case, is ``known``: the page's other headings are its own."""
    if layout not in selectors:
        return
    root_sel, heading_sel, item_sel = selectors[layout]
    root = page.tree.css_first(root_sel)
    if root is None:
        return
    heading = ""
    for node in root.css(f"{heading_sel}, {item_sel}"):
        if node_matches(node, heading_sel):
            heading = node_text(node)
            if layout == "unknown" and snake(heading) not in known:
                heading = ""
        elif heading:
            yield heading, node


def text_after(item: LexborNode, link: LexborNode) -> str:
    """The text of an item after its link: "(2007) (USA) (TV)", "(1968) The shot of …"."""
    full, own = node_text(item), node_text(link)
    at = full.find(own) if own else -1
    return full[at + len(own) :].strip() if at >= 0 else full


def paren_notes(text: str | None) -> str | None:
    """ "(Westwood, California) (premiere)" → "Westwood, California; premiere"."""
    notes = [clean(inner) for inner in _PARENS.findall(text or "")]
    return "; ".join(n for n in notes if n) or None


def snake(heading: str) -> str:
    """ "Featured in" → "featured_in", "Spin-off from" → "spin_off_from", "Features (1)" → "features"
    (2014-era headings carry the section's item count)."""
    return re.sub(r"[^a-z0-9]+", "_", re.sub(r"\(\d[\d,]*\)", "", clean(heading)).casefold()).strip("_")


def is_heading(node: LexborNode) -> bool:
    return node.tag in _HEADINGS


def film_page(page: Page, kind: str, layout: str, expected: tuple[str, ...], **fields: Any) -> FilmPage:
    """The record: header fields plus ``fields``; ``missing`` lists the expected fields not
    found, and a page where none was found matched no known layout of this kind."""
    imdb_id, title, year = header(page, layout)
    values: dict[str, Any] = {"imdb_id": imdb_id, "title": title, "year": year, **fields}
    missing = tuple(name for name in ("imdb_id", "title", *expected) if values.get(name) is None)
    if all(values.get(name) is None for name in expected):
        layout = "unknown"
    return FilmPage(kind=kind, url=page.url, layout=layout, missing=missing, **values)
