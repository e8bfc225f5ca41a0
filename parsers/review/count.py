"""The number of entries an article's title promises: "The 10 best …", "Top 25", "Seven wonders"."""

from __future__ import annotations

import re

from ..dates import names_a_month
from .quality import LETTER, about_films

_WORDS = {
    "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20,
    "fünf": 5, "sieben": 7, "zehn": 10, "cinq": 5, "sept": 7, "dix": 10, "cinco": 5, "siete": 7, "diez": 10,
}  # fmt: skip
# A count is a whole number standing alone: not a year, an ordinal ("55th"), a size ("16-inch"), a price, or a
# name's digit ("Yahoo!7", "Channel+4").
_DIGITS = re.compile(r"(?<![\w$€£.,:/!?#@&+*=~^-])(\d{1,3})(?![\w%$€£/-]|[.,:]\d)")
_WORD = re.compile(r"\b(" + "|".join(_WORDS) + r")\b", re.I)
# A number that names a part, not a count: a page's ("Трейлеры фильмов, страница 2", "Seite 3", "第2页"), a
# season's or an episode's ("The Layover Season 2 Preview", "Episode 5 recap"), an instalment's ("Part 3", "Vol. 2").
_PART_BEFORE = re.compile(
    r"(?:\b(?:pages?|p\.|seite|p[aá]gina|pagina|strona|sayfa|oldal|страниц[аы]|стр\.|сторінка"
    r"|seasons?|series|episodes?|ep\.|parts?|chapters?|vol\.|volumes?|staffel|folge|teil|temporadas?|episodios?"
    r"|saisons?|épisodes?|сезон|серия|эпизод)|第)\s*$",
    re.I,
)
# A name the title quotes: its number is the name's ("'27 Dresses' | 2 stars", "“12 Angry Men” at 65", "«6 Days»"), unless
# the quote counts films ("«10 films» à voir"); an apostrophe inside a word ("Schindler's") opens no quote.
_QUOTED = re.compile(
    r"(?<![\w'])'[^']+'(?![\w'])|\"[^\"]+\"|“[^”]+”|‘[^’]+’|„[^“”]+[“”]|«[^»]+»|‹[^›]+›|《[^》]+》|「[^」]+」|『[^』]+』"
)
# A review's rating or a span of time, not a count: "2 stars", "4 Sterne", "3 Months On", "30 years of Pixar".
_RATING_OR_SPAN = re.compile(
    r"\s*(?:stars?|sterne?|étoiles?|estrellas?|stelle|звезд\w*|hours?|days?|weeks?|months?|years?|decades?|stunden"
    r"|tage|wochen|monate|jahre|jahrzehnte|jours|semaines|mois|ans|années|días|semanas|meses|años|ore|giorni|mesi|anni"
    r"|часов|дней|недель|месяцев|лет)(?![\w-])",
    re.I,
)
# The words a count closing a title follows: "Top 10", "The Best 25", "Hot 100", "Greatest 50", "Favourites 25"
_LIST_WORDS = frozenset(
    {"top", "best", "greatest", "hot", "favorites", "favourites", "picks", "essentials", "list", "ranked", "ranking",
     "chart", "countdown", "the", "our"}
)  # fmt: skip
# Chinese, Japanese and Korean write a count against its counter ("5選", "10部", "7편", "10本") or after "best" ("ベスト10",
# "前10名") with no space: not a part's number ("第2部"), nor an instalment's ("2作目").
_CJK_COUNT = re.compile(
    r"(?<![\d第])(\d{1,3})\s*(?:選|本|部|作品|作(?!目)|個|个|篇|편|선|가지)|(?:ベスト|トップ|前)\s*(\d{1,3})(?!\d)"
)
_TITLE_END = re.compile(r"^\s*(?:$|[|–—-]\s)")  # the end of the title, or of its part before the site's name
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?\s*$")
_WORD_AFTER = re.compile(r"^\.?\s*([^\W\d_]+)")


def _count(title: str) -> re.Match[str] | None:
    """The title's first number that is neither a day of a date ("Domestic Box Office For Apr 26, 2019",
    "Киноафиша на субботу 12 сентября"), a part's number (a page's, a season's) nor a rating or a span of time
    ("2 stars", "3 months")."""
    for match in _DIGITS.finditer(title):
        before, after = title[: match.start()], title[match.end() :]
        word_before, word_after = _WORD_BEFORE.search(before), _WORD_AFTER.search(after)
        if (
            _PART_BEFORE.search(before)
            or any(word is not None and names_a_month(word.group(1)) for word in (word_before, word_after))
            or _RATING_OR_SPAN.match(after) is not None
            or _names_number(word_before, after)
        ):
            continue
        return match
    return None


def _names_number(word_before: re.Match[str] | None, after: str) -> bool:
    """The number closes the title after a name's word, not a list's ("Drawing Restraint 9", "Toy Story 3"; not "Top
    10", "Favourites 25"): a name's number."""
    return (
        word_before is not None
        and word_before.group(1)[:1].isupper()
        and word_before.group(1).casefold() not in _LIST_WORDS
        and _TITLE_END.match(after) is not None
    )


def _unless_counting_films(quote: re.Match[str]) -> str:
    return quote.group() if about_films(quote.group()) else "…"


def promised_count(titles: list[str]) -> int | None:
    """The first count in the page's titles (headline, og:title, <title>), or None; not a number of a name the title
    quotes, nor a title that is a number alone (a site's name, "466": a count counts something the title names)."""
    for title in (_QUOTED.sub(_unless_counting_films, title) for title in titles):
        match = (_count(title) or _CJK_COUNT.search(title)) if LETTER.search(title) else None
        if match and 2 <= (found := int(match.group(1) or match.group(2))) <= 500:
            return found
        word = _WORD.search(title)
        if word:
            return _WORDS[word.group(1).casefold()]
    return None


_BEST_OF = re.compile(r"\b(best|top|greatest|favou?rites?|worst|must-haves?)\b\s*(.*)", re.I)
# "Pixar movies ranked", "Every Marvel Movie, Ranked" (not "top-ranked", "highest-ranked": one thing's place)
_RANKED = re.compile(r"(?<![\w-])ranked\b", re.I)
# "best" in the plural, in the languages lists are written in: "Die besten Filme", "Les meilleurs films", "Las
# mejores películas", "I migliori film", "Os melhores filmes", "Najlepsze filmy", "Лучшие фильмы"
_BEST_PLURAL = re.compile(
    r"\b(?:besten|meilleur(?:e)?s|mejores|migliori|melhores|najlepsze|najlepszych|лучшие|лучших|найкращі)\b", re.I
)
# Where words have no plural, a word for a list or for recommending promises one: "片单" (a list of films), "推荐"
# (recommended), "盘点" (a round-up), "おすすめ", "ランキング", "추천", "리스트"
_LIST_NOUN = re.compile(
    r"片单|片單|推荐|推薦|清单|清單|榜单|榜單|盘点|盤點|リスト|おすすめ|オススメ|ランキング|추천|리스트|목록|순위"
)
_PERIOD = re.compile(r"^of (?:\d{4}|the (?:year|decade|century|month|week)|all[ -]time)\b", re.I)
_TOKEN = re.compile(r"[\w'’-]+")
_NOT_PLURAL = frozenset(
    {"is", "was", "has", "this", "its", "us", "as", "does", "his", "yes", "less", "always", "prices"}
)


def promises_list(titles: list[str]) -> bool:
    """A "best of" title promises a list even without a count ("Best books for young readers",
    "Top picks", "The best of 2019"), but not every "best" does ("The best way to …", "Best of
    both worlds"): a plural must follow within two words, or a period of time, at once or after one word ("The best
    film of 2025")."""
    if titles and (_RANKED.search(titles[0]) or _BEST_PLURAL.search(titles[0]) or _LIST_NOUN.search(titles[0])):
        return True
    found = _BEST_OF.search(titles[0]) if titles else None
    if found is None:
        return False
    keyword, rest = found.group(1), found.group(2)
    following = _TOKEN.findall(rest)[:2]
    after_one = _TOKEN.sub("", rest.lstrip(), count=1).lstrip()  # "The best film of 2025": a noun, then the period
    return (
        keyword.endswith("s")
        or bool(_PERIOD.match(rest) or _PERIOD.match(after_one))
        or any(word.endswith("s") and word.casefold() not in _NOT_PLURAL for word in following)
    )
