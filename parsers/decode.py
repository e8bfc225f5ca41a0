"""Bytes to text, trusting the bytes over what the page claims.

Real pages lie about their encoding: IMDb's ``/combined`` view declares
iso-8859-1 and embeds raw UTF-8; 2008 pages really are Latin-1. The order:
a byte-order mark; strict UTF-8 (a non-ASCII page that decodes as UTF-8 is
UTF-8 whatever it declares); the declared charset (header, then ``<meta>``);
charset-normalizer's guess; windows-1252, which decodes any byte.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WIDE_BOMS = tuple(bom for bom, encoding in _BOMS if encoding != "utf-8")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
# Browsers decode these labels as windows-1252 (WHATWG Encoding), and so do real pages.
_WHATWG_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}


def charset_from_content_type(content_type: str | None) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.I)
    return match.group(1) if match else None


def _known(label: str | None) -> str | None:
    if not label:
        return None
    label = _WHATWG_ALIASES.get(label.lower(), label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes | str, declared: str | None = None) -> str:
    """Decode a page to text with CRLF folded to LF."""
    return decode_page(data, declared)[0]


def decode_page(data: bytes | str, declared: str | None = None) -> tuple[str, bytes | None]:
    """The page as text (CRLF folded to LF, NUL dropped) and, when the bytes were UTF-8, those same
    characters as UTF-8 bytes: a DOM parser reads them without encoding the text again."""
    if isinstance(data, bytes) and (utf8 := _utf8(data)) is not None:
        return utf8
    text = data if isinstance(data, str) else _decode(data, declared)
    # each guard saves a copy of the whole page in the common case
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text, None


def _utf8(data: bytes) -> tuple[str, bytes] | None:
    """The fast path for the common page: strict UTF-8 (after any UTF-8 BOM), folded on the bytes,
    where ``in`` is a memchr rather than a scan of a wide string. None for anything else."""
    data = data.removeprefix(codecs.BOM_UTF8)
    if data.startswith(_WIDE_BOMS):
        return None
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n")
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")
    try:
        return data.decode("utf-8"), data
    except UnicodeDecodeError:
        return None


def _decode(data: bytes, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    meta = _META_CHARSET.search(data[:8192])
    for label in (declared, meta.group(1).decode("ascii") if meta else None):
        declared_encoding = _known(label)
        if declared_encoding and declared_encoding != "utf-8":
            return data.decode(declared_encoding, errors="replace")
    best = from_bytes(data[:65536]).best()
    guessed = _known(best.encoding) if best else None
    return data.decode(guessed or "cp1252", errors="replace")
