"""Film lists split by the page into parts (issue 10): a table per decade, a list per section.

Synthetic pages copying the shape of the long "list of films" pages of film databases and wikis (a list of several
hundred films in one table per decade, the table's column names worded differently from one decade to the next,
a carousel of posters above it whose names are only in the images' alt), made small.
"""

from __future__ import annotations

from parsers import parse

FILMS = [
    ("Goodfellas", "Martin Scorsese", 1990),
    ("Unforgiven", "Clint Eastwood", 1992),
    ("Schindler's List", "Steven Spielberg", 1993),
    ("Pulp Fiction", "Quentin Tarantino", 1994),
    ("Heat", "Michael Mann", 1995),
    ("Fargo", "Joel Coen", 1996),
    ("Memento", "Christopher Nolan", 2000),
    ("Amélie", "Jean-Pierre Jeunet", 2001),
    ("Spirited Away", "Hayao Miyazaki", 2001),
    ("City of God", "Fernando Meirelles", 2002),
    ("Oldboy", "Park Chan-wook", 2003),
    ("Zodiac", "David Fincher", 2007),
]
TRILOGIES = [
    ("The Godfather", "The Godfather Part II", "The Godfather Part III"),
    ("Back to the Future", "Back to the Future Part II", "Back to the Future Part III"),
    ("The Matrix", "The Matrix Reloaded", "The Matrix Revolutions"),
    ("Toy Story", "Toy Story 2", "Toy Story 3"),
    ("Before Sunrise", "Before Sunset", "Before Midnight"),
    ("Alien", "Aliens", "Alien 3"),
    ("The Evil Dead", "Evil Dead II", "Army of Darkness"),
    ("Mad Max", "Mad Max 2", "Mad Max Beyond Thunderdome"),
]
POSTERS = ["Alien", "Jaws", "Vertigo", "Psycho", "Rocky", "Tootsie"]


def _link(n: int, name: str) -> str:
    return f'<a href="https://www.imdb.com/title/tt{1000000 + n:07d}/">{name}</a>'


def _table(films: list[tuple[str, str, int]], start: int, name_column: str, years: bool = True) -> str:
    year = "<td>{}</td>" if years else ""
    rows = "".join(
        f"<tr><td>{_link(start + n, t)}</td><td>{d}</td>{year.format(y)}</tr>" for n, (t, d, y) in enumerate(films)
    )
    return f"<table><tr><th>{name_column}</th><th>Director</th>{'<th>Year</th>' if years else ''}</tr>{rows}</table>"


def _carousel() -> str:
    posters = "".join(
        f'<a href="https://www.imdb.com/title/tt{2000000 + n:07d}/"><img src="p{n}.jpg" alt="{name}"></a>'
        for n, name in enumerate(POSTERS)
    )
    return f'<div class="posters">{posters}</div>'


def _page(body: str) -> bytes:
    return f"<html><head><title>The films of the 1990s and 2000s</title></head><body>{body}</body></html>".encode()


def test_tables_of_one_layout_one_after_another_are_one_list() -> None:
    # The 2000s' table names its first column "Film" where the 1990s' says "Title": the same columns (name, director,
    # year) in the same places, so one list, ranked on from the first table (each table was a list of its own).
    page = _page("<h2>1990s</h2>" + _table(FILMS[:6], 0, "Title") + "<h2>2000s</h2>" + _table(FILMS[6:], 6, "Film"))
    entries = parse(page, url="https://films.example/lists/1990s-2000s").entries
    assert [(entry.rank, entry.title, entry.year) for entry in entries] == [
        (n, title, year) for n, (title, _, year) in enumerate(FILMS, 1)
    ]


def test_a_carousel_named_only_in_alts_yields_to_the_list_printed_below() -> None:
    # Six posters above the list, each linking a film page, their names only in the images' alt: as likely a list
    # as the tables by every other mark, and earlier on the page. A list with no text of its own is the weaker
    # reading (the carousel was given, the tables not).
    page = _page(_carousel() + "<h2>1990s</h2>" + _table(FILMS[:6], 0, "Title", years=False))
    entries = parse(page, url="https://films.example/lists/1990s").entries
    assert [entry.title for entry in entries] == [title for title, _, _ in FILMS[:6]]


def test_a_decade_heading_gives_its_entries_no_year() -> None:
    # One list in sections headed by decades: "1990s" is no year of the films under it (each took 1990).
    sections = "".join(
        f"<h2>{decade}</h2><ul>{''.join(f'<li>{_link(n, t)}</li>' for n, (t, _, _) in films)}</ul>"
        for decade, films in (("1990s", enumerate(FILMS[:6])), ("2000s", enumerate(FILMS[6:], 6)))
    )
    entries = parse(_page(sections), url="https://films.example/lists/1990s-2000s").entries
    assert [entry.title for entry in entries] == [title for title, _, _ in FILMS]
    assert {entry.year for entry in entries} == {None}


def test_a_table_whose_every_cell_names_a_film_is_read_by_its_rows() -> None:
    # A table of trilogies: each row a film and its two sequels, every cell linking a film page. Its cells, row
    # after row, read as three times as many records: a finer reading of the rows, not a longer list (the cells
    # replaced the table and were given, 24 entries for 8 rows).
    rows = "".join(
        "<tr>" + "".join(f"<td>{_link(10 * n + k, name)}</td>" for k, name in enumerate(names)) + "</tr>"
        for n, names in enumerate(TRILOGIES)
    )
    page = _page(f"<table><tr><th>Film</th><th>Sequel</th><th>Third film</th></tr>{rows}</table>")
    entries = parse(page, url="https://films.example/lists/trilogies").entries
    assert [entry.title for entry in entries] == [names[0] for names in TRILOGIES]
