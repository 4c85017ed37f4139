"""Turn name clusters, roles and attributions into actors with positions.

An actor is one real-world participant: a person, an organisation, a place
(countries and cities, which speak through their governments), or a group
("Ukrainian officials"). Speakers are resolved here: a name to its cluster (a party-state tag, a
dateline, a post-nominal or an apposition such as "a Democrat" yields to the name it belongs to); a
"he"/"she" tag to the last main-clause subject before it, outside quotation marks, never an object or
a possessor, whose gender fits (``coreference.py``); a description ("the adviser", "the union's
lawyer") to the actor who holds that role for that owner, an anaphoric one ("the 29-year-old") like a
pronoun, else to a new described actor; a document to whoever sent it ("a statement from the
association") or, for evidence ("according to a survey"), to the document itself; a Q&A or
transcript label to the interviewer, the interviewee or the person named. ``how`` and a calibrated
``confidence`` are set on every statement here.

Metonyms: "the Kremlin" stays an organisation and "Moscow" or "Kyiv" stay
places, exactly as the article names them, so that a reader sees who the text
says spoke. A capital city's ``affiliation`` names the country it stands for
(from GeoNames), and a nationality adjective ("Ukrainian") is linked to the
country actor of the same article ("Ukraine").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from reader.analysis.attribution import Attribution, link_nested_statements, link_partial_quotes
from reader.analysis.coreference import (
    FIRST_NAME_WEIGHT,
    HONORIFIC_PRONOUN,
    HONORIFIC_WEIGHT,
    PRONOUN_WEIGHT,
    first_name_pronoun,
    honorific_pronoun,
)
from reader.analysis.entities import NameCluster, name_key
from reader.analysis.facts import RoleFact, SpeechEvent, SubjectPhrase
from reader.analysis.gazetteer import country_of_capital
from reader.analysis.lexicon import (
    ACTOR_LABELS,
    DOCUMENT_NOUNS,
    ECHO_CUES,
    EVIDENCE_NOUNS,
    GENERIC_ORGANISATION_NOUNS,
    GROUP_PRONOUNS,
    ORGANISATION_NOUNS,
    PERSON_ROLE_NOUNS,
    REPORTER_PARTICIPLES,
    SPEAKER_NOUNS,
    SUBJECT_PRONOUNS,
)
from reader.analysis.model import Actor, Entity, Span, Statement
from reader.analysis.names import party_tag_at
from reader.analysis.names import slug as name_slug
from reader.analysis.nested_statements import (
    heads_company,
    is_plural_first_person,
    quoted_antecedent,
    quoted_words_at,
    speaks_for,
)
from reader.analysis.tags import COMMUNICATION_DOCUMENTS

# How far back (in actor mentions) a description looks for the actor it refers to.
_LOOKBACK_MENTIONS = 200
# "the company": the organisation named most in the characters before it (about three paragraphs of
# news) is the one the story is about, not a rival or a regulator named once in passing.
_SALIENCE_WINDOW = 4000
# How far around a name (characters) a title word counts as that person's ("minister, Ana Ruiz,").
_TITLE_WINDOW = 40
# The words between a document and its verb that name its issuer: "from the residents' association".
_DOCUMENT_OWNER = re.compile(
    r"^\s+(?:issued |released |published |sent |posted )?(?:from|by|of)\s+(?P<owner>[^,;.]+?)\s*(?:,|$)"
)
# A wire dateline at a paragraph start: "KYIV, Ukraine (AP) — ", "LONDON (Reuters) - ".
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]+(?:, [A-Z][\w.' ]+)?(?: \([\w .-]+\))?\s*[—–-]+\s+")
_FIRST_SPEECH_VERB = re.compile(r"\s+(?:said|says|told|tells|announced|argued|warned|added|wrote)\b")
# Documents that speak for themselves as evidence, whoever made them.
EVIDENCE_DOCUMENTS = frozenset("survey poll study census audit indictment analysis".split())
_MADE_BY = re.compile(r"\b(?:by|from|of)\s+(?:the\s+)?(?P<maker>[^,;.]+)")
# "seen by", "obtained by": whoever is named next reported on the document; they did not make it.
_SEEN_BY = re.compile(rf"\b(?:{'|'.join(REPORTER_PARTICIPLES.values())})\s+(?:by|with)\b")
# Heads of a record or document a statement can be "according to": it is a source of its own.
DOCUMENT_HEADS: frozenset[str] = (
    DOCUMENT_NOUNS
    | COMMUNICATION_DOCUMENTS
    | EVIDENCE_DOCUMENTS
    | EVIDENCE_NOUNS
    | frozenset(
        """
        docket register registry records record minutes ledger log logs database archive archives files
        papers transcript transcripts filings statements memos letters emails e-mails messages notes
        schedule calendar website timeline draft drafts
        """.split()
    )
)
# A statement, release or post of somebody's: "according to the statement" stands for its issuer.
_ISSUED_DOCUMENTS = frozenset("statement release post tweet message email e-mail letter filing".split())
_GOES_BY = re.compile(
    r"\s+(?:who\s+goes\s+by\s+the\s+name|who\s+calls\s+(?:himself|herself)|named|called|known\s+as|nicknamed)"
    r"\s+[\"“‘']?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)
_POSSESSOR = re.compile(r"^(?:the\s+|a\s+)?(?P<owner>[\w .-]+?)['’]s?\s+\S", re.IGNORECASE)
_POST_NOMINALS = frozenset("kc qc jr sr mp mep phd md esq".split())
_WORD_AT = re.compile(r"[\w'’-]+")
_NAME_BEFORE = re.compile(r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s*$")
# "Kessler, a Democrat," / "Ruiz, the Spaniard,": the name an apposition describes.
_APPOSITION_BEFORE = re.compile(r"(?P<name>[A-Z][\w'’-]+)\s*,\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,4}$")
# "for the Department of Commerce" between a description and its verb.
_FOR_WHOM = re.compile(
    r"^\s+(?P<pp>(?:for|of|at|with)\s+[^,;.\"“”]{2,60}?)\s*,?"
    # "Lawyers for Kestrel had argued": an auxiliary or adverb before the cue is not whom they work for
    r"(?:\s+(?:had|has|have|was|were|is|are|also|later|previously|earlier|then|again|once))*\s*$"
)
# What keeps an anonymous source apart from another: "a person familiar with the matter", "people
# close to the negotiations", "an official with knowledge of the talks" (after the words, before a
# comma, a full stop or the cue). Without it every anonymous source would be one actor "Person".
# Words that start a time rather than a place after "in"/"on"/"at" ("in recent weeks", "on Tuesday").
_TIME_WORDS = (
    r"(?:the\s+(?:time|end|start|past|weekend|morning|evening|afternoon|moment|meantime)|recent|past|last|"
    r"this|times|private|public|first)\b"
)
_ANONYMOUS_QUALIFIER = re.compile(
    r"^\s+(?P<pp>(?:(?:familiar with|close to|with (?:direct |first-hand )?knowledge of|briefed on|"
    r"involved in|knowledgeable about|aware of|privy to)\s+[^,;.!?\"“”]{2,60}?"
    # Where the source sits ("Critics inside the party", "officials at the ministry") and what makes
    # it one ("a person who attended the meeting"), never a time ("Critics in recent weeks").
    rf"|(?:inside|within|in|on|at)\s+(?!{_TIME_WORDS})(?:the|its|his|her|their)\s+[^,;.!?\"“”]{{2,50}}?"
    r"|who\s+(?:had\s+|has\s+|have\s+)?[a-z]+ed\s+[^,;.!?\"“”]{2,60}?))(?=\s*(?:[,;.!?]|$))"
)
_SENTENCE_BREAK = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\b[A-Z])[.!?][\"”’']?\s+[A-Z\"“]")
# A name among the first words of a sentence is its topic ("For Nwosu-Holt, ..."; "Mr. Petrescu").
_TOPIC_WORDS = 2
# Words right before a name that make its bearer the interviewer of a Q&A: "reporter Jane Roe",
# "interviewed by Jane Roe", "(by Jane Roe)".
_INTERVIEWER_BEFORE = re.compile(r"(?:reporter|interviewer|correspondent|editor|journalist|\bby)\s*$")
# A party to an interview ("In an interview with Jane Roe", "told Jane Roe", "spoke to Jane Roe") who is
# the interviewer when the text says whom they write for (_OUTLET_AFTER).
_INTERVIEW_PARTY_BEFORE = re.compile(
    r"(?:interview\s+with|(?:spoke|speaking|talking|talked)\s+(?:to|with)|\btold)\s*$"
)
_OUTLET_AFTER = re.compile(r"['’]?,?\s+(?:of|from|for|at)\s+(?:the\s+)?[A-Z]")
# How far back (characters) a pronoun tag looks for a subject before settling for any mention.
_PRONOUN_WINDOW = 1500
_DETERMINERS = re.compile(r"^(?:the|a|an|this|that|these|those)\s+", re.IGNORECASE)
_COMMON_POSSESSIVE = re.compile(r"^(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*['’]s?\s")


def _description_name(text: str) -> str:
    """The name of an actor the text only describes: the description without its determiner
    ("Ukrainian officials"), but whole when a common noun's possessive follows the determiner:
    "The country's weather service", "The regional government's transport department" (without
    "the", "Country's weather service" reads as a name)."""
    text = text.strip()
    stripped = _DETERMINERS.sub("", text).strip()
    return text if stripped != text and _COMMON_POSSESSIVE.match(stripped) else stripped


def _slug(name: str, taken: set[str]) -> str:
    """A readable ASCII id, unique in the article (``luiz-inacio-lula-da-silva``, ``kyiv-2``)."""
    base = name_slug(name) or "actor"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _role_head(role: str) -> str:
    """The noun a role is about: "spokeswoman" in "spokeswoman for the Szymanski campaign"."""
    words = re.split(r"\s+(?:for|of|to|at|in|with|on)\s+", role, maxsplit=1)[0].split()
    return words[-1].lower() if words else ""


def _demonym_match(adjective: str, place: str) -> bool:
    """Whether a nationality adjective names a place of the article ("Ukrainian" ~ "Ukraine")."""
    common = 0
    for a, b in zip(adjective.lower(), place.lower(), strict=False):
        if a != b:
            break
        common += 1
    return common >= 4 and common >= len(place) - 2


@dataclass(slots=True)
class _Timeline:
    """Actor mentions in text order, for "the most recent compatible actor" lookups."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    salient: list[bool] = field(default_factory=list)

    def add(self, start: int, actor: Actor, salient: bool = True, end: int | None = None) -> None:
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, start + 1 if end is None else end)
        self.actors.insert(i, actor)
        self.salient.insert(i, salient)

    def extend(self, mentions: list[tuple[int, int, Actor, bool]]) -> None:
        """Many :meth:`add` calls at once (``(start, end, actor, salient)``), in the same order."""
        rows = sorted([*zip(self.starts, self.ends, self.actors, self.salient, strict=True), *mentions],
                      key=lambda row: row[0])
        self.starts = [row[0] for row in rows]
        self.ends = [row[1] for row in rows]
        self.actors = [row[2] for row in rows]
        self.salient = [row[3] for row in rows]

    def latest(
        self, before: int, kinds: tuple[str, ...], accept: Callable[[Actor], bool] | None = None
    ) -> Actor | None:
        """The actor of the most recent salient mention before ``before`` whose kind fits.

        Mentions that only modify a noun ("the Szymanski campaign") are not salient: in
        "Priya Ramaswamy, a spokeswoman for the Szymanski campaign, ... she said" the
        pronoun is hers.
        """
        i = bisect.bisect_left(self.starts, before) - 1
        while i >= 0:
            actor = self.actors[i]
            if actor.kind in kinds and self.salient[i] and (accept is None or accept(actor)):
                return actor
            i -= 1
        return None


class ActorBuilder:
    """Builds the actor list of one article; used once per analysis."""

    def __init__(self, text: str, author: str | None = None) -> None:
        self.text = text
        # The article's one author, whom the reporter's own "I" outside quotations stands for.
        self.author = author if author and not _SEVERAL_AUTHORS.search(author) else None
        self.actors: list[Actor] = []
        self._ids: set[str] = set()
        self._by_described: dict[str, Actor] = {}
        # Name mentions sorted by start, for overlap look-ups; mentions are short, so the
        # ones overlapping a span start at most _LONGEST_MENTION characters before it.
        self._mention_owner: list[tuple[int, int, Actor]] = []
        self._longest_mention = 0
        self.timeline = _Timeline()
        # How clearly the last pronoun was resolved: "subject", "unsure" or "fallback".
        self._certainty: str | None = None
        # Where the mention the last pronoun was resolved through starts (-1: none).
        self._antecedent_start = -1
        # The speaker words when the parse's were inside a dateline or a party-state tag.
        self.corrected_mention: Span | None = None
        self.how_override: str | None = None
        self._subjects: list[SubjectPhrase] = []
        # What the text itself says of a person's gender ("Ms", "she said" resolved to them).
        self._gender: dict[str, Counter[str]] = {}
        self._subject_starts: list[int] = []
        self._longest_subject = 0
        self._quoted: list[tuple[int, int]] = []
        self._quoted_starts: list[int] = []
        self._subject_offsets: list[int] = []

    def add_subject_phrases(self, subjects: list[SubjectPhrase]) -> None:
        """Organisation and group subjects that a later "it" or "they" may stand for."""
        self._subjects = sorted(subjects, key=lambda s: s.span.start)
        self._subject_starts = [s.span.start for s in self._subjects]
        self._longest_subject = max((s.span.end - s.span.start for s in self._subjects), default=0)

    def _subject_at(self, offset: int) -> SubjectPhrase | None:
        """The first singular subject phrase (in text order) that covers ``offset``. Only phrases
        that start at most the longest phrase's length before it can: a bisection, not a scan of
        every phrase (which made a long document quadratic)."""
        lo = bisect.bisect_left(self._subject_starts, offset - self._longest_subject)
        hi = bisect.bisect_right(self._subject_starts, offset)
        return next((p for p in self._subjects[lo:hi] if offset < p.span.end and not p.plural), None)

    def _latest_subject(self, before: int, plural: bool) -> SubjectPhrase | None:
        i = bisect.bisect_left(self._subject_starts, before) - 1
        while i >= 0:
            phrase = self._subjects[i]
            if phrase.plural == plural or (plural and phrase.head in ORGANISATION_NOUNS):
                return phrase
            i -= 1
        return None

    def _new(self, name: str, kind: str) -> Actor:
        actor = Actor(id=_slug(name, self._ids), name=name, kind=kind)  # type: ignore[arg-type]
        self.actors.append(actor)
        return actor

    def _add_mention(self, actor: Actor, span: Span, salient: bool = True) -> None:
        actor.mention_spans.append(span)
        bisect.insort(self._mention_owner, (span.start, span.end, actor), key=lambda m: m[0])
        self._longest_mention = max(self._longest_mention, span.end - span.start)
        self.timeline.add(span.start, actor, salient, span.end)

    def _add_mentions(self, mentions: list[tuple[Actor, Span, bool]]) -> None:
        """:meth:`_add_mention` for many at once: appended, then one stable sort by start, which
        orders them as inserting each after its equals would (one insertion per name mention moved
        the whole list each time: quadratic on a long document)."""
        for actor, span, _ in mentions:
            actor.mention_spans.append(span)
            self._longest_mention = max(self._longest_mention, span.end - span.start)
        self._mention_owner.extend((span.start, span.end, actor) for actor, span, _ in mentions)
        self._mention_owner.sort(key=lambda m: m[0])
        self.timeline.extend([(span.start, span.end, actor, salient) for actor, span, salient in mentions])

    def entities_from(self, clusters: list[NameCluster]) -> list[Entity]:
        """Create actors for clusters that can act, and the entity list that links to them."""
        cluster_actor: dict[str, Actor] = {}
        for cluster in clusters:
            kind = ACTOR_LABELS.get(cluster.label)
            if kind is None:
                continue
            name = max(cluster.aliases, key=len) if kind == "person" else cluster.key
            actor = self._new(name, kind)
            actor.aliases = [alias for alias in cluster.aliases if alias != name]
            if kind == "place":
                actor.affiliation = country_of_capital(name)
            cluster_actor[cluster.key] = actor
        places = [a for a in cluster_actor.values() if a.kind == "place"]
        for cluster in clusters:
            if cluster.label == "NORP":
                match = next((p for p in places if _demonym_match(cluster.key, p.name)), None)
                if match is not None:
                    cluster_actor[cluster.key] = match
        entities: list[Entity] = []
        named: list[tuple[Actor, Span, bool]] = []
        for cluster in clusters:
            owner = cluster_actor.get(cluster.key)
            for mention in cluster.mentions:
                span = Span(mention.start, mention.end, mention.text)
                entities.append(
                    Entity(
                        mention.start, mention.end, mention.text, cluster.label, owner.id if owner else None
                    )
                )
                if owner is not None:
                    named.append((owner, span, not mention.modifier))
                    for gender in ("MALE", "FEMALE"):
                        if mention.evidence.get(gender):
                            self._note_gender(owner, "he" if gender == "MALE" else "she", HONORIFIC_WEIGHT)
                    honorific = honorific_pronoun(self.text, mention.start)
                    self._note_gender(owner, honorific, HONORIFIC_WEIGHT)
        self._add_mentions(named)
        for actor in self.actors:
            self._note_gender(actor, first_name_pronoun(actor.name), FIRST_NAME_WEIGHT)
        return entities

    def _note_gender(self, actor: Actor, pronoun: str | None, weight: int = PRONOUN_WEIGHT) -> None:
        if pronoun in ("he", "she") and actor.kind == "person":
            self._gender.setdefault(actor.id, Counter())[pronoun] += weight

    def gender_known(self, actor: Actor) -> bool:
        """Whether the text or the first name tells this person's gender."""
        return bool(self._gender.get(actor.id))

    def set_context(self, quoted: list[tuple[int, int]], subjects: list[int]) -> None:
        """Where the quoted words are (their names are never a tag's antecedent) and where clause
        subjects start (a pronoun prefers the last subject to an object or a name in passing)."""
        self._quoted = sorted(quoted)
        self._quoted_starts = [start for start, _ in self._quoted]
        self._subject_offsets = sorted(subjects)

    def _in_quote(self, offset: int) -> bool:
        i = bisect.bisect_right(self._quoted_starts, offset) - 1
        return i >= 0 and self._quoted[i][0] <= offset < self._quoted[i][1]

    def _is_subject(self, span_start: int, span_end: int) -> bool:
        i = bisect.bisect_left(self._subject_offsets, span_start)
        return i < len(self._subject_offsets) and self._subject_offsets[i] < span_end

    def _fits(self, actor: Actor, pronoun: str | None) -> bool:
        """Whether nothing the text said of this person contradicts ``pronoun``."""
        if pronoun not in ("he", "she"):
            return True
        seen = self._gender.get(actor.id)
        if not seen:
            return True
        other = "she" if pronoun == "he" else "he"
        return seen[pronoun] >= seen[other]

    def actor_at(self, span: Span) -> Actor | None:
        """The actor whose name mention overlaps ``span`` (a person if there are several)."""
        owners = self._mention_owner
        lo = bisect.bisect_left(owners, span.start - self._longest_mention, key=lambda m: m[0])
        hi = bisect.bisect_left(owners, span.end, key=lambda m: m[0])
        found = [a for s, e, a in owners[lo:hi] if s < span.end and span.start < e]
        if not found:
            return None
        return next((a for a in found if a.kind == "person"), found[0])

    def add_roles(self, roles: list[RoleFact]) -> None:
        for fact in roles:
            actor = self.actor_at(Span(fact.name_start, fact.name_end, ""))
            if actor is None:
                continue
            if fact.role.lower() not in (r.lower() for r in actor.roles):
                actor.roles.append(fact.role)
            if actor.kind == "person" and _role_head(fact.role) in ORGANISATION_NOUNS:
                actor.kind = "organisation"  # "the charity Shelterline" names an organisation
            if fact.affiliation and actor.affiliation is None:
                actor.affiliation = self._affiliation_name(fact.affiliation)

    def _affiliation_name(self, text: str) -> str:
        linked = self.actor_at_name(text)
        return linked.name if linked is not None else text

    def actor_at_name(self, text: str) -> Actor | None:
        key = name_key(text)
        for actor in self.actors:
            if actor.name == key or key in actor.aliases:
                return actor
        for actor in self.actors:
            if actor.kind == "place" and _demonym_match(key, actor.name):
                return actor
        return None

    def resolve(self, attributions: list[Attribution]) -> list[Statement]:
        """Fill in speaker, actor, ``how`` and ``confidence`` for every statement and record the
        actors' positions.

        Reported speech nested in another statement of the same speaker ("the union was asking
        for guarantees that ...", inside what its president said) is part of that statement and
        is dropped. A partial quote (a direct quote inside a reported statement) gets ``within`` and
        its reported statement's speaker, and is listed among its actor's statements once, as part
        of that reported statement.
        """
        # Positions made inside quoted words come last: their holder may be the quote's speaker, or
        # the answer of a later Q&A turn.
        ordered = [s for s in attributions if s.quoted_in is None] + [
            s for s in attributions if s.quoted_in is not None
        ]
        for statement in ordered:
            self._certainty = None
            self.corrected_mention = None
            self.how_override = None
            if statement.quoted_in is not None:
                self._resolve_nested(statement)
                continue
            actor = self._speaker_of(statement)
            quote = statement.quote
            if self.corrected_mention is not None:
                quote.speaker_mention = self.corrected_mention
            quote.how = self.how_override or _how(statement)
            introduced = _introduced_here(actor, statement.event)
            resolved = actor is not None
            quote.confidence = confidence(quote.how, resolved, self._certainty, quote.kind, introduced)
            if actor is not None:
                quote.actor = actor.id
                quote.speaker = actor.name
                if statement.event is not None and statement.event.speaker_form == "name":
                    # "Szymanski said he would appeal": a named speaker's own pronoun.
                    self._note_gender(actor, statement.event.content_pronoun)
        for statement in attributions:
            _echoed_position(statement.quote)
        quoted = {id(s.quote) for s in attributions if s.quoted_in is not None}
        quotes = _without_nested([s.quote for s in attributions], quoted)
        link_partial_quotes(attributions, quotes)
        link_nested_statements(attributions, quotes)
        for index, quote in enumerate(quotes):
            if quote.within is not None:
                continue
            actor = self._by_id(quote.actor) if quote.actor else None
            if actor is not None:
                actor.statements.append(index)
        return quotes

    def _resolve_nested(self, statement: Attribution) -> None:
        """Speaker, actor, ``how`` and ``confidence`` of a position made inside quoted words: an
        I/we holder is the quote's speaker (``we`` the organisation a spokesperson or head speaks
        for), an interviewer's "you" the interviewee; any other holder is resolved as a tag's, and
        never to the quote's own speaker (who reports a third party's position, not their own)."""
        quote = statement.quote
        holder = statement.holder_from
        container = statement.quoted_in
        actor: Actor | None
        if holder is None and container is not None and statement.event is not None:
            # "My brother drives trains. He says ...": a he/she the quoted words name before it.
            words = quoted_words_at(container.quote.parts, statement.event.cue.start)
            named = quoted_antecedent(self.text, statement.event, words) if words is not None else None
            if named is not None:
                statement = replace(statement, event=named)
        if holder is not None:
            actor = self._by_id(holder.quote.actor) if holder.quote.actor else None
            if actor is not None and statement.event is not None and is_plural_first_person(statement.event):
                actor = self._spoken_for(actor, quote.start)
            quote.how = holder.quote.how
        elif (owned := self._owned_by_speaker(statement)) is not None:
            actor = owned
            quote.how = "description"
        else:
            actor = self._speaker_of(statement)
            event = statement.event
            if actor is not None and container is not None and actor.id == container.quote.actor:
                # A third party in the speaker's words is not the speaker: a description stands for
                # itself ("Customers tell us ..."), a pronoun stays unresolved.
                mention = quote.speaker_mention or (event.speaker if event is not None else None)
                actor = None
                if event is not None and event.speaker_form == "description" and mention is not None:
                    actor = self._described(mention, event.speaker_head, event.plural)
            pronoun = event is not None and event.speaker_form == "pronoun"
            if actor is not None and actor.kind == "place" and pronoun:
                actor = None  # "They knew the danger was high": people, not the place last named
            quote.how = self.how_override or _how(statement)
        quote.confidence = confidence(quote.how, actor is not None, self._certainty, quote.kind)
        if self.corrected_mention is not None:
            quote.speaker_mention = self.corrected_mention
        if actor is not None:
            quote.actor = actor.id
            quote.speaker = actor.name

    def _owned_by_speaker(self, statement: Attribution) -> Actor | None:
        """``My opponent`` in Hale's quote is Hale's opponent (``our members``: those of the body Hale
        speaks for): an actor named for the quote's speaker, ``Tom Hale's opponent``, as a reader of
        the quote understands it; no other actor of the text. ``None`` when the holder has no
        first-person possessive or the quote has no speaker."""
        event, container = statement.event, statement.quoted_in
        if event is None or event.speaker is None or container is None or not container.quote.actor:
            return None
        words = event.speaker.text.split(maxsplit=1)
        if len(words) < 2 or words[0].lower() not in ("my", "our"):
            return None
        owner = self._by_id(container.quote.actor)
        if owner is None:
            return None
        if words[0].lower() == "our":
            owner = self._spoken_for(owner, statement.quote.start)
        name = f"{owner.name}'s {words[1]}"
        actor = self._by_described.get(name.lower())
        if actor is None:
            head = event.speaker_head
            kind = "organisation" if head in ORGANISATION_NOUNS else ("group" if event.plural else "person")
            actor = self._new(name, kind)
            self._by_described[name.lower()] = actor
        self._add_mention(actor, event.speaker)
        return actor

    def _spoken_for(self, actor: Actor, at: int) -> Actor:
        """The organisation a person speaks for when their role says so (``we`` in a spokeswoman's or
        union president's quote), else the person. A chief executive or chairman whose company the
        text does not write beside the name ("Chief Executive Ann Voss said") speaks for the company
        the passage before ``at`` names most."""
        if actor.kind != "person" or not speaks_for(actor.roles):
            return actor
        if actor.affiliation is None:
            return self._company_named_most(at) or actor if heads_company(actor.roles) else actor
        body = self.actor_at_name(actor.affiliation)
        return body if body is not None and body.kind in ("organisation", "group") else actor

    def _company_named_most(self, at: int) -> Actor | None:
        """Of the organisations a company can be, the one the passage before ``at`` names most (the
        latest on a tie), as ``the company`` finds it (:meth:`_organisation_named`)."""
        i = bisect.bisect_left(self.timeline.starts, at) - 1
        stop = max(-1, i - _LOOKBACK_MENTIONS)
        counts: Counter[str] = Counter()
        candidates: list[Actor] = []  # latest first
        while i > stop:
            actor, start = self.timeline.actors[i], self.timeline.starts[i]
            i -= 1
            if actor.kind != "organisation" or not _can_be(actor.name, "company"):
                continue
            if not candidates or start >= at - _SALIENCE_WINDOW:
                counts[actor.id] += 1
                if actor not in candidates:
                    candidates.append(actor)
        return max(candidates, key=lambda a: counts[a.id], default=None)

    def _speaker_of(self, statement: Attribution) -> Actor | None:
        event = statement.event
        if event is None:
            if statement.inherited_from is not None and statement.inherited_from.quote.actor:
                return self._by_id(statement.inherited_from.quote.actor)
            return None
        mention = event.speaker
        if mention is None:
            return None
        if event.speaker_form == "label":
            return self._labelled(mention)
        if event.speaker_form == "exact":
            part_of = self.actor_at(mention)
            actor = self._described(mention, event.speaker_head, event.plural)
            if part_of is not None and actor.affiliation is None:
                actor.affiliation = part_of.name
            self.how_override = "tag"
            return actor
        corrected = self._outside_party_tag(mention)
        after_dateline = self._after_dateline(mention, event.cue)
        if after_dateline is not None:
            self.corrected_mention = after_dateline
            self.how_override = "description"
            words = after_dateline.text.split()
            head = words[-1].lower()
            return self._by_role(after_dateline, head) or self._described(
                after_dateline, head, head.endswith("s"), event.cue
            )
        if corrected is not mention:
            self.corrected_mention = mention = corrected
        if event.speaker_form == "name":
            return self._person_or_apposition(mention) or self._described(
                mention, event.speaker_head, event.plural, event.cue
            )
        if event.speaker_form == "pronoun":
            # A resolved pronoun is not evidence of gender: one wrong guess would spread.
            return self._antecedent(mention, event.speaker_head)
        # A "description" the parser did not see is a name ("Mendes" tagged as a noun); but a name
        # that only modifies the description ("the Ukrainian government") is not the speaker.
        if event.speaker_head in GROUP_PRONOUNS:
            # "Those close to him say": the group is the source, not the person its words mention.
            return self._described(mention, event.speaker_head, True)
        head_word = mention.text.split()[-1] if mention.text.split() else ""
        head_span = Span(mention.end - len(head_word), mention.end, head_word)
        named = self.actor_at(head_span)
        if named is not None:
            self.how_override = "tag"  # "Thorne" tagged as a noun: the text names the speaker
            return named
        head = event.speaker_head
        if head in EVIDENCE_NOUNS and event.frame == "evidence":
            # "A poll published on Sunday shows that ...": the poll holds its own evidence, named
            # with its maker when the subject says ("A 2024 study by the Marlow Institute found").
            if mention.end <= event.cue.start:
                return self._evidence(mention, head, until=event.cue.start, how=None)
            return self._described(mention, head, event.plural)
        according = _is_according_to(event)
        if according and head in DOCUMENT_HEADS and not _names_its_issuer(mention.text, head, event.plural):
            # "according to court documents", "according to an internal memo seen by Halden
            # Newswire": the record is the source, never the person or agency named last.
            return self._evidence(mention, head)
        if head in EVIDENCE_DOCUMENTS:
            # "according to a survey by Datacívica": the survey itself is the source, never the
            # last person quoted.
            return self._evidence(mention, head)
        if head in DOCUMENT_NOUNS or head in COMMUNICATION_DOCUMENTS:
            owner = self._document_owner(mention, event.cue)
            if owner is not None:
                return owner
            if _names_its_issuer(mention.text, head, event.plural):
                # "According to the statement, ...": the last named person or organisation issued it.
                issuer = self.timeline.latest(
                    mention.start,
                    ("person", "organisation"),
                    accept=lambda actor: not self._addressed(actor, mention.start),
                )
                if issuer is not None:
                    return issuer
            else:
                # "The complaint says": a complaint, ruling or report is a source of its own; the last
                # organisation named is as likely its target ("the complaint against Kestrel").
                return self._evidence(mention, head)
        named_by = self._named_description(mention)
        if named_by is not None:
            return named_by
        if according:
            # "according to the county hospital system": a description after "according to" is an
            # institution or a record far more often than a back-reference to the last person.
            return (
                self._by_role(mention, head, event.content_pronoun)
                or self._organisation_named(mention, head)
                or self._described(mention, head, event.plural, event.cue)
            )
        return (
            self._by_role(mention, head, event.content_pronoun)
            or self._organisation_named(mention, head)
            or (None if event.plural else self._by_title_nearby(mention, head))
            or self._anaphoric(mention, head, event.plural)
            or self._described(mention, head, event.plural, event.cue)
        )

    def _person_or_apposition(self, mention: Span) -> Actor | None:
        """The actor a name-form speaker names; a party or nationality the parse took for the speaker
        ("Harriet Bell, the Labour MP for Ashcombe, said") yields to the person it describes."""
        return self._apposition_owner(mention) or self.actor_at(mention)

    def _evidence(
        self, mention: Span, head: str, until: int | None = None, how: str | None = "according_to"
    ) -> Actor:
        """A survey, poll, study or indictment as a source, named with who made it when the text says
        ("a survey published Sunday by the polling firm Datacívica" -> "Datacívica survey"). Only the
        words before ``until`` (the cue, when the document is the subject) can name the maker; ``how``
        labels the attribution unless something already has."""
        end = mention.end + 100 if until is None else min(mention.end + 100, until)
        after = self.text[mention.end : end].split(",")[0]
        seen = _SEEN_BY.search(after)
        if seen is not None:
            after = after[: seen.start()]  # "a memo seen by Halden Newswire": the reporter saw it
        match = _MADE_BY.search(after)
        if self.how_override is None:
            self.how_override = how
        if match is not None:
            maker = match.group("maker").split()
            proper = [w for w in maker if w[:1].isupper()]
            if proper:
                name = " ".join(proper)
                span = Span(mention.start, mention.end, f"{name} {head}")
                return self._described(span, head, False)
        return self._described(mention, head, False)

    def _named_description(self, mention: Span) -> Actor | None:
        """ "a man who goes by the name "Sparrow"": the description gives the person's name."""
        match = _GOES_BY.match(self.text, mention.end)
        if match is None:
            return None
        name = match.group("name")
        span = Span(match.start("name"), match.end("name"), name)
        actor = self.actor_at(span)
        if actor is None:
            actor = self._new(name, "person")
            self._by_described[name.lower()] = actor
        self._add_mention(actor, mention)
        return actor

    def _anaphoric(self, mention: Span, head: str, plural: bool) -> Actor | None:
        """ "the 29-year-old said", "the Norwegian said": a definite description that is not a job
        refers back, like a pronoun, to the person the text is about."""
        words = mention.text.lower().split()
        if plural or not words or words[0] != "the" or head in PERSON_ROLE_NOUNS or head in SPEAKER_NOUNS:
            return None
        if head in ORGANISATION_NOUNS or head in GENERIC_ORGANISATION_NOUNS:
            return None
        actor = self._person_antecedent(mention, "they")
        if actor is not None:
            self._add_mention(actor, mention)
        return actor

    def _after_dateline(self, mention: Span, cue: Span) -> Span | None:
        """ "KYIV, Ukraine (AP) — A bipartisan group of U.S. lawmakers said": a speaker found inside
        a dateline is the phrase between the dateline and the verb."""
        line_start = self.text.rfind("\n", 0, mention.start) + 1
        match = _DATELINE.match(self.text, line_start)
        if match is None or not (mention.start < match.end() <= cue.start):
            return None
        phrase = self.text[match.end() : cue.start]
        verb = _FIRST_SPEECH_VERB.search(phrase)
        phrase = (phrase[: verb.start()] if verb else phrase).rstrip(" ,")
        if not phrase or len(phrase.split()) > 8:
            return None
        return Span(match.end(), match.end() + len(phrase), phrase)

    def _addressed(self, actor: Actor, before: int) -> bool:
        """Whether ``actor``'s last mention before ``before`` is whom a document went to ("said in a
        filing with the Securities Commission. The filing also shows ..."): the regulator received
        the filing; it did not issue it."""
        last = max((m for m in actor.mention_spans if m.end <= before), key=lambda m: m.start, default=None)
        if last is None:
            return False
        return _ADDRESSED_TO.search(self.text[max(0, last.start - 60) : last.start]) is not None

    def _outside_party_tag(self, mention: Span) -> Span:
        """ "Rep. Marisol Duarte (D-N.C.) told reporters": a speaker found inside a party-state tag, or
        a post-nominal taken for the speaker ("Imogen Slade KC"), is the name written right before."""
        if mention.text.strip(".").lower() in _POST_NOMINALS:
            # "prosecutor Imogen Slade KC told the jury": the parse took the post-nominal for the name.
            match = _NAME_BEFORE.search(self.text, max(0, mention.start - 60), mention.start)
            if match is not None:
                return Span(match.start("name"), match.end("name"), match.group("name"))
            return mention
        tag = party_tag_at(self.text, mention.start)
        if tag is None:
            return mention
        opening = tag.start()
        match = _NAME_BEFORE.search(self.text, max(0, opening - 60), opening)
        if match is None:
            return mention
        return Span(match.start("name"), match.end("name"), match.group("name"))

    def _apposition_owner(self, mention: Span) -> Actor | None:
        """ "Kessler, a Democrat, said": a word in apposition to a name (a party, a nationality, a
        job) is that person, never an actor of its own."""
        window = max(0, mention.start - 80)
        match = _APPOSITION_BEFORE.search(self.text[window : mention.start])
        if match is None:
            return None
        end = window + match.end("name")
        name = match.group("name")
        span = Span(end - len(name), end, name)
        actor = self.actor_at(span)
        if actor is None or actor.kind != "person":
            return None
        self.corrected_mention = span
        return actor

    def _document_owner(self, mention: Span, cue: Span) -> Actor | None:
        """ "A statement from the residents' association said": the document speaks for whoever the
        words between it and its verb name ("from", "by", "of", "issued by")."""
        if cue.start <= mention.end:
            return None
        between = self.text[mention.end : cue.start]
        match = _DOCUMENT_OWNER.match(between)
        if match is None:
            return None
        start = mention.end + match.start("owner")
        owner = Span(start, start + len(match.group("owner")), match.group("owner"))
        words = owner.text.split()
        head = words[-1].lower().strip("'’") if words else ""
        return self.actor_at(owner) or self._described(owner, head, head.endswith("s"))

    def _by_title_nearby(self, mention: Span, head: str) -> Actor | None:
        """ "the minister said" -> the last person whose name the text wrote right next to that word
        ("Brazil's agriculture minister, João Pedro dos Santos Ferreira,"), when no role was read.
        Only for one person: "Older people, who support X" is no title of the economist named before."""
        if head in ORGANISATION_NOUNS or not head or _introduces_referent(mention.text):
            return None
        pattern = re.compile(rf"\b{re.escape(head)}\b", re.IGNORECASE)
        owner = _possessor(mention.text)
        i = bisect.bisect_left(self.timeline.starts, mention.start) - 1
        stop = max(-1, i - _LOOKBACK_MENTIONS)
        while i > stop:
            actor, start, end = self.timeline.actors[i], self.timeline.starts[i], self.timeline.ends[i]
            i -= 1
            if actor.kind != "person" or self._in_quote(start):
                continue
            # The window stops before the description itself, which is no title written by the name.
            window = self.text[max(0, start - _TITLE_WINDOW) : min(end + _TITLE_WINDOW, mention.start)]
            if owner is not None and owner not in window.lower():
                continue
            if pattern.search(window) and "\n" not in self.text[start:end]:
                self._add_mention(actor, mention)
                return actor
        return None

    def _labelled(self, label: Span) -> Actor | None:
        """The speaker of a Q&A or transcript turn: ``Q`` is the interviewer, ``A`` the interviewee,
        ``MODERATOR`` whoever the text calls the moderator, ``OKONKWO`` the person of that name."""
        key = label.text.lower()
        people = [a for a in self.actors if a.kind == "person" and a.mention_spans]
        if key in ("q", "a"):
            interviewer = self._interviewer(people)
            if key == "q":
                return interviewer
            others = [a for a in people if a is not interviewer]
            # The interviewee is the person the introduction is about: named first and most often.
            return max(others, key=lambda a: (len(a.mention_spans), -a.mention_spans[0].start), default=None)
        for actor in people:
            words = {w.lower().strip(".,") for name in [actor.name, *actor.aliases] for w in name.split()}
            if key in words or key.replace(" ", "") in words:
                return actor
        for actor in people:
            if any(key in role.lower().split() for role in actor.roles):
                return actor
        for actor in people:
            first = actor.mention_spans[0].start
            if self.text[max(0, first - 20) : first].lower().rstrip().endswith(key):
                return actor  # "moderator Janelle Ortiz"
        return None

    def _interviewer(self, people: list[Actor]) -> Actor | None:
        """The person who asks: called a reporter or interviewer ("editor Jane Roe", "by Jane Roe"),
        or the other party of an interview when the text says whom they write for ("In an interview
        with Jane Roe of the Courier", "Dias told Jane Roe of the Courier")."""
        for actor in people:
            for span in actor.mention_spans:
                before = self.text[max(0, span.start - 30) : span.start].lower()
                if _INTERVIEWER_BEFORE.search(before):
                    return actor
        for actor in people:
            for span in actor.mention_spans:
                before = self.text[max(0, span.start - 30) : span.start].lower()
                if _INTERVIEW_PARTY_BEFORE.search(before) and _OUTLET_AFTER.match(self.text, span.end):
                    return actor
        return None

    def _antecedent(self, mention: Span, pronoun: str) -> Actor | None:
        """The most recent compatible actor: a person for "he"/"she", an organisation or group
        (or an organisation or group subject phrase, which then becomes an actor) for "it"/"they"."""
        kind = SUBJECT_PRONOUNS.get(pronoun, "person")
        if pronoun in _FIRST_PERSON_SINGULAR and not self._in_quote(mention.start):
            # "I suspect she will come to regret it" in a column: the writer, never the last person
            # named; with no single author known, nobody the text names. Not salient: a later "she"
            # is not the writer.
            author = self._author()
            if author is not None:
                self._add_mention(author, mention, salient=False)
            return author
        if kind == "person":
            actor = self._person_antecedent(mention, pronoun)
        else:
            kinds = ("organisation", "place") if pronoun == "it" else ("group", "organisation", "place")
            actor = self.timeline.latest(mention.start, kinds)
            phrase = self._latest_subject(mention.start, plural=pronoun != "it")
            last_mention = self._last_mention_start(actor, mention.start) if actor else -1
            if phrase is not None and phrase.span.start > last_mention:
                actor = self._described(phrase.span, phrase.head, phrase.plural)
        if actor is not None:
            self._add_mention(actor, mention)
        return actor

    def _author(self) -> Actor | None:
        """The article's author as an actor (made on first use), or ``None`` when not known."""
        if self.author is None:
            return None
        key = self.author.lower()
        actor = self._by_described.get(key) or next((a for a in self.actors if a.name == self.author), None)
        if actor is None:
            actor = self._new(self.author, "person")
            self._by_described[key] = actor
        return actor

    def _person_antecedent(self, mention: Span, pronoun: str) -> Actor | None:
        """The person a "he" or "she" tag (or "the 29-year-old") stands for: see
        :meth:`_timeline_antecedent`, unless a later main-clause subject that is no actor mention yet
        names a person of the article ("Speaking to reporters, Ferrante was less guarded") or
        describes one ("The operator's spokeswoman did not say ..."): that subject wins."""
        self._antecedent_start = -1
        actor = self._timeline_antecedent(mention, pronoun)
        later = self._later_subject(mention, pronoun, self._antecedent_start)
        if later is not None:
            self._certainty = "unsure" if self._certainty in ("unsure", "fallback") else self._certainty
            return later
        return actor

    def _later_subject(self, mention: Span, pronoun: str, after: int) -> Actor | None:
        """The actor of the last main-clause subject between ``after`` and the pronoun, when that
        subject is a name or a description of one person that the timeline does not hold."""
        i = bisect.bisect_left(self._subject_offsets, mention.start) - 1
        while i >= 0 and self._in_quote(self._subject_offsets[i]):
            i -= 1
        if i < 0 or self._subject_offsets[i] <= after or mention.start - self._subject_offsets[i] > 600:
            return None
        offset = self._subject_offsets[i]
        if self.actor_at(Span(offset, offset + 1, "")) is not None:
            return None  # the subject is already an actor's mention, which the timeline weighed
        word = _WORD_AT.match(self.text, offset)
        if word is None:
            return None
        found = word.group(0)
        if found[:1].isupper() and found.lower() not in SUBJECT_PRONOUNS:
            key = found.lower()
            for actor in self.actors:
                words = {w.lower().strip(".,") for n in [actor.name, *actor.aliases] for w in n.split()}
                if actor.kind == "person" and key in words and self._fits(actor, pronoun):
                    self._add_mention(actor, mention)
                    return actor
            return None
        phrase = self._subject_at(offset)
        if phrase is None or phrase.head not in PERSON_ROLE_NOUNS:
            return None
        gender = HONORIFIC_PRONOUN.get(phrase.head)
        if gender is not None and pronoun in ("he", "she") and gender != pronoun:
            return None
        return self._by_role(phrase.span, phrase.head, pronoun) or self._described(
            phrase.span, phrase.head, False
        )

    def _timeline_antecedent(self, mention: Span, pronoun: str) -> Actor | None:
        """The person a pronoun stands for among the actor mentions before it.

        Candidates are person mentions before the tag, outside quotation marks, not possessors, whose
        gender fits. The last one in subject position wins: a main-clause subject, or a name that
        opens its sentence ("For Nwosu-Holt, the victory is partial"); an object or a name in a side
        clause ("Okafor criticised Lund", "after Rosa Lindgren was judged") never beats it. With no
        subject in reach, the nearest candidate. Sets ``_certainty``: "subject" when the winner is a
        subject whose gender the text tells and no other fitting person came between, "clear" for such
        a subject of unknown gender (whose gender the pronoun then tells), "unsure" otherwise,
        "fallback" when nothing fitted near the tag.
        """
        timeline = self.timeline
        i = bisect.bisect_left(timeline.starts, mention.start) - 1
        nearest: Actor | None = None
        rivals: set[str] = set()
        while i >= 0 and mention.start - timeline.starts[i] <= _PRONOUN_WINDOW:
            index, i = i, i - 1
            actor, start = timeline.actors[index], timeline.starts[index]
            if actor.kind != "person" or not timeline.salient[index] or self._in_quote(start):
                continue
            if not self._fits(actor, pronoun):
                continue
            if self._is_subject(start, timeline.ends[index]) or self._opens_sentence(start):
                self._antecedent_start = start
                clear = not rivals - {actor.id}
                known = self.gender_known(actor)
                if clear and pronoun in ("he", "she"):
                    # "earlier he/she of the same actor": a clear resolution tells the gender.
                    self._note_gender(actor, pronoun)
                if clear:
                    self._certainty = "subject" if known else "clear"
                else:
                    self._certainty = "unsure"
                return actor
            if nearest is None:
                nearest, self._antecedent_start = actor, start
            rivals.add(actor.id)
        if nearest is not None:
            self._certainty = "unsure"
            return nearest
        self._certainty = "fallback"
        return timeline.latest(mention.start, ("person",), lambda a: self._fits(a, pronoun))

    def _opens_sentence(self, start: int) -> bool:
        """Whether a mention is among the first words of its sentence ("Mr. Petrescu, asked ...")."""
        before = self.text[max(0, start - 40) : start]
        cut = max(before.rfind("\n"), *(m.end() - 1 for m in _SENTENCE_BREAK.finditer(before)), -1)
        return len(before[cut + 1 :].split()) <= _TOPIC_WORDS

    def _same_sentence(self, start: int, end: int) -> bool:
        between = self.text[start:end]
        return "\n" not in between and not _SENTENCE_BREAK.search(between)

    def _last_mention_start(self, actor: Actor, before: int) -> int:
        return max((s.start for s in actor.mention_spans if s.start < before), default=-1)

    def _by_id(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def _by_role(self, mention: Span, head: str, pronoun: str | None = None) -> Actor | None:
        """ "the adviser" -> the most recently mentioned actor whose role has that word (and whose
        gender, where the text tells it, fits "the minister said she ...").  An indefinite description
        ("a minister", "two officials") introduces someone new and never refers back."""
        if _introduces_referent(mention.text):
            return None
        owner = _possessor(mention.text)
        i = bisect.bisect_left(self.timeline.starts, mention.start) - 1
        stop = max(-1, i - _LOOKBACK_MENTIONS)
        while i > stop:
            actor = self.timeline.actors[i]
            has_role = any(head == _role_head(role) for role in actor.roles)
            # "the union's lawyer" is never the lawyer of the club named earlier.
            owned = owner is None or owner in " ".join([*actor.roles, actor.affiliation or ""]).lower()
            if has_role and owned and self._fits(actor, pronoun):
                self._add_mention(actor, mention)
                return actor
            i -= 1
        return None

    def _organisation_named(self, mention: Span, head: str) -> Actor | None:
        """ "the Eastmere club" -> the organisation the description's own capitalised word names
        ("Eastmere Athletic"); "the ministry" -> the last organisation with that word in its name
        ("Interior Ministry"); "the company" -> of the organisations named in the last
        ``_LOOKBACK_MENTIONS`` mentions that a company can be (not "Securities Board"), the one the
        article names most (the story's company, not a rival named in passing), the latest on a tie."""
        modifiers: set[str] = set()
        if head in ORGANISATION_NOUNS or head in GENERIC_ORGANISATION_NOUNS:
            # Only a body is its organisation: "an Orrin executive" is a person who works there.
            modifiers = {w.strip("'’").lower() for w in mention.text.split()[:-1] if w[:1].isupper()}
            modifiers -= {"the", "a", "an", "its", "their", "his", "her"}
        i = bisect.bisect_left(self.timeline.starts, mention.start) - 1
        stop = max(-1, i - _LOOKBACK_MENTIONS)
        recent: Counter[str] = Counter()  # mentions of each organisation in the salience window
        candidates: list[Actor] = []  # latest first
        described = {a.id for a in self._by_described.values()}
        while i > stop:
            actor, start = self.timeline.actors[i], self.timeline.starts[i]
            i -= 1
            if actor.kind != "organisation" or actor.id in described:
                continue
            words = actor.name.lower().split()
            if modifiers & set(words) or head in words:
                self._add_mention(actor, mention)
                return actor
            if not candidates or start >= mention.start - _SALIENCE_WINDOW:
                recent[actor.id] += 1
                if actor not in candidates:
                    candidates.append(actor)
        if head not in GENERIC_ORGANISATION_NOUNS or self._names_a_person(modifiers):
            # "The Hale campaign" (Hale a person): a body of the person's own, never the organisation
            # named most. "The German carmaker" still is the carmaker the passage is about.
            return None
        fitting = [a for a in candidates if _can_be(a.name, head)]
        if not fitting:
            return None
        best = max(fitting, key=lambda a: recent[a.id])  # the first, so the latest, on a tie
        self._add_mention(best, mention)
        return best

    def _named_owner(self, owner: str, described: Actor) -> str | None:
        """The name of the organisation a described actor's possessor (lower case, "union") stands
        for: the latest organisation whose name has that word, or ``None``."""
        for actor in reversed(self.actors):
            words = actor.name.lower().split()
            if actor is not described and actor.kind == "organisation" and owner in words:
                return actor.name
        return None

    def _names_a_person(self, words: set[str]) -> bool:
        """Whether one of ``words`` (lower case) is a word of a person's name in the article."""
        return bool(words) and any(
            actor.kind == "person" and not words.isdisjoint(actor.name.lower().split())
            for actor in self.actors
        )

    def _described(self, mention: Span, head: str, plural: bool, cue: Span | None = None) -> Actor:
        """An actor the text only describes ("Ukrainian officials", "the Ukrainian government"); a
        description followed by whom it works for before its verb keeps it ("A spokeswoman for the
        Department of Commerce said")."""
        # "Those close to the governor": the pronoun heads the group; "those officials" does not.
        name = mention.text.strip() if head in GROUP_PRONOUNS else _description_name(mention.text)
        between = self.text[mention.end : cue.start] if cue is not None and cue.start > mention.end else None
        for_whom = _FOR_WHOM.match(between) if between is not None else None
        if for_whom is not None:
            name = f"{name} {for_whom.group('pp')}"
        else:
            name = self._with_anonymous_qualifier(name, mention, cue)
        key = name.lower()
        actor = self._by_described.get(key)
        if actor is None:
            if head in DOCUMENT_HEADS:
                kind = "document"
            elif head in ORGANISATION_NOUNS:
                kind = "organisation"
            elif plural:
                kind = "group"
            else:
                kind = "person"
            actor = self._new(name[:1].upper() + name[1:], kind)
            first_word = name.split()[0] if name.split() else ""
            linked = self.actor_at_name(first_word) if first_word[:1].isupper() else None
            if linked is not None and linked is not actor:
                actor.affiliation = linked.name
            owner = _possessor(mention.text)
            if owner is not None and actor.affiliation is None:
                # "the union's lawyer" works for the union the article names ("Dockers' Union"); "the
                # country's weather service" and "the fishermen's association" name no one by it.
                actor.affiliation = self._named_owner(owner, actor)
            self._by_described[key] = actor
        self._add_mention(actor, mention)
        return actor

    def _with_anonymous_qualifier(self, name: str, mention: Span, cue: Span | None) -> str:
        """``person`` -> ``person familiar with the matter`` when the words after the mention qualify
        an anonymous source (before the cue when it follows, else up to the clause's end)."""
        if " " in name.strip() and not name.lower().startswith(("two ", "three ", "several ")):
            return name  # already more than a bare head noun ("Ukrainian officials")
        end = min(len(self.text), mention.end + 80)
        if cue is not None and cue.start > mention.end:
            end = cue.start
        qualifier = _ANONYMOUS_QUALIFIER.match(self.text[mention.end : end])
        return f"{name} {qualifier.group('pp').strip()}" if qualifier is not None else name

    def finish(self) -> list[Actor]:
        for actor in self.actors:
            unique = {(s.start, s.end): s for s in actor.mention_spans}
            actor.mention_spans = sorted(unique.values(), key=lambda s: s.start)
        return [a for a in self.actors if a.mention_spans or a.statements]


# "echoed Reis's sentiments", "shared the concerns of the union": taking up another's position.
_POSITION_NOUNS = (
    r"(?:sentiments?|views?|concerns?|positions?|calls?|criticisms?|warnings?|remarks?|comments?|words?"
    r"|stance|opinions?|fears?|doubts?|arguments?|assessments?|points?|frustrations?|optimism|pessimism)"
)
_OWNER = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|do|dos|van|von|der|al|bin))*"
_OWNED_POSITION = re.compile(
    rf"^(?:the\s+|a\s+)?(?:(?P<owner>{_OWNER}|(?:the\s+)?\w+)['’]s?\s+)(?:[\w-]+\s+)?{_POSITION_NOUNS}\b"
    rf"|^(?:the\s+|a\s+)?(?:[\w-]+\s+)?{_POSITION_NOUNS}\s+(?:of|from|by|voiced by|expressed by)\s+"
    rf"(?:the\s+)?(?P<owner2>{_OWNER}|\w+)"
)


def _echoed_position(quote: Statement) -> None:
    """ "Nunes echoed Reis's sentiments": the words are no speech of Nunes's, and none of Reis's
    either (the text does not say what Reis said here); Nunes takes a stance in support of Reis's
    position, which is the target. Other echoed content ("echoed that comment") stays speech."""
    if quote.kind != "reported" or quote.cue_lemma not in ECHO_CUES:
        return
    if _OWNED_POSITION.match(quote.text) is None:
        return
    quote.frame, quote.stance = "stance", "support"
    quote.target = Span(quote.start, quote.end, quote.text)


def _without_nested(quotes: list[Statement], quoted: set[int] | None = None) -> list[Statement]:
    """Drop reported speech that lies inside a longer statement of the same speaker. A position made
    inside quoted words (``id`` in ``quoted``) is kept inside its own direct quote (``"I think the
    deal is dead," Smith said``): only a longer *reported* statement of the same speaker drops it."""
    quoted = quoted or set()
    nested: set[int] = set()
    by_actor: dict[str | None, list[int]] = {}
    for index, quote in enumerate(quotes):
        by_actor.setdefault(quote.actor, []).append(index)
    for indices in by_actor.values():
        # Sorted by start, longest first: a container always comes before what it contains.
        indices.sort(key=lambda i: (quotes[i].start, -quotes[i].end))
        reach_end, reach_start = -1, -1
        for i in indices:
            quote = quotes[i]
            inside = reach_end > quote.end or (reach_end == quote.end and reach_start < quote.start)
            if inside and quote.kind == "reported":
                nested.add(i)
            if quote.end > reach_end:
                reach_end, reach_start = quote.end, quote.start
    for i in [i for i in nested if id(quotes[i]) in quoted]:
        quote = quotes[i]
        if not any(
            j != i and other.kind == "reported" and other.actor == quote.actor
            and other.start <= quote.start and quote.end <= other.end
            and (other.start, -other.end) < (quote.start, -quote.end)
            for j, other in enumerate(quotes)
        ):
            nested.discard(i)
    return [quote for i, quote in enumerate(quotes) if i not in nested]


_INDEFINITE_WORDS = frozenset(
    "a an one two three four five six seven eight nine ten several some many other another few".split()
)


def _introduces_referent(description: str) -> bool:
    """Whether a description is indefinite ("a person familiar with the matter", "two officials",
    "several analysts"): it brings someone new into the text, so it is never resolved to an actor
    already mentioned (every anonymous source would otherwise become one)."""
    words = description.lower().split()
    return bool(words) and (words[0] in _INDEFINITE_WORDS or words[0].isdigit())


# The last word of an organisation's name that says what kind of body it is: "the company" is never
# the "Securities Board" or the "Interior Ministry".
_PUBLIC_BODY_WORDS = frozenset(
    """
    board ministry department agency authority commission council court police office committee
    parliament assembly senate congress government university institute school hospital regulator
    """.split()
)
_COMPANY_NOUNS = frozenset(
    """
    company firm corporation developer operator utility carrier airline broadcaster insurer lender
    retailer manufacturer carmaker automaker chipmaker bank
    """.split()
)


def _can_be(name: str, head: str) -> bool:
    """Whether an organisation called ``name`` can be what ``the <head>`` describes: a company noun
    never describes a public body named as one ("Securities Board")."""
    words = name.lower().split()
    return not (head in _COMPANY_NOUNS and words and words[-1] in _PUBLIC_BODY_WORDS)


# The reporter's own first person, outside any quotation.
_FIRST_PERSON_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
# "Jane Doe and John Roe", "Jane Doe, John Roe": no single writer for "I".
_SEVERAL_AUTHORS = re.compile(r",| and | & ", re.IGNORECASE)


# A document sent to someone: "in a filing with the Securities Commission", "a letter to the council".
_ADDRESSED_TO = re.compile(
    r"\b(?:filing|filings|letter|letters|complaint|submission|petition|application|appeal|memo|email|"
    r"message|note|notice)\s+(?:\w+\s+)?(?:with|to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _names_its_issuer(description: str, head: str, plural: bool) -> bool:
    """Whether "according to <description>" stands for whoever issued it ("the statement", "a
    statement") rather than for the record itself ("court documents", "an internal memo", "the
    docket"): one statement, release or post, with no owner written into it."""
    return head in _ISSUED_DOCUMENTS and not plural and _possessor(description) is None


def _possessor(description: str) -> str | None:
    """ "union" for "the union's lawyer": whose the described person is (lower case), or ``None``."""
    match = _POSSESSOR.match(description)
    return match.group("owner").lower() if match else None


def _is_according_to(event: SpeechEvent) -> bool:
    """Whether the source is given by "according to X" (the cue's words, whatever its lemma)."""
    return event.cue.text.lower().startswith("according")


def _how(statement: Attribution) -> str | None:
    """How the speaker was found, from the attribution's route and its speaker phrase's form."""
    event = statement.event
    how = statement.how
    if how in ("colon", "qa", "inherited") or event is None:
        return how
    if _is_according_to(event):
        return "according_to"
    if event.speaker_form == "pronoun":
        return "pronoun"
    if event.speaker_form == "description":
        return "description"
    return "tag"


# Confidence by how the speaker was found, measured on the evaluation sets (benchmarks/README.md).
_CONFIDENCE = {
    "tag": 0.95,
    "according_to": 0.85,
    "description": 0.8,
    "colon": 0.85,
    "qa": 0.9,
    "inherited": 0.7,
    "pronoun": 0.8,
}
_PRONOUN_CONFIDENCE = {"subject": 0.9, "clear": 0.85, "unsure": 0.7, "fallback": 0.5}


# Reported speech is attributed less surely than a quote with its tag: the clause's subject can be a
# description, a document or a misparse (actor accuracy .69-.97 on the evaluation sets, quotes .93-1).
_REPORTED_FACTOR = 0.9


def _introduced_here(actor: Actor | None, event: SpeechEvent | None) -> bool:
    """Whether the statement's own speaker phrase introduces its actor ("The fishermen's association
    said ..."): the text names the source right there, nothing was resolved to an earlier mention."""
    if actor is None or event is None or event.speaker is None or not actor.mention_spans:
        return False
    return min(m.start for m in actor.mention_spans) == event.speaker.start


def confidence(
    how: str | None,
    resolved: bool,
    certainty: str | None = None,
    kind: str = "direct",
    introduced: bool = False,
) -> float:
    """How sure Byline is of a statement's speaker, in [0, 1]: by the route it was found, for a
    pronoun by how clearly its antecedent stood out, and lower for reported speech than for a
    direct quote. A description that introduces its actor right there (``introduced``: "The
    fishermen's association said") is as sure as a name in a tag. A statement with no speaker is
    unsure. Calibrated on the evaluation sets (benchmarks/README.md): statements at .9 or more were
    right at least 95% of the time."""
    if not resolved or how is None:
        return 0.2
    if how == "description" and introduced:
        how = "tag"
    if how == "pronoun" and certainty is not None:
        value = _PRONOUN_CONFIDENCE.get(certainty, 0.7)
    else:
        value = _CONFIDENCE.get(how, 0.7)
    return round(value * (_REPORTED_FACTOR if kind == "reported" else 1.0), 2)
