"""IMDb title pages in the 2021+ Next.js layout.

Three sources, best first: the ``__NEXT_DATA__`` JSON (``aboveTheFoldData`` and
``mainColumnData``), the visible ``data-testid`` blocks, and the schema.org
JSON-LD. Each is read through a table of field → where → normaliser; a field
comes from the first source that has it. Pages whose ``__NEXT_DATA__`` carries
almost nothing (2021: only ``tconst``) are "nextjs-sparse" and live on the
other two.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from selectolax.lexbor import LexborNode

from ..countries import country_code
from ..dates import parse_date, release_date_from_text
from ..detect import imdb_id_in
from ..opinions import merge
from ..page import Page
from ..records import Company, Connection, FilmPage, Person, ReleaseDate
from ..text import clean, dedupe, node_text, to_int
from ..vocabulary import LINK_FORMS, href_has
from .common import clean_keyword, company_from_link, runtime_minutes
from .next_data import parts_decoder, read_parts
from .structured import jsonld_fields

# Fields every released title's page carries; those not found go to ``missing``
# (an "in development" page lists most of them: it has no release, runtime, companies …).
EXPECTED = (
    "title",
    "year",
    "genres",
    "plot",
    "keywords",
    "release_dates",
    "companies",
    "runtime_minutes",
    "countries",
    "languages",
    "directors",
)
_HERO_TITLE = ("hero__pageTitle", "hero-title-block__title")
_MORE = re.compile(r"\d[\d,.]*\s*more", re.I)


# ---------------------------------------------------------------- __NEXT_DATA__


def _dig(data: Any, path: str) -> Any:
    for key in path.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _texts_at(path: str) -> Callable[[Any], tuple[str, ...] | None]:
    """A list of objects → the cleaned text at ``path`` in each (``genres.genres`` → ``text``)."""

    def read(items: Any) -> tuple[str, ...] | None:
        return dedupe([clean(str(t)) for item in _list(items) if (t := _dig(item, path))]) or None

    return read


def _text(value: Any) -> str | None:
    return clean(value) or None if isinstance(value, str) else None


def _positive(value: Any) -> int | None:
    return value if isinstance(value, int) and value > 0 else None


def _release_date(value: Any) -> tuple[ReleaseDate, ...] | None:
    """``{day, month, year, country}`` → one ReleaseDate, as precise as the parts present."""
    parts = []
    for key in ("year", "month", "day"):  # a day counts only after a month, a month only after a year
        if not isinstance(part := _dig(value, key), int):
            break
        parts.append(str(part))
    parsed = parse_date("-".join(parts)) if parts else None
    if parsed is None:
        return None
    code, name = _dig(value, "country.id"), _dig(value, "country.text")
    return (
        ReleaseDate(
            date=parsed[0],
            precision=parsed[1],
            country=country_code(code) if isinstance(code, str) else None,
            country_name=name if isinstance(name, str) else None,
        ),
    )


def _companies(edges: Any) -> tuple[Company, ...] | None:
    companies = [
        Company(name=clean(name), role="production", imdb_id=_dig(edge, "node.company.id"))
        for edge in _list(edges)
        if isinstance(name := _dig(edge, "node.company.companyText.text"), str) and clean(name)
    ]
    return tuple(companies) or None


def _credits(groups: Any) -> tuple[Person, ...] | None:
    """``directors`` / ``writers``: groups of credits → people, with job attributes as the note."""
    people = []
    for credit in (c for group in _list(groups) for c in _list(_dig(group, "credits"))):
        name = _dig(credit, "name.nameText.text")
        if isinstance(name, str) and clean(name):
            jobs = [str(a.get("text")) for a in _list(_dig(credit, "attributes")) if isinstance(a, dict)]
            people.append(Person(name=clean(name), imdb_id=_dig(credit, "name.id"), note=", ".join(jobs) or None))
    return tuple(people) or None


def _connections(edges: Any) -> tuple[Connection, ...] | None:
    connections = []
    for edge in _list(edges):
        title, relation = _dig(edge, "node.associatedTitle"), _dig(edge, "node.category.text")
        name = _dig(title, "titleText.text")
        if isinstance(name, str) and isinstance(relation, str):
            series = _dig(title, "series.series.titleText.text")
            connections.append(
                Connection(
                    relation=re.sub(r"\W+", "_", relation.casefold()).strip("_"),
                    title=clean(name),
                    year=_dig(title, "releaseYear.year"),
                    imdb_id=_dig(title, "id"),
                    note=series if isinstance(series, str) else None,  # an episode: of which series
                )
            )
    return tuple(connections) or None


def _country_codes(names: list[str]) -> tuple[str, ...] | None:
    return dedupe([code for name in names if (code := country_code(name))]) or None


def _countries(items: Any) -> tuple[str, ...] | None:
    return _country_codes([i for item in _list(items) if isinstance(i := _dig(item, "id"), str)])


# field → (path under aboveTheFoldData / mainColumnData, normaliser)
_NEXT_FIELDS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "imdb_id": ("id", _text),
    "title": ("titleText.text", _text),
    "original_title": ("originalTitleText.text", _text),
    "year": ("releaseYear.year", _positive),
    "year_end": ("releaseYear.endYear", _positive),
    "title_type": ("titleType.id", _text),
    "genres": ("genres.genres", _texts_at("text")),
    "plot": ("plot.plotText.plainText", _text),
    "keywords": ("keywords.edges", _texts_at("node.text")),
    "keywords_total": ("keywords.total", _positive),
    "release_dates": ("releaseDate", _release_date),
    "companies": ("production.edges", _companies),
    "runtime_minutes": ("runtime.seconds", lambda s: s // 60 if _positive(s) else None),
    "countries": ("countriesOfOrigin.countries", _countries),
    "languages": ("spokenLanguages.spokenLanguages", _texts_at("text")),
    "directors": ("directors", _credits),
    "writers": ("writers", _credits),
    "connections": ("connections.edges", _connections),
}


_NEXT_DATA = parts_decoder(path.split(".")[0] for path, _ in _NEXT_FIELDS.values())


def _from_next_data(props: dict[str, Any]) -> dict[str, Any]:
    # mainColumnData first: it has the release country and every origin country (aboveTheFold lists fewer).
    sources = [s for s in (props.get("mainColumnData"), props.get("aboveTheFoldData")) if isinstance(s, dict)]
    out: dict[str, Any] = {}
    for field, (path, normalise) in _NEXT_FIELDS.items():
        for source in sources:
            if (value := normalise(_dig(source, path))) is not None:
                out[field] = value
                break
    return out


# ---------------------------------------------------------------- data-testid markup


def _after_colon(nodes: list[LexborNode]) -> str | None:
    """ "Original title: L'immortel" → "L'immortel" (the prefix is localised, the colon is not)."""
    text = node_text(nodes[0])
    return clean(text.split(":", 1)[1]) or None if ":" in text else None


def _years(nodes: list[LexborNode]) -> list[int]:
    return [int(y) for y in re.findall(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)", node_text(nodes[0]))]


def _link_texts(nodes: list[LexborNode]) -> tuple[str, ...] | None:
    return dedupe([t for n in nodes if (t := node_text(n))]) or None


def _release_from_links(nodes: list[LexborNode]) -> tuple[ReleaseDate, ...] | None:
    dates = [d for n in nodes if (d := release_date_from_text(node_text(n)))]
    return tuple(dates) or None


def _companies_from_links(nodes: list[LexborNode]) -> tuple[Company, ...] | None:
    return tuple(c for n in nodes if (c := company_from_link(n))) or None


def _countries_from_links(nodes: list[LexborNode]) -> tuple[str, ...] | None:
    return _country_codes([node_text(n) for n in nodes])


def _links_of(nodes: list[LexborNode], field: str) -> list[LexborNode]:
    return [n for n in nodes if href_has(n.attributes.get("href") or "", LINK_FORMS[field])]


def _keywords_from_links(nodes: list[LexborNode]) -> tuple[str, ...] | None:
    return dedupe([k for n in _links_of(nodes, "keywords") if (k := clean_keyword(node_text(n)))]) or None


def _genres_from_links(nodes: list[LexborNode]) -> tuple[str, ...] | None:
    return _link_texts(_links_of(nodes, "genres"))


def _keywords_total(nodes: list[LexborNode]) -> int | None:
    """The storyline's keyword chips and its "431 more" chip: 5 + 431."""
    links = _inside(nodes[0], "a")
    more = next((to_int(text) for link in links if _MORE.fullmatch(text := node_text(link))), None)
    return len(_links_of(links, "keywords")) + more if more is not None else None


def _inside(block: LexborNode, selector: str) -> list[LexborNode]:
    """Descendants of ``block`` along "ul a"-style steps, each step searched only below the last.

    A node's ``css("ul a")`` also matches an ``a`` of the block whose ``ul`` is an ancestor of the
    block (the whole Details section is one list), i.e. the block's label link.
    """
    nodes = [block]
    for step in selector.split():
        nodes = [found for node in nodes for found in node.css(step)]
    return nodes


# field → (data-testid blocks, selector steps inside the block (None: the block itself), normaliser)
_MARKUP_FIELDS: dict[str, tuple[tuple[str, ...], str | None, Callable[[list[LexborNode]], Any]]] = {
    "title": (_HERO_TITLE, None, lambda nodes: node_text(nodes[0]) or None),
    "original_title": (("hero-title-block__original-title",), None, _after_colon),
    # the storyline's block lists every genre; the hero's chips (and on 2021-22 pages the JSON-LD) only three
    "genres": (("storyline-genres", "genres"), "a", _genres_from_links),
    "plot": (("plot",), '[data-testid="plot-xl"]', lambda nodes: node_text(nodes[0]) or None),
    "keywords": (("storyline-plot-keywords",), "a", _keywords_from_links),
    "keywords_total": (("storyline-plot-keywords",), None, _keywords_total),
    "release_dates": (("title-details-releasedate",), "ul a", _release_from_links),
    "companies": (("title-details-companies",), "ul a", _companies_from_links),
    "runtime_minutes": (("title-techspec_runtime",), "div", lambda nodes: runtime_minutes(node_text(nodes[0]))),
    "countries": (("title-details-origin",), "ul a", _countries_from_links),
    "languages": (("title-details-languages",), "ul a", _link_texts),
}
_TESTIDS = {t for testids, _, _ in _MARKUP_FIELDS.values() for t in testids}


def _from_markup(page: Page, wanted: set[str]) -> dict[str, Any]:
    # One walk collects every block of interest; each field then looks only inside its block.
    blocks: dict[str, LexborNode] = {}
    for node in page.tree.css("[data-testid]"):
        testid = node.attributes.get("data-testid") or ""
        if testid in _TESTIDS:
            blocks.setdefault(testid, node)
    out: dict[str, Any] = {}
    for field, (testids, selector, normalise) in _MARKUP_FIELDS.items():
        block = next((blocks[t] for t in testids if t in blocks), None)
        if field not in wanted or block is None:
            continue
        nodes = _inside(block, selector) if selector else [block]
        if nodes and (value := normalise(nodes)) is not None:
            out[field] = value
    # The hero year sits in the release-info link beside the heading ("2010", "2007–2015").
    heading = next((blocks[t] for t in _HERO_TITLE if t in blocks), None)
    year_link = heading.parent.css_first('a[href*="releaseinfo"]') if heading and heading.parent else None
    if year_link is not None and (years := _years([year_link])):
        out["year"] = years[0]
        if len(years) > 1:
            out["year_end"] = years[1]
    return out


# ---------------------------------------------------------------- the parser


# The nodes that name the 2021+ layout: a ``__NEXT_DATA__`` script or the ``data-testid`` hero heading.
_MARKER = "script#__NEXT_DATA__, " + ", ".join(f'[data-testid="{t}"]' for t in _HERO_TITLE)


def is_nextjs(page: Page) -> bool:
    return page.tree.css_first(_MARKER) is not None


def parse_nextjs(page: Page) -> FilmPage:
    """``__NEXT_DATA__`` is the data the visible blocks are rendered from: where it is whole ("nextjs") it is read
    first and the ``data-testid`` blocks only for what it lacks; where it is sparse (2021-22 pages keep the data
    elsewhere) the blocks come first. The JSON-LD is the last reading and the second opinion: it fills what both
    lack, and where it disagrees the record keeps both (``opinions.merge``)."""
    props = read_parts(page, _NEXT_DATA)
    layout = "nextjs" if isinstance(props.get("aboveTheFoldData"), dict) else "nextjs-sparse"
    data = _from_next_data(props)
    if layout == "nextjs":
        lacking = {field for field in _MARKUP_FIELDS if data.get(field) is None}
        if not any(date.country for date in data.get("release_dates") or ()):
            lacking.add("release_dates")  # the data's date may lack the country the page prints beside it
        readings = [("next_data", data), ("page", _from_markup(page, lacking) if lacking else {})]
    else:
        readings = [("page", _from_markup(page, set(_MARKUP_FIELDS))), ("next_data", data)]
    fields, sources, conflicts = merge((*readings, ("jsonld", jsonld_fields(page))))
    tconst = props.get("tconst")
    fields["imdb_id"] = fields.get("imdb_id") or (tconst if isinstance(tconst, str) else None) or imdb_id_in(page.url)
    if "original_title" not in fields and "title" in fields:
        fields["original_title"] = fields["title"]
    return FilmPage(
        kind="title",
        url=page.url,
        layout=layout,
        missing=tuple(f for f in EXPECTED if fields.get(f) is None),
        sources=tuple(sorted(sources.items())),
        conflicts=conflicts,
        **fields,
    )
