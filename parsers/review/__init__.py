"""PLACEHOLDER (helper D replaces): review pages and ranked lists."""

from __future__ import annotations

from ..page import Page
from ..records import Article, ReviewPage
from ..text import node_text


def parse_review(page: Page) -> ReviewPage:
    return ReviewPage(url=page.url, article=Article(title=node_text(page.tree.css_first("title"))))
