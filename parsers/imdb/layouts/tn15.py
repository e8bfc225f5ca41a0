"""The tn15 layout: the 2008-09 main page and the 2014-17 ``/combined`` view.

Both print ``<div class="info"><h5>Genre:</h5> …</div>``; ``/combined`` wraps each
value in ``div.info-content`` and names its one company under "Company:".
"""

from __future__ import annotations

from . import values
from .engine import Field, Layout
from .fields import LABELLED_FIELDS
from .header import HeaderSpec

FIELDS = (*LABELLED_FIELDS, Field("plot", values.plot, labels=("plot",)))
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

COMBINED = Layout("combined", "#tn15title", "div > h5", HEADER, FIELDS, EXPECTS, requires="div.info > div.info-content")
TN15 = Layout("tn15", "#tn15title", "div > h5", HEADER, FIELDS, EXPECTS)
