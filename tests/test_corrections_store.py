"""Corrections kept with the article's notes: backward compatible files, reopening, bad entries,
two processes, an edited article (anchors moved, orphans kept), and the read-only lookup."""

from __future__ import annotations

import json
from pathlib import Path

from reader.corrections import Anchor, Correction
from reader.corrections.stored import stored_corrections
from reader.notes import STORE_SCHEMA, NoteStore, content_hash, notes_dir
from reader.sources import load_article

TEXT = (
    "The minister said the budget was balanced.\n\n"
    "“We will not raise taxes,” she told reporters.\n\n"
    "Critics said the figures did not add up.\n"
)


def write_article(path: Path, text: str = TEXT) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def speaker_correction(text: str, needle: str, speaker: str = "Anna Berg") -> Correction:
    start = text.index(needle)
    return Correction.new(
        "speaker", anchor=Anchor.from_text(text, start, start + len(needle)), speaker=speaker
    )


def test_an_old_notes_file_without_corrections_loads_and_keeps_its_highlights(tmp_path: Path) -> None:
    article = load_article(write_article(tmp_path / "a.txt"))
    file = notes_dir() / f"{content_hash(article.text)}.json"
    file.parent.mkdir(parents=True)
    start = article.text.index("the budget")
    old = {  # exactly what Byline wrote before corrections existed
        "schema": STORE_SCHEMA,
        "content_hash": content_hash(article.text),
        "path": str(tmp_path / "a.txt"),
        "paths": [str(tmp_path / "a.txt")],
        "source": str(tmp_path / "a.txt"),
        "title": None,
        "modified": "2026-01-01T00:00:00Z",
        "highlights": [
            {
                "id": "h1",
                "start": start,
                "end": start + 10,
                "exact": "the budget",
                "prefix": "",
                "suffix": "",
                "note": "check",
                "created": "2026-01-01T00:00:00Z",
                "modified": "2026-01-01T00:00:00Z",
                "orphaned": False,
            }
        ],
    }
    file.write_text(json.dumps(old), encoding="utf-8")
    store = NoteStore.open(article)
    assert store.problems == []
    assert [h.note for h in store.highlights] == ["check"] and store.corrections == []
    store.add_correction(speaker_correction(article.text, "We will not raise taxes"))
    data = json.loads(file.read_text(encoding="utf-8"))
    assert data["schema"] == STORE_SCHEMA
    assert [h["note"] for h in data["highlights"]] == ["check"]
    assert [c["speaker"] for c in data["corrections"]] == ["Anna Berg"]


def test_corrections_survive_reopening_in_order_and_removal_is_saved(tmp_path: Path) -> None:
    path = write_article(tmp_path / "a.txt")
    store = NoteStore.open(load_article(path))
    first = store.add_correction(speaker_correction(TEXT, "We will not raise taxes"))
    second = store.add_correction(Correction.new("merge_actors", actor="Berg", value="Anna Berg"))
    again = NoteStore.open(load_article(path))
    assert [c.id for c in again.corrections] == [first.id, second.id]
    assert again.corrections[0] == first
    again.remove_correction(first.id)
    assert [c.id for c in NoteStore.open(load_article(path)).corrections] == [second.id]


def test_a_bad_correction_entry_is_kept_aside_and_the_rest_load(tmp_path: Path) -> None:
    path = write_article(tmp_path / "a.txt")
    store = NoteStore.open(load_article(path))
    good = store.add_correction(speaker_correction(TEXT, "We will not raise taxes"))
    data = json.loads(store.file.read_text(encoding="utf-8"))
    data["corrections"].append({"id": "x", "kind": "explode"})
    store.file.write_text(json.dumps(data), encoding="utf-8")
    reopened = NoteStore.open(load_article(path))
    assert [c.id for c in reopened.corrections] == [good.id]
    assert any("1 bad correction entry (unknown correction kind 'explode')" in p for p in reopened.problems)
    [aside] = store.file.parent.glob("*.rejected-corrections-*")
    assert json.loads(aside.read_text(encoding="ascii")) == [{"id": "x", "kind": "explode"}]


def test_two_readers_adding_corrections_keep_both(tmp_path: Path) -> None:
    path = write_article(tmp_path / "a.txt")
    one = NoteStore.open(load_article(path))
    two = NoteStore.open(load_article(path))
    a = one.add_correction(speaker_correction(TEXT, "We will not raise taxes"))
    b = two.add_correction(Correction.new("set_role", actor="Anna Berg", value="finance minister"))
    assert {c.id for c in NoteStore.open(load_article(path)).corrections} == {a.id, b.id}
    one.remove_correction(a.id)  # a removal in one window is not undone by the other's save
    two.add_correction(Correction.new("rename_actor", actor="Berg", value="Anna Berg"))
    assert a.id not in {c.id for c in NoteStore.open(load_article(path)).corrections}


def test_an_edited_article_moves_the_anchors_and_keeps_an_orphan(tmp_path: Path) -> None:
    path = write_article(tmp_path / "a.txt")
    store = NoteStore.open(load_article(path))
    kept = store.add_correction(speaker_correction(TEXT, "We will not raise taxes"))
    lost = store.add_correction(speaker_correction(TEXT, "the figures did not add up", "Critics"))
    edited = "Updated at noon.\n\n" + TEXT.replace(
        "Critics said the figures did not add up.\n", "No comment.\n"
    )
    write_article(path, edited)
    reopened = NoteStore.open(load_article(path))
    by_id = {c.id: c for c in reopened.corrections}
    assert set(by_id) == {kept.id, lost.id}  # never dropped
    moved = by_id[kept.id].anchor
    assert moved is not None and edited[moved.start : moved.end] == "We will not raise taxes"
    assert moved.start == kept.anchor.start + len("Updated at noon.\n\n")  # type: ignore[union-attr]
    assert by_id[lost.id].orphaned and not by_id[kept.id].orphaned
    assert reopened.problems == []  # reported once, where it is applied (the reader, the commands)


def test_a_store_holding_only_corrections_is_carried_over_after_an_edit(tmp_path: Path) -> None:
    path = write_article(tmp_path / "a.txt")
    NoteStore.open(load_article(path)).add_correction(
        Correction.new("merge_actors", actor="Berg", value="Anna Berg")
    )
    write_article(path, TEXT + "\nA line added.\n")
    assert [c.kind for c in NoteStore.open(load_article(path)).corrections] == ["merge_actors"]


def test_stored_corrections_are_read_without_changing_any_file(tmp_path: Path) -> None:
    path = write_article(tmp_path / "a.txt")
    correction = NoteStore.open(load_article(path)).add_correction(
        speaker_correction(TEXT, "We will not raise taxes")
    )
    before = {f.name: f.read_bytes() for f in notes_dir().iterdir()}
    assert stored_corrections(TEXT, str(path)) == [correction]
    # edited since: found by its path, and nothing is renamed or rewritten
    assert stored_corrections(TEXT + "\nMore.\n", str(path)) == [correction]
    assert {f.name: f.read_bytes() for f in notes_dir().iterdir()} == before
    assert stored_corrections("another text", str(tmp_path / "b.txt")) == []
