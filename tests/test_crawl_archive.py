"""The raw archive through whole crawls on 127.0.0.1: what it keeps, `cinescrape reparse` and
`cinescrape export-warc`."""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database
from warcio.archiveiterator import ArchiveIterator

from db import Store
from db.archive import ArchivedFetch, SqliteArchive, archive_path_for
from scraper.archive import archive_path
from scraper.cli import cli
from scraper.crawl import crawl
from scraper.lock import run_lock
from scraper.run import run_crawl
from tests.servers import FaultServer, fault_server, film_site, html, raw, site_settings

GONE = "/title/tt1001002/"
GZIPPED = "/gzipped/"
COPY = "/copy-of-list-1/"


def archived_site() -> tuple[dict, list[str]]:
    """Two lists of three films; one film page is gone (410 with a body), one list also served gzipped
    and one at a second URL (the same body twice)."""
    routes, seeds = film_site(2, 3)
    routes[GONE] = html("<h1>This title was removed</h1>", 410)
    list_1 = routes["/lists/1/"]
    routes[COPY] = list_1
    body = b"<!DOCTYPE html><html><head><title>The 2 best films</title></head><body><article><h1>The 2 best films</h1>"
    body += b'<h2>2. <a href="/title/tt1001003/">Film 3 of list 1</a> (1953)</h2><p>Fine.</p>'
    body += (
        b'<h2>1. <a href="/title/tt1002003/">Film 3 of list 2</a> (1953)</h2><p>Also fine.</p></article></body></html>'
    )
    compressed = gzip.compress(body)
    routes[GZIPPED] = raw(
        200,
        compressed,
        {
            "Content-Type": "text/html; charset=utf-8",
            "Content-Encoding": "gzip",
            "Content-Length": str(len(compressed)),
        },
    )
    return routes, [*seeds, COPY, GZIPPED]


@pytest.fixture
def crawled(tmp_path: Path) -> tuple[FaultServer, Path]:
    routes, seeds = archived_site()
    db_path = tmp_path / "films.db"
    with fault_server(routes) as server:
        run_crawl(site_settings(server, seeds), db_path, "crawl")
    return server, db_path


def fetches(db_path: Path) -> list[tuple[str, int]]:
    return Database(archive_path_for(db_path)).execute("select url, status from fetches order by id").fetchall()


def test_every_response_with_a_body_is_archived_beside_the_database_one_copy_per_body(crawled):
    server, db_path = crawled
    assert archive_path_for(db_path) == db_path.with_name("films.archive.db")
    urls = {url.removeprefix(server.base) for url, _ in fetches(db_path)}
    pages = {request.path for request in server.seen} - {"/robots.txt"}
    assert urls == pages
    assert (server.base + GONE, 410) in fetches(db_path)
    archive = Database(archive_path_for(db_path))
    # list 1 was served at two URLs: two fetches, one body
    assert archive.execute("select count(*), count(distinct body_sha256) from fetches").fetchone() == (
        len(pages),
        len(pages) - 1,
    )
    assert archive.execute("select count(*) from bodies").fetchone()[0] == len(pages) - 1


def test_bodies_are_kept_decoded_and_compressed_and_read_back_whole(crawled):
    server, db_path = crawled
    archive = SqliteArchive(archive_path_for(db_path))
    by_url = {fetch.url: fetch for fetch in archive.latest()}
    gzipped = by_url[server.base + GZIPPED]
    assert gzipped.body.startswith(b"<!DOCTYPE html>")
    assert gzipped.header("content-encoding") == "gzip"  # the headers as received
    total_size, stored = (
        Database(archive_path_for(db_path)).execute("select sum(size), sum(length(data)) from bodies").fetchone()
    )
    assert stored < total_size / 2
    assert server.base + GONE not in by_url  # latest() gives what a re-parse can use: 2xx bodies


def test_a_second_run_answered_with_304_archives_nothing_new(crawled, tmp_path):
    _, db_path = crawled
    before = fetches(db_path)
    routes, seeds = archived_site()
    with fault_server(routes) as again:
        # the same paths on a new port are new URLs: crawl them twice, the second time all due again
        settings = site_settings(again, seeds, recrawl_hours={"review": 0.0, "film": 0.0})
        run_crawl(settings, tmp_path / "second.db", "crawl")
        first = len(fetches(tmp_path / "second.db"))
        report = run_crawl(settings, tmp_path / "second.db", "crawl")
    assert report.summary.unchanged > 0
    changed = [url for url, status in fetches(tmp_path / "second.db")[first:]]
    # only what has no ETag (the gzipped list) or is an error page (the 410) comes back with a body
    assert sorted(url.removeprefix(again.base) for url in changed) == sorted([GZIPPED, GONE])
    assert fetches(db_path) == before


class CheckingArchive(SqliteArchive):
    """Fails the test if a page is saved before its body is in the archive."""

    store: Store

    def put(self, fetch: ArchivedFetch) -> str:
        stored = self.store.page(fetch.url)
        assert stored is None or stored.content_hash != fetch.sha256, f"{fetch.url} was saved before it was archived"
        return super().put(fetch)


def test_the_body_is_archived_before_the_page_is_saved(tmp_path):
    routes, seeds = film_site(1, 2)
    store = Store(tmp_path / "films.db")
    archive = CheckingArchive(tmp_path / "films.archive.db")
    archive.store = store
    with fault_server(routes) as server:
        summary = asyncio.run(crawl(site_settings(server, seeds), store, archive=archive))
    assert summary.parsed == 3
    assert archive.conn.execute("select (select count(*) from fetches), (select count(*) from bodies)").fetchone() == (
        3,
        3,
    )


def test_the_archive_can_be_moved_or_turned_off(tmp_path):
    routes, seeds = film_site(1, 2)
    with fault_server(routes) as server:
        run_crawl(site_settings(server, seeds, archive=str(tmp_path / "raw.db")), tmp_path / "a.db", "crawl")
        run_crawl(site_settings(server, seeds, archive=""), tmp_path / "b.db", "crawl")
    assert Database(tmp_path / "raw.db").execute("select count(*) from fetches").fetchone()[0] == 3
    assert sorted(path.name for path in tmp_path.glob("*.db")) == ["a.db", "b.db", "raw.db"]


# ---------------------------------------------------------------------- reparse

FACT_TABLES = ("films", "rankings", "film_keywords", "film_genres", "articles")


def facts(db_path: Path) -> dict[str, list[tuple]]:
    db = Database(db_path)
    return {name: db.execute(f"select * from {name} order by 1, 2").fetchall() for name in FACT_TABLES}


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_reparse_reloads_every_page_from_the_archive_without_the_network(crawled):
    _, db_path = crawled  # the server is shut down: any request would fail
    before = facts(db_path)
    db = Database(db_path)
    db.execute("update films set title = 'an older parser got this wrong' where page_id is not null")
    db.execute("delete from film_keywords")
    db.conn.commit()
    result = invoke("reparse", "--db", str(db_path))
    assert result.exit_code == 0, result.output
    parsed = len(list(SqliteArchive(archive_path_for(db_path)).latest()))
    assert result.stderr.strip().endswith(f"{parsed} pages re-parsed")
    assert facts(db_path) == before
    assert db.execute(
        "select command, pages_parsed, pages_failed, exit_code from runs order by id desc limit 1"
    ).fetchone() == (
        "reparse",
        parsed,
        0,
        0,
    )


def test_links_the_parsers_find_now_are_queued_for_the_next_crawl(crawled):
    server, db_path = crawled
    db = Database(db_path)
    db.execute("delete from frontier where discovered_from is not null")  # as if an older parser found no links
    db.conn.commit()
    assert invoke("reparse", "--db", str(db_path), "--kind", "review").exit_code == 0
    queued = db.execute("select url, depth, discovered_from from frontier where status = 'pending'").fetchall()
    films = {f"{server.base}/title/tt100{n}00{rank}/" for n in (1, 2) for rank in (1, 2, 3)}
    lists = {server.base + path for path in ("/lists/1/", "/lists/2/", COPY, GZIPPED)}
    assert {url for url, _, _ in queued} == films
    assert all(depth == 1 and parent in lists for _, depth, parent in queued)


def test_reparse_can_be_limited_by_url_glob_or_kind(crawled):
    _, db_path = crawled
    titles = invoke("reparse", "--db", str(db_path), "--url", "*/title/*", "--quiet")
    assert (titles.exit_code, titles.stderr) == (0, "")
    reviews = invoke("reparse", "--db", str(db_path), "--kind", "review")
    assert reviews.stderr.strip().endswith("4 pages re-parsed")  # two lists, the copy, the gzipped one
    counts = Database(db_path).execute("select pages_parsed from runs where command = 'reparse' order by id").fetchall()
    assert counts == [(5,), (4,)]  # six title pages, one of them gone (410, no 2xx body)


def test_a_page_that_no_longer_parses_is_listed_recorded_and_exits_1(crawled):
    server, db_path = crawled
    url = server.base + "/lists/2/"
    archive = SqliteArchive(archive_path_for(db_path))
    archive.put(ArchivedFetch(url, url, 200, (("Content-Type", "text/html"),), b"\x00\x01\x02 binary"))
    archive.close()
    rankings = Database(db_path).execute("select count(*) from rankings").fetchone()[0]
    result = invoke("reparse", "--db", str(db_path))
    assert result.exit_code == 1
    assert f"  {url}: not a page cinescrape reads: binary data" in result.stderr
    db = Database(db_path)
    assert db.execute("select error from pages where url = ?", [url]).fetchone()[0].startswith("not a page")
    assert db.execute("select count(*) from rankings").fetchone()[0] == rankings  # its earlier facts are kept


def test_reparse_waits_for_no_one_another_run_holding_the_lock_exits_75(crawled):
    _, db_path = crawled
    with run_lock(db_path):
        result = invoke("reparse", "--db", str(db_path))
    assert result.exit_code == 75
    assert "in use by another cinescrape run" in result.stderr


def test_reparse_without_an_archive_is_a_usage_error(tmp_path):
    Store(tmp_path / "films.db").close()
    result = invoke("reparse", "--db", str(tmp_path / "films.db"))
    assert result.exit_code == 2
    assert "no archive at" in result.stderr


# ---------------------------------------------------------------------- WARC


def test_export_warc_writes_every_fetch_as_a_response_record_that_warcio_reads_back(crawled, tmp_path):
    server, db_path = crawled
    out = tmp_path / "films.warc.gz"
    result = invoke("export-warc", str(out), "--db", str(db_path))
    assert result.exit_code == 0, result.output
    expected = [(f.final_url, f.status, f.body) for f in SqliteArchive(archive_path_for(db_path)).records()]
    assert f"{len(expected)} responses written" in result.stderr
    assert out.read_bytes()[:2] == b"\x1f\x8b"
    seen = []
    types = []
    with out.open("rb") as stream:
        for record in ArchiveIterator(stream):
            types.append(record.rec_type)
            if record.rec_type != "response":
                continue
            assert record.rec_headers.get_header("WARC-Date").endswith("Z")
            assert record.rec_headers.get_header("WARC-Payload-Digest").startswith("sha1:")
            assert record.http_headers.get_header("Content-Encoding") is None
            body = record.content_stream().read()
            url = record.rec_headers.get_header("WARC-Target-URI")
            seen.append((url, int(record.http_headers.get_statuscode()), body))
    assert types == ["warcinfo"] + ["response"] * len(expected)
    assert seen == expected
    assert (server.base + GONE, 410, b"<h1>This title was removed</h1>") in seen
    assert gzip_members(out.read_bytes()) == len(types)  # gzip per record, as WARC readers seek
    digest = hashlib.sha256({url: body for url, _, body in seen}[server.base + GZIPPED]).hexdigest()
    assert (
        Database(db_path).execute("select content_hash from pages where url = ?", [server.base + GZIPPED]).fetchone()[0]
        == digest
    )


def gzip_members(data: bytes) -> int:
    count = 0
    while data:
        member = zlib.decompressobj(wbits=31)
        member.decompress(data)
        data, count = member.unused_data, count + 1
    return count


def test_settings_default_the_archive_beside_the_database():
    assert archive_path(None, Path("/srv/films.db")) == Path("/srv/films.archive.db")
    assert archive_path("", Path("/srv/films.db")) is None
    assert archive_path("/data/raw.db", Path("/srv/films.db")) == Path("/data/raw.db")
