"""Statements whose speaker is given by the layout of the page rather than by a speech tag.

* Q&A interviews and transcripts: paragraphs that open with a speaker label (``Q:``, ``A:``,
  ``MODERATOR:``, ``OKONKWO:``). Each turn, without its label, is one direct statement of the labelled
  speaker, quotation marks or not; quotations inside a turn are part of it. A page is a transcript only
  when at least two paragraphs open with a label, so a lone ``Note:`` or ``UPDATE:`` is not a turn, and
  a label counts only when it opens two turns or more (or is ``Q``/``A``): a newsletter's section heads
  (``THE STATE OF PLAY:``, ``SPOTTED:``) each open one paragraph.
* Roundups: ``Alex Moreno, Daily Ledger: "..."`` and ``Harbor Gazette editorial board: "..."``, a
  name (and an outlet or role) before a colon that opens a quotation.

Both return :class:`~reader.analysis.facts.SpeechEvent` objects whose ``speaker`` is the label or the
name as written; ``speaker_form`` is ``"exact"`` for a roundup name that goes on past a proper name
(``Harbor Gazette editorial board``), ``"label"`` for a turn label, which the actor builder resolves
(``Q`` to the interviewer, ``A`` to the interviewee, a surname to the person it names). Offsets are
into the article text. Plain text only: no spaCy here.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reader.analysis.facts import SpeechEvent
from reader.analysis.model import Span
from reader.analysis.names import PARTY_TAG

# "Q:", "A:", "MODERATOR:", "OKONKWO:", "AUDIENCE MEMBER:", "Q.": a label in capitals, then the turn.
_TURN_LABEL = re.compile(r"(?P<label>Q|A|[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})\s*:\s+(?=\S)")
_MIN_TURNS = 2
# A roundup line: a capitalised name, optionally ", Outlet or role", a colon, then a quotation.
_ROUNDUP = re.compile(
    r"(?:[—–•*-]\s*)?"  # a list's dash or bullet: "— Rep. Yolanda Pierce (D-N.Y.), in a statement: ..."
    r"(?P<name>[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|van|de|der|den|da|dos|bin|al|la|le|von)){0,5}"
    r"(?: (?:editorial board|board|staff|team|committee|council))?)"
    rf"(?:\s*{PARTY_TAG.pattern})?"  # a US party-state tag after the name
    r"(?P<rest>, [^:.!?]{1,80})?:\s*(?=[\"“])"
)


@dataclass(frozen=True, slots=True)
class Turn:
    """One Q&A or transcript turn: the words after the label, and the label as the speaker."""

    content: Span
    event: SpeechEvent


# Labels of a transcript's roles, in lower case.
_ROLE_LABELS = frozenset(
    "q a moderator interviewer host anchor reporter question answer audience caller judge chairman "
    "chairwoman chair speaker member man woman voice protester questioner panelist".split()
)


def _names_speaker(text: str, label: str) -> bool:
    """Whether a turn label (lower case) names who speaks: Q, A, a role, one word (a surname), or two
    words whose last the article writes with a capital elsewhere ("jane roe" for "Jane Roe")."""
    if label in _ROLE_LABELS or label.split()[-1] in _ROLE_LABELS:
        return True  # "MODERATOR", "UNIDENTIFIED SPEAKER", "AUDIENCE MEMBER"
    words = label.split()
    if len(words) == 1:
        return True  # a surname ("FENNER:"); a lone one-word head ("SPOTTED:") makes no transcript alone
    if len(words) > 2:
        return False  # "DEMS DIG IN", "WHITE HOUSE WATCH": a head, not a name
    last = words[-1].strip(".")
    return len(last) > 2 and re.search(rf"\b{re.escape(last.capitalize())}\b", text) is not None


# A newsletter's section head in capitals before a colon at the start of a paragraph: "THE WHIP
# COUNT:", "WHITE HOUSE WATCH:" (two words or more; a one-word label may be a transcript's speaker).
_SECTION_HEAD = re.compile(r"[A-Z][A-Z'’&.-]*(?: [A-Z][A-Z'’&.-]*)+:\s")


def without_section_head(piece: str) -> str:
    """``piece`` (one paragraph) with a leading section head in capitals blanked out, same length:
    the parser would take "DEMS DIG IN:" for the subject of the sentence after it, and the model
    tags words of the head ("WHIP") as names. Offsets into the result are offsets into ``piece``."""
    head = _SECTION_HEAD.match(piece)
    return piece if head is None else " " * head.end() + piece[head.end() :]


def transcript_turns(text: str, paragraphs: list[tuple[int, int]]) -> list[Turn]:
    """Every labelled turn of a Q&A or transcript page (empty when the page is not one)."""
    turns: list[Turn] = []
    for start, end in paragraphs:
        match = _TURN_LABEL.match(text, start, end)
        if match is None:
            continue
        label = Span(match.start("label"), match.end("label"), match.group("label"))
        content = Span(match.end(), end, text[match.end() : end])
        cue = Span(label.start, match.end(), text[label.start : match.end()].rstrip())
        event = SpeechEvent(
            cue=cue,
            speaker=label,
            speaker_form="label",
            speaker_head=label.text.lower(),
            content=None,
        )
        turns.append(Turn(content, event))
    # A label used once is a section head ("THE STATE OF PLAY:", "CAMPAIGN CORNER:" in a newsletter
    # item) unless it names a speaker: Q or A, a role ("MODERATOR"), a surname ("OKONKWO").
    counts = Counter(t.event.speaker_head for t in turns)
    turns = [
        t for t in turns if counts[t.event.speaker_head] >= 2 or _names_speaker(text, t.event.speaker_head)
    ]
    if len(turns) < _MIN_TURNS or len({t.event.speaker_head for t in turns}) < 2:
        return []
    return turns


def roundup_events(text: str, paragraphs: list[tuple[int, int]]) -> list[SpeechEvent]:
    """``Name, Outlet: "..."`` lines: the name speaks the quotation that follows the colon."""
    events: list[SpeechEvent] = []
    for start, end in paragraphs:
        match = _ROUNDUP.match(text, start, end)
        if match is None:
            continue
        name = match.group("name")
        colon = text.index(":", match.end("rest") if match.group("rest") else match.end("name"))
        last_word = name.split()[-1]
        events.append(
            SpeechEvent(
                cue=Span(colon, colon + 1, ":"),
                speaker=Span(match.start("name"), match.end("name"), name),
                # "Harbor Gazette editorial board" is that board, not the paper's name alone.
                speaker_form="name" if last_word[:1].isupper() else "exact",
                speaker_head=last_word.lower(),
                content=None,
            )
        )
    return events
