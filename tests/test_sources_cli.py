"""Bad input through the real command line: one line on stderr, a non-zero exit, never a traceback.

Also standard input end to end, in a subprocess fed through a pipe as ``pbpaste | byline analyze -`` is.
"""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.errors import BylineError
from reader.sources.terminal import reconnect_stdin_to_terminal

ROOT = Path(__file__).resolve().parents[1]


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["analyze", *args])
    captured = capsys.readouterr()
    return code, captured.err


def make_bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.md"
    blank.write_text("   \n\n\t \n", encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text("All words and no quotes. " * 100, encoding="utf-8")
    page = tmp_path / "nav-only.html"
    page.write_text("<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></body></html>",
                    encoding="utf-8")
    return {
        "missing": (tmp_path / "no-such-article.txt", "no such file"),
        "pdf": (pdf, "looks like a PDF document, not a text article"),
        "png": (png, "looks like a PNG image, not a text article"),
        "empty": (empty, "is empty (nothing to read)"),
        "whitespace": (blank, "contains only whitespace (nothing to read)"),
        "too large": (
            big, "too large (2.44 KiB); the limit is 1000 bytes (set BYLINE_MAX_BYTES to raise it)"
        ),
        "no article": (page, "no article text found in this HTML page (is it an article page?)"),
    }


@pytest.mark.parametrize(
    "case", ["missing", "pdf", "png", "empty", "whitespace", "too large", "no article"]
)
def test_bad_input_is_one_line_and_a_non_zero_exit(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BYLINE_MAX_BYTES", "1000")
    path, message = make_bad_inputs(tmp_path)[case]
    code, err = run_cli(capsys, str(path))
    assert code == 2
    assert err == f"byline: {path}: {message}\n"


def test_unreadable_file_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Text.\n", encoding="utf-8")
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object):  # the tests may run as root: deny as the OS would
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    code, err = run_cli(capsys, str(path))
    assert (code, err) == (2, f"byline: {path}: permission denied (cannot read it)\n")


def byline(*args: str, stdin: bytes, env_extra: dict[str, str] | None = None, **kwargs: object):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], input=stdin, capture_output=True, cwd=ROOT, env=env,
        timeout=240, check=False, **kwargs,
    )


def test_stdin_article_is_analysed(tmp_path: Path) -> None:
    text = "Talks are off, the Kremlin said on Monday.\n“We will not talk,” Yuri Ushakov said.\n"
    result = byline("analyze", "-", "--format", "json", stdin=text.encode("utf-8"),
                    env_extra={"BYLINE_HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert data["source"] == "-"
    assert data["text"] == text
    assert [quote["speaker"] for quote in data["statements"] if quote["kind"] == "direct"] == ["Yuri Ushakov"]


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        (b"", "byline: standard input: is empty (nothing to read)\n"),
        (b"%PDF-1.5\n", "byline: standard input: looks like a PDF document, not a text article\n"),
    ],
)
def test_bad_stdin_is_one_line(tmp_path: Path, stdin: bytes, message: str) -> None:
    result = byline("analyze", "-", stdin=stdin, env_extra={"BYLINE_HOME": str(tmp_path)})
    assert result.returncode == 2
    assert result.stderr.decode() == message


def test_stdin_html_is_extracted() -> None:
    from reader.sources import load_article

    page = (ROOT / "tests" / "fixtures" / "sources" / "news-page.html").read_bytes()
    read_end, write_end = os.pipe()
    os.write(write_end, page)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as stream:
        article = load_article("-", stdin=stream)
    assert article.source == "-"
    assert article.metadata["format"] == "html"
    assert article.published == "2024-08-19"


def test_stdin_from_a_terminal_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.sources import load_article

    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    with pytest.raises(BylineError, match=r"nothing piped in \(try: pbpaste \| byline -\)"):
        load_article("-")


def test_reconnect_stdin_to_terminal_in_a_pseudo_terminal() -> None:
    """After a pipe was read, descriptor 0 is the controlling terminal again: Textual reads keys there."""
    pid, master = pty.fork()
    if pid == 0:  # the child: a session whose controlling terminal is the pty, stdin swapped for a pipe
        code = 1
        try:
            read_end, write_end = os.pipe()
            os.close(write_end)
            os.dup2(read_end, 0)
            changed = reconnect_stdin_to_terminal()
            code = 0 if changed and os.isatty(0) else 3
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    os.close(master)
    assert os.waitstatus_to_exitcode(status) == 0


def test_reconnect_without_a_terminal_is_a_one_line_error(tmp_path: Path) -> None:
    script = (
        "from reader.sources.terminal import reconnect_stdin_to_terminal\n"
        "from reader.errors import BylineError\n"
        "try:\n    reconnect_stdin_to_terminal()\nexcept BylineError as error:\n    print(error)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], input=b"", capture_output=True, cwd=ROOT,
                            start_new_session=True, timeout=60, check=False)
    assert result.stdout.decode().startswith("standard input was the article and there is no terminal")


NEWS_PAGE = ROOT / "tests" / "fixtures" / "sources" / "news-page.html"
LXML_CLEAN_ERROR = (
    "lxml.html.clean module is now a separate project lxml_html_clean.\n"
    "Install lxml[html_clean] or lxml_html_clean directly."
)


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        (
            "extractor missing",
            "cannot read HTML: import of trafilatura halted; None in sys.modules (reinstall byline)",
        ),
        ("cleaner missing", f"cannot read HTML: {LXML_CLEAN_ERROR.splitlines()[0]} (reinstall byline)"),
    ],
)
def test_a_broken_html_extractor_is_one_line(
    broken: str, expected: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if broken == "extractor missing":
        monkeypatch.setitem(sys.modules, "trafilatura", None)  # makes `import trafilatura` fail
    else:
        import trafilatura

        def cleaner_missing(*args: object, **kwargs: object) -> None:
            raise ImportError(LXML_CLEAN_ERROR)

        monkeypatch.setattr(trafilatura, "bare_extraction", cleaner_missing)
    code, err = run_cli(capsys, "--no-cache", str(NEWS_PAGE))
    assert code == 2
    assert err == f"byline: {NEWS_PAGE}: {expected}\n"
