"""Read the facts Byline needs out of one parsed paragraph.

With :mod:`reader.analysis.cues` (the attribution cues: who says, believes, wants,
supports or opposes what), this is the only code that walks spaCy tokens. It turns a
``Doc`` into :class:`ParagraphFacts` (names with context evidence, attribution events,
roles, temporal mentions) with offsets shifted into the whole article, so the Doc can
be dropped as soon as it is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.cues import speech_events
from reader.analysis.facts import NameMention, ParagraphFacts, RoleFact
from reader.analysis.lexicon import (
    HONORIFIC_GENDER,
    HONORIFICS,
    LOCATIVE_PREPOSITIONS,
    NAME_LABELS,
    PERSON_ROLE_NOUNS,
    PERSON_TITLES,
    PLACE_NOUNS,
    TEMPORAL_LABELS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

_NUMBER_LABELS = ("CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")


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
        gender = HONORIFIC_GENDER.get(before.lower_.rstrip("."))
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
    facts.events = speech_events(doc, base, facts.subjects)
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
