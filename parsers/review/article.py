"""The article's own metadata: JSON-LD first, then OpenGraph and meta tags, then visible markup.

Each field is a cascade of sources, tried in order; the first non-empty value wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from ..dates import names_a_month, parse_date
from ..jsonld import first_of_type, text_value
from ..page import TITLE_PARTS, Page, node_matches, site_host, spells_the_host
from ..text import clean, node_text

ARTICLE_TYPES = ("Article", "NewsArticle", "BlogPosting", "Report", "MedicalWebPage", "WebPage", "CollectionPage")
# A date as a folder path: "/2013/02/08/", "/2016/12/15/amazon-alexa-gadgets" (not an id's digits, "/20130208/").
_DATED_PATH = re.compile(r"/((?:19|20)\d\d)([/-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?=/|$)")
# A byline's words before the name: "By", "By:", "Written by", "Posted by", in the languages bylines are read in.
_LEAD_IN = re.compile(
    r"^\s*(?:(?:written|posted|words|story|text|reported)\s+)?(?:by|von|par|por|di|door|av|przez|автор|author)\b\s*:?\s*",
    re.I,
)
# What a byline prints after the name: a date or time, after a separator or "on" ("• 8h", "| Posted on 23 10 2022",
# "on November 8, 2012", "11 February 2020").
_AFTER_THE_NAME = re.compile(r"\s*[|•·]\s*(?=[^|•·]*\d).*$|\s+on\s+(?=(?:[^\W\d_]+\.?\s+)?\d).*$|\s+(?=\d).*$")
# A date's year, a time of day or an age ("8h", "3 days ago"): what makes the words after a name a dateline.
_WHEN = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}:\d\d\b|\b\d+\s?(?:h|hrs?|hours?|d|days?|min|mins|minutes)\b", re.I)
_MAX_NAME_WORDS = 6
# Class or id words of an <h1> that holds the site's name on every page (older blog themes draw the logo so): no
# headline.
_SITE_HEADING = re.compile(r"(?:^|[-_\s])(?:logo|site-?title|site-?name|blog-?title|brand|masthead)(?=$|[-_\s])", re.I)
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


def _dated_item(page: Page) -> dict[str, Any]:
    """The page's schema.org article, or for its dates any item with a headline: Empire types its features
    ``"feature"``, no schema.org type (its headline "false", its author the site), but their dates are right. A
    film's item, which has no headline, dates the film, not the page."""
    return article_object(page) or next((o for o in page.jsonld if o.get("headline")), {})


def _visible_title(page: Page) -> str:
    """The page's headline as it shows it. Where several <h1>s agree with the titles the page gives itself (a site's
    logo or an advert may be an <h1> too: "Letterboxd — Your life in film"), the longest of those; else the first
    <h1> inside <article>, of an entry title or a headline, else the first <h1>, that is not the site's name."""
    headings = [(node, text) for node in page.tree.css("h1") if (text := node_text(node))]
    site = _site(page).casefold()
    named = [(node, text) for node, text in headings if text.casefold() != site and not _names_the_site(node)]
    claimed = [_plain(title) for title in _claimed_titles(page)]
    agreeing = [text for _, text in named if any(_plain(text) in title for title in claimed)]
    if agreeing:
        return max(agreeing, key=len)
    for selector in ("article h1", "h1.entry-title", "h1[itemprop=headline]", "h1"):
        for node, text in named:
            if node_matches(node, selector):
                return text
    return ""


def _names_the_site(heading: LexborNode) -> bool:
    """The <h1> is the site's logo or name by its class or id ("logo-text", "site-title")."""
    attributes = heading.attributes
    return _SITE_HEADING.search(f"{attributes.get('class') or ''} {attributes.get('id') or ''}") is not None


def _claimed_titles(page: Page) -> list[str]:
    """The titles the page gives itself in its markup: JSON-LD headline, OpenGraph and Twitter titles, <title>."""
    found = [text_value(article_object(page).get("headline")), meta(page, "og:title"), meta(page, "twitter:title")]
    return [title for title in (*found, node_text(page.tree.css_first("title"))) if title]


def _plain(text: str) -> str:
    return " ".join(text.replace("\u200e", "").casefold().split())


def _site(page: Page) -> str:
    """The site's name: its own (og:site_name), the part of it or of the page's <title> that spells the address's
    name ("Raw Story - Celebrating 18 Years of …", "Best Movies of 2023 | Rotten Tomatoes" on
    editorial.rottentomatoes.com), the article's publisher, else the host."""
    host = site_host(page.url)
    named = meta(page, "og:site_name", "application-name")
    if named:
        return _spelling_the_host(named, host) or named
    title = node_text(page.tree.css_first("title"))
    if titled := _spelling_the_host(title, host):
        return titled
    obj = article_object(page)
    publisher = text_value(obj.get("publisher")) if obj else ""
    return publisher or host


def _spelling_the_host(text: str, host: str) -> str:
    """The part of ``text`` between separators ("|", " - ", "–", "·", "»") whose letters and digits are a label of
    ``host`` ("Teen Vogue" of teenvogue.com, "The A.V. Club" of avclub.com), or "" where none is (a <title> with one
    part is the page's, not the site's)."""
    parts = [part.strip() for part in TITLE_PARTS.split(text)]
    return next((part for part in parts if spells_the_host(part, host)), "") if len(parts) > 1 else ""


def _author(page: Page, site: str) -> str:
    """The article's author by its item, its meta tags or its byline, each read as a byline (``site``: the site's
    name, which a byline may print after the author's)."""
    obj = article_object(page)
    if obj.get("author"):
        names = obj["author"] if isinstance(obj["author"], list) else [obj["author"]]
        joined = ", ".join(v for v in (_byline_name(text_value(n), site) for n in names) if v)
        if joined and "://" not in joined:
            return joined
    from_meta = _byline_name(meta(page, "author", "article:author", "sailthru.author", "parsely-author"), site)
    if from_meta and "://" not in from_meta:
        return from_meta
    shown = _byline_name(node_text(page.tree.css_first(_BYLINE)), site)
    return shown if 0 < len(shown) <= 80 and _names_someone(shown) else ""


def _byline_name(text: str, site: str) -> str:
    """A byline's name without its lead-in ("By: ", "Von ", "Written by "), the date or time after it ("Luke Kemp
    11 February 2020", "Roger Ebert on November 8, 2012 11:04 PM", "Team Empire | Posted on 23 10 2022", "James
    Akinaka • 8h") or the site's name after a comma ("Rob Picheta, CNN")."""
    text = _LEAD_IN.sub("", text)
    after = _AFTER_THE_NAME.search(text)
    if after and _WHEN.search(after.group(0)):  # not "IMDb Top 250 as rated by …": no name, whatever comes before
        text = text[: after.start()]
    name, comma, rest = text.rpartition(",")
    if comma and site and rest.strip().casefold().removeprefix("the ") == site.casefold().removeprefix("the "):
        text = name
    return text.strip(" ,|•·-–—")


def _names_someone(text: str) -> bool:
    """A name as a byline prints it: a few words, most of them capitalised, no digit nor a sentence's full stop
    ("IMDb Top 250 as rated by regular IMDb voters." is a chart's subtitle in its byline's place)."""
    words = text.split()
    if not words or len(words) > _MAX_NAME_WORDS or text.endswith(".") or any(c.isdigit() for c in text):
        return False
    if names_a_month(words[0]):  # a dateline's month ("Mar 8, 10:00"), its numbers cut as a date's
        return False
    lettered = [word for word in words if word[0].isalpha()]
    return not lettered or sum(not word[0].islower() for word in lettered) * 2 > len(lettered)


def _date(page: Page, jsonld_key: str, meta_names: tuple[str, ...], visible: bool) -> str | None:
    """The first day-exact date of the item, the meta tags, and with ``visible`` the page's ``<time>``s and then
    its address's (a blog's or a news site's "/2013/02/08/stand-up-guys/", a chart's "/date/2019-04-26/")."""
    candidates = [text_value(_dated_item(page).get(jsonld_key)), meta(page, *meta_names)]
    if visible:
        for node in page.tree.css("time[datetime], abbr.published[title], time"):
            candidates.append(node.attributes.get("datetime") or node.attributes.get("title") or node_text(node))
    for raw in candidates:
        parsed = parse_date(raw[:10] if raw[:4].isdigit() else raw) if raw else None
        if parsed and parsed[1] == "day":
            return parsed[0]
    if visible:
        for address in (page.url, _canonical(page)):
            dated = _DATED_PATH.search(urlsplit(address or "").path)
            if dated and (parsed := parse_date("-".join(dated.group(1, 3, 4)))) and parsed[1] == "day":
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
    site = _site(page)
    return {
        "title": article_title(page) or None,
        "site": site or None,
        "author": _author(page, site) or None,
        "published": _date(page, "datePublished", ("article:published_time", "date", "sailthru.date", "pubdate"), True),
        "modified": _date(page, "dateModified", ("article:modified_time", "og:updated_time"), False),
        "canonical_url": _canonical(page),
        "language": _language(page),
    }
