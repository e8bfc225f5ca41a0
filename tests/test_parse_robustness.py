"""Bad input never crashes the parsers: ``parse`` gives a record or raises ``UnknownPage`` with a one-line reason.

Every real page (where ``../shared`` is beside the checkout) and every page of the project's own fixtures is
damaged the ways real fetches damage pages (cut short, bytes lost or repeated, tags unbalanced, a wrong charset
declared, a UTF-16 byte-order mark, NUL bytes) and parsed with every kind. Hypothesis picks the page, the kind
and the damage; ``derandomize`` makes every run pick the same, so a failure here reproduces.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers import PAGE_KINDS, FilmPage, Record, ReviewPage, UnknownPage, parse
from tests.conftest import FIXTURES, PROJECT, REAL

KINDS = ("auto", *PAGE_KINDS)
PAGES = sorted(REAL.rglob("*.html")) + sorted(
    path for path in FIXTURES.rglob("*") if path.suffix in (".html", ".json") and path.is_file()
)
TITLE_PAGES = sorted(REAL.glob("A_imdb_title_*/*.html")) + sorted((FIXTURES / "imdb_old").glob("*.html"))
CHARSETS = ("utf-8", "iso-8859-1", "shift_jis")
_DECLARED = re.compile(rb"""(charset\s*=\s*["']?)[\w.:-]+""", re.I)
_CANONICAL = re.compile(rb"""<link[^>]+rel=["']canonical["'][^>]*>""", re.I)
# Enough examples to reach most pages and every kind, few enough that the file stays near half a minute.
FUZZ = settings(max_examples=600, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@cache
def _bytes(path: Path) -> bytes:
    return path.read_bytes()


def assert_parses_or_refuses(data: bytes, kind: str, charset: str | None = None) -> Record | None:
    """The contract: a record whose JSON is well formed, or ``UnknownPage`` with a one-line reason."""
    try:
        record = parse(data, url=None, kind=kind, charset=charset)
    except UnknownPage as refused:
        reason = str(refused)
        assert reason.strip() and "\n" not in reason, repr(reason)
        return None
    assert kind in ("auto", record.kind)
    json.dumps(record.to_dict())
    if isinstance(record, ReviewPage):
        assert 0.0 <= record.confidence <= 1.0
        assert all(entry.title.strip() for entry in record.entries)
    return record


pages = st.sampled_from(PAGES).map(_bytes)
kinds = st.sampled_from(KINDS)


@FUZZ
@given(page=pages, kind=kinds, cut=st.floats(min_value=0.0, max_value=1.0))
def test_page_cut_short(page: bytes, kind: str, cut: float) -> None:
    assert_parses_or_refuses(page[: int(len(page) * cut)], kind)


@FUZZ
@given(
    page=pages,
    kind=kinds,
    at=st.floats(min_value=0.0, max_value=1.0),
    length=st.integers(min_value=1, max_value=5000),
    repeat=st.booleans(),
)
def test_byte_range_lost_or_repeated(page: bytes, kind: str, at: float, length: int, repeat: bool) -> None:
    start = int(len(page) * at)
    span = page[start : start + length]
    assert_parses_or_refuses(page[:start] + (span * 2 if repeat else b"") + page[start + length :], kind)


@FUZZ
@given(page=pages, kind=kinds)
def test_every_closing_tag_removed(page: bytes, kind: str) -> None:
    assert_parses_or_refuses(page.replace(b"</", b""), kind)


@FUZZ
@given(page=pages, kind=kinds, declared=st.sampled_from(CHARSETS), header=st.sampled_from((None, *CHARSETS)))
def test_charset_declaration_swapped(page: bytes, kind: str, declared: str, header: str | None) -> None:
    lying = _DECLARED.sub(lambda match: match.group(1) + declared.encode(), page)
    assert_parses_or_refuses(lying, kind, charset=header)


@FUZZ
@given(page=pages, kind=kinds, really_utf16=st.booleans())
def test_utf16_byte_order_mark(page: bytes, kind: str, really_utf16: bool) -> None:
    """A UTF-16 BOM over the page's own bytes (a lie), or the page really re-encoded as UTF-16."""
    text = page.decode("utf-8", errors="replace")
    assert_parses_or_refuses(text.encode("utf-16") if really_utf16 else b"\xff\xfe" + page, kind)


@FUZZ
@given(page=pages, kind=kinds, places=st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=1, max_size=20))
def test_nul_bytes(page: bytes, kind: str, places: list[float]) -> None:
    damaged = bytearray(page)
    for place in places:
        damaged.insert(int(len(damaged) * place), 0)
    assert_parses_or_refuses(bytes(damaged), kind)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(path=st.sampled_from(TITLE_PAGES), extra=st.integers(min_value=0, max_value=4096))
def test_title_page_cut_after_its_canonical_link_keeps_its_id(path: Path, extra: int) -> None:
    """A title page cut anywhere after its ``<link rel=canonical>`` (in the first kilobytes) still names its film."""
    page = _bytes(path)
    canonical = _CANONICAL.search(page, 0, 20000)
    assert canonical is not None, path.name
    whole = parse(page, kind="title")
    cut = parse(page[: canonical.end() + extra], kind="title")
    assert isinstance(whole, FilmPage) and isinstance(cut, FilmPage)
    assert whole.imdb_id is not None and cut.imdb_id == whole.imdb_id


def test_truncated_review_keeps_its_promise_and_says_what_is_missing() -> None:
    """Cut after the sixth of ten entries: the six read, and a warning says four are missing."""
    page = _bytes(FIXTURES / "review" / "seed_wordpress_countdown.html")
    record = assert_parses_or_refuses(page[: page.index(b"4. <a")], "auto")
    assert isinstance(record, ReviewPage)
    assert [entry.rank for entry in record.entries] == [10, 9, 8, 7, 6, 5]
    assert record.count_promised == 10 and record.warnings == ("title promises 10 entries, found 6",)


# ---------------------------------------------------------------- JSON blocks broken or nested too deep

_DEEP = 100_000  # far past the depth Python's JSON decoder recurses to
_IMDB_HEAD = b"<html><head><title>Matrix (1999) - IMDb</title>"
_HEAD = b"<html><head><title>The 10 best films</title>"
_JSONLD = b'<script type="application/ld+json">%s</script>'
_NEXT_DATA = b'<script id="__NEXT_DATA__" type="application/json">%s</script>'
_BODY = b"</head><body><h1>The 10 best films</h1><h2>1. Heat (1995)</h2><p>LA.</p></body></html>"
JSON_CASES = {
    "jsonld-cut-short": _HEAD + _JSONLD % b'{"@type": "Movie", "name": "X", "datePublished": ' + _BODY,
    "jsonld-wrong-types": _HEAD
    + _JSONLD
    % b'{"@type": ["Movie", 3, null], "name": {"x": 1}, "datePublished": 1999, "genre": [1, {"a": 2}], '
    b'"director": 5, "duration": 7, "itemListElement": [1, "a", {"item": 5}]}' + _BODY,
    "jsonld-deep-array": _HEAD + _JSONLD % (b"[" * _DEEP) + _BODY,
    "jsonld-deep-graph": _HEAD + _JSONLD % (b'{"@graph": ' * _DEEP + b'{"@type": "Movie"}' + b"}" * _DEEP) + _BODY,
    "jsonld-deep-cdata": _HEAD + _JSONLD % (b"//<![CDATA[\n" + b"[" * _DEEP + b"\n//]]>") + _BODY,
    "next-data-cut-short": _IMDB_HEAD + _NEXT_DATA % b'{"props": {"pageProps": {"aboveTheFoldData": {"id": ' + _BODY,
    "next-data-wrong-types": _IMDB_HEAD
    + _NEXT_DATA % b'{"props": {"pageProps": {"aboveTheFoldData": [1], "mainColumnData": "x", "titleResults": 5}}}'
    + _BODY,
    "next-data-deep-array": _IMDB_HEAD + _NEXT_DATA % (b"[" * _DEEP) + _BODY,
    "next-data-deep-object": _IMDB_HEAD
    + _NEXT_DATA % (b'{"props": {"pageProps": ' + b'{"a": ' * _DEEP + b"1" + b"}" * (_DEEP + 2))
    + _BODY,
    "suggestion-deep": b'{"d": [' + b'{"l": ' * _DEEP + b"1" + b"}" * _DEEP + b"]}",
}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", JSON_CASES)
def test_broken_or_deeply_nested_json(case: str, kind: str) -> None:
    assert_parses_or_refuses(JSON_CASES[case], kind)


def test_deeply_nested_markup_is_read_without_recursion() -> None:
    """Twenty thousand unclosed ``<div>``s: the review walker keeps its own stack (Python's would overflow)."""
    page = b"<html><head><title>The 2 best films</title></head><body>" + b"<div>" * 20_000
    record = assert_parses_or_refuses(
        page + b"<h2>1. Heat (1995)</h2><p>LA.</p><h2>2. Ronin (1998)</h2><p>Paris.</p>", "review"
    )
    assert isinstance(record, ReviewPage)
    assert [(entry.rank, entry.title, entry.year) for entry in record.entries] == [
        (1, "Heat", 1995),
        (2, "Ronin", 1998),
    ]


_NESTED_5MB = """
from parsers import PAGE_KINDS, UnknownPage, parse
page = b"<html><head><title>The 10 best</title></head><body>" + b"<div>" * 1_000_000 + b"<p>text</p></body></html>"
for kind in ("auto", *PAGE_KINDS):
    try:
        parse(page, kind=kind)
    except UnknownPage:
        pass
"""


def test_five_megabytes_of_nested_divs_end() -> None:
    """A 5 MB page of nested ``<div>``s is parsed with every kind; a process that has not ended within
    a generous bound (the parse is linear when it works: well under a second per kind) has hung."""
    subprocess.run([sys.executable, "-c", _NESTED_5MB], cwd=PROJECT, check=True, timeout=20)
