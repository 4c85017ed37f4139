"""Issue 17 §4: the user's files are never destroyed (reader.fileio and the export paths)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from textual.widgets import Input
from tui_sample import record_notifications

from reader.cli import main
from reader.fileio import atomic_write_text
from reader.sources import load_article
from reader.tui.app import BylineApp
from reader.tui.screens.export_dialog import ExportDialog

ARTICLE = "Kremlin rules out talks\n\nThe Kremlin said “there will be no talks,” an adviser stated.\n"


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "art.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_export_onto_the_article_itself_is_refused(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(article), "-o", str(article)]) == 2
    assert capsys.readouterr().err == (
        f"byline: {article}: is the article being exported; choose another file for the export\n"
    )
    assert article.read_text(encoding="utf-8") == ARTICLE
    # Even with --force, and through another spelling of the same file.
    link = article.parent / "link.md"
    link.symlink_to(article)
    assert main(["export", str(article), "-o", str(link), "--force"]) == 2
    assert main(["export", str(article), "-o", str(article.parent / "." / "art.txt"), "--force"]) == 2
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_an_existing_file_needs_force(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = article.parent / "notes.md"
    out.write_text("my precious notes\n", encoding="utf-8")
    assert main(["export", str(article), "-o", str(out)]) == 2
    assert capsys.readouterr().err == f"byline: {out}: already exists; use --force to overwrite it\n"
    assert out.read_text(encoding="utf-8") == "my precious notes\n"
    assert main(["export", str(article), "-o", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("---\ntitle: Kremlin rules out talks\n")


def test_dash_is_standard_output(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(article), "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("---\ntitle: Kremlin rules out talks\n")
    assert not (article.parent / "-").exists()


def test_export_modes_follow_the_umask_and_existing_files_keep_theirs(article: Path) -> None:
    old = os.umask(0o022)
    try:
        fresh = article.parent / "fresh.md"
        assert main(["export", str(article), "-o", str(fresh)]) == 0
        assert mode(fresh) == 0o644
        kept = article.parent / "kept.md"
        kept.write_text("old", encoding="utf-8")
        kept.chmod(0o640)
        assert main(["export", str(article), "-o", str(kept), "--force"]) == 0
        assert mode(kept) == 0o640
        executable = article.parent / "run.sh"
        executable.write_text("old", encoding="utf-8")
        executable.chmod(0o755)
        atomic_write_text(executable, "new")
        assert mode(executable) == 0o755 and executable.read_text(encoding="utf-8") == "new"
    finally:
        os.umask(old)


def test_a_symlink_is_followed_not_replaced(article: Path) -> None:
    target = article.parent / "real.md"
    target.write_text("old", encoding="utf-8")
    link = article.parent / "link.md"
    link.symlink_to(target)
    assert main(["export", str(article), "-o", str(link), "--force"]) == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8").startswith("---\ntitle: Kremlin rules out talks\n")


def test_devices_and_fifos_are_written_through(article: Path, tmp_path: Path) -> None:
    assert main(["export", str(article), "-o", os.devnull]) == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)  # /dev/null is still the device
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    reader_fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        assert main(["export", str(article), "-o", str(fifo)]) == 0  # no --force: not a file
        assert os.read(reader_fd, 1 << 16).decode("utf-8").startswith("---\ntitle: Kremlin rules out talks\n")
    finally:
        os.close(reader_fd)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_non_regular_file_is_never_replaced(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        with pytest.raises(OSError, match="never replaced"):
            atomic_write_text(path, "x")
        assert stat.S_ISSOCK(path.lstat().st_mode)
    finally:
        server.close()


def test_stdout_that_is_full_is_one_line(article: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "reader", "export", str(article)],
            stdout=full, stderr=subprocess.PIPE, text=True, timeout=120,
            env={**os.environ, "BYLINE_HOME": str(tmp_path / "home")},
        )
    assert result.returncode == 1
    assert result.stderr == "byline: cannot write to standard output: No space left on device\n"


async def test_export_dialog_refuses_the_article_and_asks_before_overwriting(article: Path) -> None:
    app = BylineApp(load_article(article))
    notes = record_notifications(app)
    existing = article.parent / "existing.md"
    existing.write_text("keep me", encoding="utf-8")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one("#export-path", Input).value = str(article)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert f"{article} is the article itself: choose another file for the export" in notes
        app.screen.query_one("#export-path", Input).value = str(existing)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert f"{existing} exists: press enter again to overwrite it" in notes
        assert existing.read_text(encoding="utf-8") == "keep me"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    assert article.read_text(encoding="utf-8") == ARTICLE
    assert existing.read_text(encoding="utf-8").startswith("---\ntitle: Kremlin rules out talks\n")
