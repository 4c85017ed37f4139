"""Read the facts Byline needs out of one parsed paragraph.

This is the only module that walks spaCy tokens. It turns a ``Doc`` into
:class:`ParagraphFacts` (names with context evidence, speech events, roles,
temporal mentions) with offsets shifted into the whole article, so the Doc can
be dropped as soon as it is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.facts import NameMention, ParagraphFacts, RoleFact, SpeechEvent, SubjectPhrase
from reader.analysis.lexicon import (
    DOCUMENT_NOUNS,
    HONORIFICS,
    LOCATIVE_PREPOSITIONS,
    NAME_LABELS,
    ORGANISATION_NOUNS,
    PERSON_ROLE_NOUNS,
    PERSON_TITLES,
    PLACE_NOUNS,
    POSSESSIVE_PRONOUNS,
    SPEAKER_NOUNS,
    SPEECH_VERBS,
    SUBJECT_PRONOUNS,
    TEMPORAL_LABELS,
    WEAK_SPEECH_VERBS,
)
from reader.analysis.model import Span
from reader.analysis.tags import main_clause_subjects, tag_events

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_INHERIT_SUBJECT_DEPS = ("advcl", "conj", "xcomp")
_QUOTE_CHARS = "\"'“”‘’«»`"
# Honorifics that tell a person's gender, which helps "she" find the right antecedent.
_HONORIFIC_GENDER = {
    "mr": "MALE",
    "sir": "MALE",
    "ms": "FEMALE",
    "mrs": "FEMALE",
    "miss": "FEMALE",
    "dame": "FEMALE",
}
_NUMBER_LABELS = ("CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")


def _span(doc_text: str, base: int, start: int, end: int) -> Span:
    return Span(base + start, base + end, doc_text[start:end])


def _trimmed(doc_text: str, base: int, start: int, end: int) -> Span | None:
    """A span with surrounding spaces, quotation marks and stray punctuation removed."""
    while start < end and (doc_text[start].isspace() or doc_text[start] in _QUOTE_CHARS + ",:;"):
        start += 1
    while end > start and (doc_text[end - 1].isspace() or doc_text[end - 1] in _QUOTE_CHARS + ",:;."):
        end -= 1
    return _span(doc_text, base, start, end) if end > start else None


def _proper_chain(token: Token) -> tuple[int, int]:
    """Token indices [first, last] of the run of proper nouns around ``token``."""
    doc = token.doc
    first = last = token.i
    while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].lower_ not in PERSON_TITLES:
        first -= 1
    while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN":
        last += 1
    return first, last


def _name_evidence(ent: SpacySpan) -> dict[str, float]:
    """Context around a named mention that says what kind of thing it is."""
    doc = ent.doc
    evidence: dict[str, float] = {}
    after = doc[ent.end] if ent.end < len(doc) else None
    before = doc[ent.start - 1] if ent.start > 0 else None
    if after is not None and after.lemma_.lower() in PLACE_NOUNS and after.pos_ == "NOUN":
        evidence["GPE"] = evidence.get("GPE", 0) + 2.0
    if before is not None and before.lower_ in LOCATIVE_PREPOSITIONS:
        possessive = after is not None and after.lower_ in ("'s", "’s")
        if not possessive:
            evidence["GPE"] = evidence.get("GPE", 0) + 1.5
    if before is not None and before.lower_.rstrip(".") in PERSON_TITLES and before.text[:1].isupper():
        evidence["PERSON"] = evidence.get("PERSON", 0) + 2.0
        gender = _HONORIFIC_GENDER.get(before.lower_.rstrip("."))
        if gender:
            evidence[gender] = 1.0
    elif before is not None and before.lemma_.lower() in PERSON_ROLE_NOUNS and len(ent) >= 2:
        evidence["PERSON"] = evidence.get("PERSON", 0) + 2.0  # "commander-in-chief Oleksandr Syrskyi"
    root = ent.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in PERSON_ROLE_NOUNS and len(ent) >= 2:
        evidence["PERSON"] = evidence.get("PERSON", 0) + 2.0  # "its commander-in-chief, Oleksandr Syrskyi,"
    if len(ent) >= 2 and all(t.pos_ == "PROPN" for t in ent) and ent.label_ == "PERSON":
        evidence["PERSON"] = evidence.get("PERSON", 0) + 1.0
    if ent.label_ == "NORP" or (root.pos_ == "ADJ" and ent.label_ in ("GPE", "NORP")):
        # "Ukrainian", "Russian": an adjective of nationality is never the country itself.
        evidence["NORP"] = evidence.get("NORP", 0) + (1.5 if root.pos_ == "ADJ" else 1.0)
    return evidence


def _is_title(token: Token) -> bool:
    return token.text[:1].isupper() and token.lower_.rstrip(".") in PERSON_TITLES


def _extend_person(ent: SpacySpan) -> tuple[int, int]:
    """Extend a PERSON mention over name parts the model left out: the surname in "Oleksandr
    Syrskyi" (it found "Oleksandr"), the first name in "said Beatriz Lima" (it found "Lima")."""
    doc = ent.doc

    def name_part(token: Token) -> bool:
        return (
            token.pos_ == "PROPN"
            and token.text[:1].isupper()
            and not token.ent_type_
            and token.lower_.rstrip(".") not in PERSON_TITLES
        )

    start, end = ent.start, ent.end
    while end < len(doc) and name_part(doc[end]):
        end += 1
    while start > 0 and name_part(doc[start - 1]):
        start -= 1
    return start, end


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


def _speaker_phrase(subject: Token) -> tuple[Token, str]:
    """The token that best names the speaker, and the form of the phrase.

    "Ukrainian senior commander Oleksandr Syrskyi" is parsed with "commander" as
    the subject and the name as its apposition: the name is the better speaker.
    A document ("the statement", "figures released by the board") speaks for
    whoever issued it.
    """
    for child in subject.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.text[:1].isupper():
            return child, "name"
    if subject.pos_ == "NOUN":
        is_document = subject.lemma_.lower() in DOCUMENT_NOUNS
        labels = ("PERSON", "ORG", "GPE") if is_document else ("PERSON",)
        named = _named_inside(subject, labels, via_appos=not is_document)
        if named is not None:
            return named, "name"
        owner = next((child for child in subject.children if child.dep_ == "poss"), None)
        if is_document and owner is not None:
            # "the council's own engineering report" speaks for the council; "its report" for "it".
            return _speaker_phrase(owner) if owner.pos_ != "PRON" else (owner, "pronoun")
    capitalised = subject.text[:1].isupper()
    if (subject.pos_ == "PROPN" and capitalised) or subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return subject, "name"
    if subject.pos_ == "PRON":
        return subject, "pronoun"
    return subject, "description"


def _phrase_bounds(token: Token, form: str) -> tuple[int, int]:
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
    first = token.i
    for child in token.lefts:
        if child.dep_ in ("det", "amod", "compound", "nmod", "poss", "nummod"):
            first = min(first, child.left_edge.i)
    return first, token.i


def _valid_speaker(token: Token, form: str, verb_lemma: str) -> bool:
    """Whether the subject can be a source. With a strong speech verb ("said", "told",
    "confirmed") any noun can ("the report said"); with a weak one only a speaker noun."""
    if form == "name":
        return True
    if form == "pronoun":
        return token.lower_ in SUBJECT_PRONOUNS or token.lower_ in POSSESSIVE_PRONOUNS
    if token.lemma_.lower() in SPEAKER_NOUNS or token.lower_ in SPEAKER_NOUNS:
        return True
    return verb_lemma not in WEAK_SPEECH_VERBS and token.pos_ in ("NOUN", "PROPN")


def _find_subject(verb: Token) -> Token | None:
    """The verb's subject, or the subject of the clause it hangs from ("..., confirming that ...")."""
    current: Token | None = verb
    for _ in range(3):
        if current is None:
            return None
        for child in current.children:
            if child.dep_ in _SUBJECT_DEPS:
                return child if child.dep_ == "nsubj" else None
        if current.dep_ not in _INHERIT_SUBJECT_DEPS or current.head.i == current.i:
            return None
        current = current.head
        if current.dep_ == "ccomp":
            # Coordinated inside someone's reported words. "X said the trial was run well but
            # noted that ...": the parser hangs "noted" on "run"; when the clause belongs to a
            # speech verb, its speaker also made this statement. Otherwise the subject is not a speaker.
            outer = current.head
            if verb.lemma_.lower() in SPEECH_VERBS and outer.lemma_.lower() in SPEECH_VERBS:
                current = outer
                continue
            return None
    return None


def _is_speech_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS


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


def _content_bounds(verb: Token) -> tuple[int, int] | None:
    """Token indices [first, last] of the reported content: the verb's clausal complement.

    The content stops before a coordinated second statement of the same speaker and
    before another speaker's statement hung inside it.
    """
    doc = verb.doc
    for child in verb.children:
        if child.dep_ != "ccomp":
            continue
        first, last = child.left_edge.i, child.right_edge.i
        for token in child.subtree:
            if token.i > first and (_is_second_statement(token) or _is_other_speaker(token, child)):
                cut = token.left_edge.i
                while cut - 1 > first and (doc[cut - 1].dep_ in ("cc", "mark") or doc[cut - 1].is_punct):
                    cut -= 1
                last = min(last, cut - 1)
        while first <= last and (doc[first].dep_ == "mark" or doc[first].is_punct):
            first += 1
        if last - first + 1 >= 3 and first <= last:
            return first, last
    return None


def _cue_bounds(verb: Token) -> tuple[int, int]:
    first = last = verb.i
    for child in verb.children:
        if (child.dep_ == "prt" and child.i == last + 1) or (
            child.dep_ in ("dobj", "dative") and verb.lemma_ == "tell" and child.i == last + 1
        ):
            last = child.i
    return first, last


def _subject_phrase(token: Token, text: str, base: int) -> SubjectPhrase | None:
    if token.lemma_.lower() not in ORGANISATION_NOUNS and token.lower_ not in SPEAKER_NOUNS:
        return None
    first, _ = _phrase_bounds(token, "description")
    span = _span(text, base, token.doc[first].idx, token.idx + len(token))
    return SubjectPhrase(span=span, head=token.lower_, plural=token.tag_ == "NNS")


def _speech_events(doc: Doc, base: int, subjects: list[SubjectPhrase]) -> list[SpeechEvent]:
    """Speech events, and (into ``subjects``) the organisation or group subjects a pronoun may refer to."""
    text = doc.text
    events: list[SpeechEvent] = []
    for token in doc:
        if token.dep_ == "nsubj" and token.pos_ == "NOUN":
            phrase = _subject_phrase(token, text, base)
            if phrase is not None:
                subjects.append(phrase)
        if token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS:
            event = _verb_event(token, text, base)
        elif token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            event = _according_event(token, text, base)
        else:
            continue
        if event is not None:
            events.append(event)
    return events


def _verb_event(verb: Token, text: str, base: int) -> SpeechEvent | None:
    own_subject = any(child.dep_ in _SUBJECT_DEPS for child in verb.children)
    if verb.tag_ == "VBN" and not own_subject:
        return None  # "Asked whether she would publish ...": a question put to her, not her statement
    subject = _find_subject(verb)
    if subject is None:
        return None
    head, form = _speaker_phrase(subject)
    if not _valid_speaker(head, form, verb.lemma_.lower()):
        return None
    first, last = _phrase_bounds(head, form)
    doc = verb.doc
    speaker = _span(text, base, doc[first].idx, doc[last].idx + len(doc[last]))
    cue_first, cue_last = _cue_bounds(verb)
    cue = _span(text, base, doc[cue_first].idx, doc[cue_last].idx + len(doc[cue_last]))
    bounds = _content_bounds(verb)
    content = None
    if bounds is not None:
        content = _trimmed(text, base, doc[bounds[0]].idx, doc[bounds[1]].idx + len(doc[bounds[1]]))
    return SpeechEvent(
        cue=cue,
        speaker=speaker,
        speaker_form=form,
        speaker_head=POSSESSIVE_PRONOUNS.get(head.lower_, head.lower_),
        content=content,
        plural=head.tag_ in ("NNS", "NNPS") or head.lower_ in ("they", "we"),
        content_pronoun=_leading_pronoun(content),
    )


def _leading_pronoun(content: Span | None) -> str | None:
    if content is None:
        return None
    first = content.text.split(maxsplit=1)[0].lower() if content.text.split() else ""
    return first if first in ("he", "she") else None


def _according_event(according: Token, text: str, base: int) -> SpeechEvent | None:
    """``according to officials, ...`` and ``..., according to the ministry.``"""
    doc = according.doc
    to = doc[according.i + 1]
    objects = [child for child in to.children if child.dep_ == "pobj"]
    if not objects:
        return None
    head, form = _speaker_phrase(objects[0])
    if not _valid_speaker(head, form, "according"):
        return None
    first, last = _phrase_bounds(head, form)
    phrase_first, phrase_last = according.i, max(last, objects[0].right_edge.i)
    sent = according.sent
    if phrase_first > sent.start and doc[phrase_first - 1].is_punct and phrase_first - 1 > sent.start:
        # "..., according to X." : the content is what comes before the phrase.
        content_start, content_end = sent.start_char, doc[phrase_first - 1].idx
    else:
        # "According to X, ..." : the content is what follows it.
        content_start = doc[phrase_last].idx + len(doc[phrase_last])
        content_end = sent.end_char
    return SpeechEvent(
        cue=_span(text, base, according.idx, to.idx + len(to)),
        speaker=_span(text, base, doc[first].idx, doc[last].idx + len(doc[last])),
        speaker_form=form,
        speaker_head=head.lower_,
        content=_trimmed(text, base, content_start, content_end),
        plural=head.tag_ in ("NNS", "NNPS"),
    )


def _role_before(name_first: Token) -> tuple[int, int] | None:
    """Token indices of a premodifying role ("Kremlin adviser" in "Kremlin adviser Yuri Ushakov")."""
    doc = name_first.doc
    i = name_first.i - 1
    last = i
    while i >= 0:
        token = doc[i]
        is_title = token.lower_.rstrip(".") in PERSON_TITLES and token.text[:1].isupper()
        # Inside a hyphenated word ("commander-in-chief") the pieces are glued together.
        glued = i > 0 and not token.whitespace_ and not doc[i - 1].whitespace_ and i < name_first.i - 1
        if glued or token.pos_ in ("NOUN", "ADJ") or (
            token.pos_ == "PROPN" and (token.ent_type_ != "PERSON" or is_title)
        ):
            if token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
                break
            i -= 1
            continue
        break
    first = i + 1
    if first > last:
        return None
    if not any(doc[k].pos_ == "NOUN" or doc[k].lower_ in PERSON_TITLES for k in range(first, last + 1)):
        return None
    return first, last


def _role_from_apposition(name_first: Token, name_last: Token) -> tuple[int, int] | None:
    """A role the name is an apposition of ("senior commander Oleksandr Syrskyi" parsed with the
    noun as head) or that is an apposition of the name ("Yuri Ushakov, a Kremlin adviser,")."""
    doc = name_first.doc
    root = name_last
    if root.dep_ == "appos" and root.head.i < name_first.i and root.head.pos_ == "NOUN":
        noun = root.head
        # "senior commander Oleksandr Syrskyi", or "its commander-in-chief, Oleksandr Syrskyi,"
        last = noun.right_edge.i if noun.right_edge.i < name_first.i else noun.i
        while last > noun.i and doc[last].is_punct:
            last -= 1
        between = doc[last + 1 : name_first.i]
        if all(t.text == "," for t in between) and len(between) <= 1:
            first = noun.i
            for child in noun.lefts:
                if child.dep_ in ("amod", "compound", "nmod"):
                    first = min(first, child.left_edge.i)
            return first, last
    for child in root.children:
        if child.dep_ == "appos" and child.i > name_last.i and child.pos_ == "NOUN":
            first = child.i
            for left in child.lefts:
                if left.dep_ in ("amod", "compound", "nmod"):
                    first = min(first, left.i)
            last = child.i
            for right in child.rights:
                if (
                    right.dep_ == "prep"
                    and right.lower_ in ("to", "of", "for")
                    and right.right_edge.i - child.i <= 5
                ):
                    last = right.right_edge.i
            while first < last and doc[first].dep_ == "det":
                first += 1
            return first, last
    return None


def _roles(doc: Doc, base: int, persons: list[tuple[int, int]]) -> list[RoleFact]:
    """Roles written next to each PERSON mention, with nationality or organisation as affiliation."""
    facts: list[RoleFact] = []
    text = doc.text
    for first_i, end_i in persons:
        name_first, name_last = doc[first_i], doc[end_i - 1]
        bounds = _role_before(name_first) or _role_from_apposition(name_first, name_last)
        if bounds is None:
            continue
        first, last = bounds
        tokens = [doc[k] for k in range(first, last + 1) if doc[k].lower_.rstrip(".") not in HONORIFICS]
        if not tokens:
            continue
        affiliation = None
        leading = tokens[0]
        if leading.ent_type_ in ("NORP", "GPE", "ORG") and len(tokens) > 1:
            affiliation = leading.text
            # A capitalised title keeps its nationality ("Ukrainian President"); a plain
            # description gives it up to the affiliation ("senior commander", Ukrainian).
            if not tokens[-1].text[:1].isupper() and leading.ent_type_ in ("NORP", "GPE"):
                tokens = tokens[1:]
        role_start, role_end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        role = text[role_start:role_end]
        facts.append(
            RoleFact(
                name_start=base + name_first.idx,
                name_end=base + name_last.idx + len(name_last),
                role=role,
                affiliation=affiliation,
            )
        )
    return facts


def read_paragraph(doc: Doc, base: int) -> ParagraphFacts:
    """Everything Byline keeps from one parsed paragraph whose text starts at ``base``."""
    facts = ParagraphFacts()
    text = doc.text
    persons: list[tuple[int, int]] = []
    for ent in doc.ents:
        label = ent.label_
        if label in TEMPORAL_LABELS:
            facts.temporals.append((base + ent.start_char, base + ent.end_char, label))
            continue
        if label in _NUMBER_LABELS:
            facts.numbers.append((base + ent.start_char, base + ent.end_char, label))
            continue
        if label not in NAME_LABELS:
            continue
        start_i, end_i = ent.start, ent.end
        titled = False
        while end_i - start_i > 1 and _is_title(doc[start_i]):
            start_i += 1  # "Councillor David Mbeki", "Ms Fairbairn": the title is not part of the name
            titled = True
        is_person = label == "PERSON" or titled
        if is_person:
            start_i, end_i = _extend_person(doc[start_i:end_i])
        start, end = doc[start_i].idx, doc[end_i - 1].idx + len(doc[end_i - 1])
        mention = NameMention(base + start, base + end, text[start:end], label)
        mention.evidence.update(_name_evidence(doc[start_i:end_i]))
        root = doc[start_i:end_i].root
        mention.modifier = root.dep_ in ("poss", "compound") and not (start_i <= root.head.i < end_i)
        facts.names.append(mention)
        if is_person or mention.evidence.get("PERSON", 0) > 0:
            persons.append((start_i, end_i))
    facts.events = _speech_events(doc, base, facts.subjects)
    facts.events += tag_events(doc, base, facts.events)
    facts.clause_subjects = main_clause_subjects(doc, base)
    facts.candidates = _unlabelled_proper_nouns(doc, base)
    _add_missed_speakers(facts, doc, base, persons)
    facts.roles = _roles(doc, base, persons)
    return facts


def _unlabelled_proper_nouns(doc: Doc, base: int) -> list[NameMention]:
    """Single capitalised proper nouns outside any entity, not starting a sentence ("for Kyiv")."""
    found = []
    for token in doc:
        if (
            token.pos_ != "PROPN"
            or token.ent_iob_ != "O"
            or token.is_sent_start
            or not token.text[:1].isupper()
        ):
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if (before is not None and before.pos_ == "PROPN") or (after is not None and after.pos_ == "PROPN"):
            continue
        found.append(
            NameMention(
                base + token.idx, base + token.idx + len(token), token.text, "GPE", found_by="gazetteer"
            )
        )
    return found


def _add_missed_speakers(facts: ParagraphFacts, doc: Doc, base: int, persons: list[tuple[int, int]]) -> None:
    """A proper-noun speaker that NER missed is still a name, and a person."""
    covered = [(m.start, m.end) for m in facts.names]
    for event in facts.events:
        if event.speaker is None or event.speaker_form != "name":
            continue
        start, end = event.speaker.start, event.speaker.end
        if any(s < end and start < e for s, e in covered):
            for mention in facts.names:
                if mention.start < end and start < mention.end:
                    mention.evidence["SPEAKER"] += 1.0
            continue
        mention = NameMention(start, end, event.speaker.text, "PERSON", found_by="speaker")
        mention.evidence["SPEAKER"] += 1.0
        facts.names.append(mention)
        covered.append((start, end))
        first = doc.char_span(start - base, end - base, alignment_mode="expand")
        if first is not None:
            persons.append((first.start, first.end))
    facts.names.sort(key=lambda m: m.start)
