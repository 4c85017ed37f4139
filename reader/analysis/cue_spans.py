"""Small readers of cue tokens and their spans: lemmas, particles, trimmed character spans,
noun-phrase and infinitive bounds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.lexicon import EVIDENCE_NOUNS, LEMMA_FIXES
from reader.analysis.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


_QUOTE_CHARS = "\"'“”‘’«»`"


def _lemma(token: Token) -> str:
    """The token's lower-case lemma, corrected where the small models get a cue verb wrong."""
    return LEMMA_FIXES.get(token.lower_, token.lemma_.lower())


def _is_evidence_noun(token: Token) -> bool:
    """A poll, report or data set ("figures" has the lemma "figure", "data" may be "datum")."""
    return _lemma(token) in EVIDENCE_NOUNS or token.lower_ in EVIDENCE_NOUNS


def text_span(doc_text: str, base: int, start: int, end: int) -> Span:
    """The span of ``doc_text[start:end]`` with offsets shifted by ``base`` into the article."""
    return Span(base + start, base + end, doc_text[start:end])


def _trimmed(doc_text: str, base: int, start: int, end: int) -> Span | None:
    """A span with surrounding spaces, quotation marks and stray punctuation removed."""
    while start < end and (doc_text[start].isspace() or doc_text[start] in _QUOTE_CHARS + ",:;"):
        start += 1
    while end > start and (doc_text[end - 1].isspace() or doc_text[end - 1] in _QUOTE_CHARS + ",:;."):
        end -= 1
    return text_span(doc_text, base, start, end) if end > start else None


def _token_span(doc: Doc, base: int, first: int, last: int) -> Span | None:
    """The trimmed text of tokens ``first`` to ``last`` (inclusive)."""
    if first > last:
        return None
    return _trimmed(doc.text, base, doc[first].idx, doc[last].idx + len(doc[last]))


def _phrase_bounds_np(head: Token, stop: Token | None = None) -> tuple[int, int]:
    """A noun phrase's tokens, stopping before a comma (a non-restrictive relative clause or an
    apposition is the reporter's addition), before an ``as`` phrase and before ``stop`` (the
    cue's preposition hung on the object: "accused the board [of] hiding losses")."""
    doc = head.doc
    first, last = head.left_edge.i, head.right_edge.i
    for i in range(head.i + 1, last + 1):
        as_phrase = doc[i].lower_ == "as" and doc[i].head.i == head.i
        if doc[i].text in (",", ";", "(", "—", "–") or as_phrase or (stop is not None and i == stop.i):
            last = i - 1
            break
    return first, last


def _infinitive_bounds(xcomp: Token) -> tuple[int, int]:
    """The infinitive phrase without its ``to``."""
    doc = xcomp.doc
    first, last = xcomp.left_edge.i, xcomp.right_edge.i
    while first < xcomp.i and (doc[first].dep_ in ("aux", "mark") and doc[first].lower_ == "to"):
        first += 1
    return first, last


def _cue_bounds(verb: Token) -> tuple[int, int]:
    first = last = verb.i
    for child in verb.children:
        if (child.dep_ == "prt" and child.i == last + 1) or (
            child.dep_ in ("dobj", "dative") and _lemma(verb) == "tell" and child.i == last + 1
        ):
            last = child.i
    return first, last


def _leading_pronoun(content: Span | None) -> str | None:
    if content is None:
        return None
    first = content.text.split(maxsplit=1)[0].lower() if content.text.split() else ""
    return first if first in ("he", "she") else None


def _particle(verb: Token) -> str | None:
    return next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)


def _lemma_with_particle(verb: Token) -> str:
    particle = _particle(verb)
    return f"{_lemma(verb)} {particle}" if particle else _lemma(verb)
