"""The rule that merges a page's readings of one film (parsers/opinions.py)."""

from __future__ import annotations

from parsers.opinions import merge
from parsers.records import FieldConflict, ReleaseDate

US_DATE = ReleaseDate("1999-03-31", "day", "US", country_name="USA")
BARE_DATE = ReleaseDate("1999-03-31", "day", None)


def test_the_first_reading_wins_and_a_later_one_fills_what_it_lacks() -> None:
    fields, sources, conflicts = merge(
        [("page", {"title": "The Matrix"}), ("jsonld", {"title": "The Matrix", "year": 1999})]
    )
    assert fields == {"title": "The Matrix", "year": 1999}
    assert sources == {"title": "page", "year": "jsonld"}
    assert conflicts == ()


def test_a_list_strictly_extended_is_replaced_and_a_shorter_one_is_no_conflict() -> None:
    chips, storyline = ("Action", "Crime", "Drama"), ("Action", "Crime", "Drama", "Thriller")
    fields, sources, conflicts = merge([("page", {"genres": chips}), ("next_data", {"genres": storyline})])
    assert (fields["genres"], sources["genres"], conflicts) == (storyline, "next_data", ())
    fields, _, conflicts = merge([("page", {"genres": storyline}), ("jsonld", {"genres": chips})])
    assert (fields["genres"], conflicts) == (storyline, ())


def test_a_release_date_gets_the_country_another_reading_prints_beside_it() -> None:
    fields, sources, conflicts = merge(
        [("next_data", {"release_dates": (BARE_DATE,)}), ("page", {"release_dates": (US_DATE,)})]
    )
    assert (fields["release_dates"], sources["release_dates"], conflicts) == ((US_DATE,), "next_data", ())


def test_a_disagreement_is_kept_as_written_and_prose_is_no_disagreement() -> None:
    mexico = ReleaseDate("1972-10-04", "day", "MX")
    fields, _, conflicts = merge(
        [
            ("page", {"release_dates": (mexico,), "plot": "The aging patriarch …"}),
            (
                "jsonld",
                {"release_dates": (ReleaseDate("1972-03-24", "day", None),), "plot": "The Godfather is a movie …"},
            ),
        ]
    )
    assert fields["release_dates"] == (mexico,)
    assert conflicts == (FieldConflict("release_dates", "page", "jsonld", "1972-03-24"),)


def test_a_year_alone_beside_a_table_of_its_dates_is_no_conflict() -> None:
    # Letterboxd: its releases table gives "2000-05-20" (France) and later dates; its JSON-LD gives "2000".
    cannes = ReleaseDate("2000-05-20", "day", "FR")
    fields, _, conflicts = merge(
        [("page", {"release_dates": (cannes,)}), ("jsonld", {"release_dates": (ReleaseDate("2000", "year", None),)})]
    )
    assert (fields["release_dates"], conflicts) == ((cannes,), ())
    _, _, conflicts = merge(
        [("page", {"release_dates": (cannes,)}), ("jsonld", {"release_dates": (ReleaseDate("2001", "year", None),)})]
    )
    assert len(conflicts) == 1
