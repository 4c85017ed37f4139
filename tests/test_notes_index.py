"""The notes folder indexed once (NotesIndex): looking up the corrections of N articles reads each
notes file at most once, and a notes file that changes is read again (and only it)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from test_corrections_store import TEXT, speaker_correction, write_article
from test_library_actors import SIZE, fake_analysis, folder_of, rows, wait_until

import reader.analysis
import reader.corrections.stored as stored
from reader.analysis.model import Analysis
from reader.cli import main
from reader.corrections import Correction
from reader.corrections.stored import NotesIndex, stored_corrections, with_stored_corrections
from reader.notes import NoteStore, notes_dir
from reader.sources import discover, load_article
from reader.tui.app import BylineApp
from reader.tui.screens.library import LibraryScreen

# Articles unlike each other: the notes store takes a similar text at another path for the same
# article, edited.
ARTICLES = [
    "The minister said the budget was balanced.\n\n“We will not raise taxes,” she told reporters.\n",
    "Flooding closed the coastal road for a third day.\n\n“The water keeps rising,” a farmer said.\n",
    "A museum in Lyon returned four paintings to their owners.\n\n“Justice came late,” said the heir.\n",
    "Train drivers voted to strike over pay in March.\n\n“Our offer stands,” the operator replied.\n",
]


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each notes file is read."""
    counted: Counter[str] = Counter()
    read = stored._read

    def counting(file: Path):  # type: ignore[no-untyped-def]
        counted[file.name] += 1
        return read(file)

    monkeypatch.setattr(stored, "_read", counting)
    return counted


def _stores(tmp_path: Path, count: int) -> list[Path]:
    """``count`` articles, each with a notes file holding one correction."""
    paths = []
    for number in range(count):
        path = write_article(tmp_path / f"a{number}.txt", ARTICLES[number])
        text = load_article(path).text
        quote = text[text.index("“") + 1:text.index(",”")]
        correction = speaker_correction(text, quote, f"Speaker {number}")
        NoteStore.open(load_article(path)).add_correction(correction)
        paths.append(path)
    return paths


def test_n_articles_read_each_notes_file_at_most_once(tmp_path: Path, reads: Counter[str]) -> None:
    paths = _stores(tmp_path, 4)
    # Edited since (no store of their own text: found by path), and articles with no notes at all.
    lookups = [(load_article(p).text + f"\nEdited {n}.\n", str(p)) for n, p in enumerate(paths * 5)]
    lookups += [(f"another text {n}", str(tmp_path / f"b{n}.txt")) for n in range(20)]
    expected = [stored_corrections(text, source) for text, source in lookups]
    reads.clear()
    index = NotesIndex()
    found = [index.corrections(text, source) for text, source in lookups]
    assert found == expected
    assert [c[0].speaker for c in found[:4]] == ["Speaker 0", "Speaker 1", "Speaker 2", "Speaker 3"]
    assert len(reads) == 4 and set(reads.values()) == {1}  # 40 articles, each notes file read once
    assert index.reads == 4


def test_a_changed_notes_file_is_read_again_and_only_it(tmp_path: Path, reads: Counter[str]) -> None:
    paths = _stores(tmp_path, 3)
    index = NotesIndex()
    edited = load_article(paths[0]).text + "\nEdited.\n"
    assert [c.speaker for c in index.corrections(edited, str(paths[0]))] == ["Speaker 0"]
    reads.clear()
    NoteStore.open(load_article(paths[0])).add_correction(
        Correction.new("merge_actors", actor="Berg", value="Anna Berg"))
    reads.clear()
    assert [c.kind for c in index.corrections(edited, str(paths[0]))] == ["speaker", "merge_actors"]
    assert list(reads.values()) == [1]  # the changed file, not the two others
    for file in notes_dir().glob("*.json"):
        file.unlink()
    assert index.corrections(edited, str(paths[0])) == []


def test_an_unchanged_folder_is_not_listed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _stores(tmp_path, 2)
    index = NotesIndex()
    index.RACY_NS = -10**18  # as if the folder had last changed long before it was listed
    listed = Counter[str]()
    scandir = stored.os.scandir

    def counting(path):  # type: ignore[no-untyped-def]
        listed["scandir"] += 1
        return scandir(path)

    monkeypatch.setattr(stored.os, "scandir", counting)
    for path in paths * 3:
        assert index.corrections("edited", str(path))
    assert listed["scandir"] == 1


def test_without_a_notes_folder_nothing_is_found(tmp_path: Path) -> None:
    index = NotesIndex(tmp_path / "none")
    assert index.corrections(TEXT, str(tmp_path / "a.txt")) == []


def test_with_stored_corrections_through_the_index_applies_them(tmp_path: Path) -> None:
    (path,) = _stores(tmp_path, 1)
    text = load_article(path).text
    analysis = Analysis(text=text, source=str(path))
    by_index, report = with_stored_corrections(analysis, index=NotesIndex())
    assert report.orphaned == with_stored_corrections(analysis)[1].orphaned
    assert by_index.to_dict() == with_stored_corrections(analysis)[0].to_dict()


def test_byline_analyze_reads_each_notes_file_once(tmp_path: Path, reads: Counter[str],
                                                   monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    paths = _stores(tmp_path, 3)
    for path in paths:  # edited since the notes were made: their corrections are found by path
        path.write_text(path.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
    monkeypatch.setattr("reader.analysis.pipeline.analyze", lambda article, **_: Analysis(
        text=article.text, source=article.source))
    reads.clear()
    assert main(["analyze", *map(str, paths), "--format", "jsonl", "--any-language"]) == 0
    capsys.readouterr()
    assert len(reads) == 3 and set(reads.values()) == {1}


async def test_the_library_reads_each_notes_file_once(tmp_path: Path, reads: Counter[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader.analysis, "analyze", lambda article, **_: fake_analysis(article))
    folder = folder_of(tmp_path)
    NoteStore.open(load_article(folder / "a.txt")).add_correction(
        Correction.new("rename_actor", actor="Kremlin", value="The Kremlin press office"))
    edited = folder / "a.txt"  # found by its path
    edited.write_text(edited.read_text(encoding="utf-8") + "More.\n", encoding="utf-8")
    reads.clear()
    app = BylineApp(None, library=discover(folder), folder=folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await wait_until(pilot, lambda: screen.progress.finished)
        await pilot.press("A")
        await pilot.pause(0.3)
        assert "The Kremlin press office" in [row[0] for row in rows(screen.actors_pane.table)]
        screen.refresh_actors()
    assert len(reads) == 1 and set(reads.values()) == {1}
