"""Shared fixtures: one spaCy model per test session, and a private BYLINE_HOME per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.paths import bundled_dir

SAMPLES = bundled_dir("sample_articles")
KURSK = SAMPLES / "kremlin-rules-out-talks-kursk.txt"


@pytest.fixture(autouse=True)
def byline_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test's config, notes and cache out of the real home directory."""
    home = tmp_path / "byline-home"
    monkeypatch.setenv("BYLINE_HOME", str(home))
    monkeypatch.delenv("BYLINE_MODEL", raising=False)
    # The reader analyses in the test's own process (one model for the session, analysis patchable);
    # tests/test_analysis_process.py covers the child process the reader uses by default.
    monkeypatch.setenv("BYLINE_ANALYSIS", "thread")
    return home


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline, loaded once for the whole session."""
    from reader.analysis.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def kursk_text() -> str:
    return KURSK.read_text(encoding="utf-8")
