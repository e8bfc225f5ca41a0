"""IMDb-style metadata pages: the title page in every layout and its sub-pages."""

from .subpages import SUBPAGE_PARSERS
from .title import parse_title

__all__ = ["SUBPAGE_PARSERS", "parse_title"]
