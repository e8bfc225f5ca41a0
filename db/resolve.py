"""Resolving ranked entries to films: which film is "Dear Pyong Yang (2005)" of some blog's list?

An entry whose own link names an IMDb-style title page is resolved when it is
loaded (``resolved_by = 'link'``). Every other entry is tried here, in order:

1. ``search``: the metadata site's title search for that title, fetched and stored (``search_results``);
2. ``dataset``: the imported IMDb datasets, the same title key (primary, original or any aka title);
3. ``fuzzy``: a title within ``THRESHOLD`` similarity (rapidfuzz ratio of the title keys), year within one,
   among the films already in the database and the datasets' titles. Needs the entry's year.

Candidates more than a year away are no candidates. A candidate scores its
title similarity, less ``YEAR_PENALTY`` for a year one off (or unknown). The
first step with candidates decides: one clearly best candidate (no other
within ``MARGIN`` of it) resolves the entry; two close ones (namesakes, and an
entry with no year to separate them) leave it unresolved with
``resolution_note`` naming them. Nothing is guessed.

Decisions are cached in ``resolutions`` by title key and year, so an entry
re-inserted after its article changed gets its film back without a search,
and a re-run on unchanged data writes no row. An unresolved decision is
retried only when its evidence changed (a new search page for the title, a
dataset import, new films).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from rapidfuzz import fuzz, process
from sqlite_utils import Database
from sqlite_utils.db import Table

from parsers.records import SearchPage

from .sql import upsert_row
from .title_key import title_key

log = logging.getLogger("cinescrape")

THRESHOLD = 0.9  # title similarity (0..1) below which a title is no candidate
MARGIN = 0.03  # a runner-up within this of the best makes the entry ambiguous
YEAR_PENALTY = 0.05  # a year one off, or unknown: an exact year wins over it
# Titles a ranked list of films does not mean.
NOT_FILMS = ("tvEpisode", "videoGame", "podcastSeries", "podcastEpisode", "musicVideo")
_NOT_FILMS_SQL = ", ".join(f"'{kind}'" for kind in NOT_FILMS)


@dataclass(frozen=True, slots=True)
class Candidate:
    title: str
    year: int | None
    imdb_id: str | None
    film_id: int | None = None  # a film already in the database
    score: float = 0.0

    def label(self) -> str:
        year = f" ({self.year})" if self.year else ""
        return f"{self.title}{year} {self.imdb_id or f'film {self.film_id}'}"


@dataclass(frozen=True, slots=True)
class Decision:
    film_id: int | None
    method: str | None
    score: float | None
    note: str | None


@dataclass(slots=True)
class Outcome:
    """What one resolver pass did, for the crawl to act on."""

    resolved: int = 0  # entries given a film in this pass
    unresolved: int = 0  # entries left without one
    to_search: list[str] = field(default_factory=list)  # titles never searched yet


def table(db: Database, name: str) -> Table:
    return cast(Table, db[name])


# ---------------------------------------------------------------------- search pages


def save_search_page(db: Database, page_id: int, record: SearchPage) -> None:
    """Replace what this search page said before (called by ``Store.save_page`` in its transaction)."""
    for name in ("search_results", "searches"):
        db.execute(f"delete from {name} where page_id = ?", [page_id])
    table(db, "searches").insert(
        {
            "page_id": page_id,
            "query": record.query,
            "query_key": title_key(record.query),
            "results": len(record.results),
        }
    )
    table(db, "search_results").insert_all(
        [
            {"page_id": page_id, "position": position, "query": record.query, **result.to_dict()}
            for position, result in enumerate(record.results, start=1)
        ]
    )


# ---------------------------------------------------------------------- candidates


def _scored(key: str, year: int | None, candidates: Iterable[tuple[Candidate, str]]) -> list[Candidate]:
    """(candidate, its title key) → the candidates close enough in title and year, scored, one per film."""
    best: dict[str, Candidate] = {}
    for candidate, candidate_key in candidates:
        similarity = fuzz.ratio(key, candidate_key) / 100
        if similarity < THRESHOLD:
            continue
        if year is not None and candidate.year is not None and abs(candidate.year - year) > 1:
            continue
        off = 0 if year is None else 1 if candidate.year is None else abs(candidate.year - year)
        score = round(similarity - YEAR_PENALTY * off, 3)
        identity = candidate.imdb_id or f"film {candidate.film_id}"
        if identity not in best or score > best[identity].score:
            best[identity] = Candidate(candidate.title, candidate.year, candidate.imdb_id, candidate.film_id, score)
    return sorted(best.values(), key=lambda c: (-c.score, c.imdb_id or "", c.film_id or 0))


def _search_candidates(db: Database, key: str, year: int | None) -> list[Candidate]:
    rows = db.execute(
        f"select r.title, r.year, r.imdb_id from search_results r join searches s on s.page_id = r.page_id "
        f"where s.query_key = ? and coalesce(r.title_type, '') not in ({_NOT_FILMS_SQL})",
        [key],
    )
    return _scored(key, year, ((Candidate(title, y, imdb_id), title_key(title)) for title, y, imdb_id in rows))


def _dataset_candidates(db: Database, key: str, year: int | None) -> list[Candidate]:
    rows = db.execute(
        "select primary_title, start_year, imdb_id from imdb_titles "
        f"where title_type not in ({_NOT_FILMS_SQL}) and id in ("
        "select id from imdb_titles where title_key = :key union "
        "select id from imdb_titles where original_key = :key union "
        "select title_id from imdb_akas where title_key = :key)",
        {"key": key},
    )
    # the key matched exactly (an aka or the original title may be the one): similarity 1
    return _scored(key, year, ((Candidate(title, y, imdb_id), key) for title, y, imdb_id in rows))


def _fuzzy_candidates(db: Database, key: str, year: int | None) -> list[Candidate]:
    if year is None:  # without a year, a near title is too weak a clue
        return []
    window = [year - 1, year + 1]
    films = db.execute(
        "select f.id, f.imdb_id, f.title, f.year, name from films f "
        "join (select id, title as name from films union all select id, original_title from films "
        "union all select film_id, title from akas) names on names.id = f.id "
        "where f.year between ? and ? and name is not null",
        window,
    )
    choices: list[tuple[Candidate, str]] = [
        (Candidate(title or name, y, imdb_id, film_id), title_key(name)) for film_id, imdb_id, title, y, name in films
    ]
    titles = db.execute(
        "select primary_title, start_year, imdb_id, title_key, original_key from imdb_titles "
        f"where start_year between ? and ? and title_type not in ({_NOT_FILMS_SQL})",
        window,
    ).fetchall()
    keys = [row[3] for row in titles] + [row[4] or "" for row in titles]
    for _, _, index in process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=THRESHOLD * 100, limit=None):
        title, y, imdb_id, _, _ = titles[index % len(titles)]
        choices.append((Candidate(title, y, imdb_id), keys[index]))
    return _scored(key, year, choices)


_STEPS = (("search", _search_candidates), ("dataset", _dataset_candidates), ("fuzzy", _fuzzy_candidates))


def _film_id(db: Database, candidate: Candidate) -> int:
    """The film's row, created as a stub (imdb id, title, year) when no page has described it yet."""
    if candidate.film_id is not None:
        return candidate.film_id
    return int(
        table(db, "films").lookup({"imdb_id": candidate.imdb_id}, {"title": candidate.title, "year": candidate.year})
    )


def decide(db: Database, title: str, year: int | None, *, fuzzy: bool = True) -> Decision | None:
    """The film of one title and year, through the steps in order; None when only fuzzy is left and not allowed."""
    key = title_key(title)
    if not key:
        return Decision(None, None, None, "no letters or digits in the title to match")
    for method, find in _STEPS:
        if method == "fuzzy" and not fuzzy:
            return None
        candidates = find(db, key, year)
        if not candidates:
            continue
        best, rivals = candidates[0], [c for c in candidates[1:] if c.score >= candidates[0].score - MARGIN]
        if rivals:
            names = "; ".join(c.label() for c in [best, *rivals])
            return Decision(None, method, None, f"ambiguous ({method}): {names}")
        return Decision(_film_id(db, best), method, best.score, None)
    tried = "search, " if _searched(db, key) else "no search yet, "
    return Decision(None, None, None, f"no candidate ({tried}datasets, films{'' if year else '; no year for fuzzy'})")


# ---------------------------------------------------------------------- the pass


def _evidence(db: Database, key: str) -> str:
    searches = db.execute("select count(*), max(page_id) from searches where query_key = ?", [key]).fetchone()
    datasets = db.execute("select max(imported_at) from imdb_datasets").fetchone()[0]
    films = db.execute("select max(id) from films").fetchone()[0]
    return f"searches {searches[0]}/{searches[1]}; datasets {datasets}; films {films}"


def _searched(db: Database, key: str) -> bool:
    return db.execute("select 1 from searches where query_key = ?", [key]).fetchone() is not None


def _cache_key(key: str, year: int | None) -> str:
    return f"{key}|{year or ''}"


def _cached(db: Database, cache_key: str) -> dict[str, Any] | None:
    rows = list(table(db, "resolutions").rows_where("key = ?", [cache_key]))
    return rows[0] if rows else None


def resolve(db: Database, *, await_search: bool = False) -> Outcome:
    """Resolve every entry without a film; one transaction. ``await_search``: an entry whose title was never
    searched is left alone at the fuzzy step (and listed in ``to_search``), so the search is tried first."""
    outcome = Outcome()
    entries: dict[tuple[str, int | None], list[tuple[int, int, str]]] = {}
    for article_id, position, title, year in db.execute(
        "select article_id, position, title, year from rankings where film_id is null order by article_id, position"
    ):
        entries.setdefault((title_key(title), year), []).append((article_id, position, title))
    with db.atomic():
        for (key, year), rows in entries.items():
            decision = _decision(db, key, year, rows[0][2], outcome, await_search=await_search)
            if decision is None:
                continue
            for article_id, position, _ in rows:
                _apply(db, article_id, position, decision)
            if decision.film_id is None:
                outcome.unresolved += len(rows)
            else:
                outcome.resolved += len(rows)
    return outcome


def _decision(
    db: Database, key: str, year: int | None, title: str, outcome: Outcome, *, await_search: bool
) -> Decision | None:
    """The cached decision while it holds, else a new one (cached); None while the entry awaits its search."""
    cache_key = _cache_key(key, year)
    cached = _cached(db, cache_key)
    evidence = _evidence(db, key)
    if cached and (cached["film_id"] is not None or cached["evidence"] == evidence):
        decision = Decision(cached["film_id"], cached["method"], cached["score"], cached["note"])
    else:
        fresh = decide(db, title, year, fuzzy=_searched(db, key) or not await_search)
        if fresh is None:
            outcome.to_search.append(title)
            return None
        decision = fresh
        log.info("resolve %r (%s): %s", title, year, decision)
        row = {
            "key": cache_key,
            "title_key": key,
            "year": year,
            "film_id": decision.film_id,
            "method": decision.method,
            "score": decision.score,
            "note": decision.note,
            "evidence": evidence,
        }
        if cached is None or any(cached[column] != value for column, value in row.items()):
            upsert_row(db, "resolutions", row, "key")
    if decision.film_id is None and key and not _searched(db, key):
        outcome.to_search.append(title)
    return decision


def matched_films(db: Database) -> list[str]:
    """IMDb ids of the films entries were resolved to without a link: their title pages are worth fetching."""
    rows = db.execute(
        "select distinct f.imdb_id from rankings r join films f on f.id = r.film_id "
        "where r.resolved_by in ('search', 'dataset', 'fuzzy') and f.imdb_id is not null order by 1"
    )
    return [row[0] for row in rows]


def _apply(db: Database, article_id: int, position: int, decision: Decision) -> None:
    """Write the decision to one entry; an entry that already says so is not written (no row changes)."""
    resolved_by = decision.method if decision.film_id is not None else None
    db.execute(
        "update rankings set film_id = ?, resolved_by = ?, resolution_score = ?, resolution_note = ? "
        "where article_id = ? and position = ? and not (film_id is ? and resolved_by is ? "
        "and resolution_score is ? and resolution_note is ?)",
        [
            decision.film_id,
            resolved_by,
            decision.score,
            decision.note,
            article_id,
            position,
            decision.film_id,
            resolved_by,
            decision.score,
            decision.note,
        ],
    )
