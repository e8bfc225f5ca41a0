"""Datasette metadata for a cinescrape database: descriptions, facets, label columns, canned queries.

``cinescrape datasette-config`` writes it; ``datasette/metadata.json`` in the
repository is this function's output for a database named ``films``
(a test keeps the two equal). Datasette keys metadata by database name, the
file name without ``.db``.
"""

from __future__ import annotations

from typing import Any

# The analyst questions of the project, answered by canned queries.
QUERIES: dict[str, dict[str, str]] = {
    "films_on_most_lists": {
        "title": "Films on the most lists",
        "description": "Films by the number of articles that rank them, then by their best rank (1 is the top).",
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


def metadata(database: str = "films") -> dict[str, Any]:
    """The metadata document for a database named ``database`` (its file name without ``.db``)."""
    return {
        "title": "cinescrape: ranked film lists and the films they name",
        "description": "Articles that rank films, the films they name and those films' facts (release dates, "
        "companies, genres, keywords), merged into one row per film. Every fact names the page it came from.",
        "source": "Review articles and IMDb-style film pages crawled by cinescrape",
        "license": "Facts belong to the pages cited in pages.url; cinescrape itself is Apache-2.0",
        "license_url": "https://www.apache.org/licenses/LICENSE-2.0",
        "databases": {
            database: {
                "description": "Start with ranked_films or film_overview; canned queries answer common questions.",
                "tables": {**TABLES, "_sqlite_migrations": {"hidden": True}},
                "queries": {name: {**query, "sql": query["sql"].strip()} for name, query in QUERIES.items()},
            }
        },
    }
