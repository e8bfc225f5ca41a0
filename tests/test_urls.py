"""Canonical URLs (w3lib under the IMDb rules), and a crawl of an IPv6 literal, which keeps its brackets."""

from __future__ import annotations

import socket
import threading
from contextlib import closing
from functools import partial
from http.server import ThreadingHTTPServer

import pytest

from db import Store
from parsers.records import Article, RankedEntry, ReviewPage
from scraper.config import Settings
from scraper.discover import discover
from scraper.run import run_crawl
from scraper.sample_site import SAMPLE_SITE, _FolderHandler
from scraper.urls import BadURL, canonical


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTP://M.IMDb.com:80/title/tt0133093/?ref_=nv_sr_1#plot", "http://www.imdb.com/title/tt0133093/"),
        ("https://imdb.com:443/title/tt1/", "https://www.imdb.com/title/tt1/"),
        ("http://[::1]:8768/list/", "http://[::1]:8768/list/"),
        ("http://[::1]:80/", "http://[::1]/"),
        ("http://[2001:DB8::1]/a", "http://[2001:db8::1]/a"),
        ("http://example.org", "http://example.org/"),
        (
            "http://example.org/find/?s=tt&q=the+red+chapel&utm_source=x",
            "http://example.org/find/?q=the+red+chapel&s=tt",
        ),
        ("http://example.org/a b/ü", "http://example.org/a%20b/%C3%BC"),
        ("http://example.org/%7Efilm/", "http://example.org/~film/"),
        ("http://user:secret@example.org:8080/x", "http://example.org:8080/x"),
        ("  http://example.org/x  ", "http://example.org/x"),
    ],
)
def test_canonical_form(url, expected):
    assert canonical(url) == expected


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://[::1]:99999/", "Port out of range"),
        ("http://127.0.0.1:65536/", "Port out of range"),
        ("http://example.org/" + "a" * 100_000, "longer than 8,192"),
        ("http://example.org/\x00", "control character"),
        ("http://example.org/a\nb", "control character"),
        ("ftp://example.org/", "http(s)"),
        ("mailto:ops@example.org", "http(s)"),
        ("http://[::1/", "Invalid IPv6"),
        ("/relative/path", "http(s)"),
    ],
)
def test_what_is_not_a_fetchable_url_is_a_bad_url_saying_why(url, why):
    with pytest.raises(BadURL) as raised:
        canonical(url)
    assert why in str(raised.value)
    assert "\n" not in str(raised.value) and len(str(raised.value)) < 200


def _has_ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


class _V6Server(ThreadingHTTPServer):
    address_family = socket.AF_INET6


@pytest.mark.skipif(not _has_ipv6_loopback(), reason="no IPv6 loopback on this machine")
def test_a_site_on_an_ipv6_literal_is_crawled(tmp_path):
    server = _V6Server(("::1", 0), partial(_FolderHandler, root=SAMPLE_SITE.resolve()))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://[::1]:{server.server_address[1]}"
    try:
        settings = Settings(seeds=(f"{base}/2017/10/north-korea-documentaries/",), delay_seconds=0, max_depth=1)
        report = run_crawl(settings, tmp_path / "films.db", "crawl")
    finally:
        server.shutdown()
        server.server_close()
    assert report.summary.failed == []
    with closing(Store(tmp_path / "films.db")) as store:
        urls = [row[0] for row in store.db.execute("select url from pages where status = 200")]
    assert len(urls) == 11  # the list and the ten film pages it links
    assert all(url.startswith(base + "/") for url in urls)


def test_a_link_no_crawler_could_fetch_is_skipped_and_the_others_are_kept(caplog):
    good = "http://films.example/title/tt0000001/"
    entries = tuple(
        RankedEntry(rank, f"Film {rank}", title_url=url)
        for rank, url in enumerate(
            [
                "http://films.example/title/tt0000002/?ref_=" + "a" * 70_000,
                "http://films.example/title/tt0000003/\x01",
                "http://films.example:99999/title/tt0000004/",
                good,
            ],
            start=1,
        )
    )
    record = ReviewPage("http://films.example/list/", Article("List"), entries)
    assert list(discover(record, ())) == [(good, "title")]
    assert caplog.text.count("link skipped") == 3
