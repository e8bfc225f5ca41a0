"""The checks CI holds the code to, run as tests so the README's one test command covers them:
the layer boundaries (import-linter contracts in pyproject.toml), ruff (lint and format), and mypy strict."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT


def run(*command: str) -> subprocess.CompletedProcess[str]:
    # the tools of the environment running the tests, not whatever else is on PATH
    executable = shutil.which(command[0], path=str(Path(sys.executable).parent)) or shutil.which(command[0])
    if executable is None:
        pytest.fail(f"{command[0]} is not installed: pip install -e '.[test]'")
    return subprocess.run(
        [executable, *command[1:]], cwd=PROJECT, capture_output=True, check=False, text=True, timeout=600
    )


def test_layer_boundaries_hold():
    result = run("lint-imports")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_is_clean():
    result = run("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_ruff_formatted():
    result = run("ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_is_clean():
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
