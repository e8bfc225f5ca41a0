"""The IMDb title page: detect its layout and hand the page to that layout's parser.

Next.js pages (2021 on) have their own parser; the 2008-2020 layouts are tables
read by one engine (``layouts``). A page of no known layout still gives a record:
``layout="unknown"`` with every contract field it lacks listed in ``missing``.
"""

from __future__ import annotations

from ..detect import canonical_url, imdb_id_in
from ..page import Page
from ..records import TITLE_CONTRACT_KEYS, FilmPage
from . import nextjs
from .layouts import detect_layout, parse_layout
from .next_data import next_data_at_end


def _unknown(page: Page) -> FilmPage:
    imdb_id = imdb_id_in(canonical_url(page)) or imdb_id_in(page.url)
    missing = tuple(key for key in TITLE_CONTRACT_KEYS if not (key == "imdb_id" and imdb_id))
    return FilmPage(kind="title", url=page.url, layout="unknown", imdb_id=imdb_id, missing=missing)


def parse_title(page: Page) -> FilmPage:
    """Next.js pages are known by the ``__NEXT_DATA__`` script at the end of ``<body>`` without a
    walk of the tree; other pages by their first layout marker (``detect_layout``); a page with
    neither may still show the Next.js hero heading (saved without its scripts)."""
    if next_data_at_end(page) is not None:
        return nextjs.parse_nextjs(page)
    if (layout := detect_layout(page)) is not None:
        return parse_layout(page, layout)
    return nextjs.parse_nextjs(page) if nextjs.is_nextjs(page) else _unknown(page)
