"""Cues that report no position: negated (``did not say that``), withheld (``declined to say whether``,
``refused to comment``), and any cue inside such a cue's content."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.cue_spans import _lemma
from reader.analysis.lexicon import BELIEF_VERBS, SPEECH_VERBS, WITHHELD_SPEECH, WITHHOLD_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token


# Verbs whose to-infinitive did not happen: "failed to agree on", "neglected to mention".
_FAILED_VERBS = frozenset("fail neglect".split())


def _is_negated(token: Token) -> bool:
    return any(child.dep_ == "neg" for child in token.children)


def _withheld(verb: Token) -> bool:
    """A cue that reports no position: negated ("did not say that"), withheld ("declined to say
    whether", "refused to comment"), or inside such a cue's content ("did not say how much it
    intends to charge")."""
    if _is_negated(verb):
        return True
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(d.dep_ == "det" and d.lower_ == "no" for s in subjects for d in s.children):
        return True  # "a recommendation that no government has publicly backed"
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children):
        return True  # "asked whether he would vote for the package": a question, no position
    if verb.dep_ == "xcomp" and _lemma(verb) in WITHHELD_SPEECH and _lemma(verb.head) in WITHHOLD_VERBS:
        return True
    if verb.dep_ == "xcomp" and _lemma(verb.head) in _FAILED_VERBS:
        return True  # "Negotiators failed to agree on a plan": what they did not do is no position
    node = verb
    for _ in range(8):
        if node.head.i == node.i or node.dep_ not in ("ccomp", "xcomp", "conj", "pcomp", "pobj", "prep"):
            return False  # only a cue inside the withheld words is withheld, not one beside them
        parent = node.head
        cue_parent = _lemma(parent) in SPEECH_VERBS or _lemma(parent) in BELIEF_VERBS
        if cue_parent and (_is_negated(parent) or _withheld_speech(parent)):
            return True
        node = parent
    return False


def _withheld_speech(verb: Token) -> bool:
    return verb.dep_ == "xcomp" and _lemma(verb) in WITHHELD_SPEECH and _lemma(verb.head) in WITHHOLD_VERBS


def _withholds(verb: Token) -> bool:
    """ "declined to comment", "refused to say whether": withholding, not a position."""
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    return xcomp is not None and _lemma(xcomp) in WITHHELD_SPEECH and _lemma(verb) != "fail"
