"""The http2 setting: pages fetched over HTTP/2 from a server that speaks nothing else."""

from __future__ import annotations

import asyncio
import importlib.util
import shutil
from pathlib import Path

import pytest

from db import Store
from scraper.config import ConfigError, Settings, load_settings
from scraper.crawl import crawl
from tests.conftest import FIXTURES
from tests.servers import h2_server

TITLE = "/title/tt99900002/"
PAGES = {TITLE: (FIXTURES / "site" / "title" / "tt99900002" / "index.html").read_bytes()}


def crawl_over_tls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, http2: bool):
    with h2_server(PAGES, tmp_path) as (base, certificate, requested):
        monkeypatch.setenv("SSL_CERT_FILE", str(certificate))  # httpx trusts the test's own certificate
        store = Store(tmp_path / "films.db")
        settings = Settings(seeds=(base + TITLE,), http2=http2, delay_seconds=0, max_attempts=1)
        summary = asyncio.run(crawl(settings, store))
    return summary, requested, store


needs_openssl = pytest.mark.skipif(shutil.which("openssl") is None, reason="the openssl command makes the certificate")


@needs_openssl
def test_with_http2_on_pages_are_fetched_over_http2(tmp_path, monkeypatch):
    summary, requested, store = crawl_over_tls(tmp_path, monkeypatch, http2=True)
    assert summary.failed == []
    assert requested == ["/robots.txt", TITLE]
    assert store.db.execute("select imdb_id from films").fetchone()[0] == "tt99900002"


@needs_openssl
def test_with_http2_off_the_http2_only_server_is_not_understood(tmp_path, monkeypatch):
    summary, requested, _ = crawl_over_tls(tmp_path, monkeypatch, http2=False)
    assert requested == []
    assert len(summary.failed) == 1
    assert "robots.txt unavailable" in summary.failed[0][1]


def test_http2_without_the_h2_package_is_a_config_error(monkeypatch, tmp_path):
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None if name == "h2" else real_find_spec(name))
    config = tmp_path / "crawl.toml"
    config.write_text("[crawl]\nhttp2 = true\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"setting http2 needs the h2 package: pip install 'cinescrape\[http2\]'"):
        load_settings(config)
