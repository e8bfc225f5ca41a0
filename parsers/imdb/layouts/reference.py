"""The ``/reference`` view of 2017-2020: ``ipl-zebra-list`` rows and ``ipl-header`` sections.

The release date is the header's inline item (the view has no Release Date row)
and Production Companies is a whole section with the role after each link.
"""

from __future__ import annotations

from . import values
from .engine import Field, Layout
from .fields import LABELLED_FIELDS
from .header import HeaderSpec

# The overview's short credits ("Director: <ul>…</ul>"), for a page without the crew list's "Directed by".
_OVERVIEW_DIRECTORS = ", ".join(
    f'.titlereference-section-overview > div.titlereference-overview-section:lexbor-contains("{label}")'
    for label in ("Director:", "Directors:")
)
FIELDS = (
    *LABELLED_FIELDS,
    # Series pages open the overview with a season list; the credits follow in labelled divs.
    Field(
        "plot",
        values.plot,
        selectors=(".titlereference-section-overview > div:not(.titlereference-overview-section)",),
        unless="a[href*=episodes]",
    ),
    Field(
        "release_dates",
        values.release_dates,
        selectors=(".titlereference-header li.ipl-inline-list__item a[href*=releaseinfo]",),
    ),
    Field("directors", values.people, selectors=(_OVERVIEW_DIRECTORS,)),
)
HEADER = HeaderSpec(
    root=(".titlereference-header",),
    title=("h3[itemprop=name]",),
    original_title=(),
    year=(".titlereference-title-year",),
    title_type=("ul.ipl-inline-list",),
    genre_chips="li.ipl-inline-list__item a[href*='/genre/']",
    runtime="li.ipl-inline-list__item",
)
EXPECTS = (
    "imdb_id", "title", "year", "genres", "plot", "keywords",
    "release_dates", "companies", "connections", "runtime_minutes",
)  # fmt: skip

MARKER = ".titlereference-header, table.titlereference-list"
REFERENCE = Layout("reference", MARKER, "td.ipl-zebra-list__label, header.ipl-header", HEADER, FIELDS, EXPECTS)
