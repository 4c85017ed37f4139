"""config.yaml is validated like a theme: a bad value is one line of warning and is ignored."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from tui_sample import record_notifications, sample_analysis, sample_article, wait_until

from reader.cli import main
from reader.config import Config, config_path, load_config, save_config
from reader.tui.app import BylineApp


def write_config(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_theme_that_is_not_text_is_ignored_with_one_line() -> None:
    path = write_config("model: en_core_web_sm\ntheme: 3\n")
    config = load_config()
    assert (config.theme, config.model, config.problem) == (None, "en_core_web_sm", None)
    assert config.warnings == [f"{path}:2: theme: expected text (a name in quotes), got int 3; ignored"]


def test_a_model_that_is_not_text_is_ignored_with_one_line() -> None:
    path = write_config("theme: light\nmodel: 5\n")
    config = load_config()
    assert (config.theme, config.model) == ("light", None)
    assert config.warnings == [f"{path}:2: model: expected text (a name in quotes), got int 5; ignored"]


def test_a_bad_key_binding_is_ignored_and_the_others_kept() -> None:
    path = write_config("keymap:\n  quote.next: w\n  quote.previous: [1, 2]\n")
    config = load_config()
    assert config.keymap == {"quote.next": "w"}
    assert config.warnings == [
        f"{path}:1: keymap.quote.previous: expected text (a name in quotes), got list [1, 2]; ignored"
    ]
    write_config("keymap: 7\n")
    assert load_config().keymap == {}
    assert load_config().warnings == [
        f"{path}:1: keymap: expected a mapping of binding id to keys, got int 7; ignored"
    ]


def test_saving_keeps_ignored_values_and_unknown_keys_as_they_were() -> None:
    write_config("theme: 3\nmodel: 5\nkeymap:\n  quote.next: w\n  quote.previous: 9\nmine: yes\n")
    config = load_config()
    config.theme = "light"
    save_config(config)
    assert yaml.safe_load(config_path().read_text(encoding="utf-8")) == {
        "theme": "light",
        "model": 5,
        "keymap": {"quote.next": "w", "quote.previous": 9},
        "mine": True,
    }


def test_a_broken_file_is_still_a_problem_and_ignored_whole() -> None:
    path = write_config("theme: [unclosed\n")
    config = load_config()
    assert config.problem is not None and config.problem.startswith(f"{path}: ")
    assert config == Config(problem=config.problem)


def test_analyze_with_model_5_in_the_config_warns_once_and_works(
    nlp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_config("model: 5\n")
    article = tmp_path / "a.txt"
    article.write_text('"We will wait," the mayor said.\n', encoding="utf-8")
    assert main(["analyze", "--format", "json", "--no-cache", str(article)]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"byline: warning: {path}:1: model: expected text (a name in quotes), got int 5; ignored"
    ]
    assert '"schema": "byline.analysis/2"' in captured.out


async def test_the_reader_opens_with_theme_3_in_the_config() -> None:
    path = write_config("theme: 3\n")
    article = sample_article()
    app = BylineApp(article, analysis=sample_analysis(article))
    seen = record_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: bool(seen), what="the warning")
        assert app.reader_theme.name == "default"
    assert seen == [f"{path}:1: theme: expected text (a name in quotes), got int 3; ignored"]
