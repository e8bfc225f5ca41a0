"""Typed records that the parsers hand to the loader.

Every record is a frozen, slotted dataclass; sequences are tuples so a record
can be hashed, compared and shared between threads. ``to_dict()`` gives the
JSON shape that ``cinescrape parse`` prints (the documented contract).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal

Precision = Literal["day", "month", "year"]

# Page kinds of the metadata site; each has its own parser and its own URL suffix.
FILM_PAGE_KINDS = (
    "title",
    "releaseinfo",
    "companycredits",
    "keywords",
    "connections",
    "plotsummary",
    "fullcredits",
)
PAGE_KINDS = ("review", *FILM_PAGE_KINDS, "search")


def _plain(value: Any) -> Any:
    """Records, tuples and dicts as JSON-ready values."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class _Record:
    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]


# ---------------------------------------------------------------- film facts


@dataclass(frozen=True, slots=True)
class ReleaseDate(_Record):
    date: str  # ISO: YYYY-MM-DD, YYYY-MM or YYYY as the precision says
    precision: Precision
    country: str | None  # ISO 3166-1 alpha-2, or ISO 3166-3 for dissolved states
    note: str | None = None  # "premiere", "Cannes Film Festival", "limited" ...
    country_name: str | None = None  # as the page wrote it


@dataclass(frozen=True, slots=True)
class Company(_Record):
    name: str
    role: str = "production"  # production, distribution, special_effects, other
    note: str | None = None  # "(presents)", "(as …)", years, territories
    imdb_id: str | None = None  # co0000000 where the page links it


@dataclass(frozen=True, slots=True)
class Connection(_Record):
    relation: str  # "features", "featured_in", "follows", "remake_of" … (snake case)
    title: str
    year: int | None = None
    imdb_id: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Aka(_Record):
    title: str
    country: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class FieldConflict(_Record):
    """Two readings of one page that disagree on a field: which was kept, and what the other said."""

    field: str
    kept: str  # the source kept ("page", "next_data", "jsonld")
    other: str  # the source that disagreed
    other_value: str  # what it said, as text


@dataclass(frozen=True, slots=True)
class Person(_Record):
    name: str
    imdb_id: str | None = None
    note: str | None = None


# The keys every ``kind: "title"`` record prints, present even when empty.
TITLE_CONTRACT_KEYS = (
    "imdb_id",
    "title",
    "original_title",
    "year",
    "genres",
    "plot",
    "keywords",
    "keywords_total",
    "release_dates",
    "companies",
    "connections",
    "runtime_minutes",
)


# The facts the project exists to collect from a title page.
CORE_TITLE_FIELDS = ("title", "year", "genres", "release_dates", "companies", "keywords", "runtime_minutes")


@dataclass(frozen=True, slots=True)
class FilmPage(_Record):
    """A metadata page about one film: a title page or one of its sub-pages.

    ``None`` means "this page does not carry the field"; an empty tuple means
    the page has the block but it is empty. Sub-page records print only the
    fields they carry; title records print every contract key.
    """

    kind: str  # one of FILM_PAGE_KINDS
    url: str | None
    layout: str  # detected layout, "unknown" when no known layout matched
    imdb_id: str | None = None
    title: str | None = None  # the display title, as the page shows it
    original_title: str | None = None
    year: int | None = None
    year_end: int | None = None  # series: last year
    title_type: str | None = None  # movie, tvSeries, tvMovie, video, tvEpisode …
    genres: tuple[str, ...] | None = None
    plot: str | None = None
    keywords: tuple[str, ...] | None = None
    keywords_total: int | None = None
    release_dates: tuple[ReleaseDate, ...] | None = None
    companies: tuple[Company, ...] | None = None
    connections: tuple[Connection, ...] | None = None
    runtime_minutes: int | None = None
    countries: tuple[str, ...] | None = None
    languages: tuple[str, ...] | None = None
    directors: tuple[Person, ...] | None = None
    writers: tuple[Person, ...] | None = None
    cast_total: int | None = None
    akas: tuple[Aka, ...] | None = None
    source: str = "imdb"  # the site family: imdb, or the host of a schema.org page
    subpages: tuple[tuple[str, str], ...] | None = None  # (kind, absolute URL) of the sub-pages the page links
    missing: tuple[str, ...] = ()  # fields this layout should carry but were not found
    # Where each field came from, where the page gave it in more than one way ("page", "next_data", "jsonld").
    sources: tuple[tuple[str, str], ...] | None = None
    conflicts: tuple[FieldConflict, ...] = ()  # readings of the page that disagreed with the kept value

    @property
    def core_fields_found(self) -> int:
        """How many of the facts the project exists for a title record carries (an empty list counts: the
        page has the block)."""
        return sum(getattr(self, name) is not None for name in CORE_TITLE_FIELDS)

    @property
    def mostly_unread(self) -> bool:
        """A title record that carries under half of the core facts: a layout recognised but not read."""
        return self.kind == "title" and self.core_fields_found * 2 < len(CORE_TITLE_FIELDS)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "url": self.url}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("kind", "url", "missing") or (f.name == "conflicts" and not value and self.kind != "title"):
                continue
            if value is None and not (self.kind == "title" and f.name in TITLE_CONTRACT_KEYS):
                continue
            if value is None and f.name in _LIST_FIELDS:
                value = ()
            out[f.name] = dict(value) if f.name in ("subpages", "sources") else _plain(value)
        out["missing"] = list(self.missing)
        return out


_LIST_FIELDS = frozenset(f.name for f in fields(FilmPage) if str(f.type).startswith("tuple"))


# ---------------------------------------------------------------- review pages


@dataclass(frozen=True, slots=True)
class WatchLink(_Record):
    url: str
    provider: str | None  # amazon, netflix, hulu, apple, youtube, disney, max …
    action: str | None  # stream, rent, buy, purchase
    text: str = ""


@dataclass(frozen=True, slots=True)
class RankedEntry(_Record):
    rank: int
    title: str
    year: int | None = None
    year_end: int | None = None  # "(2007-2012)"
    type: str | None = None  # the "Type: …" label where the article gives one
    blurb: str | None = None
    links: tuple[WatchLink, ...] = ()
    title_url: str | None = None  # the film's own page (IMDb, Letterboxd, Wikipedia, the site's)
    attributes: tuple[tuple[str, str], ...] = ()  # ("Director", "…"), in page order
    notes: tuple[str, ...] = ()  # "Side note: …" paragraphs
    rank_inferred: bool = False  # True where the page does not print the number
    group: str | None = None  # sub-list heading, where the article has several

    def to_dict(self) -> dict[str, Any]:
        out = _Record.to_dict(self)
        out["attributes"] = dict(self.attributes)
        return out


@dataclass(frozen=True, slots=True)
class Article(_Record):
    title: str | None = None
    site: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date
    modified: str | None = None
    canonical_url: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class ReviewPage(_Record):
    url: str | None
    article: Article
    entries: tuple[RankedEntry, ...] = ()
    confidence: float = 0.0  # 0..1: how sure the parser is that ``entries`` is the article's list
    count_promised: int | None = None  # "The 10 most …"
    # How the list is drawn (parsers/review): "itemlist-jsonld", "numbered-headings", "numbered-paragraphs",
    # "table", "table-columns", "ol", "ul", "unnumbered-headings" (headings or bold lines), "cards"; None: no list.
    list_shape: str | None = None
    warnings: tuple[str, ...] = ()  # e.g. "title promises 10 entries, found 9"
    reviewed_title: str | None = None  # single-film review: the film it reviews
    rating: str | None = None  # "4/5", "B+" where a review shows one
    next_page_url: str | None = None  # list continues on another page
    kind: str = field(default="review")

    def to_dict(self) -> dict[str, Any]:
        out = {"kind": self.kind, "url": self.url}
        out.update({k: v for k, v in _Record.to_dict(self).items() if k not in ("kind", "url")})
        return out


# ---------------------------------------------------------------- search pages


@dataclass(frozen=True, slots=True)
class SearchResult(_Record):
    imdb_id: str
    title: str
    year: int | None = None
    title_type: str | None = None  # movie, tvSeries, tvMovie, video … where the page says


@dataclass(frozen=True, slots=True)
class SearchPage(_Record):
    """The metadata site's title search (IMDb ``/find?q=``, its suggestion JSON): the results, in order."""

    url: str | None
    layout: str  # "findlist" (2008-2020), "nextjs" (2021+), "suggestion-json", "unknown"
    query: str | None = None
    results: tuple[SearchResult, ...] = ()
    kind: str = field(default="search")

    @property
    def entries(self) -> tuple[RankedEntry, ...]:
        """The results as a list page's entries, ranked by their order: a search page is a list of titles too."""
        return tuple(
            RankedEntry(n, r.title, r.year, title_url=f"https://www.imdb.com/title/{r.imdb_id}/", rank_inferred=True)
            for n, r in enumerate(self.results, 1)
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "url": self.url}
        out.update({k: v for k, v in _Record.to_dict(self).items() if k not in ("kind", "url")})
        out["entries"] = [entry.to_dict() for entry in self.entries]
        return out


Record = FilmPage | ReviewPage | SearchPage
