"""Read the facts Byline needs out of one parsed paragraph.

With :mod:`reader.analysis.cues` (the attribution cues: who says, believes, wants,
supports or opposes what), this is the only code that walks spaCy tokens. It turns a
``Doc`` into :class:`ParagraphFacts` (names with context evidence, attribution events,
roles, temporal mentions) with offsets shifted into the whole article, so the Doc can
be dropped as soon as it is read.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.analysis.cues import speech_events
from reader.analysis.facts import NameMention, ParagraphFacts, RoleFact
from reader.analysis.gazetteer import is_known_place
from reader.analysis.lexicon import (
    HONORIFIC_GENDER,
    LOCATIVE_PREPOSITIONS,
    NAME_LABELS,
    ORGANISATION_NOUNS,
    PERSON_ROLE_NOUNS,
    PLACE_NOUNS,
    SPEAKER_NOUNS,
    TEMPORAL_LABELS,
)
from reader.analysis.names import (
    HONORIFIC_WORDS,
    ORGANISATION_LEADS,
    TITLE_WORDS,
    is_occupation,
    is_particle,
    is_title_modifier,
    is_title_word,
    shape_label,
)
from reader.analysis.tags import main_clause_subjects, tag_events
from reader.analysis.temporals import correct_temporals

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

_NUMBER_LABELS = ("CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")


# Lower-case nouns of a natural or built water or land feature after a name make the name a place
# ("the shrinking Vaal reservoir", the model tags "Vaal" ORG): no company is written that way.
_FEATURE_NOUNS = frozenset(
    "reservoir dam river lake basin delta estuary valley glacier aquifer canal bay coast peninsula "
    "mountains plateau wetlands lagoon".split()
)


def _name_evidence(ent: SpacySpan, label: str) -> dict[str, float]:
    """Context around a named mention (labelled ``label`` by the model) that says what kind of thing it is."""
    doc = ent.doc
    evidence: dict[str, float] = {}
    after = doc[ent.end] if ent.end < len(doc) else None
    before = doc[ent.start - 1] if ent.start > 0 else None
    two_before = doc[ent.start - 2] if ent.start > 1 else None
    locative_the = (
        before is not None
        and before.lower_ == "the"
        and two_before is not None
        and (two_before.lower_ in LOCATIVE_PREPOSITIONS or two_before.lower_ in ("on", "along", "over", "to"))
    )
    if locative_the:
        evidence["LOC"] = evidence.get("LOC", 0) + 1.0  # "near the Danube", "in the Algarve"
    # "ferry operator Transmar", "the streaming service Netflix", "the operator, Transmar,"
    if before is not None and before.pos_ == "NOUN" and before.lemma_.lower() in ORGANISATION_NOUNS:
        evidence["ORG"] = evidence.get("ORG", 0) + 2.0
    if ent.root.dep_ == "appos" and ent.root.head.lemma_.lower() in ORGANISATION_NOUNS:
        evidence["ORG"] = evidence.get("ORG", 0) + 2.0
    if after is not None and after.lemma_.lower() in PLACE_NOUNS and after.pos_ == "NOUN":
        evidence["GPE"] = evidence.get("GPE", 0) + 2.0
    if after is not None and after.lower_ in _FEATURE_NOUNS and after.pos_ == "NOUN":
        evidence["LOC"] = evidence.get("LOC", 0) + 2.0  # "the Vaal reservoir", "the Mekong delta"
    of_place = (
        two_before is not None and two_before.lemma_.lower() in PLACE_NOUNS and two_before.lower_ != "front"
    )
    if before is not None and before.lower_ == "of" and of_place:
        evidence["GPE"] = evidence.get("GPE", 0) + 2.0  # "the province of Eastvale", "the city of Leeds"
    if before is not None and before.lower_ in LOCATIVE_PREPOSITIONS:
        possessive = after is not None and after.lower_ in ("'s", "’s")
        if not possessive:
            evidence["GPE"] = evidence.get("GPE", 0) + 1.5
    if before is not None and _is_title(before):
        evidence["PERSON"] = evidence.get("PERSON", 0) + 2.0
        gender = HONORIFIC_GENDER.get(before.lower_.rstrip("."))
        if gender:
            evidence[gender] = 1.0
    elif before is not None and _names_a_role(before) and len(ent) >= 2:
        evidence["PERSON"] = evidence.get("PERSON", 0) + 2.0  # "commander-in-chief Oleksandr Syrskyi"
    root = ent.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in PERSON_ROLE_NOUNS and len(ent) >= 2:
        evidence["PERSON"] = evidence.get("PERSON", 0) + 2.0  # "its commander-in-chief, Oleksandr Syrskyi,"
    if len(ent) == 1 and label == "PERSON" and before is not None and before.lower_ == "the":
        evidence["LOC"] = evidence.get("LOC", 0) + 1.5  # "the Danube", "the Algarve": people take no article
    if len(ent) >= 2 and all(t.pos_ == "PROPN" for t in ent) and label == "PERSON":
        evidence["PERSON"] = evidence.get("PERSON", 0) + 1.0
    if label == "NORP" or (root.pos_ == "ADJ" and label in ("GPE", "NORP")):
        # "Ukrainian", "Russian": an adjective of nationality is never the country itself.
        evidence["NORP"] = evidence.get("NORP", 0) + (1.5 if root.pos_ == "ADJ" else 1.0)
    return evidence


def _is_role_word(token: Token) -> bool:
    """A word that makes a phrase a role: a noun, a title, an occupation ("Sculptor")."""
    return token.pos_ == "NOUN" or _is_title(token) or is_occupation(token.text)


def _names_a_role(token: Token) -> bool:
    """A role noun right before a name makes it a person ("commander-in-chief Oleksandr Syrskyi",
    "Olympic champion Sun Mingyu")."""
    return token.lemma_.lower() in PERSON_ROLE_NOUNS or is_occupation(token.text)


def _is_title(token: Token) -> bool:
    """A capitalised title or form of address ("Chairwoman", "Crown", "Prof", "Rep.")."""
    return is_title_word(token.text)


def _name_start_after_titles(doc: Doc, start_i: int, end_i: int) -> int:
    """Where the name begins in a mention that starts with titles: after "Crown Prince", "Speaker",
    and after a whole role phrase that ends in one ("Commerce Minister Liang Jianhua")."""
    while end_i - start_i > 1 and _is_title(doc[start_i]):
        start_i += 1
    last_title = max((k for k in range(start_i, end_i - 1) if _is_title(doc[k])), default=None)
    if last_title is not None and all(doc[k].pos_ == "PROPN" for k in range(last_title + 1, end_i)):
        start_i = last_title + 1
    return start_i


def _is_lower_particle(token: Token) -> bool:
    return token.text.islower() and is_particle(token.text)


def _without_run_on(doc: Doc, start_i: int, end_i: int) -> int:
    """The end of a name whose model span ran on into a score or a preposition ("Okabe Sora 4-2",
    "Sun Mingyu of")."""
    while end_i > start_i + 1 and (
        doc[end_i - 1].like_num or doc[end_i - 1].is_punct or doc[end_i - 1].lower_ in ("of", "and", "the")
    ):
        end_i -= 1
    return end_i


_ENGLISH_PARTICLES = frozenset("do e y ten op het ben bat af av ap ua te".split())


def _capitalised_particles_before(doc: Doc, start_i: int) -> int:
    """Where a name starts that the model tagged without its leading particles, written capitalised
    when the surname stands alone ("Van den" + "Broek", "De" + "Souza", "Ter" + "Horst")."""
    i = start_i
    while i > 0 and is_particle(doc[i - 1].text) and doc[i - 1].whitespace_:
        i -= 1
    if i < start_i and doc[i].lower_ in _ENGLISH_PARTICLES:
        return start_i  # "Do Americans care?": an English word, not "Do Kwon"
    if i == start_i or not doc[i].text[:1].isupper():
        return start_i
    return i


def _place_after_of(doc: Doc, start_i: int, end_i: int) -> int | None:
    """Where a known place starts in a mention "Name of Place" that names a person from there ("Sun
    Mingyu of China"), or ``None``; "Bank of Thailand" and "University of Nigeria" are names."""
    of = next((k for k in range(start_i + 2, end_i - 1) if doc[k].lower_ == "of"), None)
    if of is None:
        return None
    before, after = doc[start_i:of], doc[of + 1 : end_i]
    if shape_label(f"{before.text} of {after.text}") is not None or shape_label(before.text) is not None:
        return None
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in before) or not is_known_place(after.text):
        return None
    return of + 1


def _extend_person(ent: SpacySpan) -> tuple[int, int]:
    """Extend a PERSON mention over name parts the model left out: the surname in "Oleksandr
    Syrskyi" (it found "Oleksandr"), the first name in "said Beatriz Lima" (it found "Lima"), and
    across name particles into parts it tagged apart ("Pieter van" + "den" + "Broek", "Maria" + "do"
    + "Carmo Sousa" + "e" + "Castro", "Femke" + "ter" + "Horst")."""
    doc = ent.doc

    def name_part(token: Token, tagged: bool = False) -> bool:
        return (
            token.pos_ == "PROPN"
            and token.text[:1].isupper()
            and (tagged or not token.ent_type_)
            and token.lower_.rstrip(".") not in TITLE_WORDS
            and not is_occupation(token.text)
        )

    def particles_then_name(i: int, step: int) -> int:
        """How many tokens from ``i`` (going by ``step``) are lower-case particles then a name word."""
        n = 0
        while 0 <= i + step * n < len(doc) and _is_lower_particle(doc[i + step * n]):
            n += 1
        j = i + step * n
        return n + 1 if n and 0 <= j < len(doc) and name_part(doc[j], tagged=True) else 0

    start, end = ent.start, ent.end
    while True:
        if end < len(doc) and name_part(doc[end]):
            end += 1
        elif n := particles_then_name(end, 1):
            end += n
        else:
            break
    while True:
        if start > 0 and name_part(doc[start - 1]):
            start -= 1
        elif start > 1 and (n := particles_then_name(start - 1, -1)):
            start -= n
        else:
            break
    if start < ent.start and start > 0 and doc[start - 1].lower_ in ("of", "for"):
        start = ent.start  # "Director of [Public Prosecutions] Sara Lind": the portfolio, not the name
    while end < len(doc) and name_part(doc[end], tagged=True) and doc[end].ent_type_ == "PERSON":
        end += 1
    return start, end


def _over_hyphens(doc: Doc, start_i: int, end_i: int) -> tuple[int, int]:
    """Token bounds widened over capitalised words hyphenated onto the mention: the model tags
    "Okoro" in "Okoro-Whitfield" on its own."""

    def glued(hyphen: int) -> bool:
        return (
            0 < hyphen < len(doc) - 1
            and doc[hyphen].text == "-"
            and not doc[hyphen - 1].whitespace_
            and not doc[hyphen].whitespace_
        )

    def name_part(token: Token) -> bool:
        # A capitalised word of its own, not a name the model tagged ("Jakarta-Bandung" is two
        # places, "D-Texas" a party and a state).
        capitalised = token.text[:1].isupper() and len(token) >= 3
        return capitalised and not token.ent_type_ and not is_known_place(token.text)

    while end_i + 1 < len(doc) and glued(end_i) and name_part(doc[end_i + 1]):
        end_i += 2
    while start_i >= 2 and glued(start_i - 1) and name_part(doc[start_i - 2]):
        start_i -= 2
    return start_i, end_i


def _portfolio_glue(doc: Doc, i: int, name_i: int) -> bool:
    """Whether ``doc[i]`` joins a title to its capitalised portfolio: "for"/"of" right after a role
    noun or title ("Commissioner for Transportation"), "and"/"&" between two capitalised words."""
    token = doc[i]
    if i == 0 or i >= name_i - 1 or not doc[i + 1].text[:1].isupper():
        return False
    left = doc[i - 1]
    if token.lower_ in ("for", "of"):
        return left.lemma_.lower() in PERSON_ROLE_NOUNS or _is_title(left)
    if token.lower_ in ("and", "&"):
        after_portfolio_word = i > 1 and doc[i - 2].lower_ in ("for", "of")
        return left.pos_ == "PROPN" and left.text[:1].isupper() and after_portfolio_word
    return False


def _person_after_portfolio(doc: Doc, start_i: int, end_i: int) -> int | None:
    """Where the person's name starts in a mention that runs a portfolio into the name ("[minister
    for] Women and Equalities Nicola Farrant"): the last two capitalised words, or ``None``."""
    if start_i == 0 or end_i - start_i < 3:
        return None
    prep = doc[start_i - 1]
    if prep.lower_ not in ("for", "of") or prep.i == 0:
        return None
    holder = prep.head
    if holder.lemma_.lower() not in PERSON_ROLE_NOUNS and not _is_title(holder):
        return None
    # The role phrase is the clause's subject and the name ends right before its verb: "chairman of
    # Gulf Horizon Ports, signed" and "president of the Malaysian Bar" name organisations.
    verb_next = end_i < len(doc) and doc[end_i].pos_ in ("VERB", "AUX")
    if holder.dep_ not in ("nsubj", "nsubjpass") or not verb_next or shape_label(doc[start_i:end_i].text):
        return None
    name = doc[end_i - 2 : end_i]
    if all(t.pos_ == "PROPN" and t.text[:1].isupper() and not _is_title(t) for t in name):
        return end_i - 2
    return None


def _role_before(name_first: Token) -> tuple[int, int] | None:
    """Token indices of a premodifying role ("Kremlin adviser" in "Kremlin adviser Yuri Ushakov")."""
    doc = name_first.doc
    i = name_first.i - 1
    last = i
    passed_title = False  # "[Fine Gael TD] Aoife Ní Bhriain", all tagged PERSON: the party is the role's
    while i >= 0:
        token = doc[i]
        is_title = _is_title(token)
        passed_title = passed_title or is_title
        # Inside a hyphenated word ("commander-in-chief") the pieces are glued together.
        glued = i > 0 and not token.whitespace_ and not doc[i - 1].whitespace_ and i < name_first.i - 1
        if (
            glued
            or token.pos_ in ("NOUN", "ADJ")
            or is_title_modifier(token.text)  # "Managing Director": the parser may call it a verb
            or (token.pos_ == "PROPN" and (token.ent_type_ != "PERSON" or passed_title))
        ):
            if token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
                break
            i -= 1
            continue
        if _portfolio_glue(doc, i, name_first.i):
            i -= 1  # "Commissioner for Transportation", "minister for Women and Equalities"
            continue
        break
    first = i + 1
    if first > last:
        return None
    if not any(_is_role_word(doc[k]) for k in range(first, last + 1)):
        return None
    return first, last


def _glued_end(doc: Doc, i: int) -> int:
    """The last token of the hyphenated word that token ``i`` starts ("vice" in "vice-chancellor")."""
    while i + 2 < len(doc) and doc[i + 1].text == "-" and not (doc[i].whitespace_ or doc[i + 1].whitespace_):
        i += 2
    return i


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
            last = _glued_end(doc, child.i)  # "vice-chancellor" is one word to a reader
            for right in child.rights:
                if right.dep_ != "prep" or right.lower_ not in ("to", "of", "for", "at", "with"):
                    continue
                # "head of the fisheries office [in Makassar]": up to the object's own noun.
                objects = [o for o in right.children if o.dep_ == "pobj"]
                end = objects[0].i if objects else right.right_edge.i
                if end - child.i <= 7:
                    last = end
            while first < last and doc[first].dep_ == "det":
                first += 1
            return first, last
    return None


def _role_fact(
    doc: Doc, base: int, bounds: tuple[int, int], name_first: Token, name_last: Token
) -> RoleFact | None:
    """The role in token range ``bounds`` without forms of address, with its affiliation, or ``None``."""
    first, last = bounds
    text = doc.text
    tokens = [doc[k] for k in range(first, last + 1) if doc[k].lower_.rstrip(".") not in HONORIFIC_WORDS]
    if not tokens:
        return None
    affiliation = None
    leading = tokens[0]
    if leading.ent_type_ in ("NORP", "GPE", "ORG") and len(tokens) > 1:
        affiliation = leading.text
        # A capitalised title keeps its nationality ("Ukrainian President"); a plain
        # description gives it up to the affiliation ("senior commander", Ukrainian).
        if not tokens[-1].text[:1].isupper() and leading.ent_type_ in ("NORP", "GPE"):
            tokens = tokens[1:]
    if affiliation is None:
        affiliation = _organisation_after_preposition(tokens)
    if affiliation is None:
        affiliation = _named_owner(tokens)
    role_start, role_end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return RoleFact(
        name_start=base + name_first.idx,
        name_end=base + name_last.idx + len(name_last),
        role=text[role_start:role_end],
        affiliation=affiliation,
    )


def _named_owner(tokens: list[Token]) -> str | None:
    """The name that owns a role ("Eastvale" in "Eastvale's water minister", written before the role's
    words so outside ``tokens``), or ``None``; a pronoun ("her spokesman") or a common noun owns none."""
    nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN")]
    if not nouns:
        return None
    owner = next((c for c in nouns[-1].children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ != "PROPN":
        return None
    first = owner.left_edge.i
    while first < owner.i and not owner.doc[first].text[:1].isupper():
        first += 1
    return owner.doc[first : owner.i + 1].text


def _organisation_after_preposition(tokens: list[Token]) -> str | None:
    """The organisation a role names after its preposition ("analyst at [Banco Atlântico]",
    "spokesman for [the Social Democratic Party]"), without its article, or ``None``; a capitalised
    title's portfolio ("Secretary of State") is no organisation."""
    for k, token in enumerate(tokens[1:], start=1):
        if token.ent_type_ != "ORG" or token.ent_iob_ != "B":
            continue
        before = tokens[k - 1] if tokens[k - 1].lower_ != "the" or k < 2 else tokens[k - 2]
        if before.lower_ not in ("at", "of", "for", "with", "to"):
            continue
        entity = next((e for e in token.doc.ents if e.start == token.i), None)
        if entity is None:
            continue
        name = _LEADING_THE.sub("", entity.text)
        holder = token.doc[before.i - 1] if before.i > 0 else None
        if holder is not None and _is_title(holder) and shape_label(name) is None:
            continue  # "Secretary of State": a portfolio, not an employer
        return name
    return None


_LEADING_THE = re.compile(r"^(?:the|The)\s+")


def _roles(
    doc: Doc, base: int, persons: list[tuple[int, int]], names: list[NameMention] | None = None
) -> list[RoleFact]:
    """Roles written next to each PERSON mention, with nationality or organisation as affiliation;
    names inside a title's portfolio are dropped from ``names``."""
    facts: list[RoleFact] = []
    for first_i, end_i in persons:
        name_first, name_last = doc[first_i], doc[end_i - 1]
        # Both a title before the name and an apposition after it may give a role ("Sheikh Faisal
        # ..., chairman of Gulf Horizon Ports,": the honorific is dropped, the apposition kept).
        before = _role_before(name_first)
        if before is not None and names is not None:
            _drop_portfolio_names(names, doc, base, before)
        for bounds in (before, _role_from_apposition(name_first, name_last)):
            fact = _role_fact(doc, base, bounds, name_first, name_last) if bounds else None
            if fact is not None:
                facts.append(fact)
    return facts


def _drop_portfolio_names(names: list[NameMention], doc: Doc, base: int, bounds: tuple[int, int]) -> None:
    """Drop the names inside a title's portfolio ("Secretary of [State]", "Minister for [Finance]"):
    words of the role, not actors. A known place ("Minister of Defence of Ukraine") and a name shaped
    like an organisation ("Chairman of Gulf Horizon Ports") stay names."""
    first, last = bounds
    for k in range(first + 1, last + 1):
        if doc[k].lower_ not in ("of", "for") or not _portfolio_glue(doc, k, last + 1):
            continue
        start, end = base + doc[k].idx + len(doc[k]), base + doc[last].idx + len(doc[last])
        for mention in [m for m in names if start <= m.start and m.end <= end and m.label != "PERSON"]:
            if not is_known_place(mention.text) and shape_label(mention.text) is None:
                names.remove(mention)


def read_paragraph(doc: Doc, base: int) -> ParagraphFacts:
    """Everything Byline keeps from one parsed paragraph whose text starts at ``base``."""
    facts = ParagraphFacts()
    text = doc.text
    persons: list[tuple[int, int]] = []
    model_temporals = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in TEMPORAL_LABELS]
    temporals, ages = correct_temporals(text, model_temporals)
    facts.temporals = [(base + s, base + e, label) for s, e, label in temporals]
    facts.numbers = [(base + s, base + e, label) for s, e, label in ages]
    for ent in doc.ents:
        label = ent.label_
        if label in TEMPORAL_LABELS:
            continue
        if any(s < ent.end_char and ent.start_char < e for s, e, _ in temporals):
            continue  # "BST" in "14:05 BST", "Prinsjesdag": part of a date, not a name
        if label in _NUMBER_LABELS:
            facts.numbers.append((base + ent.start_char, base + ent.end_char, label))
            continue
        if label not in NAME_LABELS:
            continue
        start_i, end_i = ent.start, _without_run_on(doc, ent.start, ent.end)
        place_from = _place_after_of(doc, start_i, end_i)
        if place_from is not None:
            # "Sun Mingyu of China": the person, and the place as a mention of its own.
            place = doc[place_from:end_i]
            where = NameMention(base + place.start_char, base + place.end_char, place.text, "GPE")
            where.evidence["GPE"] += 1
            facts.names.append(where)
            end_i = place_from - 1
        # "Councillor David Mbeki", "Ms Fairbairn": the title is not part of the name, and makes it a person.
        # A form of address always starts a person's name ("Ms Fairbairn" tagged ORG); a title only
        # where the model saw a person or a name follows it ("Crown Estate" is an organisation).
        while end_i - start_i > 1 and _is_title(doc[start_i]) and (
            label == "PERSON" or doc[start_i].lower_.rstrip(".") in HONORIFIC_WORDS
        ):
            start_i += 1
        if label in ("PERSON", "ORG"):
            named_from = _name_start_after_titles(doc, start_i, end_i)
            rest = doc[named_from:end_i]
            # "Commerce Minister Liang Jianhua" is a person; "Prince Group" is not.
            if label == "PERSON" or (len(rest) >= 2 and shape_label(rest.text) is None):
                start_i = named_from
        portfolio_end = _person_after_portfolio(doc, start_i, end_i)
        if portfolio_end is not None:
            start_i = portfolio_end
        titled = start_i > ent.start
        is_person = label == "PERSON" or titled
        start_i, end_i = _over_hyphens(doc, start_i, end_i)
        start_i = _capitalised_particles_before(doc, start_i)
        if is_person:
            start_i, end_i = _extend_person(doc[start_i:end_i])
            # The model may tag the title alone ("[Councillor] Rhona [Baird]"): once the name is
            # extended over the words after it, the title goes as above.
            while end_i - start_i > 1 and _is_title(doc[start_i]):
                start_i += 1
                titled = True
            if end_i - start_i == 1 and _is_title(doc[start_i]):
                continue  # a title alone names nobody
        start, end = doc[start_i].idx, doc[end_i - 1].idx + len(doc[end_i - 1])
        start, end = _name_edges(text, start, end)
        if start >= end:
            continue
        mention = NameMention(base + start, base + end, text[start:end], label)
        mention.evidence.update(_name_evidence(doc[start_i:end_i], label))
        if titled:
            mention.evidence["PERSON"] += 2  # "Prof Marcus Iwu", "[minister for Equalities] Nicola Farrant"
        root = doc[start_i:end_i].root
        mention.modifier = root.dep_ in ("poss", "compound") and not (start_i <= root.head.i < end_i)
        facts.names.append(mention)
        if is_person or mention.evidence.get("PERSON", 0) > 0:
            persons.append((start_i, end_i))
    _untagged_people(facts, doc, base, persons)
    facts.events = speech_events(doc, base, facts.subjects)
    facts.events += tag_events(doc, base, facts.events)
    facts.clause_subjects = main_clause_subjects(doc, base)
    facts.candidates = _unlabelled_proper_nouns(doc, base)
    _add_missed_speakers(facts, doc, base, persons)
    _first_person_speakers(facts, doc, base)
    facts.roles = _roles(doc, base, persons, facts.names)
    return facts


_NOT_NAME_EDGE = "•·‣◦*-–—»«›‹>|/\\#+ \t\n\"“”‘’'()[]{}:;,"
_FIRST_PERSON_QUOTE = re.compile(
    r"[\"“«„]([^\"”»“]*?\b(?:I|my|me|myself|I['’]m|I['’]ve|I['’]ll)\b[^\"”»“]*)[\"”»]"
)


def _name_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """A name span without list bullets, guillemets or quotation marks at its edges ("» Maria Lopes")."""
    while start < end and text[start] in _NOT_NAME_EDGE:
        start += 1
    while end > start and text[end - 1] in _NOT_NAME_EDGE and not text[start:end].endswith("'s"):
        end -= 1
    return start, end


def _first_person_speakers(facts: ParagraphFacts, doc: Doc, base: int) -> None:
    """A named speaker whose sentence quotes them in the first person singular ("I have lost the
    trust ...," said Haldane) is a person, whatever the gazetteer knows of the name."""
    for event in facts.events:
        if event.speaker is None or event.speaker_form != "name":
            continue
        cue = doc.char_span(event.cue.start - base, event.cue.end - base, alignment_mode="expand")
        if cue is None or not _FIRST_PERSON_QUOTE.search(cue.sent.text):
            continue
        for mention in facts.names:
            if mention.start < event.speaker.end and event.speaker.start < mention.end:
                mention.evidence["PERSON"] += 2


def _untagged_people(
    facts: ParagraphFacts, doc: Doc, base: int, persons: list[tuple[int, int]]
) -> None:
    """People the model did not tag: a capitalised name right after a title ("Fine Gael TD Aoife Ní
    Bhriain") and a mononym with a role in apposition ("Sutarno, head of the fisheries office,")."""
    covered: set[int] = set()
    for name in facts.names:
        span = doc.char_span(name.start - base, name.end - base, alignment_mode="expand")
        covered.update(range(span.start, span.end) if span is not None else ())
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in covered or token.ent_type_ or not token.text[:1].isupper() or _is_title(token):
            i += 1
            continue
        after_title = i > 0 and _is_title(doc[i - 1]) and token.pos_ == "PROPN"
        role_apposition = token.pos_ in ("PROPN", "NOUN") and token.tag_ != "NNS" and any(
            child.dep_ == "appos" and _names_a_role(child) for child in token.children
        )
        if not (after_title or role_apposition) or token.lower_ in SPEAKER_NOUNS:
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end not in covered and not doc[end].ent_type_ and (
            (doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper()) or _is_lower_particle(doc[end])
        ):
            end += 1
        while end - 1 > i and _is_lower_particle(doc[end - 1]):
            end -= 1
        swallowed = _mislabelled_surname(facts, doc, base, end) if after_title else None
        if swallowed is not None:
            # "Chief Financial Officer Ana [Costa]": the model tagged the surname alone as an
            # organisation; it is the end of the name after the title.
            facts.names.remove(swallowed)
            end += 1
        found.append((i, end))
        i = end
    for first, end in found:
        first, end = _over_hyphens(doc, first, end)  # "Chief Executive Rosalind Okafor-Baines"
        span = doc[first:end]
        mention = NameMention(base + span.start_char, base + span.end_char, span.text, "PERSON")
        mention.evidence["PERSON"] += 2
        facts.names.append(mention)
        persons.append((first, end))
    facts.names.sort(key=lambda m: m.start)


def _mislabelled_surname(facts: ParagraphFacts, doc: Doc, base: int, i: int) -> NameMention | None:
    """The one-word non-person mention at token ``i`` right after an untagged name that follows a
    title ("Officer Ana Costa" with "Costa" tagged ORG), when it is that name's last word: a
    capitalised proper noun in a compound chain with it, not a known place, not shaped like an
    organisation. ``None`` otherwise."""
    if i >= len(doc):
        return None
    token = doc[i]
    if token.pos_ != "PROPN" or not token.text[:1].isupper() or is_known_place(token.text):
        return None
    if doc[i - 1].head.i != i or doc[i - 1].dep_ != "compound":
        return None
    start = base + token.idx
    return next(
        (
            m for m in facts.names
            if m.start == start and m.end == start + len(token) and m.label != "PERSON"
        ),
        None,
    )


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
        lead = doc[token.i - 2].lower_ if token.i >= 2 else ""
        if before is not None and before.lower_ == "of" and lead in ORGANISATION_LEADS:
            continue  # "Chamber of Commerce": the end of a body's name, not a place
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
                    mention.evidence["SPEAKER"] += 1
            continue
        # "The Ardenshire Chamber of Commerce estimates ...": a name shaped like a body is one.
        label = "ORG" if shape_label(event.speaker.text) == "ORG" else "PERSON"
        mention = NameMention(start, end, event.speaker.text, label, found_by="speaker")
        mention.evidence["SPEAKER"] += 1
        facts.names.append(mention)
        covered.append((start, end))
        first = doc.char_span(start - base, end - base, alignment_mode="expand")
        if first is not None and label == "PERSON":
            persons.append((first.start, first.end))
    facts.names.sort(key=lambda m: m.start)
