"""The user's config file: ``<config dir>/config.yaml``.

It holds choices the reader remembers (theme, model) and the user's keymap
(binding id -> keys). A missing or unreadable file means defaults; a broken one
is reported, never fatal, and never overwritten without being moved aside. Each
setting is validated with pydantic (as themes are): a bad value (``theme: 3``)
is one line of warning and is ignored, and the other settings still apply.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic_core import ErrorDetails

from reader.console import warn
from reader.fileio import atomic_write_text
from reader.paths import config_dir
from reader.safe_yaml import load_yaml, read_yaml_file


def config_path() -> Path:
    return config_dir() / "config.yaml"


class ConfigFile(BaseModel):
    """The settings ``config.yaml`` may hold; any other top-level key is kept as it is.

    Strict: ``theme: 3`` is not quietly read as the theme named "3".
    """

    model_config = ConfigDict(extra="allow", strict=True)

    theme: str | None = None
    model: str | None = None
    keymap: dict[str, str] = {}


KNOWN_KEYS = tuple(ConfigFile.model_fields)

_TYPE_MESSAGES = {
    "string_type": "expected text (a name in quotes)",
    "dict_type": "expected a mapping of binding id to keys",
}


@dataclass(slots=True)
class Config:
    """What the config file says. ``problem`` is set when the file itself cannot be used (it is
    then ignored whole and never overwritten); ``warnings`` name single values that were ignored
    (each one line), whose raw values are kept in ``invalid`` and written back unchanged."""

    theme: str | None = None
    model: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    problem: str | None = None
    warnings: list[str] = field(default_factory=list)
    invalid: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = dict(self.extra)
        data.update(self.invalid)  # ignored values go back exactly as the user wrote them
        if self.theme:
            data["theme"] = self.theme
        if self.model:
            data["model"] = self.model
        ignored = self.invalid.get("keymap")
        if self.keymap:
            data["keymap"] = {**(ignored if isinstance(ignored, dict) else {}), **self.keymap}
        return data


def _describe(error: ErrorDetails) -> str:
    kind = error["type"]
    given = error["input"]
    if kind in _TYPE_MESSAGES:
        return f"{_TYPE_MESSAGES[kind]}, got {type(given).__name__} {given!r}"
    return str(error["msg"])


def _key_line(text: str, key: str) -> int | None:
    """The 1-based line of the top-level ``key`` in the YAML text."""
    try:
        document = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(document, yaml.MappingNode):
        return None
    for key_node, _ in document.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return int(key_node.start_mark.line) + 1
    return None


def _validated(data: dict[str, Any], text: str, path: Path) -> Config:
    """Validate the settings one by one: a bad value is reported in one line and ignored."""
    warnings: list[str] = []
    invalid: dict[str, Any] = {}
    data = {str(key): value for key, value in data.items()}
    keymap = data.get("keymap")
    if isinstance(keymap, dict):
        data["keymap"] = {str(key): value for key, value in keymap.items()}
    while True:
        try:
            settings = ConfigFile.model_validate(data)
            break
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            if not first["loc"]:
                return Config(problem=f"{path}: {_describe(first)}")
            key = str(first["loc"][0])
            line = _key_line(text, key)
            where = f"{path}:{line}" if line is not None else str(path)
            if key == "keymap" and len(first["loc"]) > 1:
                binding = str(first["loc"][1])
                value = data["keymap"].pop(binding)
                invalid.setdefault("keymap", {})[binding] = value
                warnings.append(f"{where}: keymap.{binding}: {_describe(first)}; ignored")
                continue
            invalid[key] = data.pop(key)
            warnings.append(f"{where}: {key}: {_describe(first)}; ignored")
    extra = {key: value for key, value in (settings.model_extra or {}).items()}
    return Config(
        theme=settings.theme or None,
        model=settings.model or None,
        keymap=dict(settings.keymap),
        extra=extra,
        warnings=warnings,
        invalid=invalid,
    )


def load_config(path: Path | None = None) -> Config:
    """Read the config file; problems are returned in ``Config.problem``/``warnings``, not raised."""
    path = path or config_path()
    if not path.exists():
        return Config()
    try:
        text = read_yaml_file(path)
        data = load_yaml(text) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        return Config(problem=f"{path}: {first_line}")
    if not isinstance(data, dict):
        return Config(problem=f"{path}: expected a mapping at the top level")
    return _validated(data, text, path)


_warned: set[str] = set()


def configured_model() -> str | None:
    """The ``model:`` of the config file, for the command line; ignored values are warned about on
    standard error, once per process, as ``byline: warning: ...``."""
    config = load_config()
    for message in ([config.problem] if config.problem else []) + config.warnings:
        if message not in _warned:
            _warned.add(message)
            ignored = message == config.problem
            warn(f"warning: config ignored: {message}" if ignored else f"warning: {message}")
    return config.model


def save_config(config: Config, path: Path | None = None) -> None:
    atomic_write_text(path or config_path(), yaml.safe_dump(config.to_dict(), sort_keys=True))
