"""Plot Keywords: every keyword as shown, and the page's own count where it prints one."""

from __future__ import annotations

import re

from ...page import Page
from ...records import FilmPage
from ...text import dedupe, node_text, to_int
from ..common import clean_keyword, is_navigation
from ._base import detect_layout, film_page

# Per layout: (keyword links, the element that prints the count). tn15 prints no count.
_SELECTORS: dict[str, tuple[str, str | None]] = {
    "tn15": ('#tn15content a[href^="/keyword/"]', None),
    "2014": ('#keywords_content a[href*="/keyword/"]', "#keywords_content .desc"),
    "nextjs": ('[data-testid^="sub-section"] a[href*="keyword"]', ".ipc-title__subtext"),
}
_SHOWING = re.compile(r"(?:showing all\s*)?(\d[\d,]*)\s*(?:plot\s*)?keywords?\b|^\s*(\d[\d,]*)\s*$", re.I)


def _total(page: Page, selector: str | None) -> int | None:
    for node in page.tree.css(selector) if selector else []:
        if match := _SHOWING.search(node_text(node)):
            return to_int(match.group(0))
    return None


def parse_keywords(page: Page) -> FilmPage:
    layout = detect_layout(page)
    keywords = total = None
    if layout in _SELECTORS:
        links_sel, total_sel = _SELECTORS[layout]
        shown = [clean_keyword(node_text(link)) for link in page.tree.css(links_sel)]
        # a keyword listed twice (the page's own repeat) counts once
        keywords = dedupe([k for k in shown if k and not is_navigation(k)]) or None
        total = _total(page, total_sel)
    return film_page(page, "keywords", layout, ("keywords",), keywords=keywords, keywords_total=total)
