"""Movie Connections: every linked title with its relation (from the section heading), year and note."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from ...page import Page
from ...records import Connection, FilmPage
from ...text import clean, find_year, node_text
from ..common import tt_id
from ._base import ANY_HEADING, Sections, detect_layout, film_page, header, is_heading, sections, snake, text_after

_TITLE_LINK = 'a[href*="/title/tt"]'
# tn15 items are bare links separated by <br>; later layouts wrap each connection in a block
# (div.soda, a metadata list item).
_SECTIONS: Sections = {
    "tn15": ("#tn15content", "h5", f"#tn15content > {_TITLE_LINK}"),
    "2014": ("#connections_content", "h4", "div.soda"),
    "nextjs": ("body", ".ipc-title__text", '[data-testid^="sub-section"] li.ipc-metadata-list__item'),
    "unknown": ("body", ANY_HEADING, _TITLE_LINK),  # only under a heading that names a relation (_RELATIONS)
}
# The relations IMDb names its sections by, in every layout (snake_case of "Follows", "Spin-off from" …).
_RELATIONS = frozenset(
    {
        "follows", "followed_by", "remake_of", "remade_as", "version_of", "edited_version_of", "spin_off",
        "spin_off_from", "references", "referenced_in", "features", "featured_in", "spoofs", "spoofed_in",
        "edited_into", "edited_from", "alternate_language_version_of",
    }
)  # fmt: skip
# "(1968) (TV) - The shot of …": the leading brackets qualify the title, the rest is the note.
_LEADING_BRACKETS = re.compile(r"^\s*((?:\([^()]*\)\s*)*)[\s\-–—:]*(.*)$", re.S)
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?])")  # node text spaces every tag boundary


def _inline_tail(link: LexborNode, own: str | None) -> str:
    """tn15: the text after a bare link, up to the next title link (not one to the page's own film, ``own``,
    which a note may name) or heading."""
    parts = []
    node = link.next
    while (
        node is not None
        and not is_heading(node)
        and not (node.tag == "a" and tt_id(node.attributes.get("href")) not in (None, own))
    ):
        parts.append(node.text(deep=True, separator=" ") if node.is_element_node else node.text() or "")
        node = node.next
    return clean(" ".join(parts))


def connection(relation: str, link: LexborNode, tail: str) -> Connection | None:
    title = node_text(link)
    if not title:
        return None
    match = _LEADING_BRACKETS.match(tail)
    qualifiers, note = (match.group(1), match.group(2)) if match else ("", tail)
    return Connection(
        relation=relation,
        title=title,
        year=find_year(qualifiers),
        imdb_id=tt_id(link.attributes.get("href")),
        note=_SPACE_BEFORE_PUNCTUATION.sub(r"\1", clean(note)) or None,
    )


def _connections(page: Page, layout: str, own: str | None) -> list[Connection]:
    """The connections under the page's sections; ``own``: the page's film, which a note may name."""
    found = []
    for heading, item in sections(page, layout, _SECTIONS, _RELATIONS):
        link = item if item.tag == "a" else item.css_first(_TITLE_LINK)
        if link is None:
            continue
        if link is item and tt_id(link.attributes.get("href")) == own:  # the film itself, named in a note
            continue
        tail = _inline_tail(link, own) if link is item else text_after(item, link)
        if found_one := connection(snake(heading), link, tail):
            found.append(found_one)
    return found


def parse_connections(page: Page) -> FilmPage:
    layout = detect_layout(page)
    # a layout's sections not where its selectors look (its classes renamed): read as a layout no selector knows
    own = header(page, layout)[0]
    found = _connections(page, layout, own) or _connections(page, "unknown", own)
    return film_page(page, "connections", layout, ("connections",), connections=tuple(found) or None)
