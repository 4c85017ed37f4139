"""Attitudes written with a copula: an adjective and its preposition (``The senator is critical of the
plan``, ``Voters are worried about prices``, ``She was upset that the vote was delayed``) and a noun
for a supporter or critic (``Hughes is a fervent supporter of the mayor``, ``Hughes, a longtime critic
of the plan, ...``). The holder is the subject (or the noun the apposition describes); the content is
the object of the preposition (a stance's target too) or the that-clause. Not when the copula is
negated (``is not critical of``): what someone is not is no position.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.cue_content import _clause_bounds, _complement
from reader.analysis.cue_holders import _can_hold_positions, _find_subject
from reader.analysis.cue_negation import _is_negated, _withheld
from reader.analysis.cue_spans import _lemma, _phrase_bounds_np, _token_span
from reader.analysis.facts import SpeechEvent

if TYPE_CHECKING:
    from spacy.tokens import Token

    from reader.analysis.cue_events import EventBuilder

_Frame = tuple[str, str | None]
_OPPOSE: _Frame = ("stance", "oppose")
_SUPPORT: _Frame = ("stance", "support")
_BELIEF: _Frame = ("belief", None)
_SPEECH: _Frame = ("speech", None)
_INTENTION: _Frame = ("intention", None)


def _table(frame: _Frame, entries: str) -> dict[tuple[str, str], _Frame]:
    """``"critical:of wary:of,about"`` -> {("critical", "of"): frame, ("wary", "of"): frame, ...}."""
    table: dict[tuple[str, str], _Frame] = {}
    for entry in entries.split():
        word, _, preps = entry.partition(":")
        for prep in preps.split(","):
            table[(word, prep)] = frame
    return table


# Adjective + preposition: the object of the preposition is what the holder thinks of (PolNeAR-train
# misses: critical of, skeptical of, worried about, passionate about, hungry for, interested in ...).
ADJECTIVE_PREPOSITIONS: dict[tuple[str, str], _Frame] = {
    **_table(
        _OPPOSE,
        "critical:of skeptical:of,about sceptical:of,about wary:of hostile:to opposed:to dismissive:of "
        "suspicious:of tired:of lukewarm:about,on cool:to,toward,towards contemptuous:of",
    ),
    **_table(
        _SUPPORT,
        "supportive:of enthusiastic:about passionate:about devoted:to sympathetic:to favorable:to,toward "
        "favourable:to,towards upbeat:about bullish:on keen:on fond:of hungry:for",
    ),
    **_table(
        _BELIEF,
        "worried:about,by concerned:about,by,over aware:of confident:about,in,of optimistic:about "
        "pessimistic:about sure:of,about certain:of,about upset:about,at,by,over,with angry:about,at,over "
        "surprised:at,by dismayed:at,by,over unclear:about undecided:about right:about wrong:about "
        "correct:about nervous:about anxious:about happy:with,about unhappy:with,about satisfied:with "
        "dissatisfied:with frustrated:with,by,over furious:at,about,over,with outraged:by,over,at "
        "alarmed:by,at,about troubled:by disappointed:with,in,by pleased:with,by interested:in "
        "uneasy:about adamant:about convinced:of persuaded:of shocked:by,at stunned:by disturbed:by "
        "bothered:by encouraged:by reassured:by",
    ),
    **_table(
        _OPPOSE,
        "angered:by outraged:by offended:by infuriated:by appalled:by horrified:by disgusted:by,with "
        "annoyed:by,with,at irritated:by",
    ),
    **_table(_SUPPORT, "impressed:by,with delighted:by,with thrilled:by"),
    # Session 5, from the lexicon counts (more open to 5, are against 7, 're committed to 2, is most
    # proud of 2, was clear about 2, are wary of 2) and PolNeAR-train misses (outspoken on, bent on,
    # terrified of, upfront about).
    **_table(
        _SUPPORT,
        "open:to receptive:to amenable:to proud:of committed:to appreciative:of grateful:for "
        "warm:to,toward,towards",
    ),
    **_table(
        _OPPOSE,
        "resistant:to averse:to hostile:toward,towards irate:about,over,at livid:about,at,over "
        "incensed:by,at,over,about indignant:about,at,over sour:on",
    ),
    **_table(
        _BELIEF,
        "terrified:of,by scared:of,by afraid:of fearful:of hopeful:about,of doubtful:about,of "
        "unsure:about,of uncertain:about ambivalent:about unapologetic:about",
    ),
    **_table(
        _SPEECH,
        "outspoken:on,about clear:about explicit:about candid:about upfront:about frank:about vocal:about,on",
    ),
    **_table(_INTENTION, "bent:on intent:on"),
    # Session 6, from PolNeAR-train long-tail misses (seeds 4-6: are mindful of, is partial to, aren't
    # enamored of, was more welcoming of, was less concerned with).
    **_table(_SUPPORT, "partial:to enamored:of,with enamoured:of,with welcoming:of,to"),
    **_table(_BELIEF, "mindful:of concerned:with"),
}
# Adjectives whose that-clause is what the holder feels or knows ("She was upset that ...").
THAT_ADJECTIVES: frozenset[str] = frozenset(
    "aware upset glad happy angry surprised disappointed pleased afraid frustrated furious proud relieved "
    "unhappy sorry thrilled dismayed alarmed aghast terrified".split()
    # "Some donors remained skeptical that he would follow through" (PolNeAR-train misses).
    + "skeptical sceptical doubtful".split()
)
# Adjectives whose that-clause is what the holder says: "The minister was clear that ...".
SPEECH_THAT_ADJECTIVES: frozenset[str] = frozenset("clear emphatic explicit insistent unequivocal".split())
# Nouns of a role towards something: "a supporter of the plan", "a critic of the mayor".
ROLE_NOUNS: dict[tuple[str, str], _Frame] = {
    **_table(_SUPPORT, "supporter:of backer:of advocate:of,for champion:of proponent:of defender:of"),
    **_table(_OPPOSE, "critic:of opponent:of foe:of detractor:of skeptic:of sceptic:of"),
    # "is a surrogate for the senator" (not "a fan of the film": taste, not a side; supporter of 13,
    # proponent of 4, backer of 4, defender of 2 in the lexicon counts).
    **_table(_SUPPORT, "surrogate:for cheerleader:for"),
    **_table(_OPPOSE, "adversary:of enemy:of"),
    # "is a big fan of the governor", "is no fan of the plan" (role_event keeps only people,
    # organisations and policies: PolNeAR-train misses, is no fan of), "became a voice for gun control".
    **_table(_SUPPORT, "fan:of voice:for"),
}
# Copulas a role noun follows: "is a critic of", "became a voice for", "remains a supporter of".
_COPULAS = frozenset({"be", "become", "remain"})
_NOT_HOLDERS = frozenset({"it", "this", "that", "there", "which", "what", "who"})


def attitude_event(builder: EventBuilder, word: Token) -> SpeechEvent | None:
    """``is critical of the plan``, ``are worried about prices``, ``was upset that ...`` (an adjective
    complement of a copula, or of ``seem``, ``become``, ``remain``), ``Voters, wary of the plan, ...``."""
    holder = _adjective_holder(word)
    if holder is None:
        return None
    lower = word.lower_
    for prep in (c for c in word.children if c.dep_ in ("prep", "agent") and c.i > word.i):
        frame_stance = ADJECTIVE_PREPOSITIONS.get((lower, prep.lower_))
        pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if frame_stance is None or pobj is None:
            continue
        content = _token_span(builder.doc, builder.base, pobj.left_edge.i, pobj.right_edge.i)
        frame, stance = frame_stance
        target = content if frame == "stance" else None
        lemma = f"be {lower} {prep.lower_}"
        return builder.event(word, prep.i, holder, content, frame, lemma, stance, target, strong=False)
    clause = _complement(word)
    if clause is None and word.dep_ == "acomp":
        clause = _complement(word.head)  # "was clear that ...": the parser hangs the clause on the copula
    if (lower in THAT_ADJECTIVES or lower in SPEECH_THAT_ADJECTIVES) and clause is not None:
        speech = lower in SPEECH_THAT_ADJECTIVES
        if speech and not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            return None  # "was clear what ..." asks; only "was clear that ..." says
        bounds = _clause_bounds(clause)
        if bounds is None or bounds[0] <= word.i:
            return None
        content = _token_span(builder.doc, builder.base, *bounds)
        frame = "speech" if speech else "belief"
        return builder.event(word, word.i, holder, content, frame, f"be {lower}", strong=False)
    return None


def _adjective_holder(word: Token) -> Token | None:
    """The subject of the copula, of a passive participle ("FBI officials were angered by the
    deal"), or the noun an adjective after it describes ("Voters, wary of the plan, ...")."""
    if is_passive_attitude(word):
        if _is_negated(word) or _withheld(word):
            return None
        holder = next((c for c in word.children if c.dep_ == "nsubjpass"), None)
    elif word.dep_ == "acomp" or (word.dep_ == "conj" and word.head.dep_ == "acomp"):
        # "Members were surprised and dismayed at the loss": a coordinated adjective shares the copula.
        verb = word.head if word.dep_ == "acomp" else word.head.head
        if _is_negated(verb) or _is_negated(word) or _withheld(verb):
            return None
        if verb.dep_ == "ccomp":
            return None  # "The decision suggests that the government is worried about ...": the
            # attitude is what the outer clause reports, not a position of its own
        if verb.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in verb.head.children):
            return None  # "is said to be interested in ...": hearsay, read by the passive cue
        holder = _copula_subject(verb)
    elif word.dep_ in ("amod", "appos") and word.head.pos_ in ("NOUN", "PROPN") and word.i > word.head.i:
        holder = word.head  # "Voters, wary of the plan, stayed home"
    else:
        return None
    if holder is None or holder.lower_ in _NOT_HOLDERS:
        return None
    return holder


def _copula_subject(verb: Token) -> Token | None:
    """The subject of a copula, also across coordination and relative clauses ("Kasich has not
    endorsed him and has been a critic of ...", "the White House, which has long been lukewarm about
    ...": the antecedent), never a subject that is no holder (``it``, ``there``)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ not in ("who", "which", "that"):
        return subject
    found = _find_subject(verb)
    if found is None or found.dep_ == "nsubjpass":
        return None  # "factories were battered ..., Hughes is a supporter of ...": a misparse, no holder
    return found


def is_passive_attitude(word: Token) -> bool:
    """A participle with its passive auxiliary: "were angered by", "was troubled by"."""
    return word.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in word.children)


def role_event(builder: EventBuilder, noun: Token) -> SpeechEvent | None:
    """``Hughes is a fervent supporter of the mayor`` (the copula's subject holds it), ``Hughes, a
    longtime critic of the plan, ...`` (the apposition's head does), ``Walsh, one of the mayor's
    supporters`` (the head of "one"), and the target written before the noun: ``She is a Sanders
    supporter``, ``one of his wife's backers``. ``is no fan of the mayor`` opposes him."""
    role = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        role = noun.head.head  # "Walsh, one of the mayor's supporters": "one" stands in the clause
    no_fan = False
    if role.dep_ == "attr" and _lemma(role.head) in _COPULAS:
        negated = any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
        no_fan = negated and _lemma(noun) == "fan"  # "is no fan of": a dislike, not a denial
        if _is_negated(role.head) or (negated and not no_fan):
            return None
        holder = _copula_subject(role.head)
    elif role.dep_ == "appos":
        holder = role.head
    else:
        return None
    if holder is None or holder.lower_ in _NOT_HOLDERS:
        return None
    lemma = _lemma(noun)
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.i > noun.i):
        frame_stance = ROLE_NOUNS.get((lemma, prep.lower_))
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if frame_stance is None or pobj is None:
            continue
        if lemma == "fan" and not _can_hold_positions(pobj) and _lemma(pobj) not in _POLICY_NOUNS:
            return None  # "a fan of jazz": a taste; "a fan of the mayor", "of his plan": a side
        content = _token_span(builder.doc, builder.base, pobj.left_edge.i, pobj.right_edge.i)
        frame, stance = _OPPOSE if no_fan else frame_stance
        cue_lemma = f"{lemma} {prep.lower_}"
        return builder.event(noun, prep.i, holder, content, frame, cue_lemma, stance, content, strong=False)
    frame_stance = PRENOMINAL_ROLES.get(lemma)
    before = _prenominal_target(noun)
    if frame_stance is None or before is None:
        return None
    content = _token_span(builder.doc, builder.base, *before)
    frame, stance = frame_stance
    return builder.event(noun, noun.i, holder, content, frame, lemma, stance, content, strong=False)


# Objects of "a fan of" that make it a side taken, besides people and organisations: "is no fan of
# the plan" (not "a fan of jazz").
_POLICY_NOUNS = frozenset("plan policy proposal idea deal bill law agenda approach candidacy".split())
# Role nouns whose target may come before them: "a Sanders supporter", "the mayor's critics" (PolNeAR-
# train noun misses, seeds 4-6: supporter 2, supporters 1, critics 1). Not "opponent": "her GOP
# opponent" is a rival in a race, not a side taken.
PRENOMINAL_ROLES: dict[str, _Frame] = {
    **{n: _SUPPORT for n in "supporter backer loyalist defender champion".split()},
    **{n: _OPPOSE for n in "critic detractor".split()},
}


def _prenominal_target(noun: Token) -> tuple[int, int] | None:
    """The token bounds of the name compounded with a role noun ("a longtime Clinton supporter":
    "Clinton") or of its owner when a name or a noun for people ("his wife's supporters": "his
    wife"), never a pronoun owner ("his supporters": whose is the text's guess)."""
    names = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i and c.pos_ == "PROPN"]
    if names and names[-1].i == noun.i - 1:
        start = names[0].left_edge.i
        while start < names[0].i and noun.doc[start].pos_ != "PROPN":
            start += 1  # "several vocal Trump critics": the target is "Trump", not "vocal Trump"
        return start, names[-1].i
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.i < noun.i), None)
    if owner is None or owner.pos_ == "PRON" or not _can_hold_positions(owner):
        return None
    return owner.left_edge.i, owner.i


# Stances someone receives: "The plan has drawn criticism from Berlin", "Clinton has the support of
# women", "Cruz picked up an endorsement from a former senator", "came under fire from residents".
# The holder is the object of "of"/"from"; the content (and target) is the subject who receives it.
RECEIVED_NOUNS: dict[str, _Frame] = {
    **{
        n: _SUPPORT
        for n in "support backing endorsement praise approval blessing applause favor favour".split()
    },
    **{n: _OPPOSE for n in "criticism opposition fire heat resistance rebuke condemnation flak".split()},
}
# The preposition that names what a received stance is about: "opposition from X to the plan".
_AIMED: dict[str, tuple[str, ...]] = {
    "support": ("for",), "backing": ("for",), "praise": ("for",), "opposition": ("to",),
    "criticism": ("of", "for", "over"), "resistance": ("to",), "condemnation": ("of",),
}
_RECEIVING_VERBS = frozenset(
    "have draw win receive get pick earn gain face take attract garner meet come".split()
    # "has locked down endorsements from the unions", "secured the backing of" (PolNeAR-train noun
    # misses: lock down endorsements from).
    + "lock secure land collect rack".split()
)


def received_event(builder: EventBuilder, noun: Token) -> SpeechEvent | None:
    """``The plan has drawn criticism from Berlin``: Berlin's stance on the plan."""
    frame_stance = RECEIVED_NOUNS.get(_lemma(noun))
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "under" else noun.head
    if frame_stance is None or noun.dep_ not in ("dobj", "pobj") or _lemma(verb) not in _RECEIVING_VERBS:
        return None
    if noun.dep_ == "pobj" and _lemma(verb) != "come":
        return None  # only "came under fire from"
    if _is_negated(verb) or _withheld(verb) or any(c.lower_ in ("no", "any") for c in noun.children):
        return None
    subject = _copula_subject(verb)  # "Pence, who has strong support among evangelicals": Pence
    children = (*noun.children, *verb.children)
    preps = [c for c in children if c.dep_ == "prep" and c.lower_ in ("of", "from", "among")]
    holder = next((p for prep in preps for p in prep.children if p.dep_ == "pobj"), None)
    if subject is None or holder is None or subject.lower_ in _NOT_HOLDERS or subject.pos_ == "PRON":
        return None
    first, last = _phrase_bounds_np(subject)
    # "faced opposition from homeowners to his plan": the stance is on what "to" names, not the subject.
    aims = _AIMED.get(_lemma(noun), ())
    aimed = next((c for c in children if c.dep_ == "prep" and c.lower_ in aims and c.i > noun.i), None)
    aim = None if aimed is None else next((c for c in aimed.children if c.dep_ in ("pobj", "pcomp")), None)
    if aim is not None:
        first, last = aim.left_edge.i, aim.right_edge.i
    content = _token_span(builder.doc, builder.base, first, last)
    frame, stance = frame_stance
    cue_lemma = f"{_lemma(verb)} {_lemma(noun)}"
    return builder.event(noun, noun.i, holder, content, frame, cue_lemma, stance, content, strong=False)


# A copula and a preposition of stance: "Most voters are against the levy", "I am for it", "The union
# is in favour of a strike" (are against 7, for 32, favor of 3 in the lexicon counts).
COPULA_PREPOSITIONS: dict[str, str] = {"against": "oppose", "for": "support", "in": "support"}
# Objects of "for" that make no stance: "was for the first time", "are for the most part".
_NOT_STANCE_OBJECTS = frozenset(
    "time part moment while sake now years months weeks days example instance".split()
)
_NOT_STANCE_ENTITIES = ("DATE", "TIME", "MONEY", "CARDINAL", "PERCENT", "QUANTITY", "ORDINAL")


def copula_preposition_event(builder: EventBuilder, prep: Token) -> SpeechEvent | None:
    """``Most voters are against the levy``, ``The mayor is firmly for the bridge``, ``The union is in
    favour of a strike``: a stance held by the copula's subject, its target the preposition's object.
    Only a preposition straight after the copula (adverbs between), so that "was in Iowa for the
    caucus" and "is a candidate for mayor" make none; never "is in favour" alone (popularity)."""
    copula = prep.head
    stance = COPULA_PREPOSITIONS.get(prep.lower_)
    if stance is None or prep.dep_ != "prep" or _lemma(copula) != "be" or prep.i < copula.i:
        return None
    between = prep.doc[copula.i + 1 : prep.i]
    if any(not (t.pos_ in ("ADV", "PART") or t.dep_ in ("advmod", "neg")) for t in between):
        return None
    if any(c.dep_ in ("acomp", "attr", "expl") for c in copula.children):
        return None
    pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    cue_last = prep.i
    if prep.lower_ == "in":
        if pobj is None or pobj.lower_ not in ("favor", "favour"):
            return None
        if any(c.dep_ == "det" for c in pobj.children):
            return None
        of = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ in ("pobj", "pcomp")), None) if of is not None else None
        cue_last = of.i if of is not None else cue_last
    if pobj is None or pobj.ent_type_ in _NOT_STANCE_ENTITIES:
        return None
    if any(_lemma(t) in _NOT_STANCE_OBJECTS for t in pobj.doc[pobj.left_edge.i : pobj.i + 1]):
        return None  # "were for the most part calm", "was for the first time"
    if _is_negated(copula) or _withheld(copula) or copula.dep_ == "ccomp":
        return None
    holder = _copula_subject(copula)
    if holder is None or holder.lower_ in _NOT_HOLDERS:
        return None
    if holder.pos_ != "PRON" and not _can_hold_positions(holder):
        return None  # "The funds are for schools": only people and organisations take a side
    content = _token_span(builder.doc, builder.base, pobj.left_edge.i, pobj.right_edge.i)
    words = " ".join(t.lower_ for t in builder.doc[prep.i : cue_last + 1])
    lemma = f"be {words}"
    return builder.event(prep, cue_last, holder, content, "stance", lemma, stance, content, strong=False)
