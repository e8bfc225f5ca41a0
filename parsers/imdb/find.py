"""IMDb's title search, in the three shapes it has answered in: the results in page order.

- ``findlist`` (2008-2020): ``table.findList`` rows, ``td.result_text`` =
  ``<a href="/title/tt…/">Title</a> (I) (1999) (TV Series)``, an aka on its own line.
- ``nextjs`` (2021+): the ``__NEXT_DATA__`` JSON (``titleResults.results``), else the visible
  ``ipc-metadata-list`` items (a page saved without its scripts).
- ``suggestion-json``: ``v3.sg.media-imdb.com/suggestion/x/QUERY.json``, ``{"d": [{id, l, y, q}], "q": …}``.

The query comes from the URL (``q=`` or the suggestion file name), else from the page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from ..detect import imdb_id_in
from ..page import Page
from ..records import SearchPage, SearchResult
from ..text import clean, node_text, strip_quotes

# The labels the result lines and suggestion "q" fields carry → IMDb's titleType (as in title.basics.tsv).
_TYPES = {
    "feature": "movie",
    "movie": "movie",
    "tv series": "tvSeries",
    "tv mini series": "tvMiniSeries",
    "tv mini-series": "tvMiniSeries",
    "tv episode": "tvEpisode",
    "tv movie": "tvMovie",
    "tv special": "tvSpecial",
    "tv short": "tvShort",
    "video": "video",
    "video game": "videoGame",
    "short": "short",
    "podcast series": "podcastSeries",
    "podcast episode": "podcastEpisode",
    "music video": "musicVideo",
}
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)(?:\s*[–-]\s*(?:\d{4})?)?$")
_PARENS = re.compile(r"\(([^()]*)\)")


def title_type(label: Any) -> str | None:
    """ "TV Series" / "tvSeries" / "feature" → "tvSeries" …; None for an absent or unknown label."""
    if not isinstance(label, str) or not label.strip():
        return None
    text = clean(label).lower()
    return _TYPES.get(text) or next((t for t in _TYPES.values() if t.lower() == text), None)


def _year(value: Any) -> int | None:
    if isinstance(value, int):
        return value if 1870 <= value <= 2100 else None
    match = _YEAR.match(clean(value)) if isinstance(value, str) else None
    return int(match.group(1)) if match else None


def _result(imdb_id: Any, title: Any, year: Any, kind: Any) -> SearchResult | None:
    """One result, or None for an item that is no title (a name, a company) or has no text."""
    if not isinstance(imdb_id, str) or not re.fullmatch(r"tt\d{7,10}", imdb_id):
        return None
    text = clean(title) if isinstance(title, str) else ""
    return SearchResult(imdb_id, text, _year(year), title_type(kind)) if text else None


def _dedupe(results: list[SearchResult | None]) -> tuple[SearchResult, ...]:
    seen: set[str] = set()
    kept = []
    for result in results:
        if result is not None and result.imdb_id not in seen:
            seen.add(result.imdb_id)
            kept.append(result)
    return tuple(kept)


# ---------------------------------------------------------------- findlist (2008-2020)


def _findlist_result(cell: Any, page: Page) -> SearchResult | None:
    # A result is what its first link names: a name's result links the title it is known for after it
    # ("Celeste Star (Actress, <a href=/title/…>Hearts & Minds 2</a> (2008))"), which is no title result.
    link = cell.css_first("a[href]")
    if link is None or "/title/tt" not in (link.attributes.get("href") or ""):
        return None
    # The line after the link, up to the aka or series line: "(I) (2004) (TV Movie)".
    line = clean((cell.html or "").split("</a>", 1)[-1].split("<br", 1)[0])
    year, kind = None, None
    for part in _PARENS.findall(line):
        if year is None and _year(part):
            year = part
        elif title_type(part):
            kind = part
    return _result(imdb_id_in(page.absolute(link.attributes.get("href"))), node_text(link), year, kind)


def _parse_findlist(page: Page) -> tuple[SearchResult, ...]:
    return _dedupe([_findlist_result(cell, page) for cell in page.tree.css("table.findList td.result_text")])


# ---------------------------------------------------------------- nextjs (2021+)


def _next_data(page: Page) -> dict[str, Any]:
    node = page.tree.css_first("script#__NEXT_DATA__")
    try:
        data = json.loads(node.text()) if node is not None else {}
    except (json.JSONDecodeError, RecursionError):  # broken, or nested too deep for the decoder
        return {}
    props = data.get("props", {}).get("pageProps", {}) if isinstance(data, dict) else {}
    return props if isinstance(props, dict) else {}


def _next_item(item: Any) -> SearchResult | None:
    if not isinstance(item, dict):
        return None
    # 2021-23: {id, titleNameText, titleReleaseText, titleTypeText ("" for a feature), imageType}
    return _result(
        item.get("id"),
        item.get("titleNameText"),
        item.get("titleReleaseText"),
        item.get("titleTypeText") or item.get("imageType"),
    )


def _visible_item(item: Any, page: Page) -> SearchResult | None:
    link = item.css_first('a[href*="/title/tt"]')
    if link is None:
        return None
    labels = [node_text(label) for label in item.css(".ipc-metadata-list-summary-item__tl li")]
    year = next((label for label in labels if _year(label)), None)
    kind = next((label for label in labels if title_type(label)), None)
    return _result(imdb_id_in(page.absolute(link.attributes.get("href"))), node_text(link), year, kind)


def _parse_nextjs(page: Page) -> tuple[SearchResult, ...]:
    results = _next_data(page).get("titleResults", {})
    items = results.get("results") if isinstance(results, dict) else None
    if isinstance(items, list) and items:
        return _dedupe([_next_item(item) for item in items])
    section = page.tree.css_first('[data-testid="find-results-section-title"]') or page.tree.root
    if section is None:
        return ()
    return _dedupe([_visible_item(item, page) for item in section.css("li.ipc-metadata-list-summary-item")])


# ---------------------------------------------------------------- suggestion JSON


def _suggestion(text: str) -> tuple[dict[str, Any], tuple[SearchResult, ...]] | None:
    """The suggestion document and its title results; None when the text is no such JSON."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError):  # broken, or nested too deep for the decoder
        return None
    if not isinstance(data, dict) or not isinstance(data.get("d"), list):
        return None
    return data, _dedupe(
        [
            _result(d.get("id"), d.get("l"), d.get("y"), d.get("qid") or d.get("q"))
            for d in data["d"]
            if isinstance(d, dict)
        ]
    )


# ---------------------------------------------------------------- the query


def _query_from_url(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url)
    if values := parse_qs(parts.query).get("q"):
        return clean(values[0]) or None
    if "/suggestion/" in parts.path and parts.path.endswith(".json"):
        return clean(unquote(parts.path.rsplit("/", 1)[-1][: -len(".json")]).replace("_", " ")) or None
    return None


def _query_from_page(page: Page) -> str | None:
    meta = _next_data(page).get("findPageMeta")
    if isinstance(meta, dict) and isinstance(meta.get("searchTerm"), str):
        return clean(meta["searchTerm"]) or None
    term = page.tree.css_first(".findSearchTerm")
    if term is not None:
        return strip_quotes(node_text(term)) or None
    box = page.tree.css_first('input[name="q"]')
    return clean(box.attributes.get("value")) or None if box is not None else None


_LAYOUTS: tuple[tuple[str, str, Callable[[Page], tuple[SearchResult, ...]]], ...] = (
    ("nextjs", "script#__NEXT_DATA__, li.ipc-metadata-list-summary-item", _parse_nextjs),
    ("findlist", "table.findList", _parse_findlist),
)


def parse_search(page: Page) -> SearchPage:
    """The search page's title results in order; ``layout: "unknown"`` and no results when no layout matched."""
    if page.html.lstrip().startswith("{"):
        suggestion = _suggestion(page.html)
        if suggestion is not None:
            data, results = suggestion
            query = _query_from_url(page.url) or (clean(unquote(data["q"])) if isinstance(data.get("q"), str) else None)
            return SearchPage(url=page.url, layout="suggestion-json", query=query, results=results)
    for layout, selector, parse in _LAYOUTS:
        if page.tree.css_first(selector) is not None:
            return SearchPage(
                url=page.url,
                layout=layout,
                query=_query_from_url(page.url) or _query_from_page(page),
                results=parse(page),
            )
    return SearchPage(url=page.url, layout="unknown", query=_query_from_url(page.url) or _query_from_page(page))
