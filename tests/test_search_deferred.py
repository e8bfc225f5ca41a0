"""Resolving list entries without a title link: by default no search is sent anywhere (IMDb's search sits
behind a bot wall); where a search URL is set and its site does not answer, the searches wait for a later
run, summed up in one line, neither failures nor fetched pages."""

from __future__ import annotations

from click.testing import CliRunner

from scraper.cli import cli
from scraper.config import Settings, load_settings
from tests.servers import fault_server, html

ENTRIES = "".join(
    f"<h2>{rank}. {title} ({year})</h2><p>Why {title} belongs on this list: a paragraph of praise.</p>"
    for rank, title, year in [(3, "The Red Chapel", 2009), (2, "Inside North Korea", 2007), (1, "Crossing", 2008)]
)
LIST = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The 3 best films</title></head>'
    f"<body><article><h1>The 3 best films</h1><p>Our picks.</p>{ENTRIES}</article></body></html>"
)
BOT_WALL = html("<h1>Please verify you are a human</h1>", 403)


def test_by_default_no_search_url_is_set():
    assert Settings().search_url == "" and load_settings().search_url == ""


def test_by_default_an_unlinked_entry_sends_no_search(tmp_path):
    with fault_server({"/list/": html(LIST), "/find/": BOT_WALL}) as server:
        result = CliRunner().invoke(cli, ["crawl", server.base + "/list/", "--db", str(tmp_path / "films.db")])
        asked = [seen.path for seen in server.seen]
    assert result.exit_code == 0, result.output
    assert asked == ["/robots.txt", "/list/"]
    assert "search" not in result.stderr


def test_searches_the_site_does_not_answer_are_one_summary_line_and_no_failure(tmp_path):
    with fault_server({"/list/": html(LIST), "/find/": BOT_WALL}) as server:
        config = tmp_path / "crawl.toml"
        config.write_text(f'search_url = "{server.base}/find/?q={{query}}"\n', encoding="utf-8")
        args = ["crawl", server.base + "/list/", "--db", str(tmp_path / "films.db"), "--config", str(config)]
        result = CliRunner().invoke(cli, [*args, "--delay", "0"])
        searched = sum(1 for seen in server.seen if seen.path.startswith("/find/"))
        again = CliRunner().invoke(cli, [*args, "--delay", "0"])  # the next run: the searches wait a day
        searched_again = sum(1 for seen in server.seen if seen.path.startswith("/find/"))
    assert searched == 3 and searched_again == 3
    assert result.exit_code == 0, result.output  # a bot wall is no failure of the crawl: cron mails nothing
    assert result.stderr.splitlines() == [
        "cinescrape crawl: run 1: 1 page fetched, 1 parsed, 0 unchanged, 3 searches deferred (HTTP 403 Forbidden); "
        "database: 1 page, 1 article, 3 ranked entries, 0 films, 0 companies, 0 keywords"
    ]
    assert again.exit_code == 0
