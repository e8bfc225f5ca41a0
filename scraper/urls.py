"""One page, one URL: canonical forms for the frontier and the database.

w3lib (Scrapy's URL library) does the general part: percent-encoding made uniform, query arguments sorted,
fragment dropped, IPv6 literals kept in brackets. On top of it, the rules of the sites cinescrape reads: the
mobile and bare IMDb hosts are www, default ports and tracking parameters go.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from w3lib.url import canonicalize_url

# Longer URLs are refused: browsers and servers stop near 8 kB, and a link this long is a damaged page.
MAX_URL_LENGTH = 8_192
_TRACKING_PREFIXES = ("utm_", "ref_", "pf_rd_", "fbclid", "gclid", "mc_", "_ga")
_HOST_ALIASES = {"m.imdb.com": "www.imdb.com", "imdb.com": "www.imdb.com"}
_DEFAULT_PORTS = {"http": 80, "https": 443}


class BadURL(ValueError):
    """Not an http(s) URL cinescrape can fetch; the message says why, in one line."""


def check_url(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) of an absolute http(s) URL; raises BadURL for anything else."""
    shown = url if len(url) <= 80 else f"{url[:60]}… ({len(url):,} characters)"
    if len(url) > MAX_URL_LENGTH:
        raise BadURL(f"URL longer than {MAX_URL_LENGTH:,} characters: {shown!r}")
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in url.strip()):
        raise BadURL(f"URL with a control character: {shown!r}")
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:  # a port out of range, a bad IPv6 literal
        raise BadURL(f"not a valid URL ({error}): {shown!r}") from None
    if parts.scheme.lower() not in _DEFAULT_PORTS or not parts.hostname:
        raise BadURL(f"not an http(s) URL with a host: {shown!r}")
    return parts.scheme.lower(), parts.hostname, port


def canonical(url: str) -> str:
    """Canonical form: "HTTP://M.IMDb.com:80/title/tt1/?ref_=x#a" → "http://www.imdb.com/title/tt1/",
    "http://[::1]:8768/a b" → "http://[::1]:8768/a%20b". Raises BadURL for what is not an http(s) URL."""
    scheme, host, port = check_url(url)
    try:
        parts = urlsplit(canonicalize_url(url.strip()))
    except ValueError as error:  # UnicodeError too: a host IDNA cannot encode
        raise BadURL(f"not a valid URL ({error}): {url[:80]!r}") from None
    host = _HOST_ALIASES.get(host, host)
    if ":" in host:  # an IPv6 literal
        host = f"[{host}]"
    netloc = host if port is None or port == _DEFAULT_PORTS[scheme] else f"{host}:{port}"
    query = "&".join(
        pair for pair in parts.query.split("&") if pair and not pair.lower().startswith(_TRACKING_PREFIXES)
    )
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))
