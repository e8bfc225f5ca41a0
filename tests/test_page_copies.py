"""Copies of pages read as the pages they copy: a page as the Wayback Machine serves it (toolbar inserted, every link
through the archive) gives the record of the page it archived, at the archived address; a page saved by a browser
or by SingleFile or mirrored by HTTrack, given no address, is read at the one it was saved from; one saved as a
single file (MHTML) or kept gzipped is read as the page it holds."""

from __future__ import annotations

import gzip
import json
import quopri
import sys
from pathlib import Path

import pytest

from parsers import UnknownPage, parse
from parsers.copies import as_original, original_address
from scraper.cli import main
from tests.captures import CAPTURE, served_by_wayback, wayback_toolbar
from tests.conftest import FIXTURES, SHARED

REAL_OWN = FIXTURES / "real"


@pytest.mark.parametrize(
    ("url", "original"),
    [
        ("https://web.archive.org/web/20160301123456/http://www.imdb.com/title/tt0111161/",
         "http://www.imdb.com/title/tt0111161/"),
        ("http://web.archive.org/web/20160301123456id_/https://letterboxd.com/film/heat/",
         "https://letterboxd.com/film/heat/"),
        ("https://web.archive.org/web/20160301123456/http:/www.imdb.com/chart/top", "http://www.imdb.com/chart/top"),
        # Archive-It's collections and other pywb archives
        ("https://wayback.archive-it.org/1234/20160301123456/http://example.org/films?page=2",
         "http://example.org/films?page=2"),
        ("https://www.imdb.com/title/tt0111161/", "https://www.imdb.com/title/tt0111161/"),
        (None, None),
    ],
)  # fmt: skip
def test_a_captures_address_is_the_address_it_archived(url: str | None, original: str | None) -> None:
    assert original_address(url) == original


def test_a_page_citing_archived_copies_is_no_capture() -> None:
    # a Wikipedia list's references link the archive's copies of their sources: those links stay the archive's
    page = b'<html><body><ol><li><a href="https://web.archive.org/web/20160301123456/http://x.org/a">Archived</a></li>'
    assert as_original(page, "https://en.wikipedia.org/wiki/List_of_films") == (
        page,
        "https://en.wikipedia.org/wiki/List_of_films",
    )


# Real pages whose readings rest on their links: a site's own film pages (Odeon's listings, Curzon's A-Z), IMDb's
# relative link forms (a 2014 title page's /genre/ and /company/ links, a release-info page, a chart of /title/ links)
PAGES = [
    "dev/C_lists/andycroll__odeon-brighton-cinema-listings-today__2013-09.html",
    "dev/C_lists/arc363__curzon-home-cinema-a-z-collection-1356-films__2024-03.html",
    "dev/C_lists/gyermolenko__imdb-chart-top250__2015-05.html",
    "dev/A_imdb_title/alepar__tt0362269__2014-11.html",
    "dev/A_imdb_title/slftp__tt3450958__2021-07.html",
    "dev/B_imdb_subpages/matthandlersux__tt0095016__releaseinfo__2014-12.html",
]


@pytest.mark.parametrize("name", PAGES)
def test_a_page_served_by_the_archive_reads_as_the_page_itself(name: str) -> None:
    toolbar = wayback_toolbar()
    if toolbar is None:
        pytest.skip(f"{CAPTURE} (the real capture the toolbar is cut from) is not beside this checkout")
    page = (REAL_OWN / "pages" / name).read_bytes()
    url = json.loads((REAL_OWN / "gold" / name).with_suffix(".json").read_text(encoding="utf-8"))["url"]
    captured, capture_url = served_by_wayback(page, url, toolbar)
    as_it_was, as_archived = parse(page, url=url).to_dict(), parse(captured, url=capture_url).to_dict()
    assert as_it_was.get("entries") or as_it_was.get("genres") or as_it_was.get("release_dates")
    # of a film's links to a sub-page the first absolute one is kept, and the archive makes relative ones absolute
    assert as_archived.pop("subpages", {}).keys() == as_it_was.pop("subpages", {}).keys()
    assert as_archived == as_it_was


def test_a_real_capture_gives_its_list_and_the_archived_address() -> None:
    if not CAPTURE.is_file():
        pytest.skip(f"{CAPTURE} is not beside this checkout")
    gold = json.loads((SHARED / "gold2" / "C_listicles_reviews" / f"{CAPTURE.stem}.json").read_text(encoding="utf-8"))
    record = parse(CAPTURE.read_bytes(), url=gold["url"]).to_dict()
    assert gold["url"].startswith("https://web.archive.org/web/20200518073855/")
    archived = "https://www.empireonline.com/movies/features/best-movies-2/"
    assert record["url"] == record["article"]["canonical_url"] == archived
    assert [entry["rank"] for entry in record["entries"]] == list(range(100, 0, -1))  # its titles: test_review_real


@pytest.mark.parametrize(
    ("name", "address"),
    [
        # Chrome's "save page" comment: relative links ("/title/tt0111161/?ref_=…") resolve against it
        ("dev/C_lists/rajendarkatravath__imdb-chart-top250__nextjs__saved-2023-12", "https://www.imdb.com/chart/top/"),
        # HTTrack's, without a scheme
        ("dev/C_no_list/iptv-org__arena-sport-tv-scheme-httrack-mirror__2024-02", "http://www.tvarenasport.com/tv-scheme"),
        # SingleFile's
        ("dev/A_imdb_title/ali-hashemi__tt0944947_tvseries__singlefile__2023-03",
         "https://www.imdb.com/title/tt0944947/?ref_=fn_al_tt_1"),
    ],
)  # fmt: skip
def test_a_saved_page_given_no_address_is_read_at_the_one_it_was_saved_from(name: str, address: str) -> None:
    page = (REAL_OWN / "pages" / f"{name}.html").read_bytes()
    record = parse(page).to_dict()
    assert record["url"] == address
    assert record == parse(page, url=address).to_dict()


def test_an_address_given_wins_over_the_saved_one() -> None:
    page = b"<!-- saved from url=(0031)https://www.imdb.com/chart/top/ -->\n<html><body><p>x</p></body></html>"
    assert as_original(page, "https://example.org/top")[1] == "https://example.org/top"
    assert as_original(page, None)[1] == "https://www.imdb.com/chart/top/"
    assert as_original(page.replace(b"https://www.imdb.com/chart/top/", b"about:internet"), None)[1] is None


def _as_mhtml(page: bytes, address: str, charset: str) -> bytes:
    """``page`` saved "as a single file" the way Chrome writes it (Blink's MHTML: the archive's headers, then the
    page as its first part, quoted-printable, then a picture of the page as a second, base64)."""
    boundary = "----MultipartBoundary--Y1QFCkeSB7qFk5TTN6eC0ZzHQcnGe1ZYW5p9tUoEMW----"
    head = (
        "From: <Saved by Blink>\r\n"
        f"Snapshot-Content-Location: {address}\r\n"
        "Subject: =?utf-8?Q?A=20saved=20page?=\r\n"
        "Date: Sat, 5 Dec 2026 10:00:00 -0000\r\n"
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{boundary}"\r\n\r\n\r\n'
        f"--{boundary}\r\n"
        f"Content-Type: text/html; charset={charset}\r\n"
        "Content-ID: <frame-2F6A2E3C@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        f"Content-Location: {address}\r\n\r\n"
    )
    picture = f"\r\n--{boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
    picture += f"Content-Location: {address}logo.png\r\n\r\niVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAHnOcQAAAAABJRU5ErkJggg==\r\n"
    return head.encode() + quopri.encodestring(page) + picture.encode() + f"--{boundary}--\r\n".encode()


@pytest.mark.parametrize(
    ("name", "charset"),
    [
        ("dev/C_lists/andycroll__odeon-brighton-cinema-listings-today__2013-09", "utf-8"),
        ("dev/C_lists/prisioner__kinopoisk-top500-list-page1__2017-08__cp1251", "windows-1251"),
        ("dev/A_imdb_title/alepar__tt0362269__2014-11", "utf-8"),
    ],
)
def test_a_page_saved_as_one_mhtml_file_reads_as_the_page(name: str, charset: str) -> None:
    page = (REAL_OWN / "pages" / f"{name}.html").read_bytes()
    url = json.loads((REAL_OWN / "gold" / f"{name}.json").read_text(encoding="utf-8"))["url"]
    as_it_was = parse(page, url=url).to_dict()
    assert as_it_was.get("entries") or as_it_was.get("genres")
    assert parse(_as_mhtml(page, url, charset)).to_dict() == as_it_was  # its address from the archive's headers


def test_an_mhtml_file_without_a_page_is_no_page() -> None:
    archive = _as_mhtml(b"", "https://example.org/", "utf-8").replace(b"text/html; charset=utf-8", b"text/css")
    with pytest.raises(UnknownPage):
        parse(archive)


def test_cinescrape_parse_reads_a_page_kept_gzipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # crawl dumps and test corpora keep pages gzipped (real2's Box Office Mojo chart came as 2019-04-26.html.gz)
    name = "dev/C_lists/andycroll__odeon-brighton-cinema-listings-today__2013-09"
    page = (REAL_OWN / "pages" / f"{name}.html").read_bytes()
    url = json.loads((REAL_OWN / "gold" / f"{name}.json").read_text(encoding="utf-8"))["url"]
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(page))
    monkeypatch.setattr(sys, "argv", ["cinescrape", "parse", str(tmp_path / "page.html.gz"), "--url", url])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 0
    assert json.loads(capsys.readouterr().out) == parse(page, url=url).to_dict()
