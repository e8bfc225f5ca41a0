"""The views analysts open, as data: re-created on open whenever their SQL here changes.

Two sources that disagree are both kept in the tables; the views show one
preferred value by this rule (also in the README):

* a film's own columns (title, original title, year, plot, runtime …) are the
  ones in ``films``: an IMDb title page's values; a schema.org JSON-LD page fills
  them only while no IMDb title page has; a sub-page only fills empty ones (plot
  from plotsummary, keywords_total from keywords); a list's mention only creates
  the film (title, year) until a page about it arrives. ``films.page_id`` names
  the page they came from (db/films.py enforces the order);
* release dates: per country the earliest date any source gives
  (``first_releases``); a film's first release date is the earliest of all.
  A date known only to the month or year counts as that period's end (the
  latest it can be), so "2007-02-26" is earlier than "2007" but "2006" is
  earlier than both;
* genres, keywords, production companies, production countries and spoken
  languages: the union of every source, each name once, sorted;
* directors and writers: the union of every source, each name once, in the
  order the pages credit them (a name's earliest place on any page, then by name);
* cast_total: the full credits page's count (``films.cast_total``);
* a ranked entry shows the article's own title and year; the film's preferred
  title is beside it as ``film_title``.
"""

from __future__ import annotations

from sqlite_utils import Database


def _json_names(select_distinct: str) -> str:
    """A sorted JSON array of the one column ``select_distinct`` returns (the subquery keeps the order)."""
    return f"(select json_group_array(name) from ({select_distinct} order by 1))"


_COUNTRIES = _json_names("select distinct country as name from film_countries where film_id = f.id")
_COMPANIES = _json_names(
    "select distinct c.name from film_companies fc join companies c on c.id = fc.company_id "
    "where fc.film_id = f.id and fc.role = 'production'"
)
_GENRES = _json_names(
    "select distinct g.name from film_genres fg join genres g on g.id = fg.genre_id where fg.film_id = f.id"
)
_KEYWORDS = _json_names(
    "select distinct k.name from film_keywords fk join keywords k on k.id = fk.keyword_id where fk.film_id = f.id"
)
_LANGUAGES = _json_names("select distinct language as name from film_languages where film_id = f.id")
_PEOPLE = (
    "(select json_group_array(name) from (select name from film_credits "
    "where film_id = f.id and role = '{0}' group by name order by min(position), name))"
)
# Sort key of a date by the rule above: "2007" → "2007-99-99", after every day of 2007, before 2008.
_LATEST_DAY = "substr({0}date || '-99-99', 1, 10)"
_FIRST_DATE = (
    f"(select d.date from release_dates d where d.film_id = f.id order by {_LATEST_DAY.format('d.')}, d.id limit 1)"
)
# film_id → facts as JSON arrays; the other views join it (SQLite flattens it, so only joined films are computed).
_FILM_FACTS = f"""
select
  f.id as film_id,
  {_FIRST_DATE} as first_release_date,
  {_COUNTRIES} as countries,
  {_COMPANIES} as companies,
  {_GENRES} as genres,
  {_KEYWORDS} as keywords,
  {_LANGUAGES} as languages,
  {_PEOPLE.format("director")} as directors,
  {_PEOPLE.format("writer")} as writers
from films f
"""

VIEWS: dict[str, str] = {
    "film_facts": _FILM_FACTS,
    "first_releases": f"""
select film_id, country, date, precision, note,
  (select count(distinct s.page_id) from release_dates s where s.film_id = d.film_id and s.country is d.country)
    as sources
from (
  select *, row_number() over (partition by film_id, country order by {_LATEST_DAY.format("")}, id) as place
  from release_dates
) d
where place = 1
""",
    "ranked_films": """
select
  r.article_id, a.title as article, a.site, a.url as article_url,
  r.position, r.rank, r.title, r.year, r.type,
  r.film_id, f.imdb_id, f.title as film_title, ff.directors, r.resolved_by,
  ff.first_release_date, ff.countries, ff.languages, ff.companies, ff.genres, ff.keywords,
  (select json_group_array(json_object('provider', provider, 'action', action, 'url', url))
   from (select provider, action, url from watch_links w
         where w.article_id = r.article_id and w.position = r.position order by w.rowid)) as watch_links
from rankings r
join articles a on a.id = r.article_id
left join films f on f.id = r.film_id
left join film_facts ff on ff.film_id = r.film_id
""",
    "film_overview": """
select
  f.id as film_id, f.imdb_id, f.title, f.original_title, f.year, f.title_type, f.runtime_minutes,
  (select count(distinct r.article_id) from rankings r where r.film_id = f.id) as lists,
  (select min(r.rank) from rankings r where r.film_id = f.id) as best_rank,
  ff.directors, ff.writers, ff.first_release_date, ff.countries, ff.languages, ff.companies, ff.genres,
  (select count(distinct fk.keyword_id) from film_keywords fk where fk.film_id = f.id) as keywords,
  f.cast_total, f.plot
from films f
join film_facts ff on ff.film_id = f.id
""",
    "unresolved_entries": """
select
  r.article_id, a.title as article, a.url as article_url,
  r.position, r.rank, r.title, r.year, r.title_url, r.resolution_note
from rankings r
join articles a on a.id = r.article_id
where r.film_id is null
""",
}


def _create_sql(name: str, body: str) -> str:
    return f"CREATE VIEW {name} AS {body.strip()}"


def ensure_views(db: Database) -> None:
    """Create each view, or re-create it where the stored SQL differs from this module's."""
    stored = dict(db.execute("select name, sql from sqlite_master where type = 'view'").fetchall())
    for name, body in VIEWS.items():
        wanted = _create_sql(name, body)
        if stored.get(name) != wanted:
            db.execute(f"drop view if exists {name}")
            db.execute(wanted)
