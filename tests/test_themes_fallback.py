"""A style key added later never makes an older user theme fail to load: every non-essential
style falls back along a chain to an essential one (posting's ``fill_with_defaults``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.themes import load_theme
from reader.theming.keys import REQUIRED_STYLES, STYLE_KEYS, fallback_chain, fill_with_defaults

# A theme as a user might have written it before the search, notes and actor layers existed.
OLDER_THEME = """\
name: old-paper
dark: false
primary: "#336699"
styles:
  text: "#202020"
  muted: "#555555"
  entity: "underline #303030"
  entity.PERSON: "#1a4f8a"
  entity.ORG: "#8a4f1a"
  quote.direct: "#5a3a00"
  quote.current: "bold #ffffff on #5a3a00"
  speaker: "bold #1a4f8a"
  highlight: "#000000 on #c8e6a0"
"""


def test_a_theme_missing_the_newer_keys_loads(tmp_path: Path) -> None:
    path = tmp_path / "old-paper.yaml"
    path.write_text(OLDER_THEME, encoding="utf-8")
    theme = load_theme(str(path))
    assert set(theme.styles) == set(STYLE_KEYS)
    assert theme.styles["quote.indirect"] == "#5a3a00"  # -> quote.direct
    assert theme.styles["cue"] == "#5a3a00"  # -> quote.indirect -> quote.direct
    assert theme.styles["actor.mark"] == "bold #ffffff on #5a3a00"  # -> quote.current
    assert theme.styles["search.current"] == "bold #ffffff on #5a3a00"  # -> quote.current
    assert theme.styles["search.match"] == "#000000 on #c8e6a0"  # -> highlight
    assert theme.styles["note.marker"] == "#000000 on #c8e6a0"  # -> highlight
    assert theme.styles["actor.person"] == "#1a4f8a"  # -> entity.PERSON
    assert theme.styles["actor.organisation"] == "#8a4f1a"  # -> entity.ORG
    assert theme.styles["actor.place"] == "underline #303030"  # -> entity.GPE -> entity
    assert theme.styles["date"] == "underline #303030"  # -> entity.DATE -> entity
    assert theme.styles["date.current"] == "bold #ffffff on #5a3a00"  # -> quote.current
    assert main(["themes", "--check", str(path)]) == 0


def test_only_the_essential_styles_are_required(tmp_path: Path) -> None:
    path = tmp_path / "minimal.yaml"
    path.write_text(
        'dark: true\nprimary: "#336699"\nstyles:\n  text: "#eeeeee"\n  entity: "#88ccff"\n'
        '  quote.direct: "#ffd080"\n  highlight: "#000000 on #a0e0a0"\n',
        encoding="utf-8",
    )
    theme = load_theme(str(path))
    assert theme.styles["muted"] == "#eeeeee"
    assert theme.styles["quote.current"] == "#000000 on #a0e0a0"


@pytest.mark.parametrize("key", STYLE_KEYS)
def test_every_style_falls_back_to_an_essential_one(key: str) -> None:
    chain = fallback_chain(key)
    assert chain[0] == key and chain[-1] in REQUIRED_STYLES
    assert len(set(chain)) == len(chain)  # no cycle


def test_fill_with_defaults_names_a_missing_essential_style() -> None:
    with pytest.raises(KeyError, match="highlight"):
        fill_with_defaults({"text": "red", "entity": "red", "quote.direct": "red"})
