"""An on-disk cache of analyses, so a second open costs a file read and no spaCy.

The key covers everything the result depends on: the text, the publication
date (it anchors relative dates), where the body starts after a header, the
model's name and version, and a fingerprint of the analysis code, which
changes whenever the rules change. The model version is read from the
installed package's ``meta.json`` without importing spaCy, which is the point
of the cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
from functools import cache
from pathlib import Path

from reader.analysis.model import Analysis
from reader.fileio import atomic_write_text
from reader.paths import cache_dir

ANALYSIS_VERSION = "1"


@cache
def analysis_fingerprint() -> str:
    """``ANALYSIS_VERSION`` plus a digest of the analysis code itself.

    Any change to the rules under ``reader/analysis`` changes the key, so a cached
    result is never one that the current code would not produce.
    """
    digest = hashlib.sha256(ANALYSIS_VERSION.encode())
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@cache
def installed_model_version(name: str) -> str:
    """The version of an installed model package, or the model path's modification time."""
    path = Path(name)
    if path.exists():
        meta = path / "meta.json"
        return str(int(meta.stat().st_mtime)) if meta.exists() else str(int(path.stat().st_mtime))
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return "unknown"
    meta_path = Path(next(iter(spec.submodule_search_locations))) / "meta.json"
    try:
        return str(json.loads(meta_path.read_text(encoding="utf-8")).get("version", "unknown"))
    except (OSError, ValueError):
        return "unknown"


def cache_key(text: str, model_name: str, published: str | None, body_start: int = 0) -> str:
    digest = hashlib.sha256()
    version = installed_model_version(model_name)
    for piece in (analysis_fingerprint(), model_name, version, published or "", str(body_start), text):
        digest.update(piece.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _path(key: str) -> Path:
    return cache_dir() / "analysis" / f"{key}.json"


def load_cached(key: str) -> Analysis | None:
    """The cached analysis for ``key``; a missing or unreadable entry is simply a miss."""
    try:
        return Analysis.from_dict(json.loads(_path(key).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(key: str, analysis: Analysis) -> None:
    """Save an analysis; a cache that cannot be written only costs speed next time."""
    with contextlib.suppress(OSError):
        atomic_write_text(_path(key), json.dumps(analysis.to_dict(), ensure_ascii=False))
