"""Country names as IMDb pages print them, in the languages the pages are fetched in → ISO 3166 codes."""

from __future__ import annotations

import pytest

from parsers.countries import country_code
from parsers.dates import release_date_from_text


@pytest.mark.parametrize(
    ("name", "code"),
    [
        # French pages: dissolved states (ISO 3166-3), West Germany as the Germany that continued
        ("Allemagne de l'Ouest", "DE"),
        ("Allemagne de l’Ouest", "DE"),
        ("Allemagne de l'Est", "DDDE"),
        ("Union soviétique", "SUHH"),
        ("URSS", "SUHH"),
        ("Yougoslavie", "YUCS"),
        ("Tchécoslovaquie", "CSHH"),
        # the same states in other languages, from the iso-codes translations pycountry ships
        ("UdSSR", "SUHH"),
        ("Jugoslawien", "YUCS"),
        ("Tschechoslowakei", "CSHH"),
        ("Deutsche Demokratische Republik", "DDDE"),
        ("Sovjetunionen", "SUHH"),
        ("Szovjetunió", "SUHH"),
        # a translated historic name never displaces a current one: iso-codes' Spanish calls the GDR "Alemania"
        ("Alemania", "DE"),
        ("Timor oriental", "TL"),
        # English names keep working
        ("West Germany", "DE"),
        ("Soviet Union", "SUHH"),
        ("Czechoslovakia", "CSHH"),
    ],
)
def test_country_names(name: str, code: str) -> None:
    assert country_code(name) == code


@pytest.mark.parametrize("text", ["6.74", "250", "7.88"])
def test_a_number_names_no_country(text: str) -> None:
    # AniDB's rating "6.74" beside its dates was read as ISO 3166's numeric 674, San Marino.
    assert country_code(text) is None


def test_french_release_row_names_its_country() -> None:
    release = release_date_from_text("12 mai 1959 (Union soviétique) (première)")
    assert release is not None
    assert (release.date, release.country, release.country_name, release.note) == (
        "1959-05-12",
        "SUHH",
        "Union soviétique",
        "première",
    )
