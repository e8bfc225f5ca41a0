"""Which kind of page is this? From the URL first, then from what the page says of itself."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from .errors import UnknownPage
from .jsonld import types_of
from .page import Page
from .text import clean, without_kind
from .visible import has_film_facts_box, header_facts, labels_one_film

IMDB_TITLE_PATH = re.compile(r"/title/(tt\d{7,10})(?:/([A-Za-z_-]+))?")
# Sub-page path → record kind. Views of the title page itself map to "title".
SUBPATH_KINDS = {
    "": "title",
    "combined": "title",
    "reference": "title",
    "maindetails": "title",
    "releaseinfo": "releaseinfo",
    "companycredits": "companycredits",
    "keywords": "keywords",
    "movieconnections": "connections",
    "plotsummary": "plotsummary",
    "synopsis": "plotsummary",
    "fullcredits": "fullcredits",
}
SEARCH_PATH = re.compile(r"^/find/?$")  # IMDb's title search: /find?q=… (2008-2020), /find/?q=… (2021+)
# Words of the <title> element of each sub-page, over the layouts and languages seen.
_TITLE_WORDS = (
    ("releaseinfo", re.compile(r"release (info|dates)", re.I)),
    ("companycredits", re.compile(r"company credits", re.I)),
    ("keywords", re.compile(r"(plot )?keywords", re.I)),
    ("connections", re.compile(r"connections", re.I)),
    ("plotsummary", re.compile(r"plot summary|synopsis", re.I)),
    ("fullcredits", re.compile(r"full cast", re.I)),
)
FILM_TYPES = {"Movie", "TVSeries", "TVMiniSeries", "TVEpisode", "TVMovie"}
# One film's (or show's) page on the film sites people cite, by its address: routed before any markup is read.
_FILM_PAGE_URL = re.compile(
    r"""rottentomatoes\.com/(?:m|tv)/[^/?#]+/?(?:[?#]|$)
    | letterboxd\.com/film/[^/?#]+/?(?:[?#]|$)
    | themoviedb\.org/(?:movie|tv)/\d+[^/?#]*/?(?:[?#]|$)
    | metacritic\.com/(?:movie|tv)/[^/?#]+/?(?:[?#]|$)
    | allocine\.fr/(?:film/fichefilm_gen_cfilm=|series/ficheserie_gen_cserie=)\d+
    | movie\.douban\.com/subject/\d+/?(?:[?#]|$)
    | kinopoisk\.ru/(?:film|series)/\d+/?(?:[?#]|$)
    | filmaffinity\.com/\w+/film\d+\.html
    | mubi\.com/(?:\w\w/)?films/[^/?#]+/?(?:[?#]|$)
    | trakt\.tv/(?:movies|shows)/[^/?#]+/?(?:[?#]|$)""",
    re.X,
)
# A page that calls itself a film: Open Graph's video types, schema.org microdata.
FILM_ITEMS = ", ".join(f'[itemscope][itemtype$="schema.org/{kind}"]' for kind in sorted(FILM_TYPES))
_MARKED_LIST = 3
_FACTS_BESIDE_NO_LIST = 2  # a show's page labels its genre and premiere, and little more
_FILM_MARKS = (
    'meta[property="og:type"][content^="video.movie"], meta[property="og:type"][content^="video.tv_show"], '
    + FILM_ITEMS
)


def imdb_id_in(url: str | None) -> str | None:
    match = IMDB_TITLE_PATH.search(urlsplit(url).path) if url else None
    return match.group(1) if match else None


def is_imdb_url(url: str | None) -> bool:
    """Whether ``url`` is on one of IMDb's hosts (www., m., the old national imdb.de, imdb.fr …)."""
    host = (urlsplit(url).hostname or "") if url else ""
    return host == "imdb.com" or host.startswith("imdb.") or ".imdb." in f".{host}"


def kind_from_url(url: str | None) -> str | None:
    """ "…/title/tt0979924/releaseinfo" → "releaseinfo", "…/find/?q=…" → "search"; None for other URLs."""
    if not url:
        return None
    match = IMDB_TITLE_PATH.search(urlsplit(url).path)
    if not match:
        return "search" if SEARCH_PATH.match(urlsplit(url).path) else None
    sub = (match.group(2) or "").lower()
    if sub not in SUBPATH_KINDS:
        raise UnknownPage(f"a '{sub}' sub-page of {match.group(1)}: not a kind cinescrape parses")
    return SUBPATH_KINDS[sub]


# Pages whose main content is a ranked list of films: IMDb charts, user lists, a user's ratings and watchlist,
# title searches and the release calendar, Letterboxd lists,
# Box Office Mojo charts, Rotten Tomatoes guides. They go to the review (list) parser whatever the page says.
_LIST_URL = re.compile(
    r"imdb\.[a-z.]+/(?:[a-z]{2}/)?(?:chart/|(?:list|streaming)/ls\d|user/ur\d+/(?:ratings|watchlist)|india/top"
    r"|search/title|calendar)|letterboxd\.com/[^/]+/list/"
    # Box Office Mojo's charts, not its pages of one film ("/movies/?id=…" until 2019, "/title/tt…", "/release/rl…")
    r"|boxofficemojo\.com/(?!movies/\?id=|title/|release/)"
    r"|editorial\.rottentomatoes\.com/guide/|rottentomatoes\.com/top/"
    # Douban's and Kinopoisk's charts, top lists, users' lists and release calendars
    r"|movie\.douban\.com/(?:top250|chart|cinema/(?:later|nowplaying))|douban\.com/doulist/\d"
    r"|kinopoisk\.ru/(?:top/|lists/|premiere/|popular/)",
    re.I,
)


def is_list_url(url: str | None) -> bool:
    return bool(url and _LIST_URL.search(url))


def canonical_url(page: Page) -> str | None:
    for selector in ('link[rel="canonical"]', 'meta[property="og:url"]'):
        node = page.tree.css_first(selector)
        if node is not None:
            value = node.attributes.get("href") or node.attributes.get("content")
            if value:
                return page.absolute(value)
    return None


def looks_like_imdb(page: Page) -> bool:
    """Whether the page says it is IMDb's: "… - IMDb" as its title near the top, else its ``<title>`` wherever the
    head puts it (a saved page may carry 100 kB of styles before it), else an IMDb canonical link on a page that
    names IMDb. Not ``__NEXT_DATA__`` alone: every Next.js site has it (a shop's product page, a blog)."""
    head = page.head(20000)
    if "- IMDb</title>" in head:
        return True
    title = page.tree.head.css_first("title") if page.tree.head is not None else None
    if title is not None and clean(title.text()).endswith(("- IMDb", "- IMDb Pro")):
        return True
    return "IMDb" in head and imdb_id_in(canonical_url(page)) is not None


def _marked_films(page: Page) -> int:
    """How many films the page marks as schema.org items of its own: JSON-LD objects, and microdata items
    not inside another film's (a film's own page nests its episodes or its sequel in its item)."""
    found = sum(1 for obj in page.jsonld if types_of(obj) & FILM_TYPES)
    for item in page.tree.css(FILM_ITEMS):
        parent = item.parent
        while parent is not None and not film_item(parent):
            parent = parent.parent
        found += parent is None
    return found


def film_item(node: LexborNode) -> bool:
    """``node`` is a schema.org film or show item (microdata)."""
    attributes = node.attributes
    return "itemscope" in attributes and (attributes.get("itemtype") or "").rsplit("/", 1)[-1] in FILM_TYPES


def film_page_unless_a_list(page: Page) -> bool:
    """Whether a page detection sends to the list reader is a film's page where that reader finds no list: it
    labels two of one film's facts once each (TV.com's show page: "Genre", "Premiered"), too few to tell it from
    an article with a facts box before its list is sought. Read before the list reader strips the page."""
    return not is_list_url(page.url) and (
        labels_one_film(page, fewest=_FACTS_BESIDE_NO_LIST) or _heading_names_a_kind(page)
    )


def _heading_names_a_kind(page: Page) -> bool:
    """The page's heading names a work with its kind in brackets, as a database's page of one work does: "Somali
    and the Forest Spirit (TV)", "Akira (movie)"."""
    heading = page.tree.css_first("h1")
    text = clean(heading.text()) if heading is not None else ""
    return bool(text) and without_kind(text) != text


def detect_kind(page: Page) -> str:
    """The page kind for ``parse(kind="auto")``; raises UnknownPage for documents that are no page."""
    if kind := kind_from_url(page.url):
        return kind
    if is_list_url(page.url):
        return "review"
    if page.url and _FILM_PAGE_URL.search(page.url):
        return "title"
    if looks_like_imdb(page):
        if is_list_url(canonical_url(page)):
            return "review"
        if kind := kind_from_url(canonical_url(page)):
            return kind
        title_node = page.tree.css_first("title")
        heading = clean(title_node.text()) if title_node is not None else ""
        for kind, pattern in _TITLE_WORDS:
            if pattern.search(heading):
                return kind
        return "title"
    marked = _marked_films(page)
    if marked >= _MARKED_LIST:  # a page marking many films (showtimes by film, a catalogue) lists them
        return "review"
    if marked or page.tree.css_first(_FILM_MARKS) is not None:
        return "title"
    if has_film_facts_box(page) or labels_one_film(page) or header_facts(page):
        return "title"
    if page.tree.body is None or not clean(page.tree.body.text(deep=True))[:1]:
        raise UnknownPage("the page has no visible text")
    return "review"
