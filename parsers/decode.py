"""Bytes to text, trusting the bytes over what the page claims.

Real pages lie about their encoding: IMDb's ``/combined`` view declares
iso-8859-1 and embeds raw UTF-8; 2008 pages really are Latin-1. The order:
a byte-order mark; strict UTF-8 (a non-ASCII page that decodes as UTF-8 is
UTF-8 whatever it declares); the declared charset (header, then ``<meta>``);
the legacy encoding of the page's own language where it names one (``<html lang="es">``: windows-1252, as
browsers fall back by locale; a page whose UTF-8 claim its bytes belie was saved in it); charset-normalizer's
guess; windows-1252, which decodes any byte.
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
_UTF8_DECODER = codecs.getincrementaldecoder("utf-8")
_CHECKED_SLICE = 16384
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


_HTML_LANG = re.compile(rb"""<html[^>]*?\slang\s*=\s*["']?([a-zA-Z]{2,3})""", re.I)
# The legacy encoding browsers fall back to for a page in each language (WHATWG Encoding's locale defaults).
_LEGACY_BY_LANGUAGE = {
    **dict.fromkeys(
        ("en", "es", "fr", "de", "it", "pt", "nl", "sv", "da", "no", "nb", "nn", "fi", "ca", "eu", "gl", "is", "ga"),
        "cp1252",
    ),
    **dict.fromkeys(("cs", "pl", "hu", "sk", "sl", "hr", "ro", "bs"), "cp1250"),
    **dict.fromkeys(("ru", "uk", "bg", "be", "sr", "mk"), "cp1251"),
    "el": "cp1253",
    "tr": "cp1254",
    "he": "cp1255",
    "ar": "cp1256",
    "fa": "cp1256",
    "lt": "cp1257",
    "lv": "cp1257",
    "vi": "cp1258",
    "ja": "shift_jis",
    "zh": "gb18030",
    "ko": "euc_kr",
    "th": "cp874",
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


def decode_page(data: bytes | str, declared: str | None = None) -> str | bytes:
    """The page as text with CRLF folded to LF and NUL dropped; when its bytes are UTF-8 (the
    common page), as those bytes, checked but not decoded: a DOM parser reads them as they are,
    and a 1 MB page decoded is a 2 MB string nobody may need."""
    if isinstance(data, bytes) and (utf8 := _utf8(data)) is not None:
        return utf8
    text = data if isinstance(data, str) else _decode(data, declared)
    # each guard saves a copy of the whole page in the common case
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text


def _utf8(data: bytes) -> bytes | None:
    """The page's bytes, folded as ``decode_page`` folds text (on bytes ``in`` is a memchr), when
    they are strict UTF-8 after any UTF-8 BOM; None for anything else."""
    data = data.removeprefix(codecs.BOM_UTF8)
    if data.startswith(_WIDE_BOMS):
        return None
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n")
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")
    return data if _is_utf8(data) else None


def _is_utf8(data: bytes) -> bool:
    """Strict UTF-8, checked slice by slice: each slice's text stays in the CPU cache and is
    dropped at once, half the cost of decoding the whole page into one string."""
    if data.isascii():
        return True
    decoder = _UTF8_DECODER("strict")
    view = memoryview(data)
    try:
        for start in range(0, len(view), _CHECKED_SLICE):
            decoder.decode(view[start : start + _CHECKED_SLICE])
        decoder.decode(b"", True)
    except UnicodeDecodeError:
        return False
    return True


def _decode(data: bytes, declared: str | None) -> str:
    """Bytes that ``_utf8`` found not to be UTF-8 (or that open with a UTF-16/32 byte-order mark)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    meta = _META_CHARSET.search(data[:8192])
    for label in (declared, meta.group(1).decode("ascii") if meta else None):
        declared_encoding = _known(label)
        if declared_encoding and declared_encoding != "utf-8":
            return data.decode(declared_encoding, errors="replace")
    language = _HTML_LANG.search(data[:8192])
    legacy = _LEGACY_BY_LANGUAGE.get(language.group(1).decode("ascii").lower()) if language else None
    if legacy is not None:
        try:
            return data.decode(legacy)
        except UnicodeDecodeError:  # not that encoding after all (a stray byte): guess
            pass
    best = from_bytes(data[:65536]).best()
    guessed = _known(best.encoding) if best else None
    return data.decode(guessed or "cp1252", errors="replace")
