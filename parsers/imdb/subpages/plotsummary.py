"""Plot Summary and Synopsis: the first summary the page shows, without its author's signature."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from ...page import Page
from ...records import FilmPage
from ...text import clean, node_text
from ._base import detect_layout, film_page

# Per layout, the summary blocks in page order (summaries before the synopsis).
_SUMMARIES = {
    "tn15": "#tn15content p.plotpar, #swiki_body .display",
    "2014": "p.plotSummary, #plot-summaries-content > li, #plot-synopsis-content > li:not(#no-synopsis-content)",
    "nextjs": '[data-testid="sub-section-summaries"] li, [data-testid="sub-section-synopsis"] li',
}
_AUTHOR = 'a[href*="plot_author"], [data-testid="author-link"]'
_SIGNATURE_MARK = r"\s*(?:[—–-]+\s*)?(?:written by\s*)?"


def summary_text(block: LexborNode) -> str:
    """The block's text without the trailing "—name" / "Written by name" signature."""
    text = node_text(block)
    author = block.css_first(_AUTHOR)
    name = node_text(author) if author is not None else ""
    if name and (at := text.rfind(name)) >= 0:
        head = text[:at]
        text = re.sub(_SIGNATURE_MARK + r"$", "", head, flags=re.I) + text[at + len(name) :]
    return clean(text)


def parse_plotsummary(page: Page) -> FilmPage:
    layout = detect_layout(page)
    plot = None
    if layout in _SUMMARIES:
        plot = next((text for block in page.tree.css(_SUMMARIES[layout]) if (text := summary_text(block))), None)
    return film_page(page, "plotsummary", layout, ("plot",), plot=plot)
