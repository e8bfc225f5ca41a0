"""Company Credits: every company with its role (from its section heading), note and id."""

from __future__ import annotations

from ...page import Page
from ...records import Company, FilmPage
from ...text import node_text
from ..common import co_id, is_navigation, split_company
from ._base import ANY_HEADING, Sections, detect_layout, film_page, paren_notes, sections, snake, text_after

_SECTIONS: Sections = {
    "tn15": ("#tn15content", "h2", "li"),
    "2014": ("#company_credits_content", "h4", "li"),
    "nextjs": ("body", ".ipc-title__text", '[data-testid^="sub-section"] li.ipc-metadata-list__item'),
    "unknown": ("body", ANY_HEADING, "li, tr"),  # only under a heading that names a role (_ROLES)
}
# Headings of every layout (old title case, new sentence case) → role; others are snake_case.
_ROLES = {
    "production_companies": "production",
    "production_company": "production",
    "distributors": "distribution",
    "distribution": "distribution",
    "special_effects": "special_effects",
    "other_companies": "other",
    "miscellaneous_companies": "other",
    "miscellaneous": "other",
}


def role_of(heading: str) -> str:
    key = snake(heading)
    return _ROLES.get(key, key)


def _companies(page: Page, layout: str) -> list[Company]:
    found = []
    for heading, item in sections(page, layout, _SECTIONS, _ROLES):
        link = item.css_first('a[href*="/company/co"]')
        if link is None:
            continue
        # The name is the link text alone, so a comma never splits it ("Warner Bros. Pictures, Inc.").
        name, own_note = split_company(node_text(link))
        if not name or is_navigation(name):
            continue
        note = "; ".join(n for n in (own_note, paren_notes(text_after(item, link))) if n) or None
        found.append(Company(name=name, role=role_of(heading), note=note, imdb_id=co_id(link.attributes.get("href"))))
    return found


def parse_companycredits(page: Page) -> FilmPage:
    layout = detect_layout(page)
    # a layout's sections not where its selectors look (its classes renamed): read as a layout no selector knows
    found = _companies(page, layout) or _companies(page, "unknown")
    return film_page(page, "companycredits", layout, ("companies",), companies=tuple(found) or None)
