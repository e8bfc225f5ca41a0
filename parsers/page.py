"""One decoded page, parsed once, shared by detection and every field extractor."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .decode import decode_page
from .jsonld import jsonld_objects


@dataclass(slots=True)
class Page:
    """The page a parser works on: its URL, its text and its one DOM tree.

    ``utf8`` is ``html`` as UTF-8 bytes where the page came as such: lexbor reads
    bytes as they are, while a ``str`` costs it an encode of the whole page.
    """

    html: str
    url: str | None = None
    utf8: bytes | None = None
    tree: LexborHTMLParser = field(init=False)
    _base_url: str | None = field(default=None, init=False)
    _jsonld: list[dict[str, Any]] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.tree = LexborHTMLParser(self.utf8 if self.utf8 is not None else self.html)

    @classmethod
    def from_bytes(cls, data: bytes | str, url: str | None = None, charset: str | None = None) -> Page:
        html, utf8 = decode_page(data, charset)
        return cls(html, url, utf8)

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
        return urljoin(self.base_url or "", href.strip())


def node_matches(node: LexborNode, selector: str) -> bool:
    """Whether ``node`` itself matches ``selector``.

    selectolax's ``css_matches`` also answers True for a match among the node's descendants;
    the node, when it matches, is the first match of its own subtree, so the search stops there.
    """
    found = node.css_first(selector)
    return found is not None and found.mem_id == node.mem_id
