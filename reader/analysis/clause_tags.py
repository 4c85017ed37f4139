"""Cues that come after the start of their content, where the parse gives the cue no clause of its own.

Three places in a sentence put the cue after (or around) the words it attributes:

* an ``as`` clause: ``Cutting the ferry is a false economy, as Ines Porto argued in the Courier.``,
  ``As reported by the Courier, the harbour board judged both bids too low.`` (the content is the
  clause the ``as`` clause hangs on, without it);
* a final tag the parser joined to the sentence as a clause of its own: ``The mill is under
  pressure, said the firm's finance chief, Ola Berg.`` (the content runs from the start of the
  sentence to the comma before the tag);
* a bridge inside a relative clause: ``cycle lanes, which planners argue cut traffic``, ``what she said
  is rising demand``, ``fees that critics say harm shift workers``, ``a move her advisers believe could help``
  (the content is the rest of the relative clause, after the cue; the relative word before the holder
  stands for its subject).

Two more places the parse hides: a said clause split by an aside between dashes (``saying the scheme
-- two depots and a bus lane -- is too costly``), and the noun a relative clause hangs on as the object of a
stance cue in it (``a proposal the owners rejected``: the content and target are ``a proposal``).

``clause_tag_events`` reads one paragraph's Doc after the verb cues (``cues.speech_events``): a verb cue
that already has content is left alone, a bare speech cue (kept only as a tag for a quotation) gets the
content, and a cue that made no event makes one. Negated cues are never positions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.cue_events import EventBuilder
from reader.analysis.cue_holders import _agent, _find_subject, tag_end, tag_subject_in_content
from reader.analysis.cue_negation import _withheld
from reader.analysis.cue_spans import (
    _cue_bounds,
    _lemma,
    _lemma_with_particle,
    _phrase_bounds_np,
    _token_span,
)
from reader.analysis.lexicon import BELIEF_VERBS, EVIDENCE_VERBS, OBJECT_CUES, SPEECH_VERBS, WEAK_SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from reader.analysis.facts import SpeechEvent
    from reader.analysis.model import Span

# Dependents a tag verb may have without having content of its own: "noted in the Ledger", "said
# on Tuesday", "wrote last week". Its object or clause would be its own content.
_OWN_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "attr", "oprd", "acomp"})
# "as they argued over the bill", "as she spoke about ...": the ``as`` of time, not of a source.
_TOPIC_PREPOSITIONS = frozenset({"about", "over", "with", "against", "for", "of"})
_RELATIVE_WORDS = frozenset({"which", "that", "who", "what", "whom"})
# Speech verbs whose object is a topic, not a position: "a number both sides now cite".
_TOPIC_VERBS = frozenset({"cite", "mention", "discuss", "highlight", "reference", "invoke"})
_CLAUSE_ENDS = frozenset({";", "—", "–", "--", "(", ")"})


def clause_tag_events(doc: Doc, base: int, known: list[SpeechEvent]) -> list[SpeechEvent]:
    """Positions whose cue follows the start of its content, in one paragraph; fills the content of
    the bare speech events in ``known`` this finds content for (see the module docstring)."""
    builder = EventBuilder(doc, base)
    by_cue = {event.cue.start: event for event in known}
    found: list[SpeechEvent] = []
    for verb in doc:
        lemma = _lemma(verb)
        bare = by_cue.get(base + verb.idx)
        if verb.pos_ == "VERB" and lemma in OBJECT_CUES and (bare is None or bare.content is None):
            event = _relative_object(builder, verb)
            if event is not None and bare is not None:
                bare.content, bare.frame, bare.stance, bare.target = (
                    event.content,
                    event.frame,
                    event.stance,
                    event.target,
                )
                continue
            if event is not None:
                found.append(event)
                continue
        if verb.pos_ != "VERB" or not (
            lemma in SPEECH_VERBS or lemma in BELIEF_VERBS or lemma in EVIDENCE_VERBS
        ):
            continue
        same = by_cue.get(base + verb.idx)
        if (same is not None and same.content is not None) or _withheld(verb):
            continue
        reading = _as_tag(verb) or _final_tag(verb) or _split_clause(verb)
        # A bridge's content is a predicate whose subject is the relative word: two words are a
        # statement there ("fees that critics say [harm workers]").
        shortest = 3
        if reading is None:
            reading, shortest = _bridge(verb), 2
        if reading is None:
            continue
        holder, first, last = reading
        if doc[first].is_quote or doc[last].is_quote or (last + 1 < len(doc) and doc[last + 1].is_quote):
            continue  # a quotation is the quote tags' to attribute; a partial quote inside is content
        content = _token_span(doc, base, first, last)
        if content is None or len(content.text.split()) < shortest:
            continue
        if same is not None:
            same.content = content
            same.frame = "belief" if lemma in BELIEF_VERBS else same.frame
            continue
        event = _event(builder, verb, holder, content)
        if event is not None:
            found.append(event)
    return found


def _relative_object(builder: EventBuilder, verb: Token) -> SpeechEvent | None:
    """``a plan she once backed``, ``a proposal the owners rejected``, ``the kind he had described``:
    a stance verb (or, with no relative word, a speech verb) in a relative clause whose object is the
    noun the clause hangs on, when the parser made no relative word its object (``object_cues`` reads
    "which he has denied"). The content (and a stance's target) is that noun's phrase, without the
    relative clause."""
    antecedent = verb.head
    if verb.dep_ != "relcl" or antecedent.pos_ not in ("NOUN", "PROPN", "PRON") or antecedent.i > verb.i:
        return None
    frame = OBJECT_CUES[_lemma(verb)][0]
    relative = any(t.lower_ in _RELATIVE_WORDS for t in verb.subtree if t.i < verb.i)
    if frame not in ("stance", "speech") or (
        frame == "speech" and (relative or _lemma(verb) in _TOPIC_VERBS)
    ):
        return None  # "the film, which we reported on" is narration; "the kind he described" is not
    if any(t.lower_ == "whose" for t in verb.subtree):
        return None  # "whose record he belittled": the object is in the clause
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in _RELATIVE_WORDS or subject.i > verb.i or _withheld(verb):
        return None
    for child in verb.children:
        if (
            child.dep_ in ("dobj", "ccomp", "xcomp", "dative", "attr", "oprd")
            and child.lower_ not in _RELATIVE_WORDS
        ):
            return None  # "the group that she says backs him": the clause has an object of its own
        objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
        if child.dep_ == "prep" and (not objects or any(c.lower_ in _RELATIVE_WORDS for c in objects)):
            return None  # "the establishment he rails against", "an ad in which he declares": not the object
    if _attachment_in_doubt(verb, antecedent):
        return None
    first, last = _phrase_bounds_np(antecedent)
    last = min(last, verb.left_edge.i - 1)
    while last > first and builder.doc[last].is_punct:
        last -= 1  # "the column (which ...": the bracket opens the relative clause
    content = _token_span(builder.doc, builder.base, first, last)
    if content is None:
        return None
    frame, stance = OBJECT_CUES[_lemma(verb)]
    target = content if frame == "stance" else None
    return builder.event(verb, verb.i, subject, content, frame, _lemma(verb), stance, target)


def _attachment_in_doubt(verb: Token, antecedent: Token) -> bool:
    """A ``, which`` clause after the object of a clause inside a noun phrase: in "allegations that he
    bullied staff, which he has denied" the parser hangs it on "staff", but what was denied may be
    the allegations. Left alone then."""
    doc = verb.doc
    start = verb.left_edge
    after_comma = (
        start.lower_ == "which" and start.i > 0 and doc[start.i - 1].text in (",", "(", "—", "–", "-")
    )
    holder_clause = antecedent.head
    subordinate = holder_clause.pos_ in ("VERB", "AUX") and holder_clause.dep_ in (
        "acl",
        "relcl",
        "ccomp",
        "advcl",
    )
    return after_comma and subordinate


def _event(builder: EventBuilder, verb: Token, holder: Token, content: Span) -> SpeechEvent | None:
    lemma = _lemma(verb)
    is_speech = lemma in SPEECH_VERBS
    frame = "belief" if lemma in BELIEF_VERBS or not is_speech else "speech"
    _, cue_last = _cue_bounds(verb)
    strong = is_speech and lemma not in WEAK_SPEECH_VERBS
    return builder.event(verb, cue_last, holder, content, frame, _lemma_with_particle(verb), strong=strong)


def _has_own_content(verb: Token) -> bool:
    """An object or clause of the cue's own ("as she announced her bid"); the addressee of "told"
    ("as he told reporters") is not content."""
    for child in verb.children:
        if child.dep_ in _OWN_CONTENT_DEPS and not (child.dep_ == "dobj" and _lemma(verb) == "tell"):
            return True
    return False


def _clause_without(head: Token, part: Token) -> tuple[int, int] | None:
    """Token bounds of ``head``'s clause without the dependent ``part`` at its start or end."""
    if part.i > head.i:
        return head.left_edge.i, part.left_edge.i - 1
    if part.right_edge.i < head.right_edge.i:
        return part.right_edge.i + 1, head.right_edge.i
    return None


def _as_tag(verb: Token) -> tuple[Token, int, int] | None:
    """``..., as Dana Reyes noted in the Ledger.``, ``As reported by the Ledger, ...``: the clause the
    ``as`` clause hangs on is the content."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    if _has_own_content(verb) or any(
        c.dep_ == "prep" and c.lower_ in _TOPIC_PREPOSITIONS for c in verb.children
    ):
        return None
    # "as some have speculated": the subject; "as reported by the Ledger": the agent.
    holder = next((c for c in verb.children if c.dep_ == "nsubj"), None) or _agent(verb)
    head = verb.head
    if holder is None or not (_has_subject(head) or _verbless_root(head)):
        return None  # "repairing the dam, as ordered by ...": no clause to attribute
    bounds = _clause_without(head, verb)
    if bounds is None:
        return None
    first, last = bounds
    while first < last and verb.doc[first].dep_ == "mark" and verb.doc[first].head.i == head.i:
        first += 1  # "It is no secret that [printing money ...]": the clause's own "that"
    return holder, first, last


_DASHES = frozenset({"--", "—", "–", "-"})


def _split_clause(verb: Token) -> tuple[Token, int, int] | None:
    """``saying the council's scheme -- two depots -- is too costly``: an aside between dashes
    splits the said clause, and the parser takes its subject for the cue's object and hangs its verb
    elsewhere. The content runs from the object over the aside to the end of the verb's phrase."""
    doc = verb.doc
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None or _lemma(verb) not in SPEECH_VERBS or _lemma(verb) == "tell":
        return None
    if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in obj.subtree):
        return None
    # The aside may hang on the object as its apposition ("scheme -- two depots ... --") or not.
    opening = next((t.i for t in doc[obj.i + 1 : verb.sent.end] if t.text in _DASHES), None)
    if opening is None or any(t.i not in {u.i for u in obj.subtree} for t in doc[obj.i + 1 : opening]):
        return None
    closing = next((t.i for t in doc[opening + 1 : verb.sent.end] if t.text in _DASHES), None)
    if closing is None or closing + 1 >= verb.sent.end:
        return None
    predicate = doc[closing + 1]
    if predicate.tag_ not in ("VBD", "VBZ", "VBP", "MD") or predicate.head.i > verb.i:
        return None
    if predicate.tag_ == "MD":
        predicate = predicate.head
    if _has_subject(predicate) or predicate.i < closing:
        return None
    holder = _find_subject(verb)
    return (holder, obj.left_edge.i, predicate.right_edge.i) if holder is not None else None


def _verbless_root(head: Token) -> bool:
    """A sentence the parser rooted on its subject noun ("as the Courier has reported, tenants who
    won appeals included ...": "tenants" as the root), with a finite verb in it all the same."""
    return (
        head.dep_ == "ROOT"
        and head.pos_ in ("NOUN", "PROPN")
        and any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in head.subtree if t.i > head.i)
    )


def _final_tag(verb: Token) -> tuple[Token, int, int] | None:
    """``The mill is under pressure, said the firm's finance chief, Ola Berg.``: a tag after
    a comma that ends the sentence, parsed as a clause joined to the one before."""
    doc = verb.doc
    sentence = verb.sent
    if verb.dep_ not in ("conj", "parataxis", "ccomp", "ROOT") or _has_own_content(verb):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) or tag_subject_in_content(verb)
    if subject is None:
        return None
    tag_first = min(verb.i, subject.left_edge.i)
    if tag_first <= sentence.start + 2 or doc[tag_first - 1].text != ",":
        return None
    end = tag_end(verb)
    if not _only_circumstances(verb, subject, end):
        return None  # more follows the tag than its speaker and when or where it spoke
    if subject.i > verb.i and not _tail_is(subject, end):
        return None
    first = sentence.start
    last = tag_first - 2
    if not _is_clause(doc, first, last):
        return None  # "Asked whether she would resign, Lena Berg said: ..." attributes no clause
    return _find_subject(verb) or subject, first, last


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def _has_subject(verb: Token) -> bool:
    return any(child.dep_ in _SUBJECTS for child in verb.children)


def _is_clause(doc: Doc, first: int, last: int) -> bool:
    """Whether tokens ``first`` to ``last`` make a clause: a verb with a subject at the top of the parse."""
    for token in doc[first : last + 1]:
        top = token.head.i == token.i or not first <= token.head.i <= last
        if top and token.pos_ in ("VERB", "AUX") and _has_subject(token):
            return True
    return False


def _only_circumstances(verb: Token, subject: Token, end: int) -> bool:
    """After the tag verb come only its speaker, punctuation, and when, where, how or to whom it spoke
    ("said on Saturday", "confirmed on Facebook Friday", "told a Senate panel Wednesday"), not words it
    said ("said plenty")."""
    allowed = {t.i for t in subject.subtree}
    for child in verb.rights:
        timely = child.dep_ == "npadvmod" and child.ent_type_ in ("DATE", "TIME")
        addressee = child.dep_ in ("dobj", "dative") and _lemma(verb) == "tell"  # "told a Senate panel"
        if child.dep_ in ("prep", "advmod", "agent") or timely or addressee:
            allowed.update(t.i for t in child.subtree)
    for token in verb.doc[verb.i + 1 : end]:
        if token.i in allowed and token.pos_ not in ("VERB", "AUX") and token.text not in _CLAUSE_ENDS:
            continue
        if token.is_punct and token.text not in _CLAUSE_ENDS and token.text != ":" and not token.is_quote:
            continue
        return False
    return True


def _tail_is(subject: Token, end: int) -> bool:
    """The inverted subject's phrase runs to the end of the sentence (with its apposition)."""
    return all(t.is_punct or t.i <= subject.right_edge.i for t in subject.doc[subject.i : end])


def _bridge(verb: Token) -> tuple[Token, int, int] | None:
    """``which planners argue cut traffic``, ``what she said is rising demand``, ``a move her
    advisers believe could help``: a holder and a cue between a relative word (or a noun) and the rest of the
    relative clause, which is the content."""
    doc = verb.doc
    subject = _bridge_holder(verb)
    if subject is None:
        return None
    before = subject.left_edge.i - 1
    while before >= 0 and doc[before].text == ",":
        before -= 1
    if before < 0:
        return None
    opener = doc[before]
    zero_relative = opener.pos_ == "NOUN" and opener.dep_ != "compound"
    if opener.lower_ not in _RELATIVE_WORDS and not zero_relative:
        return None
    first = verb.i + 1
    while first < len(doc) and doc[first].text == ",":
        first += 1
    if first >= len(doc) or not _starts_predicate(doc[first], strict=zero_relative):
        return None
    last = first
    end = verb.sent.end
    while last + 1 < end and doc[last + 1].text not in _CLAUSE_ENDS:
        last += 1
    return subject, first, last


def _bridge_holder(verb: Token) -> Token | None:
    """The holder right before the cue (with only auxiliaries and adverbs between), not the relative
    word the parser may also make its subject ("what she said is ...": "what" and "she")."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and (doc[i].dep_ in ("aux", "neg", "advmod") and doc[i].pos_ in ("AUX", "ADV", "PART")):
        i -= 1
    if i < 0:
        return None
    token = doc[i]
    if token.lower_ in _RELATIVE_WORDS or token.head.i != verb.i:
        return None
    return token if token.dep_ in ("nsubj", "amod", "npadvmod") else None


def _starts_predicate(token: Token, *, strict: bool) -> bool:
    """The first word after the cue begins a verb phrase with no subject of its own: "cut", "is",
    "would". After a bare noun (no relative word) only a modal or a finite verb will do; after a
    relative word, also a bare lower-case noun, which the tagger makes of many a verb there
    ("which planners argue cut traffic", "that critics say harm workers")."""
    if token.tag_ in ("MD", "VBZ", "VBP", "VBD"):
        return True
    if strict:
        return False
    if token.pos_ in ("VERB", "AUX") and token.tag_ in ("VB", "VBG", "VBN"):
        return True
    return (
        token.pos_ == "NOUN"
        and token.text.islower()
        and token.i + 1 < len(token.doc)
        and (token.doc[token.i + 1].pos_ in ("NOUN", "PROPN", "DET", "PRON", "ADJ", "NUM"))
    )
