"""PLACEHOLDER (helper A replaces): title page layout detection and dispatch."""

from __future__ import annotations

from ..detect import imdb_id_in
from ..page import Page
from ..records import FilmPage


def parse_title(page: Page) -> FilmPage:
    return FilmPage(kind="title", url=page.url, layout="unknown", imdb_id=imdb_id_in(page.url))
