"""Validate one theme file's content and turn every problem into one line.

pydantic checks the shape (unknown keys, wrong types); the validators below
check colours with Textual's parser and style strings word by word, so the
message can say which word is wrong and what would be accepted. YAML is read
with ``yaml.safe_load`` only: a theme file is data, never code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationError, field_validator
from pydantic_core import ErrorDetails, PydanticCustomError
from rich.color import Color as RichColor
from rich.color import ColorParseError as RichColorParseError
from rich.style import Style
from textual.color import Color as TextualColor
from textual.color import ColorParseError as TextualColorParseError

from reader.safe_yaml import YamlLimitError, compose_yaml, load_yaml
from reader.theming.keys import BASE_COLOURS, ENTITY_FALLBACK, ENTITY_LABELS, STYLE_KEYS
from reader.theming.model import ThemeError

# Base colours go to Textual (CSS colour names); style colours go to Rich (terminal colour names).
COLOUR_FORMS = "a colour such as '#e69f00', 'rgb(230,159,0)' or a CSS name like 'orange'"
STYLE_COLOUR_FORMS = (
    "a colour such as '#e69f00', 'rgb(230,159,0)' or a terminal name like 'red' or 'bright_blue'"
)
STYLE_FORMS = (
    "style words (" + ", ".join(sorted(set(Style.STYLE_ATTRIBUTES.values()))) + ", 'not <word>'), "
    "a colour such as '#e69f00' or 'red', and 'on <colour>' for the background"
)
_COLOURISH_PREFIXES = ("#", "rgb(", "color(", "hsl(")


def _check_colour(value: str) -> str:
    try:
        TextualColor.parse(value)
    except TextualColorParseError:
        raise PydanticCustomError("theme_colour", "{value} is not a colour; allowed: {forms}",
                                  {"value": repr(value), "forms": COLOUR_FORMS}) from None
    return value


def _check_rich_colour(word: str, role: str) -> None:
    try:
        RichColor.parse(word)
    except RichColorParseError:
        raise PydanticCustomError(
            "theme_colour", "{value} is not a {role} colour; allowed: {forms}",
            {"value": repr(word), "role": role, "forms": STYLE_COLOUR_FORMS},
        ) from None


def _check_style(value: str) -> str:
    """Walk the words the way ``Style.parse`` does, naming the first bad one."""
    words = iter(value.split())
    for original in words:
        word = original.lower()
        if word == "on":
            _check_rich_colour(next(words, ""), "background")
        elif word == "not":
            negated = next(words, "")
            if negated not in Style.STYLE_ATTRIBUTES:
                raise PydanticCustomError("theme_style", "'not {value}' is not a style; allowed: {forms}",
                                          {"value": negated, "forms": STYLE_FORMS})
        elif word in Style.STYLE_ATTRIBUTES or word == "none":
            continue
        elif word == "link":
            raise PydanticCustomError("theme_style", "links are not allowed in a theme; allowed: {forms}",
                                      {"forms": STYLE_FORMS})
        elif word.startswith(_COLOURISH_PREFIXES):
            _check_rich_colour(word, "text")
        else:
            try:
                RichColor.parse(word)
            except RichColorParseError:
                raise PydanticCustomError(
                    "theme_style", "{value} is neither a style word nor a colour; allowed: {forms}",
                    {"value": repr(original), "forms": STYLE_FORMS},
                ) from None
    Style.parse(value)
    return value


def _check_style_key(key: str) -> str:
    if key in STYLE_KEYS:
        return key
    if key.startswith(ENTITY_FALLBACK + "."):
        raise PydanticCustomError("theme_key", "unknown entity label; allowed labels: {labels}",
                                  {"labels": ", ".join(ENTITY_LABELS)})
    raise PydanticCustomError(
        "theme_key", "unknown style key; allowed: {keys} (and entity.<LABEL>)",
        {"keys": ", ".join(k for k in STYLE_KEYS if not k.startswith(ENTITY_FALLBACK + "."))},
    )


def _reject_empty(value: Any) -> Any:
    """An empty value is almost always ``primary: #e69f00``: YAML reads the unquoted # as a comment."""
    if value is None:
        raise PydanticCustomError(
            "theme_empty", "empty value; allowed: a value in quotes, like '#e69f00' "
            "(an unquoted # starts a YAML comment)",
        )
    return value


ColourValue = Annotated[str, BeforeValidator(_reject_empty), AfterValidator(_check_colour)]
StyleKey = Annotated[str, AfterValidator(_check_style_key)]
StyleValue = Annotated[str, BeforeValidator(_reject_empty), AfterValidator(_check_style)]


class ThemeFile(BaseModel):
    """What one YAML file says, before ``extends`` fills in the rest.

    Every field is optional here because a theme that extends another may set
    only three styles; completeness is checked after inheritance.
    """

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    name: str | None = None
    description: str | None = None
    dark: bool | None = None
    extends: str | None = None
    primary: ColourValue | None = None
    secondary: ColourValue | None = None
    accent: ColourValue | None = None
    foreground: ColourValue | None = None
    background: ColourValue | None = None
    surface: ColourValue | None = None
    panel: ColourValue | None = None
    warning: ColourValue | None = None
    error: ColourValue | None = None
    success: ColourValue | None = None
    styles: dict[StyleKey, StyleValue] = {}

    @field_validator("*", mode="before")
    @classmethod
    def _no_empty_values(cls, value: Any) -> Any:
        return _reject_empty(value)

    def colours(self) -> dict[str, str]:
        """The base colours this file sets itself."""
        return {name: value for name in BASE_COLOURS if (value := getattr(self, name)) is not None}


TOP_LEVEL_KEYS = tuple(ThemeFile.model_fields)

_TYPE_MESSAGES = {
    "string_type": "expected text in quotes",
    "bool_type": "expected true or false",
    "dict_type": "expected a mapping of style key to Rich style string",
}


def _describe(error: ErrorDetails) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        return "unknown key; allowed: " + ", ".join(TOP_LEVEL_KEYS)
    if kind in _TYPE_MESSAGES:
        given = error["input"]
        got = f"a mapping {given!r}" if isinstance(given, dict) else f"{type(given).__name__} {given!r}"
        return f"{_TYPE_MESSAGES[kind]}, got {got}"
    return error["msg"]


def _key_line(document: yaml.Node | None, path: tuple[str, ...]) -> int | None:
    """The 1-based line of the key at ``path`` in the YAML, for editor-friendly messages."""
    node, line = document, None
    for part in path:
        if not isinstance(node, yaml.MappingNode):
            break
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == part:
                node, line = value_node, key_node.start_mark.line + 1
                break
        else:
            break
    return line


def _where(path: Path, line: int | None) -> str:
    return f"{path}:{line}" if line is not None else str(path)


def parse_theme_text(text: str, path: Path) -> ThemeFile:
    """Validate a theme file's text; every problem becomes a :class:`ThemeError`."""
    try:
        data: Any = load_yaml(text)
    except YamlLimitError as error:
        raise ThemeError(f"{path}: refused: {error}; allowed: a theme of a few KiB") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        line = mark.line + 1 if mark is not None else None
        column = f", column {mark.column + 1}" if mark is not None else ""
        raise ThemeError(f"{_where(path, line)}: malformed YAML{column}: {problem}; "
                         "allowed: a YAML mapping of theme keys") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ThemeError(f"{path}: expected a mapping at the top level; allowed keys: "
                         + ", ".join(TOP_LEVEL_KEYS))
    try:
        return ThemeFile.model_validate(data)
    except ValidationError as error:
        details = error.errors(include_url=False)
        first = details[0]
        key_path = tuple(str(part) for part in first["loc"] if part != "[key]")
        line = _key_line(compose_yaml(text), key_path)
        more = f" (and {len(details) - 1} more)" if len(details) > 1 else ""
        raise ThemeError(f"{_where(path, line)}: {'.'.join(key_path)}: {_describe(first)}{more}") from None
