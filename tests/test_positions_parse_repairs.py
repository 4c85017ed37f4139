"""Positions the parser hides (issue 13, session 5): a cue the parser made the *dependant* of its own
content ("after X told The Washington Post she was ..."), a that-clause hung on the cue as an
adverbial, a name given in quotation marks ("called X a "new low"", "calling him "..."") and a speech
verb's object that is a plan or an agreement with no owner. Invented sentences; each gives exactly
one reported statement (content, holder, frame, cue lemma, stance, target), the negative cases none."""

from __future__ import annotations

import pytest
from position_checks import Position, analyse, assert_no_statement, assert_one_position

CASES: dict[str, tuple[str, Position]] = {
    # A that-clause the parser hung on the cue as an adverbial clause, far from the verb.
    "saying in a statement only that ...": (
        "Mr. Lutz has provided no details about his plans, saying in his statement only that he was "
        '"refining some operational practices and streamlining some staff assignments."',
        (
            'he was "refining some operational practices and streamlining some staff assignments."',
            "Lutz",
            "speech",
            "say",
            None,
            None,
        ),
    ),
    # The parser makes the name the subject of a participle aside, leaving the cue with none.
    "X, writing for the majority, said ...": (
        "Judge Ann Voss, writing for the majority, said the lower court had erred.",
        ("the lower court had erred", "Ann Voss", "speech", "say", None, None),
    ),
    # The main verb parsed as a modifier of its subject after a relative clause.
    "X, who ..., called for Y to be replaced (main verb parsed as a participle)": (
        # (Not "who booed the officials off": booing is a stance of its own, cue "boo".)
        "Some Ashworth supporters, who had travelled from the coast at dawn, called for Moyes to be "
        "replaced.",
        (
            "Moyes to be replaced",
            "Some Ashworth supporters",
            "stance",
            "call for",
            "demand",
            "Moyes to be replaced",
        ),
    ),
    # "called for" with a passive infinitive clause.
    "called for X to be VP-ed": (
        "Councilwoman Dana Oyelaran called for the loan terms to be put to a public vote.",
        (
            "the loan terms to be put to a public vote",
            "Dana Oyelaran",
            "stance",
            "call for",
            "demand",
            "the loan terms to be put to a public vote",
        ),
    ),
    # A speech verb's object that is a noun cue with no owner: the subject holds it.
    "announced a plan to (no owner)": (
        "Mayor Ann Voss announced a plan to cut bus fares.",
        ("a plan to cut bus fares", "Ann Voss", "speech", "announce", None, None),
    ),
    # The purpose of the thing proposed, hung on the verb.
    "proposed the creation of X to VP": (
        "Senator Ray Okafor proposed the creation of a federal agency to coordinate flood defences.",
        (
            "the creation of a federal agency to coordinate flood defences",
            "Ray Okafor",
            "speech",
            "propose",
            None,
            None,
        ),
    ),
    # Someone else's words as the object: the subject's position, not the owner's.
    "highlighted X's comments about Y": (
        "Senator Ray Okafor highlighted Mayor Ann Voss's comments about the budget.",
        ("Mayor Ann Voss's comments about the budget", "Ray Okafor", "speech", "highlight", None, None),
    ),
    # The same kind with a stance verb and other nouns: the topic is no second statement of the owner's.
    "criticised X's remarks about Y": (
        "Senator Ray Okafor criticised Governor Lee's remarks about the strike.",
        (
            "Governor Lee's remarks about the strike",
            "Ray Okafor",
            "stance",
            "criticise",
            "oppose",
            "Governor Lee's remarks about the strike",
        ),
    ),
    "welcomed X's comments on Y": (
        "The union welcomed Mayor Ann Voss's comments on the budget.",
        (
            "Mayor Ann Voss's comments on the budget",
            "Union",
            "stance",
            "welcome",
            "support",
            "Mayor Ann Voss's comments on the budget",
        ),
    ),
    # Agentless hearsay with an infinitive, like "is expected to".
    "was projected to": (
        "The challenger was projected to win the district by a wide margin.",
        (
            "The challenger was projected to win the district by a wide margin",
            None,
            "belief",
            "project to",
            None,
            None,
        ),
    ),
}


@pytest.mark.parametrize("text,expected", CASES.values(), ids=list(CASES))
def test_position(text: str, expected: Position, nlp) -> None:
    assert_one_position(text, expected, nlp)


def test_a_name_in_quotation_marks_is_one_reported_statement_around_the_quote(nlp) -> None:
    """'calling him "..."' (the parser makes the name a second object) and 'called X's remarks on
    9/11 a "new low"' ("on" is no "called on"): the clause is the position, the quotation within it."""
    texts = {
        'On Friday, Mr. Lutz endorsed Mr. Okafor at a news conference, calling him "actually a very '
        'intelligent man who cares deeply about the city."': (
            'him "actually a very intelligent man who cares deeply about the city."',
            "Lutz",
        ),
        'Party Chairman Ben Lutz called Voss\'s remarks on 9/11 a "new low" and a "bizarre attempt to '
        'deflect attention from her donors."': (
            'Voss\'s remarks on 9/11 a "new low" and a "bizarre attempt to deflect attention from '
            'her donors."',
            "Ben Lutz",
        ),
    }
    for text, (content, holder) in texts.items():
        analysis = analyse(text, nlp)
        named = [s for s in analysis.statements if s.kind == "reported" and s.cue_lemma == "call"]
        assert [(s.text, s.speaker) for s in named] == [(content, holder)]
        quotes = [s for s in analysis.statements if s.kind == "direct"]
        assert quotes
        assert all(q.within is not None and analysis.statements[q.within] == named[0] for q in quotes)


def test_a_cue_parsed_under_its_own_content(nlp) -> None:
    """'after Voss told The Washington Post she was ...': the parser makes ``told`` an adverbial
    clause of ``was``; the clause after the cue is still what was said."""
    text = (
        "The endorsement comes just three days after Voss told The Washington Post she was "
        '"not quite there yet" on supporting the bill.'
    )
    reported = [s for s in analyse(text, nlp).statements if s.kind == "reported"]
    assert [(s.text, s.speaker, s.cue_lemma) for s in reported] == [
        ('she was "not quite there yet" on supporting the bill', "Voss", "tell")
    ]


NEGATIVES = {
    "so that (purpose, not content)": "He wrote the figures down so that he would remember them.",
    "in order that": "She phoned the office in order that the forms would arrive.",
    "called X on <day> to complain (a phone call)": "She called the council on Monday to complain.",
    "praised X to VP (purpose of the praise, an object that is people)": (
        "She praised the workers to lift their spirits."
    ),
}


@pytest.mark.parametrize("text", NEGATIVES.values(), ids=list(NEGATIVES))
def test_no_position(text: str, nlp) -> None:
    assert_no_statement(text, nlp, kind="reported")


def test_a_final_tag_whose_subject_the_parser_hung_inside_the_content(nlp) -> None:
    """", its leader, Ilse Varnhout, said": the parser hangs the tag's subject on the content's last
    noun as an apposition. The speech stops before its own holder, and so does the League's wish
    inside it (a nested position, "wants the levy replaced")."""
    text = (
        "The Coastal League wants the levy replaced by a tax on cruise passengers, its leader, "
        "Ilse Varnhout, said."
    )
    reported = [s for s in analyse(text, nlp).statements if s.kind == "reported"]
    assert [(s.text, s.speaker, s.frame, s.cue_lemma) for s in reported] == [
        (
            "The Coastal League wants the levy replaced by a tax on cruise passengers",
            "Ilse Varnhout",
            "speech",
            "say",
        ),
        ("the levy replaced by a tax on cruise passengers", "Coastal League", "intention", "want"),
    ]
