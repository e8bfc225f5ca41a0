"""The page every IMDb parser reads: decoding, the two forms of its text, URL joins and sub-page links."""

from __future__ import annotations

import codecs
import re
from urllib.parse import urljoin

import pytest

import parsers
from parsers.decode import decode_page
from parsers.imdb.layouts import detect_layout
from parsers.imdb.next_data import read_parts
from parsers.imdb.nextjs import _NEXT_DATA
from parsers.links import subpage_links
from parsers.page import Page, join_url, read_once
from parsers.text import mentions

# ---------------------------------------------------------------- decoding


def test_utf8_bytes_are_kept_as_they_are_whatever_the_page_declares() -> None:
    """IMDb's /combined view declares iso-8859-1 and sends UTF-8: the bytes win, and lexbor reads them undecoded."""
    data = '<meta charset="iso-8859-1"><h1>Amélie – Le Fabuleux Destin</h1>'.encode()
    page = decode_page(data, "iso-8859-1")
    assert page is data
    assert Page.from_bytes(data, charset="iso-8859-1").tree.css_first("h1").text() == "Amélie – Le Fabuleux Destin"


def test_latin1_bytes_are_decoded_as_declared() -> None:
    data = '<meta charset="iso-8859-1"><h1>Amélie</h1>'.encode("latin-1")
    assert decode_page(data) == '<meta charset="iso-8859-1"><h1>Amélie</h1>'
    assert Page.from_bytes(data).tree.css_first("h1").text() == "Amélie"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"<p>a\r\nb</p>\x00", "<p>a\nb</p>"),
        (codecs.BOM_UTF8 + "<p>é</p>".encode(), "<p>é</p>"),
        ("<p>é\r\n</p>".encode("utf-16"), "<p>é\n</p>"),
        (b'<meta charset="latin1"><p>caf\xe9\r\n\x93ok\x94</p>', '<meta charset="latin1"><p>café\n“ok”</p>'),
    ],
)
def test_text_is_folded_in_both_forms(data: bytes, text: str) -> None:
    page = Page.from_bytes(data)
    assert page.html == text
    assert page.utf8 == text.encode()


def test_invalid_utf8_is_not_taken_for_utf8() -> None:
    data = "<p>€</p>".encode()[:-6] + b"\xe2\x82<p>x</p>"  # a sequence cut short
    assert isinstance(decode_page(data), str)


@pytest.mark.parametrize("size", [0, 1, 3, 4, 5, 39, 40, 41, 100])
def test_head_is_the_start_of_the_text(size: int) -> None:
    text = "<p>" + "a€😀é" * 10 + "</p>"
    assert Page.from_bytes(text.encode()).head(size) == text[:size]
    assert Page(text).head(size) == text[:size]


# ---------------------------------------------------------------- URLs


@pytest.mark.parametrize(
    "base",
    ["http://www.imdb.com/title/tt0133093/", "https://m.imdb.com:443/x?y#z", "HTTP://WWW.IMDB.COM/a", "", "file:///x"],
)
@pytest.mark.parametrize(
    "href",
    [
        "/title/tt0133093/releaseinfo?ref_=tt_dt_dt",
        "/title/tt0133093/releaseinfo?",
        "/title/tt0133093/releaseinfo#akas",
        "/title/tt0133093/./keywords",
        "/title/tt0133093/../tt0133094/",
        "/a;params",
        "//other.example/x",
        "/a\tb",
        "keywords",
        "https://www.imdb.com/title/tt0133093/",
        "http://www.imdb.com/title/tt0133093/?",
        "HTTP://www.imdb.com/",
        "https://",
    ],
)
def test_join_url_is_urljoin(base: str, href: str) -> None:
    assert join_url(base, href) == urljoin(base, href)


# ---------------------------------------------------------------- sub-page links

_LINKS_PAGE = """<html><head><base href="https://www.imdb.com/"></head><body>
<a href="/r/contact-con/title/tt0133093/companycredits">IMDbPro</a>
<a href="title/tt0133093/keywords">relative to the base: no root, no match</a>
<a href="/title/tt0133093/releaseinfo?ref_=tt_ov_rdat&amp;x=1#akas">Release</a>
<a href="https://www.imdb.com/title/tt0133093/releaseinfo?second">second release link</a>
<a href='/title/tt0133094/fullcredits'>another film</a>
<p>/title/tt0133093/fullcredits in text</p>
<a href="/title/tt0133093/synopsis">Synopsis</a>
<a href="/title/tt0133093/plotsummary">Plot summary</a>
<a href="/title/tt0133093/keywordsmore">not the keywords page</a>
<a href="/title/tt0133093/reference">the title page itself</a>
<a href="https://www.imdb.com/title/tt0133093/companycredits">Companies</a>
<script>{"href":"/title/tt0133093/fullcredits"}</script>
</body></html>"""


def test_subpage_links_first_of_each_kind_in_page_order() -> None:
    page = Page.from_bytes(_LINKS_PAGE.encode(), "http://www.imdb.com/title/tt0133093/")
    assert subpage_links(page, "tt0133093") == (
        ("releaseinfo", "https://www.imdb.com/title/tt0133093/releaseinfo?ref_=tt_ov_rdat&x=1"),
        ("plotsummary", "https://www.imdb.com/title/tt0133093/synopsis"),
        ("companycredits", "https://www.imdb.com/title/tt0133093/companycredits"),
    )
    assert subpage_links(page, None) == ()


# ---------------------------------------------------------------- __NEXT_DATA__ and layouts

_NEXT_JSON = b'{"props":{"pageProps":{"tconst":"tt0133093","aboveTheFoldData":{"titleText":{"text":"Matrix"}}}}}'


@pytest.mark.parametrize(
    "opening",
    [
        b'<script id="__NEXT_DATA__" type="application/json">',  # as Next.js writes it: read from the bytes
        b'<script type="application/json" id="__NEXT_DATA__">',  # otherwise: from the script's text
    ],
)
def test_next_data_is_read_however_its_script_is_written(opening: bytes) -> None:
    page = Page.from_bytes(b"<html><body><div id=__next></div>" + opening + _NEXT_JSON + b"</script></body></html>")
    assert read_parts(page, _NEXT_DATA) == {
        "tconst": "tt0133093",
        "aboveTheFoldData": {"titleText": {"text": "Matrix"}},
    }


def test_first_layout_marker_names_the_layout() -> None:
    """Pages carry one layout's markers, in their header: the first found decides."""
    html = (
        '<div id="title-overview-widget"><h1 class="header">Gaslight</h1></div>'
        '<div class="titlereference-header">later, in a quoted block</div><h4>Genres:</h4>'
    )
    layout = detect_layout(Page(html))
    assert layout is not None and layout.name == "main-2011"
    record = parsers.parse(html.encode(), kind="title")
    assert (record.layout, record.title) == ("main-2011", "Gaslight")


# ---------------------------------------------------------------- cheap tests before slow regexes


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\bTV Mini[- ]Series\b|\bTV Series\b|\b(?:TV )?Episode\b|\bTV Movie\b|\(TV\)", ("tv", "ode", "deo", "(v")),
        (r"\bVideo Game\b|\(VG\)|\bVideo\b|\(V\)", ("tv", "ode", "deo", "(v")),
        (
            r"\s*(?:Written by\b|full summary\b|full synopsis\b|Plot Summary\b|Add Synopsis\b)",
            ("tten by", "ummary", "ynop"),
        ),
        (r"See All \((\d[\d,]*)\)", ("e all (",)),
        (r"\(original title\)", ("nal t",)),
        (r"\d+ of \d+ found this relevant|Relevant\?", ("relevant",)),
    ],
)
@pytest.mark.parametrize(
    "text",
    ["TV Series 2005–2013", "(TV Episode)", "VIDEO GAME", "(v)", "Epıſode", "wrıtten by Joe", "Plot ſummary",
     "full ſynopsıs", "ſee all (28)", "(orıgınal tıtle)", "12 of 12 found this RELEVANT", "Action | Drama"],
)  # fmt: skip
def test_mentions_lets_through_every_text_its_regex_matches(pattern: str, words: tuple[str, ...], text: str) -> None:
    if re.search(pattern, text, re.IGNORECASE):
        assert mentions(text, *words)
    assert not mentions("Action | Drama | 136 min", *words)


def test_an_imdb_title_found_past_a_long_head() -> None:
    """A saved page with 60 kB of inline style before its ``<title>`` is still known as IMDb's by its title."""
    html = (
        b"<html><head><style>" + b"x{}" * 20000 + b"</style><title>Some Film (1999) - IMDb</title></head>"
        b'<body><div id="tn15title"><h1>Some Film <span>(1999)</span></h1></div></body></html>'
    )
    record = parsers.parse(html)
    assert (record.kind, getattr(record, "layout", None)) == ("title", "tn15")


@pytest.mark.parametrize(
    ("language", "encoding", "text"),
    [
        ("fr", "cp1252", "La bête dans la jungle — été"),  # FilmAffinity 2024: windows-1252 under a UTF-8 meta
        ("cs", "cp1250", "Příliš žluťoučký kůň"),
        ("ru", "cp1251", "Брат"),
    ],
)
def test_a_false_utf8_claim_falls_back_to_the_pages_language(language: str, encoding: str, text: str) -> None:
    """Bytes that are not the UTF-8 they claim are read in the legacy encoding of the language the page names,
    as browsers fall back by locale (a guess from a few accented letters picks Central European for French)."""
    page = f'<html lang="{language}"><head><meta charset="utf-8"></head><body><p>{text}</p></body></html>'
    decoded = decode_page(page.encode(encoding))
    assert isinstance(decoded, str)
    assert text in decoded


def test_a_reading_is_computed_once_per_page() -> None:
    # detection and the film reader both ask for a page's film header: one walk of the page, not two
    calls: list[str] = []

    @read_once
    def first_heading(page: Page) -> str:
        calls.append(page.url or "")
        heading = page.tree.css_first("h1")
        return heading.text() if heading is not None else ""

    one, other = Page("<h1>Heat</h1>", "https://a.example/"), Page("<h1>Alien</h1>", "https://b.example/")
    assert [first_heading(one), first_heading(one), first_heading(other)] == ["Heat", "Heat", "Alien"]
    assert calls == ["https://a.example/", "https://b.example/"]
