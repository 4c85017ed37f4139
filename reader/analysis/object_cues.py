"""Verb cues whose object is the position: ``condemned the pay offer``, ``called for a recount``,
``accused the board of hiding losses``, ``dismissed the claims as rumours``, ``called the plan reckless``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.cue_holders import speaker_phrase
from reader.analysis.cue_spans import (
    _cue_bounds,
    _is_evidence_noun,
    _lemma,
    _lemma_with_particle,
    _particle,
    _phrase_bounds_np,
    _token_span,
)
from reader.analysis.facts import SpeechEvent
from reader.analysis.lexicon import (
    AS_CUES,
    ECHO_CUES,
    NOUN_CUES,
    OBJECT_CUES,
    PERSON_OBJECT_PRONOUNS,
    PREPOSITION_CUES,
    TARGET_OBJECT_CUES,
)
from reader.analysis.phrase_cues import (
    REFLEXIVES,
    comparison_event,
    for_clause_event,
    particle_object_event,
    take_aim_event,
)
from reader.analysis.sentiment import naming_stance

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from reader.analysis.cue_events import EventBuilder

_QUOTE_MARKS = ('"', "“", "‘", "'")
# Verbs that show evidence with a plain object when a poll or report is the subject ("Opinion polls see
# Le Pen making it to a run-off").
_EVIDENCE_OBJECT_VERBS = ("show", "find", "reveal", "suggest", "indicate", "see")
# Attitudes a person shows: "has shown little inclination to ...", "showed support for", "are showing
# signs of irritation" (show 261 in the shared counts, most with a poll as subject, read elsewhere).
_SHOWN_ATTITUDES: dict[str, tuple[str, str | None]] = {
    **{n: ("intention", None) for n in "inclination willingness desire appetite eagerness readiness".split()},
    **{n: ("belief", None) for n in "interest enthusiasm concern understanding sign reluctance".split()},
    "support": ("stance", "support"),
    "contempt": ("stance", "oppose"),
    "disdain": ("stance", "oppose"),
}
# Prepositions of a topic, which the parser may hang on the listener: "talking to voters about health care".
_TOPIC_PREPOSITIONS = ("about",)  # not "of": "spoke to supporters of Ted Cruz"
# Preposition cues whose preposition the parser may hang on the verb's object: "rebuked the council over
# its silence", "credits the recovery to the new port".
_OBJECT_PREPOSITION_CUES = TARGET_OBJECT_CUES | {("credit", "to")}
# What one sees as a prospect rather than with the eyes: "rivals see an opening", "sees a path to victory".
_SEEN_PROSPECTS = frozenset(
    """
    opening opportunity chance path way threat danger risk need hope future benefit advantage value
    problem role upside downside prospect prospects possibility potential merit merits
    """.split()
)
# "called the plan reckless", "deemed it unfair": naming something is a position on it.
_NAMING_VERBS: dict[str, str] = {
    "call": "speech",
    "label": "speech",
    "brand": "speech",
    "dub": "speech",
    "deem": "belief",
    "consider": "belief",
    "declare": "speech",
}


def object_events(builder: EventBuilder, verb: Token, subject: Token) -> list[SpeechEvent | None]:
    """``condemned the pay offer``, ``called for a recount``, ``accused X of Y``, ``dismissed X as Y``."""
    lemma = _lemma(verb)
    doc = builder.doc
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    preps = [c for c in verb.children if c.dep_ == "prep"]
    if obj is not None:
        preps += [
            c
            for c in obj.children
            if c.dep_ == "prep"
            and (c.lower_ in ("of", "for", "with") or (lemma, c.lower_) in _OBJECT_PREPOSITION_CUES)
        ]
    for listener in [p for p in preps if p.lower_ in ("to", "with") and p.head.i == verb.i]:
        # "is talking to voters about health care": the parser hangs "about" on the listeners
        for heard in (c for c in listener.children if c.dep_ == "pobj"):
            topics = [c for c in heard.children if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPOSITIONS]
            preps += [c for c in topics if (lemma, c.lower_) in PREPOSITION_CUES]
    events: list[SpeechEvent | None] = []
    # V X as Y
    as_prep = next((p for p in preps if p.lower_ == "as" and p.head.i == verb.i), None)
    if as_prep is None and lemma == "refer":
        # "referred to the allegations as gossip": the parser may hang "as" on the allegations.
        to = next((p for p in preps if p.lower_ == "to"), None)
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if pobj is not None:
            as_prep = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if as_prep is None and obj is not None and lemma in AS_CUES:
        # "see the elections held Sunday as a test": the parser hangs "as" inside the object.
        as_prep = next(
            (t for t in obj.subtree if t.lower_ == "as" and t.dep_ == "prep" and t.i > obj.i), None
        )
    if as_prep is not None and lemma in AS_CUES:
        known = obj
        if known is None and lemma == "refer":
            to = next((p for p in preps if p.lower_ == "to"), None)
            known = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if known is not None and lemma == "cite" and known.pos_ == "PRON":
            # '"What difference does it make?" Her critics cited it as evidence ...': "it" is the words
            # just quoted; the critics are not their speaker, and the event would become their tag.
            known = None
        if known is not None:
            frame, stance = AS_CUES[lemma]
            first = known.left_edge.i
            content = _token_span(doc, builder.base, first, as_prep.right_edge.i)
            target = None
            if frame == "stance":
                target = _token_span(doc, builder.base, *_phrase_bounds_np(known))
            cue_lemma = "refer to as" if lemma == "refer" else f"{lemma} as"
            return [builder.event(verb, verb.i, subject, content, frame, cue_lemma, stance, target)]
    named = (
        naming_event(builder, verb, subject, obj)
        or take_aim_event(builder, verb, subject, obj)
        or particle_object_event(builder, verb, subject, obj)
        or comparison_event(builder, verb, subject, obj)
    )
    if named is None and not any(p.lower_ == "for" for p in preps):
        named = for_clause_event(builder, verb, subject)
    if named is not None:
        return [named]
    for prep in preps:
        key = (lemma, prep.lower_)
        if key not in PREPOSITION_CUES:
            continue
        pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if pobj is None or pobj.ent_type_ in ("DATE", "TIME"):
            continue  # "called on Thursday for ...": a time, not the position
        if key == ("call", "on") and prep.i != verb.i + 1:
            continue  # "called on" only as one phrase: "called the meeting on ..." is no demand
        frame, stance = PREPOSITION_CUES[key]
        if key == ("sign", "into"):
            signed = _signed_into_law(builder, verb, subject, obj, pobj)
            if signed is not None:
                events.append(signed)
            return events
        by = next((p for p in preps if p.lower_ == "by" and p.head.i == verb.i and p.i > prep.i), None)
        by_clause = next((c for c in by.children if c.dep_ == "pcomp"), None) if by is not None else None
        if key == ("respond", "to") and by_clause is not None:
            # "responded to that tweet by calling Alwaleed dopey": the response is what was said
            pobj = by_clause
        last = pobj.right_edge.i
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > pobj.i), None)
        if xcomp is not None and any(c.lower_ == "to" for c in xcomp.children):
            last = xcomp.right_edge.i  # "called on the mayor to resign": the parser hangs "to" on the verb
        first = pobj.left_edge.i
        if key == ("credit", "to") and obj is not None and obj.i < prep.i:
            first = obj.left_edge.i  # "credits the recovery to the new port": both make the belief
        content = _token_span(doc, builder.base, first, last)
        target = None
        if key in TARGET_OBJECT_CUES and obj is not None:
            target = _token_span(doc, builder.base, *_phrase_bounds_np(obj, stop=prep))
        elif frame == "stance":
            target = content
        cue_last = prep.i if prep.i == verb.i + 1 else verb.i
        cue_lemma = f"{lemma} {prep.lower_}"
        events.append(builder.event(verb, cue_last, subject, content, frame, cue_lemma, stance, target))
        return events
    if obj is not None and lemma == "show" and _lemma(obj) in _SHOWN_ATTITUDES and obj.i > verb.i:
        if any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children):
            return events  # "showed no interest in the race": negated, no position
        # "has shown little inclination to campaign", "showed limited enthusiasm for Mr. Trump"
        frame, stance = _SHOWN_ATTITUDES[_lemma(obj)]
        content = _token_span(doc, builder.base, obj.left_edge.i, obj.right_edge.i)
        target = None
        if stance is not None:  # "showed support for the strike": the strike
            to = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("for", "of")), None)
            held = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            target = _token_span(doc, builder.base, held.left_edge.i, held.right_edge.i) if held else None
        cue_lemma = f"show {_lemma(obj)}"
        events.append(builder.event(verb, obj.i, subject, content, frame, cue_lemma, stance, target))
    elif obj is not None and lemma == "see" and _lemma(obj) in _SEEN_PROSPECTS and obj.i > verb.i:
        # "rivals see an opening in New Hampshire": a belief ("saw the car" is sight)
        content = _token_span(doc, builder.base, obj.left_edge.i, obj.right_edge.i)
        events.append(builder.event(verb, verb.i, subject, content, "belief", lemma, strong=False))
    elif (shown := _shown_with_participle(verb)) is not None and _is_evidence_noun(
        speaker_phrase(subject)[0]
    ):
        # "every recent state poll has shown him trailing Trump" ("him" parsed as a dative)
        content = _token_span(doc, builder.base, *shown)
        events.append(builder.event(verb, verb.i, subject, content, "evidence", lemma))
    elif (
        obj is not None and lemma in _EVIDENCE_OBJECT_VERBS and _is_evidence_noun(speaker_phrase(subject)[0])
    ):
        # "recent polls show Clinton with a double-digit lead"
        content = _token_span(doc, builder.base, obj.left_edge.i, obj.right_edge.i)
        events.append(builder.event(verb, verb.i, subject, content, "evidence", lemma))
    elif (
        obj is not None
        and obj.lower_ in ("which", "that", "whom")
        and verb.dep_ == "relcl"
        and OBJECT_CUES.get(lemma, ("", None))[0] == "stance"
        and obj.i > verb.head.i
    ):
        # "stances that he has since disavowed", "allegations ..., which he has denied": the position
        # is the antecedent (a stance only: "Northfleet Power, which we reported on" is narration).
        antecedent = verb.head
        content = _token_span(doc, builder.base, antecedent.left_edge.i, obj.i - 1)
        frame, stance = OBJECT_CUES[lemma]
        target = content if frame == "stance" else None
        events.append(builder.event(verb, verb.i, subject, content, frame, lemma, stance, target))
    elif (
        obj is not None
        and lemma in OBJECT_CUES
        and (obj.pos_ != "PRON" or _person_stance(lemma, obj))
        and not (OBJECT_CUES[lemma][0] != "stance" and _noun_cue_object(obj))
    ):
        purpose = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > obj.i), None)
        if purpose is not None and (_asks_someone(lemma, obj) or purpose.i < obj.right_edge.i):
            return events  # "urged lawmakers to ...": a request, read as an intention
        frame, stance = OBJECT_CUES[lemma]
        bounds = _phrase_bounds_np(obj)
        if purpose is not None:
            # "proposed the creation of an agency to coordinate ...": the parser hangs the purpose
            # of the thing proposed on the verb; it is part of the position.
            bounds = (bounds[0], purpose.right_edge.i)
        if frame == "speech" and _introduces_quote(obj, bounds[1]):
            return events  # "Rosa Park described the night: ..." the quotation is what she said
        content = _token_span(doc, builder.base, *bounds)
        target = content if frame == "stance" else None
        lemma_cue = _lemma_with_particle(verb)
        events.append(
            builder.event(
                verb,
                _cue_bounds(verb)[1],
                subject,
                content,
                frame,
                lemma_cue,
                stance,
                target,
                strong=frame != "speech",
            )
        )
    elif (lemma == "rule" or lemma in OBJECT_CUES) and obj is None:
        # "denied taking any prohibited substance", "ruled out raising fares", "reported raising $9
        # million", "defended calling the plan dead": a gerund as the object
        gerund = next(
            (c for c in verb.children if c.dep_ in ("xcomp", "dobj") and c.tag_ == "VBG" and c.i > verb.i),
            None,
        )
        if gerund is not None and (lemma != "rule" or _particle(verb) == "out"):
            frame, stance = ("intention", None) if lemma == "rule" else OBJECT_CUES[lemma]
            content = _token_span(doc, builder.base, gerund.left_edge.i, gerund.right_edge.i)
            events.append(
                builder.event(
                    verb,
                    _cue_bounds(verb)[1],
                    subject,
                    content,
                    frame,
                    _lemma_with_particle(verb),
                    stance,
                    content if frame == "stance" else None,
                )
            )
    if lemma == "rule" and _particle(verb) == "out" and obj is not None:
        content = _token_span(doc, builder.base, *_phrase_bounds_np(obj))
        events.append(builder.event(verb, _cue_bounds(verb)[1], subject, content, "intention", "rule out"))
    return events


def _asks_someone(lemma: str, obj: Token) -> bool:
    """``urged lawmakers to ...``, ``asked her to``: a verb of request, or an object that is a person
    or a body, makes the infinitive what that object is asked to do."""
    return (
        OBJECT_CUES[lemma][1] == "demand"
        or obj.pos_ in ("PRON", "PROPN")
        or obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or obj.tag_ == "NNS"
    )


def _noun_cue_object(obj: Token) -> bool:
    """``repeated his claim that the contract was fair``, ``repeated her commitment to lower fares``:
    the noun cue's own complement is the position (read by the noun cues with the owner as holder);
    repeating it is no second position. A stance on it is: "questioned the ministry's view that ..."."""
    if _lemma(obj) not in NOUN_CUES or _lemma(obj.head) in ECHO_CUES:
        # "echoed the concerns of Marta Reis": taking up someone's position is a stance of its own.
        return False
    # "her commitment to lower fares", "his support for the bill": an owner's position read by the
    # noun cues. With no owner ("announced a plan to cut taxes", "an agreement for tougher
    # monitoring") the verb's subject holds it, and "highlighted Trump's comments about Clinton"
    # holds no position of Trump's: the verb's object is the content.
    if not any(c.dep_ == "poss" for c in obj.children):
        return False
    if any(c.dep_ in ("acl", "ccomp") for c in obj.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ in _OWNED_POSITION_PREPS for c in obj.children)


_OWNED_POSITION_PREPS = ("to", "on", "for", "against", "of")


def _introduces_quote(obj: Token, last: int) -> bool:
    """The object is followed by a colon or ends the sentence just before a quotation mark:
    ``described the night. "The water came in ..."``: the verb introduces the quotation."""
    doc = obj.doc
    after = last + 1
    if after < len(doc) and doc[after].text == ":":
        return True
    end = obj.sent.end
    if end > after and all(t.is_punct and t.text not in _QUOTE_MARKS for t in doc[after:end]):
        return end < len(doc) and doc[end].text[:1] in _QUOTE_MARKS
    return False


def _person_stance(lemma: str, obj: Token) -> bool:
    """``endorsed her``, ``are rejecting him``: a stance on a person named by a pronoun (its target is
    the pronoun, resolved like any mention); speech about "him" says nothing."""
    return OBJECT_CUES[lemma][0] == "stance" and obj.lower_ in PERSON_OBJECT_PRONOUNS


def _opens_quote(doc: Doc, token: Token) -> bool:
    """Whether a quotation mark comes right before ``token``'s phrase ('"a slush fund ...')."""
    first = token.left_edge.i
    return first > 0 and doc[first - 1].text[:1] in _QUOTE_MARKS


def naming_event(builder: EventBuilder, verb: Token, subject: Token, obj: Token | None) -> SpeechEvent | None:
    """``called the remarks racist`` (speech: "the remarks racist"), ``described the country
    as beset by ...``: what someone calls a thing is their position on it."""
    lemma = _lemma(verb)
    doc = builder.doc
    if lemma in _NAMING_VERBS and not (obj is not None and obj.lower_ in REFLEXIVES):
        predicate = next((c for c in verb.children if c.dep_ in ("oprd", "ccomp") and c.i > verb.i), None)
        if predicate is None and obj is not None:
            # 'calling him "a very intelligent man"': the parser makes the name a second object.
            predicate = next((c for c in verb.children if c.dep_ == "dobj" and c.i > obj.right_edge.i), None)
        if predicate is None and obj is not None:
            # 'called the bill "a slush fund"': the parser makes the quoted name the object's apposition.
            predicate = next(
                (c for c in obj.children if c.dep_ == "appos" and c.i > obj.i and _opens_quote(doc, c)), None
            )
        if predicate is None or any(
            c.dep_ == "prep" and c.lower_ in ("for", "on") and c.i == verb.i + 1 for c in verb.children
        ):
            return None  # "called for a recount", "called on X to": a demand, not a name
        first = obj.left_edge.i if obj is not None else predicate.left_edge.i
        content = _token_span(doc, builder.base, first, predicate.right_edge.i)
        name = _token_span(doc, builder.base, predicate.left_edge.i, predicate.right_edge.i)
        side = naming_stance(name.text) if obj is not None and name is not None else None
        if side is not None and obj is not None:
            # "called the bill "a slush fund"": a name that condemns or praises is a side taken on
            # the thing named, its target.
            first_target, last_target = _phrase_bounds_np(obj)
            if predicate.head.i == obj.i:
                last_target = min(last_target, predicate.left_edge.i - 1)
                while last_target > obj.i and (doc[last_target].is_punct or doc[last_target].is_quote):
                    last_target -= 1  # the name is the object's apposition: the target ends before it
            target = _token_span(doc, builder.base, first_target, last_target)
            return builder.event(verb, verb.i, subject, content, "stance", lemma, side, target)
        return builder.event(verb, verb.i, subject, content, _NAMING_VERBS[lemma], lemma)
    if lemma in AS_CUES and obj is not None:
        clause = next(
            (c for c in verb.children if c.dep_ == "advcl" and any(m.lower_ == "as" for m in c.children)),
            None,
        )
        if clause is not None and clause.i > obj.i:
            frame, stance = AS_CUES[lemma]
            content = _token_span(doc, builder.base, obj.left_edge.i, clause.right_edge.i)
            target = _token_span(doc, builder.base, *_phrase_bounds_np(obj)) if frame == "stance" else None
            return builder.event(verb, verb.i, subject, content, frame, f"{lemma} as", stance, target)
    return None


def _signed_into_law(
    builder: EventBuilder, verb: Token, subject: Token, obj: Token | None, pobj: Token
) -> SpeechEvent | None:
    """``signed the bill into law``: support for the bill (its target). "signed a player into the squad"
    is none: only "into law" makes the signature a position."""
    if obj is None or _lemma(pobj) != "law" or obj.pos_ == "PRON":
        return None
    content = _token_span(builder.doc, builder.base, *_phrase_bounds_np(obj))
    return builder.event(verb, verb.i, subject, content, "stance", "sign into law", "support", content)


def _shown_with_participle(verb: Token) -> tuple[int, int] | None:
    """``has shown him trailing Trump``: an evidence verb whose object (or dative) and the participle
    after it are what it shows (token bounds), else ``None``."""
    if _lemma(verb) not in _EVIDENCE_OBJECT_VERBS:
        return None
    dative = next((c for c in verb.children if c.dep_ in ("dative", "dobj") and c.i > verb.i), None)
    if dative is None:
        return None
    participle = next(
        (c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG" and c.i > dative.i),
        None,
    )
    return (dative.left_edge.i, participle.right_edge.i) if participle is not None else None
