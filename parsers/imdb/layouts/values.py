"""Block → field value: one normaliser per contract field, shared by every old layout.

Values are read from links where the page links them (genres, keywords,
companies, countries, languages, people), so text glued across tags or commas
inside names never split a value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import unquote

from selectolax.lexbor import LexborNode

from ...countries import country_code
from ...dates import release_date_from_text
from ...records import Aka, Company, Connection, Person, ReleaseDate
from ...text import clean, dedupe, find_year, mentions, node_text, strip_quotes
from ...vocabulary import LINK_FORMS
from ..common import clean_keyword, company_from_link, nm_id, runtime_minutes, see_all_count, tt_id
from .blocks import Block

_BRACKETS = re.compile(r"\(([^()]*)\)")
_COUNTRY_IN_HREF = re.compile(r"(?:/country/|/Countries/|country_of_origin=|countries=)([^/&?]+)")
# Between values of a block that links none of them ("Drama | Crime", "English, French").
_TEXT_SEPARATORS = re.compile(r"\s*(?:\||,|/|·|•)\s*")
# Relations a connection line starts with when the title is not linked.
_RELATION = re.compile(
    r"^((?:alternate-language )?version of|features|featured in|follows|followed by|remake of|remade as|"
    r"references|referenced in|spoofs|spoofed in|(?:re-)?edited (?:into|from)|spin-?off(?: from)?)\s+",
    re.I,
)
_PLOT_END = re.compile(r"\s*(?:Written by\b|full summary\b|full synopsis\b|Plot Summary\b|Add Synopsis\b)", re.I)
_NO_PLOT = re.compile(r"^add (a )?plot\b", re.I)
_QUOTED_AKA = re.compile(r'^"(?P<title>[^"]+)"\s+-\s+(?P<where>.+)$')
_TRAILING_BRACKET = re.compile(r"\s*\(([^()]*)\)\s*$")
_TITLE_YEAR = re.compile(r"^(?P<title>.+?)\s*\((?P<year>\d{4})[^)]*\)")


def value_links(block: Block, field: str) -> list[LexborNode]:
    """The block's links that carry ``field``: those of the field's link forms (every era's), else every
    link of the block that is not navigation (a link form IMDb has not used yet is still a value)."""
    return block.links(*LINK_FORMS[field]) or block.links()


def listed(block: Block, field: str, normalise: Callable[[str], str] = strip_quotes) -> tuple[str, ...] | None:
    """A block that lists values: its value links' texts, else its text split at separators."""
    links = value_links(block, field)
    shown = [normalise(node_text(link)) for link in links] if links else _TEXT_SEPARATORS.split(block.text)
    return dedupe([value for value in map(normalise, shown) if value]) or None


def genres(block: Block) -> tuple[str, ...] | None:
    return listed(block, "genres")


def keywords(block: Block) -> tuple[str, ...] | None:
    return listed(block, "keywords", clean_keyword)


def keywords_total(block: Block) -> int | None:
    """The N of "See All (N)"; rows that end in a bare "See more" carry no count."""
    return see_all_count(block.raw_text)


def release_dates(block: Block) -> tuple[ReleaseDate, ...] | None:
    release = release_date_from_text(block.text)
    return (release,) if release else None


def _bracket_note(text: str) -> str | None:
    """ " (presents) (as Fox)" → "presents; as Fox": the role text after a company link."""
    return "; ".join(clean(inner) for inner in _BRACKETS.findall(text) if clean(inner)) or None


def companies(block: Block) -> tuple[Company, ...] | None:
    """Production companies from their links, duplicates kept; text after a link in the same
    list item (the /reference role "(presents)") becomes the note."""
    found = []
    for link in value_links(block, "companies"):
        company = company_from_link(link)
        if company is None:
            continue
        parent = link.parent
        trailing = node_text(parent) if parent is not None and parent.tag == "li" else ""
        note = _bracket_note(trailing.replace(node_text(link), "", 1)) if trailing else None
        found.append(Company(company.name, "production", note or company.note, company.imdb_id))
    return tuple(found) or None


def runtime(block: Block) -> int | None:
    return runtime_minutes(block.text)


def _country(link: LexborNode) -> str | None:
    """A country link's code, from its text or, where that is no name pycountry knows, its href."""
    in_href = _COUNTRY_IN_HREF.search(link.attributes.get("href") or "")
    return country_code(node_text(link)) or (country_code(unquote(in_href.group(1))) if in_href else None)


def countries(block: Block) -> tuple[str, ...] | None:
    links = value_links(block, "countries")
    found = map(_country, links) if links else map(country_code, _TEXT_SEPARATORS.split(block.text))
    return tuple(dict.fromkeys(code for code in found if code)) or None


def languages(block: Block) -> tuple[str, ...] | None:
    return listed(block, "languages")


def people(block: Block) -> tuple[Person, ...] | None:
    found = [
        Person(name, nm_id(link.attributes.get("href")))
        for link in block.links(*LINK_FORMS["people"])
        if (name := node_text(link))
    ]
    return tuple(found) or None


def _aka_lines(line: str) -> list[Aka]:
    """One AKA line as the old layouts print it: ``Title (USA) (working title)`` (tn15, /reference) or
    ``"Title" - Argentina, Peru (note)`` (/combined); one Aka per country."""
    if quoted := _QUOTED_AKA.match(line):
        title, where = quoted.group("title"), quoted.group("where")
        names, note = where.split("(", 1)[0], _bracket_note(where)
        codes = [country_code(name) for name in names.split(",") if name.strip()] or [None]
        return [Aka(clean(title), code, note) for code in codes]
    title, brackets = line, list[str]()
    while (tail := _TRAILING_BRACKET.search(title)) is not None and tail.start() > 0:
        brackets.insert(0, clean(tail.group(1)))
        title = title[: tail.start()]
    country = next((code for inner in brackets if (code := country_code(inner))), None)
    notes = [inner for inner in brackets if inner and country_code(inner) is None]
    return [Aka(strip_quotes(clean(title)), country, "; ".join(notes) or None)] if clean(title) else []


def akas(block: Block) -> tuple[Aka, ...] | None:
    """The title page's "Also Known As" titles, one per line (the full list is on the release-info page)."""
    return tuple(aka for line in block.lines for aka in _aka_lines(line)) or None


def plot(block: Block) -> str | None:
    """The short plot: the block's text without "Written by …" credits and "full summary" links;
    None for the "Add a Plot" invitation of pages that have none."""
    text = block.text
    if mentions(text, "tten by", "ummary", "ynop"):  # parts of the credit and link words, see mentions()
        text = _PLOT_END.split(text)[0]
    text = clean(text).strip(" |»")
    return None if not text or _NO_PLOT.match(text) else text


def _relation_key(text: str) -> str:
    return re.sub(r"[^a-z]+", "_", text.casefold()).strip("_")


def connections(block: Block) -> tuple[Connection, ...] | None:
    """The "Connections" teaser: "Features <a>North Korea: A Day in the Life</a> (2004)"."""
    text = block.text
    link = next(iter(block.links("/title/tt")), None)
    if link is not None:
        title = strip_quotes(node_text(link))
        relation, _, after = text.partition(node_text(link))
        if not title or not relation.strip():
            return None
        year = find_year(after.split(")")[0])
        return (Connection(_relation_key(relation), title, year, tt_id(link.attributes.get("href"))),)
    relation_match = _RELATION.match(text)
    title_match = _TITLE_YEAR.match(text[relation_match.end() :]) if relation_match else None
    if relation_match is None or title_match is None:
        return None
    title = strip_quotes(title_match.group("title"))
    return (Connection(_relation_key(relation_match.group(1)), title, int(title_match.group("year"))),)
