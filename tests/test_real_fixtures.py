"""The project's own real pages (``tests/fixtures/real``): every page has its manifest row, its gold, a 40-hex
commit, and sits in the part (development or validation) the site rule gives it, decided before anyone graded it."""

from __future__ import annotations

import csv
import json
import re

import pytest

from tests.conftest import FIXTURES, split_part

REAL = FIXTURES / "real"
PAGES, GOLD = REAL / "pages", REAL / "gold"
COLUMNS = ["local_file", "source_repo", "path_in_repo", "commit", "license_of_repo", "site", "split", "kind", "notes"]
# IMDb's own pages are split by the repository that saved them (every one is imdb.com); the rest by their site.
BY_REPOSITORY = ("A_imdb_title", "B_imdb_subpages")


def _rows() -> list[dict[str, str]]:
    with (REAL / "MANIFEST.tsv").open(encoding="utf-8", newline="") as manifest:
        return list(csv.DictReader(manifest, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_the_manifest_has_its_columns() -> None:
    with (REAL / "MANIFEST.tsv").open(encoding="utf-8") as manifest:
        assert manifest.readline().rstrip("\n").split("\t") == COLUMNS


def test_every_page_has_a_manifest_row_and_gold() -> None:
    listed = {row["local_file"] for row in _rows()}
    pages = {str(path.relative_to(PAGES)) for path in PAGES.rglob("*.html")}
    assert pages - listed == set(), "pages without a manifest row"
    assert listed - pages == set(), "manifest rows without a page"
    golds = {str(path.relative_to(GOLD).with_suffix(".html")) for path in GOLD.rglob("*.json")}
    assert pages == golds


@pytest.mark.parametrize("row", _rows(), ids=lambda row: row["local_file"])
def test_each_row_names_its_source_and_its_part_by_the_rule(row: dict[str, str]) -> None:
    assert re.fullmatch(r"[0-9a-f]{40}", row["commit"])
    assert row["source_repo"].count("/") == 1 and row["license_of_repo"]
    split, folder = row["local_file"].split("/")[:2]
    key = row["source_repo"] if folder in BY_REPOSITORY else row["site"].removeprefix("www.")
    assert split == row["split"] == split_part(key)
    gold = json.loads((GOLD / row["local_file"]).with_suffix(".json").read_text(encoding="utf-8"))
    assert gold["kind"] in (
        "title",
        "review",
        "releaseinfo",
        "keywords",
        "companycredits",
        "movieconnections",
        "fullcredits",
        "plotsummary",
    )
