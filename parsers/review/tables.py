"""Tables that list things: one row per entry under a title column, or, in comparison tables, one
column per entry beside a row labelled "Product" (as ``<table>`` or as a grid of ``<div>``s)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from selectolax.lexbor import LexborNode

from ..page import Page
from ..text import clean, find_year, node_text, to_int
from .blocks import BlockIndex
from .candidates import Candidate, Item, numbered_title, unranked
from .quality import FOOTNOTE_CALL, film_url, share, title_like

# A column's name saying it holds the entries' names: in comparison tables, any product's; in a table of rows,
# a film's or show's, in the languages lists are written in ("Name" heads tables of people as often as of films:
# such a column is taken only when its cells link film pages, as a column no header names).
_TITLE_COLUMN = re.compile(
    r"^(film|title|movie|name|series|show|album|book|game|product|model|titel|produkt|modell|nom|título)s?$", re.I
)
# A title column's header: one naming films or shows ("Film", "Series", "Фильм", "映画"), or titles of anything.
_FILM_NOUNS = (
    "film|movie|series|show|programme|program|filmtitel|película|pelicula|serie|série|serien|serial|seriál|фильм"
    "|сериал|片名|电影|電影|映画|영화"
)
_TITLE_NOUNS = (
    "title|titel|titre|título|titolo|tytuł|název|başlık|film adı|judul|tên phim|tiêu đề|cím|titlu|τίτλος|название|назва"
    "|عنوان|العنوان|ชื่อเรื่อง|作品|作品名|タイトル|제목"
)


def _column_header(nouns: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:tv[ -]?)?(?:{nouns})(?:s|e|es)?(?:\s+(?:name|title)s?)?(?:\s*\(.*\))?$", re.I)


_FILMS_COLUMN = _column_header(_FILM_NOUNS)
_FILM_TITLE_COLUMN = _column_header(f"{_FILM_NOUNS}|{_TITLE_NOUNS}")
# A number's column may say what it counts over: an episode list's "No. overall" (or "Nr. (gesamt)", "N° total"), the
# number that runs on from table to table; not "No. in season", which starts again in each.
_RANK_COLUMN = re.compile(
    r"^(#|no\.?|nr\.?|n[°º]|n\.º|rank(ing)?|pos\.?|position|place|rang|platz|puesto|posición|posto|место|排名|名次|順位|순위)"
    r"(\s*\(?(overall|in series|gesamt|ges\.|insgesamt|total|général|general|global)\)?)?$",
    re.I,
)
# A column of years, or of release dates (a film's year is its release's), in the languages lists are written in
_YEAR_COLUMN = re.compile(
    r"^(years?|released?|release (?:date|year)|year of release|jahre?|erscheinungsjahr|kinostart|année|(?:date de )?sortie"
    r"|año|(?:fecha de )?estreno|anno|anno di uscita|uscita|ano|ano de lançamento|lançamento|год|год выпуска"
    r"|rok|rok produkcji|yıl|tahun|năm|jaar|år|év|έτος|рік|سال|السنة|سنة|ปี"
    r"|年份|年|公開年|公開日?|上映(?:日期|时间|年份)?|製作年|制作年|연도|개봉(?:일|년도| 연도)?)$",
    re.I,
)
_RANK_PREFIX = re.compile(r"^\s*#?\d{1,4}")
# A rank cell's number: first in the cell, not part of an amount ("1,234") or a decimal ("8.5").
_RANK_CELL = re.compile(r"^\s*(?:#|no\.?\s*)?(\d{1,4})(?![\d,.:]\d)", re.I)
_LEADING_RANK = re.compile(r"^\s*#?\d{1,4}[.)]?\s+")
_FOOTNOTE = re.compile(rf"\s*{FOOTNOTE_CALL}$", re.I)
_HEADER_SEARCH = 5  # rows searched for the columns' names where the first row does not name them
_MAX_SPAN = 200  # a rowspan larger than any real table's group: a broken page must not grow the grid without end
_CELLS = ("th", "td")
_SPREAD = 3  # columns a row's one cell spans that make it a note or a label (see _spread)
_SECTIONS = ("thead", "tbody", "tfoot")
_MIN_ENTRIES = 3


def _rows(table: LexborNode) -> list[LexborNode]:
    """The table's own rows (in its head, bodies and foot), not those of tables nested in its cells: asking
    each table for every ``tr`` below it is quadratic on a page of nested tables."""
    rows = []
    for child in table.iter():
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in _SECTIONS:
            rows.extend(row for row in child.iter() if row.tag == "tr")
    return rows


def _header(rows: list[LexborNode]) -> int:
    """How many rows at the table's top name its columns: its ``<thead>`` rows, else its leading rows of
    ``<th>`` cells only, else its first row (many tables head their columns with plain ``<td>`` cells)."""
    head = sum(1 for row in rows if row.parent is not None and row.parent.tag == "thead")
    if head:
        return head
    for n, row in enumerate(rows):
        if any(cell.tag == "td" for cell in row.iter()):
            return n or 1
    return len(rows)


def _spans(cell: LexborNode) -> tuple[int, int]:
    """The rows and the columns a cell covers, its attributes read once (most cells have neither)."""
    attributes = cell.attributes
    return _span(attributes.get("rowspan")), _span(attributes.get("colspan"))


def _span(value: str | None) -> int:
    return min(max(to_int(value) or 1, 1), _MAX_SPAN) if value else 1


def _grid(rows: list[LexborNode]) -> list[list[LexborNode]]:
    """Each row's cells by column, a cell that spans rows or columns standing in every place it covers
    (an award table prints a year once for its five nominees; a header spans two columns)."""
    grid: list[list[LexborNode]] = []
    above: dict[int, tuple[LexborNode, int]] = {}  # column → (cell spanning down into it, rows still to cover)
    for row in rows:
        line: list[LexborNode] = []
        cells = iter(cell for cell in row.iter() if cell.tag in _CELLS)
        while True:
            while len(line) in above:
                cell, left = above.pop(len(line))
                if left > 1:
                    above[len(line)] = (cell, left - 1)
                line.append(cell)
            if (following := next(cells, None)) is None:
                break
            cell = following
            down, across = _spans(cell)
            for _ in range(across):
                if down > 1:
                    above[len(line)] = (cell, down - 1)
                line.append(cell)
        grid.append(line)
    return grid


def _cell_text(cell: LexborNode) -> str:
    """A cell's text, "" for a cell that holds a table: no label nor rank, and reading each nested table's
    text at every level would be quadratic."""
    return "" if cell.css_first("table") is not None else node_text(cell)


def _element(node: LexborNode | None, step: str) -> LexborNode | None:
    """The nearest element sibling in direction ``step`` ("prev" or "next"), skipping text."""
    while node is not None:
        node = getattr(node, step)
        if node is not None and node.tag and not node.tag.startswith("-"):
            return node
    return None


def _labels_in_first_column(rows: list[LexborNode]) -> bool:
    """Every row opens with a ``<th>`` label and holds only ``<td>``s after it: entries are columns."""
    tags = [[cell.tag for cell in row.iter() if cell.tag in _CELLS] for row in rows]
    return bool(tags) and all(len(row) > 1 and row[0] == "th" and "th" not in row[1:] for row in tags)


@dataclass(slots=True)
class _Columns:
    title: int
    rank: int | None
    year: int | None
    named: bool  # the title column is named by its header (else chosen by what its cells hold)
    films: bool  # and that header names films or shows


def _column(header: list[str], pattern: re.Pattern[str]) -> int | None:
    return next((n for n, text in enumerate(header) if pattern.match(_column_name(text))), None)


def _column_name(text: str) -> str:
    """A header cell's name without the footnote call a wiki puts after it ("Rank[a]", "Title[1]")."""
    return _FOOTNOTE.sub("", clean(text))


def _film_column(body: list[list[LexborNode]], page: Page) -> int | None:
    """With no header naming it, the column of film names is the one whose cells link a film database's
    pages and read as distinct names; the leftmost where several do."""
    width = max((len(line) for line in body), default=0)
    for n in range(width):
        cells = [line[n] for line in body if n < len(line)]
        texts = [_cell_text(cell) for cell in cells]
        linked = [_links_film(cell, page) for cell in cells]
        if share(linked) >= 0.6 and _distinct_names(texts):
            return n
    return None


def _links_film(cell: LexborNode, page: Page) -> bool:
    """The cell links a film database's page (not a wiki article: a wiki links every person and place so)."""
    return any(film_url(page.absolute(anchor.attributes.get("href")) or "", wiki=False) for anchor in cell.css("a"))


def _distinct_names(texts: list[str]) -> bool:
    """A column's cells read as names, few of them repeated."""
    return share([title_like(text) for text in texts]) >= 0.8 and len(set(texts)) >= 0.8 * len(texts)


def _name_column(body: list[list[LexborNode]]) -> int | None:
    """In a ranking whose title column no header names and no film link marks ("Ranking | Weeks in Top 10"),
    the leftmost column of distinct names (its cells may open with the rank: "01 Dynamite Kiss")."""
    width = max((len(line) for line in body), default=0)
    for n in range(width):
        # each cell without the rank it may open with: "1위", "2위" are ranks with a unit, not names
        texts = [_RANK_PREFIX.sub("", _cell_text(line[n])) for line in body if n < len(line)]
        if _distinct_names(texts):
            return n
    return None


def _rank(text: str) -> int | None:
    """The place a rank cell prints ("3", "#3", "3."), None for a cell that opens with words ("Summary of 702
    Movies", "Totals:"): a footer row's number is no rank."""
    match = _RANK_CELL.match(text)
    return int(match.group(1)) if match else None


def _counting_column(body: list[list[LexborNode]], title: int) -> int | None:
    """The column before the names that no header names as the rank's but that counts the rows 1, 2, 3…: Box
    Office Mojo heads it "TW" (this week), many tables leave it blank."""
    for n in range(title):
        ranks = [rank for line in body if n < len(line) and (rank := _rank(_cell_text(line[n]))) is not None]
        steps = [b - a == 1 for a, b in pairwise(ranks)]
        if ranks[:1] == [1] and len(ranks) >= max(_MIN_ENTRIES, 0.8 * len(body)) and share(steps) >= 0.8:
            return n
    return None


def _columns(header: list[str], body: list[list[LexborNode]], page: Page) -> _Columns | None:
    title = _column(header, _FILM_TITLE_COLUMN)
    rank = _column(header, _RANK_COLUMN)
    named = title is not None
    if title is None:
        title = _film_column(body, page)
    # the names after a named rank's column, or after one that counts the rows 1, 2, 3…: a chart whose columns no
    # header names as any pattern knows and whose links are the site's own ("TD | YD | Release")
    names = _name_column(body) if title is None else None
    if names is not None and (rank is not None or (rank := _counting_column(body, names)) is not None):
        title = names
    if title is None:
        return None
    if rank is None:  # sought only beside a column of names already found: counting rows makes no list
        rank = _counting_column(body, title)
    films = named and _FILMS_COLUMN.match(_column_name(header[title])) is not None
    return _Columns(title, rank, _column(header, _YEAR_COLUMN), named, films)


def _record_row(line: list[LexborNode], columns: _Columns, page: Page) -> bool:
    """A row of plain cells that reads as the records below it, not as the columns' names: its name cell links a
    film page, or its rank cell prints a rank (a column's name is a word)."""
    if columns.title >= len(line):
        return False
    if _links_film(line[columns.title], page):
        return True
    return columns.rank is not None and columns.rank < len(line) and _rank(_cell_text(line[columns.rank])) is not None


def _spread(row: LexborNode, cell: LexborNode) -> bool:
    """The row's one cell of its own, in the name's column, spans two more columns or more: a note on the row above
    (Wikipedia's episode summaries under each episode's row) or a label over the rows below ("Season 1"), no record."""
    if _spans(cell)[1] < _SPREAD:  # most cells: their row's cells are not walked again
        return False
    own = [child for child in row.iter() if child.tag in _CELLS]
    return len(own) == 1 and own[0].mem_id == cell.mem_id


def _without_actions(line: str, cell: LexborNode) -> str:
    """A name cell's line without the links after the name's own ("Gauze add", "Heat Trailer"): where the line is
    the texts of its first links one after another, the first is the name."""
    links = [text for anchor in cell.css("a") if (text := node_text(anchor))]
    if any(clean(" ".join(links[:n])) == line for n in range(2, len(links) + 1)):
        return links[0]
    return line


def _names_titles(line: list[LexborNode], also: tuple[re.Pattern[str], ...] = ()) -> bool:
    """The row names a title column (and, with ``also``, a column one of those patterns names)."""
    names = [_column_name(_cell_text(cell)) for cell in line]
    return any(_FILM_TITLE_COLUMN.match(name) for name in names) and (
        not also or any(pattern.match(name) for name in names for pattern in also)
    )


def _table_items(
    table: LexborNode, page: Page, index: BlockIndex
) -> tuple[tuple[str, ...], list[Item], _Columns] | None:
    """A table's header and one item per row (a title cell that spans rows counts once), or None."""
    rows = _rows(table)
    if _labels_in_first_column(rows):
        return None
    grid = _grid(rows)
    head = _header(rows)
    if not head or not _names_titles(grid[head - 1]):
        # a layout table's column names in a plain row under its banner rows ("Rank | Movie Name | Trailer"): a
        # row naming the title column and a rank or year column too (a "Series | …" row of facts names one)
        head = next(
            (
                n + 1
                for n, line in enumerate(grid[:_HEADER_SEARCH])
                if _names_titles(line, (_RANK_COLUMN, _YEAR_COLUMN))
            ),
            head,
        )
    header = [_cell_text(cell) for cell in grid[head - 1]] if head and grid[head - 1] else []
    body = grid[head:]
    columns = _columns(header, body, page)
    if columns is None:
        return None
    if head == 1 and all(cell.tag == "td" for cell in grid[0]) and _record_row(grid[0], columns, page):
        head, header, body = 0, [], grid  # the first row, taken for the columns' names, is the first record
    items: list[Item] = []
    previous: int | None = None
    titled: list[tuple[int | None, str, int, int, int | None]] = []  # rank, title, first block, last block, year
    for line, row in zip(body, rows[head:], strict=True):
        if columns.title >= len(line) or (cell := line[columns.title]).mem_id == previous or _spread(row, cell):
            continue
        previous = cell.mem_id
        b, last = index.first(cell), index.last(row)
        if b is None or last is None:
            continue
        rank = _rank(_cell_text(line[columns.rank])) if columns.rank is not None and columns.rank < len(line) else None
        year = (
            find_year(_cell_text(line[columns.year])) if columns.year is not None and columns.year < len(line) else None
        )
        title = _without_actions(index.blocks[b].lines[0].text, cell)
        if columns.rank == columns.title and rank is not None:  # "01 Dynamite Kiss": the rank opens the name's cell
            title = _LEADING_RANK.sub("", title)
        titled.append((rank, title, b, last, year))
    # "93. Spider-Man": rank and name in one cell, where every row prints its rank so ("12:01 PM" is a name).
    numbered = [numbered_title(title) if rank is None else None for rank, title, *_ in titled]
    every = bool(titled) and all(found is not None for found in numbered)
    # In a table whose rank column ranks most rows, a row it does not rank is a footer ("View Full List").
    printed_ranks = [printed for printed, *_ in titled if printed is not None]
    # A column of ranks that are no places in this list (an index sorted by name printing each title's rank on
    # the whole site: "#3895", "#6632", blank): the rows are ranked by their order.
    own_ranks = not printed_ranks or (
        len(set(printed_ranks)) >= 0.9 * len(printed_ranks)  # ties allowed
        and max(printed_ranks) - min(printed_ranks) < 2 * len(printed_ranks) + 10
    )
    ranked = columns.rank is not None and own_ranks and len(printed_ranks) >= 0.8 * len(titled)
    for (printed, text, b, last, year), found in zip(titled, numbered, strict=True):
        if ranked and printed is None:
            continue
        rank, title = found if every and found is not None else (printed if own_ranks else None, text)
        items.append(Item(rank or len(items) + 1, title, b, 0, rank is None, year=year, end=last + 1))
    return tuple(clean(text) for text in header), items, columns


def _row_tables(page: Page, index: BlockIndex) -> list[Candidate]:
    """Tables with a title column (and maybe rank and year columns): one entry per row. A page that splits
    one list into tables of one layout, one after another (a table per decade, per letter: as many columns, the
    name, rank and year in the same places, whatever each calls them) gives one candidate of them all."""
    found: list[tuple[Candidate, bool]] = []  # each with whether a header names its title column
    last_key: tuple[int, int, int | None, int | None] | None = None
    for table in page.tree.css("table"):
        read = _table_items(table, page, index)
        if read is None:
            continue
        header, items, columns = read
        key = (len(header), columns.title, columns.rank, columns.year) if header else None
        if found and key and key == last_key:
            joined = found[-1][0].items
            offset = len(joined) if unranked(items) else 0
            joined.extend(replace(item, rank=item.rank + offset) for item in items)
            continue
        last_key = key
        if items:
            found.append((Candidate("table", items, 0.75 if columns.named else 0.6, columns.films), columns.named))
    # joined tables whose title column no header names read as names as one table's must, few repeated (a show card's
    # table each, its links' labels in the names' place: "大陆", "1/1上线", "大陆" …)
    return [
        candidate
        for candidate, named in found
        if len(candidate.items) >= _MIN_ENTRIES and (named or _distinct_names([item.title for item in candidate.items]))
    ]


def _cell_item(cell: LexborNode, index: BlockIndex, rank: int) -> Item | None:
    """A comparison cell's entry: the name its one link shows (a badge like "Our pick" may precede
    it), else its first line."""
    b, last = index.first(cell), index.last(cell)
    if b is None or last is None:
        return None
    links = [text for anchor in cell.css("a") if (text := node_text(anchor))]
    title = links[0] if len(links) == 1 else index.blocks[b].lines[0].text
    return Item(rank, title, b, 0, rank_inferred=True, end=last + 1)


def _column_tables(index: BlockIndex) -> list[Candidate]:
    """Comparison tables whose entries are columns: a row opening with a "Product" label cell, its
    sibling cells the entries, and at least one more row of the same width below or above it."""
    found = []
    for block in index.blocks:
        if len(block.lines) != 1 or not _TITLE_COLUMN.match(block.text):
            continue
        row = block.node.parent
        if row is None:
            continue
        cells = [child for child in row.iter() if child.tag and not child.tag.startswith("-")]
        if (
            cells[0].mem_id != block.node.mem_id
            or len(cells) - 1 < _MIN_ENTRIES
            or len({cell.tag for cell in cells[1:]}) != 1
        ):
            continue
        siblings = [node for node in (_element(row, "prev"), _element(row, "next")) if node is not None]
        if not any(len([c for c in sibling.iter() if c.tag == cells[1].tag]) >= len(cells) - 1 for sibling in siblings):
            continue
        items = [item for rank, cell in enumerate(cells[1:], 1) if (item := _cell_item(cell, index, rank))]
        # products have names of their own; a row of the columns' labels repeats them ("Model | Key Features | Price"
        # twice: two tables side by side)
        if len(items) >= _MIN_ENTRIES and _distinct_names([item.title for item in items]):
            found.append(Candidate("table-columns", items, 0.65))
            break  # a page repeats its comparison table (desktop and mobile copies): the first is the list
    return found


def table_candidates(page: Page, index: BlockIndex) -> list[Candidate]:
    return [*_row_tables(page, index), *_column_tables(index)]
