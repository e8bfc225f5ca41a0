"""Bad settings and bad command lines, as a careless operator types them: each ends in exit 2 and one line on
stderr naming the problem; never a traceback, never ``internal error``, never a hang, never a network request
(every seed points at a closed port, and the checks come before any run)."""

from __future__ import annotations

import gzip
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import Store
from scraper.cli import main
from scraper.config import Settings, load_settings

SEED = "http://127.0.0.1:9/list/"  # discard port: nothing listens, and no bad case gets as far as fetching
LONG = "http://127.0.0.1:9/" + "a" * 100_000

# (TOML text of a config, a word the one-line message must hold: the key, or what is wrong with the file)
BAD_CONFIGS: list[tuple[str, str]] = [
    *((f"delay_seconds = {value}", "delay_seconds") for value in ('"1"', "nan", "inf", "-inf", "-1", "1e308", "true")),
    *((f"timeout_seconds = {value}", "timeout_seconds") for value in ("0", "nan", "inf", "-5", "1e308", '"30"')),
    *((f"max_attempts = {value}", "max_attempts") for value in ("0", "-1", "1.5", '"4"', "1e308", "101")),
    *((f"backoff_seconds = {value}", "backoff_seconds") for value in ("nan", "-1", "1e308")),
    *((f"max_retry_after_seconds = {value}", "max_retry_after_seconds") for value in ("inf", "-1")),
    *((f"max_bytes = {value}", "max_bytes") for value in ("0", "-1", "1.5", "2e12", "9223372036854775807")),
    *((f"max_redirects = {value}", "max_redirects") for value in ("-1", "1000")),
    *((f"max_pages = {value}", "max_pages") for value in ("0", "-1", "nan", "1e308", "[]")),
    *((f"max_depth = {value}", "max_depth") for value in ("-1", "1000", "2.5")),
    *((f"concurrency = {value}", "concurrency") for value in ("0", "-1", "1.5", "100000")),
    ("per_host_concurrency = 0", "per_host_concurrency"),
    *((f"robots_max_age_hours = {value}", "robots_max_age_hours") for value in ("nan", "-1", "1e308")),
    *(
        (f"recrawl_hours = {value}", "recrawl_hours")
        for value in ("{movie = 160}", "{review = -1}", "{film = nan}", "5", '{review = "x"}', "{film = inf}")
    ),
    *((f"subpages = {value}", "subpages") for value in ('"keywords"', '["trivia"]', "[1]")),
    *(
        (f"seeds = {value}", "seeds")
        for value in (
            '"http://x/"',
            "[1]",
            '["ftp://example.org/"]',
            '["http://[::1]:99999/"]',
            '["not a url"]',
            '["http://x/\\u0001"]',
            f'["{LONG}"]',
            '["http://[::1/"]',
        )
    ),
    *((f"allow_hosts = {value}", "allow_hosts") for value in ('"localhost"', '["a b"]', '[""]')),
    *((f"resolve = {value}", "resolve") for value in ('{"x" = "y"}', '["a"]', '{"a:80" = "b:x"}')),
    *((f"http2 = {value}", "http2") for value in ('"yes"', "1")),
    *((f"archive = {value}", "archive") for value in ("5", '"a\\u0001b"')),
    *(
        (f"search_url = {value}", "search_url")
        for value in (
            '"https://x/?q={q}"',
            '"https://x/?q={query}&{other}"',
            '"https://x/"',
            '"https://x/?q={query"',
            '"{query}"',
            "5",
            '"https://x/?q={0}"',
            '"https://x/?q={query.upper}"',
        )
    ),
    *((f"title_url = {value}", "title_url") for value in ('""', '"https://x/title/"', '"https://x/{id}/"')),
    *((f"contact = {value}", "contact") for value in ('"a\\nb"', '""', "5", '"é"', '"x\\tb"', '"a\\r\\nX-Evil: 1"')),
    ('color = "red"', "color"),
    ("[crawl]\ndelay_seconds = 1\n[other]\nx = 1", "other"),
    ("crawl = 5", "crawl"),
    ("delay_seconds = ", "cannot read config"),
    ("[crawl", "cannot read config"),
    ("delay_seconds = 1\ndelay_seconds = 2", "cannot read config"),
]

# (arguments after `cinescrape`, with {tmp} for a fresh folder and {db} for a database that exists; a word
# the message must hold)
BAD_COMMAND_LINES: list[tuple[list[str], str]] = [
    (["crawl", "--db", "{tmp}/films.db", "--config", "{tmp}/missing.toml", SEED], "--config"),
    (["crawl", "--db", "{tmp}/films.db", "--config", "{tmp}", SEED], "--config"),
    *((["crawl", "--db", "{tmp}/films.db", "--delay", value, SEED], "delay") for value in ("nan", "inf", "-1", "abc")),
    *((["crawl", "--db", "{tmp}/films.db", "--max-pages", v, SEED], "max") for v in ("0", "-5", "abc", "1e3")),
    (["crawl", "--db", "{tmp}/missing/films.db", SEED], "--db"),
    (["crawl", "--db", "{tmp}", SEED], "--db"),
    (["crawl", "--db", "/proc/films.db", SEED], "--db"),
    (["crawl", SEED], "--db"),
    (["crawl", "--db", "{tmp}/films.db", "--foo", SEED], "--foo"),
    (["frobnicate"], "frobnicate"),
    (["--nope"], "--nope"),
    *(
        (["crawl", "--db", "{tmp}/films.db", url], "URL")
        for url in (
            "http://[::1]:99999/",
            "ftp://example.org/",
            "example.org",
            "",
            "http://",
            LONG,
            "http://127.0.0.1:9/\x01",
            "http://[::1",
            "javascript:alert(1)",
            "http://127.0.0.1:9/a\nb",
        )
    ),
    (["crawl", "--db", "{tmp}/films.db"], "seed"),
    (["health", "--db", "{tmp}/missing.db"], "--db"),
    (["health", "--db", "{db}", "--threshold", "2"], "--threshold"),
    (["health", "--db", "{db}", "--runs", "0"], "--runs"),
    (["health", "--db", "{db}", "--min-pages", "0"], "--min-pages"),
    (["unresolved", "--db", "{tmp}/missing.db"], "--db"),
    (["unresolved", "--db", "{tmp}"], "--db"),
    (["reparse", "--db", "{tmp}/missing.db"], "--db"),
    (["reparse", "--db", "{db}"], "archive"),
    (["reparse", "--db", "{db}", "--kind", "bogus"], "--kind"),
    (["export-warc", "{tmp}/missing/out.warc.gz", "--db", "{db}"], "PATH"),
    (["export-warc", "{tmp}/out.warc.gz", "--db", "{db}"], "archive"),
    (["import-imdb-datasets", "{tmp}/missing", "--db", "{tmp}/films.db"], "FOLDER"),
    (["import-imdb-datasets", "{tmp}", "--db", "{tmp}/films.db"], "title.basics"),
    (["import-imdb-datasets", "{tmp}", "--db", "{tmp}/missing/films.db"], "--db"),
    (["resolve", "--db", "{tmp}/missing.db"], "--db"),
    (["parse", "{tmp}/missing.html"], "FILE"),
    (["parse", "/dev/zero"], "regular file"),  # would read forever
    (["parse", "{tmp}/fifo"], "regular file"),  # would wait forever for a writer
    (["parse", "{tmp}/huge.html"], "larger than"),
    (["parse", "{tmp}/bomb.html.gz"], "larger than"),  # max_bytes counts the page unpacked
    (["parse", "{tmp}/damaged.html.gz"], "damaged gzip"),
    (["crawl", "--db", "/dev/null", SEED], "regular file"),
    (["health", "--db", "/dev/null"], "regular file"),
    (["unresolved", "--db", "{tmp}/fifo"], "regular file"),
    (["datasette-config", "--db", "{db}", "--split", "{tmp}/missing"], "--split"),
    (["parse", "{tmp}/page.html", "--kind", "bogus"], "--kind"),
    (["demo", "--db", "{tmp}/missing/demo.db"], "--db"),
    (["datasette-config", "--db", "{db}", "-o", "{tmp}/missing/metadata.json"], "--output"),
]


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """Each case gets 30 s (they take milliseconds): a hang fails the test instead of stalling the suite."""

    def hung(signum: int, frame: object) -> None:
        raise TimeoutError("the command hung")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(30)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run(args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """``cinescrape ARGS`` in this process, as the console script runs it: (exit code, stderr)."""
    monkeypatch.setattr(sys, "argv", ["cinescrape", *args])
    with pytest.raises(SystemExit) as exited:
        main()
    code = exited.value.code
    return code if isinstance(code, int) else 1, capsys.readouterr().err


def assert_one_line_usage_error(code: int, err: str, word: str) -> None:
    assert code == 2, err
    assert err.endswith("\n") and err.count("\n") == 1, err  # one line, for cron's mail
    assert "Traceback" not in err and "internal error" not in err
    assert word.lower() in err.lower(), err


@pytest.mark.parametrize(("text", "word"), BAD_CONFIGS, ids=[text[:40] for text, _ in BAD_CONFIGS])
def test_a_bad_setting_is_one_line_naming_it(text, word, tmp_path, capsys, monkeypatch):
    config = tmp_path / "crawl.toml"
    config.write_text(text + "\n", encoding="utf-8")
    code, err = run(["crawl", "--db", str(tmp_path / "films.db"), "--config", str(config), SEED], capsys, monkeypatch)
    assert_one_line_usage_error(code, err, word)
    assert not (tmp_path / "films.db").exists()  # refused before anything was opened


def test_a_config_that_is_not_utf8_is_one_line(tmp_path, capsys, monkeypatch):
    config = tmp_path / "crawl.toml"
    config.write_bytes('contact = "Zoë"\n'.encode("latin-1"))
    code, err = run(["crawl", "--db", str(tmp_path / "films.db"), "--config", str(config), SEED], capsys, monkeypatch)
    assert_one_line_usage_error(code, err, "not UTF-8")


@pytest.fixture
def existing_db(tmp_path: Path) -> Path:
    path = tmp_path / "films.db"
    Store(path).close()
    return path


@pytest.mark.parametrize(
    ("args", "word"), BAD_COMMAND_LINES, ids=[" ".join(args)[:50] for args, _ in BAD_COMMAND_LINES]
)
def test_a_bad_command_line_is_one_line_naming_it(args, word, tmp_path, existing_db, capsys, monkeypatch):
    (tmp_path / "page.html").write_text("<html><title>x</title></html>", encoding="utf-8")
    os.mkfifo(tmp_path / "fifo")
    with (tmp_path / "huge.html").open("wb") as huge:
        huge.truncate(Settings().max_bytes + 1)  # sparse: no disk used
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b"<p>" + b" " * Settings().max_bytes))  # 45 kB packed
    (tmp_path / "damaged.html.gz").write_bytes(gzip.compress(b"<html><p>a page</p></html>")[:-12] + b"\x00" * 12)
    filled = [arg.replace("{tmp}", str(tmp_path)).replace("{db}", str(existing_db)) for arg in args]
    code, err = run(filled, capsys, monkeypatch)
    assert_one_line_usage_error(code, err, word)


def test_the_tables_hold_the_issues_count_of_bad_inputs():
    assert len(BAD_CONFIGS) + 1 + len(BAD_COMMAND_LINES) >= 116


def test_a_good_config_of_every_key_is_accepted(tmp_path):
    config = tmp_path / "crawl.toml"
    config.write_text(
        """[crawl]
seeds = ["http://[::1]:8768/list/", "https://www.example-blog.com/best/"]
contact = "mailto:ops@example.org"
delay_seconds = 0
per_host_concurrency = 2
concurrency = 8
timeout_seconds = 0.5
max_attempts = 1
backoff_seconds = 0
max_retry_after_seconds = 120
max_bytes = 1000
max_redirects = 0
max_pages = 1
max_depth = 0
subpages = []
recrawl_hours = { review = 0, film = 1.5, keywords = 1000 }
allow_hosts = ["films.example", "::1"]
resolve = { "films.example:80" = "127.0.0.1:8080" }
http2 = false
robots_max_age_hours = 0
archive = ""
search_url = "http://films.example/find/?q={query}"
title_url = "http://films.example/title/{imdb_id}/"
""",
        encoding="utf-8",
    )
    settings = load_settings(config)
    assert settings.seeds[0] == "http://[::1]:8768/list/"
    assert settings.recrawl_after()["keywords"].total_seconds() == 1000 * 3600
    assert settings.recrawl_after()["title"].total_seconds() == 1.5 * 3600
    assert settings.subpages == ()
