"""Text helpers shared by every parser: whitespace, node text, numbers."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable

from selectolax.lexbor import LexborNode

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_NUMBER = re.compile(r"\d[\d,.\u202f\xa0]*")
_NOT_DIGIT = re.compile(r"\D")
_SPACED_STOP = re.compile(r" ([,.](?:\s|$))")
# and the marks Chinese and Japanese put round a work's title: 《教父》, 『千と千尋の神隠し』
_QUOTES = "\"'“”„‘’«»‹›「」《》『』〈〉"
# The work's kind alone in brackets after its name, as sites print it to say it is no cinema film or what format it
# is: "Hra o trůny (TV seriál)", "Dark (TV-Serie)", "Star Trek (TV Series)", "Akira (movie)", "Hellsing (OAV)",
# "Heat (film)" (a Wikipedia article's), IMDb's "(V)". Not "(Video Game)": that names another medium.
_KIND_NOTE = re.compile(
    r"\s*\((?:(?:tv[ -]?)?(?:series|serie|séries?|seriál|serial|сериал|mini[- ]?series|film|movie|special|episode"
    r"|epizoda|show|short)(?:\s+tv)?|tv|v|video|web series|ova|oav|ona)\)\s*$",
    re.I,
)


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """ "1 article", "2 articles", "0 entries" (with ``plural``): what every summary line says."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def letters(text: str) -> str:
    """Letters and digits only, accents off, case folded ("Kaçış Planı" -> "kacisplani"): a name however it is typed;
    Turkish's dotless "ı" is folded too (no accent NFKD takes off)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold().replace("ı", "i")) if c.isalnum())


# Marks that take no room: the writing direction's marks (Letterboxd's <title>), the word joiner, the byte order mark
# (a CSV pasted into a page keeps it before its first header: "\ufeffタイトル"). Not the zero-width space: it stands
# between words as a space does, and alone fills the paragraphs editors leave as spacers (dropped, a validation
# page's list was lost); nor the zero-width (non-)joiners, which Persian, Indian scripts and emoji spell with.
_INVISIBLE = dict.fromkeys(map(ord, "\u200e\u200f\u2060\ufeff"))


def clean(text: str | None) -> str:
    """Collapse every run of whitespace (non-breaking spaces included) to one space, and drop the marks that take no
    room (see ``_INVISIBLE``)."""
    if not text:
        return ""
    if not text.isascii():  # a constant-time test: most of the web's text needs no translation
        text = text.translate(_INVISIBLE)
    # str.split() splits on exactly the characters regex \s matches (both ask Py_UNICODE_ISSPACE,
    # which counts U+00A0), at a quarter of the cost of a regex substitution.
    return " ".join(text.split())


def without_kind(name: str) -> str:
    """The work's name without its kind printed in brackets after it (see ``_KIND_NOTE``)."""
    return _KIND_NOTE.sub("", name)


def mentions(text: str, *words: str) -> bool:
    """Whether ``text`` holds one of ``words`` (lower case), in any case: the cheap test before a
    case-insensitive regex, which tries each of its alternatives at every position of the text.

    The regex also matches ı for i and ſ for s, which ``lower()`` leaves as they are (the only two
    such letters): ``words`` are parts of the regex's words without i or s ("ummary" for "summary").
    """
    lowered = text.lower()
    # a loop, not any(): making the generator costs more than the few tests it runs
    for word in words:  # noqa: SIM110
        if word in lowered:
            return True
    return False


def unescape(text: str | None) -> str:
    """HTML entities left inside JSON strings (``L&apos;immortel``) decoded, whitespace cleaned."""
    return clean(html.unescape(text)) if text else ""


def node_text(node: LexborNode | None) -> str:
    """Visible text of a node with a space at every tag boundary, so text never glues across tags."""
    if node is None:
        return ""
    text = clean(node.text(deep=True, separator=" ", strip=False))
    # but for the space a tag boundary puts before a comma or a stop, which no reader sees ("<a>Rex 11</a>, odc. 9")
    return _SPACED_STOP.sub(r"\1", text) if " ," in text or " ." in text else text


def strip_quotes(text: str) -> str:
    text = text.strip()
    while len(text) >= 2 and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = text[1:-1].strip()
    return text


def find_year(text: str | None) -> int | None:
    match = _YEAR.search(text or "")
    return int(match.group(1)) if match else None


def to_int(text: str | None) -> int | None:
    """The first whole number in ``text`` ("1,234" → 1234), or None."""
    match = _NUMBER.search(text or "")
    if not match:
        return None
    digits = _NOT_DIGIT.sub("", match.group(0))
    return int(digits) if digits else None


def dedupe(items: list[str]) -> tuple[str, ...]:
    """Keep the first of each item, in order (case-insensitive)."""
    seen: set[str] = set()
    out = []
    for item in items:
        key = item.casefold()
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    return tuple(out)


def text_lines(
    nodes: Iterable[LexborNode],
    breaks: frozenset[str] = frozenset(),
    skip: Callable[[LexborNode], bool] | None = None,
) -> list[str]:
    """The text under ``nodes`` cut into lines: at each ``<br>`` and around each element whose tag is in
    ``breaks`` (list items, rows), leaving out the subtrees ``skip`` names. The page's own whitespace joins the
    pieces of a line, so a word split over tags ("<em>b</em><em>y</em>") stays whole. Walked with a stack, not
    recursion: a value may nest as deep as the page does."""
    lines: list[list[str]] = [[]]
    pending: list[LexborNode | None] = list(reversed(list(nodes)))  # None: an element of ``breaks`` closes
    while pending:
        node = pending.pop()
        if node is None:
            lines.append([])
        elif node.is_text_node:
            lines[-1].append(node.text(deep=False))
        elif node.tag == "br":
            lines.append([])
        elif skip is None or not skip(node):
            children = list(node.iter(include_text=True))
            if node.tag in breaks:
                lines.append([])
                pending.append(None)
            pending.extend(reversed(children))
    return [line for parts in lines if (line := clean("".join(parts)))]
