"""Labelled blocks: the shape every pre-2021 IMDb title layout shares.

A label node (``<h5>Genre:</h5>``, ``<h4 class="inline">Production Co:</h4>``,
``<td class="ipl-zebra-list__label">Genres</td>``) is followed, inside the same
parent, by the nodes that hold its value. A layout only names its label
selector; this module pairs each label with its value nodes and reads the value
as text (navigation removed) or as links.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from ...text import clean, text_lines
from ...vocabulary import field_of_label, href_has, label_key
from ..common import drop_see_more, is_navigation

# Classes IMDb puts on "more" / "See more »" links and their wrappers.
_NAVIGATION_CLASSES = re.compile("tn15more|see-more")
_NAVIGATION_TAGS = frozenset({"a", "span", "nobr"})
_SKIPPED_TAGS = frozenset({"script", "style", "-comment"})
# Elements that start a line of their own inside a value (one AKA, one credit per line).
_LINE_TAGS = frozenset({"li", "p", "div", "tr", "dd", "dt"})


def _is_navigation(node: LexborNode) -> bool:
    tag = node.tag
    if tag not in _NAVIGATION_TAGS:
        return False
    if _NAVIGATION_CLASSES.search(node.attributes.get("class") or ""):
        return True
    return tag != "span" and is_navigation(node.text(deep=True))


def _texts(node: LexborNode) -> Iterator[str]:
    """Text under ``node`` in document order, skipping navigation links and scripts."""
    if node.is_text_node:
        yield node.text(deep=False)
        return
    if node.tag in _SKIPPED_TAGS or _is_navigation(node):
        return
    child = node.child
    while child is not None:
        yield from _texts(child)
        child = child.next


def _left_out(node: LexborNode) -> bool:
    return node.tag in _SKIPPED_TAGS or _is_navigation(node)


@dataclass(frozen=True, slots=True)
class Block:
    """One label and the nodes that hold its value."""

    label: str
    nodes: tuple[LexborNode, ...]

    @property
    def raw_text(self) -> str:
        """Every character of the value, navigation included ("… See All (28) »")."""
        return clean(" ".join(n.text(deep=True, separator=" ") for n in self.nodes))

    @property
    def text(self) -> str:
        """The value as a reader sees it, without "See more »" links and their separators."""
        # Joined as written: the page's own whitespace separates words, so "(Bradley Cooper)" stays whole.
        parts = [text for node in self.nodes for text in _texts(node)]
        return drop_see_more(clean("".join(parts))).strip(" |»-")

    @property
    def lines(self) -> list[str]:
        """The value line by line, as the page breaks it (``<br>``, list items, rows), navigation left out."""
        lines = (drop_see_more(line).strip(" |»-") for line in text_lines(self.nodes, _LINE_TAGS, _left_out))
        return [line for line in lines if line]

    def links(self, *href_parts: str) -> list[LexborNode]:
        """The value's links whose href contains one of ``href_parts`` (all links if none), in page order."""
        found: list[LexborNode] = []
        for node in self.nodes:
            if node.is_text_node:
                continue
            # Value nodes hold a few elements: walking them costs less than setting up a CSS query.
            for link in node.traverse():
                if (
                    link.tag == "a"
                    and (not href_parts or href_has(link.attributes.get("href") or "", href_parts))
                    and not _is_navigation(link)
                ):
                    found.append(link)
        return found


def _value_nodes(label: LexborNode) -> tuple[LexborNode, ...]:
    """The siblings after ``label`` up to the next label like it (one parent may hold two blocks)."""
    tag, classes = label.tag, label.attributes.get("class")
    nodes = []
    node = label.next
    while node is not None:
        node_tag = node.tag  # each property read crosses into C: read once, compare classes only on a tag match
        if node_tag == tag and node.attributes.get("class") == classes:
            break
        if node_tag not in _SKIPPED_TAGS:
            nodes.append(node)
        node = node.next
    return tuple(nodes)


class Blocks:
    """The labelled blocks of a page by the field their label names ("Production Co:" and "Produktionsfirma:"
    are both "companies"; a label of no known field by its own key); the first block of a field wins.

    A page has three times as many labels as a layout reads, so a label is paired
    with its value nodes only when a field asks for it.
    """

    def __init__(self, labels: list[LexborNode]) -> None:
        self._labels: dict[str, LexborNode] = {}
        for label in labels:
            key = label_key(label.text(deep=True))
            key = field_of_label(key) or key
            if key and key not in self._labels:
                self._labels[key] = label
        self._blocks: dict[str, Block] = {}

    @property
    def keys(self) -> set[str]:
        """Every label the page shows, as its field name where it names one."""
        return set(self._labels)

    def get(self, key: str) -> Block | None:
        if key not in self._blocks:
            if (label := self._labels.get(key)) is None:
                return None
            self._blocks[key] = Block(key, _value_nodes(label))
        return self._blocks[key]
