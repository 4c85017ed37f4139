"""Word lists that the attribution rules rely on.

These are the closed classes of news attribution: the verbs that report speech,
the nouns that can stand for a speaker, the words that make a name a place.
Keeping them in one module makes the rules readable and the lists easy to
extend without touching the logic.
"""

from __future__ import annotations

# Lemmas of verbs that introduce speech, direct or reported.
SPEECH_VERBS: frozenset[str] = frozenset(
    """
    say state tell add report emphasize emphasise stress confirm note indicate insist warn claim argue
    announce declare explain deny acknowledge admit suggest write reply respond echo predict vow promise
    urge assert contend maintain allege observe remark comment concede recall reiterate testify tweet
    post complain caution believe estimate agree disclose reveal signal ask demand accuse counter retort
    charge concede hint answer assure boast conclude confess emphasise forecast guarantee imply inform
    joke lament mention object pledge proclaim propose protest recommend remind repeat speculate swear
    threaten underline underscore whisper shout predict acknowledge rule
    """.split()
)

# Verbs that also take things as subjects ("the refusal suggests that ..."): with these, only a
# subject that can be a source (a name, a pronoun, a speaker noun) makes a statement.
WEAK_SPEECH_VERBS: frozenset[str] = frozenset(
    (
        "suggest indicate signal believe estimate agree observe note reveal underline underscore imply "
        "confirm show"
    ).split()
)

# Common nouns that can be the subject of a speech verb and name a source.
SPEAKER_NOUNS: frozenset[str] = frozenset(
    """
    official officials spokesman spokeswoman spokesperson minister ministry government president adviser
    advisor commander general officer officers source sources analyst analysts expert experts diplomat
    diplomats lawmaker lawmakers senator senators leader leaders chief head secretary ambassador envoy
    aide aides administration kremlin army military police authorities authority governor mayor
    prosecutor prosecutors court judge witness witnesses resident residents statement spokespeople
    representative representatives agency council committee office department party campaign company
    firm bank chairman chairwoman chair ceo director founder researcher researchers scientist scientists
    economist economists observers observer critics critic activist activists union unions parliament
    cabinet staff investigators investigator association federation organisation organization group
    coalition alliance service institute university hospital newspaper report study survey poll document
    letter filing negotiator negotiators councillor councilor mediator mediators lawyer lawyers attorney
    """.split()
)

# Heads of noun phrases that name an organisation rather than a person ("the ministry").
ORGANISATION_NOUNS: frozenset[str] = frozenset(
    """
    government ministry kremlin army military police administration agency council committee office
    department party campaign company firm bank court parliament cabinet union authorities association
    federation organisation organization service institute university hospital newspaper coalition
    alliance report study survey poll document letter filing charity embassy consulate foundation
    """.split()
)

SUBJECT_PRONOUNS: dict[str, str] = {
    "he": "person",
    "she": "person",
    "they": "group",
    "it": "organisation",
    "we": "group",
    "i": "person",
}

# A document's possessive owner ("its report said") stands for the subject pronoun.
POSSESSIVE_PRONOUNS: dict[str, str] = {"its": "it", "their": "they", "his": "he", "her": "she", "our": "we"}

# Nouns that, right after a name, make it a place ("the Kursk region").
PLACE_NOUNS: frozenset[str] = frozenset(
    """
    region oblast province city town village border area district county state territory capital
    republic peninsula front river sea airport port
    """.split()
)

# Prepositions that, right before a name, make it a place ("into Kursk").
LOCATIVE_PREPOSITIONS: frozenset[str] = frozenset(
    """
    in into near across inside outside around toward towards throughout within
    """.split()
)

# Words of address and titles that, right before a name, make it a person.
PERSON_TITLES: frozenset[str] = frozenset(
    """
    mr mrs ms miss dr president prime minister chancellor senator governor mayor general gen colonel col
    lieutenant lt sergeant sgt captain capt judge justice secretary ambassador king queen prince
    princess pope rev sir lady lord commander adviser advisor spokesman spokeswoman spokesperson
    councillor councilor councilman councilwoman dame
    """.split()
)

# Nouns for people in public roles: a name right after one ("commander-in-chief Oleksandr
# Syrskyi") or in apposition to one is a person, whatever label the model gave it.
PERSON_ROLE_NOUNS: frozenset[str] = frozenset(
    """
    president minister chancellor premier senator governor mayor general commander chief colonel
    officer spokesman spokeswoman spokesperson adviser advisor secretary ambassador envoy diplomat
    official judge prosecutor lawyer attorney director chairman chairwoman chair ceo founder leader
    economist analyst researcher scientist professor lawmaker councillor councilor candidate nominee
    activist journalist editor author coach captain head deputy aide negotiator mediator
    """.split()
)

# Forms of address that are not roles ("Ms Fairbairn" says nothing about her job).
HONORIFICS: frozenset[str] = frozenset("mr mrs ms miss mx dame sir".split())

# Subjects that are documents: the speaker is who issued them ("figures released by the board").
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    """
    statement report figures data letter memo filing release documents document records survey study
    poll analysis ruling order complaint lawsuit post tweet
    """.split()
)

# Descriptions that stand for the organisation last named ("the company" -> Sundvall Energia).
GENERIC_ORGANISATION_NOUNS: frozenset[str] = frozenset(
    """
    company firm corporation developer operator utility group organisation organization charity party
    agency bank airline alliance coalition union association campaign
    """.split()
)

# Labels the small English model uses for things it could not place well; they count for
# less when a name's mentions vote on one label for the document.
WEAK_LABELS: frozenset[str] = frozenset({"PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE", "EVENT"})

# Labels whose mentions can become actors.
ACTOR_LABELS: dict[str, str] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
}

NAME_LABELS: frozenset[str] = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
TEMPORAL_LABELS: frozenset[str] = frozenset({"DATE", "TIME"})

# Words whose full stop does not end a sentence ("Prof. Lind", "Gen. Smith", "approx. 40"), lower
# case, without the final stop; dotted forms ("u.s", "e.g") keep their inner stops. A single capital
# letter before a stop (an initial, "J. Smith") is handled by the rule itself
# (reader.sources.structure.sentence_ends), which is the one sentence rule Byline has.
ABBREVIATIONS: frozenset[str] = frozenset(
    """
    mr mrs ms mx dr prof st jr sr rev fr sen rep gov gen col lt sgt capt cmdr adm maj cpl pte supt
    det insp hon messrs mme mlle
    inc ltd co corp bros plc llc
    vs etc fig approx dept est univ assn ave blvd rd mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n e.u u.s.a d.c e.g i.e a.k.a
    """.split()
)
