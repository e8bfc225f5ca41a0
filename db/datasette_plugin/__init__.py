"""cinescrape's Datasette plugin (registered by the ``datasette`` entry point): the database as analysts read it.

- JSON-array columns (genres, keywords, companies, watch links …) render as lists, watch links as links;
- ``film_id`` and ``article_id`` in the views and queries link to the film's and the article's row;
- a film's row page is a film card: title and year, the lists that rank it, release dates by country,
  companies, genres and keywords, each with the page it comes from (``templates/row.html``);
- the database page shows the views first (``templates/database.html``).

Datasette runs it; cinescrape itself never imports it.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote

import pluggy
from markupsafe import Markup, escape

from ..datasette import TABLES
from ..views import VIEWS

hookimpl = pluggy.HookimplMarker("datasette")  # what datasette.hookimpl is, typed
_LINKED = {"film_id": "films", "article_id": "articles"}  # a view's id column → the table its row is in
_VIEW_DESCRIPTIONS = {name: TABLES.get(name, {}).get("description") for name in VIEWS}
_MAX_JSON = 100_000  # longer text is shown as it is: no list that long is a fact list


@hookimpl
def render_cell(value: Any, column: str, table: str | None, database: str, datasette: Any) -> Markup | None:
    if (table is None or table in VIEWS) and column in _LINKED and isinstance(value, int):  # views, queries
        href = datasette.urls.row(database, _LINKED[column], str(value))
        return Markup(f'<a href="{escape(href)}">{value}</a>')
    if isinstance(value, str) and value.startswith("[") and value.endswith("]") and len(value) < _MAX_JSON:
        try:
            items = json.loads(value)
        except ValueError:
            return None
        if isinstance(items, list):
            return as_list(items)
    return None


def as_list(items: list[Any]) -> Markup:
    """Strings as a bulleted list; objects with an http(s) ``url`` (watch links) as links named by their other
    values ("amazon stream")."""
    shown = []
    for item in items:
        if isinstance(item, dict) and str(item.get("url", "")).startswith(("http://", "https://")):
            label = " ".join(str(v) for k, v in item.items() if k != "url" and v) or item["url"]
            shown.append(Markup('<a href="{}">{}</a>').format(item["url"], label))
        elif isinstance(item, dict):
            shown.append(escape(", ".join(f"{k}: {v}" for k, v in item.items())))
        else:
            shown.append(escape(str(item)))
    if not shown:
        return Markup('<span class="cs-empty">none</span>')
    return Markup('<ul class="cs-list" style="margin: 0; padding-left: 1.1em">{}</ul>').format(
        Markup("").join(Markup("<li>{}</li>").format(s) for s in shown)
    )


@hookimpl
def extra_template_vars(
    template: str, database: str | None, table: str | None, view_name: str, request: Any, datasette: Any
) -> Any:
    # The views' descriptions for the database page, from cinescrape itself (Datasette 0.65 and 1.0 hand the
    # page its metadata differently, and name that view differently).
    described = {"view_descriptions": _VIEW_DESCRIPTIONS}
    if view_name != "row" or table != "films" or database is None or request is None:
        return described

    async def card() -> dict[str, Any]:
        film_id = unquote(request.url_vars.get("pks", ""))
        return {**described, "film_card": await film_card(datasette.get_database(database), film_id)}

    return card


_FILM = "select id, imdb_id, title, original_title, year, year_end, title_type, runtime_minutes, plot from films where id = ?"
_LISTS = """
select a.title as article, a.url as article_url, a.site, r.rank, r.title as listed_as, r.resolved_by, p.url as source
from rankings r join articles a on a.id = r.article_id left join pages p on p.id = r.page_id
where r.film_id = ? order by r.rank, a.title"""
_RELEASES = """
select coalesce(rd.country_name, rd.country, '?') as country, rd.date, rd.precision, rd.note, p.url as source
from release_dates rd left join pages p on p.id = rd.page_id
where rd.film_id = ? order by rd.date, country"""
_COMPANIES = """
select c.name, fc.role, fc.note, p.url as source
from film_companies fc join companies c on c.id = fc.company_id left join pages p on p.id = fc.page_id
where fc.film_id = ? order by fc.role, c.name"""
_NAMED = """
select p.url as source, t.name
from {link} l join {names} t on t.id = l.{key} left join pages p on p.id = l.page_id
where l.film_id = ? order by p.url, t.name"""


async def film_card(db: Any, film_id: str) -> dict[str, Any] | None:
    """What the film card shows; None when there is no such film."""
    film = (await db.execute(_FILM, [film_id])).first()
    if film is None:
        return None

    async def rows(sql: str) -> list[dict[str, Any]]:
        return [dict(row) for row in await db.execute(sql, [film_id])]

    return {
        "film": dict(film),
        "lists": await rows(_LISTS),
        "releases": _with_sources(await rows(_RELEASES)),
        "companies": _with_sources(await rows(_COMPANIES)),
        "genres": _by_sources(await rows(_NAMED.format(link="film_genres", names="genres", key="genre_id"))),
        "keywords": _by_sources(await rows(_NAMED.format(link="film_keywords", names="keywords", key="keyword_id"))),
    }


def _with_sources(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per fact, with ``sources``: the pages that give it (two pages agreeing are one row, not two)."""
    facts: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        fact = {key: value for key, value in row.items() if key != "source"}
        facts.setdefault(tuple(fact.values()), {**fact, "sources": []})["sources"].append(row["source"])
    return list(facts.values())


def _by_sources(rows: list[dict[str, Any]]) -> list[tuple[list[str | None], list[str]]]:
    """(the pages, the names they all give): a film's keywords are many, their sources few."""
    sources: dict[str, list[str | None]] = {}
    for row in rows:
        sources.setdefault(row["name"], []).append(row["source"])
    grouped: dict[tuple[str | None, ...], list[str]] = {}
    for name, pages in sources.items():
        grouped.setdefault(tuple(pages), []).append(name)
    return [(list(pages), sorted(names)) for pages, names in grouped.items()]
