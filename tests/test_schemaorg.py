"""schema.org film pages on any site: whole-record goldens, routing, and pages that are not film pages."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from parsers import parse
from parsers.detect import is_list_url
from parsers.page import Page, spells_the_host
from parsers.records import Company, FilmPage
from parsers.schemaorg import has_film, movie_fields, parse_movie
from parsers.visible import (
    heading_fields,
    labelled_fields,
    labels_one_film,
    linked_companies,
    linked_genres,
    release_rows,
)
from tests.conftest import FIXTURES, GOLDEN, REAL, require_shared

REAL_OWN = FIXTURES / "real"

PAGES = FIXTURES / "schemaorg"
GOLDENS = sorted((GOLDEN / "schemaorg").glob("*.json"))


def _golden(path: Path) -> tuple[dict[str, Any], bytes]:
    golden = json.loads(path.read_text(encoding="utf-8"))
    return golden, (PAGES / f"{path.stem}.html").read_bytes()


@pytest.mark.parametrize("path", GOLDENS, ids=[p.stem for p in GOLDENS])
def test_whole_record_matches_golden(path: Path) -> None:
    golden, data = _golden(path)
    record = parse(data, golden["url"])  # kind auto: must route to parse_movie
    assert isinstance(record, FilmPage)
    assert record.to_dict() == golden["record"]


def test_there_are_enough_goldens() -> None:
    assert len(GOLDENS) >= 4


@pytest.mark.parametrize("path", GOLDENS, ids=[p.stem for p in GOLDENS])
def test_film_pages_are_detected(path: Path) -> None:
    _, data = _golden(path)
    assert has_film(Page.from_bytes(data))


def test_a_review_of_a_film_is_not_a_film_page() -> None:
    # The Movie objects sit inside a Review and an ItemList: the page is about neither film.
    page = Page.from_bytes((PAGES / "review_of_movie_not_film_page.html").read_bytes())
    assert not has_film(page)
    record = parse_movie(page)
    assert record.layout == "unknown"
    assert record.title is None
    assert set(record.missing) >= {"title", "year", "genres"}


def test_a_list_of_many_top_level_films_is_not_a_film_page() -> None:
    blocks = "".join(
        f'<script type="application/ld+json">{{"@type":"Movie","name":"Film {n}"}}</script>' for n in range(5)
    )
    assert not has_film(Page.from_bytes(f"<html><head>{blocks}</head><body>x</body></html>"))


def test_tv_types_and_graph_are_film_pages() -> None:
    html = (
        '<script type="application/ld+json">{"@graph":[{"@type":"WebPage","name":"Guide"},'
        '{"@type":"TVEpisode","name":"Pilot","datePublished":"2008-01","partOfSeries":{"@type":"TVSeries","name":"X"}}]}'
        "</script>"
    )
    page = Page.from_bytes(f"<html><head>{html}</head><body>x</body></html>")
    record = parse_movie(page)
    assert (record.title, record.title_type, record.year) == ("Pilot", "tvEpisode", 2008)
    assert record.release_dates is not None and record.release_dates[0].precision == "month"


def test_movie_fields_reads_a_place_address_country_and_comma_keywords() -> None:
    fields = movie_fields(
        {
            "@type": "Movie",
            "name": "Amélie",
            "keywords": "paris, love,  whimsy ",
            "duration": "PT2H2M",
            "releasedEvent": [
                {
                    "@type": "PublicationEvent",
                    "startDate": "2001-04-25",
                    "location": {"@type": "Place", "address": {"addressCountry": "FR"}},
                },
                {"@type": "PublicationEvent", "startDate": "2001-11-02", "location": "United States"},
            ],
        }
    )
    assert fields["keywords"] == ("paris", "love", "whimsy")
    assert fields["runtime_minutes"] == 122
    assert [(d.date, d.country) for d in fields["release_dates"]] == [("2001-04-25", "FR"), ("2001-11-02", "US")]
    assert fields["year"] == 2001


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html><body><p>No structured data at all.</p></body></html>",
        '<html><head><script type="application/ld+json">{"@type": "Movie", "name": </script></head></html>',
        '<html><head><script type="application/ld+json">[1, "x", null]</script></head></html>',
        '<html><head><script type="application/ld+json">{"@type": "Movie", "name": {"@value": 5}, '
        '"director": [null, 3], "genre": {"x": 1}, "releasedEvent": "soon", "duration": 90}</script></head></html>',
    ],
    ids=["empty", "no-jsonld", "invalid-json", "not-objects", "odd-values"],
)
def test_bad_input_never_raises(html: str) -> None:
    record = parse_movie(Page.from_bytes(html))
    assert record.kind == "title"
    if record.layout == "unknown":
        assert "title" in record.missing


@pytest.mark.parametrize("fraction", [0.25, 0.5, 0.75])
def test_truncated_fixture_gives_what_survives(fraction: float) -> None:
    data = (PAGES / "rottentomatoes_like.html").read_bytes()
    cut = int(len(data) * fraction)
    movie_block_end = data.index(b"</script>", data.index(b'"@type":"Movie"'))
    record = parse_movie(Page.from_bytes(data[:cut], "https://www.rottentomatoes.com/m/matrix"))
    if cut > movie_block_end:
        # its only date is dateCreated, when the site made its entry: no release date, no year
        assert (record.layout, record.title, record.year) == ("schema.org", "The Matrix", None)
    else:  # the Movie block is cut open: invalid JSON, no film
        assert (record.layout, record.title) == ("unknown", None)
        assert "title" in record.missing


def test_letterboxd_cdata_wrapper() -> None:
    html = (
        '<script type="application/ld+json">\n/* <![CDATA[ */\n{"@type":"Movie","name":"Spirited Away"}\n/* ]]> */\n'
        "</script>"
    )
    assert has_film(Page.from_bytes(f"<html><head>{html}</head><body>x</body></html>"))


@pytest.mark.parametrize(
    ("block", "name"),
    [
        ('//<![CDATA[\n{"@type":"Movie","name":"Ran"};\n//]]>', "Ran"),
        ('<![CDATA[{"@type":"Movie","name":"Ikiru"}]]>', "Ikiru"),
        ('<!-- {"@type":"Movie","name":"Rashomon"} -->', "Rashomon"),
    ],
)
def test_other_script_wrappers(block: str, name: str) -> None:
    page = Page.from_bytes(
        f'<html><head><script type="application/ld+json">{block}</script></head><body>x</body></html>'
    )
    assert [obj.get("name") for obj in page.jsonld] == [name]


def _jsonld_pages() -> list[Any]:
    folder = REAL / "D_jsonld_schemaorg"
    return [pytest.param(p, id=p.stem) for p in sorted(folder.glob("*.html"))] if folder.is_dir() else []


@pytest.mark.parametrize("path", _jsonld_pages())
def test_real_non_film_jsonld_pages_are_not_film_pages(path: Path) -> None:
    require_shared()
    assert not has_film(Page.from_bytes(path.read_bytes()))


def test_real_non_film_jsonld_pages_exist() -> None:
    require_shared()
    assert len(_jsonld_pages()) >= 10


def test_date_created_is_no_release_date() -> None:
    """Rotten Tomatoes' 2020 pages give ``dateCreated`` 2005 for a 1994 film (``../shared/gold2`` D pages):
    the site's own record date is never a release date; ``datePublished`` is, and the visible date wins both."""
    movie = '<script type="application/ld+json">{"@type":"Movie","name":"The Shawshank Redemption",%s}</script>'
    bare = parse_movie(Page(movie % '"dateCreated":"2005-11-20"', "https://example.org/m/x"))
    assert (bare.release_dates, bare.year) == (None, None)
    shown = (
        movie % '"dateCreated":"2005-11-20","datePublished":"1994-10-14"'
        + '<p><span>In Theaters:</span> <span><time datetime="1994-09-09">Sep 10, 1994</time></span></p>'
    )
    record = parse_movie(Page(shown, "https://example.org/m/x"))
    assert [d.date for d in record.release_dates or ()] == ["1994-09-10"]
    assert record.year == 1994
    assert [(c.field, c.kept, c.other) for c in record.conflicts] == [("release_dates", "page", "jsonld")]


@pytest.mark.parametrize(
    ("made", "year"),
    [("1999", 1999), ("2011 - 2018", 2011), ("2007", 2007), ("2005-11-20", 2008), ("2005-11-20T14:50:02-08:00", 2008)],
)
def test_a_bare_year_created_is_the_films_year(made: str, year: int) -> None:
    """ČSFD (round 8 pages, 2017-2026) gives ``dateCreated`` its production year ("2007"; a series' run "2011 -
    2018"), where its first release on the page is later (Arn: Finland 2008); a full date there is a site's record
    date (Rotten Tomatoes), no year of the film's."""
    movie = '<script type="application/ld+json">{"@type":"Movie","name":"Arn","dateCreated":"%s"}</script>'
    shown = "<p><span>In Theaters:</span> <span>22.02.2008</span></p>"
    assert parse_movie(Page(movie % made + shown, "https://example.org/film/1")).year == year


def test_every_release_row_of_the_box_with_its_rows_flag() -> None:
    """ČSFD's 2026 premieres box: one ``<li>`` a release, the flag beside the label, newest first within a kind
    (a 2017 film-club screening before the 1999 release); the box's every row is read, and the year is the first."""
    row = "<li><span><img class='flag' title='{0}' alt='{0}'/></span><p>{1}</p><span>{2}</span></li>"
    box = "".join(
        row.format(*cells)
        for cells in (
            ("Česko", "V kinech od", "14.09.2017 AČFK"),
            ("Česko", "V kinech od", "05.08.1999 Warner Bros. CZ"),
            ("Česko", "Na DVD od", "05.04.2023 Magic Box"),
            ("USA", "V kinech od", "31.03.1999 Warner Bros. US"),
        )
    )
    related = "<section><h3>Podobné filmy</h3><ul><li><p>V kinech od</p><span>01.01.1990</span></li></ul></section>"
    page = f"<html><body><h1>Matrix</h1><section><ul>{box}</ul></section>{related}</body></html>"
    dates = labelled_fields(Page.from_bytes(page.encode()))["release_dates"]
    assert [(date.date, date.country) for date in dates] == [
        ("2017-09-14", "CZ"),
        ("1999-08-05", "CZ"),
        ("1999-03-31", "US"),
    ]
    assert parse_movie(Page.from_bytes(page.encode())).year == 1999


OWN_FILM_SITES = FIXTURES / "real" / "pages" / "dev" / "E_other_film_sites"


def test_a_table_of_releases_gives_each_country_its_date() -> None:
    """Letterboxd's Releases tab (2026; real page): rows of a date alone in an ``<h5>`` and the countries released
    that day, each named alone in a ``<span>``, under Premiere / Theatrical / Digital headings; no label says
    "release date". Its JSON-LD says "2000", so the year alone was given."""
    data = (OWN_FILM_SITES / "ningning621__letterboxd_in-the-mood-for-love__2026-04.html").read_bytes()
    record = parse_movie(Page.from_bytes(data, "https://letterboxd.com/film/in-the-mood-for-love/"))
    assert record.release_dates is not None
    rows = [(date.date, date.country) for date in record.release_dates]
    assert rows[:3] == [("2000-05-20", "FR"), ("2000-09-26", "ES"), ("2000-10-14", "KR")]
    assert len(rows) == len(set(rows)) > 10
    # each with the kind of release its group's heading names, as IMDb's notes do ("premiere")
    notes = {date.note for date in record.release_dates}
    assert record.release_dates[0].note == "premiere" and {"theatrical", "digital"} <= notes
    assert all(conflict.field != "release_dates" for conflict in record.conflicts)


def test_dates_in_one_row_and_countries_in_another_are_no_release_rows() -> None:
    # A table that prints one row over another (Cinemais' facts shape: names in a row, values in the row below):
    # which country goes with which date is unknown, so none is paired (each date was given every country).
    table = "<table><tr><td>France</td><td>Spain</td></tr><tr><td>20 May 2000</td><td>26 Sep 2000</td></tr></table>"
    assert release_rows(Page.from_bytes(f"<html><body>{table}</body></html>".encode())) is None


def test_a_cinemas_screening_days_are_no_releases() -> None:
    """Cines Embajadores' film page (2026; real page): each day it screens the film, a date alone in an ``<h4>``
    over that day's times ("27/02/2026": "17:25 19:40 22:00"), beside the facts' "Nacionalidad: Brasil". The days
    were read as Brazil's releases, and put the labelled "Estreno: 20 de Febrero de 2026" aside."""
    data = (OWN_FILM_SITES / "lbm364dl__cinesembajadores_el-agente-secreto-vose__2026-02.html").read_bytes()
    record = parse_movie(Page.from_bytes(data, "https://cinesembajadores.es/pelicula/el-agente-secreto-vose/"))
    assert record.release_dates is not None
    assert [(date.date, date.country) for date in record.release_dates] == [("2026-02-20", None)]


def test_the_sites_name_beside_the_og_title_is_no_part_of_the_films() -> None:
    """The Centro Colombo Americano de Medellín's film page (2026; real page, no <h1>): its og:title is
    "No other Choice • Centro Colombo Americano de Medellín", its og:site_name the part after the bullet."""
    data = (OWN_FILM_SITES / "gyarra__colombomedellin_no-other-choice__2026-01.html").read_bytes()
    record = parse_movie(Page.from_bytes(data, "https://www.colombomedellin.edu.co/peliculas/no-other-choice/"))
    assert record.title == "No other Choice"


def _without_heading(name: str, url: str) -> Page:
    """A development page with its ``<h1>`` made a ``<div>`` and its ``og:title`` gone: named by its ``<title>``
    and its text alone, as film pages of sites that print neither are."""
    data = (OWN_FILM_SITES / f"{name}.html").read_bytes()
    data = re.sub(rb"<meta[^>]+og:title[^>]*>", b"", data)
    return Page.from_bytes(re.sub(rb"<(/?)h1\b", rb"<\1div", data), url)


@pytest.mark.parametrize(
    ("name", "url", "title"),
    [
        # "Heroes on TV.com": the name, then a lower-case word that says where the page is
        ("google-code-export__tvcom_17552_heroes__2010-06__latin1", "http://www.tv.com/heroes/show/17552/", "Heroes"),
        # "Deadwood (TV Series 2004-2006) — The Movie Database (TMDb)": the name, then a bracket
        ("plotski__tmdb_tv_1406_deadwood__2021-01", "https://www.themoviedb.org/tv/1406", "Deadwood"),
        # "Such a Long Journey 1998 | Movie Trailer, Reviews, Photos, Cast | Hollywood.com": the name, then its year
        (
            "swde__hollywood_0900_such-a-long-journey__2010",
            "http://www.hollywood.com/movies/such-a-long-journey",
            "Such a Long Journey",
        ),
        # Letterboxd's <title> opens with a left-to-right mark; "In the Mood for Love (2000) directed by …"
        (
            "ningning621__letterboxd_in-the-mood-for-love__2026-04",
            "https://letterboxd.com/film/in-the-mood-for-love/",
            "In the Mood for Love",
        ),
        # "Город грехов — смотреть онлайн — Кинопоиск", the page showing "Город грехов (2005)"
        ("wstswsb__kinopoisk_film77443_gorod-grekhov__2022-04", "https://www.kinopoisk.ru/film/77443/", "Город грехов"),
    ],
)
def test_a_film_page_with_no_heading_is_named_by_its_titles_leading_name(name: str, url: str, title: str) -> None:
    assert heading_fields(_without_heading(name, url))["title"] == title


def test_a_headings_kind_in_brackets_is_no_part_of_the_title() -> None:
    """Anime News Network's heading (its page of Somali and the Forest Spirit, 2025, a round 23 page) prints the
    work's kind after its name, "Somali and the Forest Spirit (TV)", as its JSON-LD elsewhere would not."""
    html = (
        "<html><head><title>Somali and the Forest Spirit (TV) - Anime News Network</title></head><body>"
        "<h1>Somali and the Forest Spirit (TV)</h1><div><strong>Genres:</strong> <span>fantasy</span></div>"
        "<div><strong>Running time:</strong> <span>24 minutes</span></div></body></html>"
    )
    assert heading_fields(Page.from_bytes(html.encode()))["title"] == "Somali and the Forest Spirit"


def test_a_titles_leading_name_is_never_the_sites() -> None:
    """Yahoo! Movies' page (2010) with its <title> written site first, as many sites write theirs: the site's name
    leads, and the page shows it (its logo's text), but it is movies.yahoo.com's and names no film."""
    page = _without_heading("swde__yahoo_0100_hush__2010", "http://movies.yahoo.com/movie/1800022420/info")
    assert "Hush (1998) - Movie Info - Yahoo! Movies" in page.html
    page = Page(page.html.replace("Hush (1998) - Movie Info - Yahoo! Movies", "Yahoo! Movies - Hush (1998)"), page.url)
    assert heading_fields(page).get("title") is None


@pytest.mark.parametrize(
    ("name", "host"),
    [
        ("Teen Vogue", "teenvogue.com"),
        ("The A.V. Club", "avclub.com"),
        ("ČSFD.cz", "csfd.cz"),
        ("Anime-Planet", "anime-planet.com"),
        ("Yahoo! Movies", "movies.yahoo.com"),
        ("AlloCiné", "allocine.fr"),
        ("Hollywood.com", "hollywood.com"),
    ],
)
def test_a_sites_name_spells_its_host(name: str, host: str) -> None:
    assert spells_the_host(name, host)
    assert not spells_the_host("The Iron Giant", host)


@pytest.mark.parametrize(
    ("name", "url", "countries"),
    [
        # "<label>Nacionalidad:</label> <span>Brasil</span>" (Spanish cinemas' word for a film's country)
        (
            "lbm364dl__cinesembajadores_el-agente-secreto-vose__2026-02",
            "https://cinesembajadores.es/pelicula/el-agente-secreto-vose/",
            ("BR",),
        ),
        # AlloCiné's "Nationalité U.S.A."
        (
            "ibmw__allocine_cfilm275220_minuit-dans-l-univers__2024-07",
            "https://www.allocine.fr/film/fichefilm_gen_cfilm=275220.html",
            ("US",),
        ),
    ],
)
def test_nationality_labels_the_films_countries(name: str, url: str, countries: tuple[str, ...]) -> None:
    record = parse_movie(Page.from_bytes((OWN_FILM_SITES / f"{name}.html").read_bytes(), url))
    assert record.countries == countries


def test_a_date_and_a_number_are_no_release_table() -> None:
    """AniDB's info table (real page): dates beside a rating ("6.74"); no country is named, so no table of releases
    (the rating was once read as ISO 3166's numeric 674, San Marino)."""
    data = (OWN_FILM_SITES / "manami-project__anidb_anime3348_fate-stay-night__2023-07.html").read_bytes()
    record = parse_movie(Page.from_bytes(data, "https://anidb.net/anime/3348"))
    assert record.release_dates is not None
    assert {date.country for date in record.release_dates} == {None}


def test_a_line_of_values_apart_by_slashes_is_read_whole() -> None:
    """Douban's facts box (2017; real page): every label in one ``<div>``, each line "<span>类型:</span>
    <span>剧情</span> / <span>科幻</span> / <span>冒险</span><br>"; the first value alone was read (one genre, one
    release date), and "169分钟" gave no runtime."""
    data = (OWN_FILM_SITES / "rushrunner17__douban_subject_1889243_interstellar__2017-09.html").read_bytes()
    record = parse_movie(Page.from_bytes(data, "https://movie.douban.com/subject/1889243/"))
    assert record.genres == ("剧情", "科幻", "冒险")
    assert record.runtime_minutes == 169
    assert record.release_dates is not None
    assert [(date.date, date.country) for date in record.release_dates] == [("2014-11-12", "CN"), ("2014-11-07", "US")]


@pytest.mark.parametrize(
    ("line", "genres"),
    [
        ("<b>Genre:</b> <span>Drama</span> / <span>Crime</span><br>", ("Drama", "Crime")),
        # words between the elements: a sentence that names one genre, not a list of them
        ("<b>Genre:</b> <span>Drama</span> with a touch of <span>noir</span><br>", ("Drama",)),
        # a link to more of them is none of them (IMDb 2014-16, its classes gone)
        ("<b>Genre:</b> <span>Drama</span> <span><a href='/genres'>See more »</a></span><br>", ("Drama",)),
        # the next label's element ends the line's values
        ("<b>Genre:</b> <span>Drama</span> <span>Runtime:</span> <span>97 min</span><br>", ("Drama",)),
    ],
)
def test_a_labels_line_of_inline_values(line: str, genres: tuple[str, ...]) -> None:
    # Douban's shape (the page above): labels and values in one box, a line per label, ended by <br>.
    page = Page.from_bytes(f"<html><body><h1>Heat</h1><div>{line}<b>Country:</b> USA</div></body></html>".encode())
    assert labelled_fields(page)["genres"] == genres


def test_a_title_loses_the_medium_the_site_prints_after_it() -> None:
    """ČSFD's heading and microdata name "Hra o trůny (TV seriál)": the title is the name without it."""
    obj = {"@type": "TVSeries", "name": "Hra o trůny (TV seriál)"}
    assert movie_fields(obj)["title"] == "Hra o trůny"
    assert movie_fields({"@type": "Movie", "name": "Film (1983)"})["title"] == "Film (1983)"


def test_a_wiki_film_infobox_is_a_film_page() -> None:
    """A film article of a wiki (no Movie JSON-LD, no film site's address): the infobox's labelled rows make it a
    film page and give its facts; the heading's disambiguator gives the year and leaves the title clean."""
    record = parse((PAGES / "wiki_infobox_film.html").read_bytes(), "https://en.wikipedia.org/wiki/The_Sample_Picture")
    assert isinstance(record, FilmPage)
    assert (record.layout, record.title, record.year, record.runtime_minutes) == (
        "labels",
        "The Sample Picture",
        1999,
        136,
    )
    assert [(d.date, d.country) for d in record.release_dates or ()] == [("1999-03-24", None), ("1999-03-31", "US")]
    assert [p.name for p in record.directors or ()] == ["Jane Roe"]
    assert [c.name for c in record.companies or ()] == ["Sample Films", "Test Card Productions"]
    assert (record.countries, record.languages) == (("US", "CA"), ("English",))  # lines cut at <br>, linked or not


@pytest.mark.parametrize(
    "labels",
    [
        ("Developer(s)", "Publisher(s)", "Director(s)", "Release", "Genre(s)"),  # a video game
        ("Released", "Length", "Label", "Producer", "Genre"),  # an album
    ],
)
def test_an_infobox_of_another_kind_of_work_is_no_film(labels: tuple[str, ...]) -> None:
    rows = "".join(f"<tr><th>{label}</th><td>x</td></tr>" for label in labels)
    html = f'<html><body><h1>A work</h1><table class="infobox"><tbody>{rows}</tbody></table><p>Text.</p></body></html>'
    assert parse(html.encode(), "https://en.wikipedia.org/wiki/A_work").kind == "review"


@pytest.mark.parametrize(
    ("box", "field", "values"),
    [
        # IMDb's /combined page: the value a box after the label, its links then a "See more" to another folder
        (
            "<div><h5>Genre:</h5><div><a href='/Sections/Genres/Action/'>Action</a> | <a href='/Sections/Genres/Crime/'>"
            "Crime</a> <a href='/title/tt0468569/keywords'>See more</a>&nbsp;&raquo;</div></div>",
            "genres",
            ("Action", "Crime"),
        ),
        # a list of companies, each its link and the role after it
        (
            "<div><h5>Production Companies</h5><ul><li><a href='/company/co0002663/'>Warner Bros.</a> (presentation)"
            "</li><li><a href='/company/co0159111/'>Legendary Pictures</a> (in association with)</li></ul></div>",
            "companies",
            (Company("Warner Bros."), Company("Legendary Pictures")),
        ),
        # a name may end in a period; a sentence printed in the names' place is none of them
        (
            "<div><h5>Companies</h5><ul><li>Warner Bros. Pictures Inc.</li><li>No other companies listed.</li></ul>"
            "</div>",
            "companies",
            (Company("Warner Bros. Pictures Inc."),),
        ),
        # a keyword may be a phrase ending in a period (IMDb's users write them so)
        (
            "<div><h5>Plot Keywords</h5><ul><li>allegory of multiple historical events.</li><li>martial arts</li>"
            "</ul></div>",
            "keywords",
            ("allegory of multiple historical events.", "martial arts"),
        ),
    ],
)
def test_a_labels_value_box_gives_its_items_names(box: str, field: str, values: tuple[object, ...]) -> None:
    page = Page.from_bytes(f"<html><body>{box}</body></html>".encode())
    assert labelled_fields(page)[field] == values


@pytest.mark.parametrize(
    ("box", "field", "values"),
    [
        # IMDb's 2011 title page: "<div><h4>Genres:</h4> <a>Biography</a>&nbsp;<span>|</span> <a>Drama</a> …</div>"
        (
            "<div><h4>Genres:</h4> <a href='/genre/Biography'>Biography</a>&nbsp;<span>|</span>"
            " <a href='/genre/Drama'>Drama</a>&nbsp;<span>|</span> <a href='/genre/History'>History</a></div>",
            "genres",
            ("Biography", "Drama", "History"),
        ),
        # two labels in one box: each keeps its own link
        (
            "<p><b>Genre:</b> <a href='/g/drama'>Drama</a> <b>Country:</b> <a href='/c/us'>USA</a></p>",
            "genres",
            ("Drama",),
        ),
        # the same page's keywords: the "See All (251)" link after them, in a <nobr>, is none of them
        (
            "<div><h4>Plot Keywords:</h4> <a href='/keyword/artificial-reality?ref_=tt_stry_kw'> <span>artificial"
            " reality</span></a> <span>|</span> <a href='/keyword/matrix?ref_=tt_stry_kw'> <span>matrix</span></a>"
            " <span>|</span>&nbsp;<nobr><a href='/title/tt0133093/keywords?ref_=tt_stry_kw'>See All (251)</a>"
            "&nbsp;&raquo;</nobr></div>",
            "keywords",
            ("artificial reality", "matrix"),
        ),
        # its companies, each link in a span of its own, then "See more" (to another folder)
        (
            "<div><h4>Production Co:</h4> <span><a href='/company/co0026840?ref_=tt_dt_co'><span>Warner"
            " Bros.</span></a></span>, <span><a href='/company/co0108864?ref_=tt_dt_co'><span>Village Roadshow"
            " Pictures</span></a></span> <span><a href='companycredits?ref_=tt_dt_co'>See more</a>&nbsp;&raquo;</span>"
            "</div>",
            "companies",
            (Company("Warner Bros."), Company("Village Roadshow Pictures")),
        ),
    ],
)
def test_a_labels_links_side_by_side_are_all_its_value(box: str, field: str, values: tuple[object, ...]) -> None:
    page = Page.from_bytes(f"<html><body>{box}</body></html>".encode())
    assert labelled_fields(page)[field] == values


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        # Letterboxd's footer under the cast: the runtime printed with no label
        ("<p class='text-link text-footer'>97&nbsp;mins &nbsp; More at <a href='/imdb'>IMDb</a></p>", 97),
        # ČSFD's origin line
        ("<div class='origin'>USA / Kanada, 2018, 159 min</div>", 159),
        # a reading time and a clock time are no runtime
        ("<p>97 mins</p><span>12 min read</span><span>Showing at 20:15 min</span>", 97),
        ("<p>97 mins</p><span>21 Minutes to Read</span><span>Lesezeit: 4 Min.</span>", 97),
        ("<p>97 mins</p><span>Temps de lecture : 26 min</span>", 97),
        # two lengths (another film's in a sidebar): which is this film's is not known
        ("<p>97 mins</p><aside><p>Related: 104 mins</p></aside>", None),
    ],
)
def test_a_runtime_printed_without_a_label(text: str, minutes: int | None) -> None:
    head = '<script type="application/ld+json">{"@type": "Movie", "name": "Sweetback"}</script>'
    page = f"<html><head>{head}</head><body><h1>Sweetback</h1>{text}</body></html>"
    assert parse(page.encode(), "https://letterboxd.com/film/sweetback/").runtime_minutes == minutes  # type: ignore[union-attr]


def test_a_label_in_a_custom_element() -> None:
    # Rotten Tomatoes 2025: each label and value in an <rt-text> element, which browsers show inline.
    box = (
        "<dl><div><dt><rt-text data-qa='item-label'>Release Date</rt-text></dt><dd><rt-text data-qa='item-value'>"
        "Jun 23, 2022</rt-text></dd></div><div><dt><rt-text>Genre</rt-text></dt><dd><rt-link href='/g/comedy'>"
        "Comedy</rt-link>, <rt-link href='/g/drama'>Drama</rt-link></dd></div></dl>"
    )
    fields = labelled_fields(Page.from_bytes(f"<html><body>{box}</body></html>".encode()))
    assert [date.date for date in fields["release_dates"]] == ["2022-06-23"]
    assert fields["genres"] == ("Comedy", "Drama")


def test_a_year_beside_the_title_in_another_heading() -> None:
    # TMDB's TV page: no <h1>, og:title "Deadwood", the header's <h2> "Deadwood <span>(2004)</span>"; a later
    # heading naming another year is not looked at.
    page = (
        '<html><head><meta property="og:title" content="Deadwood"></head><body><h2><a href="/tv/1406">Deadwood</a>'
        ' <span class="tag release_date">(2004)</span></h2><h3>Genres</h3><p>Crime, Western</p>'
        "<h2>Deadwood (2019)</h2></body></html>"
    )
    assert heading_fields(Page.from_bytes(page.encode())) == {"title": "Deadwood", "year": 2004}


def test_a_release_date_labelled_in_cinemas_from_with_the_countrys_flag() -> None:
    # ČSFD's premieres table: the country only as the flag image in the label, then DVD releases.
    box = (
        "<table><tr><th><img src='/flags/us.gif' class='no-title' title='USA' alt='USA'/> V kinech od:</th>"
        "<td class='date'>22.03.2019 Lionsgate US</td></tr><tr><th><img src='/flags/cz.gif' alt='Česko'/>"
        " Na DVD od:</th><td class='date'>07.08.2019 Magic Box</td></tr></table>"
    )
    dates = labelled_fields(Page.from_bytes(f"<html><body>{box}</body></html>".encode()))["release_dates"]
    assert [(date.date, date.country) for date in dates] == [("2019-03-22", "US")]


def test_labels_over_their_values_in_the_row_below() -> None:
    # Cinemais' 2019 film page: a row of labels (an image spanning both rows first), their values in the row below.
    box = (
        "<table><tr><td rowspan='2'><img src='12.png' alt='Classificação: 12 ANOS'></td><td><strong>País</strong></td>"
        "<td><strong>Gênero</strong></td><td><strong>Duração</strong></td><td><strong>Lançamento Nacional</strong>"
        "</td><td><strong>Distribuição</strong></td></tr><tr><td>EUA</td><td>Ação, Aventura, Ficção-científica</td>"
        "<td>124 min.</td><td>07/03/2019</td><td>Walt Disney Studios</td></tr></table>"
    )
    fields = labelled_fields(Page.from_bytes(f"<html><body><h1>Capitã Marvel</h1>{box}</body></html>".encode()))
    assert fields["genres"] == ("Ação", "Aventura", "Ficção-científica")
    assert fields["runtime_minutes"] == 124
    assert [date.date[:4] for date in fields["release_dates"]] == ["2019"]


def test_a_page_labelling_one_films_facts_is_a_film_page() -> None:
    # The same page whole (development, no schema.org item, no address): it was read as an article with no list.
    name = "dev/E_other_film_sites/dsbezerra__cinemais_cf7128_capita-marvel__2019-03__utf8-under-latin1-meta"
    record = parse((REAL_OWN / "pages" / f"{name}.html").read_bytes())
    assert isinstance(record, FilmPage)
    assert (record.year, record.runtime_minutes) == (2019, 124)


def _own_film_page(name: str) -> tuple[dict[str, Any], FilmPage]:
    """One of this repository's real film pages, parsed at its gold's address (it must read as a film page)."""
    gold = json.loads((REAL_OWN / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    record = parse((REAL_OWN / "pages" / f"{name}.html").read_bytes(), url=gold["url"])
    assert isinstance(record, FilmPage)
    return gold, record


def test_a_film_page_of_table_layouts_with_labels_wrapped_and_spacer_rows() -> None:
    # AllMovie, 2010 (development): each label wrapped thrice (``<td><div><span>Year</span></div></td>``) was counted
    # twice, so no label was one film's; a spacer row (``<img src=spacer.gif>``) stood between each label and its
    # value; its title is only in ``<title>`` ("The Iron Giant > Overview - AllMovie") and a ``span``.
    name = "dev/E_other_film_sites/swde__allmovie_0100_the-iron-giant__2010"
    gold, record = _own_film_page(name)
    assert (record.title, record.year, record.runtime_minutes) == (gold["title"], gold["year"], gold["runtime_minutes"])
    assert list(record.genres or ()) == gold["genres"]
    assert [person.name for person in record.directors or ()] == gold["directors"]


def test_a_keywords_box_shown_whole_says_how_many_there_are() -> None:
    # AllMovie, 2010 (development): "Keywords" and six links, nothing more: the film has those six.
    gold, record = _own_film_page("dev/E_other_film_sites/swde__allmovie_0100_the-iron-giant__2010")
    assert (list(record.keywords or ()), record.keywords_total) == (gold["keywords_visible"], gold["keywords_total"])


@pytest.mark.parametrize("more", ["See more", "…", "+3", "All 12 keywords"])
def test_a_keywords_box_that_shows_some_says_no_total(more: str) -> None:
    # The same box, shaped as AllMovie's (a label's cell, then its links), with a word that says it shows a few.
    links = " ".join(f'<a href="/keyword/{name}">{name}</a>' for name in ("robot", "friendship"))
    box = f"<table><tr><td>Keywords</td><td>{links} {more}</td></tr></table>"
    fields = labelled_fields(Page.from_bytes(f"<html><body><h1>Film</h1>{box}</body></html>".encode()))
    assert fields["keywords"] == ("robot", "friendship")
    assert "keywords_total" not in fields


def test_box_office_mojos_page_of_one_film_is_a_film_page() -> None:
    # Box Office Mojo, 2010 (development): every address of the site went to the list reader, its film pages too;
    # its title is in <title> with the year ("Across the Universe (2007) - Box Office Mojo"), shown without it.
    name = "dev/E_other_film_sites/swde__boxofficemojo_0100_across-the-universe__2010"
    gold, record = _own_film_page(name)
    assert (record.title, record.year, list(record.genres or ())) == (gold["title"], gold["year"], gold["genres"])
    assert not is_list_url("https://www.boxofficemojo.com/title/tt0445922/")
    assert is_list_url("https://www.boxofficemojo.com/year/world/2019/")


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Heat > Overview - FilmSite", "Heat"),
        ("Heat - FilmSite", "Heat"),
        ("FilmSite - Heat", None),  # the site's name is shown (a logo) and leads: no title
        ("Heat", None),  # one part: the film's or the site's?
        ("Heat - The Movie - FilmSite", "Heat - The Movie"),
    ],
)
def test_a_title_from_the_part_of_title_the_page_shows(title: str, shown: str | None) -> None:
    # AllMovie's 2010 shape cut down: a <title> of parts, the film's name again in a span, labels in a table
    html = (
        f"<html><head><title>{title}</title></head><body><div>FilmSite</div><span>{shown or 'Heat'}</span>"
        "<table><tr><td>Director</td><td>M. Mann</td></tr><tr><td>Runtime</td><td>170 min</td></tr>"
        "<tr><td>Country</td><td>USA</td></tr></table></body></html>"
    )
    assert heading_fields(Page.from_bytes(html.encode(), "https://filmsite.example/film/1")).get("title") == shown


def test_a_list_labelling_each_films_facts_is_no_film_page() -> None:
    # A list of films, each with its director and runtime labelled: the labels repeat, the page is a list.
    films = "".join(
        f"<h2>{n}. {title}</h2><p><b>Director:</b> {director}</p><p><b>Runtime:</b> {minutes} min</p>"
        f"<p><b>Country:</b> USA</p>"
        for n, (title, director, minutes) in enumerate(
            [("Heat", "Michael Mann", 170), ("Fargo", "Joel Coen", 98), ("Zodiac", "David Fincher", 157)], 1
        )
    )
    page = f"<html><head><title>3 crime films</title></head><body><h1>3 crime films</h1>{films}</body></html>"
    assert not isinstance(parse(page.encode()), FilmPage)


def test_companies_linked_by_folder_leave_out_the_sites_own() -> None:
    # Anime-Planet's shape: the studio only a link beside the year ("/anime/studios/comix-wave-films"); a footer's
    # link to the site's own company page ("/company/about") names no maker of the film.
    page = (
        "<html><body><main><h1>your name.</h1><div><a href='/anime/studios/comix-wave-films'>CoMix Wave Films</a>"
        "</div><div><span class='iconYear'>2016</span></div></main>"
        "<footer><a href='/company/about'>About us</a></footer></body></html>"
    )
    assert linked_companies(Page.from_bytes(page.encode())) == (Company("CoMix Wave Films"),)


def test_rotten_tomatoes_release_rows_by_kind() -> None:
    # Rotten Tomatoes' 2026 Movie Info: "Release Date (Theaters)" then "Release Date (Streaming)", each a <dt>/<dd> of
    # one <dl>; the year is the first release's (Gladiator, development; its JSON-LD gives no date).
    box = (
        "<dl><div><dt><rt-text>Release Date (Theaters)</rt-text></dt><dd><rt-text>May 5, 2000, Wide</rt-text></dd>"
        "</div><div><dt><rt-text>Release Date (Streaming)</rt-text></dt><dd><rt-text>Jun 15, 2011</rt-text></dd></div>"
        "<div><dt><rt-text>Runtime</rt-text></dt><dd><rt-text>2h 34m</rt-text></dd></div></dl>"
    )
    movie = '<script type="application/ld+json">{"@type":"Movie","name":"Gladiator"}</script>'
    record = parse_movie(Page.from_bytes(f"<html><head>{movie}</head><body>{box}</body></html>".encode()))
    assert [d.date for d in record.release_dates or ()] == ["2000-05-05", "2011-06-15"]
    assert (record.year, record.runtime_minutes) == (2000, 154)


@pytest.mark.parametrize(
    ("labels", "values", "expected"),
    [
        (  # Polish (Filmweb's words)
            ("gatunek", "czas trwania", "produkcja", "data premiery", "scenariusz"),
            ("Komedia", "1 godz. 5 min.", "Polska", "19 stycznia 1970", "Janusz Głowacki"),
            {"genres": ("Komedia",), "runtime_minutes": 65, "countries": ("PL",), "release": "1970-01-19"},
        ),
        (  # Korean, its short name of the country and its date with the year first
            ("장르", "상영시간", "국가", "개봉", "각본"),
            ("드라마", "131분", "한국", "2019.05.30", "봉준호"),
            {"genres": ("드라마",), "runtime_minutes": 131, "countries": ("KR",), "release": "2019-05-30"},
        ),
        (  # Ukrainian
            ("жанр", "тривалість", "країна", "прем'єра", "сценарій"),
            ("драма", "2 години 11 хв", "Україна", "10 вересня 2020", "Олег Сенцов"),
            {"genres": ("драма",), "runtime_minutes": 131, "countries": ("UA",), "release": "2020-09-10"},
        ),
        (  # Turkish
            ("tür", "süre", "ülke", "vizyon tarihi", "senaryo"),
            ("Dram", "131 dk", "ABD", "2019-05-30", "Bong Joon Ho"),
            {"genres": ("Dram",), "runtime_minutes": 131, "countries": ("US",), "release": "2019-05-30"},
        ),
    ],
)
def test_a_facts_table_labelled_in_other_languages(
    labels: tuple[str, ...], values: tuple[str, ...], expected: dict[str, Any]
) -> None:
    # The shape of dev/E_other_film_sites/djbpitt__kinopoisk_film41519_brat: a table of rows, a label cell
    # (<td class="type">время</td>) and its value cell, here labelled in the languages of other film sites.
    rows = "".join(
        f'<tr><td class="type">{label}</td><td>{value}</td></tr>' for label, value in zip(labels, values, strict=True)
    )
    fields = labelled_fields(Page.from_bytes(f"<html><body><h1>Film</h1><table>{rows}</table></body></html>".encode()))
    assert fields["genres"] == expected["genres"]
    assert fields["runtime_minutes"] == expected["runtime_minutes"]
    assert fields["countries"] == expected["countries"]
    assert fields["release_dates"][0].date == expected["release"]
    assert len(fields["writers"]) == 1


@pytest.mark.parametrize(
    "name",
    [
        # MIFF 2026: "Dir. Gus Van Sant / 2025 / 104 mins / USA" under the heading, one label further down
        "dev/E_other_film_sites/mirukuz__miff_dead-mans-wire__2026-07",
        # a Colombian museum's cinema, 2026: "Mayores de 12 años | 160 min." and "2025 | China", one label
        "dev/E_other_film_sites/gyarra__elmamm_resurreccion__2026-01",
        # Moviepilot 2023: "USA ( 1979 ) | Science Fiction-Film | 132 Minuten", its film facts on a WebPage item
        "dev/E_other_film_sites/stegschreck__moviepilot_star-trek-der-film__2023-12",
        # Hollywood.com 2010: the year in the heading, "PG | 1 hr 33 mins | Crime" under it
        "dev/E_other_film_sites/swde__hollywood_0100_love-and-the-midnight-auto-supply__2010",
    ],
)
def test_a_year_and_a_runtime_under_the_heading_make_a_film_page(name: str) -> None:
    # Each was read as an article: no schema.org item and fewer than three labels. The header under the heading
    # prints the film's year and running time, unlabelled.
    gold, record = _own_film_page(name)
    assert (record.title, record.year, record.runtime_minutes) == (gold["title"], gold["year"], gold["runtime_minutes"])


def test_a_list_printing_its_first_films_facts_under_the_heading_is_no_film_page() -> None:
    # A list with no introduction, each film's facts line under its name as the Prince Charles Cinema's "What's
    # On" prints it (development: "1989 | 120mins | USA"): the first film's year and runtime follow the page's
    # heading, but the page prints a runtime for every film.
    films = "".join(
        f"<h2>{n}. {title}</h2><p>{year} | {minutes}mins | USA</p>"
        for n, (title, year, minutes) in enumerate([("Heat", 1995, 170), ("Fargo", 1996, 98), ("Zodiac", 2007, 157)], 1)
    )
    page = f"<html><head><title>3 crime films</title></head><body><h1>3 crime films</h1>{films}</body></html>"
    assert not isinstance(parse(page.encode()), FilmPage)


def test_labels_written_as_texts_before_their_values() -> None:
    # Box Office Mojo, 2010 (development): the facts box prints "Genre: <b>Comedy</b>" in each cell, the label a text
    # of its own, no element around it; with "Director:" and "Writer:" only two labels were found, and the page was
    # read as an article.
    name = "dev/E_other_film_sites/swde__boxofficemojo_0900_sixteen-candles__2010"
    gold, record = _own_film_page(name)
    assert (record.title, record.runtime_minutes) == (gold["title"], gold["runtime_minutes"])
    assert [date.date for date in record.release_dates or ()] == [gold["release_date"]["date"]]
    page = Page.from_bytes(
        b"<table><tr><td>Genre: <b>Comedy</b></td><td>Runtime: <b>1 hrs. 33 min.</b></td></tr></table>", None
    )
    assert labelled_fields(page) == {"genres": ("Comedy",), "runtime_minutes": 93}


@pytest.mark.parametrize(
    ("name", "date"),
    [
        # Moviepilot 2023: "Kinostart: 27.03.1980" under the heading, label and date one text
        ("dev/E_other_film_sites/stegschreck__moviepilot_star-trek-der-film__2023-12", "1980-03-27"),
        # colombia.com 2026: "Fecha de estreno: Ene 15 / 2026", a date with a separator inside (not a day and a year)
        ("dev/E_other_film_sites/gyarra__colombia-com_cine10939_la-maldicion-de-evelyn__2026-01", "2026-01-15"),
    ],
)
def test_a_label_and_its_value_in_one_text(name: str, date: str) -> None:
    _, record = _own_film_page(name)
    assert [release.date for release in record.release_dates or ()] == [date]


def test_labels_in_lines_of_text_read_values_but_make_no_film_page() -> None:
    # Moviepilot's "Kinostart: 27.03.1980" form, three lines of it: their values are read where the page is a film's,
    # but lines of "Label: value" are also how an article sets out the facts of the film it reviews, so they alone
    # do not make the page a film page.
    page = Page.from_bytes(
        b"<p>Regie: Robert Wise<br>Kinostart: 27.03.1980<br>Laufzeit: 132 Minuten<br>Land: USA</p>", None
    )
    assert not labels_one_film(page)
    fields = labelled_fields(page)
    assert (fields["runtime_minutes"], fields["countries"], [d.date for d in fields["release_dates"]]) == (
        132,
        ("US",),
        ["1980-03-27"],
    )


def test_genres_linked_by_folder_where_no_label_names_them() -> None:
    # Hollywood.com 2010 (development): the header's "PG | 1 hr 33 mins | Crime" links the genre to the site's
    # "/MovieList/Genre/Crime/SORT/B"; no label, no schema.org item names it.
    name = "dev/E_other_film_sites/swde__hollywood_0100_love-and-the-midnight-auto-supply__2010"
    gold, record = _own_film_page(name)
    assert list(record.genres or ()) == gold["genres"] == ["Crime"]
    # a site's index of its genres (a menu outside <nav>) is no film's
    genres = ("action", "comedy", "crime", "drama", "horror", "war", "western")
    index = "".join(f"<a href='/genre/{genre}'>{genre}</a>" for genre in genres)
    assert linked_genres(Page.from_bytes(f"<div>{index}</div>".encode())) is None
    assert linked_genres(Page.from_bytes(index[: index.index("<a href='/genre/drama'")].encode())) == genres[:3]


def test_a_label_in_a_text_of_its_own_with_a_full_width_colon() -> None:
    # a label ending in a full-width colon, as Chinese and Japanese pages write it ("类型："), a text before its value
    page = Page.from_bytes("<p>类型：<b>剧情</b><br>片长：<b>169分钟</b></p>".encode(), None)
    assert labelled_fields(page)["genres"] == ("剧情",)


@pytest.mark.parametrize(
    ("heading", "title", "name"),
    [
        # colombia.com's film page (development): the original title after the Spanish one, which <title> leaves out
        (
            "La Maldición De Evelyn (The Painted)",
            "Horarios de La Maldición De Evelyn - En Cartelera",
            "La Maldición De Evelyn",
        ),
        ("Dead Man’s Wire", "Dead Man's Wire | MIFF 2026", "Dead Man’s Wire"),  # held whole, whatever its quotes
        # a <title> cut short by three words or more is no evidence: the heading stays whole
        (
            "Star Wars: Episode IV – A New Hope",
            "Star Wars: Episode IV | FilmSite",
            "Star Wars: Episode IV – A New Hope",
        ),
        ("Heat", "FilmSite", "Heat"),  # none of it held: the heading as it is
    ],
)
def test_words_after_the_name_that_the_title_leaves_out(heading: str, title: str, name: str) -> None:
    page = Page.from_bytes(f"<html><head><title>{title}</title></head><body><h1>{heading}</h1></body></html>".encode())
    assert heading_fields(page)["title"] == name
