"""The raw archive: what the crawler needs of it, and the two jobs it makes possible without the network.

``reparse`` runs today's parsers over the latest archived body of each URL (after a parser improved);
``export_warc`` writes the archive as standard WARC for other tools. Today the archive is
``db.archive.SqliteArchive``; the crawler only ever talks to this interface.
"""

from __future__ import annotations

import fnmatch
import io
import logging
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Protocol

import httpx
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from db import FetchedPage, FrontierItem, SqliteFrontier, Store
from db.archive import ArchivedFetch, archive_path_for
from parsers.records import Record

from .config import Settings
from .crawl import RunSummary, queue_links
from .parsing import PageError, parse_page

log = logging.getLogger("cinescrape")


class Archive(Protocol):
    def put(self, fetch: ArchivedFetch) -> str:
        """Keep one response (its body once per distinct content); returns the body's sha256."""

    def latest(self) -> Iterator[ArchivedFetch]:
        """The most recent 2xx fetch of each URL."""

    def records(self) -> Iterator[ArchivedFetch]:
        """Every fetch, oldest first."""


def archive_path(setting: str | None, db_path: Path) -> Path | None:
    """The archive file for a database: the ``archive`` setting, beside the database when unset, none when ""."""
    if setting is None:
        return archive_path_for(db_path)
    return Path(setting) if setting else None


# Pages arrive in bulk: loading a batch in one transaction is about twice as fast (bench/load.py); a kill
# loses at most one batch, which the next reparse does again.
_PAGES_PER_TRANSACTION = 200


def reparse(
    store: Store,
    archive: Archive,
    run_id: int,
    settings: Settings,
    url_glob: str | None = None,
    kind: str | None = None,
) -> RunSummary:
    """Parse the latest archived 2xx body of each URL again and load it, even when its content hash is the
    one stored: it is the parser that changed. Pages are matched by ``url_glob`` and by the ``kind`` they
    were stored with; a page that no longer parses gets its error recorded (its earlier facts are kept).
    Links the parsers find now are queued in the frontier for the next crawl (to which the pages look
    unchanged, so it would not parse them to find those links)."""
    summary = RunSummary(run_id=run_id)
    frontier = SqliteFrontier(store.db, run_id)
    stored_kinds = dict(store.db.execute("select url, kind from pages").fetchall())
    # a page read from a web archive keeps its capture when the body parsed again is the one it captured
    captures = {
        row[0]: row[1:]
        for row in store.db.execute(
            "select url, content_hash, captured_at, archive_url from pages where captured_at is not null"
        )
    }
    # as the crawler queued each URL: the kind it expected (None for seeds: detected), so both parse alike
    queued = {
        row[0]: FrontierItem(*row) for row in store.db.execute("select url, kind, depth, discovered_from from frontier")
    }
    batch: list[tuple[FetchedPage, Record | None]] = []
    items: dict[str, FrontierItem] = {}

    def load_batch() -> None:
        saved = store.save_pages(run_id, batch)
        summary.failed.extend(saved.failed)
        not_loaded = {url for url, _ in saved.failed}
        for fetched, record in batch:
            if record is not None and fetched.url not in not_loaded:
                summary.parsed += 1
                queue_links(frontier, settings, items[fetched.url], record)
        batch.clear()

    for fetch in archive.latest():
        if (url_glob and not fnmatch.fnmatchcase(fetch.url, url_glob)) or (
            kind and stored_kinds.get(fetch.url) != kind
        ):
            continue
        content_type = fetch.header("Content-Type") or ""
        item = items[fetch.url] = queued.get(fetch.url) or FrontierItem(fetch.url)
        try:
            record = parse_page(fetch.body, fetch.final_url, item.kind, content_type)
        except PageError as error:
            log.info("%s: %s", fetch.url, error)  # the summary lists every failure
            summary.failed.append((fetch.url, str(error)))
            batch.append((FetchedPage(fetch.url, item.kind, status=fetch.status, error=str(error)), None))
        else:
            content_hash, captured_at, archive_url = captures.get(fetch.url, (None, None, None))
            same_capture = content_hash == fetch.sha256
            fetched = FetchedPage(
                url=fetch.url,
                kind=record.kind,
                status=fetch.status,
                content_hash=fetch.sha256,
                content_type=content_type,
                etag=fetch.header("ETag"),
                last_modified=fetch.header("Last-Modified"),
                captured_at=captured_at if same_capture else None,
                archive_url=archive_url if same_capture else None,
            )
            batch.append((fetched, record))
        if len(batch) >= _PAGES_PER_TRANSACTION:
            load_batch()
    load_batch()
    return summary


# The archive keeps bodies decoded, so the headers that described the encoding on the wire would mislead a reader.
_WIRE_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


def export_warc(archive: Archive, path: Path) -> int:
    """Write every archived fetch to ``path`` as a WARC/1.0 ``response`` record (gzip per record); returns how
    many. Written beside ``path`` first and renamed, so a killed export leaves no half file under its name.

    The HTTP headers are those received, less Content-Encoding and Transfer-Encoding, with the Content-Length
    of the decoded body that the record carries. warcio adds WARC-Payload-Digest (sha1, base32).
    """
    partial = path.with_name(path.name + ".part")
    count = 0
    with partial.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "cinescrape"}))
        for fetch in archive.records():
            headers = [(name, value) for name, value in fetch.headers if name.lower() not in _WIRE_HEADERS]
            headers.append(("Content-Length", str(len(fetch.body))))
            status_line = f"{fetch.status} {httpx.codes.get_reason_phrase(fetch.status)}".strip()
            record = writer.create_warc_record(
                fetch.final_url,
                "response",
                payload=io.BytesIO(fetch.body),
                length=len(fetch.body),
                http_headers=StatusAndHeaders(status_line, headers, protocol="HTTP/1.1"),
                warc_headers_dict={"WARC-Date": _warc_date(fetch.fetched_at)},
            )
            writer.write_record(record)
            count += 1
    partial.replace(path)
    return count


def _warc_date(iso: str) -> str:
    """WARC-Date is W3C-ISO 8601 in UTC with a Z: "2026-11-26T04:00:00Z"."""
    return datetime.fromisoformat(iso).strftime("%Y-%m-%dT%H:%M:%SZ")
