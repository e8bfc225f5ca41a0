"""PLACEHOLDER (helper C replaces): sub-page parsers by kind."""

from __future__ import annotations

from collections.abc import Callable

from ...detect import imdb_id_in
from ...page import Page
from ...records import FilmPage


def _placeholder(kind: str) -> Callable[[Page], FilmPage]:
    def parse(page: Page) -> FilmPage:
        return FilmPage(kind=kind, url=page.url, layout="unknown", imdb_id=imdb_id_in(page.url))

    return parse


SUBPAGE_PARSERS: dict[str, Callable[[Page], FilmPage]] = {
    kind: _placeholder(kind)
    for kind in ("releaseinfo", "companycredits", "keywords", "connections", "plotsummary", "fullcredits")
}
