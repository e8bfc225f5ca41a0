"""One decoded page, parsed once, shared by detection and every field extractor."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from functools import lru_cache, wraps
from itertools import permutations
from typing import Any, TypeVar, cast
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .copies import as_original
from .decode import decode_page
from .jsonld import jsonld_objects
from .limits import cap_markup
from .text import letters

_UTF8_DECODER = codecs.getincrementaldecoder("utf-8")
# Elements that show a picture: an AMP page (the form news sites serve to phones and search caches) writes every
# <img> as <amp-img>, with the same alt and title.
PICTURE_TAGS = frozenset({"img", "amp-img"})
PICTURES = "img, amp-img"


class Page:
    """The page a parser works on: its URL, its text and its one DOM tree.

    The text is held as the page came: a ``str``, or (the common page) its UTF-8 bytes, which
    lexbor reads as they are where a ``str`` costs it an encode of the whole page. Each form is
    made from the other only when a parser asks for it (``html``, ``utf8``).
    """

    __slots__ = ("_base_url", "_html", "_jsonld", "_read", "_utf8", "tree", "url")

    def __init__(self, text: str | bytes, url: str | None = None) -> None:
        """``text``: the page's text, or that text as UTF-8 bytes (``from_bytes`` checks them); a web archive's
        capture is read as the page it archived."""
        text, url = as_original(text, url)
        self.url = url
        self._html = text if isinstance(text, str) else None
        self._utf8 = text if isinstance(text, bytes) else None
        self.tree = LexborHTMLParser(cap_markup(text))  # lexbor is quadratic in depth and attributes: capped
        self._base_url: str | None = None
        self._jsonld: list[dict[str, Any]] | None = None
        self._read: dict[Callable[[Page], Any], Any] = {}  # see read_once

    @classmethod
    def from_bytes(cls, data: bytes | str, url: str | None = None, charset: str | None = None) -> Page:
        return cls(decode_page(data, charset), url)

    @property
    def html(self) -> str:
        if self._html is None:
            self._html = (self._utf8 or b"").decode("utf-8")
        return self._html

    @property
    def utf8(self) -> bytes:
        if self._utf8 is None:
            self._utf8 = (self._html or "").encode("utf-8")
        return self._utf8

    def has(self, marker: str) -> bool:
        """Whether the page's text holds ``marker`` (ASCII), searched in whichever form the page is held."""
        return marker in self._html if self._html is not None else marker.encode() in self.utf8

    def head(self, size: int) -> str:
        """The first ``size`` characters of the text, without decoding the rest."""
        if self._html is not None:
            return self._html[:size]
        data, decoder, text, at = self.utf8, _UTF8_DECODER(), "", 0
        while len(text) < size and at < len(data):
            # n bytes make at most n characters: never decodes more than a few bytes past the head
            missing = size - len(text)
            text += decoder.decode(data[at : at + missing])
            at += missing
        return text

    @property
    def base_url(self) -> str | None:
        """The URL links resolve against: ``<base href>`` in ``<head>``, else the page's; read on first use.

        ``<base>`` belongs in ``<head>`` (HTML standard) and every page seen keeps it there; looking
        through ``<body>`` as well costs a walk of every node, a fifth of the parse of a 1 MB page.
        """
        if self._base_url is None:
            head = self.tree.head
            base = head.css_first("base[href]") if head is not None else None
            self._base_url = urljoin(self.url or "", base.attributes.get("href") or "") if base else self.url or ""
        return self._base_url or None

    @property
    def jsonld(self) -> list[dict[str, Any]]:
        if self._jsonld is None:
            self._jsonld = jsonld_objects(self.tree)
        return self._jsonld

    def absolute(self, href: str | None) -> str | None:
        """A link resolved against the page URL (or ``<base href>``); None for empty or script links."""
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            return None
        try:
            return join_url(self.base_url or "", href.strip())
        except ValueError:  # a damaged link ("http://[::1/x"): no URL, rather than no page
            return None


_Reading = TypeVar("_Reading")


def read_once(reading: Callable[[Page], _Reading]) -> Callable[[Page], _Reading]:
    """``reading``, computed once per page: detection and a parser ask for the same reading (a film's header, a
    running time the page prints alone). Only for readings of the tree as parsed: the review parser strips its
    furniture, and a reading kept from before would not see that."""

    @wraps(reading)
    def once(page: Page) -> _Reading:
        if reading not in page._read:
            page._read[reading] = reading(page)
        return cast(_Reading, page._read[reading])

    return once


_WEB_ORIGIN = re.compile(r"(https?)://([A-Za-z0-9.:@_-]*)(?=[/?#]|$)")
_PLAIN_PATH = re.compile(r"/(?!/)[^;\t\r\n]*")
# A web URL urljoin would give back as it is (nothing for its parse to drop, lower or check).
_PLAIN_URL = re.compile(r"https?://[A-Za-z0-9.:@_-]+(?:/[^;\t\r\n?#]*)?(?:\?[^\t\r\n#]+)?(?:#[^\t\r\n]+)?")


@lru_cache(maxsize=64)
def _origin(base: str) -> str | None:
    """ "https://www.imdb.com/title/tt0133093/" → "https://www.imdb.com"; None for any other kind of base."""
    match = _WEB_ORIGIN.match(base)
    return f"{match.group(1)}://{match.group(2)}" if match else None


def site_host(url: str | None) -> str:
    """The address's host without "www." ("" for a relative address or none): the site a page or a link is on."""
    return (urlsplit(url or "").hostname or "").removeprefix("www.")


# What sets a <title>'s parts apart (the page's, its tab's, its site's): a spaced dash, bar, bullet, colon, guillemet or
# ">", or a bar, "::", a guillemet or a middle dot whatever the spaces.
TITLE_PARTS = re.compile(r"\s+[|•·:»–—>-]\s+|\s*(?:\||::|»|·)\s*")


def spells_the_host(text: str, host: str) -> bool:
    """Whether ``text``'s letters and digits spell ``host`` or a name in it ("Teen Vogue" of teenvogue.com, "The
    A.V. Club" of avclub.com, "ČSFD.cz" of csfd.cz, "Anime-Planet" of anime-planet.com, "Yahoo! Movies" of
    movies.yahoo.com): the site's name, not a page's."""
    labels = [letters(label) for label in host.split(".")]
    names = {label for label in labels if len(label) > 2} | {"".join(labels), "".join(labels[:-1])}
    names |= {first + second for first, second in permutations(labels[:-1], 2)}
    spelt = letters(text)
    return spelt in names or spelt.removeprefix("the") in names


def join_url(base: str, href: str) -> str:
    """``urljoin(base, href)``, without its two URL parses for the common links: a plain web URL, which
    it gives back as it is, and a path from the root ("/title/tt0133093/releaseinfo?ref_=tt_dt") under
    a web page, which joins to the page's origin and itself (urljoin drops an empty query or fragment
    and resolves "." segments: those go to it)."""
    if _PLAIN_URL.fullmatch(href):
        return href
    origin = _origin(base) if base else None
    if origin is None or not _PLAIN_PATH.fullmatch(href) or "/." in href.partition("?")[0].partition("#")[0]:
        return urljoin(base, href)
    rest, hash_mark, fragment = href.partition("#")
    path, question_mark, query = rest.partition("?")
    return origin + path + (question_mark + query if query else "") + (hash_mark + fragment if fragment else "")


def node_matches(node: LexborNode, selector: str) -> bool:
    """Whether ``node`` itself matches ``selector``.

    selectolax's ``css_matches`` also answers True for a match among the node's descendants;
    the node, when it matches, is the first match of its own subtree, so the search stops there.
    """
    found = node.css_first(selector)
    return found is not None and found.mem_id == node.mem_id
