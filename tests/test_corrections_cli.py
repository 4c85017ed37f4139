"""``byline analyze`` applies the corrections stored for an article unless ``--no-corrections``;
``byline export`` shows them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.corrections import Anchor, Correction
from reader.notes import NoteStore
from reader.paths import sample_article
from reader.sources import load_article

SAMPLE = sample_article()


@pytest.fixture
def corrected_article(tmp_path: Path) -> Path:
    path = tmp_path / "kursk.txt"
    text = SAMPLE.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    store = NoteStore.open(load_article(path))
    start = text.index("“We are seeing")
    end = text.index("”", start) + 1
    store.add_correction(
        Correction.new(
            "speaker",
            anchor=Anchor.from_text(text, start, end),
            speaker="Volodymyr Zelensky",
            statement_kind="direct",
        )
    )
    store.add_correction(Correction.new("merge_actors", actor="Moscow", value="Kremlin"))
    store.add_correction(Correction.new("rename_actor", actor="Nobody Here", value="Someone"))
    return path


def _analyze(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict, str]:
    code = main(["analyze", *args])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_analyze_applies_the_stored_corrections_and_reports_the_orphan(capsys, corrected_article) -> None:
    code, data, err = _analyze(capsys, str(corrected_article))
    assert code == 0
    quote = next(s for s in data["statements"] if s["text"].startswith("“We are seeing"))
    assert (quote["speaker"], quote["corrected"], quote["how"], quote["confidence"]) == (
        "Volodymyr Zelensky",
        "speaker",
        "corrected",
        1.0,
    )
    names = [a["name"] for a in data["actors"]]
    assert "Moscow" not in names
    kremlin = next(a for a in data["actors"] if a["name"] == "Kremlin")
    assert kremlin["corrected"] == "merged Moscow" and "Moscow" in kremlin["aliases"]
    zelensky = next(a for a in data["actors"] if a["name"] == "Volodymyr Zelensky")
    assert data["statements"].index(quote) in zelensky["statements"]
    assert err.strip() == (
        f"byline: {corrected_article}: correction not applied "
        "(orphaned: Nobody Here is not an actor any more): Nobody Here renamed Someone"
    )
    assert all("corrected" not in s for s in data["statements"] if s is not quote)


def test_analyze_no_corrections_gives_the_analysis_as_computed(capsys, corrected_article) -> None:
    code, data, err = _analyze(capsys, str(corrected_article), "--no-corrections")
    assert code == 0 and err == ""
    quote = next(s for s in data["statements"] if s["text"].startswith("“We are seeing"))
    assert quote["speaker"] == "Oleksandr Syrskyi" and "corrected" not in quote
    assert "Moscow" in [a["name"] for a in data["actors"]]
    assert not any("corrected" in a for a in data["actors"])


def test_export_shows_the_corrected_analysis_and_every_correction(capsys, corrected_article) -> None:
    assert main(["export", str(corrected_article)]) == 0
    out, err = capsys.readouterr()
    assert "## Corrections of the analysis" in out
    assert "- Moscow merged into Kremlin\n" in out
    assert "- Nobody Here renamed Someone (orphaned: Nobody Here is not an actor any more)" in out
    assert "direct quote, says: “We are seeing new successes in the area,” (corrected: speaker)" in out
    assert "correction not applied (orphaned" in err
    assert main(["export", str(corrected_article), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    statuses = [(c["kind"], c["status"]) for c in data["byline"]["corrections"]]
    assert statuses == [("speaker", "applied"), ("merge_actors", "applied"), ("rename_actor", "orphaned")]
    kremlin = next(a for a in data["byline"]["actors"] if a["name"] == "Kremlin")
    assert kremlin["corrected"] == "merged Moscow"


def test_actors_counts_the_corrected_analysis_unless_no_corrections(capsys, corrected_article) -> None:
    assert main(["actors", str(corrected_article), "--format", "json", "--all"]) == 0
    data = json.loads(capsys.readouterr().out)
    names = {a["name"]: a for a in (data["actors"] if isinstance(data, dict) else data)}
    assert "Moscow" not in names
    assert names["Volodymyr Zelensky"]["statements"] == 5
    assert main(["actors", str(corrected_article), "--format", "json", "--all", "--no-corrections"]) == 0
    data = json.loads(capsys.readouterr().out)
    names = {a["name"]: a for a in (data["actors"] if isinstance(data, dict) else data)}
    assert "Moscow" in names and names["Volodymyr Zelensky"]["statements"] == 4
