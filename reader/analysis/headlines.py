"""Claims a headline gives to someone, read from the article's first line: a label and a colon
(``Okafor: Harbour Deal Is 'Dead On Arrival'``, ``Poll: Mayor Leads In Three Districts``) and a
headline in title case with a cue verb (``Mayor Kirby Slams Ferry Plan``, ``Union Backs Strike And
Denounces Offer``), where the tagger takes the capitalised verb for a name and the parse finds no cue.

Labels of the page (``Live:``, ``Transcript:``) are no speaker, and a headline in sentence case
(``Water minister defends drought rules``) is left to the parse.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.analysis.facts import SpeechEvent
from reader.analysis.lexicon import (
    BELIEF_VERBS,
    INTENTION_VERBS,
    OBJECT_CUES,
    PREPOSITION_CUES,
    REQUEST_VERBS,
    SPEECH_VERBS,
)
from reader.analysis.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_HEADLINE_LABEL = re.compile(r"^([A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,3}): +(\S.*?)[\s.]*$")
_NOT_LABELS = frozenset(
    "live transcript update updates breaking exclusive analysis opinion editorial video watch photos "
    "review explainer factbox timeline q&a interview letters correction podcast quiz latest".split()
) | {"the latest", "fact check", "fact-check"}
_EVIDENCE_LABELS = frozenset({"poll", "polls", "report", "survey", "study", "data"})
_WORD = re.compile(r"\S+")
# Words a title-case headline keeps in lower case ("Mayor Backs Plan for the Harbour").
_SMALL_WORDS = frozenset("a an the and or but of for to in on at by with as vs from".split())


def _third_person(lemma: str) -> str:
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


_CUE_LEMMAS = (
    SPEECH_VERBS
    | BELIEF_VERBS
    | INTENTION_VERBS
    | REQUEST_VERBS
    | set(OBJECT_CUES)
    | {verb for verb, _ in PREPOSITION_CUES}
) - {"have", "be", "do", "get", "make", "go", "see", "take", "find", "show"}
_CUE_FORMS = {_third_person(lemma): lemma for lemma in _CUE_LEMMAS}


def headline_event(doc: Doc, base: int) -> SpeechEvent | None:
    """The claim of the article's first line (``base == 0``, one line), if its headline gives one."""
    if base != 0 or "\n" in doc.text.strip():
        return None
    line = doc.text.rstrip()
    return _labelled(line) or _title_case(line) or _sentence_case(line, doc)


def _labelled(line: str) -> SpeechEvent | None:
    """``Okafor: Harbour Deal Is 'Dead On Arrival'``."""
    match = _HEADLINE_LABEL.match(line)
    if match is None or match.group(1).lower() in _NOT_LABELS or len(match.group(2).split()) < 3:
        return None
    if match.group(2).rstrip("'’\"”").endswith("?"):
        return None  # "Okafor: Reformer Or Career Politician?" asks; it claims nothing
    label = match.group(1)
    evidence = label.split()[-1].lower() in _EVIDENCE_LABELS  # "Poll:", "City Hall Poll:"
    return _event(
        line,
        (match.end(1), match.end(1) + 1),
        (0, len(label)),
        (match.start(2), match.end(2)),
        "evidence" if evidence else "speech",
        ":",
        "description" if evidence else "name",
    )


def _title_case(line: str) -> SpeechEvent | None:
    """``Mayor Kirby Slams Ferry Plan``: the words before the first capitalised cue verb hold the rest."""
    words = list(_WORD.finditer(line))
    alpha = [w.group() for w in words if w.group()[:1].isalpha()]
    capitalised = [w for w in alpha if w[:1].isupper() or w.lower() in _SMALL_WORDS]
    upper = sum(w[:1].isupper() for w in alpha)
    if len(alpha) < 4 or len(capitalised) < len(alpha) or upper < len(alpha) * 0.7:
        return None
    for i, word in enumerate(words[1:], start=1):
        lemma = _CUE_FORMS.get(word.group().lower())
        if lemma is None or not word.group()[:1].isupper():
            continue
        tag = _final_tag(line, words, i, lemma)
        if tag is not None:
            return tag
        speaker_end = words[i - 1].end()
        if words[i - 1].group().lower().endswith("ly") and i > 1:
            speaker_end = words[i - 2].end()  # "Trump Finally Endorses ..."
        rest = words[i + 1 :]
        frame, stance = _frame(lemma)
        if rest and (lemma, rest[0].group().lower()) in PREPOSITION_CUES:
            frame, stance = PREPOSITION_CUES[(lemma, rest[0].group().lower())]
            lemma = f"{lemma} {rest[0].group().lower()}"  # "Calls For Recount"
            rest = rest[1:]
        elif rest and rest[0].group().lower() in ("on", "to", "that"):
            rest = rest[1:]  # "Calls On Mayor To Resign"
        if not rest or line[:speaker_end].endswith(("'", "’")):
            return None
        content_end = len(line.rstrip(" ."))
        event = _event(
            line,
            (word.start(), word.end()),
            (0, speaker_end),
            (rest[0].start(), content_end),
            frame,
            lemma,
            "name",
        )
        event.stance = stance
        event.target = event.content if stance else None
        return event
    return None


def _frame(lemma: str) -> tuple[str, str | None]:
    if lemma in OBJECT_CUES:
        return OBJECT_CUES[lemma]
    if lemma in BELIEF_VERBS:
        return "belief", None
    if lemma in INTENTION_VERBS or lemma in REQUEST_VERBS:
        return "intention", None
    return "speech", None


def _event(
    line: str,
    cue: tuple[int, int],
    speaker: tuple[int, int],
    content: tuple[int, int],
    frame: str,
    lemma: str,
    form: str,
) -> SpeechEvent:
    def span(bounds: tuple[int, int]) -> Span:
        return Span(bounds[0], bounds[1], line[bounds[0] : bounds[1]])

    speaker_text = line[speaker[0] : speaker[1]]
    return SpeechEvent(
        cue=span(cue),
        speaker=span(speaker),
        speaker_form=form,
        speaker_head=speaker_text.split()[-1].lower(),
        content=span(content),
        frame=frame,
        cue_lemma=lemma,
    )


_TAG_COMMA = re.compile(r",[’'\"”]?\s+|[’'\"”],\s+")


def _final_tag(line: str, words: list[re.Match[str]], i: int, lemma: str) -> SpeechEvent | None:
    """``Guns Are 'A Public Health Crisis,' Dean Tells Convention``: a claim, a comma and a tag whose
    one to four capitalised words before the cue verb hold it (what follows the verb is the audience)."""
    prefix = line[: words[i].start()]
    commas = list(_TAG_COMMA.finditer(prefix))
    if not commas:
        return None
    comma = commas[-1]
    speaker = prefix[comma.end() :].strip()
    names = speaker.split()
    if not 1 <= len(names) <= 4 or not all(w[:1].isupper() for w in names):
        return None
    # The claim ends at the comma, or after the quotation mark that closes around it (",’").
    closing = comma.group().rstrip()
    content_end = comma.start() + len(closing) if closing[-1:] in "’'\"”" else comma.start()
    content = line[:content_end]
    if len(content.split()) < 2:
        return None
    frame, stance = ("speech", None) if lemma in SPEECH_VERBS and lemma not in OBJECT_CUES else _frame(lemma)
    speaker_start = comma.end()
    event = _event(
        line,
        (words[i].start(), words[i].end()),
        (speaker_start, speaker_start + len(speaker)),
        (0, len(content)),
        frame,
        lemma,
        "name",
    )
    event.stance = stance
    event.target = event.content if stance else None
    return event


_FINITE_TAGS = ("VBP", "VBZ", "VBD", "MD")
# Words that cannot be part of the subject before a headline's verb ("as", "he", "will", "and").
_NOT_SUBJECT_POS = ("ADP", "AUX", "SCONJ", "CCONJ", "PRON", "ADV", "VERB")


def _subject_word(token: Token) -> bool:
    """A word of a headline's subject phrase; a plural noun the tagger took for a verb counts
    ("Rose Bowl skywriters blast Trump")."""
    if token.pos_ == "VERB" and token.tag_ == "VBZ" and token.lower_ not in _CUE_FORMS:
        return True
    return token.pos_ not in _NOT_SUBJECT_POS or token.tag_ == "PRP$"


def _finite_verb_follows(rest: list[Token]) -> bool:
    """Whether a lower-case finite verb of the same clause follows, before a semicolon, with no
    subordinator or pronoun that would open a clause of its own ("... as he accepts")."""
    for token in rest:
        if token.text == ";" or token.pos_ in ("SCONJ", "PRON") or token.lower_ in ("who", "that", "which"):
            return False
        if token.tag_ in _FINITE_TAGS and token.text[:1].islower():
            return True
    return False


def _verb_follows(rest: list[Token]) -> bool:
    """Whether a lower-case verb that no "to" introduces follows, before a semicolon or a
    subordinator ("calls for a recount grow louder")."""
    for token in rest:
        if token.text == ";" or token.pos_ == "SCONJ" or token.lower_ in ("who", "that", "which"):
            return False
        infinitive = token.i > 0 and token.doc[token.i - 1].lower_ == "to"
        if token.pos_ == "VERB" and token.tag_ in ("VB", "VBP", "VBZ", "VBD") and not infinitive:
            return token.text[:1].islower()
    return False


def _sentence_case(line: str, doc: Doc) -> SpeechEvent | None:
    """``Rose Bowl skywriters blast Trump``, ``London's mayor rebuffs Trump on ban``: a headline in
    sentence case whose cue verb the tagger took for a noun (headlines drop the articles that tell
    it), so the parse found no cue. The words before the verb hold the rest, up to a semicolon. Not
    when the parse has a cue verb of its own, nor when a finite verb follows (``Trump attacks draw
    fire``: "attacks" is a noun there)."""
    tokens = [t for t in doc if not t.is_space]
    if len(tokens) < 4 or not tokens[0].text[:1].isupper():
        return None
    semicolon = next((t.i for t in tokens if t.text == ";"), len(doc))
    if any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in _CUE_LEMMAS for t in tokens if t.i < semicolon):
        return None  # the parse found the cue verb itself
    for i, token in enumerate(tokens[1:6], start=1):
        if not _subject_word(tokens[i - 1]):
            return None
        lemma = _CUE_FORMS.get(token.lower_)
        if lemma is None and token.lower_ in _CUE_LEMMAS and tokens[i - 1].tag_ in ("NNS", "NNPS", "VBZ"):
            lemma = token.lower_  # "skywriters blast"
        if lemma is None or token.text[:1].isupper():
            continue
        rest = tokens[i + 1 :]
        if not rest or rest[0].is_punct:
            return None
        if rest[0].pos_ == "ADP" and ((lemma, rest[0].lower_) not in PREPOSITION_CUES or _verb_follows(rest)):
            return None  # "Clinton attacks on Trump ...": a noun before its preposition; "calls for"
            # is the verb's own ("Trump calls for a ban on ..."), unless a verb follows ("Calls for a
            # recount grow louder": the calls are the subject)
        if _finite_verb_follows(rest):
            return None  # "Trump attacks draw fire": the verb comes later
        frame, stance = _frame(lemma)
        if (lemma, rest[0].lower_) in PREPOSITION_CUES:
            frame, stance = PREPOSITION_CUES[(lemma, rest[0].lower_)]
            lemma = f"{lemma} {rest[0].lower_}"
            rest = rest[1:]
        elif rest[0].lower_ in ("on", "to", "that"):
            if rest[0].lower_ == "to" and frame == "speech":
                frame = "intention"  # "Senate votes to extend the subsidy"
            rest = rest[1:]
        if not rest:
            return None
        # The claim ends at a semicolon or before "as"/"after"/"while" (the reporter's own clause).
        stops = (t.idx for t in rest if t.text == ";" or (t.pos_ == "SCONJ" and t.i > rest[0].i))
        end = next(stops, len(line))
        content = line[rest[0].idx : end].rstrip(" .;")
        before = tokens[i - 1]
        event = _event(
            line,
            (token.idx, token.idx + len(token)),
            (0, before.idx + len(before)),
            (rest[0].idx, rest[0].idx + len(content)),
            frame,
            lemma,
            "name" if any(t.pos_ == "PROPN" for t in tokens[:i]) else "description",
        )
        event.stance = stance
        event.target = event.content if stance else None
        return event
    return None
