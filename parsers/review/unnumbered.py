"""Unnumbered lists in the block stream: runs of headings, or of bold lines, each over text of its own.

Nothing but position ranks such entries, so they need the title's word: as many as it promises
("The 21 best …"), or, for a "best of" title without a count, a long run whose entries all have
text. A bold line straight above another (PICTURE BOOKS over the first book) labels a group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from statistics import median

from ..dates import names_a_month, only_a_date
from ..text import find_year
from .blocks import HEADINGS, Block, Line
from .candidates import Candidate, Item, numbered_title
from .entries import without_rating
from .quality import mostly_questions

# an <h1> after the page's own (a post whose editor draws each film's name so) heads an entry too
_ITEM_HEADINGS = ("h1", "h2", "h3", "h4", "h5")
_LEVEL_OF = {tag: int(tag[1]) for tag in HEADINGS}  # "h2" -> 2
_BOLD_HOLDERS = ("p", "div", "li", "td")
_MAX_TITLE = 120
_MIN_UNCOUNTED_RUN = 5  # entries that make a list when the title promises one but names no count
_MIN_PLURAL_RUN = 3  # dated heads that make a list where the titles name films in the plural
_DIGIT_RUN = re.compile(r"\d+")
_MOST_SKIPPED = 4  # a run ranked by order that leaves out more than a quarter as many heads as it holds is no list
_MIN_UNCOUNTED_PROSE = 40  # characters of text under them, by their median (see _with_text)
# a name and its year closing the head, in brackets or after a comma or a dash ("Scream, 2022", its stars gone)
_DATED = re.compile(r"(?P<name>\S.*?)(?:\((?:1[89]|20)\d\d\)|(?P<apart>,|\s[-–—])\s*(?:1[89]|20)\d\d)$")
_MONTH_DAY = re.compile(r"([^\W\d_]+)\.?\s+\d{1,2}$")  # "May 17" before ", 2020": a date's year, not a name's
# a head that is a name in quotes, whole ("“Dunkirk”", "‘Top Gun’"): a work's, as papers print works' names
_QUOTED_NAME = re.compile(r"[\"“‘«„「『][^\"“”«»„「」『』]{1,80}[\"”’»“」』]")
_SET_APART = re.compile(r"\s*(?::|[–—]|\s-)\s*\S")  # "Name : text", "Name – text", "Name - text"
_HEADING_REACH = 7  # blocks after a heading in which its text is sought
_NUMERIC_DATE = re.compile(r"\d{1,4}([./-])\d{1,2}\1\d{2,4}")  # "01/19/23", "19.01.2023", "2023-01-19"
# The headings a guide or listicle closes with, about itself: where they start, its list has ended.
_AFTERWORD = re.compile(
    r"^(?:how we (?:test|tested|chose|choose|picked|pick|rate|rated|rank|ranked|review|reviewed|select|selected)\b"
    r"|why (?:you should )?trust us\b|frequently asked questions\b|faqs?\b|who curated\b|our methodology\b"
    r"|methodology\b|about (?:the|this|our) (?:author|reviewer|writer)s?\b"
    # and the closing words of a post, or the record of its changes, in the languages lists are written in
    r"|(?:in )?conclusions?\b|final thoughts\b|closing thoughts\b|wrapping up\b|wrap-up\b"
    r"|(?:document |page )?(?:update|revision|change) (?:history|log)\b|changelog\b|fazit\b|schlusswort\b"
    r"|conclusi[óo]n\b|conclusione\b|conclus[ãa]o\b|заключение\b|итоги\b|마치며|맺음말|결론|(?:문서 )?업데이트 내역"
    r"|おわりに|最後に|更新履歴|总结|總結|结语|結語|结论|結論|更新日志)",
    re.I,
)
# The heading a post opens with about itself, before its entries: an overview, an introduction.
_FOREWORD = re.compile(
    r"(?:introduction|intro|overview|preface|foreword|einleitung|vorwort|introducci[óo]n|introduzione|introdu[çc][ãa]o"
    r"|pr[ée]sentation|введение|вступление|개요|소개|들어가며|概要|はじめに|前言|简介|簡介|引言)[\s:：.]*",
    re.I,
)


@dataclass(slots=True)
class _Head:
    block: int
    line: int
    kind: str  # the heading's tag, or "bold"
    text: str  # "" when too long to be an entry's name
    prose: int = 0  # characters of text (not links) it heads
    group: str | None = None  # the label of the bold lines' group it opens or belongs to


def _bold_line(block: Block, line: Line) -> bool:
    """A line all in bold, but for the year after it ("<b>Oldboy</b> (2003)")."""
    return block.tag in _BOLD_HOLDERS and bool(line.bold) and line.lead() == line.text


def _bold_lead(block: Block, line: Line) -> str | None:
    """The name a paragraph opens with in bold, set apart from its text by a colon or a dash; None for any other."""
    if block.tag not in _BOLD_HOLDERS or not line.bold or not line.text.startswith(line.bold):
        return None
    name = line.bold.strip(" :–—-")
    after = line.text[line.text.find(name) + len(name) :]
    return name if name and len(name) <= _MAX_TITLE and _SET_APART.match(after) else None


def _heads(blocks: list[Block], leads: bool = False) -> list[_Head]:
    """Every heading and whole-bold line, in page order, with the prose under each: a heading's
    runs to the next heading (a bold "See it now:" on the way is no heading), a bold line's to the
    next bold line or heading. Link lists and teasers are no prose. With ``leads``, a paragraph's name in bold before
    a colon or a dash heads it too."""
    heads: list[_Head] = []
    open_heading: _Head | None = None
    open_bold: _Head | None = None
    for b, block in enumerate(blocks):
        if block.tag in HEADINGS:
            text = block.lines[0].text
            open_heading = _Head(b, 0, block.tag, text if len(text) <= _MAX_TITLE else "")
            open_bold = None
            heads.append(open_heading)
            lines = list(enumerate(block.lines))[1:]
        else:
            lines = list(enumerate(block.lines))
        if open_heading is not None and b - open_heading.block > _HEADING_REACH:
            open_heading = None
        for n, line in lines:
            if _bold_line(block, line):
                open_bold = _Head(b, n, "bold", line.text if len(line.text) <= _MAX_TITLE else "")
                heads.append(open_bold)
            elif leads and (name := _bold_lead(block, line)) is not None:
                # "<strong>Paterson</strong> : encore un très beau film …": a name in bold, then what is said of it
                open_bold = _Head(b, n, "bold", name, prose=len(line.text) - len(line.bold))
                heads.append(open_bold)
                if open_heading is not None:  # and under a heading, its text ("Director: …" under a film's name)
                    open_heading.prose += len(line.text)
            elif not line.linked:
                for head in (open_heading, open_bold):
                    if head is not None:
                        head.prose += len(line.text)
    return heads


def _runs(blocks: list[Block], heads: list[_Head], min_prose: int) -> dict[str, list[list[_Head]]]:
    """Heads that may be entries, as runs per kind: a heading of a higher level closes the runs of
    lower ones ("What to read next" over teasers); an ``<h1>`` closes every run, and the first in the article, the
    page's own title, heads none."""
    runs: dict[str, list[list[_Head]]] = {}
    titled = False
    for head in heads:
        if head.kind in HEADINGS:
            afterword = _AFTERWORD.match(head.text) is not None
            for kind, kind_runs in runs.items():
                closes = _LEVEL_OF[head.kind] < _LEVEL_OF[kind] if kind in _LEVEL_OF else head.kind == "h1"
                if (closes or afterword) and kind_runs[-1]:
                    kind_runs.append([])
            if afterword or _FOREWORD.fullmatch(head.text):
                continue
        if head.kind == "h1" and not titled and blocks[head.block].in_article:
            titled = True
            continue
        if not head.text or not blocks[head.block].in_article or head.prose < min_prose or _a_date(head.text):
            continue
        if head.kind == "bold" or head.kind in _ITEM_HEADINGS:
            runs.setdefault(head.kind, [[]])[-1].append(head)
        if head.kind in _ITEM_HEADINGS:  # one list may mix heading levels (four <h3>s and an <h2>)
            runs.setdefault("any-heading", [[]])[-1].append(head)
    return runs


def _a_date(text: str) -> bool:
    """The head is a date alone, with its year ("01/19/23", "May 5, 2023"): a post's, over its text, not an entry's
    name (a film may be named by a day: "September 5")."""
    return _NUMERIC_DATE.fullmatch(text) is not None or (only_a_date(text) and find_year(text) is not None)


def _label_groups(heads: list[_Head]) -> None:
    """Give each bold head the group label above it: a bold line with no text of its own directly
    over another bold line."""
    label = None
    for head, after in zip(heads, [*heads[1:], None], strict=True):
        if head.kind != "bold":
            label = None
        elif head.prose == 0 and after is not None and after.kind == "bold":
            label = head.text
        else:
            head.group = label


def dated_heads(blocks: list[Block], plural: bool = False) -> Candidate | None:
    """On a page about films whose title promises no list, the longest run of at least five heads of one kind that
    nearly all name a film with its year ("<strong>Cinderela (1950)</strong>" over a picture) or in quotes ("<h2>
    “Dunkirk”</h2>"): the years or the quotes mark the list, as a promise would (its heads need no text of their
    own). Three are enough where the titles name films in the plural (``plural``: "Movies & Shows")."""
    runs = _runs(blocks, _heads(blocks), 0)
    dated = [
        run
        for kind, kind_runs in runs.items()
        if kind != "any-heading"
        for run in kind_runs
        if len(run) >= (_MIN_PLURAL_RUN if plural else _MIN_UNCOUNTED_RUN)
        and sum(_dated_or_quoted(head.text) for head in run) >= 0.8 * len(run)
    ]
    best = max(dated, key=len, default=None)
    return _ranked_by_order(best) if best is not None else None


def _dated_or_quoted(text: str) -> bool:
    return _dated(text) or _QUOTED_NAME.fullmatch(text) is not None


def _dated(text: str) -> bool:
    """The head names a work and its year, whatever rating follows ("Heat (1995)", "Scream, 2022 - ★★½"), not a
    day ("Rick and Morty 4x8 May 18, 2020": a review's date)."""
    found = _DATED.fullmatch(without_rating(text))
    if found is None:
        return False
    day = _MONTH_DAY.search(found.group("name")) if found.group("apart") else None
    return day is None or not names_a_month(day.group(1))


def heading_run(blocks: list[Block], count: int | None, names: bool = False) -> Candidate | None:
    """``count`` unnumbered heads in a row inside the article (the title promised that many), ranked
    by order; with no count (a "best of" title), the longest run of at least five, with text under them (see
    _with_text). With ``names`` (a title naming films in the plural, which promises no list as "best" does), only heads
    that read as names, the names paragraphs open with in bold among them."""
    heads = _heads(blocks, leads=names)
    # With no count, the heads must have text under them, by their median: one with a line under it among heads with
    # paragraphs is an entry all the same (a film "enough said" of), not a gap that shifts the ranks after it.
    runs = _runs(blocks, heads, 1)
    # A run of one repeated line ("See it now:") is a widget, not a list. With no count to check
    # against, only heads of one kind (one heading level, or bold lines) make a list.
    all_runs = [
        run
        for kind, kind_runs in runs.items()
        if count or kind != "any-heading"
        for run in (kind_runs if count else _with_text(kind_runs))
        if len({head.text.casefold() for head in run}) >= 0.8 * len(run)
    ]
    if names:
        all_runs = [run for run in all_runs if _names(run)]
    if count is None:
        best = max(all_runs, key=len, default=[])
        if len(best) < _MIN_UNCOUNTED_RUN or mostly_questions([head.text for head in best]):
            return None
        best = _with_subheads(blocks, heads, best)
    else:
        # one head more than a list of five or more promises: the last is its afterword ("V.O required", a closing
        # word of the writer's own, under a heading drawn as the entries' are)
        fitting = [run for run in all_runs if len(run) == count] or [
            run[:count] for run in all_runs if len(run) == count + 1 and count >= _MIN_UNCOUNTED_RUN
        ]
        if not fitting:
            return None
        best = max(fitting, key=lambda run: sum(head.prose for head in run))
    _label_groups(heads)
    numbered = _printed_numbers(best)
    if numbered is None and _skipped(heads, best) * _MOST_SKIPPED > len(best):
        return None
    if numbered is not None:
        items = [
            Item(rank, title, head.block, head.line, group=head.group)
            for head, (rank, title) in zip(best, numbered, strict=True)
        ]
        shape = "numbered-headings" if all(head.kind in HEADINGS for head in best) else "numbered-paragraphs"
        return Candidate(shape, items, 0.6)
    return _ranked_by_order(best)


def _with_text(runs: list[list[_Head]]) -> list[list[_Head]]:
    """The runs whose heads have as much text under them as a list's entries have (see _MIN_UNCOUNTED_PROSE), by
    their median; a head with less is an entry between two that have it, not at a run's ends (a rail's "Top Stories"
    after the list)."""
    trimmed = []
    for run in runs:
        texted = [n for n, head in enumerate(run) if head.prose >= _MIN_UNCOUNTED_PROSE]
        inner = run[texted[0] : texted[-1] + 1] if texted else []
        if inner and median(head.prose for head in inner) >= _MIN_UNCOUNTED_PROSE:
            trimmed.append(inner)
    return trimmed


def _names(run: list[_Head]) -> bool:
    """The heads are all different and short, as works' names are (not an essay's sections)."""
    texts = [head.text.casefold() for head in run]
    return bool(texts) and len(set(texts)) == len(texts) and median(len(text.split()) for text in texts) <= 4


def _with_subheads(blocks: list[Block], heads: list[_Head], run: list[_Head]) -> list[_Head]:
    """The run with each head over two or more headings of one lower level, before the run's next head, replaced by
    them under its name: a group's label (a director's films under his name, each an ``<h4>``), not an entry. Not the
    run's last head: what follows it is the page's, not the list's (a sidebar's headings)."""
    if run[0].kind not in _LEVEL_OF:
        return run
    position = {id(head): n for n, head in enumerate(heads)}
    expanded: list[_Head] = []
    for head, after in pairwise(run):
        below = [
            sub
            for sub in heads[position[id(head)] + 1 : position[id(after)]]
            if sub.kind in _LEVEL_OF
            and _LEVEL_OF[sub.kind] > _LEVEL_OF[head.kind]
            and sub.text
            and blocks[sub.block].in_article
        ]
        if len(below) >= 2 and len({sub.kind for sub in below}) == 1:
            for sub in below:
                sub.group = head.text
            expanded.extend(below)
        else:
            expanded.append(head)
    return [*expanded, run[-1]]


def _skipped(heads: list[_Head], run: list[_Head]) -> int:
    """Heads of the run's kinds that stand between its first and last but are not in it (nothing written under them),
    counted by their names, numbers aside: labels alike over each entry ("Best Movie of 1990", "… of 1991") are one."""
    kinds, chosen = {head.kind for head in run}, {id(head) for head in run}
    first, last = run[0].block, run[-1].block
    return len(
        {
            _DIGIT_RUN.sub("#", head.text)
            for head in heads
            if head.kind in kinds and first < head.block < last and head.text and id(head) not in chosen
        }
    )


def _ranked_by_order(run: list[_Head]) -> Candidate:
    """The run's heads as a list that nothing but their order ranks."""
    items = [
        Item(n, head.text, head.block, head.line, rank_inferred=True, group=head.group) for n, head in enumerate(run, 1)
    ]
    return Candidate("unnumbered-headings", items, 0.6)


def _printed_numbers(run: list[_Head]) -> list[tuple[int, str]] | None:
    """Each head's printed rank and name, when every head of the run opens with its own number (a
    longer numbered enumeration elsewhere on the page outscored them as the numbered chain); else None."""
    numbered = [numbered_title(head.text) for head in run]
    ranks = {found[0] for found in numbered if found is not None}
    if len(ranks) != len(run):
        return None
    return [found for found in numbered if found is not None]
