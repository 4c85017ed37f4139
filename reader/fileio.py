"""Writing files without ever destroying one: the one place Byline writes to a user's disk.

:func:`atomic_write_text` writes a file so that a crash leaves either the old
or the new content (temporary file in the same folder, fsync, rename), and it
treats what is already at the path with care:

* a symbolic link is followed: its target gets the new content and the link
  stays a link (replacing the link by a regular file would cut it);
* a character device or a FIFO (``/dev/stdout``, ``/dev/null``, a named pipe)
  is written through, never replaced: as root, replacing ``/dev/stdout``
  would break the system;
* anything else that is not a regular file (a folder, a socket, a block
  device) is refused with ``OSError``;
* an existing file keeps its permission bits; a new one gets ``new_mode``
  filtered by the umask (0600 for Byline's own stores, 0666 -> 0644 under
  umask 022 for exports the user asked for).

:func:`check_output_path` is the policy for paths the user names for an
export: never the article being exported, and an existing file only with
``--force`` (or a confirmation in the reader).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path

from reader.errors import BylineError


def _target(path: Path) -> Path:
    """``path`` with symbolic links followed (a dangling link gives the path it points to)."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _write_through(path: Path, text: str) -> None:
    """Write to a character device or FIFO in place (no temporary file, no rename)."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()


def atomic_write_text(path: Path, text: str, *, new_mode: int = 0o600) -> None:
    """Write ``text`` (UTF-8) to ``path``; a crash leaves either the old or the new file.

    See the module docstring for links, devices and modes. Raises ``OSError`` when the file
    cannot be written or what is at ``path`` is neither a regular file, a device nor a FIFO.
    """
    path = _target(Path(path))
    try:
        existing: os.stat_result | None = path.stat()
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        if stat.S_ISCHR(existing.st_mode) or stat.S_ISFIFO(existing.st_mode):
            _write_through(path, text)
            return
        kind = "a folder" if stat.S_ISDIR(existing.st_mode) else "not a regular file"
        raise OSError(f"{path} is {kind}; it is never replaced")
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = stat.S_IMODE(existing.st_mode) if existing is not None else new_mode
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode if existing is None else 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            if existing is not None:
                os.chmod(handle.fileno(), mode)  # exactly the old mode, whatever the umask
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; some file systems cannot, which costs nothing but durability."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` are one file (through links too), or resolve to one path."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def needs_confirmation(path: Path) -> bool:
    """True when writing ``path`` would replace an existing regular file (devices and FIFOs do not count)."""
    try:
        return stat.S_ISREG(_target(Path(path)).stat().st_mode)
    except OSError:
        return False


def check_output_path(path: Path, *, protected: Iterable[Path] = (), force: bool = False) -> None:
    """Refuse, in one :class:`BylineError` line, an output path that would destroy something.

    ``protected`` are files that must never be overwritten (the article being exported), even
    with ``force``; an existing regular file needs ``force``. Devices and FIFOs are written
    through and need no ``force``.
    """
    path = Path(path)
    for source in protected:
        if same_file(path, Path(source)):
            raise BylineError(f"{path}: is the article being exported; choose another file for the export")
    if not force and needs_confirmation(path):
        raise BylineError(f"{path}: already exists; use --force to overwrite it")
