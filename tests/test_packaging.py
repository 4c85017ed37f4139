"""A fresh install has what ``byline`` needs, and CI installs and tests exactly as the README says.

The wheel carries themes, sample articles and stylesheets; every imported package is a direct
dependency; ``.ci/run`` takes its install-and-test command from the README's Quick start."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import subprocess
import sys
import tomllib
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


def _requirement_name(requirement: str) -> str:
    return re.split(r"[\s<>=!~\[;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _imported_top_level_modules() -> set[str]:
    modules: set[str] = set()
    for path in (ROOT / "reader").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return modules - set(sys.stdlib_module_names) - {"reader", "__future__"}


@pytest.mark.skipif(not (ROOT / "pyproject.toml").exists(), reason="needs the source tree")
def test_every_imported_package_is_a_direct_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_requirement_name(r) for r in project["dependencies"]}
    # Imported only by the features of an optional extra (`byline[dask]`, `byline[parquet]`), lazily.
    declared |= {_requirement_name(r) for extra in ("dask", "parquet")
                 for r in project["optional-dependencies"][extra]}
    declared |= {"distributed"} if "dask" in declared else set()
    providers = importlib.metadata.packages_distributions()
    for module in sorted(_imported_top_level_modules()):
        distributions = {d.lower().replace("_", "-") for d in providers.get(module, [])}
        assert distributions & declared, f"reader imports {module!r} but pyproject.toml does not depend on it"
    # Imported by trafilatura's jusText at run time; an old pip skips the lxml[html_clean] extra.
    assert "lxml-html-clean" in declared


def test_html_extraction_runs_in_this_environment() -> None:
    import lxml_html_clean  # noqa: F401  (the cleaner jusText imports; a fresh install must have it)

    from reader.sources.html import extract_article

    page = "<html><body><article><p>" + "The council said the bridge would open in June. " * 5
    page += "</p></article></body></html>"
    assert "bridge" in extract_article(page, "page.html").text


def _quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section, flags=re.S)


@pytest.mark.skipif(not (ROOT / ".ci" / "run").exists(), reason="needs the source tree")
def test_ci_runs_the_readme_commands_and_nothing_else_to_install_or_test() -> None:
    install_and_open, install_and_test = _quick_start_commands()
    assert install_and_open.startswith("python3 -m venv .venv && .venv/bin/pip install ")
    assert install_and_test.endswith("pytest -q")
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    # .ci/run takes the test command out of the README and runs it as written, so the two cannot
    # drift; no other line of it may install packages, upgrade pip or run the tests.
    assert "readme_command.py test" in script and "readme_command.py open" in script
    for line in script.splitlines():
        code = line.split("#", 1)[0]
        assert not re.search(r"pip\s+install|ensurepip|pytest", code), f".ci/run: {line.strip()}"
    completed = subprocess.run(
        [sys.executable, str(ROOT / ".ci" / "readme_command.py"), "test"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert completed.stdout.strip() == install_and_test
