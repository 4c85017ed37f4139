"""Find theme files, resolve ``extends``, and build :class:`ReaderTheme` objects.

Themes come from three places, later ones winning: the bundled ``themes/``
folder, the user's ``<config dir>/themes/*.yaml``, and a path given with
``--theme``. A user theme with a bundled name replaces the bundled one, and
may itself ``extends:`` that name to get the bundled original (a file never
extends itself), which is the usual way to tweak a few styles.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from textual.theme import Theme

from reader.paths import bundled_dir, config_dir
from reader.safe_yaml import YamlLimitError, load_yaml, read_yaml_file
from reader.theming.keys import BASE_COLOURS, REQUIRED_STYLES, fill_with_defaults
from reader.theming.model import ReaderTheme, ThemeError, ThemeInfo
from reader.theming.schema import ThemeFile, parse_theme_text

DEFAULT_THEME = "default"
THEME_SUFFIXES = (".yaml", ".yml")


def bundled_themes_dir() -> Path:
    return bundled_dir("themes")


def user_themes_dir() -> Path:
    return config_dir() / "themes"


@dataclass(frozen=True, slots=True)
class ThemeSource:
    """A theme file found on disk and the name it answers to."""

    name: str
    path: Path
    origin: str


def _theme_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.suffix in THEME_SUFFIXES and p.is_file())


def _declared_name(path: Path) -> str:
    """The file's ``name:``, or its file stem when it has none or cannot be read."""
    try:
        data = load_yaml(read_yaml_file(path))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return path.stem
    name = data.get("name") if isinstance(data, dict) else None
    return name if isinstance(name, str) and name.strip() else path.stem


def theme_sources() -> list[ThemeSource]:
    """Every theme file, in lookup order: user themes first, so they override bundled ones."""
    found = [ThemeSource(_declared_name(p), p, "user") for p in _theme_files(user_themes_dir())]
    bundled = sorted(_theme_files(bundled_themes_dir()), key=lambda p: (p.stem != DEFAULT_THEME, p.name))
    found += [ThemeSource(_declared_name(p), p, "bundled") for p in bundled]
    return found


def _read_theme_file(path: Path) -> ThemeFile:
    try:
        text = read_yaml_file(path)
    except YamlLimitError as error:
        raise ThemeError(f"{path}: {error}") from None
    except FileNotFoundError:
        raise ThemeError(f"{path}: theme file not found") from None
    except UnicodeDecodeError:
        raise ThemeError(f"{path}: not UTF-8 text; a theme is a UTF-8 YAML file") from None
    except OSError as error:
        raise ThemeError(f"{path}: cannot read the theme file ({error.strerror or error})") from None
    return parse_theme_text(text, path)


@dataclass(slots=True)
class _Resolved:
    """A theme's settings after its ``extends`` chain has been merged in."""

    description: str | None
    dark: bool | None
    colours: dict[str, str]
    styles: dict[str, str]


def _find_parent(name: str, chain: list[Path]) -> Path:
    """The file ``extends: name`` means, skipping files already being resolved."""
    if name.endswith(THEME_SUFFIXES) or os.sep in name or "/" in name:
        candidate = (chain[-1].parent / Path(name).expanduser()).resolve()
        if candidate in chain:
            _raise_cycle(chain, candidate)
        return candidate
    candidates = [source.path.resolve() for source in theme_sources() if source.name == name]
    for candidate in candidates:
        if candidate not in chain:
            return candidate
    if candidates:
        _raise_cycle(chain, candidates[0])
    available = ", ".join(sorted({source.name for source in theme_sources()}))
    raise ThemeError(f"{chain[-1]}: extends: no theme named {name!r}; allowed: {available}")


def _raise_cycle(chain: list[Path], back_to: Path) -> None:
    loop = " -> ".join(path.name for path in [*chain, back_to])
    raise ThemeError(f"{chain[-1]}: extends: cycle {loop}; allowed: a chain of themes that ends")


def _resolve(path: Path, chain: list[Path]) -> tuple[ThemeFile, _Resolved]:
    chain = [*chain, path]
    theme_file = _read_theme_file(path)
    if theme_file.extends:
        _, inherited = _resolve(_find_parent(theme_file.extends, chain), chain)
    else:
        inherited = _Resolved(None, None, {}, {})
    return theme_file, _Resolved(
        description=theme_file.description if theme_file.description is not None else inherited.description,
        dark=theme_file.dark if theme_file.dark is not None else inherited.dark,
        colours={**inherited.colours, **theme_file.colours()},
        styles={**inherited.styles, **theme_file.styles},
    )


def _check_complete(path: Path, resolved: _Resolved) -> None:
    hint = "or inherit it with 'extends: default'"
    if resolved.dark is None:
        raise ThemeError(f"{path}: dark: missing; allowed: true or false, {hint}")
    if "primary" not in resolved.colours:
        raise ThemeError(f"{path}: primary: missing; allowed: a colour such as '#e69f00', {hint}")
    missing = [key for key in REQUIRED_STYLES if key not in resolved.styles]
    if missing:
        shown = ", ".join(missing[:4]) + (f" (and {len(missing) - 4} more)" if len(missing) > 4 else "")
        raise ThemeError(f"{path}: styles: missing {shown}; set the essential styles, {hint}")


def load_theme_file(path: Path) -> ReaderTheme:
    """Load, validate and resolve one theme file into a complete theme."""
    path = path.expanduser().resolve()
    theme_file, resolved = _resolve(path, [])
    _check_complete(path, resolved)
    name = theme_file.name or path.stem
    dark = bool(resolved.dark)
    styles = fill_with_defaults(resolved.styles)  # a style this theme predates comes from its chain
    # Theme's colour arguments are optional strings; a colour the file leaves out is passed as None.
    colours: dict[str, Any] = {c: resolved.colours.get(c) for c in BASE_COLOURS}
    textual_theme = Theme(name=name, dark=dark, **colours)
    textual_theme.to_color_system()  # Textual's own check, so a bad theme fails here, not in the app.
    return ReaderTheme(
        name=name,
        description=resolved.description or "",
        dark=dark,
        source=path,
        textual_theme=textual_theme,
        styles=styles,
    )


def _looks_like_path(name_or_path: str) -> bool:
    return name_or_path.endswith(THEME_SUFFIXES) or "/" in name_or_path or os.sep in name_or_path


def load_theme(name_or_path: str | None = None) -> ReaderTheme:
    """The theme called ``name_or_path`` (user themes first), or the file at that path.

    ``None`` means the default theme. Raises :class:`ThemeError` with a
    one-line message when the theme does not exist or its file is wrong.
    """
    wanted = name_or_path or DEFAULT_THEME
    if _looks_like_path(wanted):
        return load_theme_file(Path(wanted))
    sources = theme_sources()
    for source in sources:
        if source.name == wanted:
            return load_theme_file(source.path)
    available = ", ".join(sorted({source.name for source in sources}))
    raise ThemeError(f"no theme named {wanted!r}; allowed: {available}, or a path to a .yaml theme file")


def load_theme_or_default(name_or_path: str | None) -> tuple[ReaderTheme, str | None]:
    """The requested theme, or the default one and the reason it could not be used.

    The reader must never fail to start because of a theme: it shows the
    returned problem as a notification and carries on with ``default``. If
    even a user override of ``default`` is broken, the bundled file is used.
    """
    try:
        return load_theme(name_or_path), None
    except ThemeError as error:
        problem = str(error)
    try:
        return load_theme(DEFAULT_THEME), problem
    except ThemeError:
        return load_theme_file(bundled_themes_dir() / f"{DEFAULT_THEME}.yaml"), problem


def _info(source: ThemeSource) -> ThemeInfo:
    try:
        theme = load_theme_file(source.path)
    except ThemeError as error:
        return ThemeInfo(source.name, None, source.path, source.origin, error=str(error))
    return ThemeInfo(theme.name, theme.dark, source.path, source.origin, theme.description)


def list_themes() -> list[ThemeInfo]:
    """Bundled themes, then user themes; a user theme with a bundled name takes its row.

    A broken file is listed with its error rather than raised, so one bad
    user theme never hides the others.
    """
    sources = theme_sources()
    bundled = [s for s in sources if s.origin == "bundled"]
    rows: dict[str, ThemeInfo] = {source.name: _info(source) for source in bundled}
    for source in (s for s in sources if s.origin == "user"):
        previous = rows.get(source.name)
        if previous is not None and previous.origin == "user":
            rows[f"{source.name}\0{source.path}"] = ThemeInfo(
                source.name, None, source.path, "user",
                error=f"{source.path}: name: {source.name!r} is already used by {previous.source}; "
                "allowed: a name no other user theme has",
            )
            continue
        info = _info(source)
        if previous is not None:
            info = ThemeInfo(info.name, info.dark, info.source, info.origin, info.description, info.error,
                             overrides=previous.source)
        rows[source.name] = info
    return list(rows.values())
