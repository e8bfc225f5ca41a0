"""The next page of a list split over several pages.

Only the document's own pagination counts: ``<link rel=next>`` in the head, or the "next" link of a
pagination bar. Old WordPress themes also mark the link to the next *post* ``rel=next`` (with the
post's title as ``title``), and post navigation bars link the next article: a next page continues
this page's address ("/westerns/" → "/westerns/page/2/", "?page=2", "-part-1" → "-part-2").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from ..page import Page
from ..text import node_text

_PAGINATION = ".pagination, .page-links, .post-page-numbers, .nav-links, .pager, nav, [role=navigation]"
_NEXT_TEXT = re.compile(r"^(next( page)?|page 2|nächste seite|page suivante|siguiente)\s*[›»>→]?$", re.I)
_DIGITS = re.compile(r"\d+")


def _offered(page: Page) -> Iterator[str]:
    """Every link the page offers as its next page, surest first."""
    for node in page.tree.css("head link[rel~=next]"):
        if not node.attributes.get("title"):  # a titled rel=next names the next post
            yield node.attributes.get("href") or ""
    for bar in page.tree.css(_PAGINATION):
        for anchor in bar.css("a[href]"):
            if "next" in (anchor.attributes.get("rel") or "").split() or _NEXT_TEXT.match(node_text(anchor)):
                yield anchor.attributes.get("href") or ""


def continues(url: str | None, next_url: str) -> bool:
    """``next_url`` is a later page of the document at ``url``: same host, and a path that extends
    this one or differs from it only in numbers (the query may carry the page number)."""
    if url is None:
        return True  # nothing to compare with: the page's word stands
    here, there = urlsplit(url), urlsplit(next_url)
    if here.hostname != there.hostname:
        return False
    path, next_path = here.path.rstrip("/"), there.path.rstrip("/")
    if next_path == path:
        return there.query != here.query
    return next_path.startswith(path + "/") or (
        _DIGITS.sub("#", path) == _DIGITS.sub("#", next_path) and _DIGITS.search(next_path) is not None
    )


def next_page_url(page: Page) -> str | None:
    for href in _offered(page):
        url = page.absolute(href)
        if url and continues(page.url, url):
            return url
    return None
