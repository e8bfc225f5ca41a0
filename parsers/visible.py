"""Film facts as a reader sees them on any film site: its labelled rows and its heading.

A film site prints the facts it has as label and value, in whatever markup it likes: ``<span class="label">Runtime:
</span> <span>2 hrs 46 mins</span>`` (Rotten Tomatoes 2008), ``<dt>Género</dt><dd>…</dd>`` (FilmAffinity),
``<th>Directed by</th><td>…</td>`` (Wikipedia's infobox), ``<span class="pl">导演</span>: …`` (Douban). A label is
found by its words (``vocabulary.LABELS``, many languages), never by a site's class names; its value is what
follows it. The heading gives the title and, where it prints one, the year ("Pulp Fiction (1994)").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from .countries import country_code
from .dates import is_time_of_day, only_a_date, parse_date, release_date_from_text
from .imdb.common import is_navigation, runtime_minutes, see_all_count
from .page import PICTURE_TAGS, TITLE_PARTS, Page, read_once, site_host, spells_the_host
from .records import Company, Person, ReleaseDate
from .text import clean, dedupe, node_text, strip_quotes, text_lines, without_kind
from .vocabulary import field_of_label, label_key

_LABELS = "dt, th, td, span, strong, b, label, h3, h4, h5, div, p"
_INLINE = frozenset(
    {"span", "b", "strong", "em", "i", "abbr", "font", "small", "bdi", "br", "nobr", "wbr", *PICTURE_TAGS}
)
_FLAGS = ", ".join(f"{tag}[alt], {tag}[title]" for tag in sorted(PICTURE_TAGS))
_MAX_LABEL = 40  # characters: a label is a few words
_SEPARATORS = re.compile(r"\s*(?:\||,|/|·|•|;)\s*")
_SEPARATORS_ONLY = re.compile(f"(?:{_SEPARATORS.pattern}|\\s)*")  # a value's text once its names are out
_RELEASE_SEPARATORS = re.compile(r"\s*(?:\s/\s|;|\|)\s*")
# "Pulp Fiction (1994)"; a wiki's disambiguator: "Parasite (2019 film)", "Deadwood (TV series)"
_TITLE_YEAR = re.compile(
    r"^(?P<title>.+?)\s*\((?P<year>(?:18|19|20)\d\d)?\s*(?:[\w-]+\s)?(?:film|movie|TV series|miniseries)?\)\s*$", re.I
)
# A box that lists one work's facts (a wiki's infobox, a site's facts box): a film's names its director, or its
# running time and country; a video game's box names a director too, but also its platforms and developer.
_FACT_BOXES = "table.infobox, table.infobox_v2, aside.portable-infobox"
# An article's reading time, in the words news sites print it in ("12 min read", "21 Minutes to Read", "Lesezeit:
# 4 Min."): no runtime in such a text.
_READING = re.compile(r"\bread(?:ing)?\b|lesezeit|lesedauer|lecture|lectura|leitura|lettura|czytania|чтения", re.I)
# A length in minutes as a phrase of its own: not a clock time or a score before it, not an age ("40 mins ago")
# after it.
# "97 mins", "159 min", and with hours before them "1 hr 52 mins", "2 h 5 min" (the minutes alone are no runtime)
_RUNTIME_PHRASE = re.compile(
    r"(?<![\d.,:/])(?:(\d)\s?(?:h|hrs?|hours?|std|stunden?)\.?\s?(\d{1,2})|(\d{2,3}))"
    r"\s?(?:min|mins|minutes|minuten|minutos|minuti|мин)\b\.?(?!\s*(?:ago|left))",
    re.I,
)
_MIN_RUNTIME, _MAX_RUNTIME = 20, 600  # minutes: a film or an episode, not a clip or a festival day
_UNSEEN = frozenset({"script", "style", "noscript", "template", "title", "textarea"})
# Headings looked at for a title's year: the page's own heading comes before the lists of other films' headings.
_TOP_HEADINGS = 5
# "La bête dans la jungle aka ▾": the toggle that opens the other titles, printed after the original one.
_AKA_TOGGLE = re.compile(r"\s+(?:aka|a\.k\.a\.)$", re.I)
_COMPANY_PAGE = re.compile(
    r"/(?:studios?|compan(?:y|ies)|production-compan(?:y|ies))/[^/?#]*[^\W\d_][^/?#]*/?(?:$|[?#])", re.I
)
_GENRE_PAGE = re.compile(r"/(?:genres?|g[eé]neros?|generi?|žánry?|жанры?)/[^/?#]*[^\W\d_][^/?#]*|[?&]genres?=\w", re.I)
_MAX_LINKED = 6  # a film's companies or genres the page links; more are a site's index of them
_CELLS = frozenset({"td", "th"})
_BOXES = frozenset({"ul", "ol", "dl", "table", "section", "aside", "body"})
# Labels only a game's, a record's or a book's facts have.
_OTHER_WORKS = r"platforms?|developers?|publishers?|label|isbn|pages|tracks?"
_NOT_A_FILM = re.compile(rf"\b({_OTHER_WORKS})\b", re.I)
# A release table's cells: a date alone ("20 May 2000", "2014-06-27"), a country named alone ("France", "USA"; not a
# two-letter code, which a rating badge reads as: "NR", "PG"), both leaves of one row.
_DATE_ONLY = re.compile(r"^[\d\s.,/-]*[^\W\d_]*\.?[\d\s.,/-]*$")
_CELL_TAGS = "h2, h3, h4, h5, h6, span, div, td, th, time, p, dt, dd, b, strong"
_SITE_APART = r"[|•·:»–—-]"  # what sets a site's name apart from a page's title in its og:title
_ROW_DEPTH = 4  # elements between a date and its row at most
_A_YEAR = re.compile(r"(?:18[89]\d|19\d\d|20\d\d)")
_YEAR_ALONE = re.compile(rf"\(?({_A_YEAR.pattern})\)?")  # "2025", "(1979)"
_COUNTRY_YEAR = re.compile(rf"([^\W\d_][^\d]*?)\s+({_A_YEAR.pattern})")  # "Włochy 2011", "USA 2013"
_GROUP_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_WORDS = re.compile(r"[^\W_]+")
_SENTENCE = re.compile(r"(?:\w+\W+){2,}[a-zß-ÿа-яё][\w'-]{2,}[.!]")
# words a <title> prints after a film's name to say what the page is ("Waist Deep Movie Reviews, Pictures")
_PAGE_WORDS = frozenset(
    {
        "movie",
        "movies",
        "film",
        "films",
        "review",
        "reviews",
        "trailer",
        "trailers",
        "showtimes",
        "on",
        "at",
        "directed",
    }
)
_MAX_CUT_WORDS = 2  # words a heading may print after the film's name that its <title> leaves out
# A film's header: the texts after its heading that may hold its facts (a rating, a "Play trailer" button before
# them), none longer than a short sentence (the synopsis ends it), the facts themselves short parts of a line.
_HEADER_TEXTS = 20
_MAX_HEADER_TEXT = 150
_MAX_FACTS_TEXT = 40


def _inline(tag: str | None) -> bool:
    """An element that flows within a line: the inline tags, and a custom element (``<rt-text>``), which browsers
    show inline unless its own styles say otherwise."""
    return tag in _INLINE or "-" in (tag or "")


def _is_leaf(node: LexborNode) -> bool:
    """A label holds words only: no links, blocks or lists inside (a box that holds its value is no label)."""
    return all(_inline(child.tag) for child in node.iter(include_text=False))


def _value_of(label: LexborNode) -> _Value | None:
    """What follows a label: its next element, or, where the label is the last of its box, the box's next element
    (``<th><div>Release dates</div></th><td>…</td>``); where words follow it in its box, the box without it."""
    below = _cell_below(label)
    if below is not None:
        return _Value(below)
    if label.is_text_node and (parent := label.parent) is not None:
        value = _label_in_text(label)[1]
        if value:  # "Kinostart: 27.03.1980": the text's own words after the label
            return _Value(parent, label=node_text(label), line=value)
    node: LexborNode | None = label
    for _ in range(3):
        if node is None:
            return None
        sibling = node.next
        # past text and the label's own controls: an "Edit" link beside it (IMDb's /reference) is no value
        while sibling is not None and (not sibling.is_element_node or _control(sibling) or _blank(sibling)):
            if not sibling.is_element_node and clean(sibling.text(deep=False)).strip(":："):
                # "<b>Genre:</b> Drama" (text right after the label)
                parent = node.parent
                return _Value(parent, node_text(node), line=_line_after(node)) if parent is not None else None
            sibling = sibling.next
        if sibling is not None:
            box = node.parent
            links = _run_of_links(box, node, sibling) if box is not None else ()
            if box is not None and links:
                return _Value(box, node_text(node), links)
            values = _run_of_values(sibling)
            return (
                _Value(box, node_text(node), line=" / ".join(values)) if box is not None and values else _Value(sibling)
            )
        node = node.parent
    return None


def _blank(node: LexborNode) -> bool:
    """An element that shows nothing: a spacer row or picture (``<tr><td><img src=spacer.gif></td></tr>``) between a
    label and its value, as table layouts of the 2000s put them."""
    return not node_text(node) and node.css_first(_FLAGS) is None


def _control(node: LexborNode) -> bool:
    """A link that acts on the page rather than names a value: "Edit", "See more", "Add"."""
    return node.tag == "a" and is_navigation(node_text(node))


def _cell_below(label: LexborNode) -> LexborNode | None:
    """A label's value where a table prints its labels in a row and their values in the row below (Cinemais'
    ``País | Gênero | Duração`` over ``EUA | Ação, Aventura | 124 min.``): the cell under it, counting out the
    cells of the labels' row that span both rows. None where the label's row holds anything but labels."""
    cell = label if label.tag in _CELLS else label.parent
    row = cell.parent if cell is not None and cell.tag in _CELLS else None
    if row is None or row.tag != "tr" or cell is None:
        return None
    cells = [child for child in row.iter() if child.tag in _CELLS]
    texts = [node_text(child) for child in cells]
    known = sum(bool(text and field_of_label(label_key(text))) for text in texts)
    if known < 2 or any(len(text) > _MAX_LABEL for text in texts):
        return None
    after = row.next
    while after is not None and after.tag != "tr":
        after = after.next
    if after is None:
        return None
    spanning = sum(1 for child in cells[: cells.index(cell)] if (child.attributes.get("rowspan") or "1") != "1")
    below = [child for child in after.iter() if child.tag in _CELLS]
    column = cells.index(cell) - spanning
    return below[column] if 0 <= column < len(below) else None


def _line_after(label: LexborNode) -> str:
    """The words after a label to the end of its line: a box of several labelled lines ("<b>Director:</b> Vondie
    Curtis-Hall<br><b>Studio:</b> Focus Features") gives each label its own line."""
    words = []
    sibling = label.next
    while sibling is not None and sibling.tag not in ("br", label.tag):
        words.append(sibling.text(deep=True))
        sibling = sibling.next
    return clean("".join(words)).lstrip(" :：")


def _run_of_links(box: LexborNode, label: LexborNode, first: LexborNode) -> tuple[LexborNode, ...]:
    """The value's links where it is several links side by side in the label's box ("<h4>Genres:</h4> <a>Drama</a> |
    <a>History</a>", each perhaps in an inline element of its own), the box holding no other label of the label's
    kind: those of the first one's kind (the first folder of their addresses: a "See All (251)" link after the
    keywords is none of them). None where the value is the first element alone."""
    lead = _link_in(first)
    elements = list(box.iter(include_text=False))
    if (
        lead is None
        or sum(child.tag == label.tag for child in elements) != 1
        or not all(_inline(child.tag) or child.tag == "a" or child.mem_id == label.mem_id for child in elements)
    ):
        return ()
    links = _of_first_kind([link for child in elements if (link := _link_in(child)) is not None])
    return links if len(links) >= 2 else ()


def _run_of_values(first: LexborNode) -> list[str]:
    """The values of a label's line where they are inline elements apart by separators only ("<span>类型:</span>
    <span>剧情</span> / <span>科幻</span> / <span>冒险</span><br>": Douban's facts box, whose labels share one box):
    their texts, two at least; else none."""
    values = []
    node: LexborNode | None = first
    while node is not None and node.tag != "br":
        if node.is_element_node:
            text = node_text(node)
            if not _inline(node.tag) or not text or field_of_label(label_key(text)):  # a block, or the next label
                break
            if not is_navigation(text):  # "See more »" after the values
                values.append(text)
        elif _SEPARATORS.sub("", node.text(deep=False)).strip():  # words between them: a sentence, not a list
            return []
        node = node.next
    return values if len(values) >= 2 else []


def _link_in(node: LexborNode) -> LexborNode | None:
    """A link, or the link an inline element holds."""
    if node.tag == "a":
        return node
    return node.css_first("a[href]") if _inline(node.tag) else None


def _item_name(item: LexborNode) -> str:
    """A list item's name: its one link's text, where it holds one ("<li><a>Warner Bros.</a> (presents)</li>": the
    note after it names a role, not the company), else its text."""
    links = item.css("a[href]")
    return node_text(links[0]) if len(links) == 1 else node_text(item)


def _names(links: tuple[LexborNode, ...]) -> list[str]:
    return [text for link in links if (text := strip_quotes(node_text(link)))]


def _of_first_kind(links: list[LexborNode]) -> tuple[LexborNode, ...]:
    """The links whose addresses' first folder is the first one's ("/genre/Drama", "/genre/History"; not the "See
    more" after them, "/title/tt0468569/keywords")."""
    kind = _folder(links[0]) if links else ""
    return tuple(link for link in links if _folder(link) == kind)


def _folder(link: LexborNode) -> str:
    return urlsplit(link.attributes.get("href") or "").path.lstrip("/").split("/", 1)[0]


@dataclass(frozen=True, slots=True)
class _Value:
    """What follows a label: a node, and the label's own words where the node holds them too (``<p><b>Genre:</b>
    Drama</p>``), to be left out of its text."""

    node: LexborNode
    label: str = ""
    links: tuple[LexborNode, ...] = ()  # where the value is a run of links side by side: those links
    line: str | None = None  # where words follow the label in its box: those of its line

    @property
    def text(self) -> str:
        if self.line is not None:
            return self.line
        text = node_text(self.node)
        return text[len(self.label) :].lstrip(" :：") if self.label and text.startswith(self.label) else text

    @property
    def parts(self) -> list[str]:
        """The value's items: its list items (linked or not), else its lines where ``<br>`` breaks it, else its
        links' texts, else its text split at separators."""
        if self.links:
            return _names(self.links)
        if not self.label:
            items = [text for item in self.node.css("li") if (text := strip_quotes(_item_name(item)))]
            if not items and self.node.css_first("br") is not None:
                items = [text for line in text_lines([self.node]) if (text := strip_quotes(line))]
            items = items or _names(_of_first_kind(self.node.css("a[href]")))
            if items:
                return items
        return [part for part in _SEPARATORS.split(self.text) if part]


def _release_dates(value: _Value, day_first: bool = False) -> tuple[ReleaseDate, ...] | None:
    """One date per list item where the value lists them, else per separated part of its text, else the text whole."""
    items = [node_text(item) for item in value.node.css("li")] if not value.label else []
    found = [
        date
        for part in items or _RELEASE_SEPARATORS.split(value.text)
        if (date := release_date_from_text(part, day_first=day_first))
    ]
    if not items and not any(date.precision == "day" for date in found):
        # a date written with a separator inside: "Ene 15 / 2026" is one day, not a day and a year
        whole = release_date_from_text(value.text, day_first=day_first)
        found = [whole] if whole is not None and whole.precision == "day" else found
    return tuple(dict.fromkeys(found)) or None


# English where a date is written day first ("07/03/2019" for 7 March): every English but the American.
_DAY_FIRST_ENGLISH = frozenset({"gb", "uk", "ie", "au", "nz", "in", "za"})


def _day_first(page: Page) -> bool:
    """Whether the page's language (``<html lang>``, else ``og:locale``) writes a date's day before its month."""
    html = page.tree.css_first("html")
    locale = page.tree.css_first('meta[property="og:locale"]')
    lang = (html.attributes.get("lang") if html is not None else None) or (
        locale.attributes.get("content") if locale is not None else None
    )
    parts = (lang or "").replace("_", "-").lower().split("-")
    if not parts[0]:
        return False
    return parts[0] != "en" or (len(parts) > 1 and parts[1] in _DAY_FIRST_ENGLISH)


def _year_alone(text: str) -> int | None:
    """A labelled year: the value is a year and no more ("2020", "1999 "), not a date or a range of seasons."""
    return int(text) if _A_YEAR.fullmatch(text := text.strip()) else None


def _items(value: _Value) -> tuple[str, ...]:
    """A list value's items, without a sentence the page prints in their place ("No keywords have been added.":
    TMDB's box of a film with none): a capital, then words to a lower-case one and a period. A name may end in a
    period ("Warner Bros. Pictures Inc."), and a keyword too ("allegory of multiple historical events.", IMDb's)."""
    return dedupe([part for part in value.parts if not (part[:1].isupper() and _SENTENCE.fullmatch(part))])


def _people(value: _Value) -> tuple[Person, ...] | None:
    return tuple(Person(name) for name in _items(value)) or None


_READERS: dict[str, Callable[[_Value], Any]] = {
    "genres": lambda value: _items(value) or None,
    "keywords": lambda value: _items(value) or None,
    "countries": lambda value: dedupe([code for part in value.parts if (code := country_code(part))]) or None,
    "languages": lambda value: _items(value) or None,
    "directors": _people,
    "writers": _people,
    "companies": lambda value: tuple(Company(name) for name in _items(value)) or None,
    "runtime_minutes": lambda value: runtime_minutes(value.text),
    "year": lambda value: _year_alone(value.text),
    "release_dates": _release_dates,
    "original_title": lambda value: strip_quotes(_AKA_TOGGLE.sub("", value.text)) or None,
}
# Class names that name a value outright (``<span class="genres">``, ``<span class="runtime">``), in order of trust:
# read only for a field no label gave.
_CLASS_FIELDS = (
    ("genres", "genres"),
    ("genre", "genres"),
    ("runtime", "runtime_minutes"),
    ("duration", "runtime_minutes"),
    ("release", "release_dates"),
    ("release-date", "release_dates"),
    ("release_date", "release_dates"),
    ("directors", "directors"),
    ("director", "directors"),
)


def _short_leaves(page: Page, selector: str = _LABELS) -> Iterator[tuple[LexborNode, str]]:
    """Every element of ``selector`` that holds a few words only, with its words: a label, a table's cell."""
    for node in page.tree.css(selector):
        if _is_leaf(node) and (text := node_text(node)) and len(text) <= _MAX_LABEL:  # "Production<br>companies"
            yield node, text


def _labels(page: Page, with_value: bool = True) -> Iterator[tuple[LexborNode, str]]:
    """Every short element that may be a label, then every label written in a text of its own, no element around
    it: before its value's element ("<td>Genre: <b>Comedy</b></td>", as 2000s table layouts print their facts) or,
    ``with_value``, before its value in the same text ("Kinostart: 27.03.1980", a line of "Runtime: 93 min<br>")."""
    yield from _short_leaves(page)
    yield from ((node, label) for node, label, valued in _text_labels(page) if with_value or not valued)


@read_once
def _text_labels(page: Page) -> list[tuple[LexborNode, str, bool]]:
    """The labels written in a text of their own (see _labels), a film's facts' and another work's, each with whether
    its value follows in that text: one walk of the page, which detection (``labels_one_film``) and the film reader (``labelled_fields``) share."""
    found = []
    body = page.tree.body
    for node in body.traverse(include_text=True) if body is not None else ():
        if not node.is_text_node or (parent := node.parent) is None or parent.tag in _UNSEEN:
            continue
        label, value = _label_in_text(node)
        # a label of another kind of work's ("Developer: <span>Arkane</span>") tells detection it is no film's
        if len(label) >= _MAX_LABEL or not (field_of_label(label_key(label)) or _OTHER_WORKS_LABEL.match(label)):
            continue
        if value or (node.next is not None and node.next.is_element_node):
            found.append((node, f"{label}:", bool(value)))
    return found


def _label_in_text(node: LexborNode) -> tuple[str, str]:
    """A text's words before its first colon (ASCII or full-width) and after it; ("", "") where it has none."""
    label, colon, value = clean(node.text_content).replace("：", ":").partition(":")
    return (label, value.strip()) if colon else ("", "")


def labelled_fields(page: Page) -> dict[str, Any]:
    """Every field whose label the page prints, read from what follows the label; the first label of a field wins."""
    found: dict[str, Any] = {}
    day_first = _day_first(page)
    release_box: int | None = None  # the list or table of the first release date's label
    for node, text in _labels(page):
        field = field_of_label(label_key(text))
        if field is None or field not in _READERS:
            continue
        # one row a release (ČSFD's "V kinech od" per country, newest first): every row of the first one's box
        again = field == "release_dates" and field in found and _box(node) == release_box
        if field in found and not again:
            continue
        value = _value_of(node)
        if value is None:
            continue
        read = _release_dates(value, day_first) if field == "release_dates" else _READERS[field](value)
        if read is None:
            continue
        if field == "release_dates":
            release_box = _box(node)
            read = _finest(tuple(dict.fromkeys((*found.get(field, ()), *_flagged(read, node)))))
        found[field] = read
        # keyword links in a box of their own (side by side, or a list: /reference's table cell), and the box's
        # "See All (251)": how many there are in all
        linked = value.links or (not value.label and value.node.css_first("a[href]") is not None)
        if field == "keywords" and linked:
            total = see_all_count(node_text(value.node))
            keywords: tuple[str, ...] = found["keywords"]
            if total is None and _shown_whole(value, keywords):
                total = len(keywords)  # the box holds its keywords and nothing else: no "See more", no count
            if total is not None:
                found["keywords_total"] = total
    return found


def _shown_whole(value: _Value, names: tuple[str, ...]) -> bool:
    """The value's text is its names and separators between them, with nothing that says more are not shown
    ("See more", "…", "+3", "All 251 keywords")."""
    rest = value.text
    for name in names:
        rest = rest.replace(name, "", 1)
    return _SEPARATORS_ONLY.fullmatch(rest) is not None


def _finest(dates: tuple[ReleaseDate, ...]) -> tuple[ReleaseDate, ...]:
    """The dates without one that another of the same country tells more precisely: MyAnimeList's "Premiered:
    Winter 1996" beside its "Aired: Jan 10, 1996 to …" adds no release."""
    return tuple(
        date
        for date in dates
        if not any(
            other.country == date.country and len(other.date) > len(date.date) and other.date.startswith(date.date)
            for other in dates
        )
    )


def class_named_fields(page: Page, labelled: dict[str, Any]) -> dict[str, Any]:
    """The fields no label gave (``labelled``) that an element's class names outright (``<span class="genres">``):
    weaker evidence than a label or the page's schema.org item, for the first such element may be a rail's
    (another film's "genre" line under "Coming soon")."""
    found: dict[str, Any] = {}
    for name, field in _CLASS_FIELDS:
        named = page.tree.css_first(f'[class~="{name}"]') if field not in labelled and field not in found else None
        if named is not None and (read := _READERS[field](_Value(named))) is not None:
            found[field] = read
    return found


@read_once
def lone_runtime(page: Page) -> int | None:
    """A runtime the page prints without a label ("97 mins" under Letterboxd's cast, "USA, 2018, 159 min"
    on ČSFD): the one length in minutes its text gives. None where it gives two (other films' runtimes, a
    reading time) or none."""
    found: set[int] = set()
    body = page.tree.body
    for node in body.traverse(include_text=True) if body is not None else ():
        parent = node.parent
        if node.tag != "-text" or parent is None or parent.tag in _UNSEEN:
            continue
        found.update(_runtimes(node.text_content or ""))
        if len(found) > 1:
            return None
    return found.pop() if found else None


def _runtimes(text: str) -> Iterator[int]:
    """The lengths in minutes a text gives, a film's or an episode's ("1 hr 33 mins", "104 mins"); none in an
    article's reading time ("21 Minutes to Read", "Lesezeit: 4 Min.")."""
    if _READING.search(text):
        return
    for match in _RUNTIME_PHRASE.finditer(text):
        hours, after_hours, alone = match.groups()
        minutes = int(hours) * 60 + int(after_hours) if hours else int(alone)
        if _MIN_RUNTIME <= minutes <= _MAX_RUNTIME:
            yield minutes


@read_once
def header_facts(page: Page) -> dict[str, int]:
    """A film's year and running time where its page prints them in the few short texts right after its heading,
    unlabelled ("Dir. Gus Van Sant / 2025 / 104 mins / USA"; "Love and the Midnight Auto Supply (1978)" over "PG |
    1 hr 33 mins | Crime"), the page printing no other running time (a list prints one per film). {} unless both:
    a year alone is any article's date, a running time alone a clip's."""
    heading = _named_h1(page, _og_title(page))
    body = page.tree.body
    if heading is None or body is None:
        return {}
    titled = _TITLE_YEAR.match(node_text(heading))
    year = int(titled.group("year")) if titled and titled.group("year") else None
    minutes: int | None = None
    inside = sum(1 for _ in heading.traverse(include_text=True))  # the heading's own nodes, which come first
    texts = 0
    for node in _after(body, heading.mem_id, inside):
        parent = node.parent
        if node.tag != "-text" or parent is None or parent.tag in _UNSEEN or not (text := clean(node.text_content)):
            continue
        texts += 1
        if texts > _HEADER_TEXTS or len(text) > _MAX_HEADER_TEXT:
            break  # past the header: the synopsis, the article, another box
        if len(text) > _MAX_FACTS_TEXT:
            continue
        minutes = minutes or next(_runtimes(text), None)
        # a year alone, or a part of a facts line alone ("2025 | China") or after the country it was made in
        # ("Włochy 2011, 60 min", "USA 2013"); not a date's ("June 9, 2025": an article's)
        if year is None and (found := _facts_year(text)):
            year = found
    if year is None or minutes is None or lone_runtime(page) != minutes:
        return {}
    return {"year": year, "runtime_minutes": minutes}


def _facts_year(text: str) -> int | None:
    """The year a part of a facts line gives alone or after a country's name, in a text that is no date."""
    if only_a_date(text):
        return None
    for part in _SEPARATORS.split(text):
        if alone := _YEAR_ALONE.fullmatch(part):
            return int(alone.group(1))
        if (made := _COUNTRY_YEAR.fullmatch(part)) and country_code(made.group(1)):
            return int(made.group(2))
    return None


def _after(body: LexborNode, heading: int, inside: int) -> Iterator[LexborNode]:
    """The nodes after the heading (by ``mem_id``) and its ``inside`` own nodes, in page order."""
    nodes = body.traverse(include_text=True)
    for node in nodes:
        if node.mem_id == heading:
            break
    next(islice(nodes, inside - 1, inside - 1), None)  # past the heading's own nodes
    yield from nodes


def linked_companies(page: Page) -> tuple[Company, ...] | None:
    """The companies a page links without a label, by the folder film sites keep their pages in
    ("/anime/studios/comix-wave-films", Letterboxd's "/studio/a24/")."""
    names = _linked_by_folder(page, _COMPANY_PAGE)
    return tuple(Company(name) for name in names) if names else None


def linked_genres(page: Page) -> tuple[str, ...] | None:
    """The genres a page links without a label, by the folder film sites keep their genres' pages in
    ("/MovieList/Genre/Crime/SORT/B", "/genre/drama", "?genre=horror")."""
    return _linked_by_folder(page, _GENRE_PAGE) or None


def _linked_by_folder(page: Page, folder: re.Pattern[str]) -> tuple[str, ...]:
    """The names of the site's links whose addresses ``folder`` matches: a film's few (its makers, its genres), not
    a site's index of them (more than a few names: none). Not the site's own ("/company/about" in its footer), nor
    another site's pages (a footer's "Employment" at the owner's "rovicorp.com/company/1332.htm")."""
    furniture = {link.mem_id for link in page.tree.css("header a[href], nav a[href], footer a[href]")}
    site = site_host(page.url)
    names = dedupe(
        [
            text
            for link in page.tree.css("a[href]")
            if link.mem_id not in furniture
            and folder.search(href := link.attributes.get("href") or "")
            and site_host(page.absolute(href)) in ("", site)
            and (text := node_text(link))
        ]
    )
    return names if len(names) <= _MAX_LINKED else ()


def _heads_sessions(node: LexborNode) -> bool:
    """The date heads a day's sessions: the element after it shows times of day and nothing else (a cinema's film
    page, "27/02/2026" over "17:25 19:40 22:00"), a day it screens the film, not a release."""
    after = node.next
    while after is not None and after.tag == "-text" and not (after.text_content or "").strip():
        after = after.next
    if after is None:
        return False
    texts = [
        text for leaf in after.traverse(include_text=True) if leaf.tag == "-text" and (text := clean(leaf.text_content))
    ]
    return bool(texts) and all(is_time_of_day(text) for text in texts)


def release_rows(page: Page) -> tuple[ReleaseDate, ...] | None:
    """Releases as a table prints them, by meaning rather than by label (Letterboxd's Releases tab: a date, then
    each country released that day): every row whose one date stands alone in an element and whose countries are
    named alone in others, a date per country. At least two rows of one kind (a table, not a date and a country
    that happen to meet in a page's footer); None where there are none."""
    dates: list[tuple[LexborNode, str]] = []
    countries: dict[int, tuple[str, str]] = {}
    for node, text in _short_leaves(page, _CELL_TAGS):
        if _DATE_ONLY.match(text) and (parsed := parse_date(text)) and parsed[1] == "day":
            if not _heads_sessions(node):
                dates.append((node, parsed[0]))
        elif len(text) > 2 and (code := country_code(text)):
            countries[node.mem_id] = (code, text)
    if len(dates) < 2 or not countries:
        return None
    dated = {node.mem_id for node, _ in dates}
    rows: list[tuple[tuple[str, str], str, list[tuple[str, str]], str | None]] = []
    for node, date in dates:
        row = node.parent
        for _ in range(_ROW_DEPTH):
            if row is None:
                break
            cells = row.css(_CELL_TAGS)
            named = [countries[cell.mem_id] for cell in cells if cell.mem_id in countries]
            # several dates and several countries: the table, not a row (which country is which date's is unknown)
            if len(named) > 1 and sum(cell.mem_id in dated for cell in cells) > 1:
                break
            if named:
                rows.append(((row.tag or "", row.attributes.get("class") or ""), date, named, _group_heading(row)))
                break
            row = row.parent
    kinds = Counter(kind for kind, _, _, _ in rows)
    if not kinds or kinds.most_common(1)[0][1] < 2:
        return None
    table = kinds.most_common(1)[0][0]
    found: dict[tuple[str, str], ReleaseDate] = {}  # a release once, where a second view of the table repeats it
    for kind, date, named, kind_of_release in rows:
        for code, name in named if kind == table else ():
            found.setdefault((date, code), ReleaseDate(date, "day", code, kind_of_release, name))
    return tuple(found.values())


def _group_heading(row: LexborNode) -> str | None:
    """The heading a release row's group is printed under ("Premiere", "Theatrical limited", "Digital"): the heading
    just before the row or before its table, lower-cased as IMDb's notes are ("premiere")."""
    for node in (row, row.parent):
        sibling = node.prev if node is not None else None
        while sibling is not None and not sibling.is_element_node:
            sibling = sibling.prev
        if sibling is not None and sibling.tag in _GROUP_HEADINGS and (text := node_text(sibling)):
            return text.casefold() if len(text) <= _MAX_LABEL else None
    return None


def _box(label: LexborNode) -> int | None:
    """The ``mem_id`` of the list, table or section a label sits in."""
    node = label.parent
    while node is not None and node.tag not in _BOXES:
        node = node.parent
    return node.mem_id if node is not None else None


def _flagged(dates: tuple[ReleaseDate, ...], label: LexborNode) -> tuple[ReleaseDate, ...]:
    """Dates whose label shows the country as a flag (ČSFD's ``<th><img alt="USA"> V kinech od:</th>``, or its
    row's ``<li><img alt="Česko"><p>V kinech od</p>…</li>``): that country, for each date that names none."""
    row = label.parent if label.parent is not None and label.parent.tag in ("li", "tr") else None
    flag = label.css_first(_FLAGS) or (row.css_first(_FLAGS) if row else None)
    if flag is None:
        return dates
    attributes = flag.attributes
    name = clean(attributes.get("alt") or attributes.get("title"))
    code = country_code(name)
    if code is None:
        return dates
    return tuple(date if date.country else replace(date, country=code, country_name=name) for date in dates)


def heading_fields(page: Page) -> dict[str, Any]:
    """Title and year from the page's first ``<h1>`` ("Pulp Fiction (1994)"), else its ``og:title``, else the name
    its ``<title>`` opens with that the page shows (``_title_shown``); where that prints no year, from a heading
    that prints the same title with one (TMDB's ``<h2>Deadwood <span>(2004)</span>``). Each read only where the one
    before it names nothing."""
    og_title = _og_title(page)
    readings: tuple[Callable[[], str], ...] = (
        lambda: node_text(_named_h1(page, og_title)),
        lambda: og_title,
        lambda: _title_shown(page),
    )
    for source, reading in enumerate(readings):
        if not (text := reading()):
            continue
        match = _TITLE_YEAR.match(text)
        title = without_kind(strip_quotes(match.group("title") if match else text))
        title = _named_part(title, page, og_title) if source == 0 else title
        if match and (year := match.group("year")):
            return {"title": title, "year": int(year)}
        return {"title": title} | _year_beside(page, title)
    return {}


def _named_part(heading: str, page: Page, og_title: str) -> str:
    """The heading's name without the word or two it prints after the name that the page's ``<title>`` and
    ``og:title`` leave out where they hold the rest (a badge, a version, the original title: "La Maldición De
    Evelyn (The Painted)" under "Horarios de La Maldición De Evelyn - En Cartelera"); the heading whole where they
    hold all of it, or none of its first words."""
    title = page.tree.css_first("title")
    held = " ".join(("", _plain(node_text(title) if title is not None else ""), _plain(og_title), ""))
    words = heading.split()
    for cut in range(min(_MAX_CUT_WORDS, len(words) - 1) + 1):
        kept = words[: len(words) - cut]
        if f" {_plain(' '.join(kept))} " in held:
            return " ".join(kept) if cut else heading
    return heading


def _plain(text: str) -> str:
    """Words only, case folded, one space apart: names compared whatever their punctuation and quotes."""
    return " ".join(_WORDS.findall(text.casefold()))


def _title_shown(page: Page) -> str:
    """The longest leading name of the page's ``<title>`` that the page also shows as a text of its own, and that
    is not the site's name ("The Iron Giant" of "The Iron Giant > Overview - AllMovie", shown in a ``span``): a
    film page's title where it has neither ``<h1>`` nor ``og:title``. "" where no name but the whole ``<title>``
    is shown, which cannot tell the film's name from the site's."""
    title = node_text(page.tree.css_first("title"))
    if page.tree.body is None or not title:
        return ""
    shown: set[str] = set()
    for node in page.tree.body.traverse(include_text=True):
        if node.is_text_node:
            text = clean(node.text(deep=False)).casefold()
            shown.add(text)
            # "Город грехов (2005)": a name shown with its year
            if "(" in text and (match := _TITLE_YEAR.match(text)) and match.group("year"):
                shown.add(match.group("title"))
    host = site_host(page.url)
    for part, name in _leading_names(title):
        if name.casefold() in shown and not spells_the_host(name, host):
            return part
    return ""


def _leading_names(title: str) -> Iterator[tuple[str, str]]:
    """The names a ``<title>`` may open with, longest first, each as (its text, the name the page would show):
    each leading run of its parts ("Across the Universe (2007)" of "… - Box Office Mojo", shown without its year),
    then the first part's leading words up to a year, a bracket or a word that says what the page is ("Heroes on
    TV.com", "Waist Deep Movie Reviews, Pictures", "Deadwood (TV Series 2004-2006)")."""
    separators = list(TITLE_PARTS.finditer(title))
    for separator in reversed(separators):
        yield from _with_year(title[: separator.start()])
    words = (title[: separators[0].start()] if separators else title).split()
    for count in range(len(words) - 1, 0, -1):
        name, following = " ".join(words[:count]), words[count]
        if _A_YEAR.fullmatch(following):  # "Such a Long Journey 1998 | Movie Trailer, …"
            yield f"{name} ({following})", name
        elif following[:1] in "([" or following.casefold() in _PAGE_WORDS:
            yield name, name


def _with_year(part: str) -> Iterator[tuple[str, str]]:
    """A part as it is, then (where it ends in a year in brackets) as the name shown without the year."""
    yield part, part
    if match := _TITLE_YEAR.match(part):
        yield part, match.group("title")


def _og_title(page: Page) -> str:
    """The page's ``og:title`` without the site's name."""
    og = page.tree.css_first('meta[property="og:title"]')
    return _without_site(clean(og.attributes.get("content") if og is not None else None), page)


def _without_site(title: str, page: Page) -> str:
    """``og:title`` without the site's name (``og:site_name``) printed after or before it, a separator between
    ("No other Choice • Centro Colombo Americano de Medellín", as WordPress' SEO plugins write it)."""
    site_meta = page.tree.css_first('meta[property="og:site_name"]')
    site = clean(site_meta.attributes.get("content") if site_meta is not None else None)
    if not site or site == title:
        return title
    name = re.escape(site)
    found = re.fullmatch(rf"(.+?)\s*{_SITE_APART}\s*{name}|{name}\s*{_SITE_APART}\s*(.+)", title)
    return clean(found.group(1) or found.group(2)) if found else title


def _named_h1(page: Page, og_title: str) -> LexborNode | None:
    """The page's ``<h1>``; of several (a site's logo is one: "Letterboxd — Your life in film"), the first whose
    words its ``<title>`` or ``og:title`` holds."""
    headings = page.tree.css("h1")[:_TOP_HEADINGS]
    if len(headings) < 2:
        return headings[0] if headings else None
    title = page.tree.css_first("title")
    named = f"{node_text(title) if title is not None else ''} {og_title}".casefold()
    return next((h1 for h1 in headings if (text := node_text(h1)) and text.casefold() in named), headings[0])


def _year_beside(page: Page, title: str) -> dict[str, int]:
    """The year a heading prints beside ``title``: the first of the page's top headings that reads "title (year)"."""
    for heading in page.tree.css("h1, h2")[:_TOP_HEADINGS]:
        match = _TITLE_YEAR.match(node_text(heading))
        if match and match.group("year") and strip_quotes(match.group("title")).casefold() == title.casefold():
            return {"year": int(match.group("year"))}
    return {}


# The facts a film's own page labels, once each; a list of films labels them once per film.
_ONE_FILMS_FACTS = frozenset(
    {"genres", "runtime_minutes", "release_dates", "directors", "writers", "countries", "companies"}
)
_MIN_FACTS = 3
_MAX_WRAPPERS = 4
_OTHER_WORKS_LABEL = re.compile(rf"^(?:{_OTHER_WORKS})(?:\(s\))?\s*:?$", re.I)  # "Developer(s)", "Label:"


def labels_one_film(page: Page, fewest: int = _MIN_FACTS) -> bool:
    """Whether the page labels one film's facts (director, runtime, country …): ``fewest`` fields or more labelled
    once each, more than are labelled again (a cinema's page of one film, with no schema.org item; a premieres
    table repeats its release label, a list of films every label), and nothing only another kind of work has."""
    counts = _one_film_labels(page)
    return counts is not None and counts[0] >= fewest and counts[0] > counts[1] - counts[0]


@read_once
def _one_film_labels(page: Page) -> tuple[int, int] | None:
    """How many of one film's facts the page labels once each, and how many it labels at all; None where a label
    only another kind of work has stands on it. Read once: detection asks for three facts, then, where no list is
    found, for two."""
    labelled: Counter[str] = Counter()
    counted: set[int] = set()  # each label's outermost element: ``<td><div><span>Year</span></div></td>`` is one
    # (not a label in a line of text with its value: a review's facts line, "Director: Greta Gerwig", is no film page)
    for node, text in _labels(page, with_value=False):
        if _OTHER_WORKS_LABEL.match(text):
            return None
        if (field := field_of_label(label_key(text))) in _ONE_FILMS_FACTS:
            outermost = [node, *_wrappers(node, text)][-1].mem_id
            labelled[field] += outermost not in counted
            counted.add(outermost)
    return sum(count == 1 for count in labelled.values()), len(labelled)


def _wrappers(node: LexborNode, text: str) -> Iterator[LexborNode]:
    """The elements around ``node`` that hold its text and nothing more (``<td><font><b>Genres:</b></font></td>``):
    one label however many elements wrap it."""
    parent = node.parent
    for _ in range(_MAX_WRAPPERS):
        if parent is None or node_text(parent) != text:
            return
        yield parent
        parent = parent.parent


def has_film_facts_box(page: Page) -> bool:
    """Whether the page shows one film's facts in a box of their own (a wiki's film infobox): its labels name a
    director, or a running time and a country, and nothing that only games, records or books have."""
    for box in page.tree.css(_FACT_BOXES):
        labels = [node_text(th) for th in box.css("th")]
        if any(_NOT_A_FILM.search(label) for label in labels):
            continue
        fields = {field_of_label(label_key(label)) for label in labels}
        if "directors" in fields or {"runtime_minutes", "countries"} <= fields:
            return True
    return False
