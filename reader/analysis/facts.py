"""Small records that the per-paragraph parse leaves behind.

The pipeline parses one paragraph batch at a time and keeps only these facts,
never the spaCy ``Doc`` objects, so memory stays flat however long the article.
All offsets are into the whole article text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from reader.analysis.model import Span


@dataclass(slots=True)
class NameMention:
    """A named mention with the model's label and the context evidence around it.

    ``evidence`` adds weight to labels for the document-level vote: a following
    "region" votes GPE, a preceding "Mr" votes PERSON, being the one who speaks
    votes for an agent label.
    """

    start: int
    end: int
    text: str
    label: str
    evidence: Counter[str] = field(default_factory=Counter)
    # "ner"; "speaker" (a proper-noun speaker NER missed); "gazetteer" (a lone proper noun that
    # GeoNames knows as a place); "document" (another occurrence of a name decided elsewhere).
    found_by: str = "ner"
    # True when the name only modifies another noun ("the Szymanski campaign", "Zelensky’s
    # sentiments"): such mentions are not antecedents for a later "he" or "she".
    modifier: bool = False


@dataclass(slots=True)
class SpeechEvent:
    """An attribution cue with its source (speaker) and, for reported statements, its content."""

    cue: Span
    speaker: Span | None
    speaker_form: str  # "name", "pronoun", "description" or "none"
    speaker_head: str  # lower-cased head word of the speaker phrase ("ushakov", "he", "officials")
    content: Span | None
    plural: bool = False
    # "he" or "she" when the reported content starts with one ("the minister said she was open
    # to ..."): it usually refers back to the speaker, so it tells the speaker's gender.
    content_pronoun: str | None = None
    # What kind of position the cue reports (speech, belief, intention, stance, evidence), the cue's
    # lemma with its particle or preposition ("call for"), and for a stance which one
    # (support, oppose, demand, accuse, deny) and its target span where the text names one.
    frame: str = "speech"
    cue_lemma: str | None = None
    stance: str | None = None
    target: Span | None = None
    # "colon" when the event is a lead-in that introduces the next paragraph ("She told graduates:").
    layout: str | None = None


@dataclass(slots=True)
class RoleFact:
    """A role or title written next to a name ("Kremlin adviser Yuri Ushakov")."""

    name_start: int
    name_end: int
    role: str
    affiliation: str | None


@dataclass(slots=True)
class SubjectPhrase:
    """A noun phrase naming an organisation or group as a clause subject ("The employers' association
    called the demands unrealistic"): a possible antecedent for a later "it" or "they" that speaks."""

    span: Span
    head: str
    plural: bool


@dataclass(slots=True)
class ParagraphFacts:
    names: list[NameMention] = field(default_factory=list)
    # Lone proper nouns the model gave no label: places, if the gazetteer knows them.
    candidates: list[NameMention] = field(default_factory=list)
    temporals: list[tuple[int, int, str]] = field(default_factory=list)
    numbers: list[tuple[int, int, str]] = field(default_factory=list)
    events: list[SpeechEvent] = field(default_factory=list)
    roles: list[RoleFact] = field(default_factory=list)
    subjects: list[SubjectPhrase] = field(default_factory=list)
    # Start offsets of main-clause subjects: the antecedents a pronoun tag prefers.
    clause_subjects: list[int] = field(default_factory=list)
    # Where the parser's sentences start (offsets into the article text), for dates.
    sentence_starts: list[int] = field(default_factory=list)
