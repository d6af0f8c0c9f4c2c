"""Lint, format and types are part of the test command: `python3 -m pytest` fails with the
tools' own output when `ruff check`, `ruff format --check` or `mypy` (config in pyproject.toml)
would complain."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CODE = ["src", "tests", "scripts"]


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "--no-cache", *CODE],
        ["ruff", "format", "--check", "--no-cache", *CODE],
        ["mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_tool_reports_nothing(command):
    result = subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, (
        f"`{' '.join(command)}` melaporkan masalah:\n{result.stdout}{result.stderr}"
    )
