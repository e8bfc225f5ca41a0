"""Plot Keywords: every keyword as shown, and the page's own count where it prints one."""

from __future__ import annotations

import re

from ...page import Page
from ...records import FilmPage
from ...text import dedupe, node_text, to_int
from ...vocabulary import LINK_FORMS, href_has
from ..common import clean_keyword, is_navigation
from ._base import detect_layout, film_page

_FORMS = LINK_FORMS["keywords"]
# Per layout: (the block that lists the keywords, the element that prints the count; tn15 prints none). The
# links inside are read by every era's keyword link forms (/keyword/mafia, /search/keyword?keywords=mafia).
_SELECTORS: dict[str, tuple[str, str | None]] = {
    "tn15": ("#tn15content", None),
    "2014": ("#keywords_content", "#keywords_content .desc"),
    "nextjs": ('[data-testid^="sub-section"]', ".ipc-title__subtext"),
    "unknown": ("body", None),  # a layout no selector knows: the page's keyword links, wherever they are
}
_SHOWING = re.compile(r"(?:showing all\s*)?(\d[\d,]*)\s*(?:plot\s*)?keywords?\b|^\s*(\d[\d,]*)\s*$", re.I)


def _total(page: Page, selector: str | None) -> int | None:
    for node in page.tree.css(selector) if selector else []:
        if match := _SHOWING.search(node_text(node)):
            return to_int(match.group(0))
    return None


def _keywords(page: Page, layout: str) -> tuple[tuple[str, ...] | None, int | None]:
    if layout not in _SELECTORS:
        return None, None
    block_sel, total_sel = _SELECTORS[layout]
    links = [link for block in page.tree.css(block_sel) for link in block.css("a[href]")]
    shown = [clean_keyword(node_text(link)) for link in links if href_has(link.attributes["href"] or "", _FORMS)]
    # a keyword listed twice (the page's own repeat) counts once
    return dedupe([k for k in shown if k and not is_navigation(k)]) or None, _total(page, total_sel)


def parse_keywords(page: Page) -> FilmPage:
    layout = detect_layout(page)
    keywords, total = _keywords(page, layout)
    if keywords is None:  # the block not where the layout's selectors look (its classes renamed)
        keywords = _keywords(page, "unknown")[0]
    return film_page(page, "keywords", layout, ("keywords",), keywords=keywords, keywords_total=total)
