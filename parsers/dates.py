"""Dates as pages print them → ISO date and precision.

Month names come from CLDR (via babel) for the languages the metadata site and
review sites are seen in, so "27. Februar 2007", "27 de febrero de 2007" and
"1er mars 1995" read as well as "February 27, 2007".
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from functools import lru_cache

from babel.dates import get_day_names, get_month_names

from .countries import country_code
from .records import Precision, ReleaseDate
from .text import clean

LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "hu", "pl", "cs", "tr", "ru", "uk")


@lru_cache(maxsize=8192)  # the same words (month names, a page's repeated labels) are folded again and again
def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip(".")


def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for language in LANGUAGES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale=language).items():
                    table.setdefault(_fold(name), number)
    table.update({"sept": 9, "sep": 9})  # English abbreviations CLDR lacks
    return table


MONTHS = _month_table()
WEEKDAYS = frozenset(
    _fold(name)
    for language in LANGUAGES
    for width in ("wide", "abbreviated")
    for name in get_day_names(width, locale=language).values()
)
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?!\d)")
_DOTTED = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
# the year first, as East Asian pages and ISO 8601's readers write it: "2020/03/15", "2020.3.15", "2020年3月15日",
# "2020년 3월 15일" (the order is never in doubt)
_YEAR_FIRST = re.compile(
    r"(?<![\d.,/])(\d{4})(?:([/.])(\d{1,2})\2(\d{1,2})(?![\d.,/]?\d)|\s*[年년]\s*(\d{1,2})\s*[月월](?:\s*(\d{1,2})\s*[日일])?)"
)
# the year, month and day a space apart, each printed in full: AllMovie's "1999 08 04"
_YEAR_FIRST_SPACED = re.compile(r"(?<![\d.,/])(\d{4}) (\d\d) (\d\d)(?![\d.,/]?\d)")
# 10/16/1980 (the US order) or 16/10/1980 (most of the world): the order is known only where one part is over 12
_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_TOKEN = re.compile(r"\d+|[^\W\d_]+", re.U)


def _iso(year: int, month: int | None = None, day: int | None = None) -> tuple[str, Precision] | None:
    if not 1800 <= year <= 2200:
        return None
    if month is None:
        return f"{year:04d}", "year"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}", "month"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:  # "February 31, 2007" is no date
        return None
    return f"{year:04d}-{month:02d}-{day:02d}", "day"


@lru_cache(maxsize=4096)
def parse_date(text: str | None, day_first: bool = False) -> tuple[str, Precision] | None:
    """ "27 February 2007" → ("2007-02-27", "day"); "February 2008" → ("2008-02", "month"); "2007" → ("2007", "year").
    ``day_first``: the page's language writes "07/03/2019" for 7 March (all but American English); without it such
    a date gives its year alone."""
    if not text:
        return None
    text = clean(text)
    if match := _ISO.search(text):
        year, month, day = match.groups()
        return _iso(int(year), int(month), int(day) if day else None)
    if match := _YEAR_FIRST.search(text):
        year, _, month, day, cjk_month, cjk_day = match.groups()
        if month is not None:
            return _iso(int(year), int(month), int(day))
        return _iso(int(year), int(cjk_month), int(cjk_day) if cjk_day else None)
    if match := _YEAR_FIRST_SPACED.search(text):
        year, month, day = match.groups()
        return _iso(int(year), int(month), int(day))
    if match := _DOTTED.search(text):
        day, month, year = match.groups()
        return _iso(int(year), int(month), int(day))
    if match := _SLASHED.search(text):
        first, second, year = map(int, match.groups())
        if first == second or first > 12 or second > 12:
            month, day = (first, second) if second > 12 or first == second else (second, first)
            return _iso(year, month, day)
        if day_first:
            return _iso(year, second, first)
        return _iso(year)  # 03/04/1999: March 4 or 3 April; the year alone is sure
    year_value = month_value = day_value = None
    for token in _TOKEN.findall(text):
        if token.isdecimal():  # "¹" is a digit to isdigit(), and no number to int()
            if len(token) == 4 and year_value is None:
                year_value = int(token)
            elif len(token) <= 2 and day_value is None and year_value is None:
                day_value = int(token)
        elif month_value is None and (number := MONTHS.get(_fold(token))):
            month_value = number
    if year_value is None:
        return None
    if month_value is None:
        return _iso(year_value)
    return _iso(year_value, month_value, day_value)


def names_a_month(word: str) -> bool:
    """``word`` is a month's name or abbreviation in one of LANGUAGES ("Apr", "сентября", "März"); not a word of
    two letters, which other languages use for other things."""
    return len(folded := _fold(word)) > 2 and folded in MONTHS


# A broadcast's or a session's time of day: "05:00", "20h45", "5 AM", "9.30 pm", "10:15 pm EST", "20.15 Uhr" (a dot
# alone is a score's: "7.45").
_TIME_OF_DAY = re.compile(
    r"^(?:(?:[01]?\d|2[0-3])[:h][0-5]\d(?:\s?[ap]\.?m\.?)?|(?:1[0-2]|0?[1-9])(?:[.][0-5]\d)?\s?[ap]\.?m\.?"
    r"|(?:[01]?\d|2[0-3])[.][0-5]\d\s?uhr)(?:\s?[A-Z]{2,4})?$",
    re.I,
)


_DIGIT = re.compile(r"\d")  # a decimal digit, as str.isdecimal() knows them (Unicode's Nd)
_DOTTED_TIME = re.compile(r"^(?:[01]?\d|2[0-3])\.[0-5]\d$")


def is_time_of_day(text: str, dotted: bool = False) -> bool:
    """``dotted``: "14.30" too, where something else confirms it (a schedule's slots in the order of a day's hours)."""
    return _TIME_OF_DAY.match(text) is not None or (dotted and _DOTTED_TIME.match(text) is not None)


def only_a_date(text: str) -> bool:
    """The text says a date (or a time) and nothing else: numbers, month and weekday names in any of LANGUAGES
    ("Samstag, 27. Oktober 2007, 18:21", "Tue 3 March", "Oct 12, 2023"), at least one name and one number. Names of
    two letters ("to", "do", "ma": Finnish, German, Dutch weekdays) are words of other languages too: "9 to 5"."""
    if _DIGIT.search(text) is None:  # most texts asked (names) hold no number: not split into tokens at all
        return False
    tokens = _TOKEN.findall(text)
    words = [token for token in tokens if not token.isdecimal()]
    if not words:
        return False
    return all(len(word := _fold(token)) > 2 and (word in MONTHS or word in WEEKDAYS) for token in words)


_PARENS = re.compile(r"\(([^()]*)\)")


def release_date_from_text(text: str, region: str | None = None, day_first: bool = False) -> ReleaseDate | None:
    """ "27 February 2007 (USA) (premiere)" → a ReleaseDate; the first bracket that names
    a country is the country, the rest are notes. ``region`` (a link's ``region=`` code)
    wins over the name where the page gives both."""
    text = clean(text.replace("See more", " ").replace("»", " "))
    head = _PARENS.split(text, maxsplit=1)[0]
    parsed = parse_date(head, day_first)
    if parsed is None:
        return None
    country_name = None
    country = country_code(region) if region else None
    notes = []
    for inner in map(clean, _PARENS.findall(text)):
        if country_name is None and (code := country_code(inner)):
            country_name, country = inner, country or code
        elif inner:
            notes.append(inner)
    return ReleaseDate(
        date=parsed[0],
        precision=parsed[1],
        country=country,
        note="; ".join(notes) or None,
        country_name=country_name,
    )
