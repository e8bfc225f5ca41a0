"""Every real IMDb-style page with hand-checked gold, graded as ``../shared/tools/grade.py`` grades it.

Per set, not per page: a set's FIELD-F1 (the mean of the fields' F1) must stay at the level measured when
the readers were last changed, so a change that wins on one page and loses on others shows here. The sets
are the shared ones (``../shared``; skipped where absent) and this repository's own (``tests/fixtures/real``,
development and validation parts by site: the validation part is only ever graded as a whole).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import parsers
from parsers.imdb.common import runtime_minutes
from parsers.visible import _facts_year
from tests.conftest import FIXTURES, SHARED

SUBPAGE_KINDS = ("releaseinfo", "keywords", "companycredits", "movieconnections")
OWN = FIXTURES / "real"
# (pages, gold, the lowest FIELD-F1 allowed): each floor sits a little under the figure measured (5 December 2026,
# session 9, after rounds 6 and 7: shared 1.0 and 1.0, own development 0.991, own validation 0.980; session 11,
# after round 8's 38 title and sub-pages: own development 0.993, own validation 0.967, its three new pages, a
# festival's film page and two IMDb pages of 2005 and 2007, graded once, unseen, and not looked into; session 18,
# after round 17's 21 film pages of 2010 from the SWDE dataset: own development 0.977 (AllMovie, hollywood.com, MSN
# Movies, Yahoo! Movies, Box Office Mojo 0.0-0.68, three IMDb pages and Rotten Tomatoes' at 1.0), own validation 0.925
# (AMC's and I Heart Movies' six at 0.27)).
SETS = {
    "shared-real": (SHARED / "fixtures" / "real", SHARED / "gold", 0.99),
    "shared-real2": (SHARED / "fixtures" / "real2", SHARED / "gold2", 0.98),
    "own-dev": (OWN / "pages" / "dev", OWN / "gold" / "dev", 0.975),
    "own-validation": (OWN / "pages" / "validation", OWN / "gold" / "validation", 0.92),
}


def _grade(grader: ModuleType, pages: Path, gold_dir: Path) -> tuple[float | None, int]:
    """(mean of the fields' F1, pages graded) over the title and sub-page gold of one set."""
    score, graded = grader.Score(), 0
    for path in sorted(gold_dir.rglob("*.json")):
        gold: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        kind = gold.get("kind")
        if kind != "title" and kind not in SUBPAGE_KINDS:
            continue
        page = pages / path.relative_to(gold_dir).with_suffix(".html")
        out = parsers.parse(page.read_bytes(), url=grader.url_for(gold, str(page))).to_dict()
        if kind == "title":
            grader.grade_title(score, gold, out, gold.get("alternatives") or {})
        else:
            grader.grade_subpage(score, gold, out)
        graded += 1
    fields = sorted(score.tp.keys() | score.fp.keys() | score.fn.keys())
    return (sum(score.prf(f)[2] for f in fields) / len(fields) if fields else None), graded


@pytest.mark.parametrize("name", sorted(SETS))
def test_field_f1_of_each_set(name: str, grader: ModuleType) -> None:
    pages, gold, floor = SETS[name]
    if not gold.is_dir():
        pytest.skip(f"{gold} is not here")
    f1, graded = _grade(grader, pages, gold)
    assert graded > 0
    assert f1 is not None and f1 >= floor, f"{name}: FIELD-F1 {f1:.3f} over {graded} pages, below {floor}"


def _own_page(name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    gold = json.loads((OWN / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    return gold, parsers.parse((OWN / "pages" / f"{name}.html").read_bytes(), url=gold.get("url")).to_dict()


def test_a_tv_and_anime_databases_labels_aired_studios_and_duration() -> None:
    # MyAnimeList's film page: "Aired: Sep 17, 2016", "Studios: Kyoto Animation", "Duration: 2 hr. 10 min." (the
    # labels of TV and anime databases, where film sites say "Release date", "Production company", "Runtime").
    gold, record = _own_page("dev/E_other_film_sites/manami-project__myanimelist_anime28851_koe-no-katachi__2024-05")
    assert record["release_dates"][0]["date"] == gold["release_date"]["date"] == "2016-09-17"
    assert record["year"] == 2016
    assert [company["name"] for company in record["companies"]] == ["Kyoto Animation"]
    assert record["runtime_minutes"] == gold["runtime_minutes"] == 130


def test_a_season_premiered_beside_the_day_aired_is_no_release_of_its_own() -> None:
    # MyAnimeList labels "Aired: Jan 10, 1996 to Sep 8, 1998" and "Premiered: Winter 1996" (the season) in one box:
    # the year alone tells no more than the day.
    for name, day in (("45_rurouni-kenshin", "1996-01-10"), ("5114_fullmetal-alchemist-brotherhood", "2009-04-05")):
        gold, record = _own_page(f"dev/E_other_film_sites/manami-project__myanimelist_anime{name}__2024-05")
        assert [row["date"] for row in record["release_dates"]] == [gold["release_date"]["date"]] == [day]


def test_a_release_labelled_release_is_its_release_date() -> None:
    # AllMovie's side bar (2010): a box headed "Release", its one line "1999 08 04 (USA)"
    gold, record = _own_page("dev/E_other_film_sites/swde__allmovie_0100_the-iron-giant__2010")
    assert [(row["date"], row["country"]) for row in record["release_dates"]] == [("1999-08-04", "US")]
    assert gold["release_date"]["date"] == "1999-08-04"


def test_an_anime_databases_page_named_with_its_kind_is_that_works_page() -> None:
    # Anime News Network (2025): "Vintage: 2020-01-02 to 2020-03-26" is its label of a show's first broadcast; the
    # show's page labels no other fact a film page is known by, and its heading, "Somali and the Forest Spirit (TV)",
    # names the work with its kind: it was read as a page of no list.
    gold, record = _own_page(
        "dev/E_other_film_sites/manami-project__animenewsnetwork_anime22014_somali-and-the-forest-spirit__2025-05"
    )
    assert record["kind"] == "title"
    assert (record["title"], record["year"]) == (gold["title"], gold["year"]) == ("Somali and the Forest Spirit", 2020)
    gold, record = _own_page("dev/E_other_film_sites/manami-project__animenewsnetwork_anime18171_your-name__2025-05")
    assert record["year"] == gold["year"] == 2016
    assert [row["date"] for row in record["release_dates"]] == [gold["release_date"]["date"]] == ["2016-07-03"]


def test_a_sentence_in_place_of_the_keywords_is_none() -> None:
    # TMDB's keyword box of a film that has none prints "No keywords have been added.": it was stored as a keyword.
    for name in ("plotski__tmdb_movie_3405_le-dolce-signore__2021-01", "plotski__tmdb_tv_70769_farang__2021-01"):
        gold, record = _own_page(f"dev/E_other_film_sites/{name}")
        assert gold.get("keywords_visible") is None
        assert not record["keywords"]
    # a box with keywords keeps them all
    gold, record = _own_page("dev/E_other_film_sites/plotski__tmdb_tv_74802_deadwind-karppi__2021-01")
    assert record["keywords"] == gold["keywords_visible"] == ["murder", "female detective", "nordic noir"]


def test_companies_linked_without_a_label_by_their_folder() -> None:
    # Anime-Planet: the studio is only a link, "/anime/studios/comix-wave-films", beside the year.
    gold, record = _own_page("dev/E_other_film_sites/manami-project__anime-planet_your-name__2023-04")
    assert [company["name"] for company in record["companies"]] == gold["companies"] == ["CoMix Wave Films"]


def test_each_labelled_line_of_a_box_is_its_own_value() -> None:
    # Rotten Tomatoes, 2008: one paragraph of labelled lines, "<span class="label">Director:</span> <a>Vondie
    # Curtis-Hall</a><br>… <span class="label">Studio:</span> Focus Features": the studio was read as the whole
    # paragraph ("Director: Vondie Curtis-Hall Producer: Ted Field", …).
    name = "E_other_film_pages/moviebrowser__rottentomatoes_waist_deep__2008"
    gold_path, page = SHARED / "gold2" / f"{name}.json", SHARED / "fixtures" / "real2" / f"{name}.html"
    if not page.is_file():
        pytest.skip(f"{page} is not here")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    record = parsers.parse(page.read_bytes(), url=gold.get("url")).to_dict()
    assert [company["name"] for company in record["companies"]] == ["Focus Features"]


def test_the_toggle_after_an_original_title_is_no_part_of_it() -> None:
    # FilmAffinity: "Título original" is followed by "La bête dans la jungle<span class="show-akas">aka ▾</span>",
    # the button that opens the other titles.
    gold, record = _own_page(
        "dev/E_other_film_sites/raulp2__filmaffinity_film932361_la-bestia-en-la-jungla__2024-03__cp1252"
    )
    assert record["original_title"] == gold["title"] == "La bête dans la jungle"


def test_a_spanish_companies_label_is_read_as_the_production_companies() -> None:
    # FilmAffinity's Spanish page labels them "Compañías" (before it: "Coproducción Francia-Bélgica-Austria;").
    _, record = _own_page(
        "dev/E_other_film_sites/raulp2__filmaffinity_film932361_la-bestia-en-la-jungla__2024-03__cp1252"
    )
    assert [company["name"] for company in record["companies"]] == [
        "Aurora Films",
        "Frakas Productions",
        "Wildart Film",
    ]


_ALLOCINE = "dev/E_other_film_sites/ibmw__allocine_cfilm275220_minuit-dans-l-univers__2024-07"


def test_a_labelled_production_year_is_the_films_year() -> None:
    # AlloCiné's "Infos techniques": "<span>Année de production</span><span>2020</span>"; nothing else prints the
    # year (the heading has none, the JSON-LD no date).
    gold, record = _own_page(_ALLOCINE)
    assert record["year"] == gold["year"] == 2020


@pytest.mark.parametrize(("label", "year"), [("Production year", 1999), ("Год производства", 1999), ("Year", None)])
def test_a_year_label_gives_a_year_only_where_its_value_is_one(label: str, year: int | None) -> None:
    # the shape of AlloCiné's "Infos techniques" pairs; a value that is a range of seasons is no film's year
    value = "1999" if year else "1999–2004"
    page = (
        f'<html><head><title>Heat</title></head><body><h1>Heat</h1><div class="item"><span class="what">{label}</span>'
        f'<span class="that">{value}</span></div><div><span>Genre</span><span>Drama</span></div>'
        "<div><span>Country</span><span>USA</span></div><div><span>Runtime</span><span>170 min</span></div></body></html>"
    )
    record = parsers.parse(page.encode(), url="https://films.example.org/heat", kind="title").to_dict()
    assert record["year"] == year


def test_a_class_named_value_yields_to_the_pages_schema_org_item() -> None:
    # AlloCiné: the first element of class "genre" is a rail's ("Films Prochainement au Cinéma": Gladiator II's
    # "Film - Action"); the film's genres are its JSON-LD's, as its header shows them ("Drame, Science Fiction").
    gold, record = _own_page(_ALLOCINE)
    assert record["genres"] == gold["genres"] == ["Drame", "Science Fiction"]


def test_a_reference_view_without_its_classes_keeps_companies_and_release_date() -> None:
    # IMDb's /reference view of 2018 redrawn without class attributes (a redesign keeps the words, not the names):
    # "Production Companies" is followed by its section's "Edit" link, read as the one company, and the release
    # date is only the header's link to the release dates ("20 Jul 1988 (USA)").
    name = "A_imdb_title_old/kcrayon__tt0095016__2018-08-25__reference"
    page = SHARED / "fixtures" / "real" / f"{name}.html"
    if not page.is_file():
        pytest.skip(f"{page} is not here")
    gold = json.loads((SHARED / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    classless = re.sub(rb'\sclass="[^"]*"', b"", page.read_bytes())
    record = parsers.parse(classless, url=gold["url"]).to_dict()
    assert [company["name"] for company in record["companies"]] == gold["companies"]
    assert [(d["date"], d["country"]) for d in record["release_dates"]] == [("1988-07-20", "US")]


def test_of_several_h1s_the_one_the_pages_title_names_is_the_films() -> None:
    # Letterboxd's film page opens with the site's logo as an <h1> ("Letterboxd — Your life in film"); without its
    # JSON-LD (an archive's copy without scripts) the heading gave the film's title as that.
    gold = json.loads(
        (OWN / "gold" / "dev/E_other_film_sites/neodb__letterboxd_the-internets-own-boy.json").read_text(
            encoding="utf-8"
        )
    )
    page = (OWN / "pages" / "dev/E_other_film_sites/neodb__letterboxd_the-internets-own-boy.html").read_bytes()
    scriptless = re.sub(rb"<script[^>]*application/ld\+json[^>]*>.*?</script>", b"", page, flags=re.S)
    record = parsers.parse(scriptless, url=gold["url"]).to_dict()
    assert record["title"] == gold["title"] == "The Internet's Own Boy: The Story of Aaron Swartz"
    assert not any(
        conflict["field"] == "title" for conflict in parsers.parse(page, url=gold["url"]).to_dict()["conflicts"] or []
    )


def test_a_release_dates_flag_on_an_amp_page_names_its_country() -> None:
    # ČSFD's premieres box labels each date by a flag picture; an AMP page writes each <img> as <amp-img>.
    name = "dev/E_other_film_sites/bednic__csfd_film9499_matrix__2026-07"
    gold = json.loads((OWN / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    page = (OWN / "pages" / f"{name}.html").read_bytes()
    amp, pictures = re.subn(rb"<img\b([^>]*?)/?>", rb"<amp-img\1></amp-img>", page)
    dates = [(d["date"], d["country"]) for d in parsers.parse(amp, url=gold["url"]).to_dict()["release_dates"]]
    assert pictures > 0
    assert (gold["release_date"]["date"], gold["release_date"]["country"]) in dates
    assert dates == [(d["date"], d["country"]) for d in parsers.parse(page, url=gold["url"]).to_dict()["release_dates"]]


@pytest.mark.parametrize(
    ("name", "minutes"),
    [
        ("dev/E_other_film_sites/swde__hollywood_0900_such-a-long-journey__2010", 112),  # "1 hr 52 mins"
        ("dev/E_other_film_sites/swde__msn_0900_poolhall-junkies__2010", 94),  # "1 hr. 34 min."
    ],
)
def test_an_unlabelled_runtime_in_hours_and_minutes_is_read_whole(name: str, minutes: int) -> None:
    # The header line of hollywood.com and MSN Movies in 2010 ("NR | 1 hr 52 mins | Drama"): the minutes after
    # the hours were read alone, 52 and 34, as the film's runtime.
    gold = json.loads((OWN / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    record = parsers.parse((OWN / "pages" / f"{name}.html").read_bytes(), url=gold["url"]).to_dict()
    assert record["runtime_minutes"] == gold["runtime_minutes"] == minutes


def test_a_label_wrapped_in_several_elements_is_one_label() -> None:
    # Yahoo! Movies, 2010: each fact labelled once, as "<td><font><b>Genres:</b></font></td>"; the cell and the bold
    # run were counted as two labels of one field, so no field was labelled once and the film's page was read as
    # an article.
    name = "dev/E_other_film_sites/swde__yahoo_0100_hush__2010"
    gold = json.loads((OWN / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    record = parsers.parse((OWN / "pages" / f"{name}.html").read_bytes(), url=gold["url"]).to_dict()
    assert record["kind"] == "title"
    assert (record["title"], record["year"], record["runtime_minutes"]) == ("Hush", 1998, 110)
    assert record["release_dates"][0]["date"] == gold["release_date"]["date"]


def test_a_link_to_another_sites_company_page_names_no_company() -> None:
    # AllMovie, 2010: its footer links "Employment" to its owner's "rovicorp.com/company/1332.htm"; the film's page
    # names no production company.
    name = "dev/E_other_film_sites/swde__allmovie_0100_the-iron-giant__2010"
    gold = json.loads((OWN / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    record = parsers.parse((OWN / "pages" / f"{name}.html").read_bytes(), url=gold["url"]).to_dict()
    assert gold["companies"] is None
    assert not record["companies"]


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("1 Stunde 26 Minuten", 86),  # IMDb's German page of 2022 (slftp's tt0107144_de), without its classes
        ("1 Std. 26 Min.", 86),
        ("1 ч 26 мин", 86),
        ("1 godz. 26 min.", 86),
        ("2時間2分", 122),
        ("1小时26分钟", 86),
        ("1 h 26", 86),
        ("154 min | 168 min (special)", 154),
        ("2 hours", 120),
    ],
)
def test_a_running_time_is_read_in_the_languages_film_pages_print_it(text: str, minutes: int) -> None:
    assert runtime_minutes(text) == minutes


def test_a_facts_line_printing_the_country_before_the_year_marks_a_films_page() -> None:
    # A Polish TV guide's page of one broadcast (programtv.onet.pl): "Włochy 2011, 60 min" under the heading, the
    # year after the country it was made in (as German and Czech listings print "USA 2013, 125 Min."): read as no
    # year alone, the page was taken for an article. Its heading is two links, "Komisarz Rex 11", ", odc. 9 …": no
    # space before the comma.
    name = "dev/E_other_film_sites/iptv-org__programtv-onet_n64mb_komisarz-rex-11-odc-9__2026-04"
    gold = json.loads((OWN / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    record = parsers.parse((OWN / "pages" / f"{name}.html").read_bytes(), url=gold["url"]).to_dict()
    assert record["kind"] == "title"
    assert (record["year"], record["runtime_minutes"]) == (gold["year"], gold["runtime_minutes"]) == (2011, 60)
    assert record["title"] == "Komisarz Rex 11, odc. 9 - Dawna sprawa"
    assert record["title"] in gold["alternatives"]["title"]


@pytest.mark.parametrize(
    ("text", "year"),
    [("Włochy 2011, 60 min", 2011), ("USA 2013", 2013), ("2025 | China", 2025), ("Sobota 18.04.2026", None)],
)
def test_a_facts_lines_year_stands_alone_or_after_a_country(text: str, year: int | None) -> None:
    assert _facts_year(text) == year
