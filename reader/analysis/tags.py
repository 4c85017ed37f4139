"""Speech tags found by their place next to a quotation, whatever their verb.

The closed list of speech verbs in ``lexicon.py`` misses the open class that real copy uses in the tag
slot (``"...," she chided``, ``"...," chimed in Dev Anand``, ``shot back``, ``bristled``): any verb
written right after a closing mark with a speaker next to it is the cue. This module reads one parsed
paragraph and adds those tags, plus two layouts where the speaker is named outside the sentence:

* a dash signature after a quote: ``"..." -Commissioner Tobias Renwick`` (cue: the dash);
* a lead-in that ends its paragraph and introduces the next one: ``She told graduates:`` or
  ``The senator released the following statement.`` (``SpeechEvent.layout == "colon"``);
* a headline whose label names who claims it: ``Okafor: Harbour Deal Is 'Dead On Arrival'``.

Besides, a tag after a quotation that the reporter's words lead into (``Nothing in the plan "will help
the towns," the mayor said.``) gets the whole sentence up to the closing mark as its content: one
reported statement holding the partial quote.

Every event is a :class:`~reader.analysis.facts.SpeechEvent` with offsets into the whole article.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from reader.analysis.clause_tags import clause_tag_events
from reader.analysis.cue_holders import phrase_bounds, speaker_phrase
from reader.analysis.doubt_cues import doubt_events
from reader.analysis.facts import SpeechEvent
from reader.analysis.headlines import headline_event
from reader.analysis.lexicon import SPEAKER_NOUNS
from reader.analysis.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_CLOSING_MARKS = frozenset({'"', "”", "’", "'", "''", "»"})
_QUOTE_END_PUNCT = frozenset({",", "!", "?", "—", "–", "-", "...", "…"})
_DASHES = frozenset({"-", "—", "–", "--"})
_PARTICLES = frozenset({"in", "back", "up", "out", "off", "on"})
_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "one", "another"})
# After the tag: the sentence ends, or a clause or phrase about the saying follows.
_AFTER_TAG_POS = frozenset({"PUNCT", "ADP", "SCONJ", "ADV", "CCONJ"})
_TITLE_WORDS = frozenset(
    "mr mrs ms miss dr prof commissioner councillor councilmember councilwoman councilman senator sen "
    "rep representative governor gov mayor judge president minister chancellor secretary general gen "
    "chief captain coach".split()
)
# Documents that carry someone's words ("One email from Mr Morrow ... said: '...'").
COMMUNICATION_DOCUMENTS = frozenset(
    "statement letter memo email e-mail message note post tweet text filing release transcript".split()
)
_STATEMENT_LEAD_IN = frozenset({"statement", "remarks", "message", "letter", "post", "email", "tweet"})


def tag_events(doc: Doc, base: int, known: list[SpeechEvent]) -> list[SpeechEvent]:
    """Tag-slot, dash and lead-in events of one paragraph that ``known`` does not already have."""
    found = clause_tag_events(doc, base, known)
    found += doubt_events(doc, base, [*known, *found])
    taken = {event.cue.start for event in [*known, *found]}
    for token in doc:
        if token.text in _CLOSING_MARKS and token.i > 0 and _ends_quote(doc[token.i - 1]):
            event = _after_quote(doc, token.i + 1, base)
            if event is not None:
                event.content = _led_into(doc, base, token.i, event)
        elif token.text in _CLOSING_MARKS and token.i + 1 < len(doc) and _dash_start(doc[token.i + 1]):
            event = _dash_signature(doc, token.i + 1, base)
        else:
            continue
        if event is not None and event.cue.start not in taken:
            taken.add(event.cue.start)
            found.append(event)
    for embed in _embeddings(doc, base):
        if not any(_overlaps(embed.cue, e.cue) for e in [*known, *found]):
            found.append(embed)
    for intro in _introductions(doc, base):
        if intro.cue.start not in taken and not any(_overlaps(intro.cue, e.cue) for e in known):
            taken.add(intro.cue.start)
            found.append(intro)
    headline = headline_event(doc, base)
    if headline is not None and not any(_overlaps(headline.cue, e.cue) for e in [*known, *found]):
        found.append(headline)
    lead_in = _lead_in(doc, base)
    if lead_in is not None:
        same = next((e for e in [*known, *found] if e.cue.start == lead_in.cue.start), None)
        if same is not None:
            same.layout = "colon"
        else:
            found.append(lead_in)
    return found


def _ends_quote(token: Token) -> bool:
    return token.text in _QUOTE_END_PUNCT or token.text[-1:] in ",!?"


def _span(doc: Doc, base: int, first: int, last: int) -> Span:
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    return Span(base + start, base + end, doc.text[start:end])


def _is_verb(token: Token) -> bool:
    return token.pos_ == "VERB" or (token.tag_ in ("VBD", "VBZ", "VBP") and token.pos_ != "AUX")


def _verb_at(doc: Doc, i: int) -> int | None:
    """Index of the last token of a verb (with its particle: "chimed in", "shot back") at ``i``."""
    if i >= len(doc) or not _is_verb(doc[i]) or not doc[i].text.islower():
        return None
    if i + 1 < len(doc) and doc[i + 1].lower_ in _PARTICLES and doc[i + 1].dep_ in ("prt", "advmod", "prep"):
        return i + 1
    return i


def _subject_at(doc: Doc, i: int) -> tuple[int, int, str] | None:
    """A speaker phrase starting at ``i``: (first, last, form) with form name, pronoun or description."""
    if i >= len(doc):
        return None
    token = doc[i]
    if token.lower_ in _PRONOUNS and token.pos_ == "PRON":
        return i, i, "pronoun"
    j = i
    while j < len(doc) and doc[j].lower_.rstrip(".") in _TITLE_WORDS and doc[j].text[:1].isupper():
        j += 1
    if j < len(doc) and _name_word(doc[j]):
        last = j
        while last + 1 < len(doc) and _name_word(doc[last + 1]) and doc[last + 1].pos_ != "VERB":
            last += 1
        return j, last, "name"
    if token.lower_ not in _DETERMINERS:
        return None
    head_end: int | None = None
    k = i + 1
    while k < len(doc) and k - i <= 8:
        t = doc[k]
        if t.pos_ in ("NOUN", "PROPN") or (t.pos_ == "ADJ" and k > i + 1 and doc[k - 1].text == "-"):
            head_end = k  # "the spokeswoman", "the Swede", "the 29-year-old"
        elif t.pos_ in ("ADJ", "NUM", "PART") or t.text in ("-", "'s", "’s") or t.lower_ in _DETERMINERS:
            pass
        else:
            break
        k += 1
    return (i, head_end, "description") if head_end is not None else None


def _name_word(token: Token) -> bool:
    """A capitalised word in the tag slot is a name whatever the tagger made of it ("Tully" as an
    adverb in '"No," Tully replied'), unless it is a pronoun or a determiner."""
    if not token.text[:1].isupper() or token.lower_ in _PRONOUNS or token.lower_ in _DETERMINERS:
        return False
    return token.pos_ == "PROPN" or (token.is_alpha and token.pos_ in ("NOUN", "ADV", "ADJ", "X"))


def _tag_ends(doc: Doc, i: int) -> bool:
    return i >= len(doc) or doc[i].pos_ in _AFTER_TAG_POS


def _event(
    doc: Doc, base: int, cue: tuple[int, int], subject: tuple[int, int, str], **extra: str
) -> SpeechEvent:
    first, last, form = subject
    head = doc[last]
    return SpeechEvent(
        cue=_span(doc, base, *cue),
        speaker=_span(doc, base, first, last),
        speaker_form=form,
        speaker_head=head.lower_,
        content=None,
        plural=head.tag_ in ("NNS", "NNPS") or head.lower_ in ("they", "we"),
        layout=extra.get("layout"),
    )


def _after_quote(doc: Doc, i: int, base: int) -> SpeechEvent | None:
    """``"...," she chided`` (speaker, verb) or ``"...," chimed in Dev Anand`` (verb, speaker)."""
    subject = _subject_at(doc, i)
    if subject is not None:
        verb_last = _verb_at(doc, subject[1] + 1)
        if verb_last is not None and _tag_ends(doc, verb_last + 1):
            return _event(doc, base, (subject[1] + 1, verb_last), subject)
    verb_last = _verb_at(doc, i)
    if verb_last is not None:
        subject = _subject_at(doc, verb_last + 1)
        if subject is not None and _tag_ends(doc, subject[1] + 1) and _inverted_speaker(doc, subject):
            return _event(doc, base, (i, verb_last), subject)
    return None


def _led_into(doc: Doc, base: int, closing: int, event: SpeechEvent) -> Span | None:
    """The whole sentence up to the closing mark when the reporter's words lead into the quotation
    and the tag ends the sentence: ``Nothing in the plan "will help the towns," the mayor said.`` is
    one reported statement holding a partial quote (``None`` when the quotation opens its sentence).
    """
    sentence = doc[closing].sent
    opening = next(
        (i for i in range(closing - 1, sentence.start - 1, -1) if doc[i].text in _OPENING_MARKS), None
    )
    if opening is None or not any(t.is_alpha for t in doc[sentence.start : opening]):
        return None
    tag_end = event.cue.end if event.speaker is None else max(event.cue.end, event.speaker.end)
    if any(mark in doc.text[tag_end - base : sentence.end_char] for mark in '"“”«»'):
        return None  # a quotation split by its tag: '"A," he said, "B."' is direct speech
    first = sentence.start
    start, end = doc[first].idx, doc[closing].idx + len(doc[closing])
    return Span(base + start, base + end, doc.text[start:end])


def _inverted_speaker(doc: Doc, subject: tuple[int, int, str]) -> bool:
    """After the verb, only a name or a noun for someone who speaks is the speaker ('chimed in Dev
    Anand', 'said the minister'); '"...," joined the strike' has an object, not a tag."""
    _, last, form = subject
    return form == "name" or doc[last].lemma_.lower() in SPEAKER_NOUNS or doc[last].lower_ in SPEAKER_NOUNS


def _dash_start(token: Token) -> bool:
    """A dash token, or a word glued to its dash ("-Commissioner")."""
    return token.text in _DASHES or (token.text[:1] in "-—–" and token.text[1:2].isupper())


def _dash_signature(doc: Doc, dash: int, base: int) -> SpeechEvent | None:
    """``"..." -Commissioner Tobias Renwick`` (the rest of the paragraph may describe them)."""
    glued = doc[dash].text not in _DASHES
    subject = _subject_at(doc, dash + 1)
    if subject is None or subject[2] == "pronoun":
        return None
    if not (subject[1] + 1 >= len(doc) or doc[subject[1] + 1].is_punct):
        return None
    if glued and doc[dash].text[1:].lower() not in _TITLE_WORDS and subject[0] == dash + 1:
        subject = (dash, subject[1], subject[2])  # "-Renwick": the glued word is the name itself
    start = doc[dash].idx
    cue = Span(base + start, base + start + 1, doc.text[start])
    first, last, form = subject
    speaker_start = doc[first].idx + (1 if first == dash else 0)
    speaker_end = doc[last].idx + len(doc[last])
    return SpeechEvent(
        cue=cue,
        speaker=Span(base + speaker_start, base + speaker_end, doc.text[speaker_start:speaker_end]),
        speaker_form=form,
        speaker_head=doc[last].lower_,
        content=None,
    )


def _lead_in(doc: Doc, base: int) -> SpeechEvent | None:
    """The paragraph's last sentence introduces the next paragraph: ``She told graduates:``,
    ``Kessler released the following statement.``"""
    sentences = list(doc.sents)
    if not sentences:
        return None
    sentence = sentences[-1]
    text = sentence.text.rstrip()
    words = {t.lower_ for t in sentence}
    if not (text.endswith(":") or (words & _STATEMENT_LEAD_IN and "following" in words)):
        return None
    root = sentence.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or not _is_verb(root):
        return None
    head, form = speaker_phrase(subject)
    first, last = phrase_bounds(head, form)
    cue_last = root.i
    if root.i + 1 < len(doc) and doc[root.i + 1].dep_ == "prt":
        cue_last = root.i + 1
    return _event(doc, base, (root.i, cue_last), (first, last, form), layout="colon")


def main_clause_subjects(doc: Doc, base: int) -> list[int]:
    """Start offsets of main-clause subjects (and their appositions: "The senator, Alma Reyes,"),
    the antecedents a later "he" or "she" tag prefers to an object or a name in a side clause."""
    offsets: list[int] = []
    for token in doc:
        if token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        verb = token.head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ != "ROOT":
            continue
        offsets.append(base + token.idx)
        # "The chair of the committee, Dame Harriet Okonjo-Baird, told ...": the apposition may
        # hang from any word of the subject phrase.
        offsets.extend(base + t.idx for t in token.subtree if t.dep_ == "appos" and t.pos_ == "PROPN")
    return offsets


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


_OPENING_MARKS = frozenset({'"', "“", "‘", "«", "``"})


def _introductions(doc: Doc, base: int) -> list[SpeechEvent]:
    """A sentence about a person right before a quotation that opens the next sentence:
    ``Siobhán O'Dwyer, Ireland's minister, was blunter. "Everyone in that room ..."``. The
    quotation is hers unless something closer tags it (``layout == "intro"``)."""
    found: list[SpeechEvent] = []
    sentences = list(doc.sents)
    for sentence, following in itertools.pairwise(sentences):
        if following[0].text not in _OPENING_MARKS or sentence[0].text in _OPENING_MARKS:
            continue
        root = sentence.root
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            continue
        head, form = speaker_phrase(subject)
        if form != "name" and not (form == "pronoun" and head.lower_ in ("he", "she")):
            continue
        first, last = phrase_bounds(head, form)
        found.append(_event(doc, base, (root.i, root.i), (first, last, form), layout="intro"))
    return found


def _embeddings(doc: Doc, base: int) -> list[SpeechEvent]:
    """The subject of a sentence that carries a quotation inside it, whatever its verb:
    ``Thorne later chided councillors for "relitigating ..."``, ``Whitford quipped that the complaint
    was "rich ..."`` (``layout == "embed"``). Used only for a quotation that nothing else tags."""
    found: list[SpeechEvent] = []
    for sentence in doc.sents:
        if sentence[0].text in _OPENING_MARKS:
            continue
        if not any(t.text in _OPENING_MARKS or t.text == '"' for t in sentence[1:]):
            continue
        root = sentence.root
        if not _is_verb(root):
            continue
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        head, form = speaker_phrase(subject)
        if not _can_speak(head, form):
            continue
        first, last = phrase_bounds(head, form)
        found.append(_event(doc, base, (root.i, root.i), (first, last, form), layout="embed"))
    return found


def _can_speak(head: Token, form: str) -> bool:
    """A name, a personal pronoun, a capitalised word the tagger took for a noun ("Thorne"), or a
    noun for someone who speaks ("the minister")."""
    if form == "name":
        return True
    if form == "pronoun":
        return head.lower_ in _PRONOUNS
    lemma = head.lemma_.lower()
    return head.text[:1].isupper() or lemma in SPEAKER_NOUNS or lemma in COMMUNICATION_DOCUMENTS
