"""Lists found generically: runs of sibling records of one kind, anywhere in the page.

A record is an element with siblings of its tag and first class (``<li class="poster-container">``,
``<tr>``, ``<div class="row countdown-item">``), or, a box without a class, of its tag and first two children's
tags; at least three make a run. Each record's title is read
from every place pages put one: a heading (its link's text first), a link to a film page (its text, or
its image's ``alt``), a link to the page its picture links, ``data-*``/``title``/``aria-label`` attributes,
``img alt`` (poster grids show
titles only there), else its first line. Its rank is the first bare number it holds (a badge before or
after the title, a table's rank column: "#20", "1."), else its position. A run is a candidate only with
evidence that it is a list of films: its own printed ranks, or film links; or, on a page about films, cards (a
poster, a synopsis) each named by a link to a page of its own, all in one folder of the site (a cinema's
"/aldgate/film-info/mank": its film pages, whatever their addresses call them), or each showing a picture
labelled with the name the card shows (links made by scripts), or each printing a year beside a short name; or,
with nothing else on a page that calls itself a schedule, a TV guide's slots, each opening with a time of day in
the order of the day's hours.
Menus and teaser boxes have none of these; teasers of other articles, each naming its author, are never films.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice, pairwise
from statistics import median
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from ..countries import country_code
from ..dates import is_time_of_day, only_a_date
from ..detect import canonical_url, film_item
from ..page import PICTURE_TAGS, PICTURES, TITLE_PARTS, Page
from ..text import clean, find_year, letters, node_text
from .blocks import HEADINGS, BlockIndex, styled_hidden
from .candidates import Candidate, Item, numbered_title, unranked
from .entries import clean_title, without_runtime, year_after
from .lists import shown_numbers
from .quality import INDEX_LETTER, LETTER, film_genre, film_poster, film_url, gives_distance, share, title_like

_MIN_RUN = 3
_SCAN = 200  # nodes of a record read at most: records are small, and a broken page must not cost a walk per record
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "select", "button"})
# "#20", "1.", and a chart's rank with its movement beside it: "5 (no change)", "3 (tie)".
_RANK = re.compile(r"^(?:#|No\.?\s?)?\s*(\d{1,4})\s*[.)]?$|^(\d{1,3})\s*\([^()\d]*\)$")
_YEAR = re.compile(r"^(?:[,–—-]\s*)?[(\[]?\s*(1[89]\d\d|20\d\d)\s*[)\]]?$")
# A card's facts line ending in the year: "F, 2012", "Musik, USA, 2011", "Drama / USA, 2012" (genres and countries in
# words; not a date, "June 7, 2012", whose day is a number; not a name with its facts in brackets, "Annie Hall (dir.
# Woody Allen, 1977)").
_FACTS_YEAR = re.compile(r"^(?:[^\W\d_][^,/|·•\d(]{0,30}[,/|·•]\s*){1,4}[(\[]?(1[89]\d\d|20\d\d)[)\]]?$")
_MAX_FACTS_LINE = 80
_NAME_AND_YEAR = re.compile(r"(.+?)\s*\((1[89]\d\d|20\d\d)\)")
# A paragraph opening with a name and its year in brackets, its text after them
_OPENING_NAME_AND_YEAR = re.compile(r"^([^()]{1,100}?)\s*\((1[89]\d\d|20\d\d)\)\s+\S")
_FACTS_APART = re.compile(r"\s[|/·•]\s|\s*[|·•]\s*|,\s")
_YEAR_ALONE = re.compile(r"[(\[]?(1[89]\d\d|20\d\d)[)\]]?")
# A year among the countries that made a film or its genres, and what parts them ("1954 JAPAN", "2019, драма").
_YEAR_AMID = re.compile(r"(?<!\d)[(\[]?(1[89]\d\d|20\d\d)[)\]]?(?!\d)")
_FACTS_PARTS = re.compile(r"[,/|·•–—]")
# A running time as a part of its own: "70'", "92 min", "1h 32m", "1 h 32 min", "2 hrs 11 mins".
_RUNTIME_ALONE = re.compile(
    r"\d{2,3}\s?(?:['’′]|min\.?|mins\.?|minutes|minutos|minuti|minuten|мин\.?)|\d\s?h(?:rs?)?\.?\s?\d{1,2}\s?m(?:in|ins)?\.?",
    re.I,
)
_BYLINES = "[class*=author], [rel=author], [itemprop=author], [class*=byline]"  # an article's byline, however marked
_SCHEDULE = 0.3  # a candidate's score where its only evidence is its slots' times (see _candidate)
# a file's or an address's name, not a name people write ("ginny-and-georgia--seriale", "_tulsa_king"): words joined
# by underscores, or by two hyphens or more, no space ("Spider-Man", "WALL-E" are names)
_SLUG = re.compile(r"[^\s_]*_\S*|[^\s-]*-[^\s-]*-\S*")
_TITLE_ATTRIBUTES = (
    "data-film-name", "data-film-title", "data-title", "data-name", "data-item-name", "aria-label", "title", "alt",
)  # fmt: skip
_TITLE_NAMES = frozenset(_TITLE_ATTRIBUTES)
_MAX_TITLE = 150
_PROBE = 3
_ONWARDS = ("→", "»", "›", "➔", "➜", ">>")
_BADGE = re.compile(r"[\[【(（][^\]】)）]{1,12}[\]】)）]")
_DIGITS = re.compile(r"\d+")  # "film-poster-497631": one kind of record, whatever its number
# A part of an address holding a number is an id, whatever else it holds ("/detalles/84910_1_W_0/hamnet" and
# "/detalles/84910_1_Z_1/hamnet-vose": one folder, a film's dubbed and subtitled copies).
_ID_SEGMENT = re.compile(r"/[^/]*\d[^/]*")
_KIND_AND_ID = re.compile(r"[^\W\d_]{3,}#(?:\.\w+)?")  # a page's name: its kind's word and its id ("sendereihe#.html")
_INLINE = frozenset({"a", "span", "b", "i", "em", "strong", "small", "sup", "sub", "abbr", "cite", "font", "u"})
_WORD = re.compile(r"[^\W\d_]{2}")
_ALIKE = 0.8  # the share of entries with years that makes a section like the others (and 1 - it, unlike)
_MAX_ALONE = 50  # runs drawn alike read each as a list of its own at most (see record_candidates)
# A run this long is first read at a sample of its records spread over it: a table's cells joined row after row
# (30,000 of them) otherwise cost thousands of readings before a fifth of them fail.
_SAMPLED_RUN, _SAMPLE = 500, 60
_SLIPS = 50  # records of a long list among which one may repeat another's name
_SPREAD = (5**0.5 - 1) / 2  # the golden ratio's step: sample places that no row's length repeats
_MAX_SECTIONS = 400  # sections of a sectioned list read at most: a page's thousand rows are rows, not sections
_MAX_LABEL = 60  # a section's label is short ("2000 (73rd)", "Oct 12, 2023"); longer text is an entry's or prose
_MAX_LABELS = 3  # labels read before a section's first record: a year, a category, a note
# "2000 (73rd)", "1994": a year, not a date ("1994-03") nor a decade ("1990s", "1990's")
_LABEL_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)(?![\d/.-]|[’']?s\b)")
_BLOCKS_IN_LINK = HEADINGS | {"p", "div", "li"}
_CELLS = frozenset({"td", "th"})
_ATTRIBUTED = 4  # the place in a record's names of the one an attribute gives (see _read)
_NAMES_SHOWN = 4  # the names before it: its links', its heading's, its picture's link's (not the text's first line)
_MIN_NAME_PART = 4  # letters of an alt that names its card by a part of its name
_MIN_FRAMED = 5  # records whose attributes must frame their names alike for the frame to be the site's


@dataclass(slots=True)
class _Record:
    node: LexborNode
    title: str
    rank: int | None
    year: int | None
    film_link: bool
    names: tuple[str, ...] = ()  # its film links' texts, heading, attribute, first line ("" where none): _unlabelled
    page_link: str | None = None  # a card's: the address of its first link whose text names it
    time: str | None = None  # a schedule's slot: the time of day the record opens with ("05:00", "9 PM")
    film_facts: bool = False  # it prints a film's facts: a year and a running time ("Irene Iborra | 2025 | 70'")


def _signature(tag: str, node: LexborNode) -> tuple[str, str]:
    """An element's tag and first class; a box without a class (a page styled by its tags or by ids) is told
    apart by its first two children's tags instead ("~a,h3"), or every classless box of a parent would be one run."""
    kind = _kind(node.attributes.get("class") or "")
    if kind or tag not in ("div", "section", "article"):
        return tag, kind
    shape = islice((t for child in node.iter() if (t := child.tag) and not t.startswith("-")), 2)
    return tag, "~" + ",".join(shape)


@lru_cache(maxsize=4096)
def _kind(classes: str) -> str:
    """An element's first class, its numbers masked; cached, as a page repeats its classes on hundreds of elements."""
    words = classes.split(maxsplit=1)
    return _DIGITS.sub("#", words[0]) if words else ""


def _runs(page: Page) -> list[list[LexborNode]]:
    """Every set of at least three element siblings of one signature, each set in page order."""
    body = page.tree.body
    if body is None:
        return []
    # Only an element with a third child can hold a run: lexbor finds those elements, in page order, far faster
    # than a walk through every element's children would (":nth-child(3)" would count each child's elder
    # siblings, quadratic in a table of 5,000 rows).
    found: list[list[LexborNode]] = []
    for parent in body.css(":has(> :first-child + * + *)"):
        if parent.tag in _SKIP:
            continue
        groups: dict[tuple[str, str], list[LexborNode]] = defaultdict(list)
        prose = False  # words between the children: a sentence's links and emphases, not records
        for child in parent.iter(include_text=True):
            tag = child.tag  # read once: each read makes a new string
            if tag == "-text":
                prose = prose or bool(_WORD.search(child.text_content or ""))
            elif tag and not tag.startswith("-") and tag not in _SKIP and not (tag == "tr" and _header_row(child)):
                groups[_signature(tag, child)].append(child)
        _join_alike(parent, groups)
        _join_unclassed(parent, groups)
        found.extend(
            shown
            for (tag, _), members in groups.items()
            if len(members) >= _MIN_RUN and not (prose and tag in _INLINE) and (shown := _unpadded(members))
        )
    return found


def _unpadded(members: list[LexborNode]) -> list[LexborNode]:
    """A row of cells without the empty cells that end it: a grid table's last row padded to the width of the others
    (its one or two films are a section of the grid's list)."""
    end = len(members)
    while end and members[end - 1].tag in _CELLS and not _shows(members[end - 1]):
        end -= 1
    return members[:end]


def _shows(node: LexborNode) -> bool:
    return node.css_first(PICTURES) is not None or bool(node.text(deep=True).strip())


def _join_alike(parent: LexborNode, groups: dict[tuple[str, str], list[LexborNode]]) -> None:
    """Runs of one tag whose records differ by one class are one run, in page order: a grid's every third card
    opens its row with a layout class first (Filmweb's ``"cl dvdEdition"`` among ``"dvdEdition"`` cards), which
    split it by first class. A box that shares only layout classes with the records (an empty-state message,
    ``"gridCol-l-12 … dn cFilmListMessage"`` after ``"gridCol-s-12 … cFilmListItem"`` cards) differs by more."""
    keys = [key for key in groups if _classed(key[1])]
    if len(keys) < 2 or len({tag for tag, _ in keys}) == len(keys):
        return
    classes = {key: {_class_words(member.attributes.get("class") or "") for member in groups[key]} for key in keys}
    joined: list[list[tuple[str, str]]] = []
    for key in keys:
        touching = [
            run
            for run in joined
            if run[0][0] == key[0]
            and any(_one_apart(a, b) for other in run for a in classes[other] for b in classes[key])
        ]
        run = [key]
        for other in touching:
            joined.remove(other)
            run += other
        joined.append(run)
    for run in joined:
        if len(run) > 1:
            ids = {member.mem_id for key in run for member in groups.pop(key)}
            groups[run[0]] = [child for child in parent.iter() if child.mem_id in ids]


def _classed(kind: str) -> bool:
    return bool(kind) and not kind.startswith("~")


def _one_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """One set of class words is the other and one more."""
    return (a < b or b < a) and len(a ^ b) == 1


@lru_cache(maxsize=4096)
def _class_words(classes: str) -> frozenset[str]:
    return frozenset(_DIGITS.sub("#", word) for word in classes.split())


def _join_unclassed(parent: LexborNode, groups: dict[tuple[str, str], list[LexborNode]]) -> None:
    """A record or two whose template left the class empty (Cinépolis' last card, '<li class="">') joins the
    one classed run of its tag, a classless box holding one more element than a classless run's boxes
    (an advert before the 11th card) joins that run, and so does one amid a classless run's boxes drawn as
    theirs but for one element's tag (a card whose poster is a bare <img> among cards whose poster is
    wrapped), in page order; not an element the page hides (an empty-state message kept for scripts,
    "Сеансы отсутствуют" after a cinema's films)."""
    for (tag, kind), unclassed in list(groups.items()):
        if _classed(kind) or len(unclassed) >= _MIN_RUN or (tag, kind) not in groups:
            continue
        runs = [
            key
            for key, run in groups.items()
            if key[0] == tag
            and len(run) >= _MIN_RUN
            and (
                _classed(key[1])
                or _holds_shape(kind, key[1])
                or (_one_tag_apart(kind, key[1]) and _amid(parent, unclassed, run))
            )
        ]
        if len(runs) == 1:
            shown = [member for member in groups.pop((tag, kind)) if not _hidden(member)]
            joined = {member.mem_id for member in shown + groups[runs[0]]}
            groups[runs[0]] = [child for child in parent.iter() if child.mem_id in joined]


def _holds_shape(kind: str, other: str) -> bool:
    """A classless record's shape holds another's: its children are the other's and one more (an advert
    inserted before a card's body)."""
    mine, theirs = _shape_tags(kind), _shape_tags(other)
    return len(mine) > len(theirs) and all(tag in mine for tag in theirs)


def _shape_tags(kind: str) -> list[str]:
    """A classless signature's children's tags ("~img,p" -> ["img", "p"])."""
    return kind.lstrip("~").split(",")


def _one_tag_apart(kind: str, other: str) -> bool:
    """Two classless shapes of as many children, their tags different in one place."""
    mine, theirs = _shape_tags(kind), _shape_tags(other)
    return (
        other.startswith("~")
        and len(mine) == len(theirs)
        and sum(a != b for a, b in zip(mine, theirs, strict=True)) == 1
    )


def _amid(parent: LexborNode, boxes: list[LexborNode], run: list[LexborNode]) -> bool:
    """The boxes stand between the run's first and last boxes among the parent's children."""
    place = {child.mem_id: n for n, child in enumerate(parent.iter())}
    return all(place[run[0].mem_id] < place[box.mem_id] < place[run[-1].mem_id] for box in boxes)


def _hidden(node: LexborNode) -> bool:
    attributes = node.attributes
    return "hidden" in attributes or styled_hidden(attributes)


def _header_row(row: LexborNode) -> bool:
    """A table row of ``<th>`` cells only: the columns' names, not a record."""
    return all(cell.tag == "th" for cell in row.iter() if cell.tag in ("td", "th"))


def _attribute_title(attributes: dict[str, str | None]) -> str:
    if _TITLE_NAMES.isdisjoint(attributes):  # most elements: a class at most
        return ""
    for name in _TITLE_ATTRIBUTES:
        if (value := attributes.get(name)) and (title := clean(value)) and not _SLUG.fullmatch(title):
            return title
    return ""


def _section(page: Page) -> tuple[str, str] | None:
    """The host and folder of the page's address where it is a section's index below the site's root ("/shows/", or
    "/shows" as an index of "/shows/naruto" is also written)."""
    address = urlsplit(page.url or canonical_url(page) or "")
    folder = address.path if address.path.endswith("/") else f"{address.path}/"
    return (address.netloc, folder) if address.netloc and folder.count("/") >= 2 else None


def links_a_film(page: Page, href: str, wiki: bool) -> bool:
    """Whether ``href`` on ``page`` leads to a film or show page, as written or made absolute; not "#cite_note-3",
    a footnote on this page. A Wikipedia article is one only with ``wiki``, on a page about films: elsewhere an
    article links its places, people and terms so (a travel guide's sights, a manual's concepts, a wiki's languages)."""
    return not href.startswith("#") and bool(film_url(href, wiki) or film_url(page.absolute(href) or "", wiki))


class _FilmLinks:
    """Which links lead to a film or show page (each href tested once per page), and which elements hold
    such a link or a film's data attribute."""

    def __init__(self, page: Page, wiki: bool) -> None:
        self._page = page
        self._wiki = wiki
        self._hrefs: dict[str, bool] = {}
        self._section = _section(page) if wiki else None

    def link(self, href: str) -> bool:
        known = self._hrefs.get(href)
        if known is None:
            known = self._hrefs[href] = links_a_film(self._page, href, self._wiki)
        return known

    @property
    def sectioned(self) -> bool:
        """The page's address is a section's index (see in_section)."""
        return self._section is not None

    def in_section(self, href: str) -> bool:
        """The link leads to a page one level inside the page's own section ("/shows/" -> "/shows/the-crown/"): on a
        page about films, a section's index of the works it holds."""
        if self._section is None:
            return False
        target = urlsplit(self._page.absolute(href) or "")
        host, folder = self._section
        inner = target.path[len(folder) :].rstrip("/")
        return target.netloc == host and target.path.startswith(folder) and bool(inner) and "/" not in inner

    def held(self, node: LexborNode) -> bool:
        """Whether a film link or a film's data attribute lies anywhere inside ``node`` (or is it), or ``node``
        is a film's schema.org item (microdata: a showtimes page marks each film it lists)."""
        return film_item(node) or any(
            self._marks(mark)
            for mark in (node, *node.css(f"a[href], [data-target-link], [data-film-slug], {PICTURES}"))
        )

    def _marks(self, node: LexborNode) -> bool:
        attributes = node.attributes
        return (
            "data-target-link" in attributes
            or "data-film-slug" in attributes
            or (node.tag == "a" and self.link(attributes.get("href") or ""))
            or (node.tag in PICTURE_TAGS and film_poster(attributes))
        )


def _read(record: LexborNode, links: _FilmLinks, about_films: bool) -> _Record | None:
    """The record's title, rank, year and whether it links a film page, from the first nodes it holds."""
    heading = linked = linked_again = attributed = first_text = ""
    anchors: list[LexborNode] = []  # its links
    film_attributed = heading_first = False
    named_by: LexborNode | None = None  # the link whose text is ``linked``
    rank = year = time = None
    film_facts = False
    date_seen = False  # a date came after the name: a bare year in a later cell is a note's ("Adolf-Grimme-Preis 1993")
    tooltip: tuple[str, int] | None = None  # a name and its year an attribute gives: "Arrival (2016)"
    facts = ""  # the record's first line where it ends in the year: a name and its year ("Annie Hall, 1977")
    film_link = film_item(record)
    in_heading: LexborNode | None = None
    for seen, node in enumerate(record.traverse(include_text=True)):
        if seen > _SCAN:
            break
        tag = node.tag or ""
        if tag in _SKIP:
            continue
        if tag == "-text":
            if rank is not None and year is not None and first_text:
                continue  # nothing more a text can give
            text = clean(node.text_content)
            if not text:
                continue
            if gives_distance(text):  # a place (a cinema finder's nearest venues), whatever names it
                return None
            if time is None and not first_text and rank is None and is_time_of_day(text, dotted=True):
                time = text
            elif rank is None and (badge := _RANK.match(text)) and not _YEAR.match(text):
                rank = int(badge.group(1) or badge.group(2))
            elif year is None and not date_seen and (found := _YEAR.match(text) or _FACTS_YEAR.match(text)):
                year = int(found.group(1))
                facts = text if found.re is _FACTS_YEAR and not first_text else facts  # before any other line
            elif year is None and first_text and (dated := _film_facts_year(text)):
                year, film_facts = dated, True
            elif not first_text and len(text) > 1:
                first_text = text
            elif year is None and find_year(text) is not None and only_a_date(text):
                date_seen = True
            continue
        attributes = node.attributes
        marks = _marks_film(attributes)
        if (tag in HEADINGS or attributes.get("role") == "heading") and not heading:
            heading, in_heading = clean(node.text(deep=True, separator=" ")), node
            heading_first = not linked
        if tag == "a":
            anchors.append(node)
            is_film = links.link(attributes.get("href") or "")
            film_link = film_link or is_film
            if not linked and (is_film or (in_heading is not None and _contains(in_heading, node))):
                linked, named_by = _link_text(node) or _attribute_title(attributes), node
            elif is_film and not linked_again and (text := _link_text(node)) != linked and title_like(text):
                linked_again = text  # not a showtime's ("6:00 PM": each session links the film's booking)
        # the element that marks the film names it ("Inglourious Basterds (2009)") rather than a tooltip around
        # it ("… (2009) as Lt. Archie Hicox"); an empty icon's tooltip names a kind (<i title="Фильм">), not the record
        elif title := _attribute_title(attributes):
            if (not attributed or (marks and not film_attributed)) and (tag in PICTURE_TAGS or node.child is not None):
                attributed, film_attributed = title, marks
            if tooltip is None and (found := _NAME_AND_YEAR.fullmatch(title)):
                tooltip = found.group(1), int(found.group(2))  # a poster's: "Arrival (2016)"
        film_link = film_link or marks
    if attributed and linked != attributed and attributed in linked and _names_the_card(attributed, linked):
        # a card's link holds scores and dates around the name its poster's alt gives ("81% 78% Heart Eyes
        # Opened Feb 07, 2025"): the alt is the name
        linked = attributed
    if heading_first and named_by is not None and in_heading is not None and not _contains(in_heading, named_by):
        # a card's heading above its text names it, not a film its text links ("When the first Paddington …")
        linked = linked_again = ""
    # a card links its film twice: by its poster (whose link may hold only a badge, "Фильм") and by its name; a
    # record whose first line is a name and its year is named by it; one named by nothing but a time is a film so
    # named ("11:14", "2:37"), not a slot
    if about_films and first_text and (opening := _OPENING_NAME_AND_YEAR.match(first_text)):
        # "The Red Shoes (1948) Long before Darren Aronofsky…": a blurb opens with the name of its film and its year;
        # on a page about films (a paper's references open alike: "Romanovsky AA (2006) Chapter 23. …")
        first_text, year = opening.group(1), year or int(opening.group(2))
    # asked once, and only of a record that links (both readings of a picture go through its links)
    pictured = bool(anchors) and record.css_first(PICTURES) is not None
    names = (
        linked,
        linked_again,
        heading,
        _named_like_its_picture(anchors) if pictured else "",
        attributed,
        facts or first_text or time or "",
    )
    title = without_runtime(next((name for name in names if name), ""))
    if not title or len(title) > _MAX_TITLE:
        return None
    time = None if title == time else time
    numbered = numbered_title(title)
    if numbered is not None:
        rank, title = rank if rank is not None else numbered[0], numbered[1]
    elif rank is not None and title.startswith(f"{rank} "):
        if clean_title(rest := title[len(str(rank)) + 1 :])[0]:
            title = rest  # "11 My Dress-Up Darling": the badge in the heading
        else:
            rank = None  # "24 (2001)": the number is the name, its year after it
    if year is not None and title == str(year):  # "1917", "2012": the film's name, read as a year where it stands alone
        year = None
    if year is None and tooltip is not None and tooltip[0].casefold() == title.casefold():
        year = tooltip[1]
    if year is None:  # the year in brackets after the name: "一一 (2000)"
        year = clean_title(title)[1]
    page_link = _page_link(pictured, anchors, title, first_text, links)
    return _Record(record, title, rank, year, film_link, names, page_link, time, film_facts)


def _film_facts_year(text: str) -> int | None:
    """The year of a short line of a film's facts, parts apart by separators, one a year and another a running
    time ("Irene Iborra | 2025 | 70'", "USA · 1999 · 136 min"), or a year and countries only ("1954 JAPAN"); None for
    any other line (a concert's date and hour)."""
    if len(text) > _MAX_FACTS_LINE or not _YEAR_ALONE.search(text):  # most lines hold no year: no split for them
        return None
    parts = [part.strip() for part in _FACTS_APART.split(text)]
    years = [int(found.group(1)) for part in parts if (found := _YEAR_ALONE.fullmatch(part))]
    if len(years) == 1 and any(_RUNTIME_ALONE.fullmatch(part) for part in parts):
        return years[0]
    # or a year and the countries that made the film or its genres, as film clubs, festivals and streaming sites print
    # them ("1954 JAPAN", "France / Belgique, 2019", "2019, драма, криминал")
    years = [int(year) for year in _YEAR_AMID.findall(text)]
    parts = [part.strip() for part in _FACTS_PARTS.split(_YEAR_AMID.sub("|", text)) if part.strip()]
    return years[0] if len(years) == 1 and parts and all(map(_country_or_genre, parts)) else None


def _country_or_genre(part: str) -> bool:
    """A facts line's part names countries ("Japan", "USA-France") or a genre ("Sci-Fi", "драма")."""
    return film_genre(part) or all(country_code(place.strip()) for place in part.split("-") if place.strip())


def _names_the_card(attributed: str, linked: str) -> bool:
    """An attribute's title names the card its link wraps, the link's text holding it among scores and dates: a name,
    words however they read (a film named "September 5" reads as a date), or a film named by a year ("1976", "1917")
    that opens the link's text ("1976 1h 35minutes": the facts follow it). Not where words come before it in the link:
    the alt is then the name cut short ("Kralın Dönüşü" of "2-Yüzüklerin Efendisi: Kralın Dönüşü")."""
    if LETTER.search(linked[: linked.find(attributed)]):
        return False
    return (
        title_like(attributed)
        or _WORD.search(attributed) is not None
        or (_YEAR.fullmatch(attributed) is not None and linked.startswith(attributed))
    )


def _page_link(pictured: bool, anchors: list[LexborNode], title: str, first_text: str, links: _FilmLinks) -> str | None:
    """A card's page of its own: the address of its first link whose text names it. A card shows a poster
    (``pictured``) or a synopsis beside its name, or is a bare link into the page's own section (an index's); a
    menu's bare link elsewhere is none."""
    if not anchors:
        return None
    bare = not pictured and (first_text in ("", title) or len(first_text) <= 40)
    if bare and not links.sectioned:
        return None
    found = next((link.attributes.get("href") or "" for link in anchors if title in _link_text(link)), None)
    return found if not bare or (found is not None and links.in_section(found)) else None


def _named_like_its_picture(anchors: list[LexborNode]) -> str:
    """The text of a link to the page the record's picture links (a card links its page twice: by its poster, then by
    its name), where no heading or film link names the record; "" where none does."""
    pictured = {anchor.attributes.get("href") for anchor in anchors if anchor.css_first(PICTURES) is not None}
    pictured.discard(None)
    return next(
        (
            text
            for anchor in anchors
            if anchor.attributes.get("href") in pictured
            and anchor.css_first(PICTURES) is None
            and (text := _link_text(anchor))
        ),
        "",
    )


def _marks_film(attributes: dict[str, str | None]) -> bool:
    """An element's data attribute names a film page it stands for (a poster component's ``data-target-link``), or
    it is a film database's poster."""
    target = attributes.get("data-target-link") or attributes.get("data-film-slug")
    return bool(target and film_url(target)) or film_poster(attributes)


def _link_text(link: LexborNode) -> str:
    """A link's text; for a link wrapping a whole card (name, original name, country as paragraphs), its heading's,
    else its first paragraph's: a kicker over the heading ("214 Beiträge", a genre) does not name the card."""
    heading = next((node for node in link.traverse(include_text=False) if node.tag in HEADINGS), None)
    if heading is not None and (text := clean(heading.text(deep=True, separator=" "))):
        return text
    first_block = next((node for node in link.traverse(include_text=False) if node.tag in _BLOCKS_IN_LINK), None)
    # and where that paragraph's box opens with a box of its own (Trakt's <div class="titles"><h3>Arrival</h3>
    # <h4>Feb 17, 2017 21:28</h4>…), that box's
    while first_block is not None and (inner := _opening_block(first_block)) is not None:
        first_block = inner
    if first_block is not None and (text := clean(first_block.text(deep=True, separator=" "))):
        return text
    text = clean(link.text(deep=True, separator=" "))
    # a poster's link whose only text is a badge in brackets over it ("[独家]", "[HD]") names no film, nor does a
    # button's text pointing on ("本篇→", "Read more »")
    badge = _BADGE.fullmatch(text) is not None and link.css_first(PICTURES) is not None
    return "" if badge or text.endswith(_ONWARDS) else text


def _opening_block(block: LexborNode) -> LexborNode | None:
    """The block element with text ``block`` opens with, no text before it (empty boxes, a poster's overlay, passed
    over); None where it opens with text or an inline element."""
    child = block.child
    while child is not None and (
        (child.tag == "-text" and not (child.text_content or "").strip())
        or (child.tag in _BLOCKS_IN_LINK and not child.text(deep=True).strip())
    ):
        child = child.next
    return child if child is not None and child.tag in _BLOCKS_IN_LINK else None


def _contains(outer: LexborNode, inner: LexborNode) -> bool:
    node: LexborNode | None = inner
    while node is not None:
        if node.mem_id == outer.mem_id:  # not ==, which compares the two serialised subtrees
            return True
        node = node.parent
    return False


def _printed_ranks(records: list[_Record]) -> bool:
    """Every record has a rank of its own: a chart sorted by another column (release date) prints its
    ranks out of order, so distinct ranks within the list's reach are enough, wherever the reach starts (a
    chart's later pages rank 121 to 150)."""
    ranks = [record.rank for record in records]
    known = [rank for rank in ranks if rank is not None]
    return len(known) == len(ranks) and len(set(known)) == len(known) and max(known) - min(known) < 2 * len(known) + 10


def _unlabelled(records: list[_Record]) -> None:
    """A text that many records of a run share ("Ver Sinopsis" on the film link, an "Estreno" badge in the
    poster's link, an alt "movie_img") is a label, not a film's name: the place that holds it (the film
    link's text, say) names no record of the run, each is named from its next place (heading, attribute,
    first line) instead."""
    shared = Counter(name.casefold() for record in records for name in set(record.names) if name)
    labels = {text for text, n in shared.items() if n >= _MIN_RUN and n > len(records) / 3}
    labelled = {place for record in records for place, name in enumerate(record.names) if name.casefold() in labels}
    if not labelled:
        return
    # copies: a record is read once per page, and another run may hold it unrenamed
    for n, record in enumerate(records):
        kept = [name for place, name in enumerate(record.names) if name and place not in labelled]
        records[n] = replace(record, title=kept[0] if kept else record.title)


def _unframed(records: list[_Record]) -> None:
    """The words an attribute frames every record's name with ("Смотреть {name} онлайн в HD качестве", "Poster for
    {name}"): the site's, not the name's, for the records that only an attribute names. Not where the records' other
    names open or close alike (a franchise's "Star Wars: Episode …")."""
    framed = [record.names[_ATTRIBUTED] for record in records]
    if len(records) < _MIN_FRAMED or not all(framed):
        return
    words = [name.split() for name in framed]
    shortest = min(len(name) for name in words) - 1  # a word at least is the name
    head = next((n for n in range(shortest) if len({tuple(name[: n + 1]) for name in words}) > 1), shortest)
    tail = next(
        (n for n in range(shortest - head) if len({tuple(name[len(name) - n - 1 :]) for name in words}) > 1),
        shortest - head,
    )
    if not head and not tail:
        return
    opening, closing = " ".join(words[0][:head]), " ".join(words[0][len(words[0]) - tail :])
    others = [name for record in records for place, name in enumerate(record.names) if place != _ATTRIBUTED and name]
    if any((head and name.startswith(opening)) or (tail and name.endswith(closing)) for name in others):
        return
    for n, record in enumerate(records):
        if record.title == framed[n]:
            records[n] = replace(record, title=" ".join(words[n][head : len(words[n]) - tail]))


class _Readings:
    """Each element's reading as a record, whether it holds a film link and whether its text holds a digit,
    once per page: a sectioned list's runs are read again as one, and a run nested in another's records is
    read with them."""

    def __init__(self, page: Page, schedule: bool, about_films: bool, captions: bool = False) -> None:
        self.links = _FilmLinks(page, wiki=about_films)  # a Wikipedia article is a film's only on a page about films
        self.schedule = schedule  # the page calls itself a schedule or a programme: runs of timed slots are lists
        self.about_films = about_films
        self.captions = captions  # a picture with a caption and nothing more is a film's card (see captioned)
        self.titles = _own_titles(page)
        self._records: dict[int, _Record | None] = {}
        self._held: dict[int, bool] = {}
        self._digits: dict[int, bool] = {}
        self._apart: dict[int, str] = {}
        self._shown: dict[int, str] = {}

    def record(self, node: LexborNode) -> _Record | None:
        key = node.mem_id
        if key not in self._records:
            self._records[key] = _read(node, self.links, self.about_films)
        return self._records[key]

    def captioned(self, record: _Record) -> bool:
        """Where captions are sought, the record is a picture and its name, nothing more: the name its only text (a
        caption), or, with no text, its picture's ``alt`` (a poster grid)."""
        if not self.captions or record.node.css_first(PICTURES) is None:
            return False
        text = self.shown(record.node)
        return text == record.title or (not text and record.names[_ATTRIBUTED] == record.title)

    def held(self, node: LexborNode) -> bool:
        key = node.mem_id
        if (known := self._held.get(key)) is None:
            known = self._held[key] = self.links.held(node)
        return known

    def shown(self, node: LexborNode) -> str:
        """The element's text, its spaces collapsed."""
        key = node.mem_id
        if (known := self._shown.get(key)) is None:
            known = self._shown[key] = clean(node.text(deep=True))
        return known

    def heads_the_list(self, node: LexborNode) -> bool:
        """The element names the list as the page's own title does: its heading, drawn as its first record (a
        chart's box of its <h1> and what the chart is, in the cards' markup)."""
        shown = self.shown(node).casefold()
        return (
            any(title in shown for title in self.titles)
            and (record := self.record(node)) is not None
            and record.title.casefold() in self.titles
        )

    def apart(self, node: LexborNode) -> str:
        """What the element is where it is no record: "empty" where it shows nothing (a placeholder box), "label"
        where it shows only a day or an index's letter and links nothing (a programme's "31 Enero 2026" over the
        day's films, drawn as a box of the films' own class; an A-Z's "a" before its shows); "" for a record."""
        key = node.mem_id
        if (known := self._apart.get(key)) is None:
            shown = self.shown(node)
            if not shown and node.css_first(PICTURES) is None:
                known = "empty"
            elif (only_a_date(shown) or INDEX_LETTER.fullmatch(shown)) and node.css_first("a[href]") is None:
                known = "label"
            else:
                known = ""
            self._apart[key] = known
        return known

    def digits(self, node: LexborNode) -> bool:
        key = node.mem_id
        if (known := self._digits.get(key)) is None:
            known = self._digits[key] = _DIGITS.search(node.text(deep=True)) is not None
        return known


def _linked(record: _Record, about_films: bool, captioned: bool = False) -> bool:
    """A film link, a film's facts (a year and a running time), or on a page about films, a link to a page of the
    record's own (see _own_pages), a poster labelled with the record's name (see _named_posters), a year (see
    _dated_names) or, ``captioned``, a picture with its name and nothing else (see _Readings.captioned)."""
    return (
        record.film_link
        or record.film_facts
        or (
            about_films
            and (record.page_link is not None or _named_poster(record) or record.year is not None or captioned)
        )
    )


def _own_pages(records: list[_Record]) -> bool:
    """Each record is named by a link to a page of its own, all in one folder of the site ("/aldgate/film-info/mank",
    "/aldgate/film-info/possessor"; "/film/4512/mank", "/film/9077/possessor": an id is no folder of its own) or all
    of one kind by their names, alike but for their ids, each in its work's own folder (German broadcasters' CMS:
    "/abc-baer/sendereihe1876.html", "/die-arktis-mission/sendereihe2318.html"), and the names are short, as works'
    names are (not headlines)."""
    links = [record.page_link for record in records if record.page_link]
    if len(links) < 0.8 * len(records) or len(set(links)) < len(links):
        return False
    paths = [urlsplit(link).path.rstrip("/").rpartition("/") for link in links]
    folders = Counter(_ID_SEGMENT.sub("/#", folder) for folder, _, _ in paths)
    # a kind is named by letters before its id ("sendereihe1876.html"); "451029.shtml" is an id alone
    kinds = Counter(kind for _, _, name in paths if _KIND_AND_ID.fullmatch(kind := _DIGITS.sub("#", name)))
    alike = max(folders.most_common(1)[0][1], kinds.most_common(1)[0][1] if kinds else 0)
    return alike >= 0.8 * len(records) and _median_words(records) <= 5


def _named_poster(record: _Record) -> bool:
    """The record holds a picture, and the name an attribute gives it is one its text shows; or a name its links or
    its heading show, however typed ("kacis plani" for "Kaçış Planı", "spiderman 2" for "Spider-man 2"), or a part of
    it ("arrietty" for "The Secret World of Arrietty"). Its first line must show it as typed: a section's box shows
    "Books »" beside a picture labelled "Books"."""
    attributed = record.names[_ATTRIBUTED]
    if not attributed or record.node.css_first(PICTURES) is None:
        return False
    shown = [name for place, name in enumerate(record.names) if place != _ATTRIBUTED]
    if attributed.casefold() in {name.casefold() for name in shown}:
        return True
    typed = letters(attributed)
    return len(typed) >= _MIN_NAME_PART and any(typed in letters(name) for name in shown[:_NAMES_SHOWN])


def _named_posters(records: list[_Record]) -> bool:
    """Cards each showing a picture labelled with the card's name (a poster's ``alt``, the ``title`` of the box around
    it), the name shown again as text: films' cards whatever their links (scripts, or none). The names are short and
    all different: a cinema's bars, each pictured and named "Café & Bar", are places, not films."""
    return share([_named_poster(record) for record in records]) >= 0.8 and _short_different_names(records, 5)


def _dated_names(records: list[_Record]) -> bool:
    """Records each printing a year beside a short name, all names different: on a page about films, its films
    (a concert's or an event's listing prints dates, not years)."""
    return share([record.year is not None for record in records]) >= 0.8 and _short_different_names(records, 6)


def _short_different_names(records: list[_Record], most_words: int) -> bool:
    """The records' names are all different (but for one in fifty: a long watchlist names a film twice) and, by
    their median, of at most ``most_words`` words."""
    names = {record.title.casefold() for record in records}
    return len(names) >= len(records) - len(records) // _SLIPS and _median_words(records) <= most_words


def _median_words(records: list[_Record]) -> float:
    """The median length in words of the records' names, without the year or facts printed after them ("Psycho
    (1960)", "Psycho (dir. Alfred Hitchcock, 1960)")."""
    return median(len(clean_title(record.title)[0].split()) for record in records)


def _candidate(
    members: list[LexborNode], readings: _Readings, index: BlockIndex, about_films: bool = False, days: int = 1
) -> Candidate | None:
    """The run's records as a candidate where they show evidence of being a list of films; ``days``: how many
    schedules the run joins (one per channel or per day, each starting its hours again)."""
    # The first few records tell whether the run can pass (all ranked, or most linking films): a page has
    # hundreds of runs (menus, footers, option lists), and reading each record is the costly part. Nor are
    # they read when none holds a film link and one holds no digit (no rank either), but on a page about films
    # (cards linking pages of their own hold neither).
    members = _records_only(members, readings)
    if len(members) >= _SAMPLED_RUN and _mostly_unnamed(members, readings):
        return None
    heads = members[:_PROBE]
    if (
        not about_films
        and not all(readings.digits(member) for member in heads)
        and not any(readings.held(member) for member in heads)
    ):
        return None
    probe: list[_Record | None] = []
    weak = linked = False  # a probed record without a rank (or without a title); one linking a film
    for n, member in enumerate(heads):
        record = readings.record(member)
        probe.append(record)
        weak = weak or record is None or (record.rank is None and record.time is None)
        linked = linked or (record is not None and _linked(record, about_films, readings.captioned(record)))
        # once one is weak, only a film link (or a page of its own) can save the probe: the rest are not read if
        # none holds one
        if weak and not linked and not any(readings.held(other) for other in heads[n + 1 :]):
            return None
    records: list[_Record] = []
    named: list[bool] = []
    titles: set[str] = set()
    missing = unnamed = doubled = unlinked = 0
    unranked = False
    for n, member in enumerate(members):
        record = probe[n] if n < len(probe) else readings.record(member)
        if record is None:
            missing += 1
        else:
            records.append(record)
            named.append(title_like(record.title))
            unnamed += not named[-1]
            # a film linked again is the same film shown at another time, or a label ("Ver Sinopsis", see
            # _unlabelled), not a repeat
            doubled += record.title in titles and not record.film_link and record.time is None
            titles.add(record.title)
            unlinked += not _linked(record, about_films, readings.captioned(record))
            unranked = unranked or (record.rank is None and record.time is None)
        # The reading stops once a test below must fail, whatever the records not read yet hold: over a fifth
        # of the run without a record, a name or a title of its own, or, unranked, over two fifths without a
        # film link.
        if 5 * max(missing, unnamed, doubled) > len(members) or (unranked and 5 * unlinked > 2 * len(members)):
            return None
    if len(records) < _MIN_RUN or len(records) < 0.8 * len(members):
        return None
    _unlabelled(records)
    _unframed(records)
    # codes alike but for their numbers are a numbering, not names (a date picker's cells, "r1c0", "r1c1", …)
    if len({_DIGITS.sub("#", record.title) for record in records}) == 1 and not any(
        " " in record.title for record in records
    ):
        return None
    timed = readings.schedule and _in_day_order(records, days)
    if share(named) < 0.8 or (not timed and _repeats(records) > 0.2 * len(records)):
        return None
    # a programme shows each film many times (a cinema's sessions, day by day): its list is its films, read
    # elsewhere; but a schedule whose slots keep the order of the day's hours is a list of its own
    if not timed and len({record.title for record in records}) < 0.5 * len(records):
        return None
    ranked = _printed_ranks(records)
    films = share([record.film_link for record in records])
    # years alone mark concerts and events as well as films: only a page about films makes them its films
    captioned = share([readings.captioned(record) for record in records]) >= 0.8 and _short_different_names(records, 5)
    cards = (
        about_films and (_own_pages(records) or _named_posters(records) or _dated_names(records) or captioned)
    ) or (share([record.film_facts for record in records]) >= 0.8 and _short_different_names(records, 8))
    films_shown = ranked or films >= 0.6 or cards  # else only a schedule's times mark the run
    # teasers of other articles (a "read also" carousel) each name their author; a film's card names none
    if share([record.node.css_first(_BYLINES) is not None for record in records]) >= 0.5:
        return None
    if not (films_shown or timed):
        return None
    shown = None if ranked else shown_numbers([record.node for record in records])
    items = []
    for n, record in enumerate(records, 1):
        first, last = index.first(record.node), index.last(record.node)
        rank = record.rank if ranked and record.rank is not None else shown[n - 1] if shown else n
        if first is None or last is None:  # a poster with its name only in attributes: no text of its own
            items.append(Item(rank, record.title, -1, 0, not ranked, year=record.year, film_link=record.film_link))
            continue
        items.append(
            Item(rank, record.title, first, 0, not ranked, year=record.year, end=last + 1, film_link=record.film_link)
        )
    if len(items) < _MIN_RUN:
        return None
    # posters with no text of their own (block -1) say nothing of where the article is
    in_article = share([index.blocks[item.block].in_article for item in items if item.block >= 0])
    years = share([record.year is not None for record in records])
    # a list with no text of its own (names only in the posters' alts: a carousel) is the weaker reading of a page
    unseen = share([item.block < 0 for item in items])
    confidence = 0.45 + 0.2 * ranked + 0.2 * films + 0.05 * years + 0.1 * in_article - 0.05 * unseen
    if not films_shown:
        # a schedule's slots and nothing more: the page's list only where it has no other (a cinema's page lists
        # its films, then their sessions by the hour)
        confidence = _SCHEDULE
    return Candidate("records", items, min(confidence, 0.95))


def _mostly_unnamed(members: list[LexborNode], readings: _Readings) -> bool:
    """Over two fifths of a sample of the run's records have no record or no name, where a list's may have a fifth
    at most: the run is no list, whatever the records not read hold (a sample of 60 shows over 24 failing from a
    run that fails a fifth about once in 100,000 runs)."""
    places = {int(n * _SPREAD % 1 * len(members)) for n in range(_SAMPLE)}
    failing = sum(
        (record := readings.record(members[place])) is None or not title_like(record.title) for place in places
    )
    return 5 * failing > 2 * len(places)


def _own_titles(page: Page) -> set[str]:
    """The titles the page gives itself in its head (``og:title``, ``<title>``), whole and their first parts ("250
    лучших фильмов" of "250 лучших фильмов — Кинопоиск"), case folded: not its first heading, which on a programme
    may be its first film's."""
    og = page.tree.css_first('meta[property="og:title"]')
    texts = (clean(og.attributes.get("content")) if og is not None else "", node_text(page.tree.css_first("title")))
    return {part.casefold() for text in texts if text for part in (text, TITLE_PARTS.split(text)[0]) if part}


def _bold_label(node: LexborNode, readings: _Readings) -> bool:
    """The element shows a few words, all in bold ("<p><u><b>The Artsy Type</b></u></p>"), and links nothing: a
    group's label among linked records, or a record of a list of bold names."""
    shown = readings.shown(node)
    return (
        0 < len(shown) <= _MAX_LABEL
        and node.css_first("a[href]") is None
        and clean(" ".join(bold.text(deep=True) for bold in node.css("b, strong"))) == shown
    )


def _records_only(members: list[LexborNode], readings: _Readings) -> list[LexborNode]:
    """The run without the labels among its records (days, letters) or its heading before them, and without the
    empty boxes before and after them (an empty box among them, an advert's place, is a gap in the run: it stays,
    and counts against it)."""
    members = [member for member in members if readings.apart(member) != "label"]
    # bold labels among records that link (a blog post's "The Documentary Type" over its films' linked lines) head
    # groups, the first group too; a bold name without a link among linked ones is a record all the same, and where
    # most records are bold and unlinked, they are the list's
    if members and _bold_label(members[0], readings):
        bold = [member for member in members if _bold_label(member, readings)]
        if (
            3 * len(bold) <= len(members)
            and share([member.css_first("a[href]") is not None for member in members]) >= 0.6
        ):
            members = [member for member in members if not _bold_label(member, readings)]
    start, end = 0, len(members)
    if members and readings.heads_the_list(members[0]):
        start = 1
    while start < end and readings.apart(members[start]) == "empty":
        start += 1
    while end > start and readings.apart(members[end - 1]) == "empty":
        end -= 1
    return members[start:end]


def _in_day_order(records: list[_Record], days: int) -> bool:
    """Most records open with a time of day, in the order of a day's hours (past midnight once at most in each of
    the ``days``): a schedule's slots, where a show airs again (its repeats are slots of their own)."""
    minutes = [_minutes(record.time) for record in records if record.time]
    if len(minutes) < 0.8 * len(records) or len(minutes) < _MIN_RUN:
        return False
    backwards = sum(later < earlier for earlier, later in pairwise(minutes))
    return backwards <= days


def _minutes(time: str) -> int:
    """ "05:00" -> 300, "9.30 pm" -> 1290, "12 AM" -> 0."""
    digits = [int(part) for part in _DIGITS.findall(time)[:2]]
    hour, minute = digits[0], digits[1] if len(digits) > 1 else 0
    meridiem = time.casefold().replace(".", "")
    if "pm" in meridiem and hour < 12:
        hour += 12
    elif "am" in meridiem and hour == 12:
        hour = 0
    return 60 * hour + minute


def _repeats(records: list[_Record]) -> int:
    """Records named as an earlier one was, but for a film linked again: the same film in another section (a
    year's nominees in two categories), not a label every record repeats."""
    seen: set[str] = set()
    repeats = 0
    for record in records:
        repeats += record.title in seen and not record.film_link
        seen.add(record.title)
    return repeats


def _sections(runs: list[list[LexborNode]]) -> list[list[list[LexborNode]]]:
    """One list drawn as several runs, one per section (nominees by year, releases by date): runs of one
    record signature, in page order, whose parents share a signature too where the records have no class of their
    own (a class names its records wherever they stand: a calendar's first week in a highlighted box, the rest in
    the list's own)."""
    by_kind: dict[tuple[tuple[str, str], tuple[str, str]], list[list[LexborNode]]] = defaultdict(list)
    for members in runs:
        parent = members[0].parent
        if parent is not None:
            kind = _signature(members[0].tag or "", members[0])
            by_kind[(kind, ("", "") if _classed(kind[1]) else _signature(parent.tag or "", parent))].append(members)
    return [group for group in by_kind.values() if len(group) >= 2]


def _section_candidate(
    sections: list[list[LexborNode]], readings: _Readings, index: BlockIndex, about_films: bool
) -> Candidate | None:
    """The sections' records as one list, each entry under its section's labels (the short texts between the
    section before and its first record: "2000 (73rd)", "BEST PICTURE"), whose year, where a label opens with
    one, is its entries'."""
    found = _candidate([member for run in sections for member in run], readings, index, about_films, len(sections))
    # read again without the sections unlike the rest, which broke the reading of the others as one list: those with
    # no record at all (a grid's rows of pictures, each over a row of their names), those without years where most
    # have them, then those linking other pages where the rest link films (a favourites page's comedians and actors
    # between its films and shows)
    for alike in (_named_sections, _dated_sections, _film_linked_sections):
        if found is not None or len(sections) > _MAX_SECTIONS:
            break
        if 1 < len(kept := alike(sections, readings)) < len(sections):
            sections = kept
            found = _candidate([m for run in sections for m in run], readings, index, about_films, len(sections))
    if found is None:
        return None
    spans = [
        (first, last)
        for run in sections
        if (first := index.first(run[0])) is not None and (last := index.last(run[-1])) is not None
    ]
    # Every section is headed alike: the first one by as many labels as the second (not the page's intro above it).
    heads = [min(max(first - previous_last - 1, 0), _MAX_LABELS) for (_, previous_last), (first, _) in pairwise(spans)]
    labels: list[list[str]] = []
    for (first, _), head in zip(spans, [heads[0], *heads] if heads else [0] * len(spans), strict=True):
        texts = [index.blocks[b].text for b in range(max(first - head, 0), first)]
        labels.append([text for text in texts if len(text) <= _MAX_LABEL])
    # Each entry's section: the last one starting at or before its block (-1: before them all, no text of its own).
    starts = [first for first, _ in spans]
    section_of = [bisect_right(starts, item.block) - 1 for item in found.items]
    for item, k in zip(found.items, section_of, strict=True):
        texts = labels[k] if k >= 0 else []
        if texts:
            item.group = " · ".join(texts)
        if item.year is None and (year := next((m for text in texts if (m := _LABEL_YEAR.match(text))), None)):
            item.year = int(year.group(1))
    return _alike_sections(found, section_of)


def _named_sections(sections: list[list[LexborNode]], readings: _Readings) -> list[list[LexborNode]]:
    """Without the sections none of whose members reads as a record (pictures with no name)."""
    return [run for run in sections if any(readings.record(member) is not None for member in run)]


def _dated_sections(sections: list[list[LexborNode]], readings: _Readings) -> list[list[LexborNode]]:
    """Without the sections whose first record carries no year where most sections' first records do (a table of
    contents drawn as the film sections are, "Part 1 … Part 8", linking the same pages at the top and the foot). The
    sections' labels may date them all instead: see _alike_sections."""
    dated = {
        k: [(record := readings.record(run[0])) is not None and _dated(record.year, record.title)]
        for k, run in enumerate(sections)
    }
    alike = _alike(dated)
    return [run for k, run in enumerate(sections) if k in alike]


def _film_linked_sections(sections: list[list[LexborNode]], readings: _Readings) -> list[list[LexborNode]]:
    """The sections whose records mostly link a film (or mark one), where each other's records link other pages
    (a favourites page's comedians and actors, each linking their own page)."""
    shares = [share([readings.held(member) for member in run]) for run in sections]
    if any(
        1 - _ALIKE < part < _ALIKE
        or (part <= 1 - _ALIKE and any(member.css_first("a[href]") is None for member in run))
        for run, part in zip(sections, shares, strict=True)
    ):
        return sections
    return [run for run, part in zip(sections, shares, strict=True) if part >= _ALIKE]


def _dated(year: int | None, title: str) -> bool:
    """A year of the record's own, or after its name: in brackets, or after a comma, a dash or a space ("Annie Hall –
    1977"; counted across sections, where a name's own year, "Nico, 1988", is one among many)."""
    return year is not None or clean_title(title)[1] is not None or year_after(title) is not None


def _alike(dated: dict[int, list[bool]]) -> set[int]:
    """The sections (by key) alike in carrying years: where most sections' entries carry them, those whose entries
    mostly do; else all."""
    shares = {k: share(flags) for k, flags in dated.items()}
    if not shares or median(shares.values()) < _ALIKE:
        return set(shares)
    return {k for k, part in shares.items() if part >= 1 - _ALIKE}


def _alike_sections(found: Candidate, section_of: list[int]) -> Candidate | None:
    """Without the sections unlike the rest: where most sections' entries carry years (their own, after their names:
    "Psycho (1960)", or their label's: "2000 (73rd)"), one whose entries carry none ("See also: List of films: A,
    …", drawn as the film sections are) is no part of the list."""
    dated: dict[int, list[bool]] = defaultdict(list)
    for item, k in zip(found.items, section_of, strict=True):
        dated[k].append(_dated(item.year, item.title))
    alike = _alike(dated)
    kept = [item for item, k in zip(found.items, section_of, strict=True) if k in alike]
    if len(kept) < _MIN_RUN:
        return None
    if unranked(kept):
        for n, item in enumerate(kept, 1):
            item.rank = n
    return Candidate(found.shape, kept, found.confidence)


def _elements(node: LexborNode) -> int:
    return sum(1 for child in node.iter() if (tag := child.tag) and not tag.startswith("-"))


def _nested(members: list[LexborNode]) -> list[list[LexborNode]] | None:
    """A run of sections each holding its own few records (a release calendar's dates, one to five films
    each; an A-Z page's letters, each list opening with its letter), too few to be runs of their own: the
    records, section by section, where one record signature sits in most sections, one level down (blocks,
    not a row's cells nor a paragraph's links) or else two, and there are more records than sections."""
    # A section holds its label and its records: a member of one element (a menu's <li><a>) holds no section.
    if len(members) > _MAX_SECTIONS or _elements(members[0]) < 2:
        return None
    for depth in (1, 2):
        held = [_held(member, depth) for member in members]
        common = [
            signature
            for signature in {signature for inner in held for signature in inner}
            if sum(signature in inner for inner in held) >= _ALIKE * len(members)
            and sum(len(inner.get(signature, ())) for inner in held) > len(members)
        ]
        if len(common) == 1:
            break
    else:  # none, or a section's several parts alike: no one record signature
        return None
    sections = [inner[common[0]] for inner in held if common[0] in inner]
    # a card linking its one film twice (by its poster, then by its name) is one record, not a section of two
    if share([len(section) > 1 and len({_target(node) for node in section}) == 1 for section in sections]) >= _ALIKE:
        return None
    return sections


def _held(member: LexborNode, depth: int) -> dict[tuple[str, str], list[LexborNode]]:
    """A section's elements by signature, ``depth`` levels down: at one level, blocks only (not a row's cells nor a
    paragraph's links)."""
    nodes = member.iter() if depth == 1 else (node for child in member.iter() for node in child.iter())
    inner: dict[tuple[str, str], list[LexborNode]] = defaultdict(list)
    for node in nodes:
        tag = node.tag
        if (
            tag
            and not tag.startswith("-")
            and tag not in _SKIP
            and not (depth == 1 and (tag in _INLINE or tag in _CELLS))
        ):
            inner[_signature(tag, node)].append(node)
    return inner


def _target(node: LexborNode) -> str | None:
    """The address a record links: its own, or its first link's."""
    anchor = node if node.tag == "a" else node.css_first("a[href]")
    return anchor.attributes.get("href") if anchor is not None else None


def record_candidates(
    page: Page, index: BlockIndex, about_films: bool = False, schedule: bool = False, captions: bool = False
) -> list[Candidate]:
    """A candidate for each run of records that shows evidence of being a list of films, and one for each
    list split into sections of such runs, or of sections too small to hold runs; ``schedule``: the page's titles or
    address call it a schedule or a programme (a show's page may hold a "tonight on TV" box); ``captions``: a picture
    with a name and nothing more is a film's card (see _Readings.captioned)."""
    readings = _Readings(page, schedule, about_films, captions)
    runs = _runs(page)
    drawn = _sections(runs)
    # A run among hundreds drawn alike (a table row's cells, row after row) is no list of its own: the runs
    # together are one, read below; reading each alone cost most of a long table's parse.
    parts = {id(members) for group in drawn if len(group) > _MAX_ALONE for members in group}
    found = [
        c
        for members in runs
        if id(members) not in parts and (c := _candidate(members, readings, index, about_films)) is not None
    ]
    sections = drawn + [nested for members in runs if (nested := _nested(members))]
    found += [candidate for group in sections if (candidate := _section_candidate(group, readings, index, about_films))]
    return found
