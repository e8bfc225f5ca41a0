"""Catalogues of films and shows (issue 10): A-Z pages split by letter, weekly releases with a facts line per film,
an index of names one link a line.

Each test reads a real page of the development part (tests/fixtures/real/pages/dev/C_lists) against its
hand-written gold; what the page does that the extractor once missed is said beside each.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from parsers import parse
from parsers.page import Page
from parsers.review import read_list
from parsers.review.count import promised_count
from parsers.review.entries import _credits_after_names, clean_title
from parsers.review.quality import film_url

OWN = Path(__file__).parent / "fixtures" / "real"


def _case(name: str) -> tuple[bytes, dict[str, Any]]:
    gold = json.loads((OWN / "gold" / "dev" / "C_lists" / f"{name}.json").read_text(encoding="utf-8"))
    return (OWN / "pages" / "dev" / "C_lists" / f"{name}.html").read_bytes(), gold


def test_an_a_to_z_split_by_letter_is_one_list(grader: ModuleType) -> None:
    # Yahoo!7's Plus7, 2013: one <ul> per letter, each opening with its letter ("<li class="letter">a</li>") and
    # holding one to seven shows linking pages of their own, most letters too few shows to be runs of their own.
    # The 55 shows under their letters are the list (one letter's <ul> was given, its letter as an entry).
    page, gold = _case("jamesferguson__yahoo7-plus7-browse-shows-a-z__2013-04")
    out = parse(page, url=gold["url"]).to_dict()
    assert len(out["entries"]) == 55
    assert grader.grade_review(grader.Score(), gold, out) == {}


@pytest.mark.parametrize(
    ("title", "count"),
    [
        ("Browse Shows - Plus7 TV - Yahoo!7", None),  # a name's digit: no count (it chose a letter's 7 shows)
        ("Channel+4: what to watch", None),
        ("The 10 best films of 2012", 10),
        ("Top 10! Films to see", 10),
        ("«10 films» à voir", 10),
        ("466", None),  # 466frfx.github.io's anime page (round 80): a title that is a number alone counts nothing
    ],
)
def test_a_digit_glued_to_a_name_promises_no_count(title: str, count: int | None) -> None:
    assert promised_count([title]) == count


@pytest.mark.parametrize(
    ("title", "count"),
    [
        # real pages' titles: a page's number, a day of a date
        ("Трейлеры фильмов 2022 и 2023 года, страница 2", None),
        ("Смотреть фильмы в HD онлайн, страница 3", None),
        ("Domestic Box Office For Apr 26, 2019", None),
        ("Киноафиша на субботу 12 сентября в Николаеве", None),
        ("Australia vs South Africa, Final at London, WTC, Jun 11 2025 - Live Cricket Score", None),
        ("Die besten Filme, Seite 2", None),
        ("第2页", None),
        ("The 10 Best Movies of May 2024", 10),  # a month after the count's noun: the count stands
        ("Page 3 of the 25 best films", 25),
        # a season's, an episode's, an instalment's number (Eater, 2012: "Season 2" promised two entries)
        ("Watch Anthony Bourdain's The Layover Season 2 Preview", None),
        ("Stranger Things Season 4, Episode 5 recap", None),
        ("Harry Potter und die Heiligtümer des Todes – Teil 2", None),
        ("The 25 best episodes of season 3", 25),
        # a quoted name's number, a review's rating (The Kansas City Star, 2008: "27 entries" promised; Libération's
        # screenshot column, 2017: "6 entries")
        ("‘27 Dresses’ | 2 stars", None),
        ("Screenshot : «Vape Wave», «6 Days», «Alphonse Président»…", None),
        ("Heat: 4 stars", None),
        ("Top 5 star-studded films", 5),
        # a name's number closing the title (New York magazine, 2005: "Drawing Restraint 9" promised nine entries, and
        # the nine links of its footer were given as a list)
        ("Bjork Talks about her New Film Drawing Restraint 9", None),
        ("Toy Story 3 - Review", None),
        ("IMDb Top 250", 250),
        ("Our Favourites 25", 25),
        # a span of time (The Brooklyn Dispatch, 2026: "Cannes - 3 Months On" promised three of its 41 films)
        ("Cannes - 3 Months On", None),
        ("Pixar at 30 years: every film ranked", None),
        ("Die 10 besten Filme der letzten 20 Jahre", 10),
    ],
)
def test_a_pages_number_or_a_dates_day_promises_no_count(title: str, count: int | None) -> None:
    assert promised_count([title]) == count


def test_a_catalogues_later_page_is_read_whatever_its_number(grader: ModuleType) -> None:
    # HDrezka's trailers, page 2 of its catalogue ("…, страница 2"): the 2 was read as the count the title
    # promises, and the 36 films, far from it, were withheld (confidence 0.64).
    page, gold = _case("kristal374__hdrezka-announcements-trailers-page2__2023-08")
    out = parse(page, url=gold["url"]).to_dict()
    assert out["count_promised"] is None
    assert grader.grade_review(grader.Score(), gold, out) == {}


def test_a_cards_facts_line_gives_its_year() -> None:
    # Cinema.de's weekly releases, 2012: each film's card prints "F, 2012" or "Musik, USA, 2011" (genre, country,
    # year) above its name; the year was read only from a text that is a year alone. (The confidence model still
    # withholds this list: most of the page's film links are in its sidebars.)
    page, gold = _case("korowiow80__cinema-de-neustarts-woche__2012-06")
    reading = read_list(Page.from_bytes(page, url=gold["url"]))[0]
    assert [(entry.title, entry.year) for entry in reading.entries] == [
        (entry["title"], entry["year"]) for entry in gold["entries"]
    ]


def test_an_index_of_linked_lines_is_one_list(grader: ModuleType) -> None:
    # Anime News Network's encyclopedia index for "X", 2025: 30 names, one link a line ("<a>X (movie)</a><br>"),
    # licensed ones in bold and alternative titles in italics; records by markup read three runs (plain, bold,
    # italic) of the one list, and the likeliest, 13 of the 30 names, was withheld (confidence 0.63).
    page, gold = _case("manami-project__animenewsnetwork-encyclopedia-anime-list-x__2025-03")
    out = parse(page, url=gold["url"]).to_dict()
    assert len(out["entries"]) == 30
    assert grader.grade_review(grader.Score(), gold, out) == {}


def test_cards_whose_posters_are_labelled_with_their_names_are_a_list(grader: ModuleType) -> None:
    # AlloCiné's search results, 2020: 20 cards, each a poster (alt "Captain Marvel") beside a heading of the same
    # name, with a date, directors and a synopsis; its links are scripts (spans with encoded classes), so no card
    # links a film page and none prints a rank: no evidence the run was a list of films, and the page gave none.
    page, gold = _case("rem42__allocine-search-results-films-marvel__2020-04")
    out = parse(page, url=gold["url"]).to_dict()
    assert [entry["title"] for entry in out["entries"][:3]] == ["Captain Marvel", "Thor", "Spider-Man: Homecoming"]
    assert grader.grade_review(grader.Score(), gold, out) == {}


def test_labelled_pictures_of_places_repeating_their_names_are_no_list() -> None:
    # Picturehouse's home page, 2025: each cinema's bar is a card whose picture's alt repeats its name ("Café & Bar",
    # five times over): pictures named as the cards are, on a page about films, but the same names again and
    # again are no films' list.
    page, gold = _case("andycroll__picturehouse-home-featured-films-carousel__2025-10")
    titles = [entry.title for entry in read_list(Page.from_bytes(page, url=gold["url"]))[0].entries]
    assert "Café & Bar" not in titles


def test_a_grid_in_parts_padded_with_empty_cells_is_one_list(grader: ModuleType) -> None:
    # Filmsite's 100 greatest films, alphabetical, 2023: eight tables ("Part 1" .. "Part 8"), rows of five poster
    # tiles "Title (1938)", each part's last row padded with empty cells, and a table of contents ("Part 1" ..
    # "Part 8", linking the same pages at the top and the foot) drawn as the rows are. The rows were sixteen lists
    # alike (no list given): a padded row read as a row with records missing, and the contents' rows, undated, broke
    # the parts' reading as one list.
    page, gold = _case("rupaktiwari__filmsite-100-greatest-films-20th-century-alphabetical-grid__2023-10")
    out = parse(page, url=gold["url"]).to_dict()
    assert len(out["entries"]) == 102
    assert not any(entry["title"].startswith("Part ") for entry in out["entries"])
    assert grader.grade_review(grader.Score(), gold, out) == {}


def test_a_table_of_series_headed_in_german_is_the_list_not_the_posts_dates(grader: ModuleType) -> None:
    # SubCentral's forum, 2015: the first post is one sortable table of 805 series, "Serie | Jahre | Staffel | Genre
    # | …"; "Serie" named no title column, and the thread's six posts, numbered and dated ("Samstag, 27. Oktober
    # 2007, 18:21"), were given as the list: a date in German read as a name.
    # (Gold keeps a name's year where the cell prints it, "Atlantis (2013)", and an abbreviation's last full stop,
    # "Emily Owens, M.D.": a few entries differ.)
    page, gold = _case("negromanus__subcentral-de-serienliste-tv-series-table__2015")
    out = parse(page, url=gold["url"]).to_dict()
    assert len(out["entries"]) == 805
    score = grader.Score()
    grader.grade_review(score, gold, out)
    assert score.prf("entries")[2] >= 0.98


def test_a_tables_first_broadcast_date_gives_the_year_not_a_notes_cells_award() -> None:
    # German Wikipedia's list of Tatort episodes, 2020: 1,125 rows "Folge | Titel | Sender | Erstausstrahlung |
    # … | Anmerkungen"; a row whose notes cell prints a bare year ("Adolf-Grimme-Preis<br>1993") took it for the
    # episode's, over the first broadcast's date in an earlier cell ("16. Aug. 1992"); a date whose year a footnote
    # mark follows ("04. Juni 1979[4]") gave none.
    page, gold = _case("mightypeo__de-wikipedia-liste-der-tatort-folgen__2020-03")
    years = {entry["rank"]: entry["year"] for entry in gold["entries"]}
    out = parse(page, url=gold["url"]).to_dict()
    wrong = [
        entry["rank"] for entry in out["entries"] if entry["rank"] in years and entry["year"] != years[entry["rank"]]
    ]
    assert len(out["entries"]) == 1125
    assert wrong == []


def test_a_heading_after_the_promised_count_is_the_lists_afterword(grader: ModuleType) -> None:
    # Sam & Max's "10 excellentes séries peu connues", 2012: ten unnumbered <h2> series, then an eleventh <h2>, "V.O
    # required", over the writer's closing word; only a run of exactly ten headings fitted the title's count, so
    # no list was found.
    page, gold = _case("sametmax__sametmax-10-excellentes-series-peu-connues__2012-10")
    out = parse(page, url=gold["url"]).to_dict()
    assert len(out["entries"]) == 10
    assert grader.grade_review(grader.Score(), gold, out) == {}


def test_a_directors_name_after_every_films_comma_is_no_part_of_it(grader: ModuleType) -> None:
    # Cinetimes' five best public-domain films, 2018: "<strong>1.</strong> Le Kid, Charles Chaplin", "Metropolis, Fritz
    # Lang" under <h3>s; the director was kept in every name.
    page, gold = _case("cinetimes__cinetimes-best-public-domain-films__2018-02")
    out = parse(page, url=gold["url"]).to_dict()
    assert [entry["title"] for entry in out["entries"]] == [entry["title"] for entry in gold["entries"]]
    assert grader.grade_review(grader.Score(), gold, out) == {}


@pytest.mark.parametrize(
    "names",
    [
        ["Godfather, The", "Shining, The", "Matrix, The"],  # a catalogue's articles moved to the end
        ["Crazy, Stupid, Love", "Hello, Dolly!", "Me, Myself & Irene"],  # films named with commas
    ],
)
def test_a_name_after_a_comma_is_a_credit_only_where_it_is_a_persons(names: list[str]) -> None:
    assert not _credits_after_names(names)


def test_chinese_numbering_and_title_marks(grader: ModuleType) -> None:
    # A Chinese blog's films of 2016 (Hexo, 2018): one paragraph of 34 lines "1、《马力和马克思》" (the ideographic
    # comma after the number, the title in book-title marks); no line read as numbered, so no list was found.
    page, gold = _case("Mrhuangyi__mrhuangyi-blog-my-films-of-2016__2018-03")
    out = parse(page, url=gold["url"]).to_dict()
    assert len(out["entries"]) == 34
    assert grader.grade_review(grader.Score(), gold, out) == {}


def test_bold_names_with_their_years_in_an_elementor_post_are_its_list(grader: ModuleType) -> None:
    # A Brazilian blog's Cinderella adaptations (WordPress with Elementor, 2024): 18 paragraphs "<strong>Cinderela
    # (1950)</strong>" over pictures, in a box classed "elementor-widget elementor-widget-theme-post-content". The box
    # went as a sidebar's widget (Elementor calls every box one), and with no count or "best" in the title no run
    # of bold lines was sought: their years mark the list.
    page, gold = _case("eduardaglv__pipoca-e-dramas-filmes-cinderela__2024-09")
    out = parse(page, url=gold["url"]).to_dict()
    assert len(out["entries"]) == 18
    score = grader.Score()
    grader.grade_review(score, gold, out)
    assert score.prf("entries")[2] == 1.0


def test_a_calendars_weeks_in_boxes_of_their_own_are_one_list(grader: ModuleType) -> None:
    # Kinopoisk's release calendar, April 2025: 33 films, each a '<div class="premier_item">', the first week's 8
    # in a highlighted box without a class ('<div style="background: #f2f2f2">'), the other 25 in
    # '<div class="prem_list">'; runs are sections of one list only where their parents were drawn alike, so the 25
    # were given alone (ranked 1 to 25, none at its place).
    page, gold = _case("zoxa-228__kinopoisk-premiere-calendar-russia-april__2025-04")
    out = parse(page, url=gold["url"]).to_dict()
    assert [entry["title"] for entry in out["entries"]] == [
        " ".join(entry["title"].split()) for entry in gold["entries"]
    ]
    assert [entry["rank"] for entry in out["entries"]] == list(range(1, 34))


@pytest.mark.parametrize(
    "name",
    [
        "helloxizhao__douban-movie-top250-page1__2017-04",  # movie.douban.com/top250
        "fyqls__douban-movie-chart-new-films-beside-two-ranked-charts__2016-07",  # movie.douban.com/chart
        "chilliesyes__douban-doulist-179-classic-hong-kong-films-page1",  # a user's list: douban.com/doulist/178710/
        "hsintsao__douban-chengdu-coming-soon__2019-12",  # movie.douban.com/cinema/later/chengdu/
        "aintproud__kinopoisk-top250-page1__2021-10",  # kinopoisk.ru/lists/top250/
        "zoxa-228__kinopoisk-premiere-calendar-russia-april__2025-04",  # kinopoisk.ru/premiere/ru/
    ],
)
def test_douban_and_kinopoisk_charts_and_lists_are_list_pages_by_their_address(name: str) -> None:
    # Issue 10 names them beside IMDb's charts and Letterboxd's lists: their address alone says the page is a list
    # (routed to the list reader first, and evidence its list is the page's).
    page, gold = _case(name)
    evidence = read_list(Page.from_bytes(page, url=gold["url"]))[0].evidence
    assert evidence is not None and evidence.list_page == 1.0


def _episode_table(season: int, episodes: list[tuple[str, str]]) -> str:
    """One season's table as English Wikipedia draws its episode lists (class "wikiepisodetable", 2015 on): the overall
    number a row header spanning the episode's row and the summary row under it, whose one cell spans the columns."""
    head = (
        '<tr><th scope="col"><abbr title="Number">No.</abbr><br>overall</th><th scope="col"><abbr title="Number">No.'
        '</abbr> in<br>season</th><th scope="col">Title</th><th scope="col">Directed by</th><th scope="col">Original'
        ' air date</th><th scope="col">U.S. viewers<br>(millions)</th></tr>'
    )
    rows = "".join(
        f'<tr class="vevent module-episode-list-row"><th scope="row" rowspan="2">{number}</th><td>{n}</td>'
        f'<td class="summary">"<a href="/wiki/{title.replace(" ", "_")}">{title}</a>"</td><td>Tom Cherones</td>'
        f'<td>May {n}, {1990 + season}</td><td>1{n}.4</td></tr><tr class="expand-child"><td class="description" '
        f'colspan="5"><div class="shortSummaryText">Jerry is puzzled by {title.lower()}; George takes a new job.'
        "</div></td></tr>"
        for n, (number, title) in enumerate(episodes, 1)
    )
    return (
        f'<h3><span class="mw-headline" id="Season_{season}">Season {season} ({1990 + season})</span></h3>'
        f'<table class="wikitable plainrowheaders wikiepisodetable"><tbody>{head}{rows}</tbody></table>'
    )


def test_an_episode_lists_overall_numbers_rank_it_and_its_summary_rows_are_no_episodes() -> None:
    # The tables of English Wikipedia's "List of … episodes" pages: each season's table numbers its episodes
    # "No. overall" (which runs on from table to table), and a two-part episode prints both numbers in one row
    # ("6<br>7"). The summary rows were read as episodes, the overall number as no rank column (the tables joined
    # ranked by their order: one place off after every two-parter).
    first = [("1", "The Stake Out"), ("2", "The Robbery"), ("3", "Male Unbonding"), ("4", "The Stock Tip")]
    second = [
        ("5", "The Ex-Girlfriend"),
        ("6<br>7", "The Pony Remark"),
        ("8", "The Jacket"),
        ("9", "The Phone Message"),
    ]
    page = (
        "<html><head><title>List of Nothing episodes - Wikipedia</title></head><body><div class='mw-parser-output'>"
        "<h1>List of <i>Nothing</i> episodes</h1><p><i>Nothing</i> is an American sitcom.</p>"
        f"{_episode_table(1, first)}{_episode_table(2, second)}</div></body></html>"
    )
    out = parse(page.encode(), url="https://en.wikipedia.org/wiki/List_of_Nothing_episodes").to_dict()
    assert [(entry["rank"], entry["title"]) for entry in out["entries"]] == [
        (1, "The Stake Out"), (2, "The Robbery"), (3, "Male Unbonding"), (4, "The Stock Tip"), (5, "The Ex-Girlfriend"),
        (6, "The Pony Remark"), (8, "The Jacket"), (9, "The Phone Message"),
    ]  # fmt: skip
    assert not any(entry["rank_inferred"] for entry in out["entries"])


def test_chinese_numbers_in_characters_rank_a_diary_and_its_watching_dates_are_no_part_of_the_names(
    grader: ModuleType,
) -> None:
    # Mickey's film diary (round 36, development): 34 paragraphs "一：惊天魔盗团 2013/10/25 19:00-21:00 7分" … "三十四：…"
    # over a review each; with the numbers unread, six numbered quotes were given at 0.91. A date with dots may be a
    # name's ("Ageha ga Tonda: 1945.3.10 Tokyodai Kuushuu", an anime on aniSearch's index).
    page, gold = _case("zhangzx-uiuc__mickeystroller-movies-watched-diary__2014-02")
    out = parse(page, url=gold["url"]).to_dict()
    score = grader.Score()
    grader.grade_review(score, gold, out)
    assert score.tp["entries"] == 34
    assert [entry["title"] for entry in out["entries"][1:3]] == ["惊天魔盗团", "卑鄙的我1"]
    assert clean_title("Ageha ga Tonda: 1945.3.10 Tokyodai Kuushuu")[0] == "Ageha ga Tonda: 1945.3.10 Tokyodai Kuushuu"


def test_names_drawn_as_the_pages_own_heading_after_its_title_are_a_list(grader: ModuleType) -> None:
    # Junkjam's "Top 10 Movies Related to Womens Issues" (round 37, development): each of the ten films is an <h1>
    # in the post ("Arth", "Lajja", "Pink" …) after the post's own <h1>; item headings were <h2> to <h5> only, and
    # every <h1> closed the runs, so the promised ten were never found
    page, gold = _case("junkjam__junkjam-top-10-movies-womens-issues__2016-09")
    out = parse(page, url=gold["url"]).to_dict()
    assert grader.grade_review(grader.Score(), gold, out) == {}


def test_a_countdown_of_best_picture_nominees_speaks_of_films(grader: ModuleType) -> None:
    # A blog's "Best Picture nominees, ranked" (Hugo, 2024): ten <h2>s counted down, "10. Maestro" to "1. Killers of
    # the Flower Moon", each over a paragraph; no link, no year, and no title saying "films", so the list was refused
    # as one of something else. "Best Picture" is an award only films win.
    page, gold = _case("drewbelf__andrewbelfield-best-picture-nominees-ranked__2024-03")
    out = parse(page, url=gold["url"]).to_dict()
    assert [entry["rank"] for entry in out["entries"]] == list(range(10, 0, -1))
    assert grader.grade_review(grader.Score(), gold, out) == {}


def test_a_heading_naming_shows_right_over_the_list_says_what_it_holds(grader: ModuleType) -> None:
    # A Hugo blog's "Top 10" page: an <h2> "Top 10 Tv Series" right over a <ul> of ten plain names (and two empty
    # items of the theme's). The titles promise ten and never say what, and a lead-in was read only where it ended
    # in a colon once a count was promised; the heading over the list is its label.
    page, gold = _case("beartice__bice-recs-top-10-tv-series")
    out = parse(page, url=gold["url"]).to_dict()
    score = grader.Score()
    grader.grade_review(score, gold, out)
    assert score.prf("entries")[2] >= 0.9


def test_a_months_films_each_a_heading_with_its_year_and_stars_are_a_list(grader: ModuleType) -> None:
    # A blog's "March 2023 Movie Reviews" (Hugo PaperMod): fourteen <h2>s "Scream, 2022 - ★★½", each over a poster
    # and a review, after a table of contents linking them. The stars after the year hid it (heads were dated only
    # by a bracketed year at their end), and no other part of the page reads as a list.
    page, gold = _case("HighnessAtharva__atharvashah-march-2023-movie-reviews__2023-03")
    out = parse(page, url=gold["url"]).to_dict()
    assert [(entry["title"], entry["year"]) for entry in out["entries"]][:2] == [("Scream", 2022), ("Scream 4", 2011)]
    assert grader.grade_review(grader.Score(), gold, out) == {}


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("Heat (1995) ★★★★½", ("Heat", 1995, None)),
        ("Primer, 2004 - ★★★★", ("Primer, 2004", None, None)),  # the year after a comma is read list-wide
        ("Alien – ☆☆☆", ("Alien", None, None)),
    ],
)
def test_a_star_rating_after_a_name_is_no_part_of_it(raw: str, cleaned: tuple[str, int | None, int | None]) -> None:
    assert clean_title(raw) == cleaned


def test_an_index_of_bare_links_into_the_pages_own_section_is_its_list(grader: ModuleType) -> None:
    # A fan site's "/shows/" (Hugo, 2022): one <ul> of 88 bare links, each to the show's page one level inside the
    # section ("/shows/the-midnight-club/"). A bare link is no card's page of its own (a menu's is not), so the index
    # was read as links to nowhere in particular; a section's index links what it holds. A city menu inside a
    # cinema listing's section ("/kinoafisha/" -> "/kinoafisha/alchevsk/") stays behind the films it lists (see
    # justadreamer's Kyiv page, unchanged).
    page, gold = _case("dreded__slainbynetflix-cancelled-shows-list__2022-12")
    out = parse(page, url=gold["url"]).to_dict()
    assert len(out["entries"]) == 88
    assert grader.grade_review(grader.Score(), gold, out) == {}


def test_a_release_column_in_korean_gives_the_years(grader: ModuleType) -> None:
    # A Korean blog's table of Disney's 132 animated films (Tistory, 2017): columns 배급 (distributor), 제목 (title),
    # 개봉 (release: "1937"), 포스터 (poster). Only 연도 ("year") named a year column in Korean, so the rows carried
    # no year, and with no film link and no title saying "films" (애니작품, "animated works"), the table was refused.
    page, gold = _case("innks__innks-walt-disney-company-animation-list__2017-08")
    out = parse(page, url=gold["url"]).to_dict()
    assert (out["entries"][0]["title"], out["entries"][0]["year"]) == ("백설공주와 일곱 난쟁이", 1937)
    assert grader.grade_review(grader.Score(), gold, out) == {}


def test_films_linked_to_apples_trailers_under_bold_labels_are_a_list(grader: ModuleType) -> None:
    # A 2008 blog post "Upcoming Movie Watch" (re-published in Hugo): sixteen paragraphs "<a>Planet B-Boy</a> - a
    # blurb", each linking the film's page on Apple's trailers site ("/trailers/independent/planetbboy/"), in four
    # groups under bold underlined labels ("The Documentary Type"). Apple's trailer pages were no film pages, so the
    # run was unlinked and unranked; once they were, the labels were read as four more films.
    page, gold = _case("aonsager__invisibleparade-upcoming-movie-watch__2008-03")
    out = parse(page, url=gold["url"]).to_dict()
    assert "The Documentary Type" not in [entry["title"] for entry in out["entries"]]
    assert grader.grade_review(grader.Score(), gold, out) == {}


@pytest.mark.parametrize(
    ("href", "film"),
    [
        ("http://www.apple.com/trailers/fox_searchlight/youngatheart/trailera/", True),
        ("https://trailers.apple.com/trailers/wb/dune/", True),
        ("https://trailers.apple.com/trailers/genres/comedy/", False),  # an index of the site's
        ("https://www.apple.com/trailers/", False),
    ],
)
def test_apples_trailer_pages_are_film_pages(href: str, film: bool) -> None:
    assert film_url(href) is film


def test_headings_each_a_name_in_quotes_are_a_list_on_a_page_about_films(grader: ModuleType) -> None:
    # A republished New York Post piece, "What to watch and stream on Memorial Day 2022" (WordPress): eight <h2>s, each
    # a name in curly quotes ("“Dunkirk”", "“Theodore Roosevelt”") over a blurb and "Where to watch:"; no number, no
    # year, no link to a film page, and no "best" or count in the title, so no run of headings was sought. Papers
    # print works' names in quotes: a run of such heads marks the list as a run of dated ones does.
    page, gold = _case("alimehdipak__techworm-page-what-to-watch-memorial-day-2022__2022-05")
    out = parse(page, url=gold["url"]).to_dict()
    assert [entry["title"] for entry in out["entries"]][:2] == ["Dunkirk", "Theodore Roosevelt"]
    assert grader.grade_review(grader.Score(), gold, out) == {}


@pytest.mark.parametrize(
    ("title", "count"),
    [
        # Chinese, Japanese and Korean write a count against its counter or its "best", no space between: round 101's
        # "今年見た旧作5選・2023" ("five old films seen this year") promised nothing
        ("今年見た旧作5選・2023", 5),
        ("配信で見たベスト10・2024", 10),
        ("2023年必看的10部电影", 10),
        ("豆瓣电影前10名", 10),
        ("넷플릭스 추천 영화 7편", 7),
        ("おすすめ映画10本", 10),
        ("第2部 感想", None),  # a part's number
        ("2023年の映画", None),  # a year
        ("シリーズ2作目", None),  # the second instalment, not two works
    ],
)
def test_a_count_written_against_its_counter_is_promised(title: str, count: int | None) -> None:
    assert promised_count([title]) == count
