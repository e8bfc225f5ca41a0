"""A page's several readings of one film, merged by one documented rule.

A film page says most things twice: in what a reader sees (the labelled blocks, the ``data-testid`` blocks)
and in what it gives machines (``__NEXT_DATA__``, schema.org JSON-LD, microdata). Each reading is a dict of
``FilmPage`` fields; ``merge`` takes them in order of trust, the visible page first:

- a field comes from the first reading that has it, and ``sources`` says which (``{"genres": "jsonld"}``);
- a later reading that disagrees is kept in ``conflicts`` (field, the kept source, the other source, the other
  value as text), never silently dropped; a later reading that only says less (JSON-LD's genres cut to three,
  a release date without its country or with its year alone) is no conflict, and one that says strictly more of
  a list (every genre where the first reading showed three chips) replaces it;
- two readings of one release date are one fact: the more precise wins its country and note.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .records import FieldConflict, ReleaseDate

# Free text two readings word differently as a rule: no conflict to report.
_PROSE = frozenset({"plot"})


def _shown(value: Any) -> list[str]:
    """A value as the texts it is made of: names of records, dates of release dates, the items of a list."""
    items = value if isinstance(value, tuple) else (value,)
    out = []
    for item in items:
        if isinstance(item, ReleaseDate):
            out.append(item.date)
        elif isinstance(item, (str, int)):
            out.append(str(item).strip())
        else:  # Company, Person (name), Aka, Connection (title)
            out.append(str(getattr(item, "name", None) or getattr(item, "title", "")).strip())
    return out


def _words(value: Any) -> frozenset[str]:
    return frozenset(text.casefold() for text in _shown(value))


def _completed(kept: Any, other: Any) -> Any:
    """A kept release date given the country another reading names for the same date."""
    if not (isinstance(kept, tuple) and isinstance(other, tuple) and len(kept) == 1 and kept[0].country is None):
        return kept
    same = [date for date in other if isinstance(date, ReleaseDate) and date.date == kept[0].date and date.country]
    return (same[0],) if same else kept


def _within(dates: tuple[ReleaseDate, ...], kept: tuple[ReleaseDate, ...]) -> bool:
    """Every date a reading gives is a kept one or a less precise form of one (JSON-LD's "2000" beside a release
    table's "2000-05-20"): it says less, no conflict."""
    return all(any(other.date.startswith(date.date) for other in kept) for date in dates)


def merge(
    readings: Iterable[tuple[str, dict[str, Any]]],
) -> tuple[dict[str, Any], dict[str, str], tuple[FieldConflict, ...]]:
    """(fields, the source of each, conflicts) of ``readings`` given as (source name, fields), most trusted first."""
    fields: dict[str, Any] = {}
    sources: dict[str, str] = {}
    conflicts: list[FieldConflict] = []
    for source, reading in readings:
        for name, value in reading.items():
            if value is None:
                continue
            if name not in fields or fields[name] in ((), ""):
                fields[name], sources[name] = value, source
                continue
            if value == fields[name]:
                continue
            if name == "release_dates":
                fields[name] = _completed(fields[name], value)
                if _within(value, fields[name]):
                    continue
            kept, said = _words(fields[name]), _words(value)
            if isinstance(value, tuple) and said > kept:  # the kept reading was cut short (three genre chips)
                fields[name], sources[name] = value, source
            elif said and not said <= kept and not kept <= said and name not in _PROSE:
                conflicts.append(FieldConflict(name, sources[name], source, "; ".join(_shown(value))))
    return fields, sources, tuple(conflicts)
