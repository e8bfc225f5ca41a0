"""The IMDb title page layouts of 2008-2020, one table each, read by one engine."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from ...page import Page, node_matches
from .engine import Layout, parse_layout
from .main import MAIN
from .reference import REFERENCE
from .tn15 import COMBINED, TN15

# The commonest first: asking a node that is not a layout's marker searches the node's whole
# subtree. /combined before tn15: they share a marker.
LAYOUTS: tuple[Layout, ...] = (MAIN, REFERENCE, COMBINED, TN15)
_MARKERS = ", ".join(dict.fromkeys(layout.marker for layout in LAYOUTS))


def _layout_of(page: Page, header: LexborNode) -> Layout | None:
    """The layout whose marker ``header`` (the page's first marker node) is; one node is never
    the marker of two layouts."""
    for layout in LAYOUTS:
        if node_matches(header, layout.marker) and (
            layout.requires is None or page.tree.css_first(layout.requires) is not None
        ):
            return layout
    return None


def detect_layout(page: Page) -> Layout | None:
    """The layout named by the first marker node of the page.

    A page carries one layout's markers, in its header near the top: a walk that stops
    at the first is cheap, where asking for each layout's markers in turn walks the whole
    tree for every layout the page is not (a walk costs about a quarter of the parse).
    """
    header = page.tree.css_first(_MARKERS)
    return _layout_of(page, header) if header is not None else None


__all__ = ["LAYOUTS", "Layout", "detect_layout", "parse_layout"]
