"""Theme loading: the contract the reader codes against, extends, overrides, and error messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style
from textual.app import App
from textual.theme import Theme

from reader.cli import main
from reader.errors import BylineError
from reader.themes import (
    BASE_COLOURS,
    ENTITY_LABELS,
    STYLE_KEYS,
    ThemeError,
    bundled_themes_dir,
    list_themes,
    load_theme,
    load_theme_or_default,
    user_themes_dir,
)

BUNDLED = ("default", "light", "high-contrast", "okabe-ito")


def write_theme(directory: Path, filename: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / filename
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_theme_is_complete_and_converts_to_textual(name: str) -> None:
    theme = load_theme(name)
    assert theme.name == name
    assert theme.source == (bundled_themes_dir() / f"{name}.yaml").resolve()
    assert theme.description
    assert set(theme.styles) == set(STYLE_KEYS)
    assert isinstance(theme.textual_theme, Theme)
    assert theme.textual_theme.name == name
    assert theme.textual_theme.dark is theme.dark
    colours = theme.textual_theme.to_color_system().generate()
    assert colours["background"].lower() == theme.textual_theme.background.lower()


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_theme_sets_every_key_itself(name: str) -> None:
    """Bundled themes are complete files (no extends), so each one documents every key."""
    import yaml

    data = yaml.safe_load((bundled_themes_dir() / f"{name}.yaml").read_text(encoding="utf-8"))
    assert "extends" not in data
    assert set(data["styles"]) == set(STYLE_KEYS)
    assert all(colour in data for colour in BASE_COLOURS)


async def test_bundled_themes_register_with_textual() -> None:
    app = App()
    async with app.run_test():
        for name in BUNDLED:
            app.register_theme(load_theme(name).textual_theme)
            app.theme = name
            assert app.current_theme.name == name
            assert app.get_css_variables()["background"].lower() == load_theme(name).textual_theme.background


def test_none_means_default() -> None:
    assert load_theme(None).name == "default"


def test_style_falls_back_to_entity_for_unknown_labels() -> None:
    theme = load_theme("default")
    assert theme.style("entity.PERSON") == Style.parse(theme.styles["entity.PERSON"])
    assert theme.style("entity.SOMETHING_NEW") == Style.parse(theme.styles["entity"])
    with pytest.raises(KeyError):
        theme.style("no.such.key")


def test_extends_inherits_and_overrides(tmp_path: Path) -> None:
    path = write_theme(tmp_path, "mine.yaml", (
        "name: mine\n"
        "extends: default\n"
        "primary: '#ff0000'\n"
        "styles:\n"
        "  quote.direct: 'bold #ffeeaa'\n"
        "  entity.PERSON: 'underline #aaddff'\n"
    ))
    mine, default = load_theme(str(path)), load_theme("default")
    assert mine.name == "mine"
    assert mine.dark is True and mine.description == default.description
    assert mine.styles["quote.direct"] == "bold #ffeeaa"
    assert mine.styles["entity.PERSON"] == "underline #aaddff"
    assert mine.textual_theme.primary == "#ff0000"
    assert mine.textual_theme.background == default.textual_theme.background
    unchanged = set(STYLE_KEYS) - {"quote.direct", "entity.PERSON"}
    assert {k: mine.styles[k] for k in unchanged} == {k: default.styles[k] for k in unchanged}


def test_extends_chain_takes_the_nearest_value(tmp_path: Path) -> None:
    middle = "extends: light\nstyles:\n  cue: 'bold #111111'\n  muted: '#222222'\n"
    write_theme(tmp_path, "middle.yaml", middle)
    top = write_theme(tmp_path, "top.yaml", "extends: middle.yaml\nstyles:\n  cue: 'italic #333333'\n")
    theme = load_theme(str(top))
    assert theme.name == "top"
    assert theme.dark is False
    assert theme.styles["cue"] == "italic #333333"
    assert theme.styles["muted"] == "#222222"
    assert theme.styles["speaker"] == load_theme("light").styles["speaker"]


def test_missing_entity_labels_fall_back_to_entity(tmp_path: Path) -> None:
    default = load_theme("default")
    lines = [f"  {key}: '{value}'" for key, value in default.styles.items() if not key.startswith("entity.")]
    path = write_theme(tmp_path, "bare.yaml", "dark: true\nprimary: '#336699'\nstyles:\n" + "\n".join(lines))
    theme = load_theme(str(path))
    assert all(theme.styles[f"entity.{label}"] == default.styles["entity"] for label in ENTITY_LABELS)


def test_user_theme_is_found_by_name_and_overrides_a_bundled_one() -> None:
    write_theme(user_themes_dir(), "sepia.yaml", "name: sepia\nextends: light\n")
    write_theme(user_themes_dir(), "my-default.yaml", (
        "name: default\nextends: default\nstyles:\n  quote.direct: 'bold #fff0c0'\n"
    ))
    assert load_theme("sepia").styles == load_theme("light").styles
    overridden = load_theme("default")
    assert overridden.source == (user_themes_dir() / "my-default.yaml").resolve()
    assert overridden.styles["quote.direct"] == "bold #fff0c0"
    bundled_default = (bundled_themes_dir() / "default.yaml").read_text(encoding="utf-8")
    assert "bold #fff0c0" not in bundled_default
    original = load_theme(str(bundled_themes_dir() / "default.yaml"))
    assert overridden.styles["speaker"] == original.styles["speaker"]


def test_listing_shows_bundled_then_user_and_survives_a_broken_user_theme() -> None:
    write_theme(user_themes_dir(), "broken.yaml", "name: broken\nstyles: [\n")
    write_theme(user_themes_dir(), "paper.yaml", "name: paper\nextends: light\n")
    light_override = "name: light\nextends: light\nstyles:\n  cue: 'bold #000000'\n"
    write_theme(user_themes_dir(), "light.yaml", light_override)
    rows = list_themes()
    names = [row.name for row in rows]
    assert names == ["default", "high-contrast", "light", "okabe-ito", "broken", "paper"]
    by_name = {row.name: row for row in rows}
    assert by_name["broken"].error is not None and "broken.yaml:" in by_name["broken"].error
    assert by_name["broken"].dark is None
    assert by_name["paper"].dark is False and by_name["paper"].error is None
    assert by_name["light"].origin == "user"
    assert by_name["light"].overrides == bundled_themes_dir() / "light.yaml"
    assert by_name["default"].origin == "bundled"


def test_two_user_themes_with_one_name_are_reported() -> None:
    write_theme(user_themes_dir(), "a.yaml", "name: twin\nextends: default\n")
    write_theme(user_themes_dir(), "b.yaml", "name: twin\nextends: light\n")
    twins = [row for row in list_themes() if row.name == "twin"]
    assert [row.error is None for row in twins] == [True, False]
    assert "already used by" in (twins[1].error or "")
    assert load_theme("twin").dark is True


def test_unknown_theme_name_lists_what_exists() -> None:
    with pytest.raises(ThemeError, match=r"no theme named 'nope'; allowed: default, high-contrast, light"):
        load_theme("nope")


def test_theme_error_is_a_byline_error() -> None:
    assert issubclass(ThemeError, BylineError)


# Each bad-file kind: its content, and what the one-line message must say
# (the file, the key or line, and what is allowed).
BAD_FILES = {
    "unknown top-level key": (
        "name: x\nextends: default\ncolour: '#ffffff'\n",
        [":3: colour: unknown key; allowed: name, description, dark, extends, primary,"],
    ),
    "unknown style key": (
        "extends: default\nstyles:\n  quote.direct: bold\n  quotes.current: bold\n",
        [":4: styles.quotes.current: unknown style key; allowed: text, muted, entity,"],
    ),
    "unknown entity label": (
        "extends: default\nstyles:\n  entity.PERSN: bold\n",
        [":3: styles.entity.PERSN: unknown entity label; allowed labels: PERSON, ORG,"],
    ),
    "bad base colour": (
        "extends: default\nprimary: '#12345'\n",
        [":2: primary: '#12345' is not a colour; allowed: a colour such as '#e69f00'", "CSS name"],
    ),
    "bad text colour in a style": (
        "extends: default\nstyles:\n  speaker: 'bold #zzzzzz'\n",
        [":3: styles.speaker: '#zzzzzz' is not a text colour; allowed: a colour such as"],
    ),
    "bad background colour in a style": (
        "extends: default\nstyles:\n  highlight: 'black on yelow'\n",
        [":3: styles.highlight: 'yelow' is not a background colour; allowed:", "'bright_blue'"],
    ),
    "bad style word": (
        "extends: default\nstyles:\n  cue: 'itallic #ffffff'\n",
        [":3: styles.cue: 'itallic' is neither a style word nor a colour; allowed: style words (",
         "italic", "'on <colour>' for the background"],
    ),
    "style that is not text": (
        "extends: default\nstyles:\n  cue: 12\n",
        [":3: styles.cue: expected text in quotes, got int 12"],
    ),
    "unquoted hex colour read as a YAML comment": (
        "extends: default\nprimary: #e69f00\n",
        [":2: primary: empty value; allowed: a value in quotes, like '#e69f00' (an unquoted # starts"],
    ),
    "empty style": (
        "extends: default\nstyles:\n  cue:\n",
        [":3: styles.cue: empty value; allowed: a value in quotes"],
    ),
    "nested styles": (
        "extends: default\nstyles:\n  entity:\n    PERSON: red\n",
        [":3: styles.entity: expected text in quotes, got a mapping {'PERSON': 'red'}"],
    ),
    "dark that is not a boolean": (
        "extends: default\ndark: maybe\n",
        [":2: dark: expected true or false, got str 'maybe'"],
    ),
    "malformed YAML": (
        "name: x\nstyles:\n  cue: 'bold\n  speaker: bold\n",
        [":5: malformed YAML, column 1: found unexpected end of stream; allowed: a YAML mapping"],
    ),
    "not a mapping": (
        "- a\n- b\n",
        [": expected a mapping at the top level; allowed keys: name, description,"],
    ),
    "incomplete without extends": (
        "dark: true\nprimary: '#336699'\nstyles:\n  text: '#ffffff'\n",
        [": styles: missing entity, quote.direct, highlight; set the essential styles,",
         "'extends: default'"],
    ),
    "no dark without extends": (
        "primary: '#336699'\n",
        [": dark: missing; allowed: true or false, or inherit it with 'extends: default'"],
    ),
    "extends a theme that does not exist": (
        "extends: solarised\n",
        [": extends: no theme named 'solarised'; allowed: default, high-contrast, light, okabe-ito"],
    ),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_bad_theme_file_gives_a_one_line_message(kind: str, tmp_path: Path) -> None:
    text, expected = BAD_FILES[kind]
    path = write_theme(tmp_path, "bad.yaml", text)
    with pytest.raises(ThemeError) as caught:
        load_theme(str(path))
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path.resolve()))
    for fragment in expected:
        assert fragment in message, f"{fragment!r} not in {message!r}"


def test_extends_cycle_is_reported_with_the_chain(tmp_path: Path) -> None:
    write_theme(tmp_path, "a.yaml", "extends: b.yaml\n")
    write_theme(tmp_path, "b.yaml", "extends: c.yaml\n")
    write_theme(tmp_path, "c.yaml", "extends: a.yaml\n")
    with pytest.raises(ThemeError, match=r"c\.yaml: extends: cycle a\.yaml -> b\.yaml -> c\.yaml -> a\.yaml"):
        load_theme(str(tmp_path / "a.yaml"))


def test_extends_cycle_by_name_between_user_themes() -> None:
    write_theme(user_themes_dir(), "ping.yaml", "name: ping\nextends: pong\n")
    write_theme(user_themes_dir(), "pong.yaml", "name: pong\nextends: ping\n")
    with pytest.raises(ThemeError, match=r"extends: cycle ping\.yaml -> pong\.yaml -> ping\.yaml"):
        load_theme("ping")


def test_a_theme_extending_itself_is_a_cycle(tmp_path: Path) -> None:
    path = write_theme(tmp_path, "self.yaml", "name: self\nextends: self.yaml\n")
    with pytest.raises(ThemeError, match=r"extends: cycle self\.yaml -> self\.yaml"):
        load_theme(str(path))


def test_missing_theme_file(tmp_path: Path) -> None:
    with pytest.raises(ThemeError, match=r"missing\.yaml: theme file not found"):
        load_theme(str(tmp_path / "missing.yaml"))


def test_yaml_tags_are_not_executed(tmp_path: Path) -> None:
    """safe_load only: a Python tag in a theme is a YAML error, never code."""
    path = write_theme(tmp_path, "evil.yaml", "name: !!python/object/apply:os.system ['true']\n")
    with pytest.raises(ThemeError, match=r"evil\.yaml:1: malformed YAML"):
        load_theme(str(path))


def test_cli_lists_themes(capsys: pytest.CaptureFixture[str]) -> None:
    write_theme(user_themes_dir(), "broken.yaml", "styles: {cue: 'zzz'}\n")
    assert main(["themes"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["NAME", "MODE", "ORIGIN", "SOURCE"]
    assert out[1].split()[:3] == ["default", "dark", "bundled"]
    assert out[1].split()[3].endswith("default.yaml")
    assert any(line.split()[:3] == ["light", "light", "bundled"] for line in out)
    assert any(line.split()[:3] == ["broken", "broken", "user"] for line in out)
    assert any(line.startswith("  error: ") and "styles.cue: 'zzz'" in line for line in out)


def test_cli_check_accepts_a_good_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["themes", "--check", str(bundled_themes_dir() / "okabe-ito.yaml")]) == 0
    assert "ok: theme 'okabe-ito' (dark)" in capsys.readouterr().out


def test_cli_check_rejects_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_theme(tmp_path, "bad.yaml", "extends: default\nstyles:\n  cue: 'itallic'\n")
    assert main(["themes", "--check", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("byline: ") and captured.err.count("\n") == 1
    assert ":3: styles.cue: 'itallic' is neither a style word nor a colour" in captured.err


def test_cli_show_prints_a_theme_that_loads_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["themes", "--show", "light"]) == 0
    copy = write_theme(tmp_path, "copy.yaml", capsys.readouterr().out.replace("name: light", "name: copy"))
    copied, original = load_theme(str(copy)), load_theme("light")
    assert copied.styles == original.styles
    assert copied.textual_theme.background == original.textual_theme.background


def test_a_bad_theme_falls_back_to_default_with_the_reason(tmp_path: Path) -> None:
    path = write_theme(tmp_path, "bad.yaml", "extends: default\nprimary: nope\n")
    theme, problem = load_theme_or_default(str(path))
    assert theme.name == "default"
    assert problem is not None and "primary: 'nope' is not a colour" in problem
    assert load_theme_or_default("light") == (load_theme("light"), None)


def test_a_broken_user_default_falls_back_to_the_bundled_default() -> None:
    write_theme(user_themes_dir(), "default.yaml", "name: default\nstyles: {cue: 'zzz'}\n")
    theme, problem = load_theme_or_default(None)
    assert theme.source == (bundled_themes_dir() / "default.yaml").resolve()
    assert problem is not None and "styles.cue" in problem


def test_readme_examples_match_the_themes(tmp_path: Path) -> None:
    """The README's full example is the default theme, and its "write your own" theme loads."""
    import re

    import yaml

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Themes"):]
    full_example = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert full_example is not None
    default_file = (bundled_themes_dir() / "default.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(full_example.group(1)) == yaml.safe_load(default_file)
    own = re.search(r"<<'YAML'\n(.*?)YAML\n", section, re.S)
    assert own is not None
    theme = load_theme(str(write_theme(tmp_path, "dusk.yaml", own.group(1))))
    assert theme.name == "dusk" and theme.styles["quote.direct"] == "bold #ffd9a0"
