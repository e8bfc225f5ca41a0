"""IMDb sub-pages: gold rows of the real releaseinfo/keywords pages, hand-checked whole records
(real pages of kinds without gold and every own fixture), and damaged or wrong input."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from parsers import parse
from parsers.records import FILM_PAGE_KINDS, FilmPage
from tests.conftest import FIXTURES, GOLDEN, REAL, gold_cases, load_gold, require_shared

OWN = FIXTURES / "imdb_subpages"
GOLDEN_CASES = [pytest.param(path, id=path.stem) for path in sorted((GOLDEN / "imdb_subpages").glob("*.json"))]
SUBPAGE_KINDS = [kind for kind in FILM_PAGE_KINDS if kind != "title"]
LAYOUTS = {"tn15", "2014", "nextjs", "unknown"}


def _countries(row: dict[str, Any]) -> set[str | None]:
    """The gold country and the codes its row accepts (historical states), as the grader reads them."""
    return {row.get("country"), *(row.get("alternatives") or {}).get("country", [])}


def film(data: bytes, url: str | None = None, kind: str = "auto") -> FilmPage:
    record = parse(data, url=url, kind=kind)
    assert isinstance(record, FilmPage)
    return record


def _page_bytes(source: str) -> bytes:
    where, path = source.split(":", 1)
    if where == "real":
        require_shared()
        return (REAL / path).read_bytes()
    return (OWN / path).read_bytes()


# ------------------------------------------------------------------ gold (real pages)


@pytest.mark.parametrize("gold_path", gold_cases("B_imdb_subpages"))
def test_gold_graded_fields(gold_path: Path, grader: ModuleType) -> None:
    gold, data = load_gold(gold_path)
    out = parse(data, url=gold["url"]).to_dict()
    # the grader's own comparison (with its alternatives); a keywords page reports None when clean
    assert not any(grader.grade_subpage(grader.Score(), gold, out).values())
    assert out["imdb_id"] == gold["imdb_id"]
    assert out["year"] == gold["year"]
    assert out["layout"] in {"tn15", "2014"}
    assert out["missing"] == []


@pytest.mark.parametrize("gold_path", gold_cases("B_imdb_subpages"))
def test_gold_row_by_row(gold_path: Path) -> None:
    gold, data = load_gold(gold_path)
    out = parse(data, url=gold["url"]).to_dict()
    if gold["kind"] == "keywords":
        assert out["keywords"] == gold["keywords"]
        assert out.get("keywords_total") == gold["keywords_total"]
        return
    assert len(out["release_dates"]) == len(gold["release_dates"])
    for got, want in zip(out["release_dates"], gold["release_dates"], strict=True):
        assert got["date"] == want["date"], want["date_raw"]
        assert got["country"] in _countries(want), want
        assert got["note"] == want["note"], want
        assert got["country_name"] == want["country_name"], want
    assert len(out["akas"]) == len(gold["akas"])
    for got, want in zip(out["akas"], gold["akas"], strict=True):
        assert got["title"] == want["title"]
        assert got["country"] in _countries(want), want
        assert got["note"] == want["note"], want


# ------------------------------------------------------------------ hand-checked whole records


@pytest.mark.parametrize("golden_path", GOLDEN_CASES)
def test_golden_record(golden_path: Path) -> None:
    golden = json.loads(golden_path.read_text(encoding="utf-8"))
    out = parse(_page_bytes(golden["page"]), url=golden["url"]).to_dict()
    assert out == golden["record"]


_ROWS = {"companycredits": "companies", "connections": "connections", "keywords": "keywords"}


@pytest.mark.parametrize(
    "golden_path",
    [case for case in GOLDEN_CASES if any(f"{kind}__" in case.values[0].name for kind in _ROWS)],
)
def test_a_layout_whose_classes_change_keeps_its_rows(golden_path: Path) -> None:
    """Every class attribute gone (a redesign no selector knows): the rows are still read by their headings'
    words and IMDb's link forms (/company/co…, /title/tt…, /keyword/…), and only under headings that name them."""
    golden = json.loads(golden_path.read_text(encoding="utf-8"))
    kind = next(kind for kind in _ROWS if f"{kind}__" in golden_path.name)
    data = re.sub(rb'\sclass="[^"]*"', b"", _page_bytes(golden["page"]))
    out = parse(data, url=golden["url"], kind=kind).to_dict()
    assert out[_ROWS[kind]] == golden["record"][_ROWS[kind]]


def test_kind_detected_without_url_from_canonical_link() -> None:
    record = film((OWN / "inside_north_korea__companycredits__2014.html").read_bytes())
    assert record.kind == "companycredits"
    assert record.to_dict()["companies"][1]["name"] == "Pangloss Films"


def test_inside_north_korea() -> None:
    url = "https://www.imdb.com/title/tt99900010/"
    release = film((OWN / "inside_north_korea__releaseinfo__2014.html").read_bytes(), url=url + "releaseinfo")
    assert [(d.date, d.precision, d.country) for d in release.release_dates or ()] == [("2007-02-27", "day", "US")]
    companies = film((OWN / "inside_north_korea__companycredits__2014.html").read_bytes(), url=url + "companycredits")
    assert [(c.name, c.role) for c in companies.companies or ()] == [
        ("National Geographic Television", "production"),
        ("Pangloss Films", "production"),
    ]
    links = film((OWN / "inside_north_korea__movieconnections__2014.html").read_bytes(), url=url + "movieconnections")
    assert [(c.relation, c.title, c.year, c.imdb_id) for c in links.connections or ()] == [
        ("features", "North Korea: A Day in the Life", 2004, "tt99900099")
    ]


# ------------------------------------------------------------------ bad input


def _bad_input_sources() -> list[Any]:
    sources = [pytest.param(f"fixture:{path.name}", id=path.stem) for path in sorted(OWN.glob("*.html"))]
    real = [
        "B_imdb_subpages/spotlite__tt0133093__releaseinfo__2013-01-20.html",
        "B_imdb_subpages/paulRbr__releaseinfo__2017-08-05.html",
        "B_imdb_subpages/spotlite__tt0133093__keywords__2014-06-29.html",
        "B_imdb_subpages/spotlite__tt0133093__fullcredits__2016-02-26.html",
        "B_imdb_subpages/kcrayon__plotsummary__2018-08-25.html",
    ]
    return sources + [pytest.param(f"real:{path}", id=Path(path).stem) for path in real]


@pytest.mark.parametrize("fraction", [0.25, 0.5, 0.75])
@pytest.mark.parametrize("source", _bad_input_sources())
def test_truncated_pages_never_raise(source: str, fraction: float) -> None:
    data = _page_bytes(source)
    for kind in SUBPAGE_KINDS:
        record = film(data[: int(len(data) * fraction)], kind=kind)
        assert record.kind == kind
        assert record.layout in LAYOUTS
        found = {k for k, v in record.to_dict().items() if v not in (None, [], ())}
        # a field is either found or listed as missing, never both
        assert not found & set(record.missing)


def test_truncated_release_table_keeps_the_rows_before_the_cut() -> None:
    require_shared()
    data = (REAL / "B_imdb_subpages/ariejan__releaseinfo__2014-01-31.html").read_bytes()
    cut = data.index(b"22 September") if b"22 September" in data else data.index(b"region=kr")
    record = film(data[:cut], url="https://www.imdb.com/title/tt0095016/releaseinfo")
    assert record.layout == "2014"
    assert [d.date for d in record.release_dates or ()][:2] == ["1988-07-15", "1988-07-22"]
    assert "akas" in record.missing


@pytest.mark.parametrize("kind", SUBPAGE_KINDS)
def test_empty_page(kind: str) -> None:
    record = film(b"", url="https://www.imdb.com/title/tt0133093/" + kind, kind=kind)
    assert record.layout == "unknown"
    assert record.imdb_id == "tt0133093"
    assert "title" in record.missing and len(record.missing) >= 2


@pytest.mark.parametrize(
    "title_page",
    ["A_imdb_title_old/flexget__tt0133093__2016-04.html", "A_imdb_title_new/flexget__tt0086425__2022-10.html"],
)
def test_title_page_given_as_releaseinfo(title_page: str) -> None:
    require_shared()
    path = REAL / title_page
    if not path.exists():
        pytest.skip(f"{title_page} is not in the shared pages")
    record = film(path.read_bytes(), kind="releaseinfo")
    assert record.kind == "releaseinfo"
    assert record.layout == "unknown"
    assert record.release_dates is None and record.akas is None
    assert {"release_dates", "akas"} <= set(record.missing)


def test_invalid_next_data_falls_back_to_the_page() -> None:
    data = (OWN / "sample_picture__keywords__nextjs.html").read_bytes()
    broken = data.replace(b'{"props"', b'{"props" oops', 1)
    record = film(broken, kind="keywords")
    assert record.layout == "nextjs"
    assert record.title == "The Sample Picture"  # the hero subtitle
    assert record.year is None
    assert record.keywords and record.keywords[0] == "test screening"


# ------------------------------------------------------------------ 2018-22 layouts, read by meaning


def test_release_rows_of_the_2020_layout() -> None:
    """``release-date-item`` rows (no ``#release_dates`` table): every row with its ISO date, precision, ISO
    country (historical codes too, from the region link) and notes; the AKA table's year-like title is no date."""
    record = film((OWN / "sample_picture__releaseinfo__2020.html").read_bytes())
    assert record.kind == "releaseinfo"
    assert [(d.date, d.precision, d.country, d.note) for d in record.release_dates or ()] == [
        ("1999-03-24", "day", "US", "Westwood, California; premiere"),
        ("1999-03-31", "day", "US", None),
        ("1999-06", "month", "DE", None),
        ("1999", "year", "CSHH", "video premiere"),
        ("1999-05-07", "day", "IT", "Cannes Film Festival"),
    ]
    assert [(a.title, a.country, a.note) for a in record.akas or ()] == [
        ("The Sample Picture", None, "original title"),
        ("Matriz de prueba", "AR", None),
        ("L'image témoin", "BE", "French title"),
        ("1999", None, "English title"),
    ]
    assert record.missing == ()


def test_keywords_of_the_2020_layout() -> None:
    """Keyword links of the /search/keyword?keywords= form, inside the page's keyword block only."""
    record = film((OWN / "sample_picture__keywords__2020.html").read_bytes())
    assert record.keywords == ("test card", "sample", "colour bars")
    assert record.keywords_total == 3
