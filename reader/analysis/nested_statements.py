"""Positions a quoted speaker reports inside their own quoted words (issue 13).

In ``"I think the deal is dead," Smith said.`` the cue ``think`` lies inside Smith's quotation: Smith
*believes* "the deal is dead". The speech events found in quoted words (and in Q&A or transcript
answers) are the same events the parse finds everywhere else; this module says which of them are
positions of their own and whose:

- the holder must be named inside the same quoted words as the cue and content (``I``, ``we``, ``my
  opponent``, ``the senator``); first-person holders (``I``, ``we``, ``me``) are the quote's speaker,
  ``we`` the speaker's organisation when the speaker speaks for one (a spokesperson, president or
  head of an organisation the text names); ``you`` is the listener or anyone (``if you look at``)
  and holds nothing; any other holder is resolved as usual (:mod:`reader.analysis.actors`), and
  never to the quote's speaker;
- no filler or hypothetical: a cue followed at once by a comma or dash (``you know,``, ``I mean,``,
  ``let me tell you,``), a question (``Do you think ...?``, ``Parents ask me whether ...``), a
  conditional, modal or infinitive cue (``if you look at``, ``you could say``, ``you don't need a
  consultant to tell you``), a generic holder (``people say``, ``everybody knows``), someone spoken
  to (``Ms. Delgado, thank you for ...``) and a content without words of its own (``I think so``)
  are no positions; negated cues are left out by the caller as everywhere else.

Plain text only: no spaCy here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reader.analysis.facts import SpeechEvent
from reader.analysis.lexicon import PERSON_ROLE_NOUNS
from reader.analysis.model import Span

FIRST_PERSON = frozenset({"i", "me", "we", "us", "my", "our"})
"""Holder heads that stand for the quote's speaker."""
_PLURAL_FIRST_PERSON = frozenset({"we", "us", "our"})
SECOND_PERSON = frozenset({"you", "your"})
# Holders that name nobody in particular: "people say", "everybody knows", "one would think".
_GENERIC_HOLDERS = frozenset(
    {"people", "everybody", "everyone", "anybody", "anyone", "somebody", "someone", "nobody", "one", "folks"}
)
# A cue that a comma, dash or ellipsis follows at once (after an optional "you"/"me") is a filler:
# "you know, ...", "I mean, ...", "let me tell you, ...", "I guess, ...".
_FILLER_AFTER = re.compile(r"(?:\s+(?:you|ya|me|us))?\s*(?:[,;:—–…]|-{1,2}\s|\.\.\.|$)", re.IGNORECASE)
# A modal or an infinitive's "to" right before the cue makes it hypothetical: "you could say", "I would
# argue", "I'd reinstate", "You don't need a consultant to tell you that ...".
_HYPOTHETICAL_BEFORE = re.compile(
    r"(?:\b(?:could|would|might|may|to)\b|['’]d)\s*(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# A condition earlier in the cue's sentence: "If you take a look at ...", "If Glen has a correction, he
# knows where the office is."
_CONDITION = re.compile(r"\b(?:if|unless|whether)\b", re.IGNORECASE)
# Between the cue and its content: a question ("Parents ask me whether the river is safe").
_QUESTION_BETWEEN = re.compile(r"\b(?:whether|if)\b", re.IGNORECASE)
# A holder followed by a comma and "you"/"your" is someone spoken to: "Ms. Delgado, thank you for
# coming", "Minister, your own hydrologists warned ..." (the parse takes the vocative for the subject).
_VOCATIVE_AFTER = re.compile(r"\s*,\s*(?:you|your|thank)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…]")
_INNER_OPENING = "'‘\"“"
# The closing mark of a quotation inside quoted words: a mark after a word that no letter follows
# ("That's" holds an apostrophe, not a closing mark).
_INNER_CLOSING = re.compile(r"(?<=\S)['’\"”](?![A-Za-z])")
_MIN_CONTENT_WORDS = 2
# Roles of a person who speaks for an organisation: their "we" is that organisation.
_SPEAKS_FOR = frozenset(
    """
    spokesman spokeswoman spokesperson representative president chairman chairwoman chair head leader
    director secretary chief ceo executive commissioner
    """.split()
)


# Nouns for the people a quoted speaker talks about ("my brother", "the minister", "our neighbour"),
# with the pronoun a kin noun takes ("she" never refers back to "my brother").
_KIN_PRONOUN = {
    **dict.fromkeys(
        "brother father son husband uncle nephew grandfather grandson dad boyfriend".split(), "he"
    ),
    **dict.fromkeys(
        "sister mother daughter wife aunt niece grandmother granddaughter mum mom girlfriend".split(), "she"
    ),
}
_PEOPLE_NOUNS = PERSON_ROLE_NOUNS | frozenset(_KIN_PRONOUN) | frozenset(
    """
    boss manager doctor nurse friend colleague neighbour neighbor partner teacher landlord tenant cousin
    client patient customer driver worker student player owner agent child kid parent member
    """.split()
)
# Plural heads "they" refers back to ("My parents farmed here. They say ..."); "people" names nobody.
_PEOPLE_PLURALS = frozenset(f"{noun}s" for noun in _PEOPLE_NOUNS) | frozenset({"children", "staff"})
_DETERMINERS = frozenset({"my", "our", "the"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# A word that opens a sentence (after a full stop or at the start of the quoted words) may be
# capitalised without being a name.
_AFTER_SENTENCE = re.compile(r"(?:^|[.!?…:])\s*[\"“‘'(]?\s*$")

# Roles of a person who heads a company: their "we" is the company even where the text names it
# only elsewhere ("Chief Executive Ann Voss told analysts ...").
_HEADS_COMPANY = re.compile(r"\b(?:ceo|chief executive|chairman|chairwoman)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class QuotedWords:
    """One stretch of a direct statement's own words (offsets): a quotation's part or a Q&A turn."""

    start: int
    end: int


def holder_person(event: SpeechEvent) -> str | None:
    """``"first"`` for an I/we holder, ``"second"`` for you, else ``None`` (a third party)."""
    head = (event.speaker_head or "").lower()
    if head in FIRST_PERSON:
        return "first"
    return "second" if head in SECOND_PERSON else None


def is_plural_first_person(event: SpeechEvent) -> bool:
    """Whether the holder is ``we``/``us``/``our`` (the speaker's organisation, where it speaks for one)."""
    return (event.speaker_head or "").lower() in _PLURAL_FIRST_PERSON


def speaks_for(roles: list[str]) -> bool:
    """Whether one of a person's roles speaks for their organisation (``spokeswoman``, ``president``)."""
    return any(word in _SPEAKS_FOR for role in roles for word in role.lower().replace("-", " ").split())


def heads_company(roles: list[str]) -> bool:
    """Whether one of a person's roles heads a company (``Chief Executive``, ``CEO``, ``chairwoman``)."""
    return any(_HEADS_COMPANY.search(role) for role in roles)


def nested_content(text: str, event: SpeechEvent, words: QuotedWords) -> Span | None:
    """The content of a speech event found inside ``words``, or ``None`` when it is no position of its
    own (see the module docstring). The content is cut at the end of the quoted words (a parse may run
    a clause on past the closing mark into the tag) and never starts outside them."""
    content, speaker = event.content, event.speaker
    if content is None or speaker is None or event.speaker_form == "none":
        return None
    if not (words.start <= speaker.start and speaker.end <= words.end):
        return None  # the holder is not named in the quoted words
    if not words.start <= content.start < words.end:
        return None
    if (speaker.text.split() or [""])[-1].lower() in _GENERIC_HOLDERS:
        return None
    if holder_person(event) == "second":
        return None  # the listener, or anyone ("if you look at"): no holder the text names
    medial = content.start < speaker.start  # "The deal, I think, is dead": a tag amid its content
    if not medial and _FILLER_AFTER.match(text, event.cue.end, words.end):
        return None
    if _HYPOTHETICAL_BEFORE.search(text, _clause_start(event, words), event.cue.start):
        return None
    if _CONDITION.search(text, _sentence_start(text, event.cue.start, words), event.cue.start):
        return None
    if _QUESTION_BETWEEN.search(text, event.cue.end, max(event.cue.end, content.start)):
        return None
    if _VOCATIVE_AFTER.match(text, speaker.end, words.end):
        return None
    if _in_question(text, event.cue.start, words):
        return None
    end = _inner_quotation_end(text, content.start, min(content.end, words.end), words)
    trimmed = text[content.start : end].rstrip(" ,;:—–-\n")
    if len(trimmed.split()) < _MIN_CONTENT_WORDS:
        return None
    return Span(content.start, content.start + len(trimmed), trimmed)


def _inner_quotation_end(text: str, start: int, end: int, words: QuotedWords) -> int:
    """Where a content that opens a quotation inside the quoted words ends: at its closing mark. In
    ``"I told the referee, 'That's the game gone,' and he just shrugged"`` the speaker told the referee
    "That's the game gone", not what follows the inner quotation (the parse runs the clause on)."""
    before = text[words.start : start].rstrip()
    if not before or before[-1] not in _INNER_OPENING:
        if text[start : start + 1] not in _INNER_OPENING:
            return end
        start += 1
    closing = _INNER_CLOSING.search(text, start, end)
    return closing.start() if closing is not None else end


def _clause_start(event: SpeechEvent, words: QuotedWords) -> int:
    """Where the holder's clause starts, for the hypothetical check: the holder, or a little before it
    ("if you take a look", "I'd say")."""
    assert event.speaker is not None
    start = min(event.speaker.start, event.cue.start)
    return max(words.start, start - 12)


def _sentence_start(text: str, offset: int, words: QuotedWords) -> int:
    """Where the sentence around ``offset`` starts, within the quoted words."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, words.start, offset)]
    return ends[-1] if ends else words.start


def _in_question(text: str, offset: int, words: QuotedWords) -> bool:
    """Whether the sentence around ``offset`` (within the quoted words) ends with a question mark."""
    match = _SENTENCE_END.search(text, offset, words.end)
    return match is not None and match.group() == "?"


def quoted_words_at(parts: Sequence[Span], offset: int) -> QuotedWords | None:
    """The part of a direct statement (or the Q&A turn) whose words hold ``offset``."""
    for part in parts:
        if part.start <= offset < part.end:
            return QuotedWords(part.start, part.end)
    return None


def quoted_antecedent(text: str, event: SpeechEvent, words: QuotedWords) -> SpeechEvent | None:
    """``event`` with its ``he``/``she``/``they`` holder replaced by the person (people for ``they``)
    the same quoted words named before it, or ``None`` when they name none (or the pronoun may mean
    someone else).

    ``"My brother drives trains. He says the rosters are cruel," Ross said``: the quoted speaker talks
    about her brother, and "he" is that brother, not the last person the article named outside the
    quote (nor Ross, who reports him). The antecedent is the nearest ``my``/``our``/``the`` + a noun for
    a person (kin, role) before the pronoun in the same quoted words, of the pronoun's gender where
    the noun has one; a capitalised word between them (a name, perhaps the pronoun's real antecedent),
    or for ``they`` a plural noun phrase of things ("the rules"), leaves the holder as it was."""
    speaker = event.speaker
    pronoun = (event.speaker_head or "").lower()
    if speaker is None or event.speaker_form != "pronoun" or pronoun not in ("he", "she", "they"):
        return None
    if not words.start <= speaker.start < words.end:
        return None
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, words.start, speaker.start)]
    for i in range(len(tokens) - 1, -1, -1):
        start, end, word = tokens[i]
        head = word.lower()
        if word[:1].isupper() and head != "i" and not _AFTER_SENTENCE.search(text[words.start : start]):
            return None  # a name between: the pronoun may be that person's
        plural = pronoun == "they"
        if plural and head not in _PEOPLE_PLURALS:
            if _other_plural(tokens, i):
                return None  # "our members hate the rules. They ...": the rules may be what "they" is
            continue
        if not plural and (head not in _PEOPLE_NOUNS or _KIN_PRONOUN.get(head, pronoun) != pronoun):
            continue
        if text.startswith(("'s", "’s"), end):
            continue  # "the minister's aide": the possessor is not the one speaking
        before = range(i - 1, max(-1, i - 3), -1)  # "my older brother", "the finance minister"
        determiner = next((tokens[j] for j in before if tokens[j][2].lower() in _DETERMINERS), None)
        if determiner is None:
            continue
        mention = Span(determiner[0], end, text[determiner[0] : end])
        return replace(event, speaker=mention, speaker_form="description", speaker_head=head, plural=plural)
    return None


_PLURAL_DETERMINERS = frozenset({"the", "these", "those", "my", "our", "their", "its", "his", "her"})


def _other_plural(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether ``tokens[i]`` is a plural noun phrase's head that is no people ("the new rules")."""
    word = tokens[i][2]
    return (
        len(word) > 3 and word.islower() and word.endswith("s") and not word.endswith("ss")
        and any(tokens[j][2].lower() in _PLURAL_DETERMINERS for j in range(max(0, i - 2), i))
    )
