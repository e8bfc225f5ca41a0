"""The article's own metadata: JSON-LD first, then OpenGraph and meta tags, then visible markup.

Each field is a cascade of sources, tried in order; the first non-empty value wins.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from ..dates import parse_date
from ..jsonld import first_of_type, text_value
from ..page import Page, node_matches
from ..text import clean, node_text

ARTICLE_TYPES = ("Article", "NewsArticle", "BlogPosting", "Report", "MedicalWebPage", "WebPage", "CollectionPage")
_BYLINE = "[rel=author], .byline, .author-name, .author, [itemprop=author], .entry-author, .post-author"


def _meta_table(page: Page) -> dict[str, list[str]]:
    """Every meta tag's non-empty values by name (``property=``, ``name=`` and ``itemprop=`` alike), in page
    order, read in one pass and kept for the page's tree: each field asks for several names, and a
    selector per name and attribute walked the whole document each time."""
    if not _TABLE or _TABLE[0][0] is not page.tree:
        table: dict[str, list[str]] = {}
        for node in page.tree.css("meta"):
            attributes = node.attributes
            value = clean(attributes.get("content") or attributes.get("value"))
            for key in ("property", "name", "itemprop"):
                if (name := attributes.get(key)) and value:
                    table.setdefault(name, []).append(value)
        _TABLE[:] = [(page.tree, table)]
    return _TABLE[0][1]


_TABLE: list[tuple[object, dict[str, list[str]]]] = []  # the last page's tree and its table


def meta(page: Page, *names: str) -> str:
    """The first non-empty meta tag among ``names`` (property= or name=; content= or value=)."""
    table = _meta_table(page)
    return next((table[name][0] for name in names if name in table), "")


def article_object(page: Page) -> dict[str, Any]:
    return first_of_type(page.jsonld, *ARTICLE_TYPES) or {}


def _visible_title(page: Page) -> str:
    """The page's headline as it shows it. Where several <h1>s agree with the titles the page gives itself (a site's
    logo or an advert may be an <h1> too: "Letterboxd — Your life in film"), the longest of those; else the first
    <h1> inside <article>, of an entry title or a headline, else the first <h1>, that is not the site's name."""
    headings = [(node, text) for node in page.tree.css("h1") if (text := node_text(node))]
    site = _site(page).casefold()
    named = [(node, text) for node, text in headings if text.casefold() != site]
    claimed = [_plain(title) for title in _claimed_titles(page)]
    agreeing = [text for _, text in named if any(_plain(text) in title for title in claimed)]
    if agreeing:
        return max(agreeing, key=len)
    for selector in ("article h1", "h1.entry-title", "h1[itemprop=headline]", "h1"):
        for node, text in named:
            if node_matches(node, selector):
                return text
    return ""


def _claimed_titles(page: Page) -> list[str]:
    """The titles the page gives itself in its markup: JSON-LD headline, OpenGraph and Twitter titles, <title>."""
    found = [text_value(article_object(page).get("headline")), meta(page, "og:title"), meta(page, "twitter:title")]
    return [title for title in (*found, node_text(page.tree.css_first("title"))) if title]


def _plain(text: str) -> str:
    return " ".join(text.replace("\u200e", "").casefold().split())


def _site(page: Page) -> str:
    obj = article_object(page)
    publisher = text_value(obj.get("publisher")) if obj else ""
    return meta(page, "og:site_name", "application-name") or publisher or _host(page.url)


def _host(url: str | None) -> str:
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.")


def _author(page: Page) -> str:
    obj = article_object(page)
    if obj.get("author"):
        names = obj["author"] if isinstance(obj["author"], list) else [obj["author"]]
        joined = ", ".join(v for v in (text_value(n) for n in names) if v)
        if joined and "://" not in joined:
            return joined
    from_meta = meta(page, "author", "article:author", "sailthru.author", "parsely-author")
    if from_meta and "://" not in from_meta:
        return from_meta
    node = page.tree.css_first(_BYLINE)
    text = node_text(node).removeprefix("By ").removeprefix("by ")
    return text if 0 < len(text) <= 80 else ""


def _date(page: Page, jsonld_key: str, meta_names: tuple[str, ...], visible: bool) -> str | None:
    candidates = [text_value(article_object(page).get(jsonld_key)), meta(page, *meta_names)]
    if visible:
        for node in page.tree.css("time[datetime], abbr.published[title], time"):
            candidates.append(node.attributes.get("datetime") or node.attributes.get("title") or node_text(node))
    for raw in candidates:
        parsed = parse_date(raw[:10] if raw[:4].isdigit() else raw) if raw else None
        if parsed and parsed[1] == "day":
            return parsed[0]
    return None


def _canonical(page: Page) -> str | None:
    node = page.tree.css_first('link[rel="canonical"]')
    href = node.attributes.get("href") if node is not None else None
    return page.absolute(href or meta(page, "og:url")) or page.url


def _language(page: Page) -> str | None:
    html = page.tree.css_first("html")
    lang = (html.attributes.get("lang") if html is not None else None) or meta(page, "og:locale", "language")
    return lang.replace("_", "-").split("-")[0].lower() if lang else None


_TITLE_SOURCES: tuple[Callable[[Page], str], ...] = (
    _visible_title,
    lambda page: text_value(article_object(page).get("headline")),
    lambda page: meta(page, "og:title", "twitter:title"),
    lambda page: node_text(page.tree.css_first("title")),
)


def article_title(page: Page) -> str:
    return next((title for source in _TITLE_SOURCES if (title := source(page))), "")


def page_titles(page: Page) -> list[str]:
    """Every title the page gives itself (for the promised count): headline, og:title, <title>."""
    return [title for source in _TITLE_SOURCES if (title := source(page))]


def article_fields(page: Page) -> dict[str, str | None]:
    return {
        "title": article_title(page) or None,
        "site": _site(page) or None,
        "author": _author(page) or None,
        "published": _date(page, "datePublished", ("article:published_time", "date", "sailthru.date", "pubdate"), True),
        "modified": _date(page, "dateModified", ("article:modified_time", "og:updated_time"), False),
        "canonical_url": _canonical(page),
        "language": _language(page),
    }
