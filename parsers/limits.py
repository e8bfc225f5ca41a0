"""Caps on a page's markup, applied to its bytes before lexbor sees them.

lexbor's tree builder is quadratic in nesting depth (100,000 nested elements: 14 s; 1,000,000: hours) and in
attributes per element (10,000: 0.2 s; 30,000: 5 s; 300,000: over a minute). No real page comes near either cap,
so the check must cost next to nothing on them: one count of ``<``. Only a page with more tags than a real page has
(the 205 real pages of the shared set: at most 22,457), or a page of long stretches without a tag (an element with
thousands of attributes), is scanned tag by tag; and only where a cap is passed is the page rewritten, as browsers
do: Blink attaches elements deeper than its cap to the element at the cap (here: their tags are dropped, their
text kept), and attributes past the cap are dropped.

Below the scan's thresholds a page can still hold 25,000 nested elements, which lexbor parses in well under a second.
"""

from __future__ import annotations

import re

MAX_DEPTH = 4_096  # nested elements kept; lexbor: ~20 ms at this depth
MAX_ATTRIBUTES = 1_000  # attributes kept per element; lexbor: ~1 ms for an element with this many
_SCAN_ABOVE_TAGS = 25_000  # more "<" than any real page has: the page is scanned tag by tag
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
    depth = dropped = 0  # open elements kept, and opened past the cap (their end tags are dropped too)
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
            depth -= depth > 0
        elif name in _RAW_TEXT:
            end = data.find(b"</" + name, at)
            at = len(data) if end < 0 else end  # its text is skipped; its end tag is read as any other
            depth += 1
        elif name not in _VOID and not attributes.endswith(b"/"):
            if depth >= MAX_DEPTH:
                # past the cap every tag up to the next end tag goes (their text stays): in one step
                end = data.find(b"</", match.start())
                end = len(data) if end < 0 else end
                dropped += data.count(b"<", match.start(), end)
                replacement = _ANY_TAG.sub(b"", data[match.start() : end])
                cut_to = end
            else:
                depth += 1
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
