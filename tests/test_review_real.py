"""The list extractor on real pages it was not written against: ../shared/fixtures/real2 (with ../shared/gold2)
and the project's own real pages (tests/fixtures/real, split by site into dev and validation)."""

from __future__ import annotations

import pytest

from parsers import parse
from parsers.records import ReviewPage

_CHART = b"<html><head><title>IMDb Top 250 Movies - IMDb</title></head><body><table><tr><td>1. The Godfather</td></tr></table></body></html>"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.imdb.com/chart/top/",
        "https://m.imdb.com/chart/moviemeter",
        "https://www.imdb.com/list/ls524708103/",
        "https://www.imdb.com/de/chart/boxoffice/",
        "https://letterboxd.com/dave/list/official-top-250-narrative-feature-films/",
        "https://www.boxofficemojo.com/date/2019-04-26/",
        "https://editorial.rottentomatoes.com/guide/best-movies-of-2023/",
    ],
)
def test_chart_and_list_pages_go_to_the_list_parser(url: str) -> None:
    # IMDb's Top 250 says "IMDb" in its <title>, which once sent it to the title parser.
    assert isinstance(parse(_CHART, url=url), ReviewPage)


def test_chart_named_only_by_its_canonical_url_is_a_list() -> None:
    page = _CHART.replace(b"</title>", b'</title><link rel="canonical" href="https://www.imdb.com/chart/top/">')
    assert isinstance(parse(page), ReviewPage)
