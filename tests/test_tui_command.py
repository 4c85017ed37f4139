"""``byline [FILE]``: a cached analysis is found before the reader starts, without spaCy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tui_sample import sample_analysis

import reader.analysis.pipeline as pipeline
from reader.commands.read import cached_analysis
from reader.paths import sample_article
from reader.sources import load_article


def test_cached_analysis_uses_the_key_analyze_stores_under(monkeypatch, byline_home: Path) -> None:
    article = load_article(sample_article())
    assert cached_analysis(article, None) is None
    # Let analyze "run" with a stand-in for the model work, so it stores under its own key.
    monkeypatch.setattr(pipeline, "load_model", lambda name: object())
    monkeypatch.setattr(pipeline, "analyze_with", lambda nlp, art, *rest, **options: sample_analysis(art))
    pipeline.analyze(article)
    found = cached_analysis(article, None)
    assert found is not None and len(found.statements) == len(sample_analysis(article).statements)
    assert found.source == article.source

    # A fresh process finds it too, and never imports spaCy to do so.
    probe = (
        "import sys\n"
        "from reader.commands.read import cached_analysis\n"
        "from reader.paths import sample_article\n"
        "from reader.sources import load_article\n"
        "found = cached_analysis(load_article(sample_article()), None)\n"
        "print(found is not None, 'spacy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60,
                            check=True)
    assert result.stdout.split() == ["True", "False"]
