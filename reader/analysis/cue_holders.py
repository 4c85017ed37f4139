"""The holder (source) of an attribution cue: who says, believes or wants what.

The subject of the cue, followed through participles, infinitives, relative clauses and coordination
(``X, who has accused ...``, ``plans to announce``), the best name in the subject phrase, the agent of a
passive, and whether a phrase can be a source at all."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.cue_spans import _lemma
from reader.analysis.lexicon import (
    BELIEF_VERBS,
    DOCUMENT_NOUNS,
    EVIDENCE_NOUNS,
    GROUP_PRONOUNS,
    MORE_SPEAKER_NOUNS,
    NOUN_CUES,
    POSSESSIVE_PRONOUNS,
    REPORTER_PARTICIPLES,
    SPEAKER_NOUNS,
    SPEECH_VERBS,
    SUBJECT_PRONOUNS,
)
from reader.analysis.names import ORGANISATION_LEADS, is_title_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_INHERIT_SUBJECT_DEPS = ("advcl", "conj", "xcomp")
# "won the seat by denouncing the deal", "went further in chiding Trump": a gerund after one of
# these prepositions shares the subject of the verb the preposition hangs from.
_GERUND_PREPOSITIONS = ("by", "in", "after", "before", "while", "when", "since", "despite")
# Compound prepositions before a gerund, by their last word and the noun before it: "in addition to
# stating that ...", "on top of saying ...".
_COMPOUND_GERUND_PREPOSITIONS = {"to": ("addition",), "of": ("top",)}
_SOURCE_NOUNS = SPEAKER_NOUNS | MORE_SPEAKER_NOUNS | EVIDENCE_NOUNS
_RELATIVE_PRONOUNS = ("who", "which", "that")


def _proper_chain(token: Token) -> tuple[int, int]:
    """Token indices [first, last] of the run of proper nouns around ``token``."""
    doc = token.doc
    first = last = token.i
    while True:
        if first > 0 and doc[first - 1].pos_ == "PROPN" and not is_title_word(doc[first - 1].text):
            first -= 1
        elif first > 1 and _glued_hyphen(doc, first - 1) and doc[first - 2].pos_ == "PROPN":
            first -= 2  # "Rosalind Okafor-Baines": the parser splits the surname at its hyphen
        else:
            break
    while True:
        if last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN":
            last += 1
        elif last + 2 < len(doc) and _glued_hyphen(doc, last + 1) and doc[last + 2].pos_ == "PROPN":
            last += 2
        elif (
            last + 2 < len(doc)
            and doc[last + 1].lower_ == "of"
            and doc[last].lower_ in ORGANISATION_LEADS
            and doc[last + 2].pos_ == "PROPN"
        ):
            last += 2  # "the Ardenshire Chamber of Commerce": one name over its "of"
        else:
            break
    return first, last


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen written with no space on either side ("Okafor-Baines")."""
    return doc[i].text in ("-", "‐") and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def _named_inside(subject: Token, labels: tuple[str, ...], via_appos: bool) -> Token | None:
    """A name inside the subject phrase that is the real source, not a possessor.

    "Her counterpart from Northridge, Pieter van Wyk," (an apposition somewhere in the
    phrase) and "figures released by the board" name their source; "Szymanski’s lawyers"
    does not make Szymanski the speaker.
    """
    for token in subject.subtree:
        if token.i == subject.i or token.ent_type_ not in labels:
            continue
        path, node, seen_by = [], token, False
        while node.i != subject.i and node.head.i != node.i:
            path.append(node.dep_)
            node = node.head
            seen_by = seen_by or (node.i != subject.i and node.lemma_.lower() in REPORTER_PARTICIPLES)
        if node.i != subject.i or "poss" in path or seen_by:
            continue
        if not via_appos or "appos" in path:
            return token
    return None


def _parenthesised(token: Token) -> bool:
    """Whether ``token`` is written inside brackets: "(D)", "(R-Ohio)"."""
    doc = token.doc
    start, end = token.left_edge.i, token.right_edge.i
    return start > 0 and doc[start - 1].text == "(" and end + 1 < len(doc) and doc[end + 1].text == ")"


def speaker_phrase(subject: Token) -> tuple[Token, str]:
    """The token that best names the speaker, and the form of the phrase.

    "Ukrainian senior commander Oleksandr Syrskyi" is parsed with "commander" as
    the subject and the name as its apposition: the name is the better speaker.
    A document ("the statement", "figures released by the board") speaks for
    whoever issued it; a poll or a study holds its own evidence.
    """
    for child in subject.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.text[:1].isupper():
            if subject.pos_ == "PROPN" and _parenthesised(child):
                continue  # "Ed Rendell (D)", "Chuck Schumer (D-N.Y.)": a party and state, not a name
            if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in child.children):
                continue  # "The senator, a Democrat from Ohio,": a description, not a name
            return child, "name"
    renamed = _name_after_relative(subject)
    if renamed is not None:
        return renamed, "name"
    if subject.pos_ == "NOUN":
        lemma = _lemma(subject)
        is_document = lemma in DOCUMENT_NOUNS and lemma not in EVIDENCE_NOUNS
        labels = ("PERSON", "ORG", "GPE") if is_document else ("PERSON",)
        named = _named_inside(subject, labels, via_appos=not is_document)
        if named is not None:
            return named, "name"
        if lemma in _BODY_OF_NOUNS:
            # "the three-judge panel of the Fifth District Court of Appeal found": the court.
            of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            body = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if body is not None and body.ent_type_ == "ORG":
                return body, "name"
        polity = _named_polity(subject)
        if polity is not None:
            return polity, "name"
        owner = next((child for child in subject.children if child.dep_ == "poss"), None)
        if lemma in DOCUMENT_NOUNS and owner is not None:
            # "the council's own engineering report" speaks for the council; "its report" for "it".
            return speaker_phrase(owner) if owner.pos_ != "PRON" else (owner, "pronoun")
    capitalised = subject.text[:1].isupper()
    if (subject.pos_ == "PROPN" and capitalised) or subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return subject, "name"
    if capitalised and subject.pos_ == "VERB" and subject.dep_ in _SUBJECT_DEPS:
        # A subject is no verb: a name the tagger read as one ("Sing and his advisers have said",
        # "Running Start Partners, a talent agency, says").
        return subject, "name"
    if subject.lower_ in GROUP_PRONOUNS:
        return subject, "description"  # "Those close to him", "Most of the analysts"
    if subject.pos_ == "PRON":
        return subject, "pronoun"
    return subject, "description"


# A part of a body that speaks as the body: "the panel of the Court of Appeal", "the board of Acme".
_BODY_OF_NOUNS = frozenset("panel bench leadership board committee jury presidium".split())


def _name_after_relative(subject: Token) -> Token | None:
    """ "The company that owns the wind farm, Tidewell Energy, had argued": the parser hangs the
    name on the last noun of the relative clause; a name that closes the subject phrase right after
    its relative clause is the subject's own."""
    relative = next((c for c in subject.children if c.dep_ == "relcl" and c.i > subject.i), None)
    if relative is None:
        return None
    doc = subject.doc
    for token in relative.subtree:
        if token.dep_ != "appos" or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        after = token.right_edge.i + 1
        if after < len(doc) and doc[after].text == "," and subject.right_edge.i in (after, after - 1):
            return token
    return None


def phrase_bounds(token: Token, form: str) -> tuple[int, int]:
    """Token indices [first, last] of the speaker mention."""
    if form == "name":
        if token.ent_type_ and token.ent_iob_ != "O":
            first = last = token.i
            doc = token.doc
            while first > 0 and doc[first].ent_iob_ == "I":
                first -= 1
            while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
                last += 1
            return first, last
        return _proper_chain(token)
    if form == "pronoun":
        return token.i, token.i
    if token.lower_ in GROUP_PRONOUNS:
        # "Those close to the governor": the group is defined by what follows the pronoun.
        last = token.i
        for child in token.rights:
            if child.dep_ in ("amod", "prep", "acl", "relcl") and child.right_edge.i - token.i <= 8:
                last = max(last, child.right_edge.i)
        return token.i, last
    first = token.i
    for child in token.lefts:
        if child.dep_ in ("det", "amod", "compound", "nmod", "poss", "nummod"):
            first = min(first, child.left_edge.i)
    if token.dep_ == "conj" and token.head.pos_ == "ADJ" and token.head.i < token.i:
        first = min(first, token.head.left_edge.i)  # "Current and former staff"
    return first, token.i


def _can_hold_positions(token: Token, pronoun: Token | None = None) -> bool:
    """Whether the antecedent of a relative clause can be a source: a name, a noun that names
    people, an organisation or a document, or anyone ``who`` refers to ("a banker who has
    suggested ...", "a longtime donor who backs Mr. Cruz"): "who" is only said of people."""
    if token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if pronoun is not None and pronoun.lower_ == "who" and token.pos_ == "NOUN":
        return True
    return _lemma(token) in _SOURCE_NOUNS or token.lower_ in _SOURCE_NOUNS


# Words that count a share of a group: the group's members are the source ("a majority of voters").
_SHARE_NOUNS = frozenset("majority minority plurality half third quarter percent share proportion".split())


def _share_of(token: Token) -> Token | None:
    """The group a share is of ("Republicans" in "a majority of Republicans", "voters" in "55 percent
    of voters"), or ``None`` when ``token`` counts no group."""
    if _lemma(token) not in _SHARE_NOUNS and token.lower_ not in _SHARE_NOUNS:
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((obj for obj in child.children if obj.dep_ == "pobj"), None)
    return None


def is_age_description(token: Token) -> bool:
    """``old`` in "the 58-year-old said": the parser makes the adjective the subject; an age is
    said only of a person."""
    return token.lower_ == "old" and any(c.lower_ in ("year", "years") for c in token.children)


def _valid_speaker(token: Token, form: str, strong: bool, people_only: bool = False) -> bool:
    """Whether the subject can be a source. With a strong cue ("said", "told", "condemned") any
    noun can ("the report said"); with a weak one ("believes", "plans") only a noun that names a
    source or a document, or a plural ("allies expect ..."). ``people_only`` (for "shows",
    "finds" without a poll or report) takes no plural: "rising prices show ..." is no source."""
    if form == "name":
        return True
    if form == "pronoun":
        return token.lower_ in SUBJECT_PRONOUNS or token.lower_ in POSSESSIVE_PRONOUNS
    if token.lower_ in GROUP_PRONOUNS:
        return True
    share = _share_of(token)
    if share is not None:
        # "A majority of Republicans believe", "49 percent of voters say": the people counted hold it.
        return _valid_speaker(share, "name" if share.pos_ == "PROPN" else "description", strong, people_only)
    if _lemma(token) in _SOURCE_NOUNS or token.lower_ in _SOURCE_NOUNS or is_age_description(token):
        return True
    if token.tag_ in ("NNS", "NNPS") and not people_only:
        return True
    return strong and token.pos_ in ("NOUN", "PROPN", "NUM")  # "One in three said ..."


# Nouns for a state or territory that speak for its government when a name follows: "The province of
# Eastvale wants ...", "the state of Ohio plans to ...".
_POLITY_NOUNS = frozenset(
    "province state city county country region territory republic kingdom emirate".split()
)


def _named_polity(token: Token) -> Token | None:
    """The name of a polity named by an of-phrase ("the province of Eastvale" -> "Eastvale"), which
    holds positions as its name alone does and is the same actor."""
    if _lemma(token) not in _POLITY_NOUNS:
        return None
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return None
    return next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)


def _subject_head(subject: Token) -> Token:
    """The noun of a subject phrase the parser headed with its first adjective: in "Current and
    former staff said ...", "Current" is the subject and "staff" its conjunct."""
    if subject.pos_ == "ADJ":
        noun = next((c for c in subject.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")), None)
        if noun is not None:
            return noun
    return subject


def _misplaced_subject(verb: Token) -> Token | None:
    """A subject the parser hung on a word before the cue instead of on the cue itself.

    - on a participle phrase set off before the cue: "Senator Olsen, noting the size of the deficit,
      said ..." makes Olsen the subject of "noting";
    - on a participle the parser took for the main verb, the cue hanging from it: "Parents
      campaigning to save the library say ..." ("campaigning" as the root, "say" as its ``dep``);
    - a group word taken for a modifier of a tag: "That approach, many warn, could ..." ("many" as
      an ``amod`` of "warn"), a plural taken for a compound ("..., records show.").

    A final tag's subject taken into the clause before it is ``tag_subject_in_content``'s.
    """
    for child in verb.lefts:
        if child.dep_ == "csubj" and child.tag_ == "VBG" and not _has_aux(child):
            # "Parents campaigning to save the library say ...": the participle as the subject
            found = next((c for c in child.children if c.dep_ == "nsubj" and c.i < child.i), None)
            if found is not None:
                return found
        if child.dep_ == "advcl" and child.tag_ in ("VBG", "VBN") and not _has_aux(child):
            stolen = next((c for c in child.children if c.dep_ == "nsubj" and c.i < child.i), None)
            if stolen is not None:
                return stolen
        if (
            child.dep_ in ("amod", "npadvmod", "nmod")
            and child.i == verb.i - 1
            and child.lower_ in GROUP_PRONOUNS
        ):
            return child
        if child.dep_ == "compound" and child.i == verb.i - 1 and child.tag_ in ("NNS", "NNPS"):
            return child  # "..., records show.": "show" read as a noun that "records" modifies
    head = verb.head
    if verb.dep_ == "dep" and head.i < verb.i and head.tag_ == "VBG" and not _has_aux(head):
        return next((c for c in head.children if c.dep_ == "nsubj" and c.i < head.i), None)
    if verb.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBZ", "VBP"):
        # "Sunday, while on the trail for his wife Ama Osei, former judge Kofi Osei said ...": the
        # subject hung on the name before it as an apposition.
        return noun_phrase_before(verb)
    return None


def tag_subject_in_content(verb: Token) -> Token | None:
    """The subject of a final tag that the parser made part of the clause before it: in "Donors are
    funding the ads, records lodged with the council revealed." "records" hangs in the clause (as an
    object of "funding"), in "Prices will rise, the bank's governor, Lena Ruiz, warned." "governor" is
    the object of "rise" and the cue a conjunct with no subject. The noun phrase between a comma and a
    cue that ends its sentence after a clause of its own or the one it is joined to."""
    doc = verb.doc
    joined = verb.dep_ in ("conj", "parataxis") and verb.head.i < verb.i
    if not joined and not (
        verb.dep_ == "ROOT" and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
    ):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in doc[verb.i + 1 : tag_end(verb)]):
        return None
    return noun_phrase_before(verb)


def tag_end(verb: Token) -> int:
    """Where the words after a tag verb end: the end of its sentence, or a comma and a conjunction
    that go on with the content ("..., a spokesman said on Monday, and the ferry will run again")."""
    doc = verb.doc
    end = verb.sent.end
    for token in doc[verb.i + 1 : end - 1]:
        if token.text == "," and doc[token.i + 1].pos_ == "CCONJ":
            return token.i
    return end


def noun_phrase_before(verb: Token) -> Token | None:
    """The head of a noun phrase set off by a comma right before the cue (an apposition and a comma
    after it allowed: "..., the bank's governor, Lena Ruiz, warned") that the parser hung on a word
    before that comma, or ``None``. Climbing from the phrase's last word, the highest head whose phrase
    starts right after a comma: in "..., on the trail for his wife Ama Osei, former judge Kofi Osei
    said" the phrase is "former judge Kofi Osei", not his wife's."""
    doc = verb.doc
    sentence = verb.sent
    last = verb.i - 1 if doc[verb.i - 1].text != "," else verb.i - 2
    if last <= sentence.start:
        return None
    node, found = doc[last], None
    while True:
        start = node.left_edge.i
        if node.pos_ in ("NOUN", "PROPN") and start > sentence.start and doc[start - 1].text == ",":
            found = node if node.right_edge.i >= last else found
        if node.dep_ not in _PHRASE_DEPS or not sentence.start <= node.head.i < node.i:
            break
        node = node.head
    if found is None or found.head.i >= found.left_edge.i:
        return None  # the phrase is not hung on a word before it
    return found


# Dependencies inside a noun phrase, climbed from its last word to its head: "governor, Lena Ruiz",
# "records lodged with the council".
_PHRASE_DEPS = frozenset("appos compound pobj prep acl amod poss nummod case punct".split())


def _has_aux(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _relative_antecedent(clause: Token, pronoun: Token) -> Token | None:
    """The antecedent of a relative clause, also for a second relative clause coordinated with a
    first ("the association, which was formed by ... and which has backed Okafor"), or ``None`` when
    it cannot hold a position."""
    while clause.dep_ == "conj" and clause.head.i != clause.i and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head
    if clause.dep_ != "relcl":
        return None
    antecedent = clause.head
    if not _can_hold_positions(antecedent, pronoun):
        return None
    if antecedent.dep_ == "appos" and antecedent.head.pos_ == "PROPN":
        return antecedent.head  # "Robert Mercer, a longtime donor who backs ...": Mercer
    return antecedent


def _subject_of_aside(verb: Token) -> Token | None:
    """ "Judge Ann Voss, writing for the majority, said ...": the parser makes the name the subject
    of the participle aside before the verb, which is then left with none; the name is the verb's."""
    for child in verb.children:
        if child.i > verb.i:
            break
        if child.dep_ == "advcl" and child.tag_ == "VBG":
            subject = next((c for c in child.children if c.dep_ == "nsubj" and c.i < child.i), None)
            if subject is not None:
                return subject
    return None


def _subject_of_final_tag(verb: Token) -> Token | None:
    """ "The League wants the levy replaced by a tax on cruise passengers, its leader, Ilse
    Varnhout, said": the parser hangs the tag's subject on the content's last noun as an
    apposition. A verb with its content before it and no subject takes the apposition that ends
    just before it (", NAME, said")."""
    doc = verb.doc
    if (
        verb.i < 3
        or doc[verb.i - 1].text != ","
        or not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
    ):
        return None
    token = doc[verb.i - 2]
    while token.dep_ in ("compound", "flat") and token.head.i > token.i:
        token = token.head
    if token.dep_ == "appos" and token.pos_ in ("PROPN", "NOUN") and token.head.i < token.i:
        return token
    return None


def is_perfect(verb: Token) -> bool:
    """A past participle with its own ``have`` ("and has said that ...", "but have suggested that"): a
    finite verb in the perfect, not a participle clause ("Asked whether she would ..."), so it takes
    the subject of the verb it is coordinated with like any other conjunct."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def own_auxiliary(verb: Token) -> bool:
    """A conjunct verb with an auxiliary of its own ("... but did note that", "and will argue that"):
    a clause of its own beside the verb it is coordinated with, so that verb's negation is not its."""
    return any(c.dep_ == "aux" for c in verb.children)


def _find_subject(verb: Token) -> Token | None:
    """The verb's subject, or the subject of the clause it hangs from ("..., confirming that ...",
    "plans to announce ..."). Not across a request ("urged lawmakers to reject ..." : the
    lawmakers would reject, not the one who urged), nor out of someone's reported words."""
    own = any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
    # A final tag's own subject comes before the one it would inherit from the clause it is joined to.
    found = None if own else tag_subject_in_content(verb)
    found = found or _subject_of(verb)
    if found is None and not own:
        found = _misplaced_subject(verb)
    return _subject_head(found) if found is not None else None


def after_apposition(verb: Token) -> bool:
    """``Bettencourt, a leading fiscal hawk, called the bill ...``: the small model makes the name the
    root, the description its apposition and the finite verb after the closing comma an ``acl`` of
    the description. Such a verb is the sentence's main verb, the name its subject."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBZ", "VBP") or head.dep_ != "appos":
        return False
    owner = head.head
    if owner.dep_ != "ROOT" or owner.pos_ not in ("NOUN", "PROPN"):
        return False
    doc = verb.doc
    return verb.i >= 2 and doc[verb.i - 1].text == "," and head.i < verb.i and head.right_edge.i >= verb.i - 2


def is_second_complement(verb: Token) -> bool:
    """A speech or belief verb the parser hung as a second complement of the cue, after a coordinator,
    with a clause of its own: "argued" in "said the levy was too high but argued that ...". It is the
    speaker's second statement, not part of the first one's words."""
    doc = verb.doc
    first = verb.left_edge.i
    return (
        verb.dep_ == "ccomp"
        and first > 0
        and doc[first - 1].dep_ == "cc"
        and (_lemma(verb) in SPEECH_VERBS or _lemma(verb) in BELIEF_VERBS)
        and any(c.dep_ == "ccomp" for c in verb.children)
    )


def _second_complement(verb: Token) -> bool:
    """:func:`is_second_complement` of a speech verb with a complement before it: coordinated with
    that verb, whose subject is its own."""
    return (
        is_second_complement(verb)
        and _lemma(verb.head) in SPEECH_VERBS
        and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.head.children)
    )


def _subject_of(verb: Token) -> Token | None:
    current: Token | None = verb
    by_conj = False
    for _ in range(3):
        if current is None:
            return None
        for child in current.children:
            if child.dep_ in _SUBJECT_DEPS:
                if (
                    child.dep_ == "nsubj"
                    and child.lower_ in _RELATIVE_PRONOUNS
                    and current.dep_ in ("relcl", "conj")
                ):
                    # "the Trust, which has accused Tarnway of ...": the Trust. An event or a thing
                    # holds no position: "the incursion, which has challenged Moscow's control".
                    return _relative_antecedent(current, child)
                if child.dep_ == "nsubj":
                    return child
                # "He was quoted as saying ...": the subject of "quoted" said it; so did the subject
                # of a passive coordinated with the cue ("He was asked about it and said ...").
                if current.i != verb.i and (_lemma(current) == "quote" or by_conj):
                    return child
                return None
        if current.i == verb.i:
            aside = _subject_of_aside(verb) or _subject_of_final_tag(verb)
            if aside is not None:
                return aside
        if current.dep_ == "pcomp" and current.head.lower_ == "as" and _lemma(current.head.head) == "quote":
            current = current.head.head
            continue
        if current.i != verb.i and after_apposition(current):
            return current.head.head  # "Bettencourt, a fiscal hawk, called ... and vowed to ..."
        infinitive = any(c.lower_ == "to" and c.dep_ == "aux" for c in current.children)
        if (
            (current.dep_ == "acl" and current.tag_ == "VBG")
            or (current.dep_ in ("acl", "relcl") and infinitive)
        ) and current.head.pos_ in ("NOUN", "PROPN"):
            # "super PACs backing Mr. Cruz", "a statement saying ...", "the first Democrat to endorse Sanders"
            if infinitive and current.dep_ == "acl":
                return _owner_of_act(current.head)
            return current.head
        if (
            current.dep_ == "pcomp"
            and current.tag_ == "VBG"
            and (clause := _gerund_clause(current.head)) is not None
        ):
            current = clause
            if current.i == verb.i:
                return None
            continue
        if current.i == verb.i and _second_complement(verb):
            current = verb.head  # "said the levy was too high but argued that ...": the sayer argued
            continue
        if current.dep_ not in _INHERIT_SUBJECT_DEPS or current.head.i == current.i:
            return None
        if current.dep_ == "xcomp" and any(c.dep_ in ("dobj", "dative") for c in current.head.children):
            return None
        by_conj = current.dep_ == "conj"
        current = current.head
        if current.dep_ == "ccomp":
            # Coordinated inside someone's reported words. "X said the trial was run well but
            # noted that ...": the parser hangs "noted" on "run"; when the clause belongs to a
            # speech verb, its speaker also made this statement; so for a belief verb when the cue
            # cannot share the inner clause's subject ("Planners fear that the city has missed its
            # chance and warn that ...": "warn" is no verb of "the city"). Otherwise the subject is
            # not a speaker.
            outer = current.head
            belief = _lemma(outer) in BELIEF_VERBS and _disagrees_in_number(verb, current)
            if _lemma(verb) in SPEECH_VERBS and (_lemma(outer) in SPEECH_VERBS or belief):
                current = outer
                continue
            return None
    return None


def _disagrees_in_number(verb: Token, clause: Token) -> bool:
    """A present-tense ``verb`` whose number is not that of ``clause``'s subject: "warn" (plural)
    after "the city has missed ..." (singular), "warns" after "the owners have ...". Such a verb
    is coordinated with a verb outside that clause, whatever the parser hung it on."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if (
        subject is None
        or subject.pos_ not in ("NOUN", "PROPN")
        or any(c.dep_ == "cc" for c in subject.children)
    ):
        return False
    plural = subject.tag_ in ("NNS", "NNPS")
    return (verb.tag_ == "VBP" and not plural) or (verb.tag_ == "VBZ" and plural)


def _gerund_clause(preposition: Token) -> Token | None:
    """The verb whose subject a gerund after ``preposition`` shares: the verb the preposition hangs
    from ("won the seat by denouncing the deal"), through the adjective of a copula ("was the most
    aggressive in denouncing the board") or the noun of a compound preposition ("In addition to
    stating that ..., the mayor has promised ...")."""
    if preposition.dep_ != "prep":
        return None
    word = preposition.lower_
    head = preposition.head
    if word in _COMPOUND_GERUND_PREPOSITIONS and head.lower_ in _COMPOUND_GERUND_PREPOSITIONS[word]:
        outer = head.head if head.dep_ == "pobj" else None
        if outer is None or outer.dep_ != "prep":
            return None
        head = outer.head
    elif word not in _GERUND_PREPOSITIONS:
        return None
    if head.pos_ == "ADJ" and head.dep_ in ("acomp", "attr"):
        head = head.head  # "was quick in denouncing", "was the most aggressive in denouncing"
    return head if head.pos_ in ("VERB", "AUX") else None


# Nouns of an act whose to-infinitive their owner means to do: "the senators' move to block the bill".
_ACT_NOUNS = frozenset("move attempt campaign drive bid effort push offer proposal".split())
# Nouns whose to-infinitive did not or will not happen: "his failure to condemn the attack".
_NOT_DONE_NOUNS = frozenset("failure reluctance inability".split())


def _owner_of_act(noun: Token) -> Token | None:
    """Who holds the position a to-infinitive after ``noun`` states. A noun cue's infinitive is that
    cue's own content ("the Kremlin's decision to refrain from talks": one statement, the decision's),
    so none; an act's is its owner's ("the senators' move to block the bill"); what was not done is
    nobody's ("his failure to condemn"); any other noun does it itself ("the first Democrat to
    endorse Sanders")."""
    lemma = _lemma(noun)
    if (lemma in NOUN_CUES and lemma not in _ACT_NOUNS) or lemma in _NOT_DONE_NOUNS:
        return None
    if lemma in _ACT_NOUNS:
        return next((c for c in noun.children if c.dep_ == "poss"), None)
    return noun


def _agent(verb: Token) -> Token | None:
    """The agent of a passive cue: "is expected by analysts to ..." -> analysts."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children)
