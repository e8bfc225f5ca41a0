"""HTTP: one shared client, retries as a written policy, size limits, safe redirects.

Errors (all ``FetchError``, each with a one-line reason)::

    FetchError            the page could not be had; ``status`` where the server answered
    └── Deferred          the server asked us to come back later than we will wait (``not_before``)
"""

from __future__ import annotations

import asyncio
import email.utils
import ipaddress
import logging
import random
import socket
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urljoin, urlsplit

import httpx

from .config import Settings

log = logging.getLogger("cinescrape.fetch")


class FetchError(Exception):
    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.status = status


class Deferred(FetchError):
    def __init__(self, reason: str, not_before: datetime, status: int | None = None) -> None:
        super().__init__(reason, status)
        self.not_before = not_before


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Which failures are worth another attempt (as Scrapy's retry middleware: codes, errors, a count)."""

    statuses: frozenset[int] = frozenset({408, 429, 500, 502, 503, 504})
    errors: tuple[type[Exception], ...] = (httpx.TransportError,)  # connect, read, protocol errors, timeouts
    max_attempts: int = 4
    backoff_seconds: float = 1.0  # first wait; doubles each attempt, with full jitter
    max_retry_after_seconds: float = 120.0

    def wait(self, attempt: int) -> float:
        return random.uniform(0, self.backoff_seconds * 2 ** (attempt - 1))


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # as requested
    final_url: str  # after redirects
    status: int
    headers: httpx.Headers
    body: bytes


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds: "120" or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class ResolvingTransport(httpx.AsyncBaseTransport):
    """Connects "host:port" to another address while the URL (and Host header) stay as they are, like
    curl's --resolve: the demo's site keeps one stable URL whatever port its server gets."""

    def __init__(self, inner: httpx.AsyncBaseTransport, resolve: dict[str, str]) -> None:
        self.inner = inner
        self.resolve = {key.lower(): value for key, value in resolve.items()}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        target = self.resolve.get(f"{request.url.host}:{request.url.port or _default_port(request.url.scheme)}")
        if target:
            host, _, port = target.rpartition(":")
            request.url = request.url.copy_with(host=host, port=int(port))
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


_REDIRECTS = frozenset({301, 302, 303, 307, 308})


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


def make_client(settings: Settings, transport: httpx.AsyncBaseTransport | None = None) -> httpx.AsyncClient:
    inner = transport or httpx.AsyncHTTPTransport(http2=settings.http2, retries=0)
    return httpx.AsyncClient(
        transport=ResolvingTransport(inner, settings.resolve),
        headers={"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"},
        timeout=httpx.Timeout(settings.timeout_seconds),
        follow_redirects=False,  # each hop is checked here before any connection
    )


class AddressGuard:
    """Refuses URLs on private, loopback and link-local addresses (and schemes other than http/https)
    before any connection, unless the host is allowed: a seed on such an address, or ``allow_hosts``."""

    def __init__(self, allowed_hosts: set[str]) -> None:
        self.allowed = {host.lower() for host in allowed_hosts}

    async def check(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchError(f"refused: {parts.scheme or 'no'} scheme (only http and https)")
        host = (parts.hostname or "").lower()
        if not host:
            raise FetchError("refused: no host in URL")
        if host in self.allowed:
            return
        for address in await _addresses(host, parts.port or _default_port(parts.scheme)):
            if not address.is_global:
                raise FetchError(f"refused: {host} is a non-public address ({address})")


async def _addresses(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    if host == "localhost" or host.endswith(".localhost"):
        return [ipaddress.ip_address("127.0.0.1")]
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as error:
        raise FetchError(f"cannot resolve {host}: {error.strerror or error}") from error
    return [ipaddress.ip_address(info[4][0]) for info in infos]


def is_private_host(host: str) -> bool:
    """True for an IP literal or localhost name that is not a public address (seeds there allow their host)."""
    host = host.lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return not ipaddress.ip_address(host).is_global
    except ValueError:
        return False


class Fetcher:
    def __init__(self, client: httpx.AsyncClient, settings: Settings, guard: AddressGuard) -> None:
        self.client = client
        self.settings = settings
        self.guard = guard
        self.policy = RetryPolicy(
            max_attempts=settings.max_attempts,
            backoff_seconds=settings.backoff_seconds,
            max_retry_after_seconds=settings.max_retry_after_seconds,
        )

    async def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET with retries; a 304 comes back as a Response (status 304, empty body)."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            attempt += 1
            try:
                response = await self._follow(url, headers)
            except FetchError:
                raise
            except self.policy.errors as error:
                reason = _describe(error)
                if attempt >= self.policy.max_attempts:
                    raise FetchError(f"{reason} (gave up after {attempt} attempts)") from error
                wait = self.policy.wait(attempt)
            else:
                if response.status not in self.policy.statuses:
                    return response
                reason = f"HTTP {response.status}"
                retry_after = retry_after_seconds(response.headers.get("Retry-After"))
                if retry_after is not None and retry_after > self.policy.max_retry_after_seconds:
                    not_before = datetime.now(UTC) + timedelta(seconds=retry_after)
                    raise Deferred(
                        f"{reason}, Retry-After {retry_after:.0f}s: deferred to the next run",
                        not_before,
                        response.status,
                    )
                if attempt >= self.policy.max_attempts:
                    raise FetchError(f"{reason} (gave up after {attempt} attempts)", response.status)
                wait = retry_after if retry_after is not None else self.policy.wait(attempt)
            log.info("%s: %s; retrying in %.1fs", url, reason, wait)
            await asyncio.sleep(wait)

    async def _follow(self, url: str, headers: dict[str, str]) -> Response:
        current = url
        for _ in range(self.settings.max_redirects + 1):
            await self.guard.check(current)
            started = time.monotonic()
            async with self.client.stream("GET", current, headers=headers) as response:
                if response.status_code in _REDIRECTS:
                    location = response.headers.get("Location")
                    if not location:
                        raise FetchError(
                            f"HTTP {response.status_code} redirect without a Location", response.status_code
                        )
                    current = urljoin(current, location)
                    continue
                body = await self._read_limited(response)
            log.info(  # --verbose: one line per request
                "GET %s → %s %s (%d bytes, %.2fs)",
                current,
                response.status_code,
                response.http_version,
                len(body),
                time.monotonic() - started,
            )
            return Response(url, current, response.status_code, response.headers, body)
        raise FetchError(f"more than {self.settings.max_redirects} redirects")

    async def _read_limited(self, response: httpx.Response) -> bytes:
        """The decoded body, cut off at max_bytes (counted after decompression, so a gzip bomb stops early)."""
        limit = self.settings.max_bytes
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > limit and response.status_code < 300:
            raise FetchError(f"body of {int(declared):,} bytes is over the {limit:,}-byte limit", response.status_code)
        chunks, size = [], 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(f"body over the {limit:,}-byte limit (after decompression)", response.status_code)
            chunks.append(chunk)
        return b"".join(chunks)


def _describe(error: Exception) -> str:
    names: dict[type[Exception], str] = {
        httpx.ConnectTimeout: "connect timeout",
        httpx.ReadTimeout: "read timeout",
        httpx.WriteTimeout: "write timeout",
        httpx.PoolTimeout: "pool timeout",
        httpx.ConnectError: "cannot connect",
        httpx.ReadError: "connection broken while reading",
        httpx.RemoteProtocolError: "protocol error",
    }
    name = names.get(type(error), type(error).__name__)
    detail = str(error).strip()
    return f"{name}: {detail}" if detail else name
