"""Block → field value: one normaliser per contract field, shared by every old layout.

Values are read from links where the page links them (genres, keywords,
companies, countries, languages, people), so text glued across tags or commas
inside names never split a value.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from ...countries import country_code
from ...dates import release_date_from_text
from ...records import Company, Connection, Person, ReleaseDate
from ...text import clean, find_year, mentions, node_text, strip_quotes, to_int
from ..common import clean_keyword, company_from_link, nm_id, runtime_minutes, tt_id
from .blocks import Block

_SEE_ALL = re.compile(r"See All \((\d[\d,]*)\)", re.I)
_BRACKETS = re.compile(r"\(([^()]*)\)")
_GENRE_LINKS = ("/genre/", "/Sections/Genres/")
_COUNTRY_LINKS = ("/country/", "/Sections/Countries/", "country_of_origin=")
_LANGUAGE_LINKS = ("/language/", "/Sections/Languages/", "primary_language=")
_COUNTRY_IN_HREF = re.compile(r"(?:/country/|/Countries/|country_of_origin=)([^/&?]+)")
# Relations a connection line starts with when the title is not linked.
_RELATION = re.compile(
    r"^((?:alternate-language )?version of|features|featured in|follows|followed by|remake of|remade as|"
    r"references|referenced in|spoofs|spoofed in|(?:re-)?edited (?:into|from)|spin-?off(?: from)?)\s+",
    re.I,
)
_PLOT_END = re.compile(r"\s*(?:Written by\b|full summary\b|full synopsis\b|Plot Summary\b|Add Synopsis\b)", re.I)
_NO_PLOT = re.compile(r"^add (a )?plot\b", re.I)
_TITLE_YEAR = re.compile(r"^(?P<title>.+?)\s*\((?P<year>\d{4})[^)]*\)")


def link_texts(block: Block, *href_parts: str) -> tuple[str, ...]:
    texts = (strip_quotes(node_text(link)) for link in block.links(*href_parts))
    return tuple(text for text in texts if text)


def genres(block: Block) -> tuple[str, ...] | None:
    return link_texts(block, *_GENRE_LINKS) or None


def keywords(block: Block) -> tuple[str, ...] | None:
    shown = (clean_keyword(node_text(link)) for link in block.links("/keyword/"))
    return tuple(k for k in shown if k) or None


def keywords_total(block: Block) -> int | None:
    """The N of "See All (N)"; rows that end in a bare "See more" carry no count."""
    text = block.raw_text
    match = _SEE_ALL.search(text) if mentions(text, "e all (") else None
    return to_int(match.group(1)) if match else None


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
    for link in block.links("/company/"):
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


def countries(block: Block) -> tuple[str, ...] | None:
    codes = []
    for link in block.links(*_COUNTRY_LINKS):
        in_href = _COUNTRY_IN_HREF.search(link.attributes.get("href") or "")
        code = country_code(node_text(link)) or (country_code(unquote(in_href.group(1))) if in_href else None)
        if code and code not in codes:
            codes.append(code)
    return tuple(codes) or None


def languages(block: Block) -> tuple[str, ...] | None:
    return link_texts(block, *_LANGUAGE_LINKS) or None


def people(block: Block) -> tuple[Person, ...] | None:
    found = [
        Person(name, nm_id(link.attributes.get("href"))) for link in block.links("/name/") if (name := node_text(link))
    ]
    return tuple(found) or None


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
