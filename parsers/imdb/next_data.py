"""The ``__NEXT_DATA__`` JSON of IMDb's Next.js pages (2021 on): where it sits, and the parts of
its ``props.pageProps`` a parser reads, decoded no further than the parser reads them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

import msgspec
from selectolax.lexbor import LexborNode

from ..page import Page

PARTS = ("tconst", "aboveTheFoldData", "mainColumnData")
_OPENING = b'<script id="__NEXT_DATA__" type="application/json">'  # as Next.js writes it
# How many of the last children of <body> may come after __NEXT_DATA__ (other scripts, the app root).
_REACH = 30
_DECODER = json.JSONDecoder()
_KEY_END = re.compile(r"\s*:\s*")


def next_data_at_end(page: Page) -> LexborNode | None:
    """The ``script#__NEXT_DATA__`` among the last children of ``<body>``, where Next.js writes it."""
    body = page.tree.body
    node = body.last_child if body is not None else None
    for _ in range(_REACH):
        if node is None:
            break
        if node.tag == "script" and node.id == "__NEXT_DATA__":
            return node
        node = node.prev
    return None


def next_data_script(page: Page) -> LexborNode | None:
    """The ``script#__NEXT_DATA__`` of a Next.js page, or None: looked for at the end of ``<body>``
    first, which saves a walk of the whole tree (a quarter of the parse), then, where the text names
    it, anywhere (a page saved with more after its app, several documents saved in one file)."""
    found = next_data_at_end(page)
    if found is None and page.has("__NEXT_DATA__"):
        found = page.tree.css_first("script#__NEXT_DATA__")
    return found


def _shape(name: str, fields: dict[str, Any]) -> Any:
    """A msgspec Struct of optional ``fields`` (key → type); JSON keys it does not name are skipped unread."""
    return msgspec.defstruct(name, [(key, kind, None) for key, kind in fields.items()])


def parts_decoder(keys: Iterable[str]) -> msgspec.json.Decoder[Any]:
    """A decoder of ``__NEXT_DATA__`` down to ``keys`` of its parts: msgspec skips the rest (the
    translation tables, carousels and cast: most of the JSON) without making Python objects of
    it, which is where the time of a JSON decode goes."""
    part = _shape("NextDataPart", dict.fromkeys(sorted(keys), Any))
    page_props = _shape(
        "NextPageProps", {"tconst": Any, "aboveTheFoldData": part | None, "mainColumnData": part | None}
    )
    return msgspec.json.Decoder(
        _shape("NextData", {"props": _shape("NextProps", {"pageProps": page_props | None}) | None})
    )


def read_parts(page: Page, decoder: msgspec.json.Decoder[Any]) -> dict[str, Any]:
    """The ``PARTS`` of ``__NEXT_DATA__.props.pageProps`` as ``decoder`` reads them, by key; {} when absent."""
    at_end = next_data_at_end(page)
    script = at_end or next_data_script(page)
    if script is None:
        return {}
    try:
        document = decoder.decode(_source(page, last=at_end is not None) or script.text())
    except (msgspec.MsgspecError, RecursionError):  # a save cut short, or nested past any real page: read what survives
        return _parts_of_damaged(script.text())
    page_props = document.props.pageProps if document.props is not None else None
    parts = {key: part for key in PARTS if (part := getattr(page_props, key, None)) is not None}
    return {key: _plain(part) for key, part in parts.items()}


def _source(page: Page, last: bool) -> memoryview | None:
    """The JSON in the page's own bytes, where the script is written as Next.js writes it: the
    script's text is a 400 kB string that msgspec would encode back to UTF-8 before reading it."""
    data = page.utf8
    # The script at the end of <body> is the last in the text; one found elsewhere (several documents saved in
    # one file) is the first, as the DOM's first match is.
    start = data.rfind(_OPENING) if last else data.find(_OPENING)
    if start < 0:
        return None
    start += len(_OPENING)
    # Next.js escapes "<" inside the JSON, so the first one closes the script (memchr finds it fast).
    end = data.find(b"<", start)
    if not data.startswith(b"</script", end):
        end = data.find(b"</script", start)
    return memoryview(data)[start:end] if end >= 0 else None


def _plain(part: Any) -> Any:
    if not isinstance(part, msgspec.Struct):
        return part
    return {key: value for key, value in msgspec.structs.asdict(part).items() if value is not None}


def _value_start(text: str, key: str) -> int | None:
    """Where the value of ``"key":`` starts in JSON text (str.find: a regex over 250 kB is slower)."""
    at = text.find(f'"{key}"')
    while at >= 0:
        if colon := _KEY_END.match(text, at + len(key) + 2):
            return colon.end()
        at = text.find(f'"{key}"', at + 1)
    return None


def _parts_of_damaged(text: str) -> dict[str, Any]:
    """The parts of a damaged ``__NEXT_DATA__`` that decode, each from the first ``"key":`` of its name.

    ``"key":`` cannot occur inside a JSON string (its quotes would be escaped), so each hit is a real
    key. A part cut off by truncation is skipped; the parts before it stay.
    """
    parts: dict[str, Any] = {}
    for key in PARTS:
        if (start := _value_start(text, key)) is not None:
            try:
                parts[key] = _DECODER.raw_decode(text, start)[0]
            except ValueError:
                continue
    return parts
