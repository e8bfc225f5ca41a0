"""A chosen candidate → ``RankedEntry`` records: clean titles, years, and each entry's own text.

An entry's text runs from its item line to the next item. Each line of it is an attribute
("Type: Informative"), a watch-link line ("Stream on Amazon | Stream on Netflix"), a side note,
or blurb.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..dates import only_a_date
from ..page import Page
from ..records import RankedEntry, WatchLink
from ..text import clean, node_text, strip_quotes, without_kind
from .blocks import HEADINGS, Block, Line
from .candidates import RANK_BADGE, Item, item_line
from .links import is_title_page, watch_link
from .quality import FOOTNOTE_CALL, share

# "(2007)", "(2011–2019)", and IMDb's note of the work's kind after the year: "(1966) (TV Series)", "(2004) (V)",
# or, since about 2015, beside it: "(2016 TV Movie)", "(2022 TV Special)".
_KINDS = r"TV(?: Series| Mini[- ]Series| Movie| Episode| Special| Short)?|V|Video(?: Game)?|Short"
# Of a list's names, as many as this at most carry a mark of their own (a namesake's year, a slash), in a list this long.
_FEW_MARKED, _MIN_NAMES_MARKED = 0.2, 10
_YEARS = re.compile(
    r"\s*[(\[]\s*(?P<y>1[89]\d\d|20\d\d)(?:\s*[-–—/]\s*(?P<end>1[89]\d\d|20\d\d)?)?"
    rf"(?:\s+(?:{_KINDS}))?\s*[)\]](?:\s*\((?:{_KINDS})\))?\s*$"
)
# The year in brackets, then a network, distributor or director after it: "Succession (2018) (HBO)", "Heat (1995) –
# Warner Bros.", "Heat (1995), Michael Mann" (no more than a few words: not a sentence), or a score: "Shōgun (2024)
# 99%", "Heat (1995) 8.3/10".
_YEAR_THEN_NOTE = re.compile(
    r"\s*\(\s*(?P<y>1[89]\d\d|20\d\d)\s*\)\s*"
    r"(?:\([^()]{1,40}\)|[-–—,|/·•]\s*[^()\s][^()]{0,39}?|\d{1,3}(?:[.,]\d{1,2})?\s*(?:%|/\s*(?:5|10|100)))\s*$"
)
# A director's credit closing the name, alone or in brackets: "Scream 4 Dir. Wes Craven", "Heat, directed by Michael
# Mann", "Cléo de 5 à 7 (réal. Agnès Varda)"; a few words with no digit or bracket (a credit inside the facts'
# brackets, "(2016, dir. J.A. Boyana)", is theirs to read).
_CREDIT = r"(?i:dir\.|directed\s+by|r[ée]al\.|r[ée]alis[ée]\s+par|regie:?|regia\s+di|dirigid[ao]\s+por|реж\.)"
_DIRECTOR_AFTER = re.compile(
    rf"(?<=\S)(?:\s*\(\s*{_CREDIT}\s*[^()\d]{{2,50}}\)|\s*[,;:–—-]?\s+{_CREDIT}\s*[^()\d]{{2,50}})$"
)
# The facts a critics' list puts in brackets after the name, the year among them: "(Bong Joon-ho, 2019)", "(dir.
# Agnès Varda, France, 1962)", "(2019, Bong Joon-ho)".
_FACTS_IN_BRACKETS = re.compile(
    r"\s*\((?:[^()\d]{1,60}?[,;]\s*)+(?P<y>1[89]\d\d|20\d\d)\s*\)\s*$"
    r"|\s*\((?P<first>1[89]\d\d|20\d\d)(?:[,;]\s*[^()\d]{1,60}?)+\)\s*$"
)
# A name, then a comma and two to four words of a person's name (see _credits_after_names)
_PERSON_AFTER = re.compile(r"^(?P<name>.*[^\s,]),\s+(?P<who>[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){1,3})$")
# A name, then a comma and a figure: a chart's facts after most names ("Logan (Fox), 4,071 theaters (0)/ $10.4M
# Fri.": see EntryBuilder.build).
_FIGURES_AFTER = re.compile(r"^(?P<name>.*?[^\d\s]),\s+(?=[$€£]?\d)")
# A name, its year in brackets and its maker after "by" ("Arrival (2016) by Denis Villeneuve", "Le Mépris (1963) de
# Jean-Luc Godard"): _YEAR_THEN_NOTE's kind of note, read only on the list chosen (see EntryBuilder.build). clean_title
# never gives such a name a year (nothing closes it but the maker's words), so _year_apart's "no year yet" holds.
_YEAR_BY = re.compile(r"^(?P<name>.*\S)\s*\((?P<y>1[89]\d\d|20\d\d)\)\s+(?:by|de|di|von|par|por)\s+[^()\d]{2,50}$")
# A note in brackets closing a name: "The Bear (FX)", "Mank (12A)" (see _notes_after_names).
_NOTE_AFTER = re.compile(r"^(?P<name>.*[^\s(])\s*\([^()]{1,40}\)$")
# A year after a name and a comma, a dash or a space: "Parasite, 2019", "Parasite – 2019", a poster's alt "Aliens
# 1986" (but "Nico, 1988" and "Blade Runner 2049" are films' names: only where most of a list's names end so).
_YEAR_AFTER = re.compile(r"^(?P<name>.+?)\s*(?:,|\s[-–—|/·•]|(?=\s))\s*(?P<y>1[89]\d\d|20\d\d)$")
_RUNTIME_AFTER = re.compile(r"\s+\d{1,2}\s?h(?:rs?|ours?)?\.?\s*\d{1,2}\s?m(?:in(?:ute)?s?)?\.?$", re.I)
_DISAMBIGUATION = re.compile(r"\s*\((?=[IVX]+\))I{0,3}V?I{0,3}X?\)\s*$")
# A spaced dash between a name and what the list says of it ("10. Caught by the Tides — a crime epic that still holds
# up today"): the first clause after it is a sentence, not a subtitle ("– A New Hope", "– Part 2", "– Cultural
# Learnings of America for Make Benefit Glorious Nation of Kazakhstan": few words, or most of them capitalised).
_SPACED_DASH = re.compile(r"\s+[—–-]\s+")
_CLAUSE_END = re.compile(r"[,;:]")
_BLURB_WORDS = 7  # words in the clause after a name's dash that make it a sentence about the film
# A name's last period is its own after an initial or a common abbreviation ("Umberto D.", "To Live and Die in L.A.",
# "Mulholland Dr.", "Monsters, Inc.") and in an ellipsis ("28 Days Later...", "Мужики!.."); elsewhere it may end the
# line's sentence, and goes.
_OWN_PERIOD = re.compile(
    r"(?:(?<![^\W\d_])[^\W\d_]|\b(?:Jr|Sr|Dr|Mr|Mrs|Ms|St|Blvd|Inc|Ext|Co|Bros|Vol|Pt|Ltd|Ave|vs)|[.!?]\.)\.$"
)
_PRICE = re.compile(r"\s+(?:for|at)\s+[$€£]\s?[\d.,]+\s*$|\s*\([$€£]\s?[\d.,]+\)\s*$", re.I)
# A quoted name followed by a note in brackets or after a dash or comma ("“Rez Infinite” ($30)", "«Брат» (1997)", a
# schedule's "„Зелена карта” – романтична комедия"); the closing quote is no apostrophe ("Don’t").
_QUOTED = re.compile(r"^[\"“‘«„]\s*(?P<inner>.+?)\s*[\"”’»“]\s*(?:\([^()]*\)|[–—-]\s.+|,\s.+)?$")
_ATTRIBUTE = re.compile(r"^(?P<label>[A-Z][\w'’/&-]*(?: [\w'’/&-]+){0,3})\s*:\s+(?P<value>\S.{0,160})$")
_NOTE = re.compile(r"^(?:side note|editor['’]s note|note|update|p\.s\.)\s*:", re.I)
# "Related: <a>The best serial killer films</a>": the site pointing at its other pages, not the entry's text.
_CROSS_LINK = re.compile(r"^(?:related|see also|read also|also read|read more|more on this|recommended)\s*:", re.I)
_SEPARATORS = re.compile(r"^[\s|/•·,–—-]*$")
_LEADING_SEPARATORS = re.compile(r"^[\s.:;,|–—-]+")
# "3. (tie) The Conversation": the printed rank says the tie; the marker is no part of the name.
# What a name carries after it that is no part of it: footnote calls ("[1]", "[a]", "[note 3]") and the marks a
# table's legend explains ("‡" the winner, "†" posthumous, "*" a tie), as wikis and award tables print them.
# and the emoji a site decorates a name with ("The English Game ⚽", "Wednesday 🖤")
_MARKS = re.compile(rf"(?:\s*(?:{FOOTNOTE_CALL}|[†‡§¶*]+|[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]+))+$", re.I)
# a footnote's mark may follow the year: "04. Juni 1979[4]"
_FACT_YEAR = re.compile(r"(?:^|[\s(\[/|·•,–—-])(1[89]\d\d|20\d\d)(?=$|[\s)\[\]/|·•,.–—-])")
_MAX_FACT_LINE = 60
# A whole date after a name, year first, and what follows it: a diary's or a log's day of watching ("惊天魔盗团
# 2013/10/25 19:00-21:00 7分"), no part of the name, nor its year a release's; a date with dots may be a name's
# ("Ageha ga Tonda: 1945.3.10 Tokyodai Kuushuu")
_DATE_AFTER = re.compile(r"\s+(?:1[89]|20)\d\d([/-])\d{1,2}\1\d{1,2}(?!\d).*$", re.S)
# and the score a diary or a log gives after a name ("冰雪奇缘 8.5分", "Heat 9/10", "Scream, 2022 - ★★½"; a half
# alone is a name's end: "8½")
_RATING_AFTER = re.compile(
    r"\s+\d{1,2}(?:\.\d)?\s*(?:分|/\s?(?:10|5|100))$|(?:\s*[-–—:|]\s*|\s+)[(\[]?[★☆✩✪✫✬✭✮✯⭐]+\s?½?[)\]]?$"
)
# A date with its time of day is an event's (a rating's, a screening's, an airing's, a post's): its year is not the
# film's, as a release date's is.
_EVENT = re.compile(r"\b(?:[01]?\d|2[0-3])[:h][0-5]\d\b")
_FACT_LINES = 3  # the lines under an entry's name that hold its facts, where a list gives them
# a field's label before the name, as hand-made pages print a film's facts ("Title: Driving miss Daisy", "片名：霸王别姬")
_TITLE_LABEL = re.compile(
    r"^(?:title|titel|t[íi]tulo|titre|titolo|tytu[łl]|название|片名|标题|標題|タイトル|제목)\s*[:：]\s*(?=\S)", re.I
)
_FULL_WIDTH_NOTE = re.compile(r"\s*（([^（）]{0,50}(?:1[89]|20)\d\d[^（）]{0,10})）$")  # with a year in it
_TIE = re.compile(r"^[(\[]\s*(?:tie|tied|ex aequo)\s*[)\]]\s*|^(?:tie|tied)\s*:\s*", re.I)


@lru_cache(maxsize=8192)  # each candidate's titles are cleaned again by every test of the candidate
def clean_title(raw: str, other_titles: bool = True) -> tuple[str, int | None, int | None]:
    """ "Inside North Korea (2007)" → ("Inside North Korea", 2007, None); quotes, prices, colons dropped, and with
    ``other_titles`` the other titles after a " / "."""
    title = _DIRECTOR_AFTER.sub(
        "", _without_blurb(without_runtime(_MARKS.sub("", _TIE.sub("", _TITLE_LABEL.sub("", clean(raw))))))
    )
    title = without_rating(_DATE_AFTER.sub("", _ascii_brackets(title)))
    year = year_end = None
    match = _YEARS.search(title)
    if match:
        year = int(match.group("y"))
        year_end = int(match.group("end")) if match.group("end") else None
        title = title[: match.start()]
    elif facts := _FACTS_IN_BRACKETS.search(title) or _YEAR_THEN_NOTE.search(title):
        year = int(facts.group("y") or facts.group("first"))
        title = title[: facts.start()]
    title = _PRICE.sub("", title).rstrip(" :-–—").strip()
    title = title if _OWN_PERIOD.search(title) else title.rstrip(" :.-–—").strip()
    # "Halloween (I)": IMDb's mark between two titles of one year, no part of the name; "肖申克的救赎 / The
    # Shawshank Redemption / 月黑高飞(港)": the name, then its other titles.
    title = without_kind(_DISAMBIGUATION.sub("", title))
    title = title.split(" / ")[0] if other_titles else title
    quoted = _QUOTED.match(title)
    if quoted and len(quoted.group("inner")) < len(title) - 1:
        title = quoted.group("inner")
    return strip_quotes(title).rstrip(" :").strip(), year, year_end


def _ascii_brackets(title: str) -> str:
    """The full-width brackets closing a Chinese or Japanese name with a year in them, and the commas inside them, as
    ASCII ones, read as they are ("《站台》（2000）", "《色，戒》（李安，2007）"); the name's own commas stay ("色，戒")."""
    found = _FULL_WIDTH_NOTE.search(title)
    return f"{title[: found.start()]} ({found.group(1).replace('，', ', ')})" if found else title


def without_rating(text: str) -> str:
    """The text without the score or the stars after it ("Heat 9/10", "Primer, 2004 - ★★★★")."""
    return _RATING_AFTER.sub("", text)


def _disambiguated(
    items: list[Item], cleaned: list[tuple[str, int | None, int | None]]
) -> list[tuple[str, int | None, int | None]]:
    """The names that keep the year in brackets after them where only a few of a list's names print one: the site's
    way to tell a remake or a namesake apart ("Total Recall (1990)", "Hunter x Hunter (2011)", "The Flash (2014)"),
    part of the name, the other names printing none (a list that gives years gives them all, or most)."""
    bracketed = [
        bool(year) and _YEARS.search(clean(item.title)) is not None
        for item, (_, year, _) in zip(items, cleaned, strict=True)
    ]
    if not _few(bracketed):
        return cleaned
    return [
        (f"{title} ({year})", year, year_end) if named else (title, year, year_end)
        for (title, year, year_end), named in zip(cleaned, bracketed, strict=True)
    ]


def _few(marked: list[bool]) -> bool:
    """Some of a list's names (ten at least) are marked so, a fifth at most: a mark of those names, not the list's
    way of printing them all."""
    return len(marked) >= _MIN_NAMES_MARKED and 0 < sum(marked) <= _FEW_MARKED * len(marked)


def _without_blurb(title: str) -> str:
    """The name before a spaced dash that opens a sentence, up to the next dash (see ``_SPACED_DASH``); the title as
    it is where none does."""
    dashes = list(_SPACED_DASH.finditer(title))
    ends = [after.start() for after in dashes[1:]] + [len(title)] * bool(dashes)
    for dash, end in zip(dashes, ends, strict=True):
        # its first clause: "Манчестър Юнайтед, мач от английската Висша лига" is a match's other team, then a note
        clause = _CLAUSE_END.split(title[dash.end() : end], maxsplit=1)[0].split()
        words = [word for word in clause if word[:1].isalpha()]
        if len(clause) >= _BLURB_WORDS and share([word[:1].islower() for word in words]) > 0.5:
            return title[: dash.start()]
    return title


def _printed_so(titles: list[str], pattern: re.Pattern[str]) -> bool:
    """Most of a list's names (three at least) match ``pattern``: the list prints them so."""
    return len(titles) >= 3 and share([pattern.match(title) is not None for title in titles]) >= 0.8


def _notes_after_names(titles: list[str]) -> bool:
    """Most of a list's names end with a note in brackets (a network, a country, the original name: "The Bear (FX)",
    "Parasite (Gisaengchung)") and they stay different without it: the list prints its notes so, and a note is no
    part of the name."""
    names = [match.group("name").casefold() for title in titles if (match := _NOTE_AFTER.match(title))]
    return _printed_so(titles, _NOTE_AFTER) and len(set(names)) == len(names)


def _credits_after_names(titles: list[str]) -> bool:
    """Most of a list's names end with a person's name after a comma ("Le Kid, Charles Chaplin", "Metropolis, Fritz
    Lang": a critics' list prints each film's director so): the list prints its credits so, and a credit is no part of
    the name. Not an article a catalogue moves to the end ("Godfather, The"): one word is no person's name."""
    return _printed_so(titles, _PERSON_AFTER) and all(
        word[0].isupper() for title in titles if (match := _PERSON_AFTER.match(title)) for word in match["who"].split()
    )


def without_runtime(title: str) -> str:
    """The name without a running time glued after it ("Rurangi 1h 28Minutes": a card's link holds both); only the
    hours-and-minutes form, a film may be named by minutes ("60 Minutes")."""
    return _RUNTIME_AFTER.sub("", title)


def year_after(title: str) -> int | None:
    """The year a name ends with after a comma, a dash or a space ("Annie Hall – 1977"), which a list printing every
    name so gives its entries (see ``EntryBuilder``); alone it may be the name's own ("Nico, 1988")."""
    return int(after.group("y")) if (after := _YEAR_AFTER.match(title)) else None


def _year_apart(
    title: str, year: int | None, year_end: int | None, pattern: re.Pattern[str] = _YEAR_AFTER
) -> tuple[str, int | None, int | None]:
    """The name and the year ``pattern`` reads around it (its groups "name" and "y"), where no year is known yet."""
    if year is None and (after := pattern.match(title)):
        return after.group("name"), int(after.group("y")), year_end
    return title, year, year_end


def _without_note(title: str) -> str:
    return _before(_NOTE_AFTER, title)


def _before(pattern: re.Pattern[str], title: str) -> str:
    """The name ``pattern`` finds before what follows it, or the title as it is."""
    return match.group("name") if (match := pattern.match(title)) else title


def _fact_year(text: str) -> int | None:
    """The year in a short line of facts, a token of its own ("1994 / USA", "(1999) 189 min"), or None."""
    if len(text) > _MAX_FACT_LINE or (_EVENT.search(text) and only_a_date(text)):
        return None
    match = _FACT_YEAR.search(text)
    return int(match.group(1)) if match else None


def _printed_years(titles: list[str], rests: list[str], bodies: list[list[Line]]) -> list[int | None]:
    """Each entry's year where the list prints one in the short line of facts beside or under its name
    ("(1999) 189 мин.", "1994 / 美国 / 犯罪 剧情", "1994 2h 22m R"): where most entries have one, a list of
    facts; where few do, a year some sentence mentions, no entry's. ``rests``: each item's line after its name.
    A record that opens with other lines (its votes, a rating) holds its name among them: the facts follow it."""
    found = []
    for title, rest, body in zip(titles, rests, bodies, strict=True):
        texts = [rest] if rest else []
        named = next((n + 1 for n, line in enumerate(body[:_FACT_LINES]) if line.text == title), 0)
        texts += [line.text for line in body[named : named + _FACT_LINES]]
        found.append(next((year for text in texts if (year := _fact_year(text)) is not None), None))
    return found if share([year is not None for year in found]) >= 0.5 else [None] * len(found)


def _rest_of_line(title: str, line: Line) -> str:
    """What the item's own line says after its name ("<b>Stalker</b> (1979) – Tarkovsky's Zone")."""
    at = line.text.find(title)
    return _LEADING_SEPARATORS.sub("", line.text[at + len(title) :]) if at >= 0 else ""


def _is_link_line(line: Line, links: list[WatchLink]) -> bool:
    if not links:
        return False
    rest = line.text
    for link in links:
        rest = rest.replace(link.text, "")
    return bool(_SEPARATORS.match(rest))


class EntryBuilder:
    """Turns items (item lines in the block stream) into entries with their own text."""

    def __init__(self, page: Page, blocks: list[Block]) -> None:
        self.page = page
        self.blocks = blocks
        # Line id → its kind: cutting the last entry classifies its siblings' lines a second time.
        self._kinds: dict[int, str] = {}

    def _watch_links(self, line: Line) -> list[WatchLink]:
        found = []
        for anchor in line.links:
            url = self.page.absolute(anchor.attributes.get("href"))
            link = watch_link(url, node_text(anchor)) if url else None
            if link:
                found.append(link)
        return found

    def _title_url(self, line: Line) -> str | None:
        for anchor in line.links:
            url = self.page.absolute(anchor.attributes.get("href"))
            if url and is_title_page(url):
                return url
        return None

    def _lines_between(self, start: tuple[int, int], end: tuple[int, int]) -> list[Line]:
        (b0, l0), (b1, l1) = start, end
        lines: list[Line] = []
        for b in range(b0, min(b1, len(self.blocks) - 1) + 1):
            block_lines = self.blocks[b].lines
            first = l0 + 1 if b == b0 else 0
            last = l1 if b == b1 else len(block_lines)
            lines.extend(block_lines[first:last])
        return lines

    def _classify(self, line: Line) -> str:
        kind = self._kinds.get(id(line))
        if kind is None:
            kind = self._kinds[id(line)] = self._kind_of(line)
        return kind

    def _kind_of(self, line: Line) -> str:
        if _NOTE.match(line.text):
            return "note"
        if line.links and _CROSS_LINK.match(line.text):
            return "cross-link"
        if _is_link_line(line, self._watch_links(line)):
            return "links"
        if _ATTRIBUTE.match(line.text):
            return "attribute"
        return "blurb"

    def _last_body(self, tail: list[Line], bodies: list[list[Line]]) -> list[Line]:
        """The last entry stops where its siblings stop (after the same kind of closing line), else
        after as many lines as the longest sibling, so the article's outro is not its blurb."""
        if not bodies:
            return tail
        limit = max(len(body) for body in bodies)
        closing = {self._classify(body[-1]) for body in bodies if body}
        if len(closing) == 1 and closing != {"blurb"}:
            kind = closing.pop()
            limit = min(limit, next((n + 1 for n, line in enumerate(tail) if self._classify(line) == kind), limit))
        return tail[:limit]

    def entry_lines(self, items: list[Item]) -> list[list[Line]]:
        if any(item.block < 0 for item in items):  # names from JSON-LD: no text of their own here
            return [[] for _ in items]
        bodies = []
        for n, item in enumerate(items):
            after = items[n + 1] if n + 1 < len(items) else None
            if item.end is not None:  # a list item's or a cell's own text, and no more
                end = (item.end, 0) if after is None else min((item.end, 0), (after.block, after.line))
                bodies.append(self._lines_between((item.block, item.line), end))
            elif after is not None:
                body = self._lines_between((item.block, item.line), (after.block, after.line))
                if after.group != item.group and body and body[-1].text == after.group:
                    body.pop()  # the next group's label ("YOUNG ADULT BOOKS"), not this entry's text
                if body and RANK_BADGE.match(body[-1].text):
                    body.pop()  # the next entry's rank in a box of its own ("#4")
                bodies.append(body)
            else:
                tail = self._lines_between((item.block, item.line), (self._section_end(item.block), 0))
                bodies.append(self._last_body(tail, bodies))
        return bodies

    def _section_end(self, b: int) -> int:
        """Where the last entry's section ends: the next heading as high as its own (any heading when
        it is no heading), or the end of the article."""
        own = self.blocks[b]
        level = int(own.tag[1]) if own.tag in HEADINGS else 9
        for n in range(b + 1, len(self.blocks)):
            block = self.blocks[n]
            if (block.tag in HEADINGS and int(block.tag[1]) <= level) or block.in_article < own.in_article:
                return n
        return len(self.blocks)

    def build(self, items: list[Item]) -> tuple[RankedEntry, ...]:
        entries = []
        bodies = self.entry_lines(items)
        lines = [item_line(self.blocks, item) for item in items]
        # What each item's own line says after its name ("<b>Stalker</b> (1979) – Tarkovsky's Zone").
        rests = [_rest_of_line(item.title, line) if line else "" for item, line in zip(items, lines, strict=True)]
        printed_years = _printed_years([item.title for item in items], rests, bodies)
        # A line every entry repeats word for word ("What's Your Reaction?") is a widget's, not the text's.
        widget = set.intersection(*({line.text for line in body} for body in bodies)) if len(bodies) >= 3 else set()
        # a " / " few names print is part of their name ("Jujutsu Kaisen: Kaigyoku / Gyokusetsu"); where most print one,
        # their other titles follow it (Douban's "肖申克的救赎 / The Shawshank Redemption")
        slashed = [" / " in item.title for item in items]
        own_slash = _few(slashed)
        cleaned = [
            clean_title(item.title, other_titles=not (own_slash and slash))
            for item, slash in zip(items, slashed, strict=True)
        ]
        # a year after a comma or a dash ("Hereditary, 2018") where most names end so; "Nico, 1988" alone keeps it
        if _printed_so([title for title, year, _ in cleaned if year is None], _YEAR_AFTER):
            cleaned = [_year_apart(*parts) for parts in cleaned]
        # a chart's figures after each name ("Kong: Skull Island (20th/Leg), 3,846 theaters / $20.2M Fri."), where most
        # names carry them: then its distributor's note in brackets, below
        if _printed_so([title for title, _, _ in cleaned], _FIGURES_AFTER):
            cleaned = [(_before(_FIGURES_AFTER, title), year, year_end) for title, year, year_end in cleaned]
        # a maker after a name's year is its credit; read here, on the list chosen, not where lists are sought (an
        # essay's author is written so too, and a list of essays shorn of them read as one of films)
        cleaned = [_year_apart(*parts, _YEAR_BY) for parts in cleaned]
        if _credits_after_names([title for title, _, _ in cleaned]):
            cleaned = [(_before(_PERSON_AFTER, title), year, year_end) for title, year, year_end in cleaned]
        if _notes_after_names([title for title, _, _ in cleaned]):
            cleaned = [(_without_note(title), year, year_end) for title, year, year_end in cleaned]
        cleaned = _disambiguated(items, cleaned)
        for item, (title, year, year_end), body, own_line, rest, printed_year in zip(
            items, cleaned, bodies, lines, rests, printed_years, strict=True
        ):
            if not title:
                continue
            attributes, notes, links = [], [], []
            blurb = [rest] if rest else []
            for line in body:
                kind = self._classify(line)
                if kind == "note":
                    notes.append(line.text)
                elif kind == "links":
                    links.extend(self._watch_links(line))
                elif kind == "attribute" and (match := _ATTRIBUTE.match(line.text)):
                    attributes.append((match.group("label"), match.group("value").strip()))
                elif kind == "blurb" and line.text not in widget:
                    blurb.append(line.text)
            type_value = next((value for label, value in attributes if label.casefold() == "type"), None)
            entries.append(
                RankedEntry(
                    rank=item.rank,
                    title=title,
                    year=year or item.year or printed_year,
                    year_end=year_end,
                    type=type_value,
                    blurb="\n".join(blurb) or None,
                    links=tuple(links),
                    title_url=self._title_url(own_line) if own_line else None,
                    attributes=tuple(attributes),
                    notes=tuple(notes),
                    rank_inferred=item.rank_inferred,
                    group=item.group,
                )
            )
        return tuple(entries)
