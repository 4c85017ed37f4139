"""The highlight store: persistence, atomic writes, re-anchoring, orphans, corrupt files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.errors import BylineError
from reader.notes import CONTEXT_CHARS, STORE_SCHEMA, Highlight, NoteStore, anchor, content_hash, notes_dir
from reader.sources import load_article

TEXT = (
    "The minister said the plan was sound.\n"
    "Critics said the plan was reckless and the plan was late.\n"
    "Nobody else said anything.\n"
)


def write_article(path: Path, text: str = TEXT) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def span_of(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def test_a_highlight_and_its_note_survive_reopening(tmp_path: Path) -> None:
    article = load_article(write_article(tmp_path / "a.txt"))
    store = NoteStore.open(article)
    start, end = span_of(TEXT, "the plan was reckless")
    highlight = store.add(start, end)
    store.set_note(highlight.id, "Who are the critics?\nCheck the sources.")

    again = NoteStore.open(load_article(tmp_path / "a.txt"))
    assert [(h.start, h.end, h.exact, h.note) for h in again.highlights] == [
        (start, end, "the plan was reckless", "Who are the critics?\nCheck the sources.")
    ]
    assert again.problems == []
    stored = again.highlights[0]
    assert stored.prefix == TEXT[max(0, start - CONTEXT_CHARS) : start]
    assert stored.suffix == TEXT[end : end + CONTEXT_CHARS]


def test_store_file_is_keyed_by_content_hash_and_remembers_the_path(tmp_path: Path) -> None:
    path = write_article(tmp_path / "a.txt")
    store = NoteStore.open(load_article(path))
    store.add(0, 12)
    file = notes_dir() / f"{content_hash(TEXT)}.json"
    assert store.file == file
    data = json.loads(file.read_text(encoding="utf-8"))
    assert data["schema"] == STORE_SCHEMA
    assert data["path"] == str(path.resolve())
    assert data["content_hash"] == content_hash(TEXT)
    # atomic_write_text leaves no temporary files behind
    assert sorted(p.name for p in file.parent.iterdir()) == [file.name]


def test_every_change_is_on_disk_before_the_call_returns(tmp_path: Path) -> None:
    store = NoteStore.open(load_article(write_article(tmp_path / "a.txt")))

    def on_disk() -> list[dict]:
        return json.loads(store.file.read_text(encoding="utf-8"))["highlights"]

    highlight = store.add(*span_of(TEXT, "Nobody"))
    assert [h["exact"] for h in on_disk()] == ["Nobody"]
    store.set_note(highlight.id, "n")
    assert on_disk()[0]["note"] == "n"
    removed = store.remove(highlight.id)
    assert on_disk() == []
    store.restore(removed)
    assert on_disk()[0]["id"] == highlight.id and on_disk()[0]["note"] == "n"


def test_highlights_are_kept_in_text_order_and_duplicates_are_merged(tmp_path: Path) -> None:
    store = NoteStore.open(load_article(write_article(tmp_path / "a.txt")))
    late = store.add(*span_of(TEXT, "Nobody"))
    early = store.add(*span_of(TEXT, "minister"))
    assert store.add(*span_of(TEXT, "Nobody")) is late
    assert [h.id for h in store.highlights] == [early.id, late.id]
    assert store.at(span_of(TEXT, "minister")[0] + 2) is early
    assert store.at(len(TEXT) - 2) is None


def test_invalid_ranges_are_refused(tmp_path: Path) -> None:
    store = NoteStore.open(load_article(write_article(tmp_path / "a.txt")))
    for start, end in [(5, 5), (10, 3), (-1, 4), (0, len(TEXT) + 1)]:
        with pytest.raises(ValueError):
            store.add(start, end)
    assert store.highlights == []


def test_highlights_are_reanchored_when_the_article_is_edited(tmp_path: Path) -> None:
    path = write_article(tmp_path / "a.txt")
    store = NoteStore.open(load_article(path))
    # the second "the plan was" is the one we mean: context must pick it, not the first occurrence
    second = store.add(*span_of(TEXT, "the plan was", occurrence=1))
    store.set_note(second.id, "critics' view")
    nobody = store.add(*span_of(TEXT, "Nobody else"))
    old_file = store.file

    edited = "BREAKING: a new first line.\n" + TEXT.replace("Critics said", "Critics  loudly said")
    write_article(path, edited)
    reopened = NoteStore.open(load_article(path))

    assert reopened.file != old_file
    assert reopened.reanchored_from == old_file
    assert reopened.problems == []
    by_id = {h.id: h for h in reopened.highlights}
    moved = by_id[second.id]
    assert edited[moved.start : moved.end] == "the plan was"
    assert (moved.start, moved.end) == span_of(edited, "the plan was", occurrence=1)
    assert moved.note == "critics' view"
    assert edited[by_id[nobody.id].start : by_id[nobody.id].end] == "Nobody else"
    # the old store is kept as a record but not adopted twice
    assert not old_file.exists()
    assert list(old_file.parent.glob(f"{old_file.name}.superseded-*"))


def test_whitespace_changes_do_not_orphan_a_highlight() -> None:
    original = "one two three four five"
    highlight = Highlight.from_text(original, 4, 18)  # "two three four"
    rewrapped = "one two\nthree  four five"
    start, end = anchor(rewrapped, highlight) or (0, 0)
    assert rewrapped[start:end] == "two\nthree  four"


def test_unfindable_highlights_are_kept_as_orphans_and_reported(tmp_path: Path) -> None:
    path = write_article(tmp_path / "a.txt")
    store = NoteStore.open(load_article(path))
    gone = store.add(*span_of(TEXT, "Nobody else said anything"))
    store.set_note(gone.id, "keep me")
    kept = store.add(*span_of(TEXT, "minister"))

    write_article(path, TEXT.replace("Nobody else said anything.", "Everyone agreed."))
    reopened = NoteStore.open(load_article(path))
    assert [h.id for h in reopened.anchored] == [kept.id]
    assert [(h.id, h.note, h.exact) for h in reopened.orphans] == [
        (gone.id, "keep me", "Nobody else said anything")
    ]
    assert len(reopened.problems) == 1 and "1 highlight could not be found" in reopened.problems[0]
    assert reopened.at(reopened.orphans[0].start) is not reopened.orphans[0]

    # still there (and still reported) the next time
    third = NoteStore.open(load_article(path))
    assert [h.id for h in third.orphans] == [gone.id]
    assert third.problems == reopened.problems


def test_orphans_come_back_if_the_text_returns(tmp_path: Path) -> None:
    path = write_article(tmp_path / "a.txt")
    store = NoteStore.open(load_article(path))
    gone = store.add(*span_of(TEXT, "Nobody else"))
    write_article(path, TEXT.replace("Nobody else", "Somebody"))
    assert [h.id for h in NoteStore.open(load_article(path)).orphans] == [gone.id]
    write_article(path, TEXT)
    restored = NoteStore.open(load_article(path))
    assert restored.orphans == [] and [h.id for h in restored.anchored] == [gone.id]


def test_a_corrupt_store_is_moved_aside_and_reported(tmp_path: Path) -> None:
    path = write_article(tmp_path / "a.txt")
    store = NoteStore.open(load_article(path))
    store.add(0, 12)
    store.file.write_text('{"schema": "byline.notes/1", "highlights": [', encoding="utf-8")
    damaged = store.file.read_bytes()

    reopened = NoteStore.open(load_article(path))
    assert reopened.highlights == []
    assert len(reopened.problems) == 1 and "moved aside to" in reopened.problems[0]
    backups = list(store.file.parent.glob(f"{store.file.name}.corrupt-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == damaged
    assert str(backups[0]) in reopened.problems[0]

    reopened.add(0, 3)  # writing afresh never touches the backup
    assert backups[0].read_bytes() == damaged


def test_a_store_of_the_wrong_shape_counts_as_corrupt(tmp_path: Path) -> None:
    path = write_article(tmp_path / "a.txt")
    file = notes_dir() / f"{content_hash(TEXT)}.json"
    file.parent.mkdir(parents=True)
    file.write_text(json.dumps({"schema": STORE_SCHEMA, "highlights": [{"start": 1}]}), encoding="utf-8")
    reopened = NoteStore.open(load_article(path))
    assert reopened.highlights == [] and "1 bad entry" in reopened.problems[0]
    assert "kept aside in" in reopened.problems[0]


def test_an_unwritable_data_directory_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("BYLINE_HOME", str(blocker))
    store = NoteStore.open(load_article(write_article(tmp_path / "a.txt")))
    with pytest.raises(BylineError, match="cannot save highlights") as error:
        store.add(0, 3)
    assert "\n" not in str(error.value)


def test_stdin_articles_have_a_store_but_no_path() -> None:
    from reader.sources.article import Article

    store = NoteStore.open(Article(text=TEXT, source="-"))
    store.add(0, 3)
    data = json.loads(store.file.read_text(encoding="utf-8"))
    assert data["path"] is None and data["source"] == "-"
    assert [h.exact for h in NoteStore.open(Article(text=TEXT, source="-")).highlights] == ["The"]


@pytest.mark.parametrize(
    ("probe", "sentence"),
    [
        ("Smith", "Gen. J. Smith of the U.S. Army said so."),
        ("Brown", "Then Mr. Brown left!"),
        ("stage", "“At this stage, we will not talk.”"),
        ("Last", "Last line without a stop"),
        ("First", "First line."),
    ],
)
def test_sentence_span_finds_the_sentence_around_an_offset(probe: str, sentence: str) -> None:
    from reader.notes import sentence_span

    text = (
        "First line.\n  Gen. J. Smith of the U.S. Army said so. Then Mr. Brown left! "
        "“At this stage, we will not talk.” He went.\nLast line without a stop"
    )
    start, end = sentence_span(text, text.index(probe))
    assert text[start:end] == sentence


def test_two_readers_on_one_article_do_not_undo_each_other(tmp_path: Path) -> None:
    path = write_article(tmp_path / "a.txt")
    first = NoteStore.open(load_article(path))
    second = NoteStore.open(load_article(path))
    mine = first.add(*span_of(TEXT, "minister"))
    theirs = second.add(*span_of(TEXT, "Critics"))  # second never saw `mine`: it must not drop it
    first.set_note(mine.id, "from the first window")  # first never saw `theirs`
    assert {h.id for h in first.highlights} == {mine.id, theirs.id}
    second.remove(theirs.id)
    second.set_note(mine.id, "edited later in the second window")
    on_disk = NoteStore.open(load_article(path))
    assert [(h.id, h.note) for h in on_disk.highlights] == [(mine.id, "edited later in the second window")]
    first.add(*span_of(TEXT, "Nobody"))
    assert theirs.id not in {h.id for h in first.highlights}  # the removal reached the first window
    assert first.get(mine.id).note == "edited later in the second window"


def test_merge_keeps_an_edited_note_over_a_removal_and_both_of_two_edits() -> None:
    from dataclasses import replace

    from reader.notes import merge_highlights

    base = Highlight.from_text(TEXT, 0, 3, "base")
    base.modified = "2026-01-01T00:00:00Z"
    edited_there = replace(base, note="theirs", modified="2026-01-02T00:00:00Z")
    edited_here = replace(base, note="ours", modified="2026-01-03T00:00:00Z")
    b = {base.id: base}
    assert merge_highlights(b, {}, {base.id: edited_there}) == [edited_there]  # removal loses to an edit
    assert merge_highlights(b, {base.id: edited_here}, {}) == [edited_here]
    assert merge_highlights(b, {}, {base.id: replace(base)}) == []  # removal of an unchanged one
    # Both edited the note: the later one wins, and the other version is kept in it (issue 17 §5).
    both = merge_highlights(b, {base.id: edited_here}, {base.id: edited_there})
    assert [h.note for h in both] == [
        "ours\n\n--- also written meanwhile, in another Byline window ---\ntheirs"
    ]
    assert merge_highlights(b, {base.id: replace(base)}, {base.id: edited_there}) == [edited_there]


def test_a_web_page_that_changed_is_reanchored_by_its_url() -> None:
    from reader.sources.article import Article

    url = "https://example.org/news/story"
    store = NoteStore.open(Article(text=TEXT, source=url))
    kept = store.add(*span_of(TEXT, "Nobody else"))
    updated = NoteStore.open(Article(text="Update: corrected.\n" + TEXT, source=url))
    assert [h.id for h in updated.anchored] == [kept.id]
    another_page = NoteStore.open(Article(text="Nobody else came.\n", source=url + "-2"))
    assert another_page.highlights == []
