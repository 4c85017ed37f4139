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


def load_cached(key: str, text: str | None = None) -> Analysis | None:
    """The cached analysis for ``key``; a missing, unreadable or malformed entry is simply a miss.

    The cache is outside data: an entry of the wrong JSON type (a list, a string, an offset that is
    a string or points past the text) must cost an analysis, never crash whoever reads it. With
    ``text``, an entry for another text is a miss too.
    """
    try:
        analysis = Analysis.from_dict(json.loads(_path(key).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None
    if text is not None and analysis.text != text:
        return None
    return analysis if well_formed(analysis) else None


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _optional_str(*values: object) -> bool:
    return all(value is None or isinstance(value, str) for value in values)


def _span_ok(span: object, length: int) -> bool:
    start, end, text = (getattr(span, name, None) for name in ("start", "end", "text"))
    return (
        _is_int(start) and _is_int(end) and isinstance(text, str)
        and 0 <= start <= end <= length  # type: ignore[operator]
    )


def well_formed(analysis: Analysis) -> bool:
    """True when every field has the type the model promises and every span lies inside the text."""
    if not isinstance(analysis.text, str) or not isinstance(analysis.source, str):
        return False
    if not _optional_str(analysis.title, analysis.published, analysis.author, analysis.model):
        return False
    length = len(analysis.text)
    for entity in analysis.entities:
        if not (_span_ok(entity, length) and isinstance(entity.label, str) and _optional_str(entity.actor)):
            return False
    for statement in analysis.statements:
        spans = [statement, *statement.parts]
        optional_spans = (statement.speaker_mention, statement.cue, statement.target)
        if not all(_span_ok(span, length) for span in spans) or statement.kind not in ("direct", "reported"):
            return False
        if not all(span is None or _span_ok(span, length) for span in optional_spans):
            return False
        texts = (statement.speaker, statement.actor, statement.how, statement.frame, statement.cue_lemma,
                 statement.stance)
        confidence = statement.confidence
        if not _optional_str(*texts) or not (confidence is None or isinstance(confidence, int | float)):
            return False
    for date in analysis.dates:
        if not (_span_ok(date, length) and _optional_str(date.value) and isinstance(date.grain, str)
                and isinstance(date.label, str)):
            return False
    count = len(analysis.statements)
    for actor in analysis.actors:
        names = [actor.id, actor.name, *actor.aliases, *actor.roles]
        if not all(isinstance(name, str) for name in names) or not _optional_str(actor.affiliation):
            return False
        if actor.kind not in ("person", "organisation", "place", "group"):
            return False
        if not all(_span_ok(span, length) for span in actor.mention_spans):
            return False
        if not all(_is_int(index) and 0 <= index < count for index in actor.statements):
            return False
    return True


def store(key: str, analysis: Analysis) -> None:
    """Save an analysis; a cache that cannot be written only costs speed next time."""
    with contextlib.suppress(OSError):
        atomic_write_text(_path(key), json.dumps(analysis.to_dict(), ensure_ascii=False))
