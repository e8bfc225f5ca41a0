"""IMDb's own schema.org JSON-LD, as ``FilmPage`` fields: the second opinion every IMDb layout is checked against;
and its microdata, the one a page of no known layout can still be read by."""

from __future__ import annotations

from typing import Any

from ..jsonld import jsonld_objects
from ..page import Page
from ..schemaorg import film_object, microdata_film, movie_fields

# The fields microdata gives in attributes written for machines, not in the text around them.
_MACHINE_VALUES = frozenset({"runtime_minutes", "release_dates"})


def jsonld_fields(page: Page) -> dict[str, Any]:
    """IMDb's JSON-LD: ``name`` is the original title and ``alternateName`` the display title; {} for a page
    without JSON-LD (every page before 2017)."""
    # IMDb writes its JSON-LD in <head> (2017 on): reading it there spares a walk of the whole tree.
    head = page.tree.head
    obj = film_object(jsonld_objects(head)) if head is not None else None
    if obj is None:
        return {}
    fields = movie_fields(obj)
    if original := fields.pop("title", None):
        fields["original_title"] = original
    akas = fields.pop("akas", None)
    if display := akas[0].title if akas else original:
        fields["title"] = display
    return fields


def microdata_fields(page: Page) -> dict[str, Any]:
    """The runtime and release date the 2011-2017 pages mark for machines (``<time itemprop="duration"
    datetime="PT142M">``, ``<meta itemprop="datePublished" content="1999-03-31">``): they survive a redesign that
    renames every class the layouts are told apart by. Not the item's other values: an ``itemprop`` there marks a
    whole labelled box ("Genres: Action | Thriller"), which the page's labels read better. {} for a page without."""
    obj = microdata_film(page)
    fields = movie_fields(obj) if obj else {}
    return {name: value for name, value in fields.items() if name in _MACHINE_VALUES}
