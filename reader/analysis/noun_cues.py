"""Cues that are not verbs: nouns (``his claim that ...``, ``her support for the bill``), adjectives
(``is convinced that``), hearsay adverbs (``reportedly``) and ``according to X``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.cue_content import _clause_bounds, _complement
from reader.analysis.cue_events import frame_by_holder
from reader.analysis.cue_holders import (
    _can_hold_positions,
    _find_subject,
    _share_of,
    _valid_speaker,
    phrase_bounds,
    speaker_phrase,
)
from reader.analysis.cue_negation import _is_negated, _withheld
from reader.analysis.cue_spans import (
    _infinitive_bounds,
    _lemma,
    _lemma_with_particle,
    _token_span,
    _trimmed,
    text_span,
)
from reader.analysis.facts import SpeechEvent
from reader.analysis.lexicon import (
    AS_CUES,
    BELIEF_VERBS,
    EVIDENCE_VERBS,
    INTENTION_VERBS,
    LIGHT_VERBS,
    NOUN_CUES,
    NOUN_PREPOSITION_CUES,
    OBJECT_CUES,
    REQUEST_VERBS,
    SPEECH_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from reader.analysis.cue_events import EventBuilder


def adjective_event(builder: EventBuilder, adjective: Token) -> SpeechEvent | None:
    """``is convinced that ...``: a belief held by the subject of the copula."""
    clause = _complement(adjective)
    if clause is None or adjective.dep_ != "acomp":
        return None
    copula = adjective.head
    if _is_negated(copula) or _withheld(copula):
        return None
    subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    bounds = _clause_bounds(clause)
    if subject is None or bounds is None:
        return None
    content = _token_span(builder.doc, builder.base, *bounds)
    return builder.event(
        adjective, adjective.i, subject, content, "belief", f"be {adjective.lower_}", strong=False
    )


def intention_adjective_event(builder: EventBuilder, adjective: Token) -> SpeechEvent | None:
    """``is willing to attack him``, ``a president keen to advance the agenda``: an intention held by
    the subject of the copula, or by the noun the adjective describes."""
    xcomp = next((c for c in adjective.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    if xcomp is None or not any(c.lower_ == "to" for c in xcomp.children):
        return None
    if adjective.dep_ == "acomp":
        copula = adjective.head
        if _is_negated(copula) or _withheld(copula) or _is_negated(adjective):
            return None
        holder = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    elif adjective.dep_ == "amod" and adjective.head.pos_ in ("NOUN", "PROPN"):
        holder = adjective.head
    else:
        return None
    if holder is None:
        return None
    content = _token_span(builder.doc, builder.base, *_infinitive_bounds(xcomp))
    return builder.event(
        adjective, adjective.i, holder, content, "intention", f"{adjective.lower_} to", strong=False
    )


def noun_event(builder: EventBuilder, noun: Token) -> SpeechEvent | None:
    """``his claim that ...``, ``the ministry's view that ...``, ``her pledge to ...``,
    ``her support for the bill``."""
    if _reported_by_verb(noun):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    preps = [c for c in noun.children if c.dep_ == "prep" and c.i > noun.i]
    if owner is None:
        owner = _light_verb_holder(noun)
        if owner is not None:
            # "raised questions about the deal": the parser may hang the preposition on the verb
            preps += [c for c in noun.head.children if c.dep_ == "prep" and c.i > noun.i]
        else:
            owner = _in_document_holder(noun) or _from_holder(noun)
    if owner is None:
        return None
    doc = builder.doc
    for prep in preps:
        key = (noun.lower_, prep.lower_)
        pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        frame_stance = NOUN_PREPOSITION_CUES.get(key)
        frame_stance = frame_stance or POSITION_NOUN_PREPOSITIONS.get((_lemma(noun), prep.lower_))
        if _affirming_no(noun):
            frame_stance = NO_IDIOMS.get((_lemma(noun), prep.lower_))
        if frame_stance is not None and pobj is not None and not _is_time(pobj):
            frame, stance = frame_stance
            content = _token_span(doc, builder.base, pobj.left_edge.i, pobj.right_edge.i)
            target = content if frame == "stance" else None
            cue_lemma = f"{_lemma(noun)} {prep.lower_}"
            return builder.event(
                noun, prep.i, owner, content, frame, cue_lemma, stance, target, strong=False
            )
    frame_stance = NOUN_CUES.get(_lemma(noun)) or COPULA_NOUNS.get(_lemma(noun))
    if frame_stance is None:
        return None
    for child in noun.children:
        if child.dep_ not in ("acl", "ccomp", "appos", "relcl") or child.i < noun.i:
            continue
        has_that = any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
        if child.dep_ == "relcl" and not has_that:
            continue  # "the point that he made": a relative clause; "that" as a mark opens the content
        has_to = any(c.lower_ == "to" and c.dep_ == "aux" for c in child.children)
        misparsed_that = child.dep_ == "acl" and doc[child.left_edge.i].lower_ == "that" and not has_to
        if has_that:
            bounds = _clause_bounds(child)
        elif misparsed_that and child.left_edge.dep_ in ("dobj", "nsubj"):
            # "the hawks' warnings that they would skyrocket": the parser took "that" for a relative
            # pronoun, but the clause has its own subject, so it is the warning's content.
            inner = _clause_bounds(child)
            subjects = (c for c in child.children if c.dep_ in ("nsubj", "nsubjpass"))
            has_subject = any(c.i != child.left_edge.i for c in subjects)
            bounds = (inner[0] + 1, inner[1]) if inner is not None and has_subject else None
        elif has_to:
            bounds = _infinitive_bounds(child)
        else:
            continue
        if bounds is None:
            return None
        content = _token_span(doc, builder.base, *bounds)
        frame, stance = frame_stance
        return builder.event(noun, noun.i, owner, content, frame, _lemma(noun), stance, strong=False)
    if noun.dep_ == "nsubj" and _lemma(noun.head) == "be":
        return _copula_event(builder, noun, owner, frame_stance)  # "Her answer was that ..."
    return None


# Nouns whose owner's position is what the copula names: "Her answer was that ...", "My
# impression is that ...", "Their argument: only the Senate can act" (besides the noun cues).
COPULA_NOUNS: dict[str, tuple[str, str | None]] = {
    **{n: ("speech", None) for n in "response answer reply message advice explanation pitch".split()},
    **{n: ("belief", None) for n in "impression sense feeling guess bet worry hunch".split()},
    **{n: ("intention", None) for n in "goal aim hope priority".split()},
}


def _copula_event(
    builder: EventBuilder, noun: Token, owner: Token, frame_stance: tuple[str, str | None]
) -> SpeechEvent | None:
    """``Her answer was that the plan had failed``, ``His advice is, wait a year``: the clause the
    copula gives the owner's noun cue (not when the copula is negated: ``The aim is not that ...``)."""
    copula = noun.head
    if _is_negated(copula) or noun.i > copula.i:
        return None
    clauses = (c for c in copula.children if c.dep_ in ("ccomp", "attr") and c.i > copula.i)
    clause = next((c for c in clauses if c.pos_ in ("VERB", "AUX")), None)
    if clause is None:
        return None
    bounds = _clause_bounds(clause)
    if bounds is None or bounds[0] <= copula.i:
        return None
    content = _token_span(builder.doc, builder.base, *bounds)
    frame, stance = frame_stance
    return builder.event(noun, noun.i, owner, content, frame, f"{_lemma(noun)} be", stance, strong=False)


def _in_document_holder(noun: Token) -> Token | None:
    """The subject of a speech verb whose ``in a statement`` the parser gave the that-clause:
    "The council said in a statement that ..." (a cue it did not negate)."""
    prep = noun.head
    verb = prep.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or _lemma(verb) not in SPEECH_VERBS or _withheld(verb):
        return None
    return _find_subject(verb)


def _light_verb_holder(noun: Token) -> Token | None:
    """The subject of a light verb whose object is the noun cue: "They have made the case that ...",
    "Trump made no mention of God" (a "no" keeps it: what was not mentioned is no statement of it),
    "She has doubts about the plan", "He raised questions about the deal", "took a firm stance
    against ...", "laid out his vision for ...". Only a person or an organisation holds one: "The
    beams give support for the roof" is no position (a noun with a clause, "made the point that
    ...", takes any subject)."""
    verb = noun.head
    if _nothing_but(noun):
        verb = noun.head.head.head  # "had nothing but praise for the speech": all praise
    elif noun.dep_ != "dobj":
        return None
    lemma = _lemma(verb)
    if _withheld(verb):
        return None
    if lemma not in LIGHT_VERBS:
        nouns = POSITION_LIGHT_VERBS.get(_lemma_with_particle(verb), ())
        if _lemma(noun) not in nouns and "*" not in nouns:
            return None
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children) and not _affirming_no(noun):
        return None
    subject = _find_subject(verb)
    if subject is None or _lemma(noun) in NOUN_CUES:
        return subject  # "guests made the point that ...": a clause only people give
    if subject.pos_ != "PRON" and not _can_hold_positions(subject) and _share_of(subject) is None:
        return None  # "Large majorities of voters have negative feelings toward ...": the voters do
    return subject


def _nothing_but(noun: Token) -> bool:
    """ "had nothing but praise for ...": the noun is the object of "but" after an object "nothing"."""
    but = noun.head
    return (
        noun.dep_ == "pobj"
        and but.lower_ == "but"
        and but.head.lower_ == "nothing"
        and but.head.dep_ == "dobj"
    )


# Light-verb idioms whose "no" says the position outright: "has made no secret of her frustration"
# (she shows it), "makes no apologies for his candor" (he stands by it), "made no bones about it"
# (PolNeAR-train long-tail misses, seeds 4-6: make no secret of 2, make no apologies for 2). Only
# with "no" and "make": "the secret of his success" is no statement.
NO_IDIOMS: dict[tuple[str, str], tuple[str, str | None]] = {
    ("secret", "of"): ("speech", None),
    ("secret", "about"): ("speech", None),
    ("apology", "for"): ("stance", "support"),
    ("bone", "about"): ("speech", None),
}


def _affirming_no(noun: Token) -> bool:
    """Whether ``noun`` is the object of one of the :data:`NO_IDIOMS`, "no" and all."""
    has_no = any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
    preps = {c.lower_ for c in noun.children if c.dep_ == "prep" and c.i > noun.i}
    idiom = any((_lemma(noun), prep) in NO_IDIOMS for prep in preps)
    return has_no and idiom and noun.dep_ == "dobj" and _lemma(noun.head) == "make"


_VERB_CUES = (
    SPEECH_VERBS
    | BELIEF_VERBS
    | EVIDENCE_VERBS
    | INTENTION_VERBS
    | REQUEST_VERBS
    | set(OBJECT_CUES)
    | set(AS_CUES)
)


def _reported_by_verb(noun: Token) -> bool:
    """Whether a noun cue of this module's own list is the object of a cue verb, whose statement
    holds the whole object already: "outlined her vision for the city", "voiced doubts about the
    plan" (a second, narrower statement would overlap it). Light verbs are no such cue: "has doubts
    about ..." is the noun's. The lexicon's noun cues are left to the object rule, which gives an
    owned one to the noun ("repeated his claim that ..."), unless a named other owns it and it has
    no clause: "highlighted Voss's comments about the budget" is the subject's statement whole, and
    its topic no second one of Voss's."""
    verb = noun.head
    if noun.dep_ != "dobj":
        return False
    if _lemma(noun) in NOUN_CUES and (_has_clause(noun) or not _named_owner(noun)):
        return False
    if verb.pos_ != "VERB" or _lemma(verb) in LIGHT_VERBS:
        return False
    return _lemma(verb) in _VERB_CUES and _lemma_with_particle(verb) not in POSITION_LIGHT_VERBS


def _has_clause(noun: Token) -> bool:
    """Whether a noun has a clause of its own after it ("his claim that ...", "a plan to ...")."""
    return any(c.dep_ in ("acl", "ccomp") and c.i > noun.i for c in noun.children)


def _named_owner(noun: Token) -> bool:
    """Whether a noun's owner is named rather than a pronoun ("Voss's comments", not "her
    comments", whose owner is most often the verb's own subject)."""
    return any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in noun.children)


_TIME_NOUNS = frozenset("day night morning afternoon evening week weekend month year eve occasion".split())


def _is_time(pobj: Token) -> bool:
    """Whether a preposition's object is a time ("a speech on Monday", "his address on the closing
    night"), which tells when, not what about."""
    return pobj.ent_type_ in ("DATE", "TIME") or _lemma(pobj) in _TIME_NOUNS


def _from_holder(noun: Token) -> Token | None:
    """The person a noun cue is from or by: "an admission from Senator Voss that ...", "criticism
    from the union of the plan", "a warning by the ministry about ..." (a name, or a noun for people
    or an organisation)."""
    preps = (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by") and c.i > noun.i)
    for prep in preps:
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is not None and _can_hold_positions(pobj):
            return pobj
    return None


def _table(frame: tuple[str, str | None], entries: str) -> dict[tuple[str, str], tuple[str, str | None]]:
    """``"doubt:about,over view:of"`` -> {("doubt", "about"): frame, ("doubt", "over"): frame, ...}."""
    table: dict[tuple[str, str], tuple[str, str | None]] = {}
    for entry in entries.split():
        word, _, preps = entry.partition(":")
        for prep in preps.split(","):
            table[(word, prep)] = frame
    return table


# Noun + preposition cues by the noun's lemma, besides ``lexicon.NOUN_PREPOSITION_CUES``; ranked from
# the lexicon counts of noun cues (question about 20, support of 6, request for 6, attitude about 6,
# doubt about 5, reference to 5, ruling on 5, indignation about 5, embrace of 4, accusation of 4,
# rebuttal to 4, rejection of 3, hostility to 3, opinion of 3, stance on 3, plan for 3 ...). They need
# an owner: a possessive, the subject of a light verb, or a "from"/"by" phrase.
POSITION_NOUN_PREPOSITIONS: dict[tuple[str, str], tuple[str, str | None]] = {
    **_table(
        ("speech", None),
        "question:about,over reference:to remark:about,on comment:about,on statement:on,about "
        "rebuttal:to,of message:on,of account:of testimony:about,on speech:on,about address:on "
        "ruling:on argument:about,over allegation:of,about update:about,on reversal:on claim:of "
        "assertion:of explanation:of description:of characterization:of indictment:of",
    ),
    **_table(
        ("belief", None),
        "doubt:about,over,on attitude:about,toward,towards,to opinion:of,on,about feeling:about,toward,"
        "towards,on expectation:for,of idea:for,about assessment:of perception:of fear:of,about "
        "worry:about,over anxiety:about,over suspicion:of,about skepticism:about,of,toward "
        "scepticism:about,of "
        "confidence:in faith:in theory:of,about analysis:of impression:of prediction:for,of "
        "reservation:about misgiving:about qualm:about concern:about,over,for view:about,toward,on,of "
        "position:on stance:on,toward,towards,about line:on understanding:of belief:in",
    ),
    **_table(
        ("stance", "oppose"),
        "indignation:about,over,at outrage:over,at,about anger:at,over,about hostility:to,toward,towards "
        "dislike:of,for distaste:for disdain:for contempt:for scorn:for disapproval:of rejection:of "
        "condemnation:of denunciation:of objection:to resistance:to challenge:against attack:against "
        "assault:on broadside:against,at swipe:at jab:at dig:at stance:against opposition:to "
        "campaign:against complaint:about,against criticism:of,over,about critique:of crusade:against "
        "war:on",
    ),
    **_table(
        ("stance", "support"),
        "support:of,for backing:of,for embrace:of enthusiasm:for,about passion:for admiration:for "
        "sympathy:for approval:of defense:of defence:of advocacy:for,of championing:of fondness:for "
        "loyalty:to praise:of,for endorsement:of case:for",
    ),
    # Session 6, attitudes a holder has towards someone (PolNeAR-train noun and long-tail misses,
    # seeds 4-6: affection for 2, revulsion for, distrust of, had nothing but praise for, endorsement
    # for, leveling criticism at).
    **_table(("stance", "support"), "affection:for respect:for reverence:for trust:in endorsement:for"),
    **_table(
        ("stance", "oppose"),
        "revulsion:for,at distrust:of mistrust:of antipathy:to,toward,towards animosity:toward,towards "
        "hatred:of,for loathing:of,for criticism:at",
    ),
    **_table(("stance", "accuse"), "accusation:of,against charge:of"),
    **_table(
        ("stance", "demand"), "request:for plea:for appeal:for demand:for call:for proposal:for push:for"
    ),
    **_table(
        ("intention", None),
        "plan:for vision:for,of strategy:for,of policy:of promise:of pledge:of goal:of intention:of "
        "commitment:to",
    ),
}

# Verbs (with their particle) that make a noun cue their subject's position besides ``LIGHT_VERBS``,
# with the nouns each takes ("*": any noun cue): "raised questions about", "took a stance on",
# "laid out a plan for", "launched an attack on" (raise about 9, take 8, lay out 14, put 21, hold 9,
# launch 5, file 11 in the lexicon counts).
POSITION_LIGHT_VERBS: dict[str, frozenset[str]] = {
    "raise": frozenset("question concern doubt alarm objection complaint".split()),
    "sow": frozenset("doubt".split()),
    "take": frozenset("stance position line view".split()),
    "hold": frozenset("view opinion belief position stance".split()),
    "lay out": frozenset({"*"}),
    "put forward": frozenset({"*"}),
    "unleash": frozenset("attack broadside assault criticism".split()),
    "launch": frozenset("attack broadside assault campaign crusade war".split()),
    "mount": frozenset("attack challenge campaign defense defence".split()),
    "wage": frozenset("campaign war crusade".split()),
    "level": frozenset("criticism accusation charge attack".split()),
    "file": frozenset("challenge complaint".split()),
}
POSITION_NOUNS: frozenset[str] = frozenset(noun for noun, _ in (*POSITION_NOUN_PREPOSITIONS, *NO_IDIOMS))


def hearsay_event(builder: EventBuilder, adverb: Token) -> SpeechEvent | None:
    """``Bloomberg is reportedly considering a run``: hearsay that names no holder; the content
    is the clause the adverb qualifies."""
    verb = adverb.head
    if adverb.dep_ != "advmod" or verb.pos_ not in ("VERB", "AUX") or _is_negated(verb):
        return None
    first = verb.left_edge.i
    while first < verb.i and builder.doc[first].dep_ in ("mark", "cc", "punct"):
        first += 1
    content = _token_span(builder.doc, builder.base, first, verb.right_edge.i)
    if content is None or len(content.text.split()) < 3:
        return None
    return builder.event(adverb, adverb.i, None, content, "speech", adverb.lower_, strong=False)


def according_event(builder: EventBuilder, according: Token) -> SpeechEvent | None:
    """``according to officials, ...`` and ``..., according to the ministry.``"""
    doc = according.doc
    to = doc[according.i + 1]
    objects = [child for child in to.children if child.dep_ == "pobj"]
    if not objects:
        return None
    head, form = speaker_phrase(objects[0])
    if not _valid_speaker(head, form, strong=True):
        return None
    first, last = phrase_bounds(head, form)
    phrase_first, phrase_last = according.i, max(last, objects[0].right_edge.i)
    sent = according.sent
    if phrase_first > sent.start and doc[phrase_first - 1].is_punct and phrase_first - 1 > sent.start:
        # "..., according to X." : the content is what comes before the phrase.
        content_start, content_end = sent.start_char, doc[phrase_first - 1].idx
    else:
        # "According to X, ..." : the content is what follows it.
        content_start = doc[phrase_last].idx + len(doc[phrase_last])
        content_end = sent.end_char
    frame = frame_by_holder("speech", "according to", objects[0], head, form)
    return SpeechEvent(
        cue=text_span(builder.text, builder.base, according.idx, to.idx + len(to)),
        speaker=builder.span(first, last),
        speaker_form=form,
        speaker_head=head.lower_,
        content=_trimmed(builder.text, builder.base, content_start, content_end),
        plural=head.tag_ in ("NNS", "NNPS"),
        frame=frame,
        cue_lemma="according to",
    )


# "Mr. Trump is ahead in the polls", "Teachout leads in a new survey": what the polls show.
_POLL_NOUNS = ("poll", "survey")


def poll_event(builder: EventBuilder, preposition: Token) -> SpeechEvent | None:
    """``X is ahead in the polls``, ``In a new survey, support for the levy fell``: evidence held by
    the poll, the content being the rest of the clause. Not when a cue verb already reports it
    (``In the poll, most voters said ...``: the voters said it)."""
    doc = preposition.doc
    poll = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if poll is None or _lemma(poll) not in _POLL_NOUNS or preposition.dep_ != "prep":
        return None
    head = preposition.head
    if head.pos_ not in ("VERB", "AUX", "ADJ", "ADV") or _is_negated(head):
        return None
    if _lemma(head) in SPEECH_VERBS | BELIEF_VERBS | EVIDENCE_VERBS:
        return None
    if not _valid_speaker(poll, "description", strong=True):
        return None
    clause = head if head.pos_ in ("VERB", "AUX") else head.head
    phrase_first, phrase_last = preposition.i, preposition.right_edge.i
    first, last = clause.left_edge.i, clause.right_edge.i
    if phrase_first == first:
        first = phrase_last + 1  # "In a new survey, support fell": the clause after the phrase
    else:
        last = phrase_first - 1  # "X is ahead in the polls (in Florida)": the clause before it
    while first <= last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if last - first < 2:
        return None
    speaker_first, speaker_last = phrase_bounds(poll, "description")
    return SpeechEvent(
        cue=text_span(builder.text, builder.base, preposition.idx, poll.idx + len(poll)),
        speaker=builder.span(speaker_first, speaker_last),
        speaker_form="description",
        speaker_head=poll.lower_,
        content=_token_span(doc, builder.base, first, last),
        plural=poll.tag_ == "NNS",
        frame="evidence",
        cue_lemma=f"in {_lemma(poll)}",
    )
