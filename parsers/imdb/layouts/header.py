"""The title header of an old layout: display title, original title, year(s), title type,
and the title-bar genre chips and runtime used only where the page has no block for them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ...detect import imdb_id_in
from ...jsonld import first_of_type, jsonld_objects, text_value
from ...page import Page
from ...text import clean, mentions, node_text, strip_quotes
from ..common import runtime_minutes

_ORIGINAL_MARK = re.compile(r"\(original title\)", re.I)
_YEARS = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?:\s*[–-]\s*(1[89]\d\d|20\d\d)?)?(?!\d)")
_BAR_RUNTIME = re.compile(r"\b\d+\s*h(?:\s*\d+\s*min)?\b|\b\d+\s*min\b", re.I)
# Words the header prints next to the year, most specific first; plain films print none.
_TITLE_TYPES = (
    (re.compile(r"\bTV Mini[- ]Series\b", re.I), "tvMiniSeries"),
    (re.compile(r"\bTV Series\b", re.I), "tvSeries"),
    (re.compile(r"\b(?:TV )?Episode\b", re.I), "tvEpisode"),
    (re.compile(r"\bTV Movie\b|\(TV\)"), "tvMovie"),
    (re.compile(r"\bTV Special\b", re.I), "tvSpecial"),
    (re.compile(r"\bTV Short\b", re.I), "tvShort"),
    (re.compile(r"\bVideo Game\b|\(VG\)", re.I), "videoGame"),
    (re.compile(r"\bVideo\b|\(V\)"), "video"),
)
# Parts of those words without i or s (see text.mentions): plain films print none, and skip the regexes.
_TITLE_TYPE_HINTS = ("tv", "ode", "deo", "(v")
_JSONLD_TYPES = {"TVSeries": "tvSeries", "TVEpisode": "tvEpisode", "Movie": "movie", "TVMovie": "tvMovie"}


@dataclass(frozen=True, slots=True)
class HeaderSpec:
    """Where a layout prints each header value; every selector tuple is tried in order.

    Selectors are relative to the header's root (the whole page without one): searching its
    subtree instead of the whole page keeps the header cheap.
    """

    # Steps to the root, each searched inside the node the step before found (a step that finds
    # nothing is skipped): a narrow node near the top is found without walking the page for it.
    root: tuple[str, ...]
    title: tuple[str, ...]
    original_title: tuple[str, ...]  # nodes that say "… (original title)"
    year: tuple[str, ...]
    title_type: tuple[str, ...]  # nodes whose text names the type ("TV Series", "(TV)")
    genre_chips: str | None = None  # title-bar genre links
    runtime: str | None = None  # title-bar runtime nodes


@dataclass(frozen=True, slots=True)
class Header:
    title: str | None = None
    original_title: str | None = None
    year: int | None = None
    year_end: int | None = None
    title_type: str | None = None
    genre_chips: tuple[str, ...] | None = None
    runtime_minutes: int | None = None


Scope = LexborHTMLParser | LexborNode


def _first(scope: Scope, selectors: tuple[str, ...]) -> LexborNode | None:
    for selector in selectors:
        if (node := scope.css_first(selector)) is not None:
            return node
    return None


def _own_text(node: LexborNode) -> str:
    """The heading's own words, without the year and title-extra spans inside it."""
    return strip_quotes(clean(node.text(deep=False))) or strip_quotes(node_text(node))


class _JsonLdFilm:
    """The film object of the JSON-LD, read on first use. IMDb prints its JSON-LD in ``<head>``:
    searching only there spares a walk of the whole tree (a tenth of the parse) on every page."""

    def __init__(self, page: Page) -> None:
        self._page = page
        self._film: dict[str, Any] | None = None
        self._read = False

    def get(self) -> dict[str, Any] | None:
        if not self._read:
            head = self._page.tree.head
            self._film = first_of_type(jsonld_objects(head), *_JSONLD_TYPES) if head is not None else None
            self._read = True
        return self._film


def _original_title(film: _JsonLdFilm, scope: Scope, spec: HeaderSpec, title: str | None) -> str | None:
    for selector in spec.original_title:
        for node in scope.css(selector):
            text = node_text(node)
            if mentions(text, "nal t") and _ORIGINAL_MARK.search(text):
                return strip_quotes(clean(_ORIGINAL_MARK.sub("", text))) or None
    # 2018 pages name the original title only in JSON-LD.
    found = film.get()
    name = text_value(found.get("name")) if found else ""
    return name if name and name != title else None


def _years(scope: Scope, spec: HeaderSpec) -> tuple[int | None, int | None]:
    """The first year of the first year node, and the end of the first span of years in it:
    "(2005–2013)", or tn15's "(2005) TV series 2005-2013"."""
    for selector in spec.year:
        for node in scope.css(selector):
            spans = list(_YEARS.finditer(node_text(node)))
            if spans:
                end = next((match.group(2) for match in spans if match.group(2)), None)
                return int(spans[0].group(1)), int(end) if end else None
    return None, None


def _title_type(film: _JsonLdFilm, scope: Scope, spec: HeaderSpec) -> str:
    for selector in spec.title_type:
        text = " ".join(node_text(node) for node in scope.css(selector))
        if mentions(text, *_TITLE_TYPE_HINTS):
            for pattern, kind in _TITLE_TYPES:
                if pattern.search(text):
                    return kind
    found = film.get()
    return _JSONLD_TYPES.get(str(found.get("@type")), "movie") if found else "movie"


def _bar_runtime(scope: Scope, spec: HeaderSpec) -> int | None:
    for node in scope.css(spec.runtime) if spec.runtime else ():
        if minutes := runtime_minutes(node.attributes.get("datetime")):
            return minutes
        if match := _BAR_RUNTIME.search(node_text(node)):
            return runtime_minutes(match.group(0))
    return None


_QUOTE_MARKS = '"“'
# IMDb's document title, written alike in every era: "Gandhi (1982) - IMDb", "Firefly (TV Series 2002–2003) -
# IMDb", '"Firefly" Serenity (TV Episode 2002) - IMDb', "IMDb - Gandhi (1982)" (2000s), "Heat (I) (1995)".
_IMDB_AFFIX = re.compile(r"^IMDb\s*[-:|]\s*|(?:\s*-\s*Reference View)?\s*[-|]\s*IMDb(?:\s*Pro)?$")
_DOCUMENT_TITLE = re.compile(
    r"^(?P<title>.+?)\s*(?:\((?:[IVX]+)\)\s*)?\((?P<kind>[^()\d]*?)\s*(?P<year>1[89]\d\d|20\d\d)"
    r"(?:\s*[–-]\s*(?P<end>1[89]\d\d|20\d\d)?\s*)?(?:/[IVX]+)?\)$"
)
_SERIES_BEFORE_EPISODE = re.compile(r'^["“][^"”]+["”]\s+')


def document_title(page: Page) -> dict[str, Any]:
    """Title, years and type from an IMDb page's ``<title>``, for a page whose header a layout's selectors do not
    find (a layout whose class names are not the ones known); {} where the title is not IMDb's."""
    node = page.tree.css_first("title")
    text = clean(node.text()) if node is not None else ""
    named = _IMDB_AFFIX.sub("", text)
    match = _DOCUMENT_TITLE.match(named)
    # "The Dark Knight (2008)": the 2008-2014 pages printed no "IMDb" in their <title>; at a title's address, a
    # name and its year there are the page's film (a bot wall's challenge or an error page prints no year)
    if not named or (named == text and (match is None or imdb_id_in(page.url) is None)):
        return {}
    if match is None:
        return {"title": strip_quotes(named)}
    kind = next((kind for pattern, kind in _TITLE_TYPES if pattern.search(f"{match.group('kind')} ")), "movie")
    title = match.group("title")
    if kind == "tvEpisode":  # '"Firefly" Serenity': the series quoted, then the episode
        title = _SERIES_BEFORE_EPISODE.sub("", title)
    end = match.group("end")
    return {
        "title": strip_quotes(title),
        "year": int(match.group("year")),
        "year_end": int(end) if end else None,
        "title_type": kind,
    }


def read_header(page: Page, spec: HeaderSpec) -> Header:
    scope: Scope = page.tree
    for step in spec.root:
        scope = scope.css_first(step) or scope
    heading = _first(scope, spec.title)
    title = _own_text(heading) or None if heading is not None else None
    # A tn15 episode: '"The Walking Dead" <span><em>Guts</em> (2010)</span>': the series quoted, the episode in italics.
    quoted = heading is not None and clean(heading.text(deep=False))[:1] in _QUOTE_MARKS
    episode = heading.css_first("span > em") if heading is not None and quoted else None
    if episode is not None and (episode_title := node_text(episode)):
        title = episode_title
    year, year_end = _years(scope, spec)
    links = scope.css(spec.genre_chips) if spec.genre_chips else []
    chips = tuple(text for link in links if (text := node_text(link)))
    film = _JsonLdFilm(page)
    return Header(
        title=title,
        original_title=_original_title(film, scope, spec, title),
        year=year,
        year_end=year_end,
        title_type=_title_type(film, scope, spec),
        genre_chips=chips or None,
        runtime_minutes=_bar_runtime(scope, spec),
    )
