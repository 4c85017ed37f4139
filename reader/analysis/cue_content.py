"""The content of a reported clause: its bounds (stopping before a second statement or another speaker's),
the clausal complement of a cue, and a complement the parser misattached."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.cue_holders import _SUBJECT_DEPS
from reader.analysis.cue_spans import _lemma
from reader.analysis.lexicon import SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token


# A question, not a statement: "asked whether ...".
_QUESTION_MARKS = ("whether", "if")
# Verbs that nearly always report a clause, so a clause the parser misattached is still theirs.
_SAY_VERBS = frozenset("say add claim argue insist state explain write contend assert maintain".split())


def _is_speech_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and _lemma(token) in SPEECH_VERBS


def _has_own_subject(token: Token) -> bool:
    return any(child.dep_ in _SUBJECT_DEPS for child in token.children)


def _is_second_statement(token: Token) -> bool:
    """A speech verb coordinated inside a complement with content of its own ("... but noted
    that ...") is a second statement of the same speaker, not part of the first."""
    return (
        token.dep_ == "conj"
        and _is_speech_verb(token)
        and not _has_own_subject(token)
        and any(child.dep_ == "ccomp" for child in token.children)
    )


def _is_other_speaker(token: Token, content_head: Token) -> bool:
    """A speech verb with its own subject inside the content ("..., while organizers said ...")."""
    return (
        token.i != content_head.i
        and token.dep_ in ("advcl", "conj")
        and _is_speech_verb(token)
        and _has_own_subject(token)
    )


def _clause_bounds(clause: Token) -> tuple[int, int] | None:
    """Token indices [first, last] of a reported clause, without its ``that``.

    The content stops before a coordinated second statement of the same speaker and
    before another speaker's statement hung inside it.
    """
    doc = clause.doc
    first, last = clause.left_edge.i, clause.right_edge.i
    for token in clause.subtree:
        if token.i > first and (_is_second_statement(token) or _is_other_speaker(token, clause)):
            cut = token.left_edge.i
            while cut - 1 > first and (doc[cut - 1].dep_ in ("cc", "mark") or doc[cut - 1].is_punct):
                cut -= 1
            last = min(last, cut - 1)
    while first <= last and (doc[first].dep_ == "mark" or doc[first].is_punct):
        first += 1
    if last - first + 1 >= 3 and first <= last:
        return first, last
    return None


def _complement(verb: Token) -> Token | None:
    """The verb's clausal complement, unless it is a question ("asked whether ...")."""
    for child in verb.children:
        if child.dep_ != "ccomp":
            continue
        marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
        if marks & set(_QUESTION_MARKS) and _lemma(verb) not in ("ask", "wonder", "question"):
            return None
        return child
    return None


def _misparsed_complement(verb: Token) -> Token | None:
    """A said-clause the parser hung on the verb as something else: "He said legalizing it could
    put thousands to work" (``legalizing`` as an xcomp). Only for verbs that nearly always report a
    clause, and only a dependent right after the cue whose subtree has a finite verb of its own."""
    if _lemma(verb) not in _SAY_VERBS:
        return None
    for child in verb.rights:
        if child.dep_ in ("prep", "npadvmod", "advmod", "punct", "dative") or child.i > verb.i + 3:
            continue
        if child.dep_ not in ("xcomp", "advcl", "dobj", "attr", "oprd"):
            return None
        finite = any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.i != verb.i for t in child.subtree)
        return child if finite else None
    return None
