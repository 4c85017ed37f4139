"""Issue 17 §6: every failure of the environment or of a file's content is one line, never a traceback."""

from __future__ import annotations

import builtins
import errno
import json
import os
from pathlib import Path

import pytest
from tui_sample import sample_analysis, sample_article

from reader.analysis.cache import _path, load_cached, store, well_formed
from reader.cli import main
from reader.sources.article import Article
from reader.tui.app import BylineApp

STORY = "Kremlin rules out talks\n\nThe Kremlin said “there will be no talks,” an adviser stated.\n"


@pytest.fixture()
def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder whose entries cannot be read or even looked at (mode 000, as a normal user sees it).

    The tests run as root in CI, where mode 000 stops nothing, so the kernel's answer is simulated:
    ``stat`` and ``open`` of anything inside raise ``EACCES``.
    """
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    real_stat, real_open = os.stat, builtins.open
    prefix = str(folder) + os.sep

    def denied(path: object) -> bool:
        return isinstance(path, str | os.PathLike) and os.fspath(path).startswith(prefix)

    def stat(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if denied(path):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)

    def open_(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if denied(path):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.setattr(builtins, "open", open_)
    monkeypatch.setattr("io.open", open_)
    return folder


@pytest.mark.parametrize("command", [["analyze"], ["export"], ["analyze", "--format", "text"]])
def test_a_file_in_a_locked_folder_is_one_line(locked: Path, command: list[str],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = locked / "story.txt"
    assert main([*command[:1], str(path), *command[1:]]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"byline: {path}: ")
    assert "permission denied" in err and "Traceback" not in err


def test_an_unreadable_file_in_a_folder_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    unreadable = folder / "b.txt"
    unreadable.write_text(STORY, encoding="utf-8")
    unreadable.chmod(0)
    real_open = builtins.open

    def open_(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(path, str | os.PathLike) and os.fspath(path) == str(unreadable):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", open_)
    monkeypatch.setattr("io.open", open_)
    # A corpus run goes on past a bad input: the unreadable file is an error record, the other
    # article is analysed, and the exit status says some inputs failed.
    assert main(["analyze", str(folder), "--format", "jsonl", "--no-cache"]) == 3
    out, err = capsys.readouterr()
    records = {Path(r["source"]).name: r for r in map(json.loads, out.splitlines())}
    assert records["b.txt"]["error"] == f"{unreadable}: permission denied (cannot read it)"
    assert records["a.txt"]["schema"] == "byline.analysis/2"
    assert err.endswith("byline: 2 inputs: 1 analysed, 1 failed in " + err.split(" failed in ")[1])
    assert err.count("\n") == 1 and "Traceback" not in err


# -- the cache ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "entry",
    [
        [],
        "a string",
        42,
        None,
        {"schema": "byline.analysis/2"},
        {"schema": "byline.analysis/2", "text": 5, "source": "x"},
        {"schema": "byline.analysis/2", "text": "ab", "source": "x", "entities": "no"},
        {"schema": "byline.analysis/2", "text": "ab", "source": "x",
         "entities": [{"start": "0", "end": 1, "text": "a", "label": "X"}]},
        {"schema": "byline.analysis/2", "text": "ab", "source": "x",
         "entities": [{"start": 0, "end": 99, "text": "a", "label": "X"}]},
        {"schema": "byline.analysis/2", "text": "ab", "source": "x",
         "actors": [{"id": "a", "name": ["x"], "kind": "person"}]},
        {"schema": "byline.analysis/2", "text": "ab", "source": "x",
         "actors": [{"id": "a", "name": "x", "kind": "person", "statements": [7]}]},
        {"schema": "byline.analysis/2", "text": "ab", "source": "x",
         "statements": [{"start": 0, "end": 1, "text": "a", "kind": "direct", "parts": [[0, 1]]}]},
    ],
    ids=lambda entry: json.dumps(entry)[:40],
)
def test_a_cache_entry_of_the_wrong_shape_is_a_miss(entry: object) -> None:
    _path("k").parent.mkdir(parents=True, exist_ok=True)
    _path("k").write_text(json.dumps(entry), encoding="utf-8")
    assert load_cached("k") is None


def test_a_cache_entry_for_another_text_is_a_miss() -> None:
    analysis = sample_analysis(sample_article())
    assert well_formed(analysis)
    store("k", analysis)
    assert load_cached("k", analysis.text) is not None
    assert load_cached("k", analysis.text + "changed") is None


def test_a_corrupt_cache_entry_does_not_stop_analyze(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "story.txt"
    article.write_text(STORY, encoding="utf-8")
    assert main(["analyze", str(article)]) == 0
    first = json.loads(capsys.readouterr().out)
    for entry in _path("x").parent.glob("*.json"):
        entry.write_text("[]", encoding="utf-8")
    assert main(["analyze", str(article)]) == 0
    assert json.loads(capsys.readouterr().out) == first


async def test_a_poisoned_actor_name_from_the_cache_does_not_crash_the_reader() -> None:
    article = sample_article()
    analysis = sample_analysis(article)
    for actor in analysis.actors:
        actor.name = f"[/x]\x1b]2;pwned\x07{actor.name}"
        actor.roles = ["[b]unclosed", *actor.roles]
    assert well_formed(analysis)  # a well-typed entry: it is used, and shown as text
    app = BylineApp(article, analysis=analysis)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("a", "enter", "right", "down", "enter", "braceright")
        await pilot.pause()
        status = app.reader.status_line
        drawn = status.render().plain
        assert "[/x]␛]2;pwned␇" in drawn  # shown inert, as text: the state keeps the real name
    assert app.return_code in (None, 0)


def test_an_article_named_with_a_nul_exports(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.export import article_uri

    assert article_uri(Article("x", source="a\x00b.txt")) == "a\x00b.txt"


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["themes", "--check"],
         "byline: themes: argument --check: expected one argument (see 'byline themes --help')"),
        (["--nope"], "byline: unrecognized arguments: --nope (see 'byline --help')"),
    ],
)
def test_a_wrong_option_is_one_line_and_exit_2(argv: list[str], line: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Newcomer: 'byline themes --check' with no argument printed argparse's two-line usage block."""
    with pytest.raises(SystemExit) as raised:
        main(argv)
    assert raised.value.code == 2
    assert capsys.readouterr().err.splitlines() == [line]
