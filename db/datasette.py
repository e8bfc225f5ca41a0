"""Datasette configuration for a cinescrape database: descriptions, facets, label columns, hidden tables,
canned queries (with a chart where datasette-vega is installed).

Datasette 1.0 splits it in two: ``datasette.yaml`` (``config``: settings, how tables show, canned queries) and
``metadata.yaml`` (``descriptions``: what the data means). Datasette 0.65, what pip installs today, reads one
file holding both (``metadata``). ``cinescrape datasette-config`` writes either; ``datasette/`` in the
repository holds all three for a database named ``films`` (a test keeps them equal). Datasette keys them by
database name, the file name without ``.db``.
"""

from __future__ import annotations

from typing import Any

# The analyst questions of the project, answered by canned queries.
QUERIES: dict[str, dict[str, str]] = {
    "films_on_most_lists": {
        "title": "Films on the most lists",
        "description": "Films by the number of articles that rank them, then by their best rank (1 is the top).",
        "fragment": "g.mark=bar&g.x_column=title&g.x_type=ordinal&g.y_column=lists&g.y_type=quantitative",
        "sql": """
select film_id, imdb_id, title, year, lists, best_rank
from film_overview
where lists > 0
order by lists desc, best_rank, title
limit 100""",
    },
    "keywords_by_decade": {
        "title": "Keywords by decade",
        "description": "The ten keywords given to the most films of each decade (by the film's year).",
        "fragment": "g.mark=bar&g.x_column=keyword&g.x_type=ordinal&g.y_column=films&g.y_type=quantitative"
        "&g.color_column=decade",
        "sql": """
select decade, keyword, films from (
  select (f.year / 10) * 10 as decade, k.name as keyword, count(distinct f.id) as films,
         row_number() over (partition by (f.year / 10) * 10 order by count(distinct f.id) desc, k.name) as place
  from films f
  join film_keywords fk on fk.film_id = f.id
  join keywords k on k.id = fk.keyword_id
  where f.year is not null
  group by decade, k.name
)
where place <= 10
order by decade, films desc, keyword""",
    },
    "days_from_premiere": {
        "title": "Days from premiere to each country's release",
        "description": "For each film, its earliest dated release anywhere (the premiere) and the days until "
        "its first release in each country; dates known to the day only.",
        "fragment": "g.mark=bar&g.x_column=country&g.x_type=ordinal&g.y_column=days&g.y_type=quantitative"
        "&g.color_column=title",
        "sql": """
with released as (
  select film_id, country, min(date) as date from release_dates
  where precision = 'day' and country is not null
  group by film_id, country
),
premiere as (
  select film_id, min(date) as date from release_dates where precision = 'day' group by film_id
)
select f.imdb_id, f.title, p.date as premiere, r.country, r.date as released,
       cast(julianday(r.date) - julianday(p.date) as integer) as days
from released r
join premiere p on p.film_id = r.film_id
join films f on f.id = r.film_id
order by f.title, days, r.country""",
    },
    "companies_of_top_documentaries": {
        "title": "Companies behind the documentaries ranked highest",
        "description": "Production companies of ranked films with the genre Documentary, by their best rank "
        "(1 is the top), then by how many list entries their films have.",
        "fragment": "g.mark=bar&g.x_column=company&g.x_type=ordinal&g.y_column=entries&g.y_type=quantitative",
        "sql": """
select c.name as company, count(distinct r.film_id) as films, count(*) as entries,
       min(r.rank) as best_rank, round(avg(r.rank), 1) as average_rank
from rankings r
join (select distinct film_id, company_id from film_companies where role = 'production') fc
  on fc.film_id = r.film_id
join companies c on c.id = fc.company_id
where r.film_id in (
  select fg.film_id from film_genres fg join genres g on g.id = fg.genre_id where g.name = 'Documentary'
)
group by c.id
order by best_rank, entries desc, company""",
    },
    "articles_without_a_list": {
        "title": "Articles that give no list, by reason",
        "description": "Review pages stored with no ranked entries, by the parser's reason (articles.warnings): a "
        "list withheld as unlikely, a list of other things than films, a title that promises a list nothing on the "
        "page reads as; with one article of each to look at.",
        "fragment": "g.mark=bar&g.x_column=reason&g.x_type=ordinal&g.y_column=articles&g.y_type=quantitative",
        "sql": """
with bare as (
  select a.url, a.warnings, json_extract(a.warnings, '$[0]') as first
  from articles a
  where not exists (select 1 from rankings r where r.article_id = a.id)
)
select case
         when warnings is null then '(stored before reasons were kept)'
         when first is null then '(none promised: a review or a story)'
         when instr(first, ':') > 0 then substr(first, 1, instr(first, ':') - 1)
         else first
       end as reason,
       count(*) as articles, min(url) as example
from bare
group by reason
order by articles desc, reason""",
    },
    "list_history": {
        "title": "How a list changed",
        "description": "Each state a ranked list has had, with its entries as they stood from that date: an IMDb "
        "chart read from the Wayback Machine at several dates (crawl --source wayback --every 1y), or an article "
        "fetched over the years. Give the list's URL; without one, the list with the most states.",
        "fragment": "g.mark=bar&g.x_column=as_of&g.x_type=ordinal&g.y_column=rank&g.y_type=quantitative"
        "&g.color_column=title",
        "sql": """
with list as (
  select coalesce(
    (select id from articles where url = :url),
    (select h.article_id from ranking_history h join articles a on a.id = h.article_id group by h.article_id
     order by count(distinct h.valid_from) desc, a.url limit 1)
  ) as id
),
states as (select distinct valid_from from ranking_history where article_id = (select id from list))
select date(s.valid_from) as as_of, h.position, h.rank, h.title, h.year
from states s
join ranking_history h on h.article_id = (select id from list)
  and h.valid_from <= s.valid_from and (h.valid_to is null or h.valid_to > s.valid_from)
order by s.valid_from, h.position""",
    },
}

_SOURCE = "a page cited by its page_id (pages.url, pages.fetched_at)"
TABLES: dict[str, dict[str, Any]] = {
    "ranked_films": {
        "description": "Every entry of every article's list with its film's facts (JSON arrays). Where "
        "sources disagree the preferred value is shown: see the README's preferred-value rule.",
        "facets": ["site", "article", "resolved_by"],
        "columns": {
            "position": "Place of the entry in the article, in page order (ties are two positions).",
            "rank": "The rank the article gives (1 is the top).",
            "title": "The title as the article writes it.",
            "film_title": "The film's preferred title.",
            "directors": "The film's directors in credit order (JSON array; every source's, each name once).",
            "resolved_by": "How the entry was matched to its film: link, search, dataset or fuzzy.",
            "first_release_date": "The earliest release date any source gives.",
            "countries": "Production countries (ISO 3166 codes).",
            "languages": "Spoken languages, as the pages name them.",
            "companies": "Production companies.",
            "watch_links": "Where the article says the film can be watched.",
        },
    },
    "film_overview": {
        "description": "One row per film: on how many lists it is, its best rank, and its facts.",
        "label_column": "title",
        "facets": ["title_type", "year"],
        "columns": {
            "lists": "Articles whose list has the film.",
            "best_rank": "Its best rank on any list (1 is the top).",
            "directors": "Directors in credit order (JSON array; every source's, each name once).",
            "writers": "Writers in credit order (JSON array; every source's, each name once).",
            "languages": "Spoken languages, as the pages name them (JSON array).",
            "keywords": "How many keywords the film has.",
            "cast_total": "How many cast members the full credits page lists.",
        },
    },
    "unresolved_entries": {
        "description": "List entries not matched to a film; resolution_note says why (e.g. ambiguous).",
        "facets": ["article"],
    },
    "first_releases": {
        "description": "Per film and country, the earliest release date any source gives.",
        "facets": ["country"],
        "columns": {"sources": "How many pages give a date for this country."},
    },
    "film_facts": {
        "description": "Per film, its facts as JSON arrays (joined by the other views): countries, companies, "
        "genres, keywords, languages, directors, writers, and the first release date."
    },
    "films": {
        "description": "One row per film, keyed by IMDb id when known; its own columns follow the "
        "preferred-value rule.",
        "label_column": "title",
        "facets": ["title_type", "year"],
        "columns": {
            "imdb_id": "IMDb title id (tt…); the sample site's ids start tt999.",
            "page_id": "The page the film's own columns come from.",
            "keywords_total": "How many keywords the metadata site lists (the page may show fewer).",
            "cast_total": "How many cast members the full credits page lists (the title page shows a few).",
        },
    },
    "articles": {
        "description": "Review articles: one row per page ranking films.",
        "label_column": "title",
        "facets": ["site", "list_shape"],
        "columns": {
            "list_shape": "How the list is marked up (numbered headings, ol, table …).",
            "confidence": "How sure the parser is that the list found is the article's (0 to 1).",
            "count_promised": "The number the headline promises (\u201cThe 10 most …\u201d).",
            "warnings": "Why the article gives no list, or what is doubtful in the one it gives (JSON array); "
            "null for articles stored before cinescrape kept them.",
        },
    },
    "rankings": {
        "description": "The current state of every article's list; past states are in ranking_history.",
        "facets": ["type", "resolved_by"],
        "columns": {
            "position": "Place in the article, in page order.",
            "film_id": "The film, once resolved; null until then.",
            "resolution_score": "How sure the match is (0 to 1).",
            "resolution_note": "Why an entry stays unresolved.",
        },
    },
    "ranking_history": {
        "description": "Every state of every list entry: valid_from until valid_to (null: still current).",
        "facets": ["article_id"],
    },
    "watch_links": {"description": "Watch links of list entries.", "facets": ["provider", "action"]},
    "release_dates": {
        "description": f"Release dates by country; each from {_SOURCE}; disagreeing sources are all kept.",
        "facets": ["country", "precision"],
    },
    "companies": {"description": "Companies.", "label_column": "name"},
    "film_companies": {"description": f"Film, company and role; each from {_SOURCE}.", "facets": ["role"]},
    "keywords": {"description": "Keywords.", "label_column": "name"},
    "film_keywords": {"description": f"Film and keyword; each from {_SOURCE}."},
    "genres": {"description": "Genres.", "label_column": "name"},
    "film_genres": {"description": f"Film and genre; each from {_SOURCE}."},
    "film_countries": {"description": f"Production countries (ISO 3166); each from {_SOURCE}."},
    "film_languages": {
        "description": f"Spoken languages, as the pages name them; each from {_SOURCE}.",
        "facets": ["language"],
    },
    "film_credits": {
        "description": f"Directors and writers of films; each from {_SOURCE}.",
        "label_column": "name",
        "facets": ["role"],
        "columns": {
            "role": "director or writer.",
            "position": "Place in the page's list of that role, from 1.",
            "imdb_id": "The person's IMDb id (nm…), where the page links it.",
            "note": "What the page adds: (screenplay), (as …), episodes.",
        },
    },
    "connections": {"description": "Connections to other titles (features, follows …).", "facets": ["relation"]},
    "akas": {"description": "Alternative titles.", "facets": ["country"]},
    "pages": {
        "description": "Every URL fetched: when, its status, the layout detected and the fields it missed.",
        "label_column": "url",
        "facets": ["kind", "layout", "status"],
    },
    "runs": {"description": "One row per crawl run with its page counts and exit code."},
    "parse_stats": {
        "description": "Parse health: per run, page kind and layout, on how many pages each field was found.",
        "columns": {
            "pages": "Pages that gave the field or should have (the field layout counts every page).",
            "found": "Pages that gave it.",
        },
        "facets": ["kind", "layout", "field"],
    },
    "frontier": {"description": "URLs queued by the crawler.", "facets": ["status"]},
}


# Internal tables: the crawler's bookkeeping, not facts. Datasette hides FTS shadow tables itself.
HIDDEN = ("frontier", "parse_stats", "_sqlite_migrations", "resolutions", "searches", "search_results", "cdx_queries")
# What Datasette 1.0 reads from datasette.yaml (how to show a table); the rest (description, columns) is
# metadata.yaml's: what the data means.
_CONFIG_KEYS = ("hidden", "label_column", "facets", "sort", "sort_desc", "size")
_SETTINGS = {"sql_time_limit_ms": 3000, "facet_time_limit_ms": 500}  # the canned queries join a dozen tables


def config(database: str = "films") -> dict[str, Any]:
    """datasette.yaml (Datasette 1.0's split): settings, how each table shows, and the canned queries."""
    tables: dict[str, dict[str, Any]] = {name: {"hidden": True} for name in HIDDEN}
    for name, spec in TABLES.items():
        shown = {key: spec[key] for key in _CONFIG_KEYS if key in spec}
        if shown:
            tables[name] = {**tables.get(name, {}), **shown}
    return {
        "settings": _SETTINGS,
        "databases": {
            database: {
                "tables": tables,
                "queries": {name: {**query, "sql": query["sql"].strip()} for name, query in QUERIES.items()},
            }
        },
    }


def descriptions(database: str = "films") -> dict[str, Any]:
    """metadata.yaml (Datasette 1.0's split): what the database, its tables and their columns mean."""
    tables: dict[str, dict[str, Any]] = {}
    for name, spec in TABLES.items():
        described = {key: value for key, value in spec.items() if key not in _CONFIG_KEYS}
        if described:
            tables[name] = described
    return {
        "title": "cinescrape: ranked film lists and the films they name",
        "description": "Articles that rank films, the films they name and those films' facts (release dates, "
        "companies, genres, keywords), merged into one row per film. Every fact names the page it came from.",
        "source": "Review articles and IMDb-style film pages crawled by cinescrape",
        "license": "Facts belong to the pages cited in pages.url; cinescrape itself is Apache-2.0",
        "license_url": "https://www.apache.org/licenses/LICENSE-2.0",
        "databases": {
            database: {
                "description": "Start with the views ranked_films or film_overview, or a canned query; a film's "
                "row in films is its card, with every fact's source page.",
                "tables": tables,
            }
        },
    }


def metadata(database: str = "films") -> dict[str, Any]:
    """Both halves in the one file Datasette 0.65 reads (``-m``); its settings are command-line options."""
    merged = descriptions(database)
    configured = config(database)["databases"][database]
    mine = merged["databases"][database]
    mine["queries"] = configured["queries"]
    for name, shown in configured["tables"].items():
        mine["tables"][name] = {**mine["tables"].get(name, {}), **shown}
    return merged
