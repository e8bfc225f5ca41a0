"""Full Cast & Crew: directors and writers with their notes, and how many cast rows there are."""

from __future__ import annotations

import re

from ...page import Page
from ...records import FilmPage, Person
from ...text import node_text
from ..common import nm_id
from ._base import Sections, detect_layout, film_page, paren_notes, sections, text_after

_NAME_LINK = 'a[href*="/name/nm"]'
# tn15 puts each heading in a row of the credits table itself; document order still puts
# every row after its own heading.
_SECTIONS: Sections = {
    "tn15": ("#tn15content", "h5", "tr"),
    "2014": ("#fullcredits_content", "h4", "tr"),
    "nextjs": ("body", ".ipc-title__text", '[data-testid^="sub-section"] li'),
}
# A heading's first word, over every layout and wording ("Directed by", "Directors",
# "Writing Credits", "Writers", "Cast (in credits order)"); "Casting By" is crew, not cast.
_GROUPS = {
    "directed": "directors",
    "director": "directors",
    "directors": "directors",
    "writing": "writers",
    "writer": "writers",
    "writers": "writers",
    "cast": "cast",
}


def _group(heading: str) -> str | None:
    words = re.findall(r"\w+", heading.casefold())
    return _GROUPS.get(words[0]) if words else None


def parse_fullcredits(page: Page) -> FilmPage:
    layout = detect_layout(page)
    people: dict[str, list[Person]] = {"directors": [], "writers": [], "cast": []}
    seen_groups: set[str] = set()
    for heading, row in sections(page, layout, _SECTIONS):
        group = _group(heading)
        if group is None:
            continue
        seen_groups.add(group)
        # the first name link with text: cast rows open with an image-only photo link
        link = next((a for a in row.css(_NAME_LINK) if node_text(a)), None)
        if link is not None:
            note = paren_notes(text_after(row, link)) if group != "cast" else None
            people[group].append(Person(name=node_text(link), imdb_id=nm_id(link.attributes.get("href")), note=note))
    return film_page(
        page,
        "fullcredits",
        layout,
        ("directors", "writers", "cast_total"),
        directors=tuple(people["directors"]) if "directors" in seen_groups else None,
        writers=tuple(people["writers"]) if "writers" in seen_groups else None,
        cast_total=len(people["cast"]) if "cast" in seen_groups else None,
    )
