"""Review and list-article pages → ``ReviewPage``: the article's metadata and its ranked list.

Every list shape is a candidate, each found by its own module: the JSON-LD ItemList
(``structured``), numbered lines (``candidates``), tables by row or by column (``tables``),
``<ol>``/``<ul>`` lists, split ones too (``lists``), and, only as far as the title promises a list,
unnumbered headings or bold lines (``unnumbered``) and repeated boxes such as slides (``cards``). The
best-scored candidate becomes ``entries`` (``entries`` cuts each entry's text). Page furniture (menus,
sidebars, comments, "popular" boxes) is removed before any candidate is sought (``blocks``).
"""

from __future__ import annotations

from ..page import Page
from ..records import Article, ReviewPage
from .article import article_fields, page_titles
from .blocks import Block, BlockIndex, strip_furniture, text_blocks
from .candidates import Candidate, numbered_chain
from .cards import card_candidates
from .count import promised_count, promises_list
from .entries import EntryBuilder
from .lists import list_candidates
from .pagination import next_page_url
from .structured import itemlist_candidate, review_facts
from .tables import table_candidates
from .unnumbered import heading_run

__all__ = ["parse_review"]


def _choose(candidates: list[Candidate], count: int | None) -> Candidate | None:
    def score(candidate: Candidate) -> float:
        found = len(candidate.items)
        return candidate.confidence + (0.3 if count and found == count else 0.0) + min(found, 50) * 0.001

    return max(candidates, key=score, default=None)


def _candidates(page: Page, blocks: list[Block], count: int | None, itemlist: Candidate | None) -> list[Candidate]:
    """Every list shape on the page. Shapes that markup or printed numbers declare come first; shapes
    only the title's promise supports (unnumbered heads, cards) are sought when nothing else fits it."""
    index = BlockIndex(blocks)
    found = [c for c in (itemlist, numbered_chain(blocks, count)) if c] + table_candidates(page, index)
    if count:
        found.extend(list_candidates(page, index, count))
        fits = any(len(candidate.items) == count for candidate in found)
    else:
        fits = bool(found) or not promises_list(page_titles(page))
    if not fits:
        found.extend(c for c in (heading_run(blocks, count),) if c)
        if count:
            found.extend(card_candidates(index, count))
    return found


def parse_review(page: Page) -> ReviewPage:
    article = Article(**article_fields(page))
    count = promised_count(page_titles(page))
    itemlist = itemlist_candidate(page)  # before the furniture goes: it reads scripts and every link
    reviewed_title, rating = review_facts(page, article.title)
    next_url = next_page_url(page)
    strip_furniture(page.tree)
    blocks = text_blocks(page.tree)
    candidates = _candidates(page, blocks, count, itemlist)
    chosen = _choose(candidates, count)
    entries = EntryBuilder(page, blocks).build(chosen.items) if chosen else ()
    warnings = []
    if count and entries and len(entries) != count:
        warnings.append(f"title promises {count} entries, found {len(entries)}")
    return ReviewPage(
        url=page.url,
        article=article,
        entries=entries,
        confidence=round(chosen.confidence, 2) if chosen and entries else 0.0,
        count_promised=count,
        list_shape=chosen.shape if chosen and entries else None,
        warnings=tuple(warnings),
        reviewed_title=reviewed_title if not entries else None,
        rating=rating,
        next_page_url=next_url,
    )
