"""IMDb title pages in the 2008-2020 layouts (tn15, /combined, main txt-block, /reference)."""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import parsers
from parsers.imdb.layouts import header
from parsers.page import Page
from parsers.records import TITLE_CONTRACT_KEYS, FilmPage
from tests.conftest import FIXTURES, GOLDEN, REAL, gold_cases, load_gold, require_shared

OLD = "A_imdb_title_old"
GOLDEN_OLD = GOLDEN / "imdb_old"
# Sub-page links are filled by parsers/links.py after the layout parser: not part of these goldens.
NOT_GOLDEN = {"subpages"}
OWN_FIXTURE = FIXTURES / "imdb_old" / "inside_north_korea_main.html"


def _parse(data: bytes | str, url: str | None = None) -> FilmPage:
    record = parsers.parse(data, url=url, kind="title")
    assert isinstance(record, FilmPage)
    return record


# ---------------------------------------------------------------- every gold page


@pytest.mark.parametrize("path", gold_cases(OLD))
def test_gold_fields(path: Path, grader: ModuleType) -> None:
    """title, year, genres, release date, companies, keywords, keywords_total and runtime as the gold
    says, compared by the grader's own code (so its ``alternatives`` apply exactly as in grade.py)."""
    gold, data = load_gold(path)
    record = _parse(data, url=gold["url"])
    assert record.layout in ("tn15", "combined", "main-2011", "reference")
    assert record.imdb_id == gold["imdb_id"]
    problems = grader.grade_title(grader.Score(), gold, record.to_dict(), gold.get("alternatives") or {})
    assert problems == {}


@pytest.mark.parametrize("path", gold_cases(OLD))
def test_a_layout_whose_classes_change_keeps_its_title_and_year(path: Path, grader: ModuleType) -> None:
    """The same page with every class attribute gone (a redesign no selector knows): its heading, what sits by
    it and IMDb's <title> still give the title, original title and year."""
    gold, data = load_gold(path)
    record = _parse(re.sub(rb'\sclass="[^"]*"', b"", data), url=gold["url"])
    problems = grader.grade_title(grader.Score(), gold, record.to_dict(), gold.get("alternatives") or {})
    assert not problems.keys() & {"title", "year"}, problems


@pytest.mark.parametrize(
    "path",
    [
        p
        for p in gold_cases(OLD)
        if p.values[0].stem
        in (
            "kcrayon__tt0111161_apex__2018-08-25__main",
            "flexget__tt0133093__2016-04",
            "kcrayon__firefly__2018-08-25__reference",
        )
    ],
)
def test_a_redesign_that_renames_every_class_and_id_keeps_the_keyword_count(path: Path) -> None:
    """A 2016 and a 2018 main page and a 2018 /reference view with every class and id name replaced by a
    meaningless one (no layout marker left, so the page is read as any page is): the "Plot Keywords:" box's "See All
    (251)" still gives the total, as its links give the keywords (the total was read only by the layout's own
    reader), in the reference view's table cell too (a list of links, the "See All (62)" its last item)."""
    gold, data = load_gold(path)
    renamed = re.sub(
        rb'(\s(?:class|id)=")([^"]*)"',
        lambda m: m.group(1) + b" ".join(b"n%d" % zlib.crc32(name) for name in m.group(2).split()) + b'"',
        data,
    )
    record = _parse(renamed, url=gold["url"])
    assert record.layout == "unknown"
    assert gold["keywords_total"] is not None
    assert record.keywords_total == gold["keywords_total"]


@pytest.mark.parametrize("path", [p for p in gold_cases(OLD) if p.values[0].stem == "flexget__tt0114320__2016-03"])
def test_a_redesign_that_renames_every_class_and_id_keeps_the_runtime_marked_for_machines(path: Path) -> None:
    """A 2016 main page that prints its runtime only in the title bar (``<time itemprop="duration"
    datetime="PT65M">65 min</time>``), under no "Runtime:" label: with every class and id renamed the microdata
    still gives it."""
    gold, data = load_gold(path)
    renamed = re.sub(
        rb'(\s(?:class|id)=")([^"]*)"',
        lambda m: m.group(1) + b" ".join(b"n%d" % zlib.crc32(name) for name in m.group(2).split()) + b'"',
        data,
    )
    record = _parse(renamed, url=gold["url"])
    assert record.layout == "unknown"
    assert gold["runtime_minutes"] is not None
    assert record.runtime_minutes == gold["runtime_minutes"]


@pytest.mark.parametrize(
    ("document_title", "fields"),
    [
        ("Gandhi (1982) - IMDb", {"title": "Gandhi", "year": 1982, "year_end": None, "title_type": "movie"}),
        (
            "Sherlock (TV Mini Series 2010–2017) - IMDb",
            {"title": "Sherlock", "year_end": 2017, "title_type": "tvMiniSeries"},
        ),
        ('"Firefly" Serenity (TV Episode 2002) - IMDb', {"title": "Serenity", "year": 2002, "title_type": "tvEpisode"}),
        ("Firefly (TV Series 2002–2003) - Reference View - IMDb", {"title": "Firefly", "year": 2002, "year_end": 2003}),
        ("IMDb - Heat (I) (1995)", {"title": "Heat", "year": 1995}),
        (
            '"Weird Al" Yankovic Live! (Video 1999) - IMDb',
            {"title": '"Weird Al" Yankovic Live!', "title_type": "video"},
        ),
        ("Dune: Part Three - IMDb", {"title": "Dune: Part Three"}),
        # 2008-2014 (tn15, /combined): no "IMDb" in the <title>; at a title's address, a name and its year suffice
        ("The Dark Knight (2008)", {"title": "The Dark Knight", "year": 2008, "title_type": "movie"}),
    ],
)
def test_an_unknown_imdb_layout_is_read_by_its_heading_and_document_title(
    document_title: str, fields: dict[str, Any]
) -> None:
    html = f"<html><head><title>{document_title}</title></head><body><div><p>A design no layout knows.</p></div></body></html>"
    record = _parse(html, url="https://www.imdb.com/title/tt0083987/")
    assert record.layout == "unknown"
    assert {key: getattr(record, key) for key in fields} == fields
    assert "title" not in record.missing


@pytest.mark.parametrize(
    ("document_title", "url"),
    [
        ("The Dark Knight (2008)", "https://example.org/films/the-dark-knight"),  # not a title's address
        ("The Dark Knight", "https://www.imdb.com/title/tt0468569/"),  # no year, no "IMDb": a page of anything
    ],
)
def test_a_title_without_imdbs_name_is_read_only_with_its_year_at_a_titles_address(
    document_title: str, url: str
) -> None:
    page = Page.from_bytes(f"<html><head><title>{document_title}</title></head><body></body></html>".encode(), url=url)
    assert header.document_title(page) == {}


@pytest.mark.parametrize("path", gold_cases(OLD))
def test_gold_countries_and_languages(path: Path) -> None:
    gold, data = load_gold(path)
    record = _parse(data, url=gold["url"])
    assert list(record.countries or []) == (gold.get("countries") or [])
    assert list(record.languages or []) == (gold.get("languages") or [])


# ---------------------------------------------------------------- whole records, checked by hand


def _golden_cases() -> list[Any]:
    return [pytest.param(path, id=path.stem) for path in sorted(GOLDEN_OLD.glob("*.json"))]


def test_goldens_cover_every_layout() -> None:
    layouts = {json.loads(path.read_text(encoding="utf-8"))["layout"] for path in GOLDEN_OLD.glob("*.json")}
    assert layouts == {"tn15", "combined", "main-2011", "reference"}


@pytest.mark.parametrize("path", _golden_cases())
def test_golden_record(path: Path) -> None:
    require_shared()
    want = json.loads(path.read_text(encoding="utf-8"))
    page = REAL / OLD / (path.stem + ".html")
    got = _parse(page.read_bytes(), url=want["url"]).to_dict()
    for key in NOT_GOLDEN:
        got.pop(key, None)
    assert set(got) == set(want)
    for key in want:
        assert got[key] == want[key], key


# ---------------------------------------------------------------- a hand-written page of the seed film


def test_seed_film_main_layout() -> None:
    record = _parse(OWN_FIXTURE.read_bytes())
    assert record.layout == "main-2011"
    assert record.imdb_id == "tt0979924"
    assert (record.title, record.year, record.title_type) == ("Inside North Korea", 2007, "movie")
    assert record.plot is not None and record.plot.startswith("Posing as a medical coordinator, Lisa Ling")
    assert record.keywords == ("defector", "concentration camp", "camera shot of feet", "megaphone", "conference room")
    assert record.keywords_total == 28
    assert record.genres == ("Documentary", "History")
    assert record.release_dates is not None
    assert [(r.date, r.country) for r in record.release_dates] == [("2007-02-27", "US")]  # not the Opening Weekend date
    assert [c.name for c in record.companies or ()] == ["National Geographic Television", "Pangloss Films"]
    assert record.connections is not None
    connection = record.connections[0]
    assert (connection.relation, connection.title, connection.year, connection.imdb_id) == (
        "features",
        "North Korea: A Day in the Life",
        2004,
        None,
    )
    assert record.runtime_minutes == 52  # the Runtime row wins over the title bar's 45 min
    assert record.missing == ()


# ---------------------------------------------------------------- series years in the tn15 header


def test_combined_series_that_ended_has_its_last_year() -> None:
    """tn15 headers print "(2004)" and, apart, "TV series 2004-2010": the span's end is year_end."""
    record = _parse((FIXTURES / "imdb_old" / "combined_series_ended.html").read_bytes())
    assert (record.layout, record.imdb_id, record.title) == ("combined", "tt99900020", "The Sample Series")
    assert (record.year, record.year_end, record.title_type) == (2004, 2010, "tvSeries")
    assert (record.genres, record.runtime_minutes) == (("Drama", "Mystery"), 45)


@pytest.mark.parametrize(("run", "year_end"), [(b"TV series 2007-", None), (b"TV series 2007-2019", 2019)])
def test_combined_series_run(run: bytes, year_end: int | None) -> None:
    """The real 2014 page of a running series ("TV series 2007-"), and the same page once it has ended."""
    require_shared()
    data = (REAL / OLD / "ariejan__tt0898266__2014-01-31__combined.html").read_bytes()
    assert data.count(b"TV series 2007-<") == 1
    record = _parse(data.replace(b"TV series 2007-<", run + b"<"))
    assert (record.layout, record.title_type, record.year, record.year_end) == ("combined", "tvSeries", 2007, year_end)


# ---------------------------------------------------------------- directors on /reference


@pytest.mark.parametrize(
    ("name", "directors"),
    [
        # from the crew list's "Directed by" section
        ("kcrayon__tt0036855__2018-08-25__reference", [("George Cukor", "nm0002030")]),
        ("kcrayon__tt0056801__2018-08-25__reference", [("Federico Fellini", "nm0000019")]),
        ("kcrayon__thewalkingdead-s1e2__2018-08-25__reference", [("Michelle MacLaren", "nm0533713")]),
        # this save stops before the crew list: the overview's "Director:" line
        ("kcrayon__tt0111161__2018-08-25__reference", [("Frank Darabont", "nm0001104")]),
        # a series page names its creator, not a director
        ("kcrayon__firefly__2018-08-25__reference", []),
    ],
)
def test_reference_directors(name: str, directors: list[tuple[str, str]]) -> None:
    require_shared()
    record = _parse((REAL / OLD / (name + ".html")).read_bytes())
    assert record.layout == "reference"
    assert [(person.name, person.imdb_id) for person in record.directors or ()] == directors


# ---------------------------------------------------------------- bad input


def test_empty_document_is_unknown() -> None:
    record = _parse("")
    assert record.layout == "unknown"
    assert record.missing == TITLE_CONTRACT_KEYS


def test_other_site_is_unknown() -> None:
    html = "<html><head><title>Cooking</title></head><body><h1>Pancakes</h1><p>Flour, eggs.</p></body></html>"
    record = _parse(html, url="https://example.org/recipes/pancakes")
    assert record.layout == "unknown"
    assert record.title is None
    assert record.missing == TITLE_CONTRACT_KEYS


def test_unknown_page_keeps_the_id_of_its_url() -> None:
    record = _parse("<html><body><p>nothing here</p></body></html>", url="https://www.imdb.com/title/tt0133093/")
    assert (record.layout, record.imdb_id) == ("unknown", "tt0133093")
    assert "imdb_id" not in record.missing and "title" in record.missing


@pytest.mark.parametrize(
    ("name", "layout", "marker"),
    [
        ("ariejan__tt0111161__2009-06-14__combined_tn15", "tn15", b'id="tn15title"'),
        ("ariejan__tt0468569__2014-01-31__combined", "combined", b'class="info-content"'),
        ("flexget__tt0133093__2016-04", "main-2011", b'class="title_wrapper"'),
        ("kcrayon__tt0083987__2018-08-25__reference", "reference", b'class="titlereference-header"'),
    ],
)
@pytest.mark.parametrize("share", [0.25, 0.5, 0.75])
def test_truncated_page(name: str, layout: str, marker: bytes, share: float) -> None:
    """A page cut short keeps its layout once the layout's mark survives (else it is unknown);
    every field the cut removed is listed in ``missing``."""
    require_shared()
    data = (REAL / OLD / (name + ".html")).read_bytes()
    cut = data[: int(len(data) * share)]
    record = _parse(cut, url="https://www.imdb.com/title/tt0000001/")
    full = _parse(data, url="https://www.imdb.com/title/tt0000001/")
    assert record.layout == (layout if marker in cut else "unknown")
    assert set(record.missing) >= set(full.missing)
    for field in TITLE_CONTRACT_KEYS:
        if field in full.__slots__ and field not in ("original_title", "keywords_total"):
            lost = getattr(record, field) is None and getattr(full, field) is not None
            assert not lost or field in record.missing, field


def test_a_bot_walls_challenge_at_a_titles_address_gives_no_title() -> None:
    # The shape of the AWS WAF challenge IMDb answers with since April 2026 (HTTP 202): an empty <title>, scripts,
    # and a heading for people without JavaScript. At /title/tt…/ it must not become a film called that.
    html = (
        "<!DOCTYPE html><html><head><title></title><script>window.awsWafCookieDomainList = [];</script></head>"
        "<body><div id='challenge-container'></div><noscript><h1>JavaScript is disabled</h1>In order to continue, we"
        " need to verify that you're not a robot.</noscript></body></html>"
    )
    record = _parse(html, url="https://www.imdb.com/title/tt0133093/")
    assert (record.layout, record.imdb_id, record.title, record.title_type) == ("unknown", "tt0133093", None, None)
