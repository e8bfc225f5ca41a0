"""Review and list-article pages → ``ReviewPage``: the article's metadata and its ranked list.

Every list shape is a candidate, each found by its own module: the JSON-LD ItemList (``structured``), numbered
lines (``candidates``), tables by row or by column (``tables``), ``<ol>``/``<ul>`` lists, split ones too
(``lists``), runs of sibling records anywhere in the page and lists split into sections of them (``repeated``),
lines that are each one film link (``linked_lines``), and, only as far as the title promises a list, unnumbered
headings or bold lines (``unnumbered``), repeated boxes such as slides (``cards``) and names set off inside one
sentence (``inline``). The best-scored candidate becomes ``entries`` (``entries`` cuts each entry's text). Page
furniture (menus, sidebars, comments, "popular" boxes) is removed before any candidate is sought (``blocks``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from urllib.parse import urldefrag

from ..detect import FILM_ITEMS, canonical_url, is_list_url
from ..page import Page
from ..records import Article, RankedEntry, ReviewPage
from .article import article_fields, page_titles
from .blocks import HEADINGS, Block, BlockIndex, strip_furniture, text_blocks
from .candidates import Candidate, Item, item_line, numbered_chain, numbered_title, unranked
from .cards import card_candidates
from .confidence import ABSTAIN_BELOW, ListEvidence, confidence, list_evidence
from .count import promised_count, promises_list
from .entries import EntryBuilder, clean_title
from .inline import inline_candidates, italic_paragraphs
from .linked_lines import linked_lines
from .lists import list_candidates, promised_lists
from .menus import menu_names, site_sections
from .pagination import next_page_url
from .quality import (
    about_films,
    film_url,
    linked_medium,
    mostly_index_letters,
    mostly_questions,
    mostly_sentences,
    mostly_site_sections,
    named_by_medium,
    names_a_rail,
    names_comments,
    names_films,
    notes_on_one_work,
    one_films_page,
    other_medium,
    programme_page,
    ranked_products,
    search_results,
    share,
    title_like,
)
from .repeated import links_a_film, record_candidates
from .structured import app_data_years, itemlist_candidate, review_facts
from .tables import table_candidates
from .unnumbered import dated_heads, heading_run

__all__ = ["ListReading", "parse_review", "read_list"]

_MIN_TITLE_SHARE = 0.8
# Shapes that read every record of a run, numbered or not: where a numbered chain skipped some, they have them.
_RUNS = frozenset({"records", "unnumbered-headings", "ul", "ol"})
_SAME_LIST = 0.8  # names two readings share that make them readings of one list
# Lists of one shape and length, as many as this: a chart archive's weekly top tens, a site's per-country lists.
# The one chosen among them is a guess, not the page's list.
_MANY_ALIKE = 10
_ORDERED = 0.9  # a chain whose printed ranks are their places in the run, but for a misprint or two
# Shapes in which the page itself says what its entries are: a JSON-LD ItemList, a table with a title column.
_DECLARED = frozenset({"itemlist-jsonld", "table", "table-columns"})
# Fewer entries than this, unmarked and unpromised, are as likely a rail's or a menu's (a news page's "Comment, Print,
# Email", three teasers) as a film list: 8 of 199 labelled film lists are so short, and every one is marked or promised.
_FEW_ENTRIES = 5
_FEW_CARDS = 4  # three records, the fewest a run holds, unranked and unpromised: a box of teasers, not a list
_HEADING_REACH = 2  # blocks between a run's heading and its first entry at most (a line of text under the heading)
_LEAD_IN_REACH = 3  # paragraphs before a list that introduce it, at most
_LABEL_WORDS = 4  # a line standing alone this short is a label, as a heading is


def _title_share(candidate: Candidate, strict: bool) -> float:
    """How many of a candidate's entries read as names (not vote counts, scores, sentences): a number with its year
    after it is one ("42 (2013)", "1917 (2019)")."""
    strict = strict or candidate.shape == "records"
    return share(
        [
            title_like(name, strict) or (year is not None and name.isdigit())
            for name, year, _ in (clean_title(item.title) for item in candidate.items)
        ]
    )


def _choose(candidates: list[Candidate], count: int | None, blocks: int, films: bool) -> Candidate | None:
    """The candidate whose entries read as names, scored by its shape's prior, the promised count, its
    length and, a little, how early it starts (the article's list before the site's lists below it)."""

    def score(candidate: Candidate) -> float:
        found = len(candidate.items)
        start = max(candidate.items[0].block, 0) / blocks if blocks else 0.0
        # length counts up to 50 entries, then barely: a whole list over one of its sections where nothing else
        # tells them apart (an A-Z's 1,356 films over its 81 under "A")
        size = min(found, 50) * 0.001 + min(found, 5000) * 0.00001
        return candidate.confidence + (0.3 if count and found == count else 0.0) + size - 0.05 * start

    named = [
        candidate
        for candidate in candidates
        if _title_share(candidate, films) >= _MIN_TITLE_SHARE
        and not mostly_questions([item.title for item in candidate.items])
        and not mostly_sentences([clean_title(item.title)[0] for item in candidate.items])
        and not mostly_site_sections([item.title for item in candidate.items])
        and not mostly_index_letters([item.title for item in candidate.items])
    ]
    for chain in (candidate for candidate in named if candidate.shape.startswith("numbered")):
        for run in (candidate for candidate in named if candidate.shape in _RUNS):
            _fill_gaps(chain, run, count)
    # A run of records another source has read already (a table by its columns, a numbered chain) is
    # that source's: it knows the run's shape better.
    # The source keeps the records' evidence (film links, printed ranks) as its confidence.
    others = [candidate for candidate in named if candidate.shape != "records"]
    chosen = others[:]
    for records in (candidate for candidate in named if candidate.shape == "records"):
        if any(_section_of(records, other) for other in named if other is not records):
            continue
        blocks_read = {b for item in records.items for b in range(item.block, item.end or item.block + 1)}
        same = [other for other in others if share([i.block in blocks_read for i in other.items]) >= 0.5]
        # Records that hold a shorter candidate (a chain that skipped the rows printed out of order) replace it;
        # records that only go on after it (a box below in the same markup) do not.
        longer = [
            other
            for other in same
            if (_within(records, other) > 1.2 * len(other.items) and not _split(records, other))
            or _cards_parts(records, other)
        ]
        for other in same:
            other.confidence = max(other.confidence, records.confidence)
            _take_facts(other, records)
        if longer:
            chosen = [other for other in chosen if all(other is not replaced for replaced in longer)]
        if longer or not same:
            chosen.append(records)
    return max(_whole_lists(chosen), key=score, default=None)


def _section_of(records: Candidate, other: Candidate) -> bool:
    """The records are one part of the other candidate: one section of lists under their headings read as one (a
    watch log's month, "2023 / 8", of its 28 films), or one row of a grid among its records: every record is one of
    its entries, and it holds more. Shapes and counts are asked first: the chooser asks this of every pair."""
    if other.shape == "records":
        # a grid's row among the grid's records, at least twice as many, all different (not a page's list read twice)
        whole = len(other.items) >= 2 * len(records.items) and len(
            {item.title.casefold() for item in other.items}
        ) == len(other.items)
    elif other.shape in ("ul", "ol"):
        whole = len(other.items) > len(records.items) and len({item.group for item in other.items}) > 1
    else:
        whole = False
    if not whole:
        return False
    entries = {item.block for item in other.items}
    return all(item.block in entries for item in records.items)


def _whole_lists(candidates: list[Candidate]) -> list[Candidate]:
    """Without the runs placed in no block of the page's text (records inside a block's lines: an index's bold names
    among its lines of links) that are part of a longer candidate by their names: the longer holds the list, and
    where the runs lie in the text only their names can tell."""
    names = [{clean_title(item.title)[0].casefold() for item in candidate.items} for candidate in candidates]
    return [
        candidate
        for candidate, own in zip(candidates, names, strict=True)
        if any(item.block >= 0 for item in candidate.items)
        or not any(
            len(other.items) > len(candidate.items) and len(own & theirs) >= _SAME_LIST * len(own)
            for other, theirs in zip(candidates, names, strict=True)
        )
    ]


def _within(records: Candidate, other: Candidate) -> int:
    """How many of the records lie between the other candidate's first and last entries."""
    first, last = min(item.block for item in other.items), max(item.block for item in other.items)
    return sum(1 for item in records.items if first <= item.block <= last)


def _split(records: Candidate, other: Candidate) -> bool:
    """The records split most of the other candidate's entries in parts (a table's cells, several to a row): not a
    longer list, a finer reading of the same one."""
    starts = sorted(item.block for item in records.items)
    parts = [bisect_left(starts, item.end or item.block + 1) - bisect_left(starts, item.block) for item in other.items]
    return share([n > 1 for n in parts]) >= 0.5


def _cards_parts(records: Candidate, other: Candidate) -> bool:
    """The records are more than the other candidate's entries, most of which share a record with another of
    them: it reads the parts of some cards (a genre, a link's label, a badge in a card's table) as entries, not the
    cards."""
    if len(records.items) <= len(other.items):
        return False
    starts = sorted(item.block for item in records.items)
    ends = {item.block: item.end or item.block + 1 for item in records.items}
    holder = []
    for item in other.items:
        at = bisect_right(starts, item.block) - 1
        holder.append(starts[at] if at >= 0 and item.block < ends[starts[at]] else None)
    held = Counter(place for place in holder if place is not None)
    return share([place is not None and held[place] > 1 for place in holder]) >= 0.5


def _fill_gaps(chain: Candidate, records: Candidate, count: int | None) -> None:
    """The records a numbered chain skipped (a countdown's entry printed with no number, or a wrong one: "2) The
    Princess Bride" at 93), put back where the run has them, ranked by their place, where the chain's numbers
    follow the run's order (each printed rank its place's, counting up or down)."""
    at = {item.block: item for item in chain.items}
    merged = [
        next((at[b] for b in range(record.block, record.end or record.block + 1) if b in at), record)
        for record in records.items
    ]
    kept = {id(item) for item in merged}
    chained = {id(item) for item in chain.items}
    if len(merged) <= len(chain.items) or len(kept) != len(merged) or not chained <= kept:
        return
    placed = [(n, item.rank) for n, item in enumerate(merged) if id(item) in chained]
    if len(placed) < 2:
        return
    if len(merged) != count:
        # records before the chain's first number or after its last (a sidebar's in the same markup) are the
        # list's only where the title promises as many: a chain's gaps are inside it
        merged = merged[placed[0][0] : placed[-1][0] + 1]
        placed = [(n - placed[0][0], rank) for n, rank in placed]
    step = 1 if placed[-1][1] > placed[0][1] else -1
    first = placed[0][1] - step * placed[0][0]
    if share([rank == first + step * n for n, rank in placed]) < _ORDERED:
        return
    # The run's own items stay as its candidate read them: the chain takes copies.
    chain.items[:] = [
        item
        if id(item) in chained
        else replace(
            item,
            rank=first + step * n,
            rank_inferred=True,
            title=numbered[1] if (numbered := numbered_title(item.title)) else item.title,
        )
        for n, item in enumerate(merged)
    ]


def _take_facts(candidate: Candidate, records: Candidate) -> None:
    """The name (where a line glues it to the next text), year, film link and printed rank each record read from
    its own elements (a year in a span of its own, which the text stream glues to its neighbours: "19942h 22mR";
    a chart's rank printed after the name), given to the item the other source read there where that source had
    none."""
    # Each block's record, looked up once per item (a 5,000-row table against its 5,000 records); only a record
    # holding one item is that item's (a forum's first post, numbered "1", holds a whole table of series).
    starts = sorted(item.block for item in candidate.items)
    at = {
        b: record
        for record in reversed(records.items)
        if record.block >= 0
        and bisect_left(starts, end := record.end or record.block + 1) - bisect_left(starts, record.block) == 1
        for b in range(record.block, end)
    }
    for item in candidate.items:
        if (record := at.get(item.block)) is not None:
            # "Побег из ШоушенкаThe Shawshank Redemption (1994) 142 мин.": the line glues the name (its link's
            # text, as the record read it) to the original title after it, or sets it a space apart (a page saved
            # re-indented); the record's name is the name. A year or a note after the name stays the line's.
            rest = item.title[len(record.title) :] if item.title.startswith(record.title) else ""
            if rest.lstrip()[:1].isalnum() and record.title[-1:].isalnum():
                item.title = record.title
            item.year = item.year if item.year is not None else record.year
            item.film_link = item.film_link or record.film_link
            if item.rank_inferred and not record.rank_inferred:
                item.rank, item.rank_inferred = record.rank, False


def _share_years(candidates: list[Candidate], known: dict[str, int]) -> None:
    """Each entry without a year takes the one its name has in the page's data (``known``, by casefolded name) or
    in another reading of the same list (most names alike): a JSON-LD ItemList names a chart's films without years
    its rows print ("Shōgun (2024)")."""
    named = [[clean_title(item.title)[:2] for item in candidate.items] for candidate in candidates]
    known = {clean_title(name)[0].casefold(): year for name, year in known.items()}
    for candidate, names in zip(candidates, named, strict=True):
        if all(item.year is not None for item in candidate.items):
            continue
        mine = {name.casefold() for name, _ in names}
        years = dict(known)
        for other, theirs in zip(candidates, named, strict=True):
            printed = {name.casefold(): year for name, year in theirs if year is not None}
            if other is not candidate and printed and share([name in printed for name in mine]) >= _SAME_LIST:
                years = printed | years
        for item, (name, _) in zip(candidate.items, names, strict=True):
            if item.year is None:
                item.year = years.get(name.casefold())


def _linked(page: Page, item: Item, blocks: list[Block], wiki: bool) -> bool:
    """The item links a film or show page (from its record, or a link on its own line); a Wikipedia article only
    with ``wiki``, on a page about films (an encyclopedia's copy links its leagues, places and people so)."""
    if item.film_link:
        return True
    line = item_line(blocks, item)
    return any(links_a_film(page, anchor.attributes.get("href") or "", wiki) for anchor in (line.links if line else []))


def _heading_over(blocks: list[Block], candidate: Candidate, names: Callable[[str], bool]) -> str | None:
    """The heading right over the candidate's first entry (a block or two back at most) that ``names`` says is no
    article's list (a rail of the site's other pages, a comment thread), or None: a heading element, or a line of a
    few words standing alone, as older pages and tabs label their rails ("<div>WHAT'S POPULAR</div>", "<li>Most
    Popular</li>")."""
    first = candidate.items[0].block if candidate.items else -1
    above = blocks[max(first - _HEADING_REACH, 0) : max(first, 0)]
    return next(
        (
            block.text
            for block in reversed(above)
            if (block.tag in HEADINGS or (len(block.lines) == 1 and len(block.text.split()) <= _LABEL_WORDS))
            and names(block.text)
        ),
        None,
    )


def _led_in_by_films(blocks: list[Block], candidate: Candidate, counted: bool) -> bool:
    """The line that opens the list, right before it in the article and ending in a colon or a heading over it, says
    it holds films or shows ("Let's break down Arnold Schwarzenegger's Top Ten Movies:", "<h2>Top 10 Tv Series</h2>")
    where the page's titles do not ("What Are His Top 10 Roles?"); where the titles promise no count, so may the
    paragraphs that introduce it ("Merry Christmas": "Watch the best Christmas movies of all time"), but not where
    they count something else ("Top 5 New Technologies": an intro on the films of old). A picture's caption between them is no lead-in, nor is a paragraph
    that mentions one film ("as the film tells us") before a list of its crew."""
    first = candidate.items[0].block if candidate.items else -1
    leads = [block for block in reversed(blocks[: max(first, 0)]) if block.tag != "figcaption"][:_LEAD_IN_REACH]
    if (
        leads
        and leads[0].in_article
        and (leads[0].text.rstrip().endswith(":") or leads[0].tag in HEADINGS)
        and names_films(leads[0].text)
    ):
        return True
    return not counted and any(lead.in_article and names_films(lead.text) for lead in leads)


def _linked_medium(page: Page, candidate: Candidate, blocks: list[Block], wiki: bool) -> str | None:
    """The other medium whose works' pages half the entries or more link, where fewer link a film's (a list of books
    printed with their years, each linking its Goodreads page; not a list of adaptations linking both)."""
    media: list[str] = []
    for item in candidate.items:
        line = item_line(blocks, item)
        hrefs = [page.absolute(anchor.attributes.get("href")) or "" for anchor in (line.links if line else [])]
        media.extend({medium for href in hrefs if (medium := linked_medium(href))})
    counted = Counter(media).most_common(1)
    if not counted or 2 * counted[0][1] < len(candidate.items):
        return None
    films = sum(_linked(page, item, blocks, wiki) for item in candidate.items)
    return counted[0][0] if films < counted[0][1] else None


def _film_share(page: Page, candidate: Candidate, blocks: list[Block], wiki: bool) -> float:
    """How many entries carry a film's marks: a link to a film or show page (see _linked), or a year."""
    return share(
        [
            item.year is not None or clean_title(item.title)[1] is not None or _linked(page, item, blocks, wiki)
            for item in candidate.items
        ]
    )


@dataclass(frozen=True, slots=True)
class _Topic:
    """What the page says it is about, read once its furniture is gone (each reading searched the page for its
    headings again): its titles, those and its address, and whether they speak of films."""

    titles: list[str]
    words: str
    films: bool
    plural: bool  # the titles name films or shows in the plural ("Favourite movies", "Las películas del 2019")


def _topic(page: Page) -> _Topic:
    titles = page_titles(page)
    words = " ".join([*titles, page.url or ""])
    plural = names_films(" ".join(titles)) or any(named_by_medium(title) for title in titles)
    return _Topic(titles, words, about_films(words), plural)


def _refusal(page: Page, chosen: Candidate, blocks: list[Block], count: int | None, topic: _Topic) -> str | None:
    """Why the chosen list is not to be given as the page's film list, or None. A page whose titles name
    another medium (games, albums, books) lists that; a list that films do not mark (links, years), on a page
    whose titles and address never speak of films or TV, lists something else (tips, products, songs, walks),
    however well its markup or its title's count declares it a list."""
    # the titles' medium first: an address's words are a site's routes as often ("/list/show/1.Best_Books_Ever")
    medium = other_medium(" ".join(topic.titles)) or other_medium(topic.words)
    if medium:
        return f"no film list: the page lists {medium}"
    if len(chosen.items) > 1 and len({item.title.casefold() for item in chosen.items}) == 1:
        # a table of one film's awards or sessions, its "Film" column the same in every row
        return f'no film list: its {len(chosen.items)} entries all name one film, "{chosen.items[0].title}"'
    if notes_on_one_work(topic.titles) and not is_list_url(page.url):
        return "no film list: the page's numbered items are notes on one work"
    if one_films_page(page.url) and not is_list_url(page.url):
        return "no film list: the page is one film's page (its address), its lists are rails"
    if heading := _heading_over(blocks, chosen, names_a_rail):
        return f'no film list: the entries stand under "{heading}", a rail of the site\'s other pages'
    if heading := _heading_over(blocks, chosen, names_comments):
        return f'no film list: the entries stand under "{heading}", a comment thread'
    if medium := _linked_medium(page, chosen, blocks, topic.films):
        return f"no film list: its entries link pages of {medium}"
    film_marked = _film_share(page, chosen, blocks, topic.films) >= 0.5
    promised = bool(count or promises_list(topic.titles) or is_list_url(page.url))
    if len(chosen.items) < _FEW_ENTRIES and not film_marked and chosen.shape not in _DECLARED and not promised:
        return f"no list given: {len(chosen.items)} entries with no film links or years, which no title promises"
    # three cards side by side, unranked, are a rail's teasers ("Movie Passes: 'Cloverfield'", "New Flicks")
    if (
        chosen.shape == "records"
        and len(chosen.items) < _FEW_CARDS
        and not promised
        and not topic.plural
        and unranked(chosen.items)
    ):
        return f"no list given: {len(chosen.items)} cards side by side, unranked, which no title promises"
    if (products := ranked_products(topic.titles)) and not film_marked and not is_list_url(page.url):
        return f"no film list: the page ranks {products}"
    if (
        topic.films
        or is_list_url(page.url)
        or film_marked
        or chosen.films_declared
        or _led_in_by_films(blocks, chosen, bool(count))
    ):
        return None
    return "no film list: the page never speaks of films or TV, and its entries carry no film links or years"


def _candidates(
    page: Page, blocks: list[Block], count: int | None, itemlist: Candidate | None, topic: _Topic
) -> list[Candidate]:
    """Every list shape on the page. Shapes that markup or printed numbers declare come first; shapes
    only the title's promise supports (unnumbered heads, cards) are sought when nothing else fits it."""
    index = BlockIndex(blocks, page.tree.body)
    found = [c for c in (itemlist, numbered_chain(blocks, count)) if c] + table_candidates(page, index)
    found.extend(record_candidates(page, index, topic.films, programme_page(topic.words)))
    found.extend(linked_lines(page, blocks, topic.films))
    nothing_else = not found and topic.films
    if count:
        found.extend(list_candidates(page, index, count))
        fits = any(len(candidate.items) == count for candidate in found)
    else:
        fits = bool(found) or not promises_list(topic.titles)
    if not fits:
        # a count is evidence, not a requirement: where no run of heads holds as many and nothing found marks films
        # (links, years), the longest run of them
        longest = heading_run(blocks, count) or (
            count
            and not any(_film_share(page, c, blocks, topic.films) >= 0.5 for c in found)
            and heading_run(blocks, None)
        )
        found.extend(c for c in (longest,) if c)
    elif not found and topic.plural:  # "Recent movies in theater": headings over notes, nothing else a list
        found.extend(c for c in (heading_run(blocks, count, names=True),) if c)
    if not found and not count and topic.films:
        found.extend(c for c in (dated_heads(blocks, topic.plural),) if c)
    if not count and (not fits or nothing_else or topic.plural):
        # the article's lists of names where the title promises a list and names no count; where nothing else on a
        # page about films reads as a list, its numbered ones (<ol>), ranked by the markup; and where its titles name
        # films in the plural ("Favourite movies"), its bulleted lists of plain names, whatever else reads as a list
        # (a favourites page's franchises, some of two films, are runs of records only where they hold three or more)
        found.extend(promised_lists(page, index, every=not fits, plain=topic.plural))
    if not found and topic.plural:
        # pictures each captioned with a name and nothing more (a poster grid, names only in the alts): the list of a
        # page whose titles name films in the plural, where nothing else reads as one (a site's menu is drawn so too)
        found.extend(record_candidates(page, index, topic.films, captions=True))
    if count and not fits:
        found.extend(card_candidates(index, count))
        found.extend(inline_candidates(blocks, count))
        found.extend(italic_paragraphs(blocks, count))
    return found


@dataclass(frozen=True, slots=True)
class ListReading:
    """The list a page gives before the confidence model has its say: its entries, shape and evidence."""

    entries: tuple[RankedEntry, ...]
    shape: str | None
    evidence: ListEvidence | None
    count: int | None
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Targets:
    """What the whole page links, its furniture included (read before the furniture goes): its distinct addresses
    (a link to a part of a page, "/films/heat#reviews_anchor", is to that page) and its elements marked as film
    items."""

    hrefs: frozenset[str]
    film_items: int

    def films(self, wiki: bool) -> int:
        """How many distinct film pages the page links or marks (a Wikipedia article only with ``wiki``)."""
        return sum(1 for href in self.hrefs if film_url(href, wiki)) + self.film_items


def _targets(page: Page) -> _Targets:
    hrefs = frozenset(
        urldefrag(page.absolute(href) or "").url
        for href in {anchor.attributes.get("href") for anchor in page.tree.css("a[href]")}
    )
    return _Targets(hrefs, len(page.tree.css(FILM_ITEMS)))


def _reading(
    page: Page, blocks: list[Block], chosen: Candidate, count: int | None, topic: _Topic, targets: _Targets
) -> ListReading:
    refusal = _refusal(page, chosen, blocks, count, topic)
    if refusal:
        return ListReading((), None, None, count, (refusal,))
    items = [item for item in chosen.items if clean_title(item.title)[0]]  # the builder skips nameless ones
    entries = EntryBuilder(page, blocks).build(items)
    evidence = list_evidence(
        entries,
        prior=chosen.confidence,
        declared=chosen.shape in _DECLARED,
        linked=[_linked(page, item, blocks, topic.films) for item in items],
        in_article=[0 <= item.block < len(blocks) and blocks[item.block].in_article for item in items],
        count=count,
        about_films=topic.films,
        promised=bool(count) or promises_list(topic.titles),
        list_page=is_list_url(page.url)
        or is_list_url(canonical_url(page))
        or programme_page(topic.words)
        or search_results(topic.titles),
        start=max(items[0].block, 0) / len(blocks) if items and blocks else 0.0,
        film_targets=targets.films(topic.films),
    )
    return ListReading(entries, chosen.shape, evidence, count, ())


def _unfound(page: Page, titles: list[str], count: int | None) -> tuple[str, ...]:
    """Why a page that promises a list gives none: its title's count or "best of" words, or its address (a chart,
    a user's list); a page that promises none (a review, a news story) needs no word."""
    if count:
        promise = f"the title promises {count} entries"
    elif promises_list(titles):
        promise = "the title promises a list"
    elif is_list_url(page.url):
        promise = "the address is a list's"
    else:
        return ()
    return (f"no list found: {promise}, but no part of the page reads as a list of films",)


def read_list(page: Page, every: bool = False) -> list[ListReading]:
    """The page's likeliest film list (or why none was given where one was refused); with ``every``, the
    reading of every candidate, the chosen one first (what bench/train_confidence.py learns from). Strips
    the page's furniture from ``page.tree``."""
    titles = page_titles(page)
    count = promised_count(titles)
    itemlist = itemlist_candidate(page)  # before the furniture goes: it reads scripts and every link
    page_data = app_data_years(page)
    targets = _targets(page)
    menus = menu_names(page.tree)
    strip_furniture(page.tree)
    blocks = text_blocks(page.tree)
    topic = _topic(page)
    candidates = [
        candidate
        for candidate in _candidates(page, blocks, count, itemlist, topic)
        if not site_sections(candidate, blocks, menus) or _film_share(page, candidate, blocks, topic.films) >= 0.5
    ]
    _share_years(candidates, page_data)
    chosen = _choose(candidates, count, len(blocks), topic.films)
    if chosen is None:
        return [ListReading((), None, None, count, _unfound(page, titles, count))]
    alike = [c for c in candidates if c.shape == chosen.shape and len(c.items) == len(chosen.items)]
    if len(alike) >= _MANY_ALIKE and not every:
        # the lists alike are no list (each a guess), nor any reading of them (their records); another candidate
        # beside them may be the page's own
        held = {b for a in alike for item in a.items for b in range(item.block, item.end or item.block + 1)}
        others = [c for c in candidates if share([item.block in held for item in c.items]) < _SAME_LIST]
        chosen = _choose(others, count, len(blocks), topic.films)
        if chosen is None:
            shape, entries = alike[0].shape, len(alike[0].items)
            why = f"no list given: the page holds {len(alike)} lists alike ({shape}, {entries} entries each)"
            return [ListReading((), None, None, count, (why,))]
        candidates = others
    rest = [candidate for candidate in candidates if candidate is not chosen] if every else []
    return [_reading(page, blocks, candidate, count, topic, targets) for candidate in (chosen, *rest)]


def parse_review(page: Page) -> ReviewPage:
    article = Article(**article_fields(page))
    reviewed_title, rating = review_facts(page, article.title)
    next_url = next_page_url(page)
    reading = read_list(page)[0]
    warnings = list(reading.warnings)
    entries, sure = reading.entries, 0.0
    if reading.evidence is not None:
        sure = confidence(reading.evidence)
        if sure < ABSTAIN_BELOW:
            warnings.append(
                f"no list given: the likeliest one ({reading.shape}, {len(entries)} entries) has confidence {sure:.2f}"
            )
            entries = ()
    count = reading.count
    if count and entries and len(entries) != count:
        warnings.append(f"title promises {count} entries, found {len(entries)}")
    return ReviewPage(
        url=page.url,
        article=article,
        entries=entries,
        confidence=round(sure, 2) if entries else 0.0,
        count_promised=count,
        list_shape=reading.shape if entries else None,
        warnings=tuple(warnings),
        reviewed_title=reviewed_title if not entries else None,
        rating=rating,
        next_page_url=next_url,
    )
