"""The article body as a flat stream of text blocks, with the page furniture removed first.

A block is one run of inline content owned by a block element (a paragraph, a heading, a list item,
a ``<div>`` with loose text); ``<br>`` splits a block into lines. Every list shape the candidates
look for (numbered lines, bold paragraphs, heading runs) is a pattern over this stream, so the DOM
is walked once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..text import clean
from .quality import film_url

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
TOP_HEADINGS = 'h1, [role=heading][aria-level="1"]'  # the page's own headings, however written (see _aria_headings)
_BLOCK_TAGS = HEADINGS | {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "tbody", "thead", "tfoot",
    "blockquote", "section", "article", "header", "footer", "main", "figure", "figcaption", "pre", "hr",
    "address", "details", "summary", "fieldset", "center", "caption",
}  # fmt: skip
BOLD_TAGS = frozenset({"strong", "b", "em", "i", "cite"})
_LIST_NUMBER = re.compile(r"\s*#?\d{1,3}[.):]?\s+")  # "1. ", "#3 ", "10) " before a list's entry
# Never content: scripts, the page's furniture, and icons: an icon font's ligature is a word in the markup
# ("date_range", "star") drawn as a glyph (Google's Material icons and symbols, on millions of sites).
_DROP_SELECTOR = (
    "script, style, noscript, template, nav, footer, aside, form, button, select, textarea, iframe, svg, "
    "[role=navigation], [role=complementary], [role=contentinfo], [aria-hidden=true], "
    "[class*=material-icons], [class*=material-symbols]"
)
# Class or id words of site furniture: menus, sidebars, comment threads, "related" and "popular" boxes.
_FURNITURE = re.compile(
    r"(?:^|[-_\s])(comments?|commentlist|respond|sidebar|aside|widgets?|related|popular|trending|most-?read|most-?viewed|"
    r"footer|menu|navbar|navigation|breadcrumbs?|share|sharer|sharing|social|newsletter|recommended|"
    r"recommendations|read-?next|carousel|gallery|outbrain|taboola|toc|table-of-contents|"
    r"author-box|masthead|mobile|screen-reader-text|sr-only|read-?more)(?=$|[-_\s])",
    re.I,
)
# Elementor, a page builder, calls every box of a page a widget ("elementor-widget-theme-post-content" holds the
# post): the word names no sidebar there; the box's kind after it still may ("elementor-widget-sidebar").
_BUILDER_WIDGET = re.compile(r"\belementor-widget-?")
_CAMEL_CASE = re.compile(r"(?<=[a-z])(?=[A-Z])")  # "relatedContent" → "related Content"
# Words that also name what they point at: the sections a table of contents links to ("TOC_TITLE_2").
_LINK_FURNITURE = frozenset({"toc", "table-of-contents"})
_ARTICLE_SELECTOR = (
    "article, main, [itemprop=articleBody], .entry-content, .post-content, .article-content, .article-body"
)
# A heading's own permalink, as static sites' themes draw it beside the heading ("#", "¶", "§", "🔗" linking its own
# fragment): no part of the heading's text.
_PERMALINKS = ", ".join(f'{tag} a[href^="#"]' for tag in sorted(HEADINGS))
_WORD = re.compile(r"\w")
_BARE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_YEAR_AFTER = re.compile(r"^\s*[(\[]\s*(?:1[89]\d\d|20\d\d)(?:\s*[-–—/]\s*(?:1[89]\d\d|20\d\d)?)?\s*[)\]]")
_TABLE_ROWS = 3  # rows of text that make a form's table a listing
_KEEP = frozenset({"html", "body", "main", "article"})
# The styles and classes that may hide an element (see _unseen).
_HIDING_SELECTOR = (
    '[style*="none"], [class*="d-"], [class*="hidden"], [class*=":block"], [class*=":flex"], [class*="visible-"],'
    ' [class*="hide-for-"], [class*="show-for-"]'
)
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)
# The display values of Bootstrap's d-* classes ("none") and Tailwind's ("hidden"), and Tailwind's breakpoints up to a
# desktop's width (its "xl" starts at 1280 px).
_DISPLAYS = frozenset({"none", "hidden", "block", "inline", "inline-block", "flex", "inline-flex", "grid", "inline-grid",
                       "table", "table-row", "table-cell", "contents"})  # fmt: skip
_TAILWIND = frozenset({"", "sm", "md", "lg"})
_HIDDEN_ON_A_DESKTOP = frozenset({"hidden-lg", "hide-for-large", "hide-for-large-up", "hide-for-medium-up"})


def _aria_headings(root: LexborNode) -> dict[int, str]:
    """The elements below ``root`` that say they are headings (``<div role="heading" aria-level="3">``, as script-built
    pages write them), by ``mem_id``, each as the ``<h3>`` it stands for (``<h2>`` where no level is given)."""
    found = {}
    for node in root.css("[role=heading]"):
        level = (node.attributes.get("aria-level") or "").strip()
        found[node.mem_id] = f"h{level}" if level in _LEVELS else "h2"
    return found


_LEVELS = frozenset("123456")


@dataclass(slots=True)
class Line:
    text: str
    bold: str = ""  # the text of the bold run the line opens with, "" when it opens with plain text
    links: list[LexborNode] = field(default_factory=list)
    number_apart: bool = False  # the line opens with a number in its own element: <span>1</span><span>Title</span>
    linked: bool = False  # all its text is link text: a link list or a teaser, not prose

    def lead(self) -> str:
        """The bold run the line opens with, and a year in brackets right after it ("<b>Heat</b> (1995)")."""
        if not self.bold or not self.text.startswith(self.bold):
            return self.bold
        year = _YEAR_AFTER.match(self.text[len(self.bold) :])
        return self.bold + year.group(0) if year else self.bold


@dataclass(slots=True)
class Block:
    node: LexborNode  # the element that owns the run
    tag: str  # the enclosing heading's tag where there is one, else the owner's tag
    lines: list[Line]
    in_article: bool = True  # inside the page's main <article> (or there is none)

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


class BlockIndex:
    """Which blocks an element holds, for candidates found in the DOM (lists, tables, slides)."""

    def __init__(self, blocks: list[Block], root: LexborNode | None) -> None:
        self.blocks = blocks
        self._root = root
        # Keyed by ``mem_id``: a LexborNode compares (and so is found in a dict) by serialising its HTML.
        self._first: dict[int, int] = {}
        self._last: dict[int, int] = {}
        for n, block in enumerate(blocks):
            self._first.setdefault(block.node.mem_id, n)
            self._last[block.node.mem_id] = n
        self._inner: tuple[dict[int, int], dict[int, int]] | None = None

    def _spans(self) -> tuple[dict[int, int], dict[int, int]]:
        """First and last block inside every element that holds one, up to the root's parent: from each
        block's element up through its ancestors, the blocks in page order for the first (in reverse for the
        last), each walk stopped at an element an earlier walk reached. Only elements holding text are
        visited, each once: asking each element's subtree would be quadratic in the nesting depth of a
        broken page."""
        if self._inner is None:
            if self._root is None:
                self._inner = dict(self._first), dict(self._last)
            else:
                top = self._root.parent
                stop = top.mem_id if top is not None else self._root.mem_id
                count = len(self.blocks)
                self._inner = self._upwards(range(count), stop), self._upwards(range(count - 1, -1, -1), stop)
        return self._inner

    def _upwards(self, order: range, stop: int) -> dict[int, int]:
        reached: dict[int, int] = {}
        for n in order:
            node: LexborNode | None = self.blocks[n].node
            while node is not None and (key := node.mem_id) not in reached:
                reached[key] = n
                if key == stop:
                    break
                node = node.parent
        return reached

    def first(self, node: LexborNode) -> int | None:
        """The first block inside ``node``, or None when it holds no text."""
        return self._spans()[0].get(node.mem_id)

    def owned_first(self, node: LexborNode) -> int | None:
        """The first block ``node`` itself owns (not one of its descendants'), or None."""
        return self._first.get(node.mem_id)

    def last(self, node: LexborNode) -> int | None:
        return self._spans()[1].get(node.mem_id)


def _card_buttons(node: LexborNode) -> bool:
    """A <nav> of one or two links, one to a film's page, is a card's buttons ("Ver Sinopsis"), not a menu."""
    links = node.css("a") if node.tag == "nav" else []
    return 0 < len(links) <= 2 and any(film_url(link.attributes.get("href") or "") for link in links)


def _cell_button(node: LexborNode) -> bool:
    """A button that is a table cell's text (a chart's titles open a film's details: "<td><span>01</span>
    <button>Dynamite Kiss</button></td>") is the cell's content; a page's own controls are not laid out in tables."""
    return node.tag == "button" and node.parent is not None and node.parent.tag in ("td", "th")


def _one_film(node: LexborNode) -> bool:
    """The node links one film's page (and its tickets, say): a film's card ("schauburg-previewelement-mobile-card"
    holds a programme's film), whatever its class says; rails of related or popular films link many."""
    films = {href for link in node.css("a[href]") if film_url(href := link.attributes.get("href") or "")}
    return len(films) == 1


def strip_furniture(tree: LexborHTMLParser) -> None:
    """Remove scripts, icons, navigation, sidebars and comment threads, and what the page hides from a reader on a
    desktop's screen (its copies for phones and tablets, tabs not shown), so no candidate list comes from them."""
    for node in tree.css(_DROP_SELECTOR):
        if node.tag != "form" and not _card_buttons(node) and not _cell_button(node):
            node.decompose()
    for node in tree.css(_PERMALINKS):
        if _WORD.search(node.text(deep=True)) is None:
            node.decompose()
    page_size = len(tree.body.text(deep=True)) if tree.body is not None else 0
    for node in tree.css("form"):
        # ASP.NET pages wrap the whole page in one <form>: that form is the page, not a search box; and a form
        # round a table of rows is a listing with its controls (a TV guide's day picker above its schedule).
        if len(node.text(deep=True)) < 0.5 * page_size and not _holds_rows(node):
            node.decompose()
    for node in tree.css(_HIDING_SELECTOR):
        # what holds most of the page is the page, hidden until its scripts show it (an app's root "hidden" at load)
        if (
            node.parent is not None
            and node.tag not in _KEEP
            and _unseen(node)
            and len(node.text(deep=True)) < 0.5 * page_size
        ):
            node.decompose()
    article = _main_article(tree)
    article_line = ancestors(article)
    inside = {node.mem_id for node in article.traverse(include_text=False)} if article is not None else set()
    article_size = len(article.text(deep=True)) if article is not None else 0
    runs = _RunSizes()
    for node in tree.css("[class], [id]"):
        if node.tag in _KEEP or node.parent is None or node.mem_id in article_line:
            continue
        attributes = node.attributes
        furniture = _furniture(f"{attributes.get('class') or ''} {attributes.get('id') or ''}")
        if furniture is None or (furniture.casefold() in _LINK_FURNITURE and _link_share(node) < 0.5):
            continue
        # Inside the article, what holds most of it is the article itself, whatever its class says
        # ("widget__body"); with no article element known, what holds the page's <h1> is ("has-sidebar").
        size = len(node.text(deep=True))
        if node.mem_id in inside and size >= 0.5 * article_size:
            continue
        # Layout wrappers named for the sidebar beside them ("l-sidebar-fixed l-article-body-segment") hold
        # most of the page, and so do the runs of boxes a list is drawn in (Empire's 100
        # "gallery__content-item" sections): they are the page.
        if max(size, runs.size(node)) >= 0.5 * page_size:
            continue
        if article is None and node.css_first(TOP_HEADINGS) is not None:
            continue
        if _one_film(node):
            continue
        if node.tag in HEADINGS and furniture.casefold().startswith("comment"):
            _drop_thread(node, article_line)
        node.decompose()


def _drop_thread(heading: LexborNode, article_line: set[int]) -> None:
    """Remove what follows a comment thread's heading among its siblings: the thread's comments, drawn as an older
    blog draws them (numbered boxes of a text and a byline, "Stephen on Dec 18, 2007", classed as nothing the
    furniture words know). Not a box that holds the article or a page's heading."""
    follower = heading.next
    while follower is not None:
        after = follower.next
        if follower.mem_id not in article_line and (
            (follower.tag or "-").startswith("-") or follower.css_first(TOP_HEADINGS) is None
        ):
            follower.decompose()
        follower = after


def _unseen(node: LexborNode) -> bool:
    """The page's own style hides the block (a saved page keeps what its scripts set: the tabs not shown, the cards
    behind "show more", a date picker; not a control, whose links may be a card's), or its classes hide the element
    on a desktop's screen."""
    attributes = node.attributes
    hidden = node.tag in _BLOCK_TAGS and styled_hidden(attributes)
    return hidden or _hidden_on_a_desktop(attributes.get("class") or "")


def styled_hidden(attributes: dict[str, str | None]) -> bool:
    """The element's own ``style`` hides it (``display: none``)."""
    return _DISPLAY_NONE.search(attributes.get("style") or "") is not None


def _hidden_on_a_desktop(classes: str) -> bool:
    """Whether a CSS framework's classes hide the element on a desktop's screen (1200 px wide), as pages print one
    block once per screen size ("d-none d-xl-block" for desktops, then "d-md-block d-xl-none" for tablets):
    Bootstrap 4-5's ``d-{breakpoint}-{display}`` (up to ``xl``, 1200 px) and Tailwind's ``{breakpoint}:hidden``
    (up to ``lg``, 1024 px), the widest deciding; Bootstrap 3's ``hidden-lg`` and ``visible-xs``; Foundation's
    ``hide-for-large`` and ``show-for-small-only``."""
    words = classes.split()
    display = None  # the display the classes set at a desktop's width: "none", another, or none set
    for breakpoint in ("", "sm", "md", "lg", "xl"):
        bootstrap = f"d-{breakpoint}-" if breakpoint else "d-"
        tailwind = f"{breakpoint}:" if breakpoint else ""
        prefixes = (bootstrap, tailwind) if breakpoint in _TAILWIND else (bootstrap,)
        for word in words:
            for prefix in prefixes:
                if word.startswith(prefix) and (value := word[len(prefix) :]) in _DISPLAYS:
                    display = value
    if display in ("none", "hidden"):
        return True
    if any(word in _HIDDEN_ON_A_DESKTOP for word in words):
        return True
    shown_only = [word for word in words if word.startswith(("visible-", "show-for-"))]
    return bool(shown_only) and not any(word.startswith(("visible-lg", "show-for-large")) for word in shown_only)


def _holds_rows(form: LexborNode) -> bool:
    """The form holds a table of at least three rows of text."""
    return any(
        sum(1 for row in table.css("tr") if row.text(deep=True).strip()) >= _TABLE_ROWS for table in form.css("table")
    )


@lru_cache(maxsize=4096)
def _furniture(words: str) -> str | None:
    """The furniture word an element's class and id words hold ("relatedContent" too), or None; cached, as
    a page repeats its classes on hundreds of elements."""
    found = _FURNITURE.search(_BUILDER_WIDGET.sub("elementor-", words))
    if found is None and words != words.lower():
        found = _FURNITURE.search(_CAMEL_CASE.sub(" ", words))
    return found.group(1) if found else None


class _RunSizes:
    """The text size of a node's run: it and its siblings of the same tag and first class, counted once per run
    (the first of Empire's 100 sections adds a class word, "gallery", the others lack: it is one of them)."""

    def __init__(self) -> None:
        self._sizes: dict[tuple[int, str, str], int] = {}

    def size(self, node: LexborNode) -> int:
        parent = node.parent
        if parent is None:
            return 0
        key = (parent.mem_id, node.tag or "", _first_class(node))
        if key not in self._sizes:
            self._sizes[key] = sum(
                len(sibling.text(deep=True))
                for sibling in parent.iter()
                if sibling.tag == key[1] and _first_class(sibling) == key[2]
            )
        return self._sizes[key]


def _first_class(node: LexborNode) -> str:
    return next(iter((node.attributes.get("class") or "").split()), "")


def _link_share(node: LexborNode) -> float:
    """How much of a node's text is link text (a table of contents is nearly all links)."""
    text = len(node.text(deep=True).strip())
    return sum(len(anchor.text(deep=True).strip()) for anchor in node.css("a")) / text if text else 1.0


def _main_article(tree: LexborHTMLParser) -> LexborNode | None:
    """The element holding the article: the longest ``<article>``, ``<main>`` or articleBody."""
    return max(tree.css(_ARTICLE_SELECTOR), key=lambda node: len(node.text(deep=True)), default=None)


def ancestors(node: LexborNode | None) -> set[int]:
    """The ``mem_id`` of ``node`` and of every element around it."""
    line = set()
    while node is not None:
        line.add(node.mem_id)
        node = node.parent
    return line


def _bare_number(node: LexborNode) -> str:
    """The number an element holds as its only text (``<span>1</span>``), else ""."""
    child = node.child
    if child is None or child.next is not None or child.tag != "-text":
        return ""
    text = child.text_content or ""
    return text if _BARE_NUMBER.match(text) else ""


class _Walker:
    """Cuts the DOM into blocks; a block element met inside an inline one (a ``<div>`` in a custom
    wrapper element, a ``<p>`` in a ``<span>``) still ends the run, so no page becomes one block.

    The walk goes from each node to its first child or next sibling (cheaper than lexbor's traverse(), whose
    nodes must each be asked for their parent to know which elements close) and keeps its own stack of open
    elements rather than recursing: broken pages nest elements thousands deep."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._lines: list[Line] = []
        self._segments: list[tuple[str, bool, bool]] = []  # text, bold, inside a link
        self._links: list[LexborNode] = []
        self._number_apart = False
        self._owner: LexborNode | None = None
        self._tag = ""
        self._heading: str | None = None
        # The blocks around the open one, to return to when it closes.
        self._outer: list[tuple[LexborNode | None, str, str | None]] = []

    def _end_line(self) -> None:
        segments = self._segments
        if len(segments) == 1:  # most lines: one run of text, all bold or not, all linked or not
            chunk, is_bold, in_link = segments[0]
            if text := clean(chunk):
                self._lines.append(Line(text, text if is_bold else "", self._links, self._number_apart, in_link))
        elif segments and (text := clean("".join([text for text, _, _ in segments]))):
            bold: list[str] = []
            if any(is_bold for _, is_bold, _ in segments):
                for n, (chunk, is_bold, _) in enumerate(segments):
                    # a list's number before the bold name is the bold run's ("1. <em>The Maltese Falcon.</em> 1941")
                    if not is_bold and chunk.strip() and not (n == 0 and _LIST_NUMBER.fullmatch(chunk)):
                        break
                    bold.append(chunk)
            opening_bold = clean("".join(bold))
            linked = all(in_link or not chunk.strip() for chunk, _, in_link in segments)
            self._lines.append(Line(text, opening_bold, self._links, self._number_apart, linked))
        self._segments, self._links, self._number_apart = [], [], False

    def _flush(self) -> None:
        self._end_line()
        if self._lines and self._owner is not None:
            self.blocks.append(Block(self._owner, self._tag, self._lines))
        self._lines = []

    def walk(self, root: LexborNode) -> None:
        # The open elements above the node read, innermost last: each with whether it is a block (which closes
        # when the walk leaves it) and the bold and link state of its own siblings, restored then. An element
        # whose content is not read (a comment, the number a _bare_number element gave) is not entered.
        above: list[tuple[LexborNode, bool, bool, bool]] = []
        bold = linked = False  # the state the node's content inherits
        aria = _aria_headings(root)
        self._open(root, None)
        node = root.child
        while node is not None:
            name = node.tag or ""
            block = False
            inner_bold, inner_linked = bold, linked
            enter = True
            if name in _BLOCK_TAGS:
                self._flush()
                heading = name if name in HEADINGS else aria.get(node.mem_id) if aria else None
                self._open(node, self._heading or heading)
                block, inner_linked = True, False
            elif name == "-text":
                self._segments.append((node.text_content or "", bold, linked))
                enter = False
            elif name == "br":
                self._end_line()
            elif name and not name.startswith("-"):
                inner_bold = bold or name in BOLD_TAGS
                if name == "a":
                    self._links.append(node)
                    inner_linked = True
                elif (number := _bare_number(node)) and not any(text.strip() for text, _, _ in self._segments):
                    self._number_apart = True
                    self._segments.append((number + " ", inner_bold, linked))
                    enter = False
            else:  # a comment, or a node of no kind: nothing in it is read
                enter = False
            child = node.child if enter else None
            if child is not None:
                above.append((node, block, bold, linked))
                bold, linked, node = inner_bold, inner_linked, child
                continue
            if block:
                self._close()
            # on to the next sibling, closing the elements the walk leaves
            while (sibling := node.next) is None and above:
                node, block, bold, linked = above.pop()
                if block:
                    self._close()
            node = sibling
        self._close()

    def _open(self, node: LexborNode, heading: str | None) -> None:
        """Enter a block element: its content comes next, then it closes."""
        self._outer.append((self._owner, self._tag, self._heading))
        self._owner, self._tag, self._heading = node, heading or node.tag or "", heading

    def _close(self) -> None:
        self._flush()
        self._owner, self._tag, self._heading = self._outer.pop()


def text_blocks(tree: LexborHTMLParser) -> list[Block]:
    """The body's blocks in page order, each marked whether it lies in the main article."""
    if tree.body is None:
        return []
    walker = _Walker()
    walker.walk(tree.body)
    article = _main_article(tree)
    if article is not None:
        inside = {node.mem_id for node in article.traverse(include_text=False)}
        for block in walker.blocks:
            block.in_article = block.node.mem_id in inside
    return walker.blocks
