"""Bytes in, text out: size limits, binary sniffing and encoding detection.

Every way an article arrives (a file, standard input, a URL) funnels its bytes
through :func:`check_bytes` and :func:`decode_text`, so the same one-line
errors and the same encoding rules apply everywhere.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import BinaryIO

from reader.errors import BylineError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""The largest article Byline reads, 20 MiB: a news article is a few tens of kilobytes, so anything
near this is almost certainly not an article, and spaCy would take minutes over it."""

MAX_BYTES_ENV = "BYLINE_MAX_BYTES"

# Signatures of binary formats people mistake for articles, so the error can say what it is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.epub/.odt document)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc/.xls)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"BZh", "a bzip2-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg audio/video file"),
    (b"fLaC", "a FLAC audio file"),
    (b"{\\rtf", "an RTF document (save it as plain text)"),
)
_RIFF_KINDS = {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

# C0 control characters other than tab, newline, form feed and carriage return: plain text has none.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


def max_bytes(limit: int | None = None) -> int:
    """The size limit in force: ``limit`` if given, else ``$BYLINE_MAX_BYTES``, else 20 MiB."""
    if limit is not None:
        return limit
    value = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not value:
        return DEFAULT_MAX_BYTES
    try:
        parsed = int(value)
    except ValueError:
        raise BylineError(f"{MAX_BYTES_ENV}={value!r} is not a whole number of bytes") from None
    if parsed <= 0:
        raise BylineError(f"{MAX_BYTES_ENV}={value!r} must be a positive number of bytes")
    return parsed


def human_size(size: int) -> str:
    """``20971520`` -> ``"20 MiB"``: sizes in error messages people can read at a glance."""
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= factor:
            return f"{size / factor:.3g} {unit}"
    return f"{size} bytes"


def too_large(origin: str, size: int | None, limit: int) -> BylineError:
    stated = f" ({human_size(size)})" if size is not None else ""
    return BylineError(
        f"{origin}: too large{stated}; the limit is {human_size(limit)} "
        f"(set {MAX_BYTES_ENV} to raise it)"
    )


def describe_binary(head: bytes) -> str | None:
    """Say what a binary file looks like, or ``None`` when it looks like text."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head.startswith(b"RIFF") and head[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[head[8:12]]
    if head.startswith(b"MZ") and b"\x00" in head[:512]:
        return "a Windows executable"
    if head[4:8] == b"ftyp":
        return "an MP4/QuickTime video"
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in head:
        return "binary data"
    if head and len(_CONTROL_BYTES.findall(head)) > max(8, len(head) // 100):
        return "binary data"
    return None


def read_stream(stream: BinaryIO, origin: str, limit: int) -> bytes:
    """Read at most ``limit`` bytes from ``stream``, or fail naming the limit (a stream has no size)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise too_large(origin, None, limit)
    return data


def read_file(path: Path, limit: int) -> bytes:
    """Read a file or raise a :class:`BylineError` that names the problem."""
    try:
        if not path.exists():
            raise BylineError(f"{path}: no such file")
        if path.is_dir():
            raise BylineError(f"{path}: is a folder, not an article (open it with 'byline {path}')")
        if not path.is_file():
            raise BylineError(f"{path}: not a regular file")
        size = path.stat().st_size
        if size > limit:
            raise too_large(str(path), size, limit)
        with path.open("rb") as handle:
            return read_stream(handle, str(path), limit)
    except PermissionError:
        raise BylineError(f"{path}: permission denied (cannot read it)") from None
    except OSError as error:
        raise BylineError(f"{path}: cannot read it ({error.strerror or type(error).__name__})") from None


def check_not_binary(data: bytes, origin: str) -> None:
    what = describe_binary(data[:4096])
    if what:
        raise BylineError(f"{origin}: looks like {what}, not a text article")


def _detect_legacy(data: bytes) -> str:
    """Name the single-byte encoding of text that is not UTF-8.

    Byline reads English news (its model is English), and English text in a
    legacy encoding is cp1252 (Windows' superset of latin-1's printable
    characters): smart quotes, dashes, and accented names and loanwords. So text
    that decodes as cp1252 is read as cp1252. charset-normalizer, which cannot
    tell the Western code pages apart on short text (it answered cp1257 for
    "caf\xe9 \x93soon\x94"), decides only for bytes cp1252 does not define.
    """
    if _decodes(data, "cp1252"):
        return "cp1252"
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:200_000])
    best = matches.best()
    if best is None:
        return "cp1252" if _decodes(data, "cp1252") else "latin-1"
    if "cp1252" in best.could_be_from_charset or "latin_1" in best.could_be_from_charset:
        return "cp1252" if _decodes(data, "cp1252") else "latin-1"
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos and match.coherence >= best.coherence:
            return "cp1252"
    return best.encoding


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def decode_text(data: bytes, origin: str, declared: str | None = None) -> tuple[str, str]:
    """Decode article bytes, returning the text and the name of the encoding used.

    The order is: a byte-order mark, then an encoding the source declared (an
    HTTP header or an HTML ``<meta charset>``) when the bytes honour it, then
    strict UTF-8, then detection among legacy encodings. UTF-16 without a
    byte-order mark (some export tools write it) is recognised by its zero
    bytes before it could be taken for binary data.
    """
    bomless = _utf16_without_bom(data)
    if bomless:
        try:
            return data.decode(bomless), "utf-16"
        except UnicodeDecodeError:
            pass
    check_not_binary(data, origin)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff"), encoding
            except UnicodeDecodeError:
                raise BylineError(f"{origin}: starts with a {encoding} byte-order mark but is not valid "
                                  f"{encoding}") from None
    if data.isascii():
        return data.decode("ascii"), "utf-8"
    if declared:
        normalised = _normalise_encoding_name(declared)
        if normalised and _decodes(data, normalised):
            return data.decode(normalised), normalised
    if _decodes(data, "utf-8"):
        return data.decode("utf-8"), "utf-8"
    encoding = _detect_legacy(data)
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return data.decode("latin-1"), "latin-1"


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the bytes look like mostly-ASCII UTF-16 text with no byte-order mark."""
    head = data[:4096]
    if len(head) < 4 or len(head) % 2 or any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    for codec, zeros, chars in (("utf-16-le", head[1::2], head[0::2]), ("utf-16-be", head[0::2], head[1::2])):
        if zeros.count(0) >= 0.7 * len(zeros) and chars.count(0) == 0:
            return codec
    return None


def _normalise_encoding_name(name: str) -> str | None:
    """A Python codec name for a declared charset, or ``None`` if Python does not know it."""
    import codecs

    try:
        codec = codecs.lookup(name.strip().strip("\"'"))
    except LookupError:
        return None
    # Browsers read a declared latin-1 as cp1252 (WHATWG Encoding Standard); so do we.
    if codec.name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return "utf-8" if codec.name == "utf-8" else codec.name
