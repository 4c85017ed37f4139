"""The one way Byline reads and writes YAML: bounded on the way in, inert on the way out.

Themes, the config file and Markdown front matter are YAML from outside. Safe
loading (no Python tags) is not enough: a few hundred bytes of nested aliases
("billion laughs") describe a document of billions of nodes, which costs
gigabytes as soon as anything walks it (validation, ``str()``, printing). So
:func:`load_yaml`

* refuses text over ``max_chars`` (default 1 MiB; a theme is ~3 KiB) before parsing,
* counts the document's nodes *with aliases expanded* (each alias counts its
  whole target again) and refuses more than ``max_nodes`` (default 100,000),
  without ever expanding anything, and refuses an alias that contains itself,
* turns a nesting too deep for the parser into the same error.

Every refusal is a :class:`YamlLimitError`, a ``yaml.YAMLError``, so a caller
that already reports malformed YAML in one line reports these too.

:func:`dump_yaml_inert` writes YAML whose values are exact but in which no raw
character a terminal would act on appears (see :mod:`reader.safe_text`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

MAX_YAML_CHARS = 1 << 20
"""Characters of YAML text accepted by default (1 MiB)."""
MAX_YAML_NODES = 100_000
"""Nodes a document may have once its aliases are expanded."""


class YamlLimitError(yaml.YAMLError):
    """YAML refused before it could exhaust memory or time: too large, too many nodes, or too deep."""


def _expanded_size(root: yaml.Node, limit: int) -> int:
    """Nodes under ``root`` with every alias expanded, computed once per shared node.

    Raises :class:`YamlLimitError` past ``limit`` or on a node that contains itself. Iterative, so
    a deep document cannot exhaust the stack here.
    """
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if key in sizes:
            continue
        children = _children(node)
        if children_done:
            in_progress.discard(key)
            size = 1 + sum(sizes[id(child)] for child in children)
            if size > limit:
                raise YamlLimitError(
                    f"more than {limit:,} values once its aliases are expanded (an alias bomb?)"
                )
            sizes[key] = size
            continue
        if key in in_progress:
            raise YamlLimitError("an alias refers to a node that contains it (a recursive alias)")
        in_progress.add(key)
        stack.append((node, True))
        for child in children:
            if id(child) in in_progress:
                raise YamlLimitError("an alias refers to a node that contains it (a recursive alias)")
            if id(child) not in sizes:
                stack.append((child, False))
    return sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _bounded_loader(max_nodes: int) -> type[yaml.SafeLoader]:
    class BoundedLoader(yaml.SafeLoader):
        def compose_document(self) -> yaml.Node | None:
            node = super().compose_document()  # type: ignore[no-untyped-call]
            if node is not None:
                _expanded_size(node, max_nodes)
            return node

    return BoundedLoader


def _bounded(read: Callable[..., Any], text: str, max_chars: int, max_nodes: int) -> Any:
    """``read(text, Loader=...)`` (``yaml.load`` or ``yaml.compose``) within the size, node and depth
    bounds."""
    if len(text) > max_chars:
        raise YamlLimitError(f"too large ({len(text):,} characters; the limit is {max_chars:,})")
    try:
        return read(text, Loader=_bounded_loader(max_nodes))
    except RecursionError:
        raise YamlLimitError("nested too deeply") from None


def load_yaml(text: str, *, max_chars: int = MAX_YAML_CHARS, max_nodes: int = MAX_YAML_NODES) -> Any:
    """``yaml.safe_load(text)`` with its size, expanded node count and depth bounded.

    Raises ``yaml.YAMLError`` for malformed YAML and :class:`YamlLimitError` (one of those) for
    YAML refused by a bound.
    """
    return _bounded(yaml.load, text, max_chars, max_nodes)


def compose_yaml(text: str, *, max_chars: int = MAX_YAML_CHARS, max_nodes: int = MAX_YAML_NODES) -> Any:
    """``yaml.compose`` (nodes with line marks, for error messages), bounded as :func:`load_yaml` is."""
    return _bounded(yaml.compose, text, max_chars, max_nodes)


def read_yaml_file(path: Path, *, max_chars: int = MAX_YAML_CHARS) -> str:
    """A YAML file's text, refusing one over ``max_chars`` bytes before reading it whole.

    Raises ``OSError``, ``UnicodeDecodeError`` or :class:`YamlLimitError`.
    """
    with open(path, "rb") as handle:
        data = handle.read(max_chars + 1)
    if len(data) > max_chars:
        raise YamlLimitError(f"too large (over {max_chars:,} bytes; a YAML file here is a few KiB)")
    return data.decode("utf-8")


# -- writing ------------------------------------------------------------------------------------------

_TERMINAL_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064"
    "\u2066-\u2069\u3164\ufeff\uffa0\ud800-\udfff\U000e0000-\U000e007f]"
)


class InertDumper(yaml.SafeDumper):
    """A SafeDumper that double-quotes and escapes any string holding a character a terminal acts on.

    Plain YAML output keeps bidi controls, zero-width characters and tag characters raw; here a
    string with one is written in double quotes with ``\\uXXXX`` escapes, so the value is exact
    and nothing reaches a terminal raw.
    """

    def analyze_scalar(self, scalar: str) -> Any:
        analysis = super().analyze_scalar(scalar)  # type: ignore[no-untyped-call]
        if _TERMINAL_UNSAFE.search(scalar):
            analysis.allow_flow_plain = analysis.allow_block_plain = False
            analysis.allow_single_quoted = analysis.allow_block = False
        return analysis

    def write_double_quoted(self, text: str, split: bool = True) -> None:
        if not _TERMINAL_UNSAFE.search(text):
            super().write_double_quoted(text, split)  # type: ignore[no-untyped-call]
            return
        allow_unicode = self.allow_unicode  # type: ignore[has-type]
        self.allow_unicode = False  # escape every non-ASCII character of this one string
        try:
            super().write_double_quoted(text, split)  # type: ignore[no-untyped-call]
        finally:
            self.allow_unicode = allow_unicode


def dump_yaml_inert(data: Any, **options: Any) -> str:
    """``yaml.safe_dump(data, allow_unicode=True, **options)``, with :class:`InertDumper`."""
    options.setdefault("allow_unicode", True)
    return str(yaml.dump(data, Dumper=InertDumper, **options))
