"""Parse health: per run, page kind and layout, the share of pages on which each field was found.

The parsers define what a page should carry: every record names its ``layout``,
and a film page lists in ``missing`` the fields its layout should have carried
but did not (each layout's own table of expected fields, in parsers/imdb). A
page counts toward a field when it found the field or reported it missing, so
the fields tracked are those the parsers expect plus those pages happened to
give. ``layout`` itself is a field too: found when the page matched a known
layout. The check also pools each kind's layouts as the layout ``*``, so a
site moving to a layout the parsers do not know shows as a drop there.

The alarm (``cinescrape health``, and the crawl summary) compares the last run
that parsed pages with the runs before it: a field whose share fell by more
than the threshold is the sign of a site that changed its pages.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, fields

from sqlite_utils import Database

from parsers.records import FilmPage, Record, ReviewPage, SearchPage
from parsers.text import counted

ALL_LAYOUTS = "*"
_NOT_FIELDS = {"kind", "url", "layout", "source", "subpages", "missing", "sources", "conflicts"}
_FILM_FIELDS = tuple(f.name for f in fields(FilmPage) if f.name not in _NOT_FIELDS)
UNKNOWN = "unknown"
CONFIDENT = 0.5  # a review page's list below this confidence is not counted as found

# pages: the pages of the group that tracked the field; the field ``layout`` is tracked on every page, so its
# count is the group's number of pages, the denominator of every share.
_COUNT = (
    "insert into parse_stats (run_id, kind, layout, field, pages, found) values (?, ?, ?, ?, 1, ?) "
    "on conflict (run_id, kind, layout, field) do update set pages = pages + 1, found = found + excluded.found"
)


def page_fields(record: Record) -> tuple[str, dict[str, bool]]:
    """The record's layout and, for each field tracked on it, whether it was found."""
    if isinstance(record, ReviewPage):
        return record.list_shape or UNKNOWN, {
            "layout": record.list_shape is not None,
            "entries": bool(record.entries),
            "confident": record.confidence >= CONFIDENT,
            "title": record.article.title is not None,
        }
    if isinstance(record, SearchPage):
        return record.layout, {"layout": record.layout != UNKNOWN, "results": bool(record.results)}
    found = {name: True for name in _FILM_FIELDS if getattr(record, name) is not None}
    # A known layout that gave under half of a title's core facts is a layout that changed: a failure, counted so.
    recognised = record.layout != UNKNOWN and not record.mostly_unread
    return record.layout, {"layout": recognised, **found, **dict.fromkeys(record.missing, False)}


def count_page(db: Database, run_id: int, record: Record) -> None:
    """Add one parsed page to its run's stats (inside the page's own transaction)."""
    layout, found = page_fields(record)
    db.conn.executemany(_COUNT, [(run_id, record.kind, layout, name, int(hit)) for name, hit in found.items()])


@dataclass(frozen=True, slots=True)
class Drop:
    kind: str
    layout: str
    field: str
    before: float
    now: float
    pages: int  # pages of this kind and layout in the last run


@dataclass(frozen=True, slots=True)
class Health:
    run_id: int | None  # the last run that parsed pages
    earlier: tuple[int, ...]  # the runs it was compared with
    threshold: float
    compared: int  # fields compared
    drops: tuple[Drop, ...]

    @property
    def ok(self) -> bool:
        return not self.drops

    def summary(self) -> str:
        if self.run_id is None:
            return "parse health: no parsed pages recorded yet"
        if not self.earlier:
            return f"parse health: run {self.run_id} is the first with parsed pages; nothing to compare it with"
        against = f"runs {self.earlier[0]}-{self.earlier[-1]}" if len(self.earlier) > 1 else f"run {self.earlier[0]}"
        if self.ok:
            return (
                f"parse health: run {self.run_id} OK ({self.compared} fields within {self.threshold:.2f} of {against})"
            )
        return (
            f"parse health: run {self.run_id}: {counted(len(self.drops), 'field')} found on fewer pages than in {against} "
            f"(drop > {self.threshold:.2f}); has a site changed its layout?"
        )

    def table(self) -> str:
        header = ("kind", "layout", "field", "before", "now", "pages")
        rows = [header] + [
            (d.kind, d.layout, d.field, f"{d.before:.2f}", f"{d.now:.2f}", str(d.pages)) for d in self.drops
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
        lines = ("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows)
        return "\n".join(line.rstrip() for line in lines)


def check(db: Database, threshold: float = 0.2, runs: int = 5, min_pages: int = 5) -> Health:
    """Compare the last run's shares with those of up to ``runs`` earlier runs (pooled).

    Only kinds and layouts with at least ``min_pages`` pages in the last run are judged: one page tells
    nothing about a site.
    """
    run_ids = [row[0] for row in db.execute("select distinct run_id from parse_stats order by run_id desc")]
    if not run_ids:
        return Health(None, (), threshold, 0, ())
    # Like with like: a run killed before it finished parsed part of the site, and the run that resumed it the
    # rest; each alone is a lopsided sample (the films with keywords in one, those without in the other).
    # Together they are one crawl, compared as one with the runs before them.
    killed = {row[0] for row in db.execute("select id from runs where finished_at is null")}
    crawl = [run_ids[0]]
    while len(crawl) < len(run_ids) and run_ids[len(crawl)] in killed:
        crawl.append(run_ids[len(crawl)])
    last, earlier = run_ids[0], tuple(sorted(run_ids[len(crawl) : len(crawl) + runs]))
    now = _shares(db, tuple(crawl))
    before = _shares(db, earlier) if earlier else {}
    compared, drops = 0, []
    for (kind, layout), (pages, now_found) in sorted(now.items()):
        if pages < min_pages or (kind, layout) not in before:
            continue
        before_pages, before_found = before[kind, layout]
        for field, found in sorted(before_found.items()):
            compared += 1
            share_before, share_now = found / before_pages, now_found.get(field, 0) / pages
            if share_before - share_now > threshold:
                drops.append(Drop(kind, layout, field, share_before, share_now, pages))
    return Health(last, earlier, threshold, compared, tuple(drops))


def _shares(db: Database, run_ids: tuple[int, ...]) -> dict[tuple[str, str], tuple[int, dict[str, int]]]:
    """(kind, layout) → (pages, field → pages that found it), pooled over ``run_ids``; layout ``*`` sums a kind's."""
    marks = ", ".join("?" for _ in run_ids)
    pages: dict[tuple[str, str], int] = defaultdict(int)
    found: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for kind, layout, field, tracked, hits in db.execute(
        f"select kind, layout, field, pages, found from parse_stats where run_id in ({marks})", run_ids
    ):
        for group in ((kind, layout), (kind, ALL_LAYOUTS)):
            if field == "layout":  # tracked on every page: its count is the group's number of pages
                pages[group] += tracked
            found[group][field] += hits
    return {group: (pages[group], dict(fields)) for group, fields in found.items()}
