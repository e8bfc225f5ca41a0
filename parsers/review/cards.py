"""Entries drawn as repeated boxes: slides (``<figure class="slide">``), cards, item ``<section>``s.

A card is the largest element that opens with a short title line; the cards of a list are
siblings of one tag and class, each with text of its own under its title. Markup says nothing
else (the title may be a plain ``<div class="title">``), so only as many cards as the title
promises make a candidate.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from selectolax.lexbor import LexborNode

from .blocks import BlockIndex
from .candidates import Candidate, Item

_MAX_TITLE = 120
_MIN_PROSE = 40  # characters of text in a card besides its title


def _kind(node: LexborNode) -> tuple[str, str]:
    words = (node.attributes.get("class") or "").split()
    return node.tag or "", words[0] if words else ""


class _Cards:
    """Finds each short line's card, counting the kinds of each parent's children once."""

    def __init__(self, index: BlockIndex) -> None:
        self.index = index
        self._kinds: dict[int, Counter[tuple[str, str]]] = {}  # by mem_id: nodes compare by their HTML

    def _has_twin(self, node: LexborNode) -> bool:
        """Another child of its parent has its tag and first class: the node is one of a set."""
        parent = node.parent
        if parent is None:
            return False
        if parent.mem_id not in self._kinds:
            self._kinds[parent.mem_id] = Counter(_kind(child) for child in parent.iter())
        return self._kinds[parent.mem_id][_kind(node)] > 1

    def card(self, node: LexborNode, b: int) -> LexborNode:
        """The largest element whose text opens with block ``b``, stopping at one of a set (the first
        slide's title also opens the slides' container)."""
        if self.index.first(node) != b:
            return node
        while (
            node.parent is not None
            and node.parent.tag not in ("body", "html")
            and self._opens_with(node.parent, node, b)
            and not self._has_twin(node)
        ):
            node = node.parent
        return node

    def _opens_with(self, parent: LexborNode, child: LexborNode, b: int) -> bool:
        """``index.first(parent) == b`` for a ``child`` whose first block is ``b``, asking only what
        precedes the child: a climb through thousands of nested elements must not walk each one's subtree."""
        own = self.index.owned_first(parent)
        if own is not None:
            return own == b
        sibling = child.prev
        while sibling is not None:
            if self.index.first(sibling) is not None:
                return False
            sibling = sibling.prev
        return True


def _prose(card: LexborNode, b: int, index: BlockIndex) -> int:
    last = index.last(card)
    blocks = index.blocks[b + 1 : last + 1] if last is not None else []
    return sum(len(line.text) for block in blocks for line in block.lines if not line.linked)


def card_candidates(index: BlockIndex, count: int) -> list[Candidate]:
    """Each set of ``count`` sibling cards of one tag and class, each titled and with text."""
    groups: dict[tuple[int | None, str, str], list[tuple[LexborNode, int]]] = defaultdict(list)
    cards = _Cards(index)
    for b, block in enumerate(index.blocks):
        if not block.in_article or len(block.lines) != 1 or len(block.text) > _MAX_TITLE:
            continue
        card = cards.card(block.node, b)
        groups[(card.parent.mem_id if card.parent is not None else None, *_kind(card))].append((card, b))
    found = []
    for members in groups.values():
        if len(members) != count or any(_prose(card, b, index) < _MIN_PROSE for card, b in members):
            continue
        items = []
        for rank, (card, b) in enumerate(members, 1):
            last = index.last(card)
            end = last + 1 if last is not None else None
            items.append(Item(rank, index.blocks[b].lines[0].text, b, 0, rank_inferred=True, end=end))
        found.append(Candidate("cards", items, 0.55))
    return found
