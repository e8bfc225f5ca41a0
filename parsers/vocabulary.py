"""What film pages call things, in every era and language: one table every reader shares.

Two kinds of hint, both shared by every layout rather than switched per layout:

- **labels**: the words before a value ("Genres:", "Plot Keywords:", "Production Co:"), in English and in the
  forms IMDb's localised sites used (German, Spanish, French, Italian, Portuguese, Swedish, Czech, Hungarian),
  and the words other film sites put before the same facts ("Running time", "Theatrical release", "导演", "Жанр").
  ``field_of_label`` turns any of them into the one field name a layout asks for.
- **link forms**: where a value's link points, in every era (``/genre/Drama``, ``/Sections/Genres/Drama/``,
  ``/search/title?genres=drama``, ``/search/title/?genres=drama``, ``/keyword/mafia``,
  ``/search/keyword?keywords=mafia`` …). A block's links are read by these first; a block whose links match
  none of them is still read, from all of its non-navigation links, then from its text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text import clean

_LABEL_NOISE = re.compile(r"\s*(:|：|\bedit\b|\(wga\))\s*", re.I)

# field → the label keys (``label_key`` of the label text: case folded, colon and "Edit" dropped) that carry it.
LABELS: dict[str, tuple[str, ...]] = {
    "genres": (
        "genres", "genre", "género", "géneros", "genere", "generi", "gênero", "gêneros", "genrer", "žánr", "žánry",
        "műfaj", "műfajok", "genre(s)", "类型", "類型", "жанр", "жанры", "ジャンル",
        # Polish, Dutch, Turkish, Finnish, Norwegian, Greek, Vietnamese, Korean
        "gatunek", "gatunki", "tür", "türü", "lajityyppi", "sjanger", "είδος", "thể loại", "장르",
    ),
    "keywords": (
        "plot keywords", "keywords", "schlüsselwörter", "handlungsschlüsselwörter", "schlagwörter",
        "palabras clave", "palabras clave de la trama", "mots-clés", "mots clés", "mots-clés de l'intrigue",
        "parole chiave", "parole chiave della trama", "palavras-chave", "palavras-chave do enredo", "nyckelord",
        "handlingsnyckelord", "klíčová slova", "kulcsszavak", "cselekmény kulcsszavai",
    ),
    "release_dates": (
        "release date", "release dates", "erscheinungsdatum", "kinostart", "veröffentlichungsdatum",
        "fecha de estreno", "fecha de lanzamiento", "date de sortie", "sortie", "data di uscita", "uscita",
        "data de lançamento", "data de estreia", "lançamento", "lançamento nacional", "estreno nacional", "premiärdatum", "premiär", "datum premiéry",
        "premiéra", "megjelenés dátuma", "bemutató", "bemutató dátuma", "release date(s)", "theatrical release",
        "in theaters", "original release", "original release date", "release", "released", "première", "date de sortie en salles",
        "original air date", "air date", "上映日期", "首播", "premiere", "премьера (мир)", "премьера в мире", "премьера", "公開日", "estreno",
        # a theatrical release as "in cinemas from" in the languages film sites are written in
        "in cinemas", "in cinemas from", "in theaters from", "in theatres", "in theatres from", "im kino ab",
        "release date (theaters)", "release date (theatres)", "release date (streaming)",
        "v kinech od", "v kinách od", "w kinach od", "en salles", "en salle le", "en cines", "nei cinema dal",
        "nos cinemas", "в кино с", "в прокате с", "premiera",
        # a series' or an anime's first broadcast, as TV and anime databases label it
        "aired", "premiered", "vintage", "first aired", "first air date", "air dates", "broadcast", "on tv from", "v tv od", "放送日", "放送期間",
        "выпуск",
        # Polish, Dutch, Turkish, Ukrainian, Greek, Korean, Chinese, Japanese
        "data premiery", "premiera światowa", "releasedatum", "datum van uitgave", "vizyon tarihi", "çıkış tarihi",
        "прем'єра", "дата виходу", "πρεμιέρα", "ημερομηνία κυκλοφορίας", "개봉", "개봉일", "上映时间", "首映", "劇場公開日",
    ),
    "companies": (
        "production co", "production companies", "production company", "company", "companies",
        "produktionsfirma", "produktionsfirmen", "produktionsgesellschaft", "productora", "productoras",
        "compañía", "compañías", "compañía productora", "compañías productoras", "sociétés de production",
        "société de production", "società di produzione", "casa di produzione", "produtora", "produtoras",
        "empresas produtoras", "produktionsbolag", "produkční společnost", "produkční společnosti", "gyártó",
        "gyártó cég", "gyártó cégek",
        # an animated work's makers ("Studios: Kyoto Animation"), as anime and animation databases label them
        "studio", "studios", "animation studio", "animation studios", "animation production", "制作", "アニメーション制作",
        "студия",
        "wytwórnia", "productiemaatschappij", "yapım şirketi", "студія", "제작사", "制片公司", "出品公司", "製作会社",
    ),
    "countries": (
        "country", "countries", "country of origin", "countries of origin", "land", "länder", "herkunftsland",
        "país", "países", "país de origen", "nacionalidad", "pays", "pays d'origine", "nationalité", "nazione", "paese", "paese di origine",
        "país de origem", "ursprungsland", "země", "země původu", "ország", "származási ország",
        "制片国家/地区", "製片國家/地區", "страна", "製作国",
        "kraj", "kraj produkcji", "produkcja", "ülke", "країна", "χώρα", "국가", "제작국가", "国家", "国家/地区",
    ),
    "languages": (
        "language", "languages", "sprache", "sprachen", "idioma", "idiomas", "langue", "langues", "lingua",
        "lingue", "språk", "jazyk", "jazyky", "nyelv", "nyelvek", "original language", "语言", "語言", "язык",
        "język", "taal", "dil", "мова", "γλώσσα", "언어", "言語",
    ),
    "runtime_minutes": (
        "runtime", "laufzeit", "länge", "duración", "durée", "durata", "duração", "speltid", "längd", "délka",
        "stopáž", "játékidő", "hossz", "running time", "run time", "length", "片长", "单集片长", "片長",
        "время", "продолжительность", "上映時間",
        "duration", "episode length", "episode duration", "episode runtime", "episode run time",
        "czas trwania", "speelduur", "duur", "süre", "тривалість", "διάρκεια", "상영시간", "러닝타임", "时长", "片長時間",
    ),
    "directors": (
        "director", "directors", "directed by", "regie", "regisseur", "regisseure", "dirección", "director/a",
        "directores", "réalisateur", "réalisation", "réalisateurs", "regia", "regista", "registi", "direção",
        "diretor", "diretores", "regi", "regissör", "režie", "režisér", "rendező", "rendezők", "director(s)",
        "导演", "導演", "режиссер", "режиссёр", "監督",
        "reżyseria", "reżyser", "yönetmen", "режисер", "σκηνοθεσία", "감독",
    ),
    "writers": (
        "writer", "writers", "writing credits", "writing credits (wga)", "drehbuch", "drehbuchautor",
        "drehbuchautoren", "guion", "guionista", "guionistas", "scénario", "scénariste", "scénaristes",
        "sceneggiatura", "sceneggiatore", "sceneggiatori", "roteiro", "roteirista", "roteiristas", "manus",
        "manusförfattare", "scénář", "scenárista", "író", "írók", "forgatókönyvíró",
        "scenariusz", "senaryo", "сценарий", "сценарій", "σενάριο", "각본", "编剧", "編劇", "脚本",
    ),
    "akas": (
        "also known as", "aka", "auch bekannt als", "alternativtitel", "también conocida como",
        "conocida también como", "titre alternatif", "aussi connu sous le nom de", "alias", "conosciuto anche come",
        "titolo alternativo", "também conhecido como", "även känd som", "známý také jako", "alternativní název",
        "más néven", "ismert még mint",
    ),
    # the year a film was made, where a site labels it apart from its release ("Année de production 2020")
    "year": (
        "year", "production year", "year of production", "produktionsjahr", "herstellungsjahr", "jahr",
        "année", "année de production", "año", "año de producción", "anno", "anno di produzione", "ano",
        "ano de produção", "produktionsår", "år", "rok", "rok výroby", "rok produkcji", "gyártási év",
        "год", "год производства", "年份", "制作年", "製作年", "年代",
        "jaar", "productiejaar", "yapım yılı", "рік", "рік виробництва", "제작연도",
    ),
    "original_title": (
        "original title", "título original", "titre original", "originaltitel", "titolo originale", "原名",
        "оригинальное название", "eredeti cím", "originální název",
    ),
    "connections": ("connections", "movie connections", "verbindungen", "conexiones", "connexions", "connessioni"),
    "plot": ("plot", "plot outline", "plot summary", "storyline", "handlung", "trama", "intrigue", "résumé", "enredo"),
}  # fmt: skip


@lru_cache(maxsize=1024)  # a few dozen label texts recur on every page
def label_key(text: str) -> str:
    """ "Production Co:" → "production co"; "Production Companies Edit" → "production companies"."""
    return _LABEL_NOISE.sub(" ", clean(text)).strip().casefold()


_FIELD_OF_LABEL = {label: field for field, labels in LABELS.items() for label in labels}


def field_of_label(key: str) -> str | None:
    """The field a label key names: "production co" → "companies", "género" → "genres"; None for other labels."""
    return _FIELD_OF_LABEL.get(key)


# field → href substrings of the links that carry it, every era.
LINK_FORMS: dict[str, tuple[str, ...]] = {
    "genres": ("/genre/", "/Sections/Genres/", "genres="),
    "keywords": ("/keyword/", "keywords=", "/keyword?"),
    "companies": ("/company/", "companies="),
    "countries": ("/country/", "/Sections/Countries/", "country_of_origin=", "countries="),
    "languages": ("/language/", "/Sections/Languages/", "primary_language=", "languages="),
    "release_dates": ("releaseinfo", "/calendar", "release_date="),
    "people": ("/name/",),
    "titles": ("/title/tt",),
}


def href_has(href: str, forms: tuple[str, ...]) -> bool:
    """Whether ``href`` has one of ``forms`` (substrings; a loop is cheaper than a regex for a handful)."""
    for form in forms:  # noqa: SIM110 (any() over a generator costs more than these tests)
        if form in href:
            return True
    return False
