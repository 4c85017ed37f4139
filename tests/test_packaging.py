"""The wheel carries what an installed ``byline`` needs: themes, sample articles, stylesheets."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(not (ROOT / "pyproject.toml").exists(), reason="needs the source tree")
def test_the_wheel_bundles_themes_samples_and_styles(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("byline-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for theme in (ROOT / "themes").glob("*.yaml"):
        assert f"reader/_bundled/themes/{theme.name}" in names
    for sample in (ROOT / "sample_articles").glob("*.txt"):
        assert f"reader/_bundled/sample_articles/{sample.name}" in names
    for stylesheet in (ROOT / "reader").rglob("*.tcss"):
        assert stylesheet.relative_to(ROOT).as_posix() in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "byline = reader.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
