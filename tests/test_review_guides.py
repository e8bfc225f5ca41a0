"""Buying guides and articles' afterwords (issue 10): what a page says about itself is no film list.

Synthetic pages copying the shape of PCWorld's 2025 guide "Best live TV streaming service: The top 5 picks"
(``tests/fixtures/real/pages/dev/C_no_list/tiptopjaw__pcworld-…``): five products, each an ``<h2>`` over
"Pros"/"Cons" ``<h3>``s, a Review JSON-LD per product whose pros and cons are ItemLists
(``positiveNotes``/``negativeNotes``), then ``<h2>``s about the guide itself ("How we test …", "Why you should
trust us") and a FAQ of ``<h3>`` questions; and of a film listicle that ends the same way.
"""

from __future__ import annotations

import json

from parsers import parse
from parsers.page import Page
from parsers.review.structured import itemlist_candidate

PRODUCTS = ["YouTube TV", "Hulu + Live TV", "DirecTV Stream", "Sling TV", "Philo"]
FILMS = ["Longlegs", "Late Night with the Devil", "The Substance", "Heretic", "I Saw the TV Glow"]
PROSE = "<p>" + "It is what a reader came for, said at length and with reasons. " * 3 + "</p>"
AFTERWORD = (
    f"<h2>How we test live TV streaming services</h2>{PROSE}<h2>Why you should trust us</h2>{PROSE}"
    "<h2>Frequently asked questions</h2>"
    + "".join(
        f"<h3>{question}</h3>{PROSE}"
        for question in (
            "What is the best live TV streaming service?",
            "How do I watch live TV streaming services?",
            "Can I watch live TV while traveling?",
            "Are there activation fees?",
            "Is there a free trial?",
        )
    )
)


def _notes(*names: str) -> dict[str, object]:
    return {
        "@type": "ItemList",
        "itemListElement": [{"@type": "ListItem", "position": n, "name": name} for n, name in enumerate(names, 1)],
    }


def _review(product: str) -> dict[str, object]:
    return {
        "@type": "Review",
        "name": f"{product} review",
        "positiveNotes": _notes("Simple interface makes live TV easy to navigate", "Unlimited DVR"),
        "negativeNotes": _notes("Can't delete recordings on TV devices", "One-off recordings only for sports"),
    }


def _guide() -> bytes:
    data = json.dumps({"@context": "https://schema.org", "@graph": [_review(product) for product in PRODUCTS]})
    sections = "".join(
        f"<h2>{product} – Best TV streaming service</h2>{PROSE}<h3>Pros</h3><ul><li>Cheap</li></ul>"
        f"<h3>Cons</h3><ul><li>Ads</li></ul>"
        for product in PRODUCTS
    )
    return (
        "<html><head><title>Best live TV streaming service: The top 5 picks</title>"
        f'<script type="application/ld+json">{data}</script></head><body><article>'
        f"<h1>Best live TV streaming service: The top 5 picks</h1>{sections}{AFTERWORD}</article></body></html>"
    ).encode()


def test_a_guide_ranking_tv_services_gives_no_film_list() -> None:
    review = parse(_guide(), "https://www.example.com/article/best-live-tv-streaming-service", kind="review")
    assert review.entries == ()
    assert any("ranks service" in warning for warning in review.warnings)


def test_a_reviews_pros_and_cons_are_no_item_list() -> None:
    assert itemlist_candidate(Page.from_bytes(_guide())) is None


def test_a_film_list_ends_where_the_article_speaks_of_itself() -> None:
    sections = "".join(f"<h2>{film}</h2>{PROSE}" for film in FILMS)
    page = (
        "<html><head><title>The 5 best horror movies of 2024</title></head><body><article>"
        f"<h1>The 5 best horror movies of 2024</h1>{sections}{AFTERWORD}</article></body></html>"
    ).encode()
    review = parse(page, "https://www.example.com/best-horror-movies-2024", kind="review")
    assert [(entry.rank, entry.title) for entry in review.entries] == list(enumerate(FILMS, 1))


def test_a_faq_of_questions_is_no_film_list() -> None:
    questions = "".join(
        f"<h3>{n}. {question}</h3>{PROSE}"
        for n, question in enumerate(
            (
                "What is the best horror movie of 2024?",
                "Is The Substance streaming?",
                "Where can I watch Longlegs?",
                "Who directed Heretic?",
                "Is I Saw the TV Glow scary?",
            ),
            1,
        )
    )
    page = (
        "<html><head><title>Horror movies of 2024: your questions answered</title></head><body><article>"
        f"<h1>Horror movies of 2024: your questions answered</h1>{questions}</article></body></html>"
    ).encode()
    assert parse(page, "https://www.example.com/horror-faq", kind="review").entries == ()
