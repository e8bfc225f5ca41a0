"""The IMDb title page layouts of 2008-2020, one table each, read by one engine."""

from __future__ import annotations

from ...page import Page
from .engine import Layout, parse_layout
from .main import MAIN
from .reference import REFERENCE
from .tn15 import COMBINED, TN15

# Most specific first: /combined pages also match tn15, and some views carry txt-blocks.
LAYOUTS: tuple[Layout, ...] = (REFERENCE, COMBINED, TN15, MAIN)


def detect_layout(page: Page) -> Layout | None:
    return next((layout for layout in LAYOUTS if layout.detect(page)), None)


__all__ = ["LAYOUTS", "Layout", "detect_layout", "parse_layout"]
