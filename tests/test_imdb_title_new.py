"""IMDb title pages in the 2021+ Next.js layout: every gold page, whole-record goldens, damaged input."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from parsers.imdb.nextjs import EXPECTED, is_nextjs, parse_nextjs
from parsers.page import Page
from parsers.records import FilmPage
from tests.conftest import FIXTURES, GOLDEN, REAL, gold_cases, load_gold, require_shared

CASES = gold_cases("A_imdb_title_new")
GOLDENS = sorted((GOLDEN / "imdb_new").glob("*.json"))
_NEXT_DATA = re.compile(rb'(<script id="__NEXT_DATA__"[^>]*>).*?(</script>)', re.S)
_JSONLD = re.compile(rb'<script type="application/ld\+json">.*?</script>', re.S)


def _parse(data: bytes, url: str | None) -> FilmPage:
    return parse_nextjs(Page.from_bytes(data, url))


def _with_next_data(data: bytes, body: bytes) -> bytes:
    """The page with its ``__NEXT_DATA__`` script body replaced."""
    changed, count = _NEXT_DATA.subn(lambda m: m.group(1) + body + m.group(2), data, count=1)
    assert count == 1
    return changed


def _sparse(data: bytes, tconst: str) -> bytes:
    """The 2021 shape: ``__NEXT_DATA__`` that carries only the title id."""
    return _with_next_data(data, b'{"props":{"pageProps":{"tconst":"%s"}},"page":"/title/[tconst]"}' % tconst.encode())


def _consistent_missing(record: FilmPage) -> None:
    """``missing`` names exactly the expected fields the record lacks."""
    out = record.to_dict()
    assert list(record.missing) == [f for f in EXPECTED if out.get(f) in (None, [])]


# ---------------------------------------------------------------- every gold page


@pytest.mark.parametrize("path", CASES)
def test_gold_fields(path: Path, grader: ModuleType) -> None:
    gold, data = load_gold(path)
    page = Page.from_bytes(data, gold["url"])
    assert is_nextjs(page)
    record = parse_nextjs(page)
    assert record.layout == "nextjs"
    assert record.imdb_id == gold["imdb_id"]
    assert grader.grade_title(grader.Score(), gold, record.to_dict(), gold.get("alternatives") or {}) == {}
    _consistent_missing(record)


@pytest.mark.parametrize("path", CASES)
def test_gold_countries_and_languages(path: Path) -> None:
    gold, data = load_gold(path)
    record = _parse(data, gold["url"])
    if gold.get("countries") is not None:
        assert list(record.countries or ()) == gold["countries"]
    if gold.get("languages") is not None:
        assert list(record.languages or ()) == gold["languages"]


def test_gold_pages_are_present() -> None:
    require_shared()
    assert len(CASES) == 33


# ---------------------------------------------------------------- whole records, checked by hand


@pytest.mark.parametrize("path", GOLDENS, ids=[p.stem for p in GOLDENS])
def test_whole_record_golden(path: Path) -> None:
    require_shared()
    golden = json.loads(path.read_text(encoding="utf-8"))
    data = (REAL / golden["page"]).read_bytes()
    if golden["sparse"]:
        data = _sparse(data, golden["record"]["imdb_id"])
    assert _parse(data, golden["url"]).to_dict() == golden["record"]


def test_goldens_cover_sparse_and_in_development() -> None:
    goldens = [json.loads(p.read_text(encoding="utf-8")) for p in GOLDENS]
    assert len(goldens) >= 4
    assert any(g["record"]["layout"] == "nextjs-sparse" for g in goldens)
    assert any("release_dates" in g["record"]["missing"] and g["record"]["title"] for g in goldens)


# ---------------------------------------------------------------- damaged and odd input


@pytest.mark.parametrize("fraction", [0.25, 0.5, 0.75])
@pytest.mark.parametrize("path", CASES)
def test_truncated_pages(path: Path, fraction: float, grader: ModuleType) -> None:
    gold, data = load_gold(path)
    record = _parse(data[: int(len(data) * fraction)], gold["url"])
    assert record.kind == "title"
    assert record.imdb_id == gold["imdb_id"]
    _consistent_missing(record)
    # The JSON-LD block sits in <head>: the original title survives any cut.
    score = grader.Score()
    assert (
        grader.compare_scalar(
            score, "title", gold["title"], record.original_title, (gold.get("alternatives") or {}).get("title", [])
        )
        is None
    )


def test_next_data_that_is_not_json_falls_back_to_markup_and_jsonld() -> None:
    require_shared()
    data = (REAL / "A_imdb_title_new" / "flexget__tt0133093__2023-05.html").read_bytes()
    broken = _with_next_data(data, b'{"props":{"pageProps":{"tconst":"tt0133093","aboveTheFoldData":{"titleText":{"te')
    record = _parse(broken, None)
    assert record.layout == "nextjs-sparse"
    assert (record.imdb_id, record.title, record.year, record.runtime_minutes) == ("tt0133093", "The Matrix", 1999, 136)
    assert record.release_dates is not None and (record.release_dates[0].date, record.release_dates[0].country) == (
        "1999-03-31",
        "US",
    )
    assert record.keywords_total is None  # only __NEXT_DATA__ gives the total
    _consistent_missing(record)


def test_page_without_jsonld() -> None:
    require_shared()
    data = (REAL / "A_imdb_title_new" / "flexget__tt1167638__2022-10.html").read_bytes()
    no_jsonld = _JSONLD.sub(b"", data)
    assert no_jsonld != data
    full = _parse(no_jsonld, "https://www.imdb.com/title/tt1167638/")
    assert (full.original_title, full.keywords_total, full.missing) == ("L'immortel", 53, ())
    sparse = _parse(_sparse(no_jsonld, "tt1167638"), "https://www.imdb.com/title/tt1167638/")
    # Without JSON-LD a sparse page has no directors and no keywords: missing must say so.
    assert sparse.title == "22 Bullets" and sparse.original_title == "L'immortel"
    assert {"directors", "keywords"} <= set(sparse.missing)
    _consistent_missing(sparse)


@pytest.mark.parametrize(
    "html",
    [
        b"",
        b"<html><body><p>Nothing here.</p></body></html>",
        b'<html><body><script id="__NEXT_DATA__" type="application/json">null</script></body></html>',
        b'<html><body><script id="__NEXT_DATA__">{"props":{"pageProps":{"aboveTheFoldData":[],"mainColumnData":{'
        b'"releaseDate":{"year":"soon"},"production":{"edges":[null,{"node":5}]},"runtime":{"seconds":-1}}}}}</script></body></html>',
    ],
    ids=["empty", "no-data", "null-next-data", "odd-values"],
)
def test_bad_input_never_raises(html: bytes) -> None:
    record = _parse(html, "https://www.imdb.com/title/tt0000001/")
    assert record.imdb_id == "tt0000001"
    assert record.layout == "nextjs-sparse"
    assert "title" in record.missing
    _consistent_missing(record)


def test_other_layouts_are_not_nextjs() -> None:
    page = Page.from_bytes((FIXTURES / "schemaorg" / "rottentomatoes_like.html").read_bytes())
    assert not is_nextjs(page)
    old = sorted((REAL / "A_imdb_title_old").glob("*.html"))[:5] if (REAL / "A_imdb_title_old").is_dir() else []
    for path in old:
        assert not is_nextjs(Page.from_bytes(path.read_bytes()))


@pytest.mark.parametrize(
    ("release", "expected"),
    [
        ({"day": 31, "month": 3, "year": 1999, "country": {"id": "US"}}, ("1999-03-31", "day", "US")),
        ({"day": None, "month": 2, "year": 2008, "country": {"id": "IN"}}, ("2008-02", "month", "IN")),
        ({"day": 5, "month": None, "year": 2007, "country": None}, ("2007", "year", None)),
        ({"day": 1, "month": 1, "year": None}, None),
    ],
    ids=["day", "month", "year-only", "no-year"],
)
def test_release_date_precision_follows_the_parts_present(release: dict[str, Any], expected: Any) -> None:
    body = json.dumps({"props": {"pageProps": {"aboveTheFoldData": {}, "mainColumnData": {"releaseDate": release}}}})
    html = f'<html><body><script id="__NEXT_DATA__" type="application/json">{body}</script></body></html>'
    record = _parse(html.encode(), None)
    got = record.release_dates[0] if record.release_dates else None
    assert (got.date, got.precision, got.country) == expected if got else expected is None


def test_visible_details_are_read_when_next_data_lacks_them() -> None:
    html = (
        '<html><body><h1 data-testid="hero__pageTitle"><span>Sabs</span></h1><ul><li>'
        '<a href="/title/tt1234567/releaseinfo?ref_=tt_ov_rdat">2007–2015</a></li></ul>'
        '<ul><li data-testid="title-details-releasedate"><a href="/title/tt1234567/releaseinfo">Release date</a>'
        '<div><ul><li><a href="/title/tt1234567/releaseinfo">February 2008 (India)</a></li></ul></div></li>'
        '<li data-testid="title-details-companies"><a href="/title/tt1234567/companycredits">Production company</a>'
        '<div><ul><li><a href="/company/co0000001">Loew&#x27;s</a></li></ul></div></li></ul>'
        '<li data-testid="title-techspec_runtime"><span>Runtime</span><div>1<!-- --> <!-- -->hour<!-- --> '
        "<!-- -->5<!-- --> <!-- -->minutes</div></li>"
        '<div data-testid="storyline-plot-keywords"><a href="/search/keyword?keywords=dog">dog</a>'
        '<a href="/title/tt1234567/keywords">12 more</a></div>'
        "</body></html>"
    )
    record = _parse(html.encode(), "https://www.imdb.com/title/tt1234567/")
    assert (record.title, record.year, record.year_end, record.runtime_minutes) == ("Sabs", 2007, 2015, 65)
    assert record.release_dates is not None
    assert (record.release_dates[0].date, record.release_dates[0].precision, record.release_dates[0].country) == (
        "2008-02",
        "month",
        "IN",
    )
    assert [(c.name, c.imdb_id) for c in record.companies or ()] == [("Loew's", "co0000001")]
    assert record.keywords == ("dog",)
