"""What a page declares in its data: its JSON-LD ``ItemList``, the film a review reviews and its rating."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from selectolax.lexbor import LexborNode

from ..imdb.next_data import next_data_script
from ..jsonld import first_of_type, text_value, types_of
from ..page import Page
from ..text import clean, node_text, to_int
from .blocks import HEADINGS
from .candidates import Candidate, Item

_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")
_MICRODATA_REVIEW = re.compile(r"schema\.org/Review$", re.I)
_REVIEW_TITLE = re.compile(r"^[‘'\"“]?(?P<name>.+?)[’'\"”]?\s+(?:review|recensione|kritik|critique)\b", re.I)


def _scripts_jsonld(page: Page) -> Iterator[Any]:
    """JSON-LD blocks, including those the shared loader skips (wrapped in ``<![CDATA[ … ]]>``)."""
    yield from page.jsonld
    for script in page.tree.css('script[type="application/ld+json"]'):
        raw = script.text(deep=True)
        if "CDATA" in raw:
            try:
                yield json.loads(_CDATA.sub("", raw.strip()), strict=False)
            except (json.JSONDecodeError, RecursionError):  # broken, or nested too deep for the decoder
                continue


def _objects(
    value: Any, wanted: Callable[[dict[str, Any]], bool], skip: frozenset[str] = frozenset()
) -> Iterator[dict[str, Any]]:
    """Every object of a decoded JSON value that is ``wanted``, outer ones first, not looking under ``skip`` keys."""
    if isinstance(value, list):
        for inner in value:
            yield from _objects(inner, wanted, skip)
    elif isinstance(value, dict):
        if wanted(value):
            yield value
        for key, inner in value.items():
            if key not in skip and isinstance(inner, (dict, list)):
                yield from _objects(inner, wanted, skip)


def _item_list(value: dict[str, Any]) -> bool:
    return "ItemList" in types_of(value) and isinstance(value.get("itemListElement"), list)


# Where an ItemList names no works: inside another list's items, and as a review's pros and cons (schema.org's
# ``positiveNotes``/``negativeNotes``: "Simple interface makes live TV easy to navigate").
_NOT_WORKS = frozenset({"itemListElement", "positiveNotes", "negativeNotes"})


def _item_lists(value: Any) -> Iterator[dict[str, Any]]:
    return _objects(value, _item_list, skip=_NOT_WORKS)


def _headlines(page: Page) -> dict[str, str]:
    """The text the page shows for each link target: a linked heading first, else the longest link text."""
    shown: dict[str, str] = {}
    headed: set[str] = set()
    for anchor in page.tree.css("a[href]"):
        url = page.absolute(anchor.attributes.get("href"))
        text = node_text(anchor)
        if not url or not text or url in headed:
            continue
        parent = anchor.parent
        if parent is not None and (parent.tag in HEADINGS or anchor.css_first("h2, h3, h4")):
            shown[url] = text
            headed.add(url)
        else:
            shown[url] = max(shown.get(url, ""), text, key=len)
    return shown


def itemlist_candidate(page: Page) -> Candidate | None:
    """The page's JSON-LD ItemList, in position order, every item named (from JSON or from the page)."""
    headlines: dict[str, str] | None = None  # built once, and only for a list that needs it
    for item_list in (found for block in _scripts_jsonld(page) for found in _item_lists(block)):
        items: list[Item] = []
        for n, element in enumerate(item_list["itemListElement"], 1):
            if not isinstance(element, dict):
                continue
            inner: dict[str, Any] = element["item"] if isinstance(element.get("item"), dict) else {}
            name = text_value(element.get("name") or inner.get("name"))
            url = element.get("url") or inner.get("url") or inner.get("@id") or element.get("item")
            if not name and isinstance(url, str):
                headlines = _headlines(page) if headlines is None else headlines
                name = headlines.get(page.absolute(url) or url, "")
            if not name:
                break  # an item the page cannot name: this list is not the article's
            rank = to_int(str(element.get("position", ""))) or n
            items.append(Item(rank, name, -1, 0))
        else:
            if len(items) >= 2:
                items.sort(key=lambda item: item.rank)
                return Candidate("itemlist-jsonld", items, 0.98)  # the page's own statement of its list
    return None


def app_data_years(page: Page) -> dict[str, int]:
    """The year of each title a Next.js page's data holds, by its shown and original name: IMDb's
    charts and lists since 2023 render 25 rows and give the JSON-LD ItemList no years, while ``__NEXT_DATA__``
    holds every title's. A name given two different years is left out."""
    if not page.has('"titleText"'):
        return {}
    script = next_data_script(page)
    try:
        data = json.loads(script.text()) if script is not None else None
    except (json.JSONDecodeError, RecursionError):
        return {}
    years: dict[str, int | None] = {}
    # every title object of IMDb's GraphQL shape (``titleText``, ``releaseYear``)
    for title in _objects(data, lambda value: isinstance(value.get("titleText"), dict)):
        released = title.get("releaseYear")
        year = released.get("year") if isinstance(released, dict) else None
        if not isinstance(year, int):
            continue
        for key in ("titleText", "originalTitleText"):
            named = title.get(key)
            name = named.get("text") if isinstance(named, dict) else None
            if isinstance(name, str) and name:
                known = years.setdefault(name, year)
                if known != year:
                    years[name] = None
    return {name: year for name, year in years.items() if year is not None}


def _rating(value: str, best: str) -> str | None:
    return (f"{value}/{best}" if best else value) or None


def _jsonld_review(page: Page) -> tuple[str | None, str | None]:
    review = first_of_type(page.jsonld, "Review") or {}
    rating = review.get("reviewRating")
    shown = None
    if isinstance(rating, dict) and rating.get("ratingValue") is not None:
        shown = _rating(text_value(rating["ratingValue"]), text_value(rating.get("bestRating")))
    return text_value(review.get("itemReviewed")) or None, shown


def _itemprop(scope: LexborNode, name: str) -> str:
    node = scope.css_first(f"[itemprop={name}]")
    return "" if node is None else clean(node.attributes.get("content") or node_text(node))


def _microdata_review(page: Page) -> tuple[str | None, str | None]:
    """Review microdata (``itemtype=…/Review`` with ``itemprop`` values), as older review sites mark
    it; only the review that holds the page's headline is the page's (a concert page quotes fans')."""
    review = next(
        (
            node
            for node in page.tree.css("[itemscope][itemtype]")
            if _MICRODATA_REVIEW.search(node.attributes.get("itemtype") or "") and node.css_first("h1") is not None
        ),
        None,
    )
    if review is None:
        return None, None
    item = review.css_first("[itemprop=itemReviewed]")
    name = (_itemprop(item, "name") or node_text(item)) if item is not None else ""
    rating = review.css_first("[itemprop=reviewRating]") or review
    return name or None, _rating(_itemprop(rating, "ratingValue"), _itemprop(rating, "bestRating"))


def review_facts(page: Page, title: str | None) -> tuple[str | None, str | None]:
    """A single review's subject and rating: JSON-LD ``Review`` first, then review microdata, else
    "X review" in the title for the subject."""
    name, rating = _jsonld_review(page)
    if name is None and rating is None:
        name, rating = _microdata_review(page)
    if name is None and title:
        match = _REVIEW_TITLE.match(title)
        name = match.group("name") if match else None
    return name, rating
