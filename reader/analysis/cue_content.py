"""The content of a reported clause: its bounds (stopping before a second statement or another speaker's),
the clausal complement of a cue, and a complement the parser misattached."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.cue_holders import _SUBJECT_DEPS, is_second_complement, tag_subject_in_content
from reader.analysis.cue_spans import _lemma
from reader.analysis.lexicon import BELIEF_VERBS, SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token


# A question, not a statement: "asked whether ...".
_QUESTION_MARKS = ("whether", "if")
# Verbs that nearly always report a clause, so a clause the parser misattached is still theirs.
# Words before "that" that open a clause of purpose or condition, not what was said: "so that", "now that".
_PURPOSE = frozenset("so such now except given provided order".split())
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


def _own_mark(token: Token, clause: Token) -> bool:
    return token.dep_ == "mark" and token.head.i == clause.i


def _clause_bounds(clause: Token) -> tuple[int, int] | None:
    """Token indices [first, last] of a reported clause, without its ``that``.

    The content stops before a coordinated second statement of the same speaker and
    before another speaker's statement hung inside it.
    """
    doc = clause.doc
    first, last = clause.left_edge.i, clause.right_edge.i
    for sibling in clause.head.rights:
        # "tenants say they don't yet know enough": the parser split the clause at "don't" into two
        # complements of the cue, the second with no subject of its own; they are one clause.
        # Not "said the levy was too high but argued that ...": after a coordinator, a cue verb with a
        # clause of its own is the speaker's second statement, which the parser hung on the cue too.
        if (
            sibling.dep_ == "ccomp"
            and sibling.left_edge.i == last + 1
            and not _has_own_subject(sibling)
            and not is_second_complement(sibling)
        ):
            last = sibling.right_edge.i
    for token in clause.subtree:
        if token.i > first and _is_other_speaker(token, clause) and token.right_edge.i < clause.i:
            # "Though the mayor boasts of visitors, there is no sign ..., analysts say": another
            # speaker's clause before the content's own words is not part of them.
            first = max(first, token.right_edge.i + 1)
            continue
        if token.i > first and (_is_second_statement(token) or _is_other_speaker(token, clause)):
            cut = token.left_edge.i
            while cut - 1 > first and (doc[cut - 1].dep_ in ("cc", "mark") or doc[cut - 1].is_punct):
                cut -= 1
            last = min(last, cut - 1)
    # The clause's own "that" goes; a nested clause's "if" stays ('said if taxes rise, people will leave').
    while first <= last and (doc[first].is_punct or _own_mark(doc[first], clause)):
        first += 1
    # 'said only that ...': an adverb before the clause's own "that" is the reporter's, not content.
    if first + 1 <= last and doc[first].pos_ == "ADV" and _own_mark(doc[first + 1], clause):
        first += 2
    if last - first + 1 >= 3 and first <= last:
        return first, last
    return None


# Verb forms of a coordinated clause in the reporter's narrative past ('said A, and he left'), not the
# speaker's words ('said A, and it is time to act'); on PolNeAR train, a coordinated clause in these
# forms is outside the annotated content 3 times in 4, in any other form inside 5 times in 6.
_NARRATIVE_FORMS = ("VBD", "VBN")
# Conjunctions that open an adverbial clause of the reporter's narrative after the content
# ('said taxes would rise, as the council met on Friday').
_NARRATIVE_MARKS = frozenset({"as", "after", "before", "while", "when", "once", "following"})
_ASIDE_MARKS = (",", "—", "–", "-", "--")


def _is_cue_lemma(token: Token) -> bool:
    return _lemma(token) in SPEECH_VERBS or _lemma(token) in BELIEF_VERBS


def _content_bounds(verb: Token, clause: Token, bounds: tuple[int, int]) -> tuple[int, int]:
    """``bounds`` of a reported clause, run on over clauses coordinated with it on the cue verb and
    stopped before the reporter's own words after it.

    Coordinated: ``said that A and that B``, ``said A, and that B``, ``said A, but it is time to
    act``. A clause with no ``that`` of its own is the speaker's only when it has its own subject and
    is not in the narrative past (``said A and left the chamber``, ``said A, but he did not say
    when`` are the reporter's); a speech or belief verb coordinated there is a statement of its own.
    Stopped: an adverbial clause after a comma, opened by ``as``, ``after``, ``while``... and in the
    narrative past when the content is not (``said taxes would rise, as the council met on Friday``).
    """
    doc = verb.doc
    first, last = bounds
    holder = tag_subject_in_content(verb) if clause.i < verb.i else None
    if holder is not None and first < holder.left_edge.i <= last:
        last = holder.left_edge.i - 1  # "Donors are funding the ads, [records lodged ...] revealed."
    for adverbial in clause.children:
        if adverbial.dep_ != "advcl" or adverbial.i < clause.i or adverbial.left_edge.i > last:
            continue
        comma = adverbial.left_edge.i - 1
        marks = {c.lower_ for c in adverbial.children if c.dep_ == "mark"}
        narrative = adverbial.tag_ == "VBD" and not any(c.dep_ == "aux" for c in adverbial.children)
        narrated = marks & _NARRATIVE_MARKS and narrative and clause.tag_ not in _NARRATIVE_FORMS
        # '..., telling reporters that ...': the reporter's participle opens the holder's next statement.
        participle = adverbial.tag_ == "VBG" and not marks and _is_cue_lemma(adverbial)
        if doc[comma].text in _ASIDE_MARKS and comma > first and (narrated or participle):
            last = min(last, comma - 1)
    for token in clause.subtree:
        # '..., a former secretary of state' after a name, '... - a landslide win ...': the reporter's gloss.
        separator = doc[token.left_edge.i - 1] if token.left_edge.i > first else None
        if (
            token.dep_ == "appos"
            and separator is not None
            and separator.text in _ASIDE_MARKS
            and token.right_edge.i >= last
            and (token.head.tag_ in ("NNP", "NNPS") or separator.text != ",")
        ):
            last = min(last, separator.i - 1)
            break
    if last < bounds[1]:
        return first, last
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i <= clause.i:
            continue
        marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in conj.children)
        speakers = _has_own_subject(conj) and conj.tag_ not in _NARRATIVE_FORMS
        cue = _lemma(conj) in SPEECH_VERBS or _lemma(conj) in BELIEF_VERBS
        if not (marked or speakers) or cue or any(c.dep_ == "ccomp" for c in conj.children):
            continue
        more = _clause_bounds(conj)
        if more is None or conj.left_edge.i <= last:
            break
        last = more[1]
    return first, last


def _complement(verb: Token) -> Token | None:
    """The verb's clausal complement, unless it is a question ("asked whether ...").

    Of two, the one after the cue: the parser also hangs a clause before it on the cue ("Quint
    seems to accept it — she told the Courier that her aim is ...": "seems" and "is" both as its ``ccomp``),
    when that one has a subject of its own and is no quotation.
    A ``that`` clause the parser took for an adverbial one is a complement too ("protested soon
    after that the fees punished residents")."""
    clauses = [child for child in verb.children if child.dep_ == "ccomp"]
    after = [
        child
        for child in clauses
        if child.i > verb.i
        and _has_own_subject(child)
        and not child.left_edge.is_quote
        and not _is_speech_verb(child)  # "saying the bid ..., two people familiar said": a tag
    ]
    if clauses and clauses[0].i < verb.i and after:
        clauses = after
    for child in clauses:
        marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
        if marks & set(_QUESTION_MARKS) and _lemma(verb) not in ("ask", "wonder", "question"):
            return None
        return child
    return _that_adverbial(verb)


# Words before "that" that make an adverbial clause of it: "so that", "now that", "in that".
_ADVERBIAL_THAT = frozenset(
    "so now in such except given provided providing seeing considering save enough".split()
)


def _that_adverbial(verb: Token) -> Token | None:
    """A clause after the cue opened by ``that`` and parsed as an adverbial clause ("protested soon
    after that ..."), not one whose ``that`` belongs to ``so that``, ``now that``, ``in that``."""
    for child in verb.rights:
        if child.dep_ != "advcl" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            continue
        that = next((c for c in child.children if c.dep_ == "mark" and c.lower_ == "that"), None)
        if that is None or that.i == 0:
            continue
        if any(t.lower_ in _ADVERBIAL_THAT or t.is_punct for t in verb.doc[verb.i + 1 : that.i]):
            continue  # "worked so hard that ...", "is wrong in that ..."
        return child
    return None


def _misparsed_complement(verb: Token) -> Token | None:
    """A said-clause the parser hung on the verb as something else: "He said legalizing it could
    put thousands to work" (``legalizing`` as an xcomp). Only for verbs that nearly always report a
    clause, and only a dependent right after the cue whose subtree has a finite verb of its own."""
    if _lemma(verb) not in _SAY_VERBS:
        return None
    for child in verb.rights:
        marks = [c for c in child.children if c.dep_ == "mark" and c.lower_ == "that"]
        if child.dep_ in ("advcl", "xcomp") and marks and child.doc[marks[0].i - 1].lower_ not in _PURPOSE:
            return child  # 'saying in his statement only that he was ...': a that-clause is what was said
    for child in verb.rights:
        if child.dep_ in ("prep", "npadvmod", "advmod", "punct", "dative") or child.i > verb.i + 3:
            continue
        if child.dep_ not in ("xcomp", "advcl", "dobj", "attr", "oprd"):
            return None
        if child.tag_ == "VBG" and child.left_edge.i > 0 and verb.doc[child.left_edge.i - 1].text == ",":
            return None  # "..., Noor Haddad explained, recalling the week ...": her act, not her words
        finite = any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.i != verb.i for t in child.subtree)
        return child if finite else None
    return None


def _inverted_complement(verb: Token) -> tuple[int, int] | None:
    """Token bounds of a said-clause the parser made the cue's *head*: in "after Trump told The
    Washington Post he was not there yet", ``told`` comes out as an adverbial clause of ``was``.
    Only for verbs that nearly always report a clause (and ``tell``), with no complement of their
    own, when the head's own subject starts right after the cue's phrase (an optional ``that``
    between): the content is the head's clause from that subject on."""
    if _lemma(verb) not in _SAY_VERBS | {"tell"} or verb.dep_ not in ("advcl", "ccomp"):
        return None
    head = verb.head
    if head.i <= verb.i or head.pos_ not in ("VERB", "AUX") or any(c.dep_ == "ccomp" for c in verb.children):
        return None
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None or subject.i < verb.i:
        return None
    doc = verb.doc
    gap = [t for t in doc[verb.right_edge.i + 1 : subject.left_edge.i] if not t.is_quote]
    if any(not (t.lower_ == "that" and t.dep_ == "mark") for t in gap):
        return None  # "As they argued over the bill, the lights went out": the comma ends the cue's clause
    first = subject.left_edge.i
    last = head.right_edge.i
    for token in doc[first : last + 1]:
        if token.i > head.i and (_is_second_statement(token) or _is_other_speaker(token, head)):
            last = token.left_edge.i - 1
            break
    while last > first and doc[last].is_punct and doc[last].text not in ("\"", "”", "'", "’"):
        last -= 1
    return (first, last) if last - first + 1 >= 3 else None
