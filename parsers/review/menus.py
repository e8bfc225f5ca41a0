"""The names a page's menus print, and the runs of records named like them that each hold links of their own: a
portal's boxes, each headed by the name of a section its menu links ("Notícias Séries", "Listas", "Reviews") over
that section's latest headlines, are the site's sections, not a list of films, in whatever language the site names
them. (A site's menu may list its shows as well, over their cards: a card holds no list of links.)"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from ..text import node_text
from .blocks import Block, ancestors
from .candidates import Candidate

_MENU_ITEMS = 4  # links a list holds, each alone in its item, to be a menu
_NAMED = 3  # records named like a menu's links, at least, and half the run
_HEADLINES = 3  # links a section's box holds below its name, at least


def menu_names(tree: LexborHTMLParser) -> dict[str, set[int]]:
    """Each name a menu prints (a list whose items are each one link and nothing more, four or more of them,
    linking other pages: a table of contents links its own page's sections, named like the list it leads to),
    casefolded, with the ``mem_id`` of every menu that prints it. Read before the furniture goes."""
    names: dict[str, set[int]] = {}
    for menu in tree.css("ul, ol"):
        linked = []
        for item in menu.iter():
            link = item.css_first("a[href]") if item.tag == "li" else None
            if link is None or (link.attributes.get("href") or "#").startswith("#"):
                continue
            text = node_text(item)
            if text and node_text(link) == text:
                linked.append(text.casefold())
        if len(linked) >= _MENU_ITEMS:
            for text in linked:
                names.setdefault(text, set()).add(menu.mem_id)
    return names


def site_sections(candidate: Candidate, blocks: list[Block], menus: dict[str, set[int]]) -> bool:
    """Half the candidate's records or more (three at least) are named as a menu elsewhere in the page names a
    link (a menu the record is no part of), and each holds three links or more below its name."""
    named = 0
    for item in candidate.items:
        lists = menus.get(item.title.casefold())
        if not lists or not 0 <= item.block < len(blocks):
            continue
        lines = [line for block in blocks[item.block : item.end or item.block + 1] for line in block.lines]
        below = [link for line in lines[item.line + 1 :] for link in line.links]
        named += len(below) >= _HEADLINES and bool(lists - ancestors(blocks[item.block].node))
    return named >= _NAMED and 2 * named >= len(candidate.items)
