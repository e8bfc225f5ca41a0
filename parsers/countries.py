"""Country names and codes as pages write them → ISO 3166 codes.

pycountry (ISO 3166-1 and 3166-3, with the iso-codes translations of the
dissolved states' names) and CLDR's territory names in several languages (via
babel) do the work; the only hand-made entries are the names IMDb uses that
neither library knows.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from functools import cache, lru_cache

import pycountry
from babel import Locale

# IMDb's own names and region codes that no ISO list carries. West Germany has no
# ISO 3166-3 entry: the FRG's DE continued, so it maps to DE.
_IMDB_NAMES = {
    "uk": "GB",
    "west germany": "DE",
    "xwg": "DE",
    "federal republic of germany": "DE",
    "east germany": "DDDE",
    "xeg": "DDDE",
    "soviet union": "SUHH",
    "ussr": "SUHH",
    "yugoslavia": "YUCS",
    "federal republic of yugoslavia": "YUCS",
    "xyu": "YUCS",
    "czechoslovakia": "CSHH",
    "serbia and montenegro": "CSXX",
    "burma": "MM",
    "zaire": "CD",
    "kosovo": "XK",
    "ivory coast": "CI",
    "swaziland": "SZ",
    "macedonia": "MK",
    "republic of macedonia": "MK",
    "turkey": "TR",
    "vatican": "VA",
    "occupied palestinian territory": "PS",
    # French IMDb pages: iso-codes names these states "URSS", "République démocratique allemande" …
    "union sovietique": "SUHH",
    "allemagne de l'ouest": "DE",
    "allemagne de l'est": "DDDE",
    # Douban's names of China's parts, which CLDR's Chinese gives otherwise ("中国", "中国香港特别行政区")
    "中国大陆": "CN",
    "中国香港": "HK",
    "中国台湾": "TW",
    "сша": "US",  # Kinopoisk's and Russian sites' usual name, not CLDR's
    # the short names Korean, Japanese and Turkish film sites print (CLDR gives "대한민국", "アメリカ合衆国", "Amerika
    # Birleşik Devletleri")
    "한국": "KR",
    "アメリカ": "US",
    "abd": "US",
}
# IMDb's localised sites and the other film sites' languages (Douban, Kinopoisk, Filmarks, Filmweb, ČSFD).
_LANGUAGES = (
    "en", "fr", "de", "es", "it", "sv", "pt", "nl", "hu", "cs", "pl", "ru", "uk", "zh", "zh_Hant", "ja", "ko", "tr", "el",
)  # fmt: skip
_QUALIFIER = re.compile(r"\s*[,;(]")


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold().replace("’", "'"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).replace(".", "").split())


@cache  # built at the first name looked up (0.09 s): a crawl's process that parses no title page never builds it
def _name_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for language in _LANGUAGES:
        for code, name in Locale(language).territories.items():
            if len(code) == 2 and code.isalpha():
                table.setdefault(_fold(name), code)
    # After every current name: iso-codes' Spanish calls the GDR "Alemania", CLDR's name of Germany.
    for language in _LANGUAGES:
        names = gettext.translation("iso3166-3", pycountry.LOCALES_DIR, languages=[language], fallback=True)
        for historic in pycountry.historic_countries:
            # "URSS, Union des républiques …", "USSR; Unie van …", "Szovjetunió (Szovjet …)": the short name first
            short = _QUALIFIER.split(names.gettext(historic.name), maxsplit=1)[0]
            table.setdefault(_fold(short), historic.alpha_4)
    table.update({_fold(name): code for name, code in _IMDB_NAMES.items()})  # folded as the names looked up are
    return table


_HISTORIC_CODES = {h.alpha_4.lower(): h.alpha_4 for h in pycountry.historic_countries}


@lru_cache(maxsize=2048)
def country_code(name: str | None) -> str | None:
    """ "USA" → "US", "United States" → "US", "Soviet Union" → "SUHH", "xwg" → "DE", "Sweden" → "SE"."""
    if not name:
        return None
    key = _fold(name)
    if not any(character.isalpha() for character in key):  # "6.74", a rating: pycountry reads "674" as San Marino
        return None
    if code := _name_table().get(key):
        return code
    if key in _HISTORIC_CODES:
        return _HISTORIC_CODES[key]
    if len(key) == 2 and (country := pycountry.countries.get(alpha_2=key.upper())):
        return str(country.alpha_2)
    try:
        return str(pycountry.countries.lookup(key).alpha_2)
    except LookupError:
        return None
