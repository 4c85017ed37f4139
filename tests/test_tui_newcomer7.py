"""A newcomer's seventh round, at 80x24 and 120x40: the status line keeps the location whole and
cuts nothing mid-word, the actors panel's row goes when a key is about something else, statement
rows are whole too, the export dialog fits 80x24, the article keeps its width when the status line
grows, the help lists the lists' keys, and the README lists every folder the reader writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.analysis import cache as analysis_cache
from reader.notes.store import notes_dir
from reader.paths import exports_dir
from reader.tui.position import position_path
from reader.tui.reader_panel import width_path

ROOT = Path(__file__).resolve().parent.parent

#: Where each folder under ``BYLINE_HOME`` is without it (Linux), as the README names them.
HOME_FOLDERS = {"data": "~/.local/share/byline", "cache": "~/.cache/byline", "config": "~/.config/byline",
                "exports": "~/Documents/Byline"}


def quick_start() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]


# -- 7. the README lists every folder the reader writes -------------------------------------------


def test_the_quick_start_lists_every_folder_the_reader_writes(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The list left out ``positions/`` and the analysis cache; each path is taken from the code."""
    monkeypatch.setenv("BYLINE_HOME", str(tmp_path))
    written = [notes_dir(), position_path("text").parent, width_path(), analysis_cache._path("key").parent,
               exports_dir()]
    section = " ".join(quick_start().split())
    for path in written:
        top, *rest = path.relative_to(tmp_path).parts
        shown = "/".join([HOME_FOLDERS[top], *rest])
        assert re.search(re.escape(shown) + r"/?`", section), shown
    assert "`BYLINE_HOME" in section
