"""One decoded page, parsed once, shared by detection and every field extractor."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from .decode import decode_html
from .jsonld import jsonld_objects


@dataclass(slots=True)
class Page:
    """The page a parser works on: its URL, its text and its one DOM tree."""

    html: str
    url: str | None = None
    tree: LexborHTMLParser = field(init=False)
    base_url: str | None = field(init=False)
    _jsonld: list[dict[str, Any]] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.tree = LexborHTMLParser(self.html)
        base = self.tree.css_first("base[href]")
        self.base_url = urljoin(self.url or "", base.attributes.get("href") or "") if base else self.url

    @classmethod
    def from_bytes(cls, data: bytes | str, url: str | None = None, charset: str | None = None) -> Page:
        return cls(decode_html(data, charset), url)

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
