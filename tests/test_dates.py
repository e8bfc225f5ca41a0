"""Dates as pages print them: impossible calendar days are not dates, whatever the spelling."""

from __future__ import annotations

import pytest

from parsers.dates import only_a_date, parse_date, release_date_from_text
from parsers.page import Page
from parsers.visible import labelled_fields


@pytest.mark.parametrize(
    "text",
    ["February 31, 2007", "31 February 2007", "2007-02-31", "31.02.2007", "February 29, 2007", "April 31, 2001",
     "2100-02-29", "30 février 2007", "0 March 2007", "2007-13-01"],
)  # fmt: skip
def test_an_impossible_day_is_not_a_date(text):
    assert parse_date(text) is None
    assert release_date_from_text(f"{text} (USA)") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("February 29, 2008", ("2008-02-29", "day")),
        ("2000-02-29", ("2000-02-29", "day")),
        ("31 December 1999", ("1999-12-31", "day")),
        ("30.04.2001", ("2001-04-30", "day")),
        ("February 2007", ("2007-02", "month")),
        ("2007", ("2007", "year")),
        # Russian and Ukrainian months, in the genitive a date writes them in (Kinopoisk's "премьера (мир)")
        ("17 мая 1997", ("1997-05-17", "day")),
        ("12 декабря 1997", ("1997-12-12", "day")),
        ("10 вересня 2020", ("2020-09-10", "day")),
    ],
)
def test_a_real_day_is_a_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10/16/1980 (DE)", ("1980-10-16", "day")),  # TMDB's US order: the 16 can only be the day
        ("16/10/1980", ("1980-10-16", "day")),
        ("02/02/1968", ("1968-02-02", "day")),  # both orders agree
        ("03/04/1999", ("1999", "year")),  # March 4 or 3 April: only the year is sure
    ],
)
def test_slashed_dates_keep_only_what_is_sure(text: str, expected: tuple[str, str]) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026/01/15", ("2026-01-15", "day")),
        ("2020.3.15", ("2020-03-15", "day")),
        ("2020年3月15日(日本)", ("2020-03-15", "day")),  # Japanese and Chinese release dates
        ("2020年3月", ("2020-03", "month")),
        ("2020년 3월 15일", ("2020-03-15", "day")),  # Korean
        ("2019/2020", ("2019", "year")),  # a season, not a day
        ("2020/02/30", None),
        ("1999 08 04 (USA)", ("1999-08-04", "day")),  # AllMovie's, a space apart
        ("1999 8 4", ("1999", "year")),  # numbers a space apart, not printed in full: no sure day
    ],
)
def test_a_date_with_the_year_first_is_read_whole(text: str, expected: tuple[str, str] | None) -> None:
    # East Asian pages write the year first, by digits alone or with 年/月/日; nothing but the year was read
    assert parse_date(text) == expected


def test_a_superscript_digit_is_no_number() -> None:
    # Found by tests/test_parse_robustness.py on a cp1251 Kinopoisk page read as a release-info page: "¹" is a
    # digit to str.isdigit() and no number to int(), and the parse raised ValueError.
    assert parse_date("12 May 2015 ¹") == ("2015-05-12", "day")
    assert parse_date("¹ 2015") == ("2015", "year")


@pytest.mark.parametrize(
    ("lang", "date"),
    [
        ("pt-BR", "2019-03-07"),  # Cinemais' 2019 film page: "Lançamento Nacional 07/03/2019", 7 March
        ("en-GB", "2019-03-07"),
        ("en-US", "2019"),  # July 3 to an American: the year alone is sure
        ("en", "2019"),
        (None, "2019"),
    ],
)
def test_a_slashed_date_is_read_day_first_where_the_pages_language_writes_it_so(lang: str | None, date: str) -> None:
    attribute = f' lang="{lang}"' if lang else ""
    page = f"<html{attribute}><body><h1>Capitã Marvel</h1><p><b>Lançamento:</b> 07/03/2019</p></body></html>"
    dates = labelled_fields(Page.from_bytes(page.encode()))["release_dates"]
    assert [d.date for d in dates] == [date]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Samstag, 27. Oktober 2007, 18:21", True),  # a forum post's date (SubCentral, 2015), read as a list's entry
        ("Oct 12, 2023", True),
        ("mardi 3 mars", True),
        ("September 5", True),  # a film's name too: a list's share of names decides, not one entry
        ("Mars Attacks!", False),
        ("Marvel 2", False),
        ("9 to 5", False),  # "to": Finnish for Thursday
        ("May", False),  # a month alone, no number: a name as much as a date
        ("1917", False),
    ],
)
def test_only_a_date_is_numbers_with_month_and_weekday_names(text: str, expected: bool) -> None:
    assert only_a_date(text) is expected
