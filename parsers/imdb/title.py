"""The IMDb title page: detect its layout and hand the page to that layout's parser.

Next.js pages (2021 on) have their own parser; the 2008-2020 layouts are tables
read by one engine (``layouts``). A page of no known layout still gives a record:
``layout="unknown"``, read as any page is (its title, labelled blocks, JSON-LD), with every contract field it
lacks listed in ``missing``.

Detection is checked by its result: a record that carries under half of the core fields is compared with
what the page's other readers make of it (the other layouts whose marks it carries, the Next.js reader, the
page's schema.org JSON-LD), and the fullest record wins. Saved pages mix layouts (a 2021 page saved with
parts of the old one, several documents in one file), and a wrong guess must not cost the page's facts.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from ..dates import release_date_from_text
from ..opinions import merge
from ..page import Page
from ..records import TITLE_CONTRACT_KEYS, FilmPage, ReleaseDate
from ..visible import class_named_fields, labelled_fields
from . import nextjs
from .layouts import LAYOUTS, detect_layout, parse_layout
from .layouts.engine import header_fields, page_imdb_id
from .layouts.header import document_title, read_header
from .layouts.main import MAIN
from .next_data import next_data_script
from .structured import jsonld_fields, microdata_fields


def _unknown(page: Page) -> FilmPage:
    """A page of no known layout: what any IMDb title page says however it is drawn (its heading and ``<title>``,
    the blocks its labels name, its JSON-LD, its microdata), each field it lacks in ``missing``. Only where its
    ``<title>`` is an IMDb title's: at a title's address, a bot wall's challenge ("<noscript><h1>JavaScript is
    disabled</h1>"), an error page or another site's page has a heading that names no film."""
    named = document_title(page)
    values: dict[str, Any] = {"imdb_id": page_imdb_id(page)}
    if named:
        # the main layout's header, whose last resorts are any <h1> and what sits by it, then IMDb's <title>
        labelled = labelled_fields(page)
        values = labelled | class_named_fields(page, labelled) | header_fields(page, read_header(page, MAIN.header))
        if not values.get("release_dates") and (linked := _release_link(page)):
            values["release_dates"] = (linked,)
        # a known layout prints no type for a plain film; here only the <title> (or the JSON-LD) names one
        values["title_type"] = named.get("title_type")
    readings = (
        ("page", values),
        ("jsonld", jsonld_fields(page)),
        ("microdata", microdata_fields(page) if named else {}),
    )
    merged, sources, conflicts = merge(readings)
    missing = tuple(key for key in TITLE_CONTRACT_KEYS if merged.get(key) is None)
    return FilmPage(
        kind="title",
        url=page.url,
        layout="unknown",
        missing=missing,
        sources=tuple(sorted(sources.items())),
        conflicts=conflicts,
        **merged,
    )


def _release_link(page: Page) -> ReleaseDate | None:
    """The date a link to the title's release dates reads ("<a href="/title/tt0095016/releaseinfo">20 Jul 1988
    (USA)</a>": the header's date in every layout since 2010), where no label names one."""
    for link in page.tree.css('a[href*="releaseinfo"]'):
        if date := release_date_from_text(link.text(deep=True)):
            return date
    return None


def detected_reading(page: Page) -> FilmPage:
    """The record of the detected layout alone, before any fallback is tried."""
    if next_data_script(page) is not None:
        return nextjs.parse_nextjs(page)
    if (layout := detect_layout(page)) is not None:
        return parse_layout(page, layout)
    return nextjs.parse_nextjs(page) if nextjs.is_nextjs(page) else _unknown(page)


def _other_readers(page: Page, first: FilmPage) -> list[Callable[[], FilmPage]]:
    readers: list[Callable[[], FilmPage]] = [
        partial(parse_layout, page, layout)
        for layout in LAYOUTS
        if layout.name != first.layout and page.tree.css_first(layout.marker) is not None
    ]
    if not first.layout.startswith("nextjs") and nextjs.is_nextjs(page):
        readers.append(partial(nextjs.parse_nextjs, page))
    return readers


def parse_title(page: Page, fallback: Callable[[Page], FilmPage | None] | None = None) -> FilmPage:
    """The page's record by its detected layout, or, where that reads under half of the core fields, the
    fullest of every reader's (``fallback``: a reader of the page's own structured data, such as JSON-LD,
    None where the page has none)."""
    record = detected_reading(page)
    if not record.mostly_unread:
        return record
    readers: list[Callable[[], FilmPage | None]] = [*_other_readers(page, record)]
    if fallback is not None:
        readers.append(partial(fallback, page))
    for read in readers:
        other = read()
        if other is not None and other.core_fields_found > record.core_fields_found:
            record = other
    return record
