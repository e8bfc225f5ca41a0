"""The main title page of 2011-2020: ``div.txt-block`` / ``div.see-more`` blocks with ``h4`` labels.

The header changed three times (``h1.header`` 2011-13, ``span[itemprop=name]``
2014, ``div.title_wrapper`` 2015-20); each selector list names all three, so one
table reads them all.
"""

from __future__ import annotations

from . import values
from .engine import Field, Layout
from .fields import LABELLED_FIELDS
from .header import HeaderSpec

FIELDS = (
    *LABELLED_FIELDS,
    Field(
        "plot",
        values.plot,
        selectors=(".summary_text", "[itemprop=description]", "#overview-top > p", "#titleStoryLine p"),
    ),
)
HEADER = HeaderSpec(
    # the 2011-14 and 2015-20 title blocks, inside the overview of both
    root=("#title-overview-widget, #overview-top", ".title_wrapper, #overview-top"),
    # then any <h1>: the title's heading in every era, whatever its classes become
    title=(
        "h1.header > [itemprop=name]",
        "h1[itemprop=name]",
        ".title_wrapper h1",
        "h1.header",
        "h1 > [itemprop=name]",
        "h1",
    ),
    original_title=("span.title-extra", "div.originalTitle", "h1 span", "h1 ~ div"),  # then what sits by the <h1>
    year=("#titleYear", "h1.header > span", ".title_wrapper .subtext a[href*=releaseinfo]"),
    title_type=(".infobar", ".subtext", "h1.header > span"),
    genre_chips=".infobar a[href*='/genre/'], .subtext a[href*='/genre/']",
    runtime=".infobar time[datetime], .subtext time[datetime], .infobar",
)
EXPECTS = (
    "imdb_id", "title", "year", "genres", "plot", "keywords",
    "release_dates", "companies", "connections", "runtime_minutes",
)  # fmt: skip

MARKER = "h1.header, div.title_wrapper, #title-overview-widget, div.txt-block"
MAIN = Layout("main-2011", MARKER, "h4", HEADER, FIELDS, EXPECTS)
