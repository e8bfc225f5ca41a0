"""The article body as a flat stream of text blocks, with the page furniture removed first.

A block is one run of inline content owned by a block element (a paragraph, a heading, a list item,
a ``<div>`` with loose text); ``<br>`` splits a block into lines. Every list shape the candidates
look for (numbered lines, bold paragraphs, heading runs) is a pattern over this stream, so the DOM
is walked once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..text import clean

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCK_TAGS = HEADINGS | {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "tbody", "thead", "tfoot",
    "blockquote", "section", "article", "header", "footer", "main", "figure", "figcaption", "pre", "hr",
    "address", "details", "summary", "fieldset", "center", "caption",
}  # fmt: skip
_BOLD_TAGS = frozenset({"strong", "b"})
# Never content: scripts and the page's furniture.
_DROP_SELECTOR = (
    "script, style, noscript, template, nav, footer, aside, form, button, select, iframe, svg, "
    "[role=navigation], [role=complementary], [role=contentinfo], [aria-hidden=true]"
)
# Class or id words of site furniture: menus, sidebars, comment threads, "related" and "popular" boxes.
_FURNITURE = re.compile(
    r"(?:^|[-_\s])(comments?|commentlist|respond|sidebar|widgets?|related|popular|trending|most-?read|most-?viewed|"
    r"footer|menu|navbar|navigation|breadcrumbs?|share|sharing|social|newsletter|recommended|"
    r"recommendations|read-?next|carousel|gallery|outbrain|taboola|toc|table-of-contents|"
    r"author-box|masthead|mobile|screen-reader-text|sr-only)(?=$|[-_\s])",
    re.I,
)
_ARTICLE_SELECTOR = (
    "article, main, [itemprop=articleBody], .entry-content, .post-content, .article-content, .article-body"
)
_BARE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_KEEP = frozenset({"html", "body", "main", "article"})


@dataclass(slots=True)
class Line:
    text: str
    bold: str = ""  # the text of the bold run the line opens with, "" when it opens with plain text
    links: list[LexborNode] = field(default_factory=list)
    number_apart: bool = False  # the line opens with a number in its own element: <span>1</span><span>Title</span>


@dataclass(slots=True)
class Block:
    node: LexborNode  # the element that owns the run
    tag: str  # the enclosing heading's tag where there is one, else the owner's tag
    lines: list[Line]
    in_article: bool = True  # inside the page's main <article> (or there is none)

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


def strip_furniture(tree: LexborHTMLParser) -> None:
    """Remove scripts, navigation, sidebars and comment threads, so no candidate list comes from them."""
    for node in tree.css(_DROP_SELECTOR):
        node.decompose()
    article = _main_article(tree)
    article_line = _ancestors(article)
    inside = set(article.traverse(include_text=False)) if article is not None else set()
    article_size = len(article.text(deep=True)) if article is not None else 0
    for node in tree.css("[class], [id]"):
        if node.tag in _KEEP or node.parent is None or node in article_line:
            continue
        words = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if not _FURNITURE.search(words):
            continue
        # Inside the article, what holds most of it is the article itself, whatever its class says
        # ("widget__body"); with no article element known, what holds the page's <h1> is ("has-sidebar").
        if node in inside and len(node.text(deep=True)) >= 0.5 * article_size:
            continue
        if article is None and node.css_first("h1") is not None:
            continue
        node.decompose()


def _main_article(tree: LexborHTMLParser) -> LexborNode | None:
    """The element holding the article: the longest ``<article>``, ``<main>`` or articleBody."""
    return max(tree.css(_ARTICLE_SELECTOR), key=lambda node: len(node.text(deep=True)), default=None)


def _ancestors(node: LexborNode | None) -> set[LexborNode]:
    line = set()
    while node is not None:
        line.add(node)
        node = node.parent
    return line


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._lines: list[Line] = []
        self._segments: list[tuple[str, bool]] = []
        self._links: list[LexborNode] = []
        self._number_apart = False

    def _end_line(self) -> None:
        text = clean("".join(text for text, _ in self._segments))
        if text:
            bold: list[str] = []
            for chunk, is_bold in self._segments:
                if is_bold:
                    bold.append(chunk)
                elif chunk.strip():
                    break
                else:
                    bold.append(chunk)
            opening_bold = clean("".join(bold)) if any(b for _, b in self._segments) else ""
            self._lines.append(Line(text, opening_bold, self._links, self._number_apart))
        self._segments, self._links, self._number_apart = [], [], False

    def _flush(self, owner: LexborNode, tag: str) -> None:
        self._end_line()
        if self._lines:
            self.blocks.append(Block(owner, tag, self._lines))
        self._lines = []

    def walk(self, node: LexborNode, heading: str | None = None, bold: bool = False) -> None:
        tag = heading or node.tag or ""
        for child in node.iter(include_text=True):
            name = child.tag or ""
            if name in _BLOCK_TAGS:
                self._flush(node, tag)
                self.walk(child, heading or (name if name in HEADINGS else None), bold)
            else:
                self._inline(child, bold)
        self._flush(node, tag)

    def _inline(self, node: LexborNode, bold: bool) -> None:
        name = node.tag or ""
        if name == "-text":
            self._segments.append((node.text_content or "", bold))
        elif name == "br":
            self._end_line()
        elif name and not name.startswith("-"):
            bold = bold or name in _BOLD_TAGS
            if name == "a":
                self._links.append(node)
            elif not any(text.strip() for text, _ in self._segments) and _BARE_NUMBER.match(node.text()):
                self._number_apart = True
                self._segments.append((node.text() + " ", bold))
                return
            for child in node.iter(include_text=True):
                self._inline(child, bold)


def text_blocks(tree: LexborHTMLParser) -> list[Block]:
    """The body's blocks in page order, each marked whether it lies in the main article."""
    if tree.body is None:
        return []
    walker = _Walker()
    walker.walk(tree.body)
    article = _main_article(tree)
    if article is not None:
        inside = set(article.traverse(include_text=False))
        for block in walker.blocks:
            block.in_article = block.node in inside
    return walker.blocks
