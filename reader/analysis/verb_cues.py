"""Verb cues with a clause or an infinitive: ``X said (that) ...``, ``..., analysts say.``, ``The deal, he
said, is dead.``, ``plans to close the bridge``, ``urged lawmakers to ...``, and the inferences that name no
holder (``appears to``, ``it seems that``). ``verb_events`` is the entry point for every verb cue."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.cue_content import (
    _clause_bounds,
    _complement,
    _content_bounds,
    _has_own_subject,
    _inverted_complement,
    _misparsed_complement,
)
from reader.analysis.cue_holders import (
    _RELATIVE_PRONOUNS,
    _agent,
    _find_subject,
    _is_passive,
    after_apposition,
    is_perfect,
    speaker_phrase,
)
from reader.analysis.cue_negation import _withheld, _withholds
from reader.analysis.cue_spans import (
    _cue_bounds,
    _infinitive_bounds,
    _is_evidence_noun,
    _lemma,
    _lemma_with_particle,
    _token_span,
    _trimmed,
)
from reader.analysis.facts import SpeechEvent
from reader.analysis.lexicon import (
    BELIEF_VERBS,
    EVIDENCE_VERBS,
    INFERENCE_VERBS,
    INTENTION_VERBS,
    OBJECT_CUES,
    PARTICLE_CUES,
    REQUEST_VERBS,
    SPEECH_VERBS,
    WEAK_SPEECH_VERBS,
    WITHHELD_SPEECH,
    WITHHOLD_VERBS,
)
from reader.analysis.model import Span
from reader.analysis.object_cues import object_events
from reader.analysis.passive_cues import passive_events

if TYPE_CHECKING:
    from spacy.tokens import Token

    from reader.analysis.cue_events import EventBuilder

# Clause cues whose frame is not speech whatever the subject.
_CLAUSE_FRAMES: dict[str, tuple[str, str | None]] = {
    "deny": ("stance", "deny"),
    "demand": ("stance", "demand"),
    "promise": ("intention", None),
    "pledge": ("intention", None),
    "vow": ("intention", None),
    "threaten": ("intention", None),
}

# Verbs whose object does what their to-infinitive says: "The delay led Republicans to say that ...":
# the Republicans said it.
_CAUSATIVE_VERBS = frozenset("lead prompt cause force spur drive compel inspire".split())
# Verbs whose to-clause with its own subject is what the holder wants (or expects): "Critics want the
# council to reject the plan". The act wanted is nobody's position yet.
_WISH_VERBS: dict[str, str] = {
    "want": "intention",
    "need": "intention",
    "like": "intention",
    "prefer": "intention",
    "wish": "intention",
    "expect": "belief",  # its clause is read by clause_event, as a belief
}


def _to_clause(verb: Token) -> bool:
    """A to-infinitive with a subject of its own: "the council to reject the plan"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and any(
        c.dep_ == "nsubj" for c in verb.children
    )


def _participle_clause(verb: Token) -> bool:
    """A past participle with a subject of its own and no auxiliary, the object of a wish: "wants the
    sanctions lifted", "would like the quotas kept until the rains return" (the tagger often reads
    the participle as a past tense, "VBD")."""
    return (
        verb.tag_ in ("VBN", "VBD")
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children)
        and not any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children)
    )


def _wished_act(verb: Token) -> bool:
    """``want the council to reject the plan``: "reject" is what the critics want, not the council's
    position."""
    wished = verb.dep_ == "ccomp" and _lemma(verb.head) in _WISH_VERBS
    return wished and (_to_clause(verb) or _participle_clause(verb))


def _caused_speaker(verb: Token) -> Token | None:
    """``led Republicans to say that ...``: the object of a causative verb is the one who says it."""
    if verb.dep_ != "xcomp" or _lemma(verb.head) not in _CAUSATIVE_VERBS:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj"), None)


def _split_clause(verb: Token) -> tuple[int, int] | None:
    """``felt her projection of anger was over the top``: the parser split the clause with "that" left
    out into an object and a subjectless finite clause after it. Token bounds of the whole clause, for
    belief and speech verbs only; none when a mark ("because", "as") or a comma opens the second part."""
    lemma = _lemma(verb)
    if lemma not in BELIEF_VERBS and lemma not in SPEECH_VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.lower_ in ("him", "her", "them", "me", "us"):
        return None
    rest = next(
        (c for c in verb.children if c.dep_ in ("advcl", "conj", "ccomp") and c.i == obj.right_edge.i + 1),
        None,
    )
    if rest is None or rest.left_edge.i != rest.i or _has_own_subject(rest):
        return None  # "felt the heat, walking home": a clause of its own, not the object's verb
    finite = rest.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBD", "VBZ", "VBP") for c in rest.children
    )
    if not finite or any(c.dep_ in ("mark", "cc") for c in rest.children):
        return None
    return obj.left_edge.i, rest.right_edge.i


def _root_noun_subject(verb: Token) -> Token | None:
    """``The candidate boasted of his skills.``: the small model makes the subject the root and the
    finite verb an ``acl`` of it. The noun is the subject when the verb follows it directly, is past
    or present tense (``VBD``/``VBZ``/``VBP``, or a ``VBN`` with no agent and no other verb in the
    sentence), and the sentence has no other root verb."""
    head = verb.head
    if after_apposition(verb):
        return head.head  # "Carl Bettencourt (R-Utah), a leading fiscal hawk, called the bill ..."
    if verb.dep_ != "acl" or head.dep_ != "ROOT" or verb.i != head.i + 1:
        return None
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    if verb.tag_ in ("VBD", "VBZ", "VBP"):
        return head
    if verb.tag_ != "VBN" or _agent(verb) is not None or not verb.sent.text.rstrip().endswith("."):
        return None
    others = [t for t in verb.sent if t.pos_ in ("VERB", "AUX") and t.i != verb.i and t.head.i == head.i]
    return head if not others else None


def verb_events(builder: EventBuilder, verb: Token) -> list[SpeechEvent]:
    """Every position a verb reports, by construction."""
    if _withheld(verb) or (_lemma(verb) in WITHHOLD_VERBS and _withholds(verb)) or _wished_act(verb):
        return []
    if _lemma(verb) == "make":
        return _made_clear(builder, verb)
    passive = _is_passive(verb)
    own_subject = _has_own_subject(verb)
    main_verb_of = _misparsed_main_verb(verb) or _root_noun_subject(verb)
    if main_verb_of is not None:
        subject: Token | None = main_verb_of
    elif verb.tag_ == "VBN" and verb.dep_ == "acl" and not own_subject and _agent(verb) is not None:
        return _reduced_passive(builder, verb)
    elif verb.tag_ == "VBN" and not own_subject and not passive and not is_perfect(verb):
        return []  # "Asked whether she would publish ...": a question put to her, not her statement
    elif passive:
        return passive_events(builder, verb)
    elif _lemma(verb) in INFERENCE_VERBS:
        return inference_events(builder, verb)
    else:
        subject = _find_subject(verb) or _caused_speaker(verb)
    if subject is None:
        return []
    return _events_with_subject(builder, verb, subject)


def _events_with_subject(builder: EventBuilder, verb: Token, subject: Token) -> list[SpeechEvent]:
    """The positions an active verb cue with ``subject`` reports: its object, infinitive and clause."""
    found = [*object_events(builder, verb, subject), infinitive_event(builder, verb, subject)]
    events = [event for event in found if event is not None]
    clause = clause_event(builder, verb, subject)
    if clause is not None and (clause.content is not None or not events):
        events.insert(0, clause)  # a bare speech verb is kept only as a tag for a quotation
    return events


def _before_holder(subject: Token, first: int, last: int) -> int:
    """The content's last token, cut before its own holder when the parser hung the holder inside
    it (", its leader, Ilse Varnhout, said": an apposition of the content's last noun)."""
    if not first <= subject.i <= last:
        return last
    outer = subject
    while outer.dep_ == "appos" and outer.head.dep_ == "appos":
        outer = outer.head
    cut = outer.left_edge.i - 1
    doc = subject.doc
    while cut > first and doc[cut].is_punct:
        cut -= 1
    return cut if cut > first else last


def _before_outer_holder(verb: Token, first: int, last: int) -> int:
    """The last token of content [first, last] of a cue inside another cue's content, cut before the
    outer cue's holder when the parser hung it inside: "The League wants the levy replaced by a tax,
    its leader, Ilse Varnhout, said" (the League's wish stops at "tax")."""
    for outer in verb.ancestors:
        subject = _find_subject(outer) if outer.i > last else None
        if subject is not None and first <= subject.i <= last:
            return _before_holder(subject, first, last)
    return last


def _misparsed_main_verb(verb: Token) -> Token | None:
    """The subject of a sentence whose main verb the parser hung on its subject as a modifier:
    "Some supporters, who booed the officials off, called for Moyes to be replaced" comes back with
    "supporters" as the root and "called" as its participle. Only after a comma, when the noun is
    the root of its sentence (a sentence without a verb is the parser's mistake)."""
    head = verb.head
    if verb.dep_ != "acl" or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN") or verb.i < 2:
        return None
    if verb.doc[verb.i - 1].text != "," or _has_own_subject(verb):
        return None
    return head


def _made_clear(builder: EventBuilder, verb: Token) -> list[SpeechEvent]:
    """``made (it) clear that ...``, ``The poll makes clear the headwinds ...``: speech (evidence when a
    poll or report makes it clear)."""
    clear = next(
        (c for c in verb.children if c.lower_ == "clear" and c.dep_ in ("ccomp", "oprd", "acomp")), None
    )
    subject = _find_subject(verb)
    if clear is None or subject is None:
        return []
    last = clear.right_edge.i
    if last <= clear.i + 1:
        # "made clear that they would fight": the parser hangs the clause on "made", beside "clear"
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > clear.i + 1), None)
        if clause is None or clause.left_edge.i > clear.i + 3:
            return []
        last = clause.right_edge.i
    first = clear.i + 1
    while first <= last and builder.doc[first].dep_ in ("mark", "punct"):
        first += 1
    content = _token_span(builder.doc, builder.base, first, last)
    if content is None or len(content.text.split()) < 3:
        return []
    frame = "evidence" if _is_evidence_noun(speaker_phrase(subject)[0]) else "speech"
    event = builder.event(verb, clear.i, subject, content, frame, "make clear")
    return [event] if event is not None else []


def _reduced_passive(builder: EventBuilder, verb: Token) -> list[SpeechEvent]:
    """``a measure strongly opposed by unions``: the agent's stance on the noun the participle describes."""
    lemma = _lemma(verb)
    noun = verb.head
    if lemma not in OBJECT_CUES or lemma in ("back", "support") or noun.pos_ not in ("NOUN", "PROPN"):
        return []  # "Meridian, backed by pension funds": money, not a position
    content = _token_span(builder.doc, builder.base, noun.left_edge.i, noun.i)
    frame, stance = OBJECT_CUES[lemma]
    target = content if frame == "stance" else None
    event = builder.event(verb, verb.i, _agent(verb), content, frame, lemma, stance, target)
    return [event] if event is not None else []


def inference_events(builder: EventBuilder, verb: Token) -> list[SpeechEvent]:
    """``Enthusiasm for Clinton appears to have plummeted``, ``it seems that ...``: an inference
    the text attributes to no one (a belief with no holder; the content is the whole claim).
    ``Trump seemed to mock ...`` is left alone: the reporter's reading of a person is neither
    that person's position nor no one's."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    clause = _complement(verb)
    bounds: tuple[int, int] | None = None
    if subject is not None and xcomp is not None and any(c.lower_ == "to" for c in xcomp.children):
        if subject.lower_ in _RELATIVE_PRONOUNS:
            return []  # "a group that appeared to ...": the content would start mid-phrase
        if speaker_phrase(subject)[1] != "description" and subject.lower_ != "it":
            return []
        bounds = (subject.left_edge.i, xcomp.right_edge.i)
        lemma = f"{_lemma(verb)} to"
    elif subject is not None and subject.lower_ == "it" and clause is not None:
        bounds = _clause_bounds(clause)
        lemma = _lemma(verb)
    if bounds is None:
        return []
    content = _token_span(builder.doc, builder.base, *bounds)
    event = builder.event(verb, verb.i, None, content, "belief", lemma, strong=False)
    return [event] if event is not None else []


def _subject_taken_as_apposition(verb: Token, clause: Token, first: int) -> int:
    """Where a subjectless reported clause really starts: 'told Playbook the president "would sign
    ..."': the small model hangs "the president" on the listener as an apposition, and the clause
    starts at the quotation. The apposition that ends right before the clause is its subject."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return first
    doc = verb.doc
    for listener in (c for c in verb.children if c.dep_ in ("dobj", "dative")):
        for appos in (c for c in listener.children if c.dep_ == "appos"):
            gap = doc[appos.right_edge.i + 1 : clause.left_edge.i]
            if appos.right_edge.i < first and all(t.is_punct and t.is_quote for t in gap):
                return appos.left_edge.i
    return first


def clause_event(builder: EventBuilder, verb: Token, subject: Token) -> SpeechEvent | None:
    """``X said (that) ...``, ``..., analysts say.``, ``The deal, he said, is dead.``"""
    lemma = _lemma(verb)
    is_speech = lemma in SPEECH_VERBS or _lemma_with_particle(verb) in PARTICLE_CUES
    is_belief = lemma in BELIEF_VERBS
    if not (is_speech or is_belief or lemma in EVIDENCE_VERBS):
        return None
    clause = _complement(verb)
    if (
        lemma == "see"
        and (clause is None or not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children))
        and not (clause is not None and _is_evidence_noun(speaker_phrase(subject)[0]))
    ):
        # "sees that the tide is turning" is a belief; "saw the fire spread" is sight; "polls see Le Pen
        # making it to a run-off" is what the polls show.
        return None
    content: Span | None = None
    if clause is not None:
        bounds = _clause_bounds(clause)
        if bounds is not None and bounds[0] < verb.i < bounds[1]:
            # "which he said the government should pay for": the relative word the parser hangs
            # in the clause comes before the cue; the content is what follows the cue.
            bounds = (verb.i + 1, bounds[1]) if bounds[1] - verb.i >= 3 else None
        if bounds is not None:
            first, last = _content_bounds(verb, clause, bounds)
            first = _subject_taken_as_apposition(verb, clause, first)
            content = _token_span(builder.doc, builder.base, first, _before_holder(subject, first, last))
    elif (split := _split_clause(verb)) is not None:
        content = _token_span(builder.doc, builder.base, *split)
    elif (misparsed := _misparsed_complement(verb)) is not None:
        bounds = _clause_bounds(misparsed)
        if bounds is not None:
            content = _token_span(builder.doc, builder.base, *bounds)
    elif (inverted := _inverted_complement(verb)) is not None:
        content = _token_span(builder.doc, builder.base, *inverted)
    elif verb.dep_ == "parataxis" and (is_speech or is_belief) and verb.i > verb.sent.start + 1:
        # A medial tag: the content is the whole sentence around it.
        sent = verb.sent
        content = _trimmed(builder.text, builder.base, sent.start_char, sent.end_char)
    if content is None:
        return bare_speech(builder, verb, subject) if is_speech else None
    frame, stance = _CLAUSE_FRAMES.get(lemma, ("belief" if is_belief else "speech", None))
    if lemma in EVIDENCE_VERBS and not is_speech and not is_belief:
        frame = "belief"  # "the judge found that ...": an evidence frame needs a document
    if lemma == "see" and _is_evidence_noun(speaker_phrase(subject)[0]):
        frame = "evidence"  # "polls see Le Pen making it to a run-off"
    _, cue_last = _cue_bounds(verb)
    strong = is_speech and lemma not in WEAK_SPEECH_VERBS
    return builder.event(
        verb, cue_last, subject, content, frame, _lemma_with_particle(verb), stance, strong=strong
    )


def bare_speech(builder: EventBuilder, verb: Token, subject: Token) -> SpeechEvent | None:
    """A speech verb with no content of its own: kept as a tag for a quotation near it."""
    if _lemma(verb) not in SPEECH_VERBS:
        return None
    _, cue_last = _cue_bounds(verb)
    return builder.event(
        verb,
        cue_last,
        subject,
        None,
        "speech",
        _lemma_with_particle(verb),
        strong=_lemma(verb) not in WEAK_SPEECH_VERBS,
    )


def infinitive_event(builder: EventBuilder, verb: Token, subject: Token | None) -> SpeechEvent | None:
    """``plans to close the bridge``, ``urged lawmakers to reject the bill``, ``expect X to VP``."""
    lemma = _lemma(verb)
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    if xcomp is None and lemma in _WISH_VERBS and lemma not in BELIEF_VERBS:
        # "want the council to reject the plan", parsed as a clause of its own; "wants the sanctions
        # lifted", a participle with its own subject
        clauses = (c for c in verb.children if c.dep_ == "ccomp")
        clause = next((c for c in clauses if _to_clause(c) or _participle_clause(c)), None)
        if clause is None:
            return None
        first, last = clause.left_edge.i, _before_outer_holder(verb, clause.left_edge.i, clause.right_edge.i)
        content = _token_span(builder.doc, builder.base, first, last)
        cue = f"{lemma} to" if _to_clause(clause) else lemma
        return builder.event(verb, verb.i, subject, content, _WISH_VERBS[lemma], cue, strong=False)
    if xcomp is None or not any(c.lower_ == "to" for c in xcomp.children):
        return None
    if lemma in _FONDNESS_VERBS and _gapped_infinitive(verb):
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    doc = builder.doc
    if lemma in ("expect", "believe") and obj is not None:
        content = _token_span(doc, builder.base, obj.left_edge.i, xcomp.right_edge.i)
        return builder.event(verb, verb.i, subject, content, "belief", lemma, strong=False)
    if obj is not None and lemma in REQUEST_VERBS:
        content = _token_span(doc, builder.base, *_infinitive_bounds(xcomp))
        return builder.event(verb, verb.i, subject, content, "intention", f"{lemma} to")
    if obj is None and (lemma in INTENTION_VERBS or lemma in ("expect", "hope")):
        if lemma in WITHHOLD_VERBS and _lemma(xcomp) in WITHHELD_SPEECH:
            return None
        frame = "belief" if lemma == "expect" else "intention"
        content = _token_span(doc, builder.base, *_infinitive_bounds(xcomp))
        return builder.event(verb, verb.i, subject, content, frame, f"{lemma} to", strong=False)
    return None


_WH_TAGS = ("WP", "WDT", "WP$")

# "would like to", "would love to": intentions only with their own object. PolNeAR counts "the figure he
# wants to become" as a position, but with these two the gapped clause is mostly a question or a
# description ("who Cameron would like to see win"), and its words can take a quotation as their tag.
_FONDNESS_VERBS = frozenset({"like", "love"})


def _gapped_infinitive(verb: Token) -> bool:
    """An infinitive whose object was moved out of it: "the figure he would like to become", "who
    Cameron would like to see win". What is intended lies outside the to-infinitive (in the noun the
    clause modifies, or in a question), so the infinitive alone is no content. A relative subject
    ("the novice who wants to unseat her") leaves the infinitive whole."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in _RELATIVE_PRONOUNS or subject.tag_ in _WH_TAGS:
        return False
    if verb.dep_ == "relcl":
        return not any(c.tag_ == "WRB" for c in verb.children)  # "those where Elias sought to ..."
    held = {t.i for t in subject.subtree}
    return any(
        t.tag_ in _WH_TAGS and t.i < subject.i and t.dep_ != "nsubj" and t.i not in held for t in verb.subtree
    )
