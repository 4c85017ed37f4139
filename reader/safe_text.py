"""Make outside text inert before it reaches a terminal.

Article text, titles, actor names, file names, theme names, notes and cache
entries all come from outside Byline. A terminal executes some characters
instead of showing them: ``ESC ] 2 ; ... BEL`` sets the window title,
``ESC ] 52`` writes the clipboard, ``ESC [ 2 J`` clears the screen, the 8-bit
``CSI`` (U+009B) does the same without an ESC. Others show nothing but change
what the eye reads: a right-to-left override (U+202E) reverses ``exe.txt`` into
``txt.exe``, a zero-width space splits a name so that a search misses it.

:func:`terminal_safe` is the one function that every human-facing output goes
through (the ``text`` format, messages on standard error, Markdown printed to a
terminal, every reader widget that shows outside text). It never drops a
character silently: each dangerous one is shown as a visible stand-in, so the
reader sees that something odd is there:

* C0 controls and DEL become their Unicode control pictures (ESC -> ``␛``,
  BEL -> ``␇``, CR -> ``␍``); ``\\n`` and ``\\t`` stay when ``multiline=True``;
* C1 controls (U+0080-U+009F), bidi controls (U+202A-U+202E, U+2066-U+2069,
  LRM, RLM, ALM), invisible characters (zero-width space, word joiner, BOM,
  invisible operators, tag characters, Hangul fillers), line/paragraph
  separators and lone surrogates become their escape (``\\x9b``, ``\\u202e``,
  ``\\U000e0041``);
* zero-width (non-)joiners stay where scripts and emoji need them (between two
  non-ASCII characters) and are shown elsewhere, where they could only
  disguise Latin text.

JSON output does not use this: :func:`json_dumps_inert` keeps every value
exact and escapes the same characters with JSON's own ``\\uXXXX``.
"""

from __future__ import annotations

import json
import re
from typing import Any

_C0_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
_JOINERS = "\u200c\u200d"

# Everything a terminal could act on or that renders as nothing (see the module docstring).
_FORMAT_CLASS = (
    "\x7f-\x9f"
    "\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069"
    "\u3164\ufeff\uffa0\ud800-\udfff\U000e0000-\U000e007f"
)
_UNSAFE = re.compile(f"[\x00-\x1f{_FORMAT_CLASS}]")
_UNSAFE_MULTILINE = re.compile(f"[\x00-\x08\x0b-\x1f{_FORMAT_CLASS}]")  # keeps \t and \n


def _escape(char: str) -> str:
    code = ord(char)
    if code in _C0_PICTURES:
        return _C0_PICTURES[code]
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _joiner_is_needed(text: str, index: int) -> bool:
    """A ZWJ/ZWNJ between two non-ASCII, non-space characters shapes a script or joins an emoji."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return all(ord(c) > 0x7F and not c.isspace() and not _UNSAFE.match(c) for c in (before, after))


def terminal_safe(text: str, *, multiline: bool = False) -> str:
    """``text`` with every character a terminal could act on, or that hides itself, made visible.

    ``multiline=True`` keeps ``\\n`` and ``\\t`` (for printed reports); otherwise they are shown
    too. Plain text comes back unchanged (the same object), so calling this is cheap.
    """
    pattern = _UNSAFE_MULTILINE if multiline else _UNSAFE
    if pattern.search(text) is None:
        return text

    def replace(match: re.Match[str]) -> str:
        char = match.group()
        if char in _JOINERS and _joiner_is_needed(text, match.start()):
            return char
        return _escape(char)

    return pattern.sub(replace, text)


def has_unsafe(text: str, *, multiline: bool = False) -> bool:
    """True when ``text`` holds a raw character that :func:`terminal_safe` would replace.

    Joiners between non-ASCII characters are allowed, as :func:`terminal_safe` keeps them.
    """
    pattern = _UNSAFE_MULTILINE if multiline else _UNSAFE
    return any(
        not (m.group() in _JOINERS and _joiner_is_needed(text, m.start())) for m in pattern.finditer(text)
    )


_JSON_UNSAFE = re.compile(f"[{_FORMAT_CLASS}]")  # JSON escapes C0 itself


def _json_escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code > 0xFFFF:  # a UTF-16 surrogate pair, as JSON spells astral characters
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def json_dumps_inert(value: Any, **options: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, **options)`` with no raw character a terminal acts on.

    JSON already escapes C0 controls; C1 controls, bidi controls and invisible characters are
    escaped here as ``\\uXXXX`` too. Outside strings JSON is ASCII, so replacing them in the
    serialised text is exact: ``json.loads`` gives back the same values.
    """
    dumped = json.dumps(value, ensure_ascii=False, **options)
    return _JSON_UNSAFE.sub(_json_escape, dumped)


def strip_invisible_controls(text: str) -> str:
    """``text`` without the unsafe characters that take no cell on screen (ESC, C1, bidi, zero-width).

    For the last line of defence in the reader, where a line's width is already laid out and must
    not change: :func:`terminal_safe` is what shows them; this only guarantees none reaches the
    terminal raw. Joiners that :func:`terminal_safe` keeps are kept.
    """
    if _UNSAFE.search(text) is None:
        return text

    def replace(match: re.Match[str]) -> str:
        char = match.group()
        if char in _JOINERS and _joiner_is_needed(text, match.start()):
            return char
        return "" if char not in _WIDE_FILLERS else char

    return _UNSAFE.sub(replace, text)


_WIDE_FILLERS = "\u115f"  # takes two cells: shown as a blank, never acted on
