"""``byline themes``: list the themes Byline can find, check one file, or show one resolved.

Listing never fails because of one broken user theme: that row carries its
error instead. ``--check`` is for theme authors and scripts, so it exits
non-zero with the one-line message when the file is wrong; a style whose text
falls below WCAG AA (4.5:1) on what it is drawn on is a warning (exit 0), one
line per style and ground with both colours and the ratio.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.console import say, warn, write_stdout
from reader.safe_yaml import dump_yaml_inert
from reader.themes import BASE_COLOURS, ReaderTheme, ThemeInfo, list_themes, load_theme, load_theme_file
from reader.theming.check import contrast_warnings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--check", metavar="FILE",
                        help="validate a theme file or a theme by name (and what it extends): exit 2 "
                             "with the problem if wrong; warn about styles below 4.5:1 contrast")
    action.add_argument("--show", metavar="THEME",
                        help="print a theme (name or path) with every colour and style after 'extends'")


def _home_relative(path: Path) -> str:
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)


def format_listing(rows: list[ThemeInfo]) -> str:
    """The table ``byline themes`` prints: name, dark/light, origin, source file."""
    header = ("NAME", "MODE", "ORIGIN", "SOURCE")
    table = [header]
    for row in rows:
        mode = "broken" if row.error else ("dark" if row.dark else "light")
        source = _home_relative(row.source)
        if row.overrides is not None:
            source += " (overrides the bundled theme)"
        table.append((row.name, mode, row.origin, source))
    widths = [max(len(line[i]) for line in table) for i in range(len(header) - 1)]
    lines = []
    for line, info in zip(table, [None, *rows], strict=True):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=False))
                     + "  " + line[-1])
        if info is not None and info.error:
            lines.append(f"  error: {info.error}")
    return "\n".join(line.rstrip() for line in lines)


def format_theme(theme: ReaderTheme) -> str:
    """A resolved theme as YAML: a complete starting point for writing a new one."""
    textual = theme.textual_theme
    document: dict[str, object] = {"name": theme.name, "description": theme.description, "dark": theme.dark}
    document.update({name: value for name in BASE_COLOURS if (value := getattr(textual, name)) is not None})
    document["styles"] = dict(theme.styles)
    return dump_yaml_inert(document, sort_keys=False)


def run(args: argparse.Namespace) -> int:
    if args.check is not None:
        path = Path(args.check)
        named = not path.exists() and "/" not in args.check and not args.check.endswith((".yaml", ".yml"))
        theme = load_theme(args.check) if named else load_theme_file(path)
        mode = "dark" if theme.dark else "light"
        warnings = contrast_warnings(theme)
        found = f", {len(warnings)} contrast warning{'s' * (len(warnings) != 1)}" if warnings else ""
        say(f"{args.check}: ok: theme {theme.name!r} ({mode}), {len(theme.styles)} styles{found}")
        for warning in warnings:
            warn(f"{args.check}: warning: {warning}")
        return 0
    if args.show is not None:
        write_stdout(format_theme(load_theme(args.show)))
        return 0
    say(format_listing(list_themes()))
    return 0
