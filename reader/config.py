"""The user's config file: ``<config dir>/config.yaml``.

It holds choices the reader remembers (theme, model) and the user's keymap
(binding id -> keys). A missing or unreadable file means defaults; a broken one
is reported, never fatal, and never overwritten without being moved aside.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from reader.fileio import atomic_write_text
from reader.paths import config_dir
from reader.safe_yaml import load_yaml, read_yaml_file


def config_path() -> Path:
    return config_dir() / "config.yaml"


@dataclass(slots=True)
class Config:
    theme: str | None = None
    model: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    problem: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = dict(self.extra)
        if self.theme:
            data["theme"] = self.theme
        if self.model:
            data["model"] = self.model
        if self.keymap:
            data["keymap"] = dict(self.keymap)
        return data


def load_config(path: Path | None = None) -> Config:
    """Read the config file; problems are returned in ``Config.problem``, not raised."""
    path = path or config_path()
    if not path.exists():
        return Config()
    try:
        data = load_yaml(read_yaml_file(path)) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        return Config(problem=f"{path}: {first_line}")
    if not isinstance(data, dict):
        return Config(problem=f"{path}: expected a mapping at the top level")
    keymap = data.pop("keymap", {}) or {}
    if not isinstance(keymap, dict):
        return Config(problem=f"{path}: 'keymap' must map binding ids to keys")
    return Config(
        theme=data.pop("theme", None),
        model=data.pop("model", None),
        keymap={str(k): str(v) for k, v in keymap.items()},
        extra=data,
    )


def save_config(config: Config, path: Path | None = None) -> None:
    atomic_write_text(path or config_path(), yaml.safe_dump(config.to_dict(), sort_keys=True))
