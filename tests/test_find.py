"""The metadata site's title search: IMDb's find page in its two layouts and the suggestion JSON, as whole
records checked by hand (tests/golden/imdb_find), and what the parser does with pages that are not one."""

from __future__ import annotations

import json

import pytest

from parsers import parse
from parsers.detect import kind_from_url
from parsers.records import SearchPage
from tests.conftest import FIXTURES, GOLDEN

OWN = FIXTURES / "imdb_find"
# fixture → (the URL it was saved from, the kind given to parse)
CASES = {
    "find_findlist_2015.html": ("https://www.imdb.com/find?q=crossing+the+line&s=all", "auto"),
    "find_nextjs_2022.html": ("https://www.imdb.com/find/?q=the%20red%20chapel&ref_=nv_sr_sm", "auto"),
    "find_nextjs_without_data.html": ("https://www.imdb.com/find/?q=the%20red%20chapel&ref_=nv_sr_sm", "auto"),
    "suggestion_under_the_sun.json": ("https://v3.sg.media-imdb.com/suggestion/x/under%20the%20sun.json", "search"),
}


def search(name: str, url: str | None, kind: str = "auto") -> SearchPage:
    record = parse((OWN / name).read_bytes(), url=url, kind=kind)
    assert isinstance(record, SearchPage)
    return record


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_search_page_gives_its_hand_checked_record(name):
    url, kind = CASES[name]
    golden = json.loads((GOLDEN / "imdb_find" / f"{name.rsplit('.', 1)[0]}.json").read_text(encoding="utf-8"))
    assert search(name, url, kind).to_dict() == golden


def test_only_title_results_are_kept_in_page_order_names_and_keywords_are_not():
    record = search("find_findlist_2015.html", CASES["find_findlist_2015.html"][0])
    assert [r.imdb_id for r in record.results] == [
        "tt99900109",
        "tt99900113",
        "tt99900114",
        "tt99900116",
        "tt99900118",
        "tt99900119",
    ]


def test_the_query_comes_from_the_page_when_the_url_does_not_give_it():
    assert search("find_findlist_2015.html", None).query == "crossing the line"
    assert search("find_nextjs_2022.html", "https://www.imdb.com/find/").query == "the red chapel"
    assert search("find_nextjs_without_data.html", None).query == "the red chapel"
    assert search("suggestion_under_the_sun.json", None, "search").query == "under the sun"


def test_the_visible_list_gives_the_same_titles_and_years_as_the_json():
    with_data = search("find_nextjs_2022.html", None)
    visible = search("find_nextjs_without_data.html", None)
    assert [(r.imdb_id, r.title, r.year) for r in visible.results] == [
        (r.imdb_id, r.title, r.year) for r in with_data.results
    ]
    # a feature film has no type label on the page; the JSON says "movie"
    assert (visible.results[0].title_type, with_data.results[0].title_type) == (None, "movie")


def test_find_urls_are_search_pages_and_title_urls_are_not():
    assert kind_from_url("https://www.imdb.com/find?q=x&s=tt") == "search"
    assert kind_from_url("https://www.imdb.com/find/?q=x") == "search"
    assert kind_from_url("https://www.imdb.com/title/tt0133093/") == "title"
    assert kind_from_url("https://www.imdb.com/finder/?q=x") is None


def test_a_page_of_no_known_search_layout_gives_no_results_and_says_so():
    record = search("find_nextjs_2022.html", None)
    assert record.layout == "nextjs"
    other = parse(b"<html><body><p>Nothing here</p></body></html>", url="https://www.imdb.com/find?q=x")
    assert isinstance(other, SearchPage)
    assert (other.layout, other.query, other.results) == ("unknown", "x", ())
    broken = parse(b'{"d": "not a list"}', url="https://v3.sg.media-imdb.com/suggestion/x/x.json", kind="search")
    assert isinstance(broken, SearchPage)
    assert (broken.layout, broken.results) == ("unknown", ())


def test_a_names_result_linking_the_title_it_is_known_for_is_no_title_result(grader):
    # IMDb's find page of 2014 (a real page, tests/fixtures/real dev): the Names section's rows read "Celeste Star
    # (Actress, <a href=/title/…>Hearts & Minds 2: Modern Warfare</a> (2008))"; the result is the name its first
    # link gives, so those four titles are no results (they were given as results 11 to 14).
    name = "moesizlak__imdb-find-results-star-trek-tos__2014-01"
    gold = json.loads((FIXTURES / "real" / "gold" / "dev" / "C_lists" / f"{name}.json").read_text(encoding="utf-8"))
    record = search(f"../real/pages/dev/C_lists/{name}.html", gold["url"])
    assert len(record.results) == 10
    assert grader.grade_review(grader.Score(), gold, record.to_dict()) == {}
