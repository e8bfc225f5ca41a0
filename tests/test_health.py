"""Parse health: per-run field shares in ``parse_stats`` and the ``cinescrape health`` alarm."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from db import FetchedPage, Store
from db.health import check
from parsers.records import Article, Company, FilmPage, RankedEntry, ReleaseDate, ReviewPage
from scraper.cli import cli

FULL = FilmPage(
    kind="title",
    url=None,
    layout="nextjs",
    imdb_id="tt0000001",
    title="A film",
    year=2001,
    genres=("Documentary",),
    release_dates=(ReleaseDate("2001-05-01", "day", "US"),),
    companies=(Company("A Studio"),),
    keywords=("a keyword",),
    runtime_minutes=90,
)
# The same layout after the site moved its release dates: the parser reports them missing.
NO_DATES = replace(FULL, release_dates=None, missing=("release_dates",))
UNKNOWN = FilmPage(kind="title", url=None, layout="unknown", imdb_id="tt0000001", missing=("title", "year"))


def crawl(store: Store, *pages: FilmPage, killed: bool = False) -> int:
    """One run parsing ``pages``, each at its own URL; a ``killed`` run never finishes."""
    run = store.start_run("test", [])
    for number, page in enumerate(pages):
        url = f"http://films.example/title/tt{run:03d}{number:04d}/"
        store.save_page(run, FetchedPage(url, page.kind, 200, f"{run}-{number}"), replace(page, url=url))
    if not killed:
        store.finish_run(run, {}, 0)
    return run


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "health.db"


def test_each_run_counts_pages_and_the_fields_found_per_kind_and_layout(db_path):
    store = Store(db_path)
    run = crawl(store, FULL, FULL, NO_DATES, UNKNOWN)
    review = ReviewPage(url="http://blog.example/", article=Article(title="Top 1"), entries=(RankedEntry(1, "A"),))
    store.save_page(run, FetchedPage("http://blog.example/", "review", 200, "r"), review)
    stats = store.db.execute(
        "select kind, layout, field, pages, found from parse_stats where run_id = ? "
        "and field in ('layout', 'release_dates', 'title', 'entries', 'confident') order by 1, 2, 3",
        [run],
    ).fetchall()
    assert stats == [
        ("review", "unknown", "confident", 1, 0),
        ("review", "unknown", "entries", 1, 1),
        ("review", "unknown", "layout", 1, 0),
        ("review", "unknown", "title", 1, 1),
        ("title", "nextjs", "layout", 3, 3),
        ("title", "nextjs", "release_dates", 3, 2),
        ("title", "nextjs", "title", 3, 3),
        ("title", "unknown", "layout", 1, 0),
        ("title", "unknown", "title", 1, 0),  # reported missing
    ]


def test_a_field_that_stopped_being_found_raises_the_alarm(db_path):
    store = Store(db_path)
    crawl(store, *[FULL] * 5)
    crawl(store, *[FULL] * 6)
    last = crawl(store, FULL, *[NO_DATES] * 4)
    report = check(store.db, threshold=0.2)
    assert (report.run_id, report.earlier, report.ok) == (last, (1, 2), False)
    assert [(d.kind, d.layout, d.field, d.before, d.now, d.pages) for d in report.drops] == [
        ("title", "*", "release_dates", 1.0, 0.2, 5),
        ("title", "nextjs", "release_dates", 1.0, 0.2, 5),
    ]
    assert check(store.db, threshold=0.9).ok  # a drop of 0.8 is within 0.9


def test_pages_that_match_no_known_layout_raise_the_alarm_under_all_layouts(db_path):
    store = Store(db_path)
    crawl(store, *[FULL] * 5)
    crawl(store, *[UNKNOWN] * 5)
    fields = {(d.layout, d.field) for d in check(store.db).drops}
    assert {("*", "layout"), ("*", "title"), ("*", "release_dates")} <= fields
    assert all(layout == "*" for layout, _ in fields)  # "unknown" has no history to compare with


def test_a_run_resuming_a_killed_one_is_judged_with_it_as_one_crawl(db_path):
    """Ten films, half without release dates. The first crawl is killed after the five with dates; the run
    that resumes it parses the other five. Alone, those would be a drop from 1.0 to 0.0."""
    store = Store(db_path)
    crawl(store, *[FULL] * 5, killed=True)
    resumed = crawl(store, *[NO_DATES] * 5)
    report = check(store.db)
    assert (report.run_id, report.earlier, report.ok) == (resumed, (), True)  # the first crawl, in two runs
    crawl(store, *[FULL] * 5, *[NO_DATES] * 5)  # the next night: all ten again
    crawl(store, *[FULL] * 5, killed=True)
    again = crawl(store, *[NO_DATES] * 5)
    report = check(store.db)
    assert (report.run_id, report.earlier, report.ok) == (again, (1, 2, 3), True)
    crawl(store, *[NO_DATES] * 10)  # a real drop is still seen: 0.5 before, 0.0 now
    assert not check(store.db).ok


def test_too_few_pages_are_not_judged(db_path):
    store = Store(db_path)
    crawl(store, *[FULL] * 5)
    crawl(store, NO_DATES, NO_DATES)
    assert check(store.db, min_pages=5).ok
    assert not check(store.db, min_pages=2).ok


def run_health(db_path: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["health", "--db", str(db_path), *options])
    return result.exit_code, result.output


def test_the_health_command_exits_1_with_a_table_on_a_drop_else_0_with_a_line(db_path):
    store = Store(db_path)
    crawl(store, *[FULL] * 5)
    assert run_health(db_path) == (
        0,
        "parse health: run 1 is the first with parsed pages; nothing to compare it with\n",
    )
    crawl(store, *[FULL] * 5)
    assert run_health(db_path) == (0, "parse health: run 2 OK (18 fields within 0.20 of run 1)\n")
    crawl(store, *[NO_DATES] * 5)
    code, output = run_health(db_path)
    assert code == 1
    assert output.splitlines() == [
        "parse health: run 3: 2 fields found on fewer pages than in runs 1-2 (drop > 0.20); "
        "has a site changed its layout?",
        "kind   layout  field          before  now   pages",
        "title  *       release_dates  1.00    0.00  5",
        "title  nextjs  release_dates  1.00    0.00  5",
    ]
    assert run_health(db_path, "--threshold", "1")[0] == 0


def test_the_health_command_refuses_a_missing_database(tmp_path):
    code, output = run_health(tmp_path / "nowhere.db")
    assert code == 2 and "does not exist" in output


def test_a_known_layout_that_reads_almost_nothing_counts_as_a_failure(db_path):
    """The first night a site changes its pages, the layout is still recognised but gives only a title: the
    layout itself counts as not found, so the alarm rings on that night rather than field by field later."""
    store = Store(db_path)
    crawl(store, *[FULL] * 5)
    title_only = FilmPage(kind="title", url=None, layout="nextjs", imdb_id="tt0000001", title="A film")
    crawl(store, *[title_only] * 5)
    assert ("nextjs", "layout") in {(d.layout, d.field) for d in check(store.db).drops}
