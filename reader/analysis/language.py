"""Which language an article is in, so that a French article is not read with an English model.

Detection uses ``py3langid`` (BSD-3-Clause; a maintained fork of langid.py, trained on 97
languages): a few kilobytes of text take well under a millisecond once its model (0.5 s) is
loaded, once per process. Short texts are not judged: under ``MIN_WORDS`` words a headline or
one-line note is too easily mistaken, and is analysed as it is.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from typing import Any

MIN_WORDS = 20
"""Fewer words than this: no verdict (``None``)."""
MIN_CONFIDENCE = 0.9
"""A verdict below this probability is no verdict."""
SAMPLE_CHARS = 4000
"""Only the first characters are read: a language does not change halfway through an article."""

_MODEL_NAME = re.compile(r"^([a-z]{2,3})_")
_SIZES = ("sm", "md", "lg", "trf")


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language (``en``, ``fr``), or ``None`` when the text is too
    short or the verdict too uncertain to act on."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < MIN_WORDS:
        return None
    language, probability = _identifier().classify(sample)
    return str(language) if probability >= MIN_CONFIDENCE else None


def model_language(model_name: str) -> str | None:
    """The language a spaCy pipeline's name declares (``en_core_web_sm`` -> ``en``), or ``None``
    for a name that follows no such convention (a path, a custom name)."""
    match = _MODEL_NAME.match(model_name)
    return match.group(1) if match else None


def installed_model_for(language: str) -> str | None:
    """The smallest installed spaCy pipeline for ``language`` (``fr_core_news_sm``, ...), or ``None``."""
    for genre in ("news", "web"):
        for size in _SIZES:
            name = f"{language}_core_{genre}_{size}"
            if importlib.util.find_spec(name) is not None:
                return name
    return None
