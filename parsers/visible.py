"""Film facts as a reader sees them on any film site: its labelled rows and its heading.

A film site prints the facts it has as label and value, in whatever markup it likes: ``<span class="label">Runtime:
</span> <span>2 hrs 46 mins</span>`` (Rotten Tomatoes 2008), ``<dt>Género</dt><dd>…</dd>`` (FilmAffinity),
``<th>Directed by</th><td>…</td>`` (Wikipedia's infobox), ``<span class="pl">导演</span>: …`` (Douban). A label is
found by its words (``vocabulary.LABELS``, many languages), never by a site's class names; its value is what
follows it. The heading gives the title and, where it prints one, the year ("Pulp Fiction (1994)").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from selectolax.lexbor import LexborNode

from .countries import country_code
from .dates import release_date_from_text
from .imdb.common import runtime_minutes
from .page import Page
from .records import Person, ReleaseDate
from .text import clean, dedupe, node_text, strip_quotes
from .vocabulary import field_of_label, label_key

_LABELS = "dt, th, td, span, strong, b, label, h3, h4, h5, div, p"
_INLINE = frozenset({"span", "b", "strong", "em", "i", "abbr", "font", "small", "bdi"})
_MAX_LABEL = 40  # characters: a label is a few words
_SEPARATORS = re.compile(r"\s*(?:\||,|/|·|•|;)\s*")
_RELEASE_SEPARATORS = re.compile(r"\s*(?:\s/\s|;|\|)\s*")
_TITLE_YEAR = re.compile(r"^(?P<title>.+?)\s*\((?P<year>(?:18|19|20)\d\d)\)\s*$")


def _is_leaf(node: LexborNode) -> bool:
    """A label holds words only: no links, blocks or lists inside (a box that holds its value is no label)."""
    return all(child.tag in _INLINE for child in node.iter(include_text=False))


def _value_node(label: LexborNode) -> LexborNode | None:
    """What follows a label: its next element, or, where the label is the last of its box, the box's next element
    (``<th><div>Release dates</div></th><td>…</td>``)."""
    node: LexborNode | None = label
    for _ in range(3):
        if node is None:
            return None
        sibling = node.next
        while sibling is not None and not sibling.is_element_node:
            if clean(sibling.text(deep=False)).strip(":："):  # "<b>Genre:</b> Drama" (text right after the label)
                return node.parent
            sibling = sibling.next
        if sibling is not None:
            return sibling
        node = node.parent
    return None


def _parts(node: LexborNode) -> list[str]:
    """A value's items: its links' texts, else its text split at separators."""
    links = [text for link in node.css("a") if (text := strip_quotes(node_text(link)))]
    return links or [part for part in _SEPARATORS.split(node_text(node)) if part]


def _release_dates(node: LexborNode) -> tuple[ReleaseDate, ...] | None:
    found = (release_date_from_text(part) for part in _RELEASE_SEPARATORS.split(node_text(node)))
    return tuple(dict.fromkeys(date for date in found if date)) or None


def _people(node: LexborNode) -> tuple[Person, ...] | None:
    return tuple(Person(name) for name in dedupe(_parts(node))) or None


_READERS: dict[str, Callable[[LexborNode], Any]] = {
    "genres": lambda node: dedupe(_parts(node)) or None,
    "countries": lambda node: dedupe([code for part in _parts(node) if (code := country_code(part))]) or None,
    "languages": lambda node: dedupe(_parts(node)) or None,
    "directors": _people,
    "writers": _people,
    "runtime_minutes": lambda node: runtime_minutes(node_text(node)),
    "release_dates": _release_dates,
    "original_title": lambda node: strip_quotes(node_text(node)) or None,
}


def labelled_fields(page: Page) -> dict[str, Any]:
    """Every field whose label the page prints, read from what follows the label; the first label of a field wins."""
    found: dict[str, Any] = {}
    for node in page.tree.css(_LABELS):
        text = clean(node.text(deep=False))
        if not text or len(text) > _MAX_LABEL or not _is_leaf(node):
            continue
        field = field_of_label(label_key(text))
        if field is None or field in found or field not in _READERS:
            continue
        value = _value_node(node)
        if value is not None and (read := _READERS[field](value)) is not None:
            found[field] = read
    return found


def heading_fields(page: Page) -> dict[str, Any]:
    """Title and year from the page's first ``<h1>`` ("Pulp Fiction (1994)"), else its ``og:title``."""
    h1 = page.tree.css_first("h1")
    og = page.tree.css_first('meta[property="og:title"]')
    for text in (node_text(h1), clean(og.attributes.get("content") if og is not None else None)):
        if not text:
            continue
        if match := _TITLE_YEAR.match(text):
            return {"title": strip_quotes(match.group("title")), "year": int(match.group("year"))}
        return {"title": strip_quotes(text)}
    return {}
