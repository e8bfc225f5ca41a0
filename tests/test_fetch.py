"""The HTTP layer against a real server on 127.0.0.1 with faults injected (and a mock transport
where the point is that no connection is ever made)."""

from __future__ import annotations

import asyncio
import email.utils
import socket
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from scraper.config import Settings
from scraper.fetch import AddressGuard, Deferred, Fetcher, FetchError, make_client, retry_after_seconds
from tests.servers import fault_server, gzip_bomb, html, raw, sequence, stall

FAST = Settings(backoff_seconds=0.01, timeout_seconds=2.0, max_attempts=3)


def fetch(url: str, settings: Settings = FAST, transport: httpx.AsyncBaseTransport | None = None, **kwargs: str):
    async def go():
        async with make_client(settings, transport) as client:
            return await Fetcher(client, settings, AddressGuard({"127.0.0.1"})).get(url, **kwargs)

    return asyncio.run(go())


def test_a_404_is_an_answer_not_retried():
    with fault_server({}) as server:
        response = fetch(server.base + "/missing")
    assert response.status == 404
    assert server.hits("/missing") == 1


def test_server_errors_are_retried_until_success():
    with fault_server({"/flaky": sequence(html("", 500), html("", 502), html("<p>ok</p>"))}) as server:
        response = fetch(server.base + "/flaky")
    assert (response.status, response.body) == (200, b"<p>ok</p>")
    assert server.hits("/flaky") == 3


def test_a_persistent_503_gives_up_after_the_policy_attempts_with_the_reason():
    with fault_server({"/down": html("", 503)}) as server, pytest.raises(FetchError) as error:
        fetch(server.base + "/down")
    assert str(error.value) == "HTTP 503 (gave up after 3 attempts)"
    assert error.value.status == 503
    assert server.hits("/down") == 3


def test_retry_after_in_seconds_is_waited_for():
    routes = {"/busy": sequence(html("", 429, {"Retry-After": "1"}), html("<p>ok</p>"))}
    with fault_server(routes) as server:
        fetch(server.base + "/busy")
    first, second = server.seen
    assert second.at - first.at >= 0.95


def test_retry_after_as_a_date_beyond_the_cap_defers_without_hammering():
    later = email.utils.format_datetime(datetime.now(UTC) + timedelta(hours=2), usegmt=True)
    with fault_server({"/later": html("", 503, {"Retry-After": later})}) as server, pytest.raises(Deferred) as error:
        fetch(server.base + "/later")
    assert server.hits("/later") == 1
    assert "deferred to the next run" in str(error.value)
    assert error.value.not_before.timestamp() > time.time() + 3600


def test_retry_after_parses_both_forms():
    assert retry_after_seconds("120") == 120
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past: no wait
    assert retry_after_seconds("soon") is None


def test_a_read_that_stalls_past_the_timeout_fails_with_a_clear_reason():
    settings = replace(FAST, timeout_seconds=0.3, max_attempts=2)
    with fault_server({"/slow": stall(1.5)}) as server, pytest.raises(FetchError) as error:
        fetch(server.base + "/slow", settings)
    assert str(error.value).startswith("read timeout")
    assert server.hits("/slow") == 2


def test_a_body_over_the_limit_is_cut_off():
    settings = replace(FAST, max_bytes=1000)
    with (
        fault_server({"/big": html("x" * 5000)}) as server,
        pytest.raises(FetchError, match="over the 1,000-byte limit"),
    ):
        fetch(server.base + "/big", settings)


def test_a_gzip_bomb_is_stopped_by_the_decompressed_size():
    settings = replace(FAST, max_bytes=100_000)
    with (
        fault_server({"/bomb": gzip_bomb(50_000_000)}) as server,
        pytest.raises(FetchError, match="after decompression"),
    ):
        fetch(server.base + "/bomb", settings)


def test_a_truncated_body_is_a_failure_not_a_page():
    short = raw(200, b"<p>only part", {"Content-Type": "text/html", "Content-Length": "5000"}, close=True)
    with fault_server({"/cut": short}) as server, pytest.raises(FetchError, match=r"protocol error|broken"):
        fetch(server.base + "/cut")


def test_a_redirect_loop_ends_with_a_reason():
    loop = raw(302, b"", {"Location": "/loop", "Content-Length": "0"})
    with fault_server({"/loop": loop}) as server, pytest.raises(FetchError, match="more than 10 redirects"):
        fetch(server.base + "/loop")
    assert server.hits("/loop") == 11


def test_conditional_headers_are_sent():
    with fault_server({"/page": html("", 304)}) as server:
        response = fetch(server.base + "/page", etag='"abc"', last_modified="Wed, 21 Oct 2015 07:28:00 GMT")
    assert response.status == 304
    assert server.seen[0].headers["If-None-Match"] == '"abc"'
    assert server.seen[0].headers["If-Modified-Since"] == "Wed, 21 Oct 2015 07:28:00 GMT"


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        ("http://10.1.2.3/admin", "non-public address"),
        ("http://169.254.169.254/latest/meta-data/", "non-public address"),
        ("http://[::1]/", "non-public address"),
        ("file:///etc/passwd", "file scheme"),
    ],
)
def test_a_redirect_to_a_private_address_or_file_is_refused_before_any_connection(location, reason):
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        if request.url.host != "films.example":
            pytest.fail(f"connected to {request.url}")
        return httpx.Response(302, headers={"Location": location})

    async def go():
        async with make_client(FAST, httpx.MockTransport(handler)) as client:
            guard = AddressGuard({"films.example"})  # the seed's own host is allowed
            return await Fetcher(client, FAST, guard).get("http://films.example/list")

    with pytest.raises(FetchError, match=reason):
        asyncio.run(go())
    assert calls == ["http://films.example/list"]


def test_the_user_agent_names_the_project_and_contact():
    with fault_server({"/": html("<p>hi</p>")}) as server:
        fetch(server.base + "/", replace(FAST, contact="ops@example.org"))
    assert server.seen[0].headers["User-Agent"].startswith("cinescrape/")
    assert "ops@example.org" in server.seen[0].headers["User-Agent"]


def test_a_kept_alive_connection_the_server_closed_is_not_reused():
    """httpcore asks whether an idle connection's socket is readable (the server's close) before reusing it;
    cinescrape's stream wrapper answers that itself (scraper/fetch.py, _SocketOnceStream)."""
    closed, connections = threading.Event(), []

    def serve(listener: socket.socket) -> None:
        for _ in range(2):
            connection, _ = listener.accept()
            connections.append(connection)
            connection.recv(65536)
            connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")  # keep-alive, then closed
            connection.close()
            closed.set()

    async def twice(base: str) -> list[bytes]:
        async with make_client(FAST) as client:
            first = await client.get(base + "/one")
            await asyncio.to_thread(closed.wait, 5)
            second = await client.get(base + "/two")  # a reuse would read the close: "Server disconnected"
            return [first.content, second.content]

    with socket.create_server(("127.0.0.1", 0)) as listener:
        server = threading.Thread(target=serve, args=(listener,), daemon=True)
        server.start()
        bodies = asyncio.run(twice(f"http://127.0.0.1:{listener.getsockname()[1]}"))
        server.join(5)
    assert bodies == [b"ok", b"ok"]
    assert len(connections) == 2
