"""Holders of positions stated inside quoted words (issue 13, ``Statement.in_quote``), session 6.

Invented sentences. A he/she inside a quotation refers back to the person the same quoted words
named before it (``"My brother drives trains. He says ..."``: the speaker's brother), not to the
last person the article named outside the quote; a name between them, or a kin noun of the other
gender, leaves the holder as before.
"""

from __future__ import annotations

import pytest
from position_checks import analyse, assert_one_position
from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Tom Hale, the union leader, was at the depot on Monday. "I support them. My brother drives '
            'buses. He says the new rosters would keep him at work every weekend," said Ann Ross, a nurse.',
            ("the new rosters would keep him at work every weekend", "Ross's brother", "speech", "say",
             None, None),
        ),
        (
            'Tom Hale, the union leader, was at the depot on Monday. "My mother ran the depot for years. She '
            'believes the depot will close within a year," said Ann Ross, a nurse.',
            ("the depot will close within a year", "Ross's mother", "belief", "believe", None, None),
        ),
        (
            "Mayor Pia Lund opened the bridge on Monday.\n\n"
            "The works cost twice the estimate, and the budget ran out in May. "
            '"I have written to the minister about it twice. He insists the repairs are not urgent," '
            "said Ann Ross, the engineer in charge.",
            ("the repairs are not urgent", "Minister", "speech", "insist", None, None),
        ),
    ],
    ids=["my brother: he", "my mother: she", "the minister: he"],
)
def test_pronoun_holder_named_in_the_same_quote(text: str, expected: tuple, nlp: Language) -> None:
    statement = assert_one_position(text, expected, nlp)
    assert statement.in_quote is not None


@pytest.mark.parametrize(
    ("text", "not_holder"),
    [
        (
            'Tom Hale, the union leader, was at the depot on Monday. "My sister drives buses. He says the '
            'new rosters would keep drivers at work every weekend," said Ann Ross, a nurse.',
            "sister",
        ),
        (
            'Tom Hale, the union leader, was at the depot on Monday. "My brother met Karl Ames last week. He '
            'says the new rosters would keep drivers at work every weekend," said Ann Ross, a nurse.',
            "brother",
        ),
    ],
    ids=["gender of the kin noun", "a name between"],
)
def test_pronoun_holder_left_as_before(text: str, not_holder: str, nlp: Language) -> None:
    reported = [s for s in analyse(text, nlp).statements if s.kind == "reported"]
    assert reported, "the nested statement itself is still found"
    assert all(not_holder not in (s.speaker or "") for s in reported), [(s.text, s.speaker) for s in reported]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"I watched it five times," said Tom Hale, the Ashworth manager. "I told the fourth '
            "official, 'That is the game gone,' and he just shrugged. We will write to the league.\"",
            ("That is the game gone", "Hale", "speech", "tell", None, None),
        ),
        (
            '"We warned them in 2019, ‘You are laying those pipes right through our farms,’ and nobody '
            'listened," said Ann Ross, a farmer.',
            ("You are laying those pipes right through our farms", "Ross", "speech", "warn", None, None),
        ),
    ],
    ids=["straight marks", "curly marks"],
)
def test_quotation_inside_quoted_words_ends_at_its_mark(text: str, expected: tuple, nlp: Language) -> None:
    statement = assert_one_position(text, expected, nlp)
    assert statement.in_quote is not None


# A company's head whose company the text names only elsewhere speaks for it: "we" and "our
# customers" in her quote are the company's.
_EARNINGS = (
    "Brantley Foods Inc. said on Tuesday that profit fell by a third. The company blamed the price of "
    "sugar.\n\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            _EARNINGS + '"Our customers have told us they will stay with the brands they love," Chief '
            "Executive Ann Voss told analysts.",
            ("they will stay with the brands they love", "Brantley Foods Inc's customers", "speech", "tell",
             None, None),
        ),
        (
            _EARNINGS + '"We believe sugar prices will fall next year," Chief Executive Ann Voss told '
            "analysts.",
            ("sugar prices will fall next year", "Brantley Foods Inc", "belief", "believe", None, None),
        ),
    ],
    ids=["our customers", "we believe"],
)
def test_company_head_speaks_for_the_company(text: str, expected: tuple, nlp: Language) -> None:
    reported = [s for s in analyse(text, nlp).statements if s.kind == "reported" and s.in_quote is not None]
    assert len(reported) == 1, [(s.text, s.speaker) for s in reported]
    content, holder, frame, cue, _, _ = expected
    assert (reported[0].text, reported[0].speaker, reported[0].frame, reported[0].cue_lemma) == (
        content, holder, frame, cue
    )


def test_company_head_without_a_company_speaks_for_herself(nlp: Language) -> None:
    text = '"We believe sugar prices will fall next year," Chief Executive Ann Voss told the farmers.'
    reported = [s for s in analyse(text, nlp).statements if s.kind == "reported" and s.in_quote is not None]
    assert [(s.text, s.speaker) for s in reported] == [("sugar prices will fall next year", "Ann Voss")]


def test_they_is_the_people_the_quote_named(nlp: Language) -> None:
    text = (
        'Tom Hale, the union leader, was at the depot on Monday. "My parents farmed this valley for '
        'forty years. They believe the new dam will flood the lower fields," said Ann Ross, a teacher.'
    )
    expected = ("the new dam will flood the lower fields", "Ross's parents", "belief", "believe", None, None)
    statement = assert_one_position(text, expected, nlp)
    assert statement.in_quote is not None


def test_they_after_a_plural_of_things_is_left_as_before(nlp: Language) -> None:
    text = (
        'Tom Hale, the union leader, was at the depot on Monday. "My parents hate the new rules. They '
        'say the farms will close," said Ann Ross, a teacher.'
    )
    reported = [s for s in analyse(text, nlp).statements if s.kind == "reported"]
    assert reported, "the nested statement itself is still found"
    assert all("parents" not in (s.speaker or "") for s in reported), [(s.text, s.speaker) for s in reported]
