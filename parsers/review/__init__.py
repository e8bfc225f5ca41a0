"""Review and list-article pages → ``ReviewPage``: the article's metadata and its ranked list.

Every list shape is a candidate (JSON-LD ItemList, numbered lines, tables, ``<ol>``s, unnumbered
headings under a title that promises a count); the best-scored one becomes ``entries``. Page
furniture (menus, sidebars, comments, "popular" boxes) is removed before any candidate is sought.
"""

from __future__ import annotations

from ..page import Page
from ..records import Article, ReviewPage
from .article import article_fields, page_titles
from .blocks import strip_furniture, text_blocks
from .candidates import Candidate, heading_run, numbered_chain
from .count import promised_count, promises_list
from .entries import EntryBuilder
from .structured import itemlist_candidate, next_page_url, review_facts, structured_candidates

__all__ = ["parse_review"]


def _choose(candidates: list[Candidate], count: int | None) -> Candidate | None:
    def score(candidate: Candidate) -> float:
        found = len(candidate.items)
        return candidate.confidence + (0.3 if count and found == count else 0.0) + min(found, 50) * 0.001

    return max(candidates, key=score, default=None)


def parse_review(page: Page) -> ReviewPage:
    article = Article(**article_fields(page))
    count = promised_count(page_titles(page))
    itemlist = itemlist_candidate(page)
    reviewed_title, rating = review_facts(page, article.title)
    next_url = next_page_url(page)
    strip_furniture(page.tree)
    blocks = text_blocks(page.tree)
    candidates = [c for c in (itemlist, numbered_chain(blocks), *structured_candidates(page, blocks, count)) if c]
    if (count and not any(len(c.items) == count for c in candidates)) or (
        not count and not candidates and promises_list(page_titles(page))
    ):
        candidates.extend(c for c in (heading_run(blocks, count),) if c)
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
