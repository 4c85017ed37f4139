"""Generated benchmark inputs: nothing large is committed.

The long article is the bundled sample articles' paragraphs, repeated and
shuffled with a fixed seed until it reaches the asked number of words, so every
run measures the same text.
"""

from __future__ import annotations

import random

from reader.paths import bundled_dir


def long_article(words: int = 100_000, seed: int = 7) -> str:
    paragraphs = [
        line.strip()
        for path in sorted(bundled_dir("sample_articles").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.split()) > 12
    ]
    rng = random.Random(seed)
    chosen: list[str] = []
    count = 0
    while count < words:
        paragraph = rng.choice(paragraphs)
        chosen.append(paragraph)
        count += len(paragraph.split())
    return "\n".join(chosen) + "\n"
