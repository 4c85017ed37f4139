"""Issue 17 §5: notes are never lost (conflicts, a full disk, key bursts, renames and copies, bad entries)."""

from __future__ import annotations

import errno
import json
import shutil
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Static, TextArea
from tui_sample import record_notifications

from reader.cli import main
from reader.errors import BylineError
from reader.notes import NoteStore, content_hash, notes_dir
from reader.notes import store as store_module
from reader.sources import load_article
from reader.tui.app import BylineApp
from reader.tui.widgets.note_editor import NoteEditor

TEXT = (
    "The minister said the plan was sound and would be carried out by spring.\n"
    "Critics said the plan was reckless and the plan was late, and asked for a vote.\n"
    "Nobody else said anything at the meeting on Tuesday.\n"
)
SEPARATOR = "\n\n--- also written meanwhile, in another Byline window ---\n"


def article_file(path: Path, text: str = TEXT) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def span(needle: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


# -- two readers ----------------------------------------------------------------------------------


def test_two_editors_of_one_note_keep_both_edits(tmp_path: Path) -> None:
    path = article_file(tmp_path / "a.txt")
    first = NoteStore.open(load_article(path))
    highlight = first.add(*span("the plan was sound"))
    second = NoteStore.open(load_article(path))
    opened_in_first = first.get(highlight.id).note  # the first editor opens: ""
    second.set_note(highlight.id, "from the second window", opened_with="")
    first.set_note(highlight.id, "from the first window", opened_with=opened_in_first)
    assert first.get(highlight.id).note == f"from the first window{SEPARATOR}from the second window"
    assert first.conflicts == [highlight.id]
    on_disk = NoteStore.open(load_article(path))
    assert on_disk.get(highlight.id).note == f"from the first window{SEPARATOR}from the second window"


def test_a_note_removed_elsewhere_while_written_comes_back(tmp_path: Path) -> None:
    path = article_file(tmp_path / "a.txt")
    first = NoteStore.open(load_article(path))
    highlight = first.add(*span("the plan was sound"))
    second = NoteStore.open(load_article(path))
    second.remove(highlight.id)
    first.set_note(highlight.id, "written while it was removed", opened_with="")
    assert NoteStore.open(load_article(path)).get(highlight.id).note == "written while it was removed"


async def test_the_editor_opens_with_the_stores_version(tmp_path: Path) -> None:
    path = article_file(tmp_path / "a.txt")
    app = BylineApp(load_article(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        highlight = app.reader.notes.store.highlights[0]
        NoteStore.open(load_article(path)).set_note(highlight.id, "saved by the other window")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one("#note-text", TextArea).text == "saved by the other window"


# -- a full disk ----------------------------------------------------------------------------------


def disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(path: Path, text: str, **_options: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module, "atomic_write_text", full)


def test_a_failed_note_save_changes_nothing_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = NoteStore.open(load_article(article_file(tmp_path / "a.txt")))
    highlight = store.add(*span("the plan was sound"), note="kept")
    disk_full(monkeypatch)
    with pytest.raises(BylineError, match="No space left on device"):
        store.set_note(highlight.id, "lost?")
    assert store.get(highlight.id).note == "kept"


async def test_a_full_disk_keeps_the_editor_open_and_quitting_asks(tmp_path: Path) -> None:
    app = BylineApp(load_article(article_file(tmp_path / "a.txt")))
    notes = record_notifications(app)
    full = pytest.MonkeyPatch()  # its own, so that undoing it keeps BYLINE_HOME
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("h", "m")
        await pilot.pause()
        disk_full(full)
        await pilot.press(*"precious", "ctrl+s")
        await pilot.pause(0.2)
        editor = app.screen
        assert isinstance(editor, NoteEditor)  # still open, with the text and the error
        assert editor.query_one("#note-text", TextArea).text == "precious"
        error = str(editor.query_one("#note-error", Static).content)
        assert error.startswith("Not saved: cannot save highlights to ")
        assert error.endswith("No space left on device")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        assert "Not quitting: the note being written is not saved. Quit again to quit anyway." in notes
        full.undo()  # space again: saving now works and closes the editor
        await pilot.press("ctrl+s")
        await pilot.pause(0.2)
        assert not isinstance(app.screen, NoteEditor)
        assert app.reader.notes.store.highlights[0].note == "precious"
    assert NoteStore.open(app.reader.article).highlights[0].note == "precious"


async def test_quit_after_a_failed_save_asks_then_quits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = BylineApp(load_article(article_file(tmp_path / "a.txt")))
    notes = record_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        disk_full(monkeypatch)
        await pilot.press("h")  # the highlight is in memory, not on disk
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running
        assert ("Not quitting: some highlights or notes could not be saved. "
                "Quit again to quit anyway.") in notes
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


# -- keys in a burst --------------------------------------------------------------------------------


async def test_keys_in_a_burst_before_ctrl_s_are_all_saved(tmp_path: Path) -> None:
    app = BylineApp(load_article(article_file(tmp_path / "a.txt")))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        highlight_id = app.reader.notes.store.highlights[0].id
        for round_number in range(10):
            await pilot.press("m")
            await pilot.pause()
            assert isinstance(app.screen, NoteEditor)
            app.screen.query_one("#note-text", TextArea).text = ""
            typed = f"note {round_number}: every key typed before ctrl+s is saved"
            for character in typed:  # all queued at once, as a paste or a laggy link delivers them
                app.post_message(events.Key("space" if character == " " else character, character))
            app.post_message(events.Key("ctrl+s", None))
            for _ in range(200):
                await pilot.pause(0.02)
                if not isinstance(app.screen, NoteEditor):
                    break
            assert app.reader.notes.store.get(highlight_id).note == typed


# -- renamed, edited, copied ------------------------------------------------------------------------


def test_a_file_edited_and_renamed_in_one_step_finds_its_notes(tmp_path: Path) -> None:
    old = article_file(tmp_path / "draft.txt")
    store = NoteStore.open(load_article(old))
    first = store.add(*span("the plan was reckless"), note="check this")
    store.add(*span("carried out by spring"))
    edited = "Updated at noon.\n" + TEXT.replace("Tuesday", "Wednesday")
    new = article_file(tmp_path / "final.txt", edited)
    old.unlink()
    found = NoteStore.open(load_article(new))
    assert [h.note for h in found.anchored] == ["", "check this"]
    assert found.get(first.id).exact == "the plan was reckless"
    assert found.problems == [
        f"2 highlights found by their text in the notes of {old} (renamed or copied?); "
        "carried over, the original notes are untouched"
    ]


def test_an_identical_copy_shares_the_notes_and_the_original_keeps_them_after_an_edit(tmp_path: Path) -> None:
    original = article_file(tmp_path / "a.txt")
    NoteStore.open(load_article(original)).add(*span("the plan was sound"), note="mine")
    copy = tmp_path / "copy.txt"
    shutil.copy(original, copy)
    assert [h.note for h in NoteStore.open(load_article(copy)).highlights] == ["mine"]
    # The copy's open recorded its path; the original's path stays in the store's history.
    article_file(original, TEXT.replace("Tuesday", "Monday"))
    assert [h.note for h in NoteStore.open(load_article(original)).highlights] == ["mine"]


def test_a_different_article_quoting_the_same_words_does_not_take_the_notes(tmp_path: Path) -> None:
    NoteStore.open(load_article(article_file(tmp_path / "a.txt"))).add(*span("the plan was sound"))
    other = article_file(tmp_path / "b.txt", "Elsewhere, the plan was sound, a blogger wrote.\n")
    assert NoteStore.open(load_article(other)).highlights == []


# -- a store with bad entries -----------------------------------------------------------------------


def write_store(entries_json: str) -> Path:
    file = notes_dir() / f"{content_hash(TEXT)}.json"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text('{"schema": "byline.notes/1", "highlights": [' + entries_json + "]}", encoding="utf-8")
    return file


def good_entry(needle: str, note: str) -> str:
    start, end = span(needle)
    return json.dumps({"id": needle[:8], "start": start, "end": end, "exact": needle, "note": note})


def test_infinity_and_a_lone_surrogate_are_kept_aside_and_the_rest_loads(tmp_path: Path) -> None:
    path = article_file(tmp_path / "a.txt")
    file = write_store(", ".join([
        good_entry("the plan was sound", "good"),
        '{"id": "inf", "start": Infinity, "end": 3, "exact": "The"}',
        '{"id": "sur", "start": 0, "end": 3, "exact": "The", "note": "\\ud800"}',
    ]))
    store = NoteStore.open(load_article(path))
    assert [h.note for h in store.highlights] == ["good"]
    rejected = sorted(file.parent.glob(f"{file.name}.rejected-*"))
    assert len(rejected) == 1
    assert store.problems == [
        f"notes file {file}: 2 bad entries ('start' is not a whole number (inf)); "
        f"kept aside in {rejected[0]}; the rest loaded"
    ]
    kept = rejected[0].read_text(encoding="ascii")
    assert '"start": Infinity' in kept and '"note": "\\ud800"' in kept
    assert [h.note for h in NoteStore.open(load_article(path)).highlights] == ["good"]  # rewritten clean
    assert len(sorted(file.parent.glob(f"{file.name}.rejected-*"))) == 1


def test_an_article_with_a_bad_notes_entry_opens_and_exports(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = article_file(tmp_path / "a.txt")
    write_store(good_entry("the plan was sound", "good") + ', {"id": "x", "start": "0", "end": 3}')
    assert main(["export", str(path), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert "1 bad entry ('start' is not a whole number ('0'))" in captured.err
    assert json.loads(captured.out)["total"] == 1
