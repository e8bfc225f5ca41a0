"""WARC files written with warcio for the import tests and bench/warc.py: real pages as HTTP 200 responses,
and the other records a real crawl's WARC holds (warcinfo, requests, a 404, an image, revisits)."""

from __future__ import annotations

import base64
import hashlib
import io
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.conftest import FIXTURES, REAL

# (URL it was captured at, real page); the shared real pages where they are, the sample site's otherwise
SITE_PAGES = [
    (f"http://www.imdb.com/title/{path.parent.name}/", path)
    for path in sorted((FIXTURES / "site" / "title").glob("tt*/index.html"))
]


def real_pages() -> list[tuple[str, Path]]:
    """Title pages of every layout and sub-pages of ../shared, at the IMDb URLs they were saved from."""
    pages: list[tuple[str, Path]] = []
    for path in sorted((REAL / "A_imdb_title_old").glob("flexget__tt*.html")):
        pages.append((f"http://www.imdb.com/title/{path.name.split('__')[1]}/", path))
    for path in sorted((REAL / "A_imdb_title_new").glob("*tt*.html")):
        imdb_id = next(part for part in path.stem.split("__") if part.startswith("tt"))
        pages.append((f"https://www.imdb.com/title/{imdb_id}/", path))
    for name, sub in (("releaseinfo__2016-02-27", "releaseinfo"), ("keywords__2014-06-29", "keywords")):
        pages.append(
            (
                f"http://www.imdb.com/title/tt0133093/{sub}",
                REAL / "B_imdb_subpages" / f"spotlite__tt0133093__{name}.html",
            )
        )
    return list(dict(pages).items())  # one page per URL


def response(
    writer: WARCWriter,
    url: str,
    body: bytes,
    date: datetime | str,  # a str: the WARC-Date as written, right or wrong
    status: str = "200 OK",
    content_type: str = "text/html; charset=utf-8",
) -> None:
    headers = StatusAndHeaders(
        status, [("Content-Type", content_type), ("Content-Length", str(len(body)))], protocol="HTTP/1.1"
    )
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        length=len(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": warc_date(date) if isinstance(date, datetime) else date},
    )
    _write(writer, record)


def revisit(
    writer: WARCWriter, url: str, original_url: str, original_date: datetime, body: bytes, date: datetime
) -> None:
    """An identical-payload revisit of the response for ``original_url`` (whose body was ``body``)."""
    digest = "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode()
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    record = writer.create_revisit_record(url, digest, original_url, warc_date(original_date), http_headers=headers)
    record.rec_headers.replace_header("WARC-Date", warc_date(date))
    _write(writer, record)


def _write(writer: WARCWriter, record: ArcWarcRecord) -> None:
    writer.write_record(record)
    if record.raw_stream is not None:
        record.raw_stream.close()  # warcio buffers a record without a length in a temporary file


def warc_date(date: datetime) -> str:
    return date.strftime("%Y-%m-%dT%H:%M:%SZ")


def write_warc(path: Path, pages: Iterable[tuple[str, bytes]], start: datetime, gzip: bool = True) -> list[datetime]:
    """One response per page, a minute apart from ``start``, between a warcinfo, a request, a 404 and an
    image; returns each page's capture date."""
    dates: list[datetime] = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "cinescrape tests"}))
        request = b"GET / HTTP/1.1\r\n\r\n"
        _write(writer, writer.create_warc_record("http://www.imdb.com/", "request", io.BytesIO(request), len(request)))
        response(writer, "http://www.imdb.com/title/tt0000404/", b"<h1>Not found</h1>", start, status="404 Not Found")
        response(writer, "http://www.imdb.com/logo.png", b"\x89PNG\r\n", start, content_type="image/png")
        for number, (url, body) in enumerate(pages):
            date = start + timedelta(minutes=number)
            response(writer, url, body, date)
            dates.append(date)
    return dates


START = datetime(2016, 3, 1, tzinfo=UTC)
