"""The tn15 layout: the 2008-09 main page and the 2014-17 ``/combined`` view.

Both print ``<div class="info"><h5>Genre:</h5> …</div>``; ``/combined`` wraps each
value in ``div.info-content`` and names its one company under "Company:".
"""

from __future__ import annotations

from . import values
from .engine import Field, Layout
from .header import HeaderSpec

FIELDS = (
    Field("genres", values.genres, labels=("genre", "genres")),
    Field("plot", values.plot, labels=("plot", "plot outline")),
    Field("keywords", values.keywords, labels=("plot keywords",)),
    Field("keywords_total", values.keywords_total, labels=("plot keywords",)),
    Field("release_dates", values.release_dates, labels=("release date",)),
    Field("companies", values.companies, labels=("company", "companies", "production co")),
    Field("connections", values.connections, labels=("movie connections", "connections")),
    Field("runtime_minutes", values.runtime, labels=("runtime",)),
    Field("countries", values.countries, labels=("country", "countries")),
    Field("languages", values.languages, labels=("language", "languages")),
    Field("directors", values.people, labels=("director", "directors")),
)
HEADER = HeaderSpec(
    root=("#tn15title",),
    title=("h1",),
    # span.title-extra also holds "TV series 2007-" on series pages: only the marked line counts.
    original_title=("span.title-extra",),
    year=("h1 > span",),
    title_type=("h1 > span",),
)
EXPECTS = (
    "imdb_id", "title", "year", "genres", "plot", "keywords",
    "release_dates", "companies", "connections", "runtime_minutes",
)  # fmt: skip

COMBINED = Layout(
    "combined", "#tn15title", "div.info > h5", HEADER, FIELDS, EXPECTS, requires="div.info > div.info-content"
)
TN15 = Layout("tn15", "#tn15title", "div.info > h5", HEADER, FIELDS, EXPECTS)
