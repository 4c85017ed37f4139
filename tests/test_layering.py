"""The layering the README promises (source -> analysis -> model -> reader), checked by import-linter.

``lint-imports`` reads the contracts in pyproject.toml; running it here makes the README's test
command enforce them, and the contracts themselves are checked so that deleting one fails too."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"

pytestmark = pytest.mark.skipif(not PYPROJECT.exists(), reason="needs the source tree")


def _lint_imports() -> str:
    beside_python = Path(sys.executable).with_name("lint-imports")
    found = beside_python if beside_python.exists() else shutil.which("lint-imports")
    if found is None:
        pytest.fail("lint-imports is not installed: install the test extra (pip install '.[test]')")
    return str(found)


def test_the_layering_contracts_are_declared() -> None:
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    forbidden = {
        tuple(contract["source_modules"]): set(contract["forbidden_modules"])
        for contract in config["contracts"]
        if contract["type"] == "forbidden"
    }
    assert forbidden[("reader.analysis",)] >= {"reader.tui", "textual", "reader.themes", "reader.theming"}
    assert forbidden[("reader.sources",)] >= {"reader.tui"}


def test_lint_imports_keeps_every_contract() -> None:
    result = subprocess.run(
        [_lint_imports(), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout
