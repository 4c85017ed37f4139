"""``mypy reader`` is clean, so the README's test command enforces it as ``.ci/run`` does.

The settings are pyproject.toml's ``[tool.mypy]``; with its cache (``.mypy_cache/``) a run after
the first takes a few seconds.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(not (ROOT / "pyproject.toml").exists(), reason="needs the source tree")
def test_mypy_finds_no_errors_in_reader() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "mypy", "reader"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert completed.stdout.startswith("Success: no issues found")
