"""IMDb's own schema.org JSON-LD, as ``FilmPage`` fields: the second opinion every IMDb layout is checked against."""

from __future__ import annotations

from typing import Any

from ..jsonld import jsonld_objects
from ..page import Page
from ..schemaorg import film_object, movie_fields


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
