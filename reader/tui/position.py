"""Remember where the reader was in each article, across runs.

The position is the text offset at the top of the pane (not a line number, so
it survives a different terminal width), stored per article under the data
directory in a file named by a hash of the text: the same article opened from
another path, or from standard input, comes back to the same place.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

from reader.fileio import atomic_write_text
from reader.paths import data_dir


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def position_path(text: str) -> Path:
    return data_dir() / "positions" / f"{text_key(text)}.json"


def load_position(text: str) -> int:
    """The remembered offset, or 0 when there is none or the file is unreadable."""
    try:
        data = json.loads(position_path(text).read_text(encoding="utf-8"))
        offset = int(data["offset"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0
    return offset if 0 <= offset <= len(text) else 0


def save_position(text: str, offset: int, source: str) -> None:
    """Store the offset atomically; failing to remember a position is not worth an error."""
    payload = json.dumps({"offset": int(offset), "source": source}, ensure_ascii=False)
    with contextlib.suppress(OSError):
        atomic_write_text(position_path(text), payload + "\n")
