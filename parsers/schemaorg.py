"""schema.org Movie / TVSeries / TVEpisode JSON-LD, on any site.

:func:`movie_fields` turns one film object into ``FilmPage`` fields; it serves
both the generic parser here (Rotten Tomatoes, Letterboxd, Wikipedia-like
pages) and the IMDb Next.js parser, whose pages carry the same JSON-LD.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from selectolax.lexbor import LexborNode

from .countries import country_code
from .dates import parse_date
from .detect import FILM_TYPES, film_item
from .imdb.common import co_id, nm_id, runtime_minutes, tt_id
from .jsonld import text_value, text_values, types_of
from .opinions import merge
from .page import Page, site_host
from .records import Aka, Company, FilmPage, Person, ReleaseDate
from .text import dedupe, find_year, node_text, without_kind
from .visible import (
    class_named_fields,
    header_facts,
    heading_fields,
    labelled_fields,
    linked_companies,
    linked_genres,
    lone_runtime,
    release_rows,
)

# schema.org type → IMDb-style title type, so both sources speak one vocabulary.
_TITLE_TYPES = {
    "Movie": "movie",
    "TVMovie": "tvMovie",
    "TVSeries": "tvSeries",
    "TVMiniSeries": "tvMiniSeries",
    "TVEpisode": "tvEpisode",
}
# schema.org has no film-company type, and a ``publisher``/``provider`` is usually the web site or a
# streaming service: count one as a maker only when its name says it makes films.
_FILM_COMPANY_NAME = re.compile(r"\b(pictures|films?|studios?|productions?|filmproduktion|entertainment)\b", re.I)
# Fields a film page's JSON-LD is expected to give; the rest (companies, keywords …) are often absent.
_EXPECTED = ("title", "year", "genres", "plot", "release_dates", "directors")
# The layouts of a record read from a structured film item (not from labels alone).
ITEM_LAYOUTS = ("schema.org", "microdata")
# What a reader sees is trusted first for these (the JSON-LD may give another country's date, a cut genre list).
_VISIBLE_FIRST = ("release_dates", "runtime_minutes", "genres")
# More distinct films than this at the top level is a list page (a carousel), not one film's page.
_MAX_FILMS_ON_A_FILM_PAGE = 2
# A ``dateCreated`` that is a bare year or run of years ("2007", "2011 - 2018") is the film's production year (ČSFD);
# a full date or timestamp there is when the site's own record was made (Letterboxd, Rotten Tomatoes).
_PRODUCTION_YEARS = re.compile(r"\s*((?:18|19|20)\d\d)(?:\s*[-–]\s*(?:(?:18|19|20)\d\d)?)?\s*")


def _items(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _linked_id(item: Any, id_in: Callable[[str | None], str | None]) -> str | None:
    """An IMDb id (tt, nm or co, as ``id_in`` reads) from an object's ``url``, ``@id`` or ``sameAs`` links."""
    if not isinstance(item, dict):
        return None
    links = [item.get("url"), item.get("@id"), *_items(item.get("sameAs"))]
    return next((found for link in links if isinstance(link, str) and (found := id_in(link))), None)


def _people(value: Any) -> tuple[Person, ...] | None:
    people = []
    for item in _items(value):
        if isinstance(item, dict) and "Organization" in types_of(item):
            continue
        if name := text_value(item):
            people.append(Person(name=name, imdb_id=_linked_id(item, nm_id)))
    return tuple(people) or None


def _companies(obj: dict[str, Any]) -> tuple[Company, ...] | None:
    """``productionCompany``, plus ``publisher``/``provider`` only when typed as a film company."""
    makers = _items(obj.get("productionCompany"))
    makers += [
        item
        for key in ("publisher", "provider")
        for item in _items(obj.get(key))
        if _FILM_COMPANY_NAME.search(text_value(item))
    ]
    companies = []
    for item in makers:
        if name := text_value(item):
            companies.append(Company(name=name, role="production", imdb_id=_linked_id(item, co_id)))
    return tuple(companies) or None


def _event_country(location: Any) -> tuple[str | None, str | None]:
    """A ``releasedEvent.location`` (Country, Place with address, or text) → (code, name as written)."""
    if isinstance(location, list):
        location = location[0] if location else None
    if isinstance(location, dict):
        address = location.get("address")
        if isinstance(address, dict):
            location = address.get("addressCountry") or address.get("name") or location
    name = text_value(location) if location else ""
    return (country_code(name), name) if name else (None, None)


def _release(text: Any, location: Any = None) -> ReleaseDate | None:
    parsed = parse_date(str(text)) if text and not isinstance(text, (dict, list)) else None
    if parsed is None:
        return None
    country, country_name = _event_country(location)
    return ReleaseDate(date=parsed[0], precision=parsed[1], country=country, country_name=country_name)


def _release_dates(obj: dict[str, Any]) -> tuple[ReleaseDate, ...] | None:
    """``releasedEvent`` (with its country), else the film's ``datePublished`` or ``startDate``.

    ``dateCreated`` is never one: sites (Letterboxd, Rotten Tomatoes) give there when their own entry was made.
    """
    events = [
        _release(event.get("startDate") or event.get("datePublished"), event.get("location"))
        for event in _items(obj.get("releasedEvent"))
        if isinstance(event, dict)
    ]
    if dates := tuple(dict.fromkeys(d for d in events if d)):
        return dates
    single = next((d for key in ("datePublished", "startDate") if (d := _release(obj.get(key)))), None)
    return (single,) if single else None


def _texts(value: Any) -> tuple[str, ...] | None:
    return dedupe(text_values(value)) or None


def _akas(value: Any) -> tuple[Aka, ...] | None:
    # Never split on commas: "Crouching Tiger, Hidden Dragon" is one title.
    return tuple(Aka(title=t) for item in _items(value) if (t := text_value(item))) or None


# field → (schema.org keys, first that has a value wins; normaliser of that value)
_FIELDS: dict[str, tuple[tuple[str, ...], Callable[[Any], Any]]] = {
    "title": (("name", "headline"), lambda v: without_kind(text_value(v)) or None),
    "akas": (("alternateName", "alternativeHeadline"), _akas),
    "year_end": (("endDate",), lambda v: find_year(str(v))),
    "genres": (("genre",), _texts),
    "plot": (("description", "abstract"), lambda v: text_value(v) or None),
    "keywords": (("keywords",), _texts),
    "runtime_minutes": (("duration", "timeRequired"), lambda v: runtime_minutes(str(v)) or None),
    "directors": (("director", "directors"), _people),
    "writers": (("creator", "author"), _people),
    "countries": (
        ("countryOfOrigin",),
        lambda v: dedupe([c for t in text_values(v) if (c := country_code(t))]) or None,
    ),
    "languages": (("inLanguage",), _texts),
}


def movie_fields(obj: dict[str, Any]) -> dict[str, Any]:
    """``FilmPage`` keyword arguments read from one schema.org film object; absent fields are left out.

    ``title`` is the object's ``name``: on IMDb that is the original title, elsewhere the site's title.
    """
    out: dict[str, Any] = {}
    for field, (keys, normalise) in _FIELDS.items():
        value = next((obj[k] for k in keys if obj.get(k) not in (None, "", [])), None)
        if value is not None and (normalised := normalise(value)) is not None:
            out[field] = normalised
    years = [_production_year(obj.get("dateCreated"))]
    if dates := _release_dates(obj):
        out["release_dates"] = dates
        years.append(find_year(min(d.date for d in dates)))
    if known := [year for year in years if year]:
        out["year"] = min(known)  # a film is released after it is made: a later date is a re-release
    if companies := _companies(obj):
        out["companies"] = companies
    if imdb_id := _linked_id(obj, tt_id):
        out["imdb_id"] = imdb_id
    if kind := next((_TITLE_TYPES[t] for t in types_of(obj) if t in _TITLE_TYPES), None):
        out["title_type"] = kind
    return out


def _production_year(value: Any) -> int | None:
    match = _PRODUCTION_YEARS.fullmatch(value) if isinstance(value, str) else None
    return int(match.group(1)) if match else None


def film_object(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The one top-level film object a page is about; None when there is none or the page lists many."""
    films = [o for o in objects if types_of(o) & FILM_TYPES and text_value(o.get("name"))]
    if len({text_value(o.get("name")).casefold() for o in films}) > _MAX_FILMS_ON_A_FILM_PAGE:
        return None
    return films[0] if films else None


def has_film(page: Page) -> bool:
    return film_object(page.jsonld) is not None or microdata_film(page) is not None


def _source(url: str | None) -> str:
    return site_host(url) or "schema.org"


def parse_movie(page: Page) -> FilmPage:
    """A film page of any site: its schema.org item (JSON-LD, else microdata) and what the page shows by label
    and heading, merged by ``opinions.merge``. The labelled release dates, runtime and genres come first (a site's
    JSON-LD may give another country's date); the structured item first for the rest; a value only a class name
    marks comes last. ``layout="unknown"`` when none says anything of a film."""
    obj = film_object(page.jsonld)
    kind = "schema.org" if obj is not None else "microdata"
    obj = obj or microdata_film(page)
    labelled = labelled_fields(page)
    named = class_named_fields(page, labelled)
    header = header_facts(page)
    shown = obj or labelled or named or header  # the page shows a film's facts
    visible = {k: v for k, v in labelled.items() if k in _VISIBLE_FIRST}
    # a table of releases by country says more than a labelled date without one (or the JSON-LD's year)
    if shown and not any(date.country for date in visible.get("release_dates", ())) and (rows := release_rows(page)):
        visible["release_dates"] = rows
    fields, sources, conflicts = merge(
        (
            ("page", visible),
            ("jsonld" if kind == "schema.org" else kind, movie_fields(obj) if obj else {}),
            # the heading is evidence of nothing: it names a film only on a page that shows a film's facts
            ("page", header | labelled | heading_fields(page) if shown else {}),
            ("page", named),
        )
    )
    if "runtime_minutes" not in fields and shown and (minutes := lone_runtime(page)):
        fields["runtime_minutes"], sources["runtime_minutes"] = minutes, "page"
    if "companies" not in fields and shown and (companies := linked_companies(page)):
        fields["companies"], sources["companies"] = companies, "page"
    if "genres" not in fields and shown and (genres := linked_genres(page)):
        fields["genres"], sources["genres"] = genres, "page"
    dates = fields.get("release_dates")
    if dates and fields.get("year") is None:
        fields["year"] = find_year(min(d.date for d in dates))
    layout = kind if obj is not None else ("labels" if labelled or named or header else "unknown")
    return FilmPage(
        kind="title",
        url=page.url,
        layout=layout,
        source=_source(page.url),
        missing=tuple(f for f in _EXPECTED if f not in fields),
        sources=tuple(sorted(sources.items())),
        conflicts=conflicts,
        **fields,
    )


def _scope_of(node: LexborNode) -> int | None:
    """The ``mem_id`` of the item ``node`` belongs to (nodes compare by their serialised HTML: ids are cheap)."""
    parent = node.parent
    while parent is not None and "itemscope" not in parent.attributes:
        parent = parent.parent
    return parent.mem_id if parent is not None else None


def _microdata_value(node: LexborNode) -> Any:
    if "itemscope" in node.attributes:  # a nested item (a director): its name
        name = next((n for n in node.css("[itemprop=name]") if _scope_of(n) == node.mem_id), None)
        return {"name": node_text(name if name is not None else node)}
    attributes = node.attributes
    return attributes.get("content") or attributes.get("datetime") or node_text(node)


def microdata_film(page: Page) -> dict[str, Any] | None:
    """The page's schema.org film item in microdata (``itemtype=…/Movie`` and ``itemprop`` values) as the object
    JSON-LD would give: extruct would read it too, but through a second parse of the page with lxml."""
    if not page.has("itemtype"):
        return None
    item = next((n for n in page.tree.css("[itemscope][itemtype]") if film_item(n)), None)
    if item is None:
        return None
    obj: dict[str, Any] = {"@type": (item.attributes.get("itemtype") or "").rsplit("/", 1)[-1]}
    for node in item.css("[itemprop]"):
        if node.mem_id == item.mem_id or _scope_of(node) != item.mem_id:
            continue
        value = _microdata_value(node)
        for prop in (node.attributes.get("itemprop") or "").split():
            obj.setdefault(prop, []).append(value)
    return {key: value[0] if isinstance(value, list) and len(value) == 1 else value for key, value in obj.items()}
