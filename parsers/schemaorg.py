"""schema.org Movie / TVSeries / TVEpisode JSON-LD, on any site.

:func:`movie_fields` turns one film object into ``FilmPage`` fields; it serves
both the generic parser here (Rotten Tomatoes, Letterboxd, Wikipedia-like
pages) and the IMDb Next.js parser, whose pages carry the same JSON-LD.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from .countries import country_code
from .dates import parse_date
from .detect import FILM_TYPES
from .imdb.common import co_id, nm_id, runtime_minutes, tt_id
from .jsonld import text_value, text_values, types_of
from .page import Page
from .records import Aka, Company, FilmPage, Person, ReleaseDate
from .text import dedupe, find_year

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
# More distinct films than this at the top level is a list page (a carousel), not one film's page.
_MAX_FILMS_ON_A_FILM_PAGE = 2


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
    """``releasedEvent`` (with its country), else the first of the film's own date properties.

    ``dateCreated`` comes last: some sites (Letterboxd) use it for when their entry was made.
    """
    events = [
        _release(event.get("startDate") or event.get("datePublished"), event.get("location"))
        for event in _items(obj.get("releasedEvent"))
        if isinstance(event, dict)
    ]
    if dates := tuple(dict.fromkeys(d for d in events if d)):
        return dates
    single = next((d for key in ("datePublished", "startDate", "dateCreated") if (d := _release(obj.get(key)))), None)
    return (single,) if single else None


def _texts(value: Any) -> tuple[str, ...] | None:
    return dedupe(text_values(value)) or None


def _akas(value: Any) -> tuple[Aka, ...] | None:
    # Never split on commas: "Crouching Tiger, Hidden Dragon" is one title.
    return tuple(Aka(title=t) for item in _items(value) if (t := text_value(item))) or None


# field → (schema.org keys, first that has a value wins; normaliser of that value)
_FIELDS: dict[str, tuple[tuple[str, ...], Callable[[Any], Any]]] = {
    "title": (("name", "headline"), lambda v: text_value(v) or None),
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
    if dates := _release_dates(obj):
        out["release_dates"] = dates
        out["year"] = find_year(min(d.date for d in dates))
    if companies := _companies(obj):
        out["companies"] = companies
    if imdb_id := _linked_id(obj, tt_id):
        out["imdb_id"] = imdb_id
    if kind := next((_TITLE_TYPES[t] for t in types_of(obj) if t in _TITLE_TYPES), None):
        out["title_type"] = kind
    return out


def film_object(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The one top-level film object a page is about; None when there is none or the page lists many."""
    films = [o for o in objects if types_of(o) & FILM_TYPES and text_value(o.get("name"))]
    if len({text_value(o.get("name")).casefold() for o in films}) > _MAX_FILMS_ON_A_FILM_PAGE:
        return None
    return films[0] if films else None


def has_film(page: Page) -> bool:
    return film_object(page.jsonld) is not None


def _source(url: str | None) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.") or "schema.org"


def parse_movie(page: Page) -> FilmPage:
    """A non-IMDb film page from its JSON-LD; ``layout="unknown"`` when it has no film object."""
    obj = film_object(page.jsonld)
    fields = movie_fields(obj) if obj else {}
    return FilmPage(
        kind="title",
        url=page.url,
        layout="schema.org" if obj else "unknown",
        source=_source(page.url),
        missing=tuple(f for f in _EXPECTED if f not in fields),
        **fields,
    )
