"""schema.org JSON-LD blocks of a page, tolerant of the JSON real sites write."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .text import unescape

_TRAILING_COMMA = re.compile(r",\s*([}\]])")
# The CDATA section old XHTML habits wrap scripts in (Letterboxd: "/* <![CDATA[ */ … /* ]]> */").
_CDATA = re.compile(
    r"^(?:/\*\s*<!\[CDATA\[\s*\*/|//\s*<!\[CDATA\[|<!\[CDATA\[)(.*?)(?:/\*\s*\]\]>\s*\*/|//\s*\]\]>|\]\]>)$", re.S
)


def _loads(raw: str) -> Any:
    raw = raw.strip().removeprefix("<!--").removesuffix("-->").strip()
    if raw.startswith(("/*", "//", "<![")) and (cdata := _CDATA.match(raw)):
        raw = cdata.group(1).strip()
    raw = raw.rstrip(";")
    try:
        return json.loads(raw, strict=False)
    except json.JSONDecodeError:
        pass
    except RecursionError:  # nested deeper than the decoder goes: no schema.org object is
        return None
    try:
        return json.loads(_TRAILING_COMMA.sub(r"\1", raw), strict=False)
    except (json.JSONDecodeError, RecursionError):
        return None


def _flatten(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        for item in value:
            yield from _flatten(item)
    elif isinstance(value, dict):
        yield value
        if "@graph" in value:
            yield from _flatten(value["@graph"])


def jsonld_objects(tree: LexborHTMLParser | LexborNode) -> list[dict[str, Any]]:
    """Every top-level object of every JSON-LD block under ``tree`` (``@graph`` unrolled); invalid blocks are skipped."""
    objects: list[dict[str, Any]] = []
    for script in tree.css('script[type="application/ld+json"]'):
        objects.extend(_flatten(_loads(script.text(deep=True))))
    return objects


def types_of(obj: dict[str, Any]) -> set[str]:
    kinds = obj.get("@type")
    values = kinds if isinstance(kinds, list) else [kinds]
    return {str(v).rsplit("/", 1)[-1] for v in values if v}


def first_of_type(objects: list[dict[str, Any]], *kinds: str) -> dict[str, Any] | None:
    wanted = set(kinds)
    return next((o for o in objects if types_of(o) & wanted), None)


def text_value(value: Any) -> str:
    """A schema.org value as plain text: strings unescaped, ``{"name": …}`` objects by name."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or ""
    if isinstance(value, list):
        value = value[0] if value else ""
    return unescape(str(value)) if value is not None else ""


def text_values(value: Any) -> list[str]:
    """A schema.org value that may be one item, a list, or a comma-separated string."""
    if value is None:
        return []
    if isinstance(value, str):
        return [v for v in (unescape(part) for part in value.split(",")) if v]
    items = value if isinstance(value, list) else [value]
    return [v for v in (text_value(item) for item in items) if v]
