"""Caps on a page's markup, applied to its bytes before lexbor sees them.

lexbor's tree builder is quadratic in nesting depth (100,000 nested elements: 14 s; 1,000,000: hours) and in
attributes per element (10,000: 0.2 s; 30,000: 5 s; 300,000: over a minute). No real page comes near either cap,
so the check must cost next to nothing on them: one count of ``<``. Only a page with more tags than a real page has
(the 205 real pages of the shared set: at most 22,457; a few real pages do, such as a 5,117-row table, scanned in
0.15-0.3 s and left as they are), or a page of long stretches without a tag (an element with
thousands of attributes), is scanned tag by tag; and only where a cap is passed is the page rewritten, as browsers
do: Blink attaches elements deeper than its cap to the element at the cap (here: their tags are dropped, their
text kept), and attributes past the cap are dropped.

Below the scan's thresholds a page can still hold 25,000 nested elements, which lexbor parses in well under a second.
"""

from __future__ import annotations

import re

MAX_DEPTH = 4_096  # nested elements kept; lexbor: ~20 ms at this depth
MAX_ATTRIBUTES = 1_000  # attributes kept per element; lexbor: ~1 ms for an element with this many
_SCAN_ABOVE_TAGS = 25_000  # more "<" than nearly every real page has: the page is scanned tag by tag
_SCAN_ABOVE_BYTES_PER_TAG = 1_024  # real pages: at most ~630 bytes per "<"; more hides one long tag

_TAG = re.compile(rb"<(/?)([A-Za-z][^\s/>]*)([^>]*)>|<!--.*?-->", re.DOTALL)
_END_TAGS = re.compile(rb"(?:</[^<>]*>)+")
_ANY_TAG = re.compile(rb"<[^<>]*>")
_ATTRIBUTE = re.compile(rb"""[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")
# Elements with no end tag, and elements whose contents are text (a "<div" in a script is no element).
_VOID = frozenset(
    b"area base br col embed hr img input link meta param source track wbr basefont bgsound frame keygen".split()
)
_RAW_TEXT = frozenset(b"script style textarea title xmp noscript template".split())
# Elements whose end tag may be left out, and the element their next sibling closes back to: a row's next <td>
# ends the last cell and whatever was left open in it (old tables leave a <b> open in each of 5,000 cells), as a
# tree builder does. Never counted themselves: they do not nest in themselves.
_CLOSED_BACK_TO = {
    **dict.fromkeys((b"td", b"th", b"tr", b"tbody", b"thead", b"tfoot", b"caption", b"colgroup"), b"table"),
    **dict.fromkeys((b"li",), b"ul"),
    **dict.fromkeys((b"dt", b"dd"), b"dl"),
    **dict.fromkeys((b"option", b"optgroup"), b"select"),
}
_OPTIONAL_END = frozenset(_CLOSED_BACK_TO) | {b"p", b"rt", b"rp"}


class _OpenElements:
    """The stack of open elements, as far as depth needs it: an end tag closes the nearest open element of its
    name and everything opened inside it; an end tag of no open element is ignored, as browsers do."""

    def __init__(self) -> None:
        self._stack: list[bytes] = []
        self._open: dict[bytes, int] = {}

    def __len__(self) -> int:
        return len(self._stack)

    def open(self, name: bytes) -> None:
        self._stack.append(name)
        self._open[name] = self._open.get(name, 0) + 1

    def close(self, name: bytes) -> None:
        if self._open.get(name):
            self._pop_to(name)
            self._pop()

    def close_back_to(self, name: bytes | None) -> None:
        """Close what is open inside the nearest open ``name``, keeping it."""
        if name is not None and self._open.get(name):
            self._pop_to(name)

    def _pop_to(self, name: bytes) -> None:
        while self._stack[-1] != name:
            self._pop()

    def _pop(self) -> None:
        self._open[self._stack.pop()] -= 1


def cap_markup(text: str | bytes) -> str | bytes:
    """``text`` (a page's text or its UTF-8 bytes) as it is, or, for a page past a cap, rewritten so lexbor's work
    on it stays near linear."""
    tags = text.count("<") if isinstance(text, str) else text.count(b"<")
    if tags <= _SCAN_ABOVE_TAGS and len(text) <= _SCAN_ABOVE_BYTES_PER_TAG * (tags + 1):
        return text
    if isinstance(text, str):
        data = text.encode("utf-8", "surrogatepass")
        capped = _rewrite(data)
        return text if capped is data else capped.decode("utf-8", "surrogatepass")
    return _rewrite(text)


def _rewrite(data: bytes) -> bytes:
    pieces: list[bytes] = []
    kept_to = 0  # data[kept_to:] is not yet in pieces
    open_elements = _OpenElements()
    dropped = 0  # elements opened past the cap (their end tags are dropped too)
    at = 0
    while (match := _TAG.search(data, at)) is not None:
        at = match.end()
        closing, name, attributes = match.group(1), match.group(2), match.group(3)
        if name is None:  # a comment
            continue
        name = name.lower()
        cut_to: int | None = None  # drop data[match.start():cut_to]
        replacement = b""
        if closing and dropped:
            # the run of end tags here, as many as there are elements dropped: in one step, not one per tag
            run = _END_TAGS.match(data, match.start())
            ends = run.group().split(b"</")[1 : dropped + 1] if run else []
            dropped -= len(ends)
            cut_to = match.start() + sum(len(end) + 2 for end in ends)
        elif closing:
            open_elements.close(name)
        elif name in _RAW_TEXT:
            end = data.find(b"</" + name, at)
            at = len(data) if end < 0 else end  # its text is skipped; its end tag is read as any other
            open_elements.open(name)
        elif name in _OPTIONAL_END:
            open_elements.close_back_to(_CLOSED_BACK_TO.get(name))
        elif name not in _VOID and not attributes.endswith(b"/"):
            if len(open_elements) >= MAX_DEPTH:
                # past the cap every tag up to the next end tag goes (their text stays): in one step
                end = data.find(b"</", match.start())
                end = len(data) if end < 0 else end
                dropped += data.count(b"<", match.start(), end)
                replacement = _ANY_TAG.sub(b"", data[match.start() : end])
                cut_to = end
            else:
                open_elements.open(name)
        if cut_to is None and len(attributes) > 2 * MAX_ATTRIBUTES:  # at least 2 bytes an attribute
            kept = _ATTRIBUTE.findall(attributes)
            if len(kept) > MAX_ATTRIBUTES:
                replacement = b"<" + name + b" " + b" ".join(kept[:MAX_ATTRIBUTES]) + b">"
                cut_to = match.end()
        if cut_to is not None:
            pieces += (data[kept_to : match.start()], replacement)
            kept_to = at = max(cut_to, at)
    if not pieces:
        return data
    pieces.append(data[kept_to:])
    return b"".join(pieces)
