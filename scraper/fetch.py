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
import select
import socket
import ssl
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol, cast
from urllib.parse import urljoin, urlsplit

import httpcore
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

    def __reduce__(self) -> tuple[type[Deferred], tuple[str, datetime, int | None]]:
        # pickled whole from a fetch worker (an exception pickles with its first argument only)
        return (Deferred, (str(self), self.not_before, self.status))


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


class _SocketOnceStream(httpcore.AsyncNetworkStream):
    """httpcore's stream, with its socket looked up once. Before each request httpcore asks every idle connection
    whether its socket is readable (the server closed it); anyio answers by building its table of attributes, a
    getpeername() call included, each time: 8 % of the crawl's process (bench/crawl.py, py-spy)."""

    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self.inner = inner
        self.socket: socket.socket | None = inner.get_extra_info("socket")

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self.inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self.inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self.inner.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        return _SocketOnceStream(await self.inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        if info == "socket":
            return self.socket
        if info != "is_readable":
            return self.inner.get_extra_info(info)
        if self.socket is None or self.socket.fileno() < 0:  # gone: as httpcore does, its next read ends it
            return True
        poller = select.poll()
        poller.register(self.socket, select.POLLIN)
        return bool(poller.poll(0))


class _SocketOnceBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, inner: httpcore.AsyncNetworkBackend) -> None:
        self.inner = inner

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return _SocketOnceStream(await self.inner.connect_tcp(host, port, timeout, local_address, socket_options))

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        return _SocketOnceStream(await self.inner.connect_unix_socket(path, timeout, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


def _http_transport(settings: Settings) -> httpx.AsyncHTTPTransport:
    """httpx's transport, its connections' streams wrapped by ``_SocketOnceStream``. The pool's network backend
    is httpcore's, not public: where it is not found (another version), the transport is left as it is."""
    transport = httpx.AsyncHTTPTransport(http2=settings.http2, retries=0)
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if isinstance(backend, httpcore.AsyncNetworkBackend):
        pool._network_backend = _SocketOnceBackend(backend)  # type: ignore[union-attr]
    return transport


def make_client(settings: Settings, transport: httpx.AsyncBaseTransport | None = None) -> httpx.AsyncClient:
    inner = transport or _http_transport(settings)
    return httpx.AsyncClient(
        transport=ResolvingTransport(inner, settings.resolve),
        headers={
            "User-Agent": settings.user_agent,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
            "Accept-Encoding": ", ".join(_DECODERS),  # only what _LayeredDecoder reads, within max_bytes
        },
        timeout=httpx.Timeout(settings.timeout_seconds),
        follow_redirects=False,  # each hop is checked here before any connection
    )


class AddressGuard:
    """Refuses URLs on private, loopback and link-local addresses (and schemes other than http/https)
    before any connection, unless the host is allowed: a seed on such an address, or ``allow_hosts``."""

    def __init__(self, allowed_hosts: set[str]) -> None:
        self.allowed = {host.lower() for host in allowed_hosts}

    async def check(self, url: str) -> None:
        try:
            parts = urlsplit(url)
            httpx.URL(url)  # what httpx would refuse only when sending: refused here, once, not retried
        except (ValueError, httpx.InvalidURL) as error:
            raise FetchError(f"refused: not a valid URL ({error})") from None
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


class PageFetcher(Protocol):
    """What fetches a page: ``Fetcher``, or the crawl's fetch workers (``fetch_pool.FetchPool``)."""

    async def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response: ...


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
            except httpx.InvalidURL as error:  # a URL no attempt will send
                raise FetchError(f"refused: not a valid URL ({error})") from None
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
            deadline = self.settings.request_deadline_seconds
            try:
                # The timeout covers each read; a server sending a byte at a time never trips it, this does.
                async with asyncio.timeout(deadline):
                    response, body = await self._exchange(current, headers)
            except TimeoutError:
                raise FetchError(f"no complete response within the {deadline:g}s deadline") from None
            if body is None:
                current = urljoin(current, response.headers["Location"])
                continue
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

    async def _exchange(self, url: str, headers: dict[str, str]) -> tuple[httpx.Response, bytes | None]:
        """One request: the response and its decoded body, or None as the body of a redirect."""
        try:
            async with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code in _REDIRECTS:
                    if not response.headers.get("Location"):
                        raise FetchError(
                            f"HTTP {response.status_code} redirect without a Location", response.status_code
                        )
                    return response, None
                body = await self._read_limited(response)
                _close_if_overrun(response)
                return response, body
        except httpx.RemoteProtocolError as error:
            if "location header" not in str(error):
                raise
            # httpx parses a redirect's Location even when it does not follow it; no retry makes it valid
            raise FetchError(f"refused: not a valid URL ({error})") from None

    async def _read_limited(self, response: httpx.Response) -> bytes:
        """The decoded body, cut off at max_bytes: each Content-Encoding layer's output counts, so a gzip bomb
        (or a bomb of bombs) stops early, in bounded memory."""
        limit, status = self.settings.max_bytes, response.status_code
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > limit and status < 300:
            raise FetchError(f"body of {int(declared):,} bytes is over the {limit:,}-byte limit", status)
        decoder = _LayeredDecoder(response.headers.get_list("Content-Encoding", split_commas=True), limit, status)
        chunks: list[bytes] = []
        # The stream itself, not aiter_raw(): that hands the connection back to the pool before
        # _close_if_overrun can look at what is left on it.
        async for raw_chunk in cast(httpx.AsyncByteStream, response.stream):
            chunks.extend(decoder.feed(raw_chunk))
        chunks.extend(decoder.finish())
        return b"".join(chunks)


# Content-Encodings read (zlib's wbits: gzip, and deflate as RFC 9110 defines it, a zlib stream).
_DECODERS = {"gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}
_ALIASES = {"x-gzip": "gzip"}
_PIECE = 64 * 1024  # the most one layer inflates at once: memory stays bounded whatever the ratio


class _LayeredDecoder:
    """The body decoded through each Content-Encoding layer (the last applied is undone first), where every
    layer's output counts toward ``limit``: a small body that inflates to gigabytes stops at the limit."""

    def __init__(self, encodings: list[str], limit: int, status: int) -> None:
        self.limit, self.status = limit, status
        self.layers = []
        for name in reversed([_ALIASES.get(e.strip().lower(), e.strip().lower()) for e in encodings]):
            if name in ("identity", ""):
                continue
            if name not in _DECODERS:
                raise FetchError(f"unsupported Content-Encoding {name!r}", status)
            self.layers.append((name, zlib.decompressobj(_DECODERS[name])))
        self.sizes = [0] * (len(self.layers) + 1)

    def feed(self, data: bytes, level: int = 0) -> Iterator[bytes]:
        self._count(level, len(data))
        if level == len(self.layers):
            yield data
            return
        name, layer = self.layers[level]
        while data and not layer.eof:
            try:
                out = layer.decompress(data, _PIECE)
            except zlib.error as error:
                raise FetchError(f"body does not decode as {name} ({error})", self.status) from None
            data = layer.unconsumed_tail
            if out:
                yield from self.feed(out, level + 1)

    def finish(self, level: int = 0) -> Iterator[bytes]:
        if level == len(self.layers):
            return
        name, layer = self.layers[level]
        if not layer.eof:
            raise FetchError(f"body ends before its {name} stream does", self.status)
        yield from self.finish(level + 1)

    def _count(self, level: int, size: int) -> None:
        self.sizes[level] += size
        if self.sizes[level] > self.limit:
            decoded = " (after decompression)" if level else ""
            raise FetchError(f"body over the {self.limit:,}-byte limit{decoded}", self.status)


def _close_if_overrun(response: httpx.Response) -> None:
    """A body longer than its Content-Length leaves bytes that a kept-alive connection would read as the start of
    the next response (one the server never sent). Bytes still in the socket make httpcore drop the connection
    itself; bytes already in h11's buffer do not, so the connection is failed here and closed when the response
    ends (the response is still open here). The path to h11 is httpcore's, not public: where it is not found (HTTP/2, another version), nothing."""
    stream = getattr(getattr(response.stream, "_stream", None), "_httpcore_stream", None)
    connection = getattr(getattr(stream, "_stream", None), "_connection", None)
    h11_state = getattr(connection, "_h11_state", None)
    if h11_state is not None and h11_state.trailing_data[0]:
        log.info("%s: body longer than its Content-Length; connection closed", response.url)
        h11_state.send_failed()  # h11's own "this connection is broken": httpcore closes it


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
