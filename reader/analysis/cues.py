"""Attribution cues in one parsed paragraph: who says, believes, wants, supports or opposes what.

Each cue the parse shows becomes a :class:`SpeechEvent` with its holder (the source), its cue
words, its content span and its frame. The constructions, each with the frame its cue gives:

- a clausal complement: ``X said (that) ...``, ``Most economists believe that ...``,
  ``A poll shows that ...`` (evidence when the subject is a poll, report or data), a participle
  ``..., saying the law was unfair``, and final and medial tags (``..., analysts say.``,
  ``The deal, he said, is dead.``, where the content is the whole sentence);
- a direct object of a stance or communication verb: ``condemned the pay offer`` (the object is
  also the stance's ``target``), ``announced a curfew``;
- verb + preposition: ``called for a recount``, ``warned of job cuts``, ``accused the board of
  hiding losses`` (target: the board), and ``V X as Y``: ``dismissed the claims as rumours``;
- a to-infinitive of intention or request: ``plans to close the bridge``, ``urged lawmakers to
  reject the bill``, ``expects the row to dominate`` (belief);
- a noun cue with its owner: ``his claim that ...``, ``the ministry's view that ...``;
- passives: ``is expected by analysts to ...`` (the agent holds it), ``was quoted as saying``,
  ``has been accused of fraud`` and, with no agent, a statement with no holder;
- ``according to X``.

Negated and withheld cues (``did not say that``, ``declined to say whether``) report no position,
and nor does any cue inside their content. Word lists live in :mod:`reader.analysis.lexicon`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.facts import SpeechEvent, SubjectPhrase
from reader.analysis.lexicon import (
    AS_CUES,
    BELIEF_ADJECTIVES,
    BELIEF_VERBS,
    DOCUMENT_NOUNS,
    EVIDENCE_NOUNS,
    EVIDENCE_VERBS,
    GROUP_PRONOUNS,
    HEARSAY_ADVERBS,
    INFERENCE_VERBS,
    INTENTION_VERBS,
    LEMMA_FIXES,
    MORE_SPEAKER_NOUNS,
    NOUN_CUES,
    NOUN_PREPOSITION_CUES,
    OBJECT_CUES,
    ORGANISATION_NOUNS,
    PARTICLE_CUES,
    POSSESSIVE_PRONOUNS,
    PREPOSITION_CUES,
    REQUEST_VERBS,
    SPEAKER_NOUNS,
    SPEECH_VERBS,
    SUBJECT_PRONOUNS,
    TARGET_OBJECT_CUES,
    WEAK_SPEECH_VERBS,
    WITHHELD_SPEECH,
    WITHHOLD_VERBS,
)
from reader.analysis.model import Span
from reader.analysis.names import is_title_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_INHERIT_SUBJECT_DEPS = ("advcl", "conj", "xcomp")
_QUOTE_CHARS = "\"'“”‘’«»`"
_SOURCE_NOUNS = SPEAKER_NOUNS | MORE_SPEAKER_NOUNS | EVIDENCE_NOUNS
# Clause cues whose frame is not speech whatever the subject.
_CLAUSE_FRAMES: dict[str, tuple[str, str | None]] = {
    "deny": ("stance", "deny"),
    "demand": ("stance", "demand"),
    "promise": ("intention", None),
    "pledge": ("intention", None),
    "vow": ("intention", None),
    "threaten": ("intention", None),
}
_RELATIVE_PRONOUNS = ("who", "which", "that")
# "a group that calls itself the Valley Watch" names, it takes no position.
_REFLEXIVES = ("itself", "himself", "herself", "themselves", "ourselves")
_PREPOSITION_NOUNS = frozenset(noun for noun, _ in NOUN_PREPOSITION_CUES)
# Verbs that show evidence with a plain object when a poll or report is the subject.
_EVIDENCE_OBJECT_VERBS = ("show", "find", "reveal", "suggest", "indicate")
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
# Verbs that nearly always report a clause, so a clause the parser misattached is still theirs.
_SAY_VERBS = frozenset("say add claim argue insist state explain write contend assert maintain".split())
# A question, not a statement: "asked whether ...".
_QUESTION_MARKS = ("whether", "if")


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


# ---------------------------------------------------------------------------------------------
# The holder (source) of a cue


def _proper_chain(token: Token) -> tuple[int, int]:
    """Token indices [first, last] of the run of proper nouns around ``token``."""
    doc = token.doc
    first = last = token.i
    while first > 0 and doc[first - 1].pos_ == "PROPN" and not is_title_word(doc[first - 1].text):
        first -= 1
    while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN":
        last += 1
    return first, last


def _named_inside(subject: Token, labels: tuple[str, ...], via_appos: bool) -> Token | None:
    """A name inside the subject phrase that is the real source, not a possessor.

    "Her counterpart from Northridge, Pieter van Wyk," (an apposition somewhere in the
    phrase) and "figures released by the board" name their source; "Szymanski’s lawyers"
    does not make Szymanski the speaker.
    """
    for token in subject.subtree:
        if token.i == subject.i or token.ent_type_ not in labels:
            continue
        path, node = [], token
        while node.i != subject.i and node.head.i != node.i:
            path.append(node.dep_)
            node = node.head
        if node.i != subject.i or "poss" in path:
            continue
        if not via_appos or "appos" in path:
            return token
    return None


def speaker_phrase(subject: Token) -> tuple[Token, str]:
    """The token that best names the speaker, and the form of the phrase.

    "Ukrainian senior commander Oleksandr Syrskyi" is parsed with "commander" as
    the subject and the name as its apposition: the name is the better speaker.
    A document ("the statement", "figures released by the board") speaks for
    whoever issued it; a poll or a study holds its own evidence.
    """
    for child in subject.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.text[:1].isupper():
            return child, "name"
    if subject.pos_ == "NOUN":
        lemma = _lemma(subject)
        is_document = lemma in DOCUMENT_NOUNS and lemma not in EVIDENCE_NOUNS
        labels = ("PERSON", "ORG", "GPE") if is_document else ("PERSON",)
        named = _named_inside(subject, labels, via_appos=not is_document)
        if named is not None:
            return named, "name"
        owner = next((child for child in subject.children if child.dep_ == "poss"), None)
        if lemma in DOCUMENT_NOUNS and owner is not None:
            # "the council's own engineering report" speaks for the council; "its report" for "it".
            return speaker_phrase(owner) if owner.pos_ != "PRON" else (owner, "pronoun")
    capitalised = subject.text[:1].isupper()
    if (subject.pos_ == "PROPN" and capitalised) or subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return subject, "name"
    if subject.lower_ in GROUP_PRONOUNS:
        return subject, "description"  # "Those close to him", "Most of the analysts"
    if subject.pos_ == "PRON":
        return subject, "pronoun"
    return subject, "description"


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
    if _lemma(token) in _SOURCE_NOUNS or token.lower_ in _SOURCE_NOUNS:
        return True
    if token.tag_ in ("NNS", "NNPS") and not people_only:
        return True
    return strong and token.pos_ in ("NOUN", "PROPN", "NUM")  # "One in three said ..."


def _find_subject(verb: Token) -> Token | None:
    """The verb's subject, or the subject of the clause it hangs from ("..., confirming that ...",
    "plans to announce ..."). Not across a request ("urged lawmakers to reject ..." : the
    lawmakers would reject, not the one who urged), nor out of someone's reported words."""
    current: Token | None = verb
    for _ in range(3):
        if current is None:
            return None
        for child in current.children:
            if child.dep_ in _SUBJECT_DEPS:
                if child.dep_ == "nsubj" and child.lower_ in _RELATIVE_PRONOUNS and current.dep_ == "relcl":
                    # "the Trust, which has accused Tarnway of ...": the Trust. An event or a thing
                    # holds no position: "the incursion, which has challenged Moscow's control".
                    antecedent = current.head
                    if not _can_hold_positions(antecedent, child):
                        return None
                    if antecedent.dep_ == "appos" and antecedent.head.pos_ == "PROPN":
                        return antecedent.head  # "Robert Mercer, a longtime donor who backs ...": Mercer
                    return antecedent
                if child.dep_ == "nsubj":
                    return child
                # "He was quoted as saying ...": the subject of "quoted" said it.
                return child if _lemma(current) == "quote" and current.i != verb.i else None
        if current.dep_ == "pcomp" and current.head.lower_ == "as" and _lemma(current.head.head) == "quote":
            current = current.head.head
            continue
        infinitive = any(c.lower_ == "to" and c.dep_ == "aux" for c in current.children)
        if (
            (current.dep_ == "acl" and current.tag_ == "VBG")
            or (current.dep_ in ("acl", "relcl") and infinitive)
        ) and current.head.pos_ in ("NOUN", "PROPN"):
            # "super PACs backing Mr. Cruz", "a statement saying ...", "the first Democrat to endorse Sanders"
            return current.head
        if current.dep_ not in _INHERIT_SUBJECT_DEPS or current.head.i == current.i:
            return None
        if current.dep_ == "xcomp" and any(c.dep_ in ("dobj", "dative") for c in current.head.children):
            return None
        current = current.head
        if current.dep_ == "ccomp":
            # Coordinated inside someone's reported words. "X said the trial was run well but
            # noted that ...": the parser hangs "noted" on "run"; when the clause belongs to a
            # speech verb, its speaker also made this statement. Otherwise the subject is not a speaker.
            outer = current.head
            if _lemma(verb) in SPEECH_VERBS and _lemma(outer) in SPEECH_VERBS:
                current = outer
                continue
            return None
    return None


def _agent(verb: Token) -> Token | None:
    """The agent of a passive cue: "is expected by analysts to ..." -> analysts."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children)


# ---------------------------------------------------------------------------------------------
# Negation


def _is_negated(token: Token) -> bool:
    return any(child.dep_ == "neg" for child in token.children)


def _withheld(verb: Token) -> bool:
    """A cue that reports no position: negated ("did not say that"), withheld ("declined to say
    whether", "refused to comment"), or inside such a cue's content ("did not say how much it
    intends to charge")."""
    if _is_negated(verb):
        return True
    if verb.dep_ == "xcomp" and _lemma(verb) in WITHHELD_SPEECH and _lemma(verb.head) in WITHHOLD_VERBS:
        return True
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


# ---------------------------------------------------------------------------------------------
# Content


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


# ---------------------------------------------------------------------------------------------
# Events


class _Reader:
    """Builds events for one paragraph's Doc, whose text starts at ``base`` in the article."""

    def __init__(self, doc: Doc, base: int) -> None:
        self.doc = doc
        self.base = base
        self.text = doc.text

    def span(self, first: int, last: int) -> Span:
        doc = self.doc
        return text_span(self.text, self.base, doc[first].idx, doc[last].idx + len(doc[last]))

    def event(
        self,
        cue: Token,
        cue_last: int,
        holder: Token | None,
        content: Span | None,
        frame: str,
        lemma: str,
        stance: str | None = None,
        target: Span | None = None,
        strong: bool = True,
    ) -> SpeechEvent | None:
        """An event with ``holder`` (or none, for an agentless passive) as its source."""
        speaker, form, head_word, plural = None, "none", "", False
        if holder is not None:
            head, form = speaker_phrase(holder)
            verb_lemma = lemma.split()[0]
            people_only = verb_lemma in EVIDENCE_VERBS and verb_lemma not in SPEECH_VERBS | BELIEF_VERBS
            if not _valid_speaker(head, form, strong, people_only):
                return None
            first, last = phrase_bounds(head, form)
            speaker = self.span(first, last)
            head_word = POSSESSIVE_PRONOUNS.get(head.lower_, head.lower_)
            plural = head.tag_ in ("NNS", "NNPS") or head.lower_ in ("they", "we", *GROUP_PRONOUNS)
            evidence_cue = lemma.split()[0] in EVIDENCE_VERBS or lemma == "according to"
            if frame in ("speech", "belief") and _is_evidence_noun(head) and evidence_cue:
                frame = "evidence"
        return SpeechEvent(
            cue=self.span(cue.i, cue_last),
            speaker=speaker,
            speaker_form=form,
            speaker_head=head_word,
            content=content,
            plural=plural,
            content_pronoun=_leading_pronoun(content),
            frame=frame,
            cue_lemma=lemma,
            stance=stance,
            target=target,
        )

    def verb_events(self, verb: Token) -> list[SpeechEvent]:
        """Every position a verb reports, by construction."""
        if _withheld(verb) or (_lemma(verb) in WITHHOLD_VERBS and _withholds(verb)):
            return []
        passive = _is_passive(verb)
        own_subject = _has_own_subject(verb)
        if verb.tag_ == "VBN" and not own_subject and not passive:
            return []  # "Asked whether she would publish ...": a question put to her, not her statement
        if passive:
            return self._passive_events(verb)
        if _lemma(verb) in INFERENCE_VERBS:
            return self._inference_events(verb)
        subject = _find_subject(verb)
        if subject is None:
            return []
        found = [*self._object_events(verb, subject), self._infinitive_event(verb, subject)]
        events = [event for event in found if event is not None]
        clause = self._clause_event(verb, subject)
        if clause is not None and (clause.content is not None or not events):
            events.insert(0, clause)  # a bare speech verb is kept only as a tag for a quotation
        return events

    def _inference_events(self, verb: Token) -> list[SpeechEvent]:
        """``Enthusiasm for Clinton appears to have plummeted``, ``it seems that ...``: an inference
        the text attributes to no one (a belief with no holder; the content is the whole claim)."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        clause = _complement(verb)
        bounds: tuple[int, int] | None = None
        if subject is not None and xcomp is not None and any(c.lower_ == "to" for c in xcomp.children):
            if subject.lower_ in _RELATIVE_PRONOUNS:
                return []  # "a group that appeared to ...": the content would start mid-phrase
            bounds = (subject.left_edge.i, xcomp.right_edge.i)
            lemma = f"{_lemma(verb)} to"
        elif subject is not None and subject.lower_ == "it" and clause is not None:
            bounds = _clause_bounds(clause)
            lemma = _lemma(verb)
        if bounds is None:
            return []
        content = _token_span(self.doc, self.base, *bounds)
        event = self.event(verb, verb.i, None, content, "belief", lemma, strong=False)
        return [event] if event is not None else []

    def _clause_event(self, verb: Token, subject: Token) -> SpeechEvent | None:
        """``X said (that) ...``, ``..., analysts say.``, ``The deal, he said, is dead.``"""
        lemma = _lemma(verb)
        is_speech = lemma in SPEECH_VERBS or _lemma_with_particle(verb) in PARTICLE_CUES
        is_belief = lemma in BELIEF_VERBS
        if not (is_speech or is_belief or lemma in EVIDENCE_VERBS):
            return None
        clause = _complement(verb)
        content: Span | None = None
        if clause is not None:
            bounds = _clause_bounds(clause)
            if bounds is not None and bounds[0] < verb.i < bounds[1]:
                # "which he said the government should pay for": the relative word the parser hangs
                # in the clause comes before the cue; the content is what follows the cue.
                bounds = (verb.i + 1, bounds[1]) if bounds[1] - verb.i >= 3 else None
            if bounds is not None:
                content = _token_span(self.doc, self.base, *bounds)
        elif (misparsed := _misparsed_complement(verb)) is not None:
            bounds = _clause_bounds(misparsed)
            if bounds is not None:
                content = _token_span(self.doc, self.base, *bounds)
        elif verb.dep_ == "parataxis" and (is_speech or is_belief) and verb.i > verb.sent.start + 1:
            # A medial tag: the content is the whole sentence around it.
            sent = verb.sent
            content = _trimmed(self.text, self.base, sent.start_char, sent.end_char)
        if content is None:
            return self._bare_speech(verb, subject) if is_speech else None
        frame, stance = _CLAUSE_FRAMES.get(lemma, ("belief" if is_belief else "speech", None))
        if lemma in EVIDENCE_VERBS and not is_speech and not is_belief:
            frame = "belief"  # "the judge found that ...": an evidence frame needs a document
        _, cue_last = _cue_bounds(verb)
        strong = is_speech and lemma not in WEAK_SPEECH_VERBS
        return self.event(
            verb, cue_last, subject, content, frame, _lemma_with_particle(verb), stance, strong=strong
        )

    def _bare_speech(self, verb: Token, subject: Token) -> SpeechEvent | None:
        """A speech verb with no content of its own: kept as a tag for a quotation near it."""
        if _lemma(verb) not in SPEECH_VERBS:
            return None
        _, cue_last = _cue_bounds(verb)
        return self.event(
            verb,
            cue_last,
            subject,
            None,
            "speech",
            _lemma_with_particle(verb),
            strong=_lemma(verb) not in WEAK_SPEECH_VERBS,
        )

    def _object_events(self, verb: Token, subject: Token) -> list[SpeechEvent | None]:
        """``condemned the pay offer``, ``called for a recount``, ``accused X of Y``, ``dismissed X as Y``."""
        lemma = _lemma(verb)
        doc = self.doc
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        preps = [c for c in verb.children if c.dep_ == "prep"]
        if obj is not None:
            preps += [c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "with")]
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
            as_prep = next((t for t in obj.subtree if t.lower_ == "as" and t.dep_ == "prep" and t.i > obj.i), None)
        if as_prep is not None and lemma in AS_CUES:
            known = obj
            if known is None and lemma == "refer":
                to = next((p for p in preps if p.lower_ == "to"), None)
                known = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if known is not None:
                frame, stance = AS_CUES[lemma]
                first = known.left_edge.i
                content = _token_span(doc, self.base, first, as_prep.right_edge.i)
                target = None
                if frame == "stance":
                    target = _token_span(doc, self.base, *_phrase_bounds_np(known))
                cue_lemma = "refer to as" if lemma == "refer" else f"{lemma} as"
                return [self.event(verb, verb.i, subject, content, frame, cue_lemma, stance, target)]
        named = self._naming_event(verb, subject, obj)
        if named is not None:
            return [named]
        for prep in preps:
            key = (lemma, prep.lower_)
            if key not in PREPOSITION_CUES:
                continue
            pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is None:
                continue
            frame, stance = PREPOSITION_CUES[key]
            content = _token_span(doc, self.base, pobj.left_edge.i, pobj.right_edge.i)
            target = None
            if key in TARGET_OBJECT_CUES and obj is not None:
                target = _token_span(doc, self.base, *_phrase_bounds_np(obj, stop=prep))
            elif frame == "stance":
                target = content
            cue_last = prep.i if prep.i == verb.i + 1 else verb.i
            cue_lemma = f"{lemma} {prep.lower_}"
            events.append(self.event(verb, cue_last, subject, content, frame, cue_lemma, stance, target))
            return events
        if (
            obj is not None
            and lemma in _EVIDENCE_OBJECT_VERBS
            and _is_evidence_noun(speaker_phrase(subject)[0])
        ):
            # "recent polls show Clinton with a double-digit lead"
            content = _token_span(doc, self.base, obj.left_edge.i, obj.right_edge.i)
            events.append(self.event(verb, verb.i, subject, content, "evidence", lemma))
        elif obj is not None and lemma in OBJECT_CUES and obj.pos_ != "PRON":
            if any(c.dep_ == "xcomp" for c in verb.children):
                return events  # "urged lawmakers to ...": a request, read as an intention
            frame, stance = OBJECT_CUES[lemma]
            bounds = _phrase_bounds_np(obj)
            content = _token_span(doc, self.base, *bounds)
            target = content if frame == "stance" else None
            lemma_cue = _lemma_with_particle(verb)
            events.append(
                self.event(
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
        elif lemma in ("deny", "rule") and obj is None:
            # "denied taking any prohibited substance", "ruled out raising fares"
            gerund = next((c for c in verb.children if c.dep_ in ("xcomp", "dobj") and c.tag_ == "VBG"), None)
            if gerund is not None and (lemma == "deny" or _particle(verb) == "out"):
                frame, stance = ("stance", "deny") if lemma == "deny" else ("intention", None)
                content = _token_span(doc, self.base, gerund.left_edge.i, gerund.right_edge.i)
                events.append(
                    self.event(
                        verb,
                        _cue_bounds(verb)[1],
                        subject,
                        content,
                        frame,
                        _lemma_with_particle(verb),
                        stance,
                        content if stance else None,
                    )
                )
        if lemma == "rule" and _particle(verb) == "out" and obj is not None:
            content = _token_span(doc, self.base, *_phrase_bounds_np(obj))
            events.append(self.event(verb, _cue_bounds(verb)[1], subject, content, "intention", "rule out"))
        return events

    def _naming_event(self, verb: Token, subject: Token, obj: Token | None) -> SpeechEvent | None:
        """``called the remarks racist`` (speech: "the remarks racist"), ``described the country
        as beset by ...``: what someone calls a thing is their position on it."""
        lemma = _lemma(verb)
        doc = self.doc
        if lemma in _NAMING_VERBS and not (obj is not None and obj.lower_ in _REFLEXIVES):
            predicate = next((c for c in verb.children if c.dep_ in ("oprd", "ccomp") and c.i > verb.i), None)
            if predicate is None or any(
                c.dep_ == "prep" and c.lower_ in ("for", "on") for c in verb.children
            ):
                return None
            first = obj.left_edge.i if obj is not None else predicate.left_edge.i
            content = _token_span(doc, self.base, first, predicate.right_edge.i)
            return self.event(verb, verb.i, subject, content, _NAMING_VERBS[lemma], lemma)
        if lemma in AS_CUES and obj is not None:
            clause = next(
                (c for c in verb.children if c.dep_ == "advcl" and any(m.lower_ == "as" for m in c.children)),
                None,
            )
            if clause is not None and clause.i > obj.i:
                frame, stance = AS_CUES[lemma]
                content = _token_span(doc, self.base, obj.left_edge.i, clause.right_edge.i)
                target = _token_span(doc, self.base, *_phrase_bounds_np(obj)) if frame == "stance" else None
                return self.event(verb, verb.i, subject, content, frame, f"{lemma} as", stance, target)
        return None

    def _infinitive_event(self, verb: Token, subject: Token | None) -> SpeechEvent | None:
        """``plans to close the bridge``, ``urged lawmakers to reject the bill``, ``expect X to VP``."""
        lemma = _lemma(verb)
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if xcomp is None or not any(c.lower_ == "to" for c in xcomp.children):
            return None
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
        doc = self.doc
        if lemma in ("expect", "believe") and obj is not None:
            content = _token_span(doc, self.base, obj.left_edge.i, xcomp.right_edge.i)
            return self.event(verb, verb.i, subject, content, "belief", lemma, strong=False)
        if obj is not None and lemma in REQUEST_VERBS:
            content = _token_span(doc, self.base, *_infinitive_bounds(xcomp))
            return self.event(verb, verb.i, subject, content, "intention", f"{lemma} to")
        if obj is None and (lemma in INTENTION_VERBS or lemma in ("expect", "hope")):
            if lemma in WITHHOLD_VERBS and _lemma(xcomp) in WITHHELD_SPEECH:
                return None
            frame = "belief" if lemma == "expect" else "intention"
            content = _token_span(doc, self.base, *_infinitive_bounds(xcomp))
            return self.event(verb, verb.i, subject, content, frame, f"{lemma} to", strong=False)
        return None

    def _passive_events(self, verb: Token) -> list[SpeechEvent]:
        """``is expected by analysts to ...``, ``is said to ...``, ``has been accused (by X) of Y``."""
        lemma = _lemma(verb)
        agent = _agent(verb)
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        doc = self.doc
        events: list[SpeechEvent | None] = []
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        clause = _complement(verb)
        hearsay = lemma in SPEECH_VERBS or lemma in BELIEF_VERBS
        if clause is not None and hearsay and subject is not None and subject.lower_ == "it":
            # "It was widely reported that ...", "it is believed that ...": hearsay, held by the
            # agent if the text names one.
            bounds = _clause_bounds(clause)
            if bounds is not None:
                content = _token_span(doc, self.base, *bounds)
                frame = "belief" if lemma in BELIEF_VERBS else "speech"
                events.append(
                    self.event(verb, verb.i, agent, content, frame, f"be {verb.lower_}", strong=False)
                )
        elif xcomp is not None and lemma in ("expect", "say", "believe", "think", "report", "understand"):
            frame = "speech" if lemma in ("say", "report") else "belief"
            if agent is not None:
                content = _token_span(doc, self.base, *_infinitive_bounds(xcomp))
            elif subject is not None:
                content = _token_span(doc, self.base, subject.left_edge.i, xcomp.right_edge.i)
            else:
                content = None
            if content is not None:
                events.append(self.event(verb, verb.i, agent, content, frame, f"{lemma} to", strong=False))
        elif (lemma, "of") in PREPOSITION_CUES or lemma in ("accuse", "blame", "criticise", "criticize"):
            preps = [c for c in verb.children if c.dep_ == "prep"]
            if agent is not None:  # "accused by some investors and doctors of overstating ..."
                preps += [c for c in agent.children if c.dep_ == "prep"]
            for prep in preps:
                key = (lemma, prep.lower_)
                pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
                if key in PREPOSITION_CUES and pobj is not None:
                    frame, stance = PREPOSITION_CUES[key]
                    content = _token_span(doc, self.base, pobj.left_edge.i, pobj.right_edge.i)
                    target = None
                    if subject is not None:
                        target = _token_span(doc, self.base, *_phrase_bounds_np(subject))
                    events.append(
                        self.event(
                            verb, verb.i, agent, content, frame, f"{lemma} {prep.lower_}", stance, target
                        )
                    )
                    break
        elif lemma in AS_CUES and subject is not None and (as_prep := _as_phrase(verb)) is not None:
            # "Sanders is seen as empowering voters", "was described by aides as ...": held by the
            # agent, or by no one the text names.
            frame, stance = AS_CUES[lemma]
            content = _token_span(doc, self.base, subject.left_edge.i, as_prep.right_edge.i)
            target = _token_span(doc, self.base, *_phrase_bounds_np(subject)) if stance else None
            events.append(
                self.event(verb, verb.i, agent, content, frame, f"{lemma} as", stance, target, strong=False)
            )
        elif agent is not None and lemma in OBJECT_CUES and subject is not None:
            # "The plan was condemned by the union": the subject is the position.
            frame, stance = OBJECT_CUES[lemma]
            content = _token_span(doc, self.base, *_phrase_bounds_np(subject))
            events.append(
                self.event(verb, verb.i, agent, content, frame, lemma, stance, content if stance else None)
            )
        return [event for event in events if event is not None]

    def adjective_event(self, adjective: Token) -> SpeechEvent | None:
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
        content = _token_span(self.doc, self.base, *bounds)
        return self.event(
            adjective, adjective.i, subject, content, "belief", f"be {adjective.lower_}", strong=False
        )

    def noun_event(self, noun: Token) -> SpeechEvent | None:
        """``his claim that ...``, ``the ministry's view that ...``, ``her pledge to ...``,
        ``her support for the bill``."""
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        doc = self.doc
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.i > noun.i):
            key = (noun.lower_, prep.lower_)
            pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if key in NOUN_PREPOSITION_CUES and pobj is not None:
                frame, stance = NOUN_PREPOSITION_CUES[key]
                content = _token_span(doc, self.base, pobj.left_edge.i, pobj.right_edge.i)
                target = content if frame == "stance" else None
                cue_lemma = f"{_lemma(noun)} {prep.lower_}"
                return self.event(
                    noun, prep.i, owner, content, frame, cue_lemma, stance, target, strong=False
                )
        frame_stance = NOUN_CUES.get(_lemma(noun))
        if frame_stance is None:
            return None
        for child in noun.children:
            if child.dep_ not in ("acl", "ccomp", "appos") or child.i < noun.i:
                continue
            has_that = any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
            has_to = any(c.lower_ == "to" and c.dep_ == "aux" for c in child.children)
            if has_that:
                bounds = _clause_bounds(child)
            elif has_to:
                bounds = _infinitive_bounds(child)
            else:
                continue
            if bounds is None:
                return None
            content = _token_span(doc, self.base, *bounds)
            frame, stance = frame_stance
            return self.event(noun, noun.i, owner, content, frame, _lemma(noun), stance, strong=False)
        return None

    def hearsay_event(self, adverb: Token) -> SpeechEvent | None:
        """``Bloomberg is reportedly considering a run``: hearsay that names no holder; the content
        is the clause the adverb qualifies."""
        verb = adverb.head
        if adverb.dep_ != "advmod" or verb.pos_ not in ("VERB", "AUX") or _is_negated(verb):
            return None
        first = verb.left_edge.i
        while first < verb.i and self.doc[first].dep_ in ("mark", "cc", "punct"):
            first += 1
        content = _token_span(self.doc, self.base, first, verb.right_edge.i)
        if content is None or len(content.text.split()) < 3:
            return None
        return self.event(adverb, adverb.i, None, content, "speech", adverb.lower_, strong=False)

    def according_event(self, according: Token) -> SpeechEvent | None:
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
        frame = "evidence" if _is_evidence_noun(head) else "speech"
        return SpeechEvent(
            cue=text_span(self.text, self.base, according.idx, to.idx + len(to)),
            speaker=self.span(first, last),
            speaker_form=form,
            speaker_head=head.lower_,
            content=_trimmed(self.text, self.base, content_start, content_end),
            plural=head.tag_ in ("NNS", "NNPS"),
            frame=frame,
            cue_lemma="according to",
        )


def _as_phrase(verb: Token) -> Token | None:
    """The ``as`` phrase of a passive naming verb ("is seen as the favourite"), not a time clause."""
    return next(
        (c for c in verb.children if c.lower_ == "as" and c.dep_ == "prep" and any(c.children)), None
    )


def _withholds(verb: Token) -> bool:
    """ "declined to comment", "refused to say whether": withholding, not a position."""
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    return xcomp is not None and _lemma(xcomp) in WITHHELD_SPEECH and _lemma(verb) != "fail"


def _particle(verb: Token) -> str | None:
    return next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)


def _lemma_with_particle(verb: Token) -> str:
    particle = _particle(verb)
    return f"{_lemma(verb)} {particle}" if particle else _lemma(verb)


def _subject_phrase(token: Token, text: str, base: int) -> SubjectPhrase | None:
    if _lemma(token) not in ORGANISATION_NOUNS and token.lower_ not in SPEAKER_NOUNS:
        return None
    first, _ = phrase_bounds(token, "description")
    span = text_span(text, base, token.doc[first].idx, token.idx + len(token))
    return SubjectPhrase(span=span, head=token.lower_, plural=token.tag_ == "NNS")


def _is_cue_verb(token: Token) -> bool:
    lemma = _lemma(token)
    if token.lower_ in BELIEF_ADJECTIVES and token.dep_ == "acomp":
        return False  # "is convinced that": read as an adjective
    return token.pos_ == "VERB" and (
        _lemma_with_particle(token) in PARTICLE_CUES
        or lemma in SPEECH_VERBS
        or lemma in BELIEF_VERBS
        or lemma in EVIDENCE_VERBS
        or lemma in INTENTION_VERBS
        or lemma in REQUEST_VERBS
        or lemma in OBJECT_CUES
        or lemma in AS_CUES
        or lemma == "rule"
        or lemma in INFERENCE_VERBS
        or any(key[0] == lemma for key in PREPOSITION_CUES)
    )


def speech_events(doc: Doc, base: int, subjects: list[SubjectPhrase]) -> list[SpeechEvent]:
    """Attribution events in one paragraph's Doc, in text order, and (into ``subjects``) the
    organisation or group subjects a later pronoun may refer to."""
    text = doc.text
    reader = _Reader(doc, base)
    events: list[SpeechEvent] = []
    for token in doc:
        if token.dep_ == "nsubj" and token.pos_ == "NOUN":
            phrase = _subject_phrase(token, text, base)
            if phrase is not None:
                subjects.append(phrase)
        if _is_cue_verb(token):
            events.extend(reader.verb_events(token))
        elif token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            event = reader.according_event(token)
            if event is not None:
                events.append(event)
        elif token.lower_ in HEARSAY_ADVERBS:
            event = reader.hearsay_event(token)
            if event is not None:
                events.append(event)
        elif token.lower_ in BELIEF_ADJECTIVES and (token.pos_ == "ADJ" or token.dep_ == "acomp"):
            event = reader.adjective_event(token)
            if event is not None:
                events.append(event)
        elif token.pos_ == "NOUN" and (_lemma(token) in NOUN_CUES or token.lower_ in _PREPOSITION_NOUNS):
            event = reader.noun_event(token)
            if event is not None:
                events.append(event)
    return events
