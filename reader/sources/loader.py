"""Read an article from a path, with one-line errors for everything that can go wrong."""

from __future__ import annotations

from pathlib import Path

from reader.errors import BylineError
from reader.sources.article import Article

# Signatures of binary formats people mistake for articles, so the error can say what it is.
_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.epub)",
    b"\x7fELF": "an executable program",
}


def describe_binary(head: bytes) -> str | None:
    """Say what a binary file looks like, or ``None`` when it looks like text."""
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            return what
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary data"
    return None


def read_bytes(path: Path) -> bytes:
    """Read a file or raise a :class:`BylineError` that names the problem."""
    if not path.exists():
        raise BylineError(f"{path}: no such file")
    if path.is_dir():
        raise BylineError(f"{path}: is a directory, not an article file")
    try:
        return path.read_bytes()
    except PermissionError:
        raise BylineError(f"{path}: permission denied") from None
    except OSError as error:
        raise BylineError(f"{path}: cannot read ({error.strerror or error})") from None


def decode_text(data: bytes, origin: str) -> tuple[str, str]:
    """Decode article bytes, returning the text and the encoding used."""
    what = describe_binary(data[:4096])
    if what:
        raise BylineError(f"{origin}: looks like {what}, not a text article")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # Legacy single-byte text: cp1252 is a superset of latin-1 for printable text.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            return data.decode("latin-1"), "latin-1"


def load_article(path: str | Path) -> Article:
    """Load a plain-text article from ``path``."""
    path = Path(path)
    text, encoding = decode_text(read_bytes(path), str(path))
    if not text.strip():
        raise BylineError(f"{path}: the file is empty")
    return Article(text=text, source=str(path), encoding=encoding)
