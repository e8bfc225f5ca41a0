"""Links of an entry: where to watch it (provider, action) and the film's own page."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..records import WatchLink

# Provider → words of its link text and parts of its host name.
PROVIDERS: dict[str, tuple[str, ...]] = {
    "amazon": ("amazon", "prime video", "amzn"),
    "netflix": ("netflix",),
    "hulu": ("hulu",),
    "apple": ("apple tv", "itunes", "tv.apple", "apple"),
    "youtube": ("youtube", "youtu.be"),
    "disney": ("disney+", "disneyplus", "disney plus"),
    "max": ("hbo max", "hbomax", "max.com", "hbo"),
    "peacock": ("peacock",),
    "paramount": ("paramount+", "paramountplus", "paramount plus"),
    "google": ("google play", "play.google"),
    "vudu": ("vudu",),
    "mubi": ("mubi",),
    "criterion": ("criterion",),
    "kanopy": ("kanopy",),
    "tubi": ("tubi",),
    "fandango": ("fandango",),
}
_ACTIONS = {"stream": "stream", "watch": "stream", "rent": "rent", "buy": "buy", "purchase": "purchase"}
_ACTION_WORD = re.compile(r"\b(stream|watch|rent|buy|purchase)", re.I)
# Pages about one film: IMDb and Letterboxd film pages, Wikipedia articles, or any site's /title/tt… page.
_TITLE_PAGE = re.compile(r"/title/tt\d{7,10}/?|letterboxd\.com/film/[^/]+|wikipedia\.org/wiki/[^:]+$", re.I)


def provider_of(text: str, host: str) -> str | None:
    lowered, host = text.casefold(), host.casefold()
    for provider, words in PROVIDERS.items():
        if any(word in lowered or word in host for word in words):
            return provider
    return None


def watch_link(url: str, text: str) -> WatchLink | None:
    """A link to a streaming or shop page, with its provider and action; None for other links."""
    if provider_of(text, url) is None:  # the host is part of the address: most links, without parsing it
        return None
    host = urlsplit(url).hostname or ""
    provider = provider_of(text, host)
    action_match = _ACTION_WORD.search(text)
    # A provider named in a link to elsewhere ("a Netflix documentary") is no watch link without an action word.
    if provider is None or (action_match is None and provider_of("", host) is None):
        return None
    action = _ACTIONS[action_match.group(1).casefold()] if action_match else None
    return WatchLink(url=url, provider=provider, action=action, text=text)


def is_title_page(url: str) -> bool:
    return bool(_TITLE_PAGE.search(url))
