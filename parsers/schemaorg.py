"""PLACEHOLDER (helper B replaces): schema.org Movie/TVSeries JSON-LD on any site."""

from __future__ import annotations

from .detect import FILM_TYPES
from .jsonld import types_of
from .page import Page
from .records import FilmPage


def has_film(page: Page) -> bool:
    return any(types_of(obj) & FILM_TYPES for obj in page.jsonld)


def parse_movie(page: Page) -> FilmPage:
    return FilmPage(kind="title", url=page.url, layout="schema.org", imdb_id=None)
