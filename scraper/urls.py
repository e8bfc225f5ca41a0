"""One page, one URL: canonical forms for the frontier and the database."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING_PREFIXES = ("utm_", "ref_", "pf_rd_", "fbclid", "gclid", "mc_", "_ga")
_HOST_ALIASES = {"m.imdb.com": "www.imdb.com", "imdb.com": "www.imdb.com"}


def canonical(url: str) -> str:
    """Lower-case scheme and host, default port dropped, tracking parameters and fragment removed,
    the mobile IMDb host mapped to www: "HTTP://M.IMDb.com:80/title/tt1/?ref_=x#a" → "http://www.imdb.com/title/tt1/"."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    host = _HOST_ALIASES.get(host, host)
    port = parts.port
    netloc = host if port is None or port == {"http": 80, "https": 443}.get(scheme) else f"{host}:{port}"
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith(_TRACKING_PREFIXES)
        ]
    )
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))
