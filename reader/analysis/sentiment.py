"""Whether words praise or condemn, for the names a speaker gives things ("called the bill "a slush
fund"", "called the vote "a triumph of decency"").

Uses VADER (Hutto and Gilbert 2014; the ``vaderSentiment`` package, MIT): a rule-based lexicon of
about 7,500 words and idioms with negation and intensifier rules, no model to download. Scores are
its ``compound`` value in [-1, 1].
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

# A name must lean clearly to count as a side taken: VADER reads "a very nice lady who has never
# created a job" as mildly positive (0.33), so praise needs more than blame.
_PRAISE_AT = 0.4
_BLAME_AT = -0.1


@lru_cache(maxsize=1)
def _analyzer() -> object:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # type: ignore[import-untyped]

    return SentimentIntensityAnalyzer()


def polarity(text: str) -> float:
    """VADER's compound score of ``text``: -1 (most negative) to 1 (most positive), 0 neutral."""
    scores: dict[str, float] = _analyzer().polarity_scores(text)  # type: ignore[attr-defined]
    return scores["compound"]


def naming_stance(text: str) -> Literal["support", "oppose"] | None:
    """``support`` when a name given to something praises it ("the best deal this city has ever
    signed"), ``oppose`` when it condemns it ("a slush fund", "an insult to the men and women"),
    ``None`` when it does neither clearly ("a pause", "premature")."""
    score = polarity(text)
    if score >= _PRAISE_AT:
        return "support"
    if score <= _BLAME_AT:
        return "oppose"
    return None
