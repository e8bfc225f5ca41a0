"""IMDb sub-page parsers by record kind: each handles the tn15 (2008-13), 2014-2020 and Next.js (2021+) layouts."""

from __future__ import annotations

from collections.abc import Callable

from ...page import Page
from ...records import FilmPage
from .companycredits import parse_companycredits
from .connections import parse_connections
from .fullcredits import parse_fullcredits
from .keywords import parse_keywords
from .plotsummary import parse_plotsummary
from .releaseinfo import parse_releaseinfo

SUBPAGE_PARSERS: dict[str, Callable[[Page], FilmPage]] = {
    "releaseinfo": parse_releaseinfo,
    "companycredits": parse_companycredits,
    "keywords": parse_keywords,
    "connections": parse_connections,
    "plotsummary": parse_plotsummary,
    "fullcredits": parse_fullcredits,
}
