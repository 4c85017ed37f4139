"""Positions from sentence structure (issue 13): partial quotes led into by the reporter's words or
followed by them, a final tag after a sentence that leads into a quotation, ``said in a statement
that ...`` with the clause hung on the noun, and a noun cue whose copula gives its content (``Her
answer was that ...``).

Invented sentences; each gives the exact reported span, holder, frame and cue lemma, and the direct
quotes inside it (each ``within`` the reported statement, with its speaker).
"""

from __future__ import annotations

import pytest
from position_checks import analyse, assert_no_statement

# text -> (reported span, holder, frame, cue lemma, [direct quotes inside it])
CASES: dict[str, tuple[str, tuple[str, str, str, str, list[str]]]] = {
    "final tag after the reporter's words lead into the quote": (
        'Very little of the budget "goes to the towns," Mayor Ann Kirby said.',
        (
            'Very little of the budget "goes to the towns,"',
            "Ann Kirby",
            "speech",
            "say",
            ['"goes to the towns,"'],
        ),
    ),
    "final inverted tag, curly quotes": (
        "The ferry timetable is “simply not fit for purpose,” said Councillor Dana Whitlock.",
        (
            "The ferry timetable is “simply not fit for purpose,”",
            "Dana Whitlock",
            "speech",
            "say",
            ["“simply not fit for purpose,”"],
        ),
    ),
    "the reporter's words go on after the quote": (
        'Coach Ray Stone said that "we tell the truth every single week" and that the team had trained hard.',
        (
            '"we tell the truth every single week" and that the team had trained hard',
            "Ray Stone",
            "speech",
            "say",
            ['"we tell the truth every single week"'],
        ),
    ),
    "the clause goes on after the quote (the quote is its subject)": (
        'A former manager testified in court that "none of the coaches at the camps" were paid by the club.',
        (
            '"none of the coaches at the camps" were paid by the club',
            "Former manager",
            "speech",
            "testify",
            ['"none of the coaches at the camps"'],
        ),
    ),
    "a subordinate clause after the quote": (
        'The mayor wrote in the paper that "the town is often neglected" because it has no seat in '
        "parliament.",
        (
            '"the town is often neglected" because it has no seat in parliament',
            "Mayor",
            "speech",
            "write",
            ['"the town is often neglected"'],
        ),
    ),
    "in a statement that A or B, two quotes": (
        'The harbour board said in a statement that "the ferry will not be cancelled" or '
        '"moved to another pier."',
        (
            '"the ferry will not be cancelled" or "moved to another pier."',
            "Harbour board",
            "speech",
            "statement",
            ['"the ferry will not be cancelled"', '"moved to another pier."'],
        ),
    ),
}

# text -> (reported span, holder, frame, cue lemma): no quotation involved.
CLAUSES: dict[str, tuple[str, tuple[str, str, str, str]]] = {
    "answer was that": (
        "Senator Mia Ortiz's answer was that the bill would raise rents.",
        ("the bill would raise rents", "Mia Ortiz", "speech", "answer be"),
    ),
    "message is that": (
        "The union's message is that the strike will go on.",
        ("the strike will go on", "Union", "speech", "message be"),
    ),
    "goal is that": (
        "The minister's goal is that every village has a clinic.",
        ("every village has a clinic", "Minister", "intention", "goal be"),
    ),
    "claim is that (a noun cue of the lexicon)": (
        "Professor Lena Park's claim is that the river has been poisoned for years.",
        ("the river has been poisoned for years", "Lena Park", "speech", "claim be"),
    ),
}

NEGATIVES: dict[str, str] = {
    "an attitude inside an inanimate inference": (
        "The decision suggests that the government is worried about the economy."
    ),
    "negated copula": "Councillor Dana Whitlock's response was not that the vote had been rigged.",
    "negated cue with in a statement": "The club did not say in a statement that the coach had resigned.",
    "no owner": "The answer was that the bill would raise rents.",
}




@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_partial_quote_in_one_reported_statement(case: str, nlp) -> None:
    text, (span, holder, frame, cue_lemma, quotes) = CASES[case]
    analysis = analyse(text, nlp)
    reported = [(i, s) for i, s in enumerate(analysis.statements) if s.kind == "reported"]
    assert [s.text for _, s in reported] == [span], [(s.kind, s.text) for s in analysis.statements]
    index, statement = reported[0]
    assert text[statement.start : statement.end] == span
    assert (statement.speaker, statement.frame, statement.cue_lemma) == (holder, frame, cue_lemma)
    direct = [s for s in analysis.statements if s.kind == "direct"]
    assert [s.text for s in direct] == quotes
    for quote in direct:
        assert quote.within == index
        assert quote.speaker == holder


@pytest.mark.parametrize("case", list(CLAUSES), ids=list(CLAUSES))
def test_noun_cue_with_copula(case: str, nlp) -> None:
    text, (span, holder, frame, cue_lemma) = CLAUSES[case]
    statements = analyse(text, nlp).statements
    assert [(s.kind, s.text, s.speaker, s.frame, s.cue_lemma) for s in statements] == [
        ("reported", span, holder, frame, cue_lemma)
    ]


@pytest.mark.parametrize("case", list(NEGATIVES), ids=list(NEGATIVES))
def test_no_position(case: str, nlp) -> None:
    assert_no_statement(NEGATIVES[case], nlp)


def test_a_quote_that_opens_its_sentence_stays_direct(nlp) -> None:
    text = '"The budget goes to the towns," Mayor Ann Kirby said.'
    statements = analyse(text, nlp).statements
    assert [(s.kind, s.text, s.speaker) for s in statements] == [
        ("direct", '"The budget goes to the towns,"', "Ann Kirby")
    ]


def test_a_split_quote_makes_no_reported_statement(nlp) -> None:
    text = '"The budget," Mayor Ann Kirby said, "goes to the towns."'
    statements = analyse(text, nlp).statements
    assert [(s.kind, s.speaker, s.within) for s in statements] == [("direct", "Ann Kirby", None)]
    assert [p.text for p in statements[0].parts] == ["The budget", "goes to the towns."]


# Attitudes with a copula: text -> (content, holder, frame, cue lemma, stance, target).
ATTITUDES: dict[str, tuple[str, tuple[str, str, str, str, str | None, str | None]]] = {
    "critical of": (
        "Senator Mia Ortiz has been critical of the housing plan.",
        ("the housing plan", "Mia Ortiz", "stance", "be critical of", "oppose", "the housing plan"),
    ),
    "worried about": (
        "Most voters are worried about rising prices.",
        ("rising prices", "Most voters", "belief", "be worried about", None, None),
    ),
    "upset that": (
        "The mayor was upset that the vote was delayed.",
        ("the vote was delayed", "Mayor", "belief", "be upset", None, None),
    ),
    "keen on (an intention adjective with a preposition)": (
        "Councillor Dana Whitlock is keen on the new bridge.",
        ("the new bridge", "Dana Whitlock", "stance", "be keen on", "support", "the new bridge"),
    ),
    "passive of feeling: angered by": (
        "Union officials were angered by the plea deal.",
        ("the plea deal", "Union officials", "stance", "be angered by", "oppose", "the plea deal"),
    ),
    "passive of feeling: troubled by": (
        "The coach was also troubled by the club's handling of the transfer.",
        ("the club's handling of the transfer", "Coach", "belief", "be troubled by", None, None),
    ),
    "received: has drawn criticism from": (
        "The harbour plan has drawn criticism from fishermen.",
        ("The harbour plan", "Fishermen", "stance", "draw criticism", "oppose", "The harbour plan"),
    ),
    "received: has the support of": (
        "Mayor Ann Kirby has the support of the Shopkeepers Guild.",
        ("Mayor Ann Kirby", "Shopkeepers Guild", "stance", "have support", "support", "Mayor Ann Kirby"),
    ),
    "received: support among": (
        "The ferry plan has strong support among islanders.",
        ("The ferry plan", "Islanders", "stance", "have support", "support", "The ferry plan"),
    ),
    "received: came under fire from": (
        "The ferry company came under fire from residents.",
        ("The ferry company", "Residents", "stance", "come fire", "oppose", "The ferry company"),
    ),
    "is a supporter of": (
        "Rhonda Hughes is a fervent supporter of the mayor.",
        ("the mayor", "Rhonda Hughes", "stance", "supporter of", "support", "the mayor"),
    ),
    "apposition: a critic of": (
        "Dana Whitlock, a longtime critic of the bypass, spoke on Monday.",
        ("the bypass", "Dana Whitlock", "stance", "critic of", "oppose", "the bypass"),
    ),
}

ATTITUDE_NEGATIVES: dict[str, str] = {
    "an attitude inside an inanimate inference": (
        "The decision suggests that the government is worried about the economy."
    ),
    "negated copula": "Senator Mia Ortiz is not critical of the housing plan.",
    "no holder": "It is unclear about the plan.",
    "no supporter": "Rhonda Hughes is no supporter of the mayor.",
    "received nothing": "The harbour plan has not received any support from fishermen.",
    "negated passive of feeling": "The senator was not impressed by the proposal.",
    "a passive that is no feeling": "The bridge was damaged by the storm.",
}


@pytest.mark.parametrize("case", list(ATTITUDES), ids=list(ATTITUDES))
def test_attitude_with_a_copula(case: str, nlp) -> None:
    text, (content, holder, frame, cue_lemma, stance, target) = ATTITUDES[case]
    statements = analyse(text, nlp).statements
    assert [(s.kind, s.text, s.speaker, s.frame, s.cue_lemma, s.stance) for s in statements] == [
        ("reported", content, holder, frame, cue_lemma, stance)
    ]
    assert text[statements[0].start : statements[0].end] == content
    assert (statements[0].target.text if statements[0].target else None) == target


@pytest.mark.parametrize("case", list(ATTITUDE_NEGATIVES), ids=list(ATTITUDE_NEGATIVES))
def test_no_attitude(case: str, nlp) -> None:
    assert_no_statement(ATTITUDE_NEGATIVES[case], nlp)


def test_a_noun_cue_with_its_own_clause_keeps_it_before_a_copula(nlp) -> None:
    text = "Professor Lena Park's fear that funding could dry up is not new."
    statements = analyse(text, nlp).statements
    assert [(s.kind, s.text, s.speaker, s.frame, s.cue_lemma) for s in statements] == [
        ("reported", "funding could dry up", "Lena Park", "belief", "fear")
    ]


# A headline that gives a claim to its label: article text -> (content, holder, frame, quotes inside).
HEADLINES: dict[str, tuple[str, tuple[str, str, str, list[str]]]] = {
    "a name and a claim": (
        "Dana Whitlock: The Ferry Must Run All Winter\n\nThe councillor spoke on Monday.\n",
        ("The Ferry Must Run All Winter", "Dana Whitlock", "speech", []),
    ),
    "a surname and a claim with a partial quote": (
        "Okafor: Harbour Deal Is ‘Dead On Arrival.’\n\nSenator Ray Okafor spoke on Monday.\n",
        ("Harbour Deal Is ‘Dead On Arrival.’", "Ray Okafor", "speech", ["‘Dead On Arrival.’"]),
    ),
    "a poll": (
        "Poll: Mayor Kirby Leads In Three Districts\n\nThe race is close.\n",
        ("Mayor Kirby Leads In Three Districts", "Poll", "evidence", []),
    ),
}
TITLE_CASE_HEADLINES: dict[str, tuple[str, tuple[str, str, str, str, str | None]]] = {
    "title case with a stance verb": (
        "Harbour Union Slams Ferry Timetable Plan\n\nThe union met on Monday.\n",
        ("Ferry Timetable Plan", "Harbour Union", "stance", "slam", "oppose"),
    ),
    "an adverb before the verb, a particle after it": (
        "Senator Ray Okafor Finally Calls For Recount\n\nThe senator spoke.\n",
        ("Recount", "Ray Okafor", "stance", "call for", "demand"),
    ),
}
NOT_HEADLINE_SPEAKERS: dict[str, str] = {
    "sentence case is left to the parse": "Harbour Union plan fails to win backing\n\nThey met.\n",
    "title case without a cue verb": "Harbour Union Ferry Plan Goes To Vote\n\nThey met.\n",
    "a page label": "Live: Storm Ilsa batters the Marren coast\n\nWinds reached 90 mph.\n",
    "another page label": "Transcript: Port Aldridge candidates clash over housing\n\nThey met.\n",
    "lower-case label": "What they're saying: the bridge toll increase\n\nTolls rose.\n",
    "a news label": "The Latest: Okafor wins the harbour ward by twelve votes\n\nThe count ended.\n",
    "a question": "Ray Okafor: Reformer Or Just Another Career Politician?\n\nHe spoke.\n",
    "not the first line": "Ferry News\n\nDana Whitlock: The Ferry Must Run All Winter\n",
}


@pytest.mark.parametrize("case", list(HEADLINES), ids=list(HEADLINES))
def test_headline_label_gives_the_claim(case: str, nlp) -> None:
    text, (content, holder, frame, quotes) = HEADLINES[case]
    analysis = analyse(text, nlp)
    statements = enumerate(analysis.statements)
    reported = [(i, s) for i, s in statements if s.kind == "reported" and s.cue_lemma == ":"]
    assert [(s.text, s.speaker, s.frame) for _, s in reported] == [(content, holder, frame)]
    index = reported[0][0]
    assert text[reported[0][1].start : reported[0][1].end] == content
    direct = [s for s in analysis.statements if s.kind == "direct"]
    assert [(s.text, s.within) for s in direct] == [(quote, index) for quote in quotes]


@pytest.mark.parametrize("case", list(NOT_HEADLINE_SPEAKERS), ids=list(NOT_HEADLINE_SPEAKERS))
def test_no_headline_speaker(case: str, nlp) -> None:
    statements = analyse(NOT_HEADLINE_SPEAKERS[case], nlp).statements
    assert not [s for s in statements if s.cue_lemma == ":"], [(s.text, s.speaker) for s in statements]


@pytest.mark.parametrize("case", list(TITLE_CASE_HEADLINES), ids=list(TITLE_CASE_HEADLINES))
def test_title_case_headline_verb(case: str, nlp) -> None:
    text, (content, mention, frame, cue_lemma, stance) = TITLE_CASE_HEADLINES[case]
    analysis = analyse(text, nlp)
    first_line = [s for s in analysis.statements if s.end <= text.index("\n")]
    assert [(s.kind, s.text, s.frame, s.cue_lemma, s.stance) for s in first_line] == [
        ("reported", content, frame, cue_lemma, stance)
    ]
    mention_span = first_line[0].speaker_mention
    assert mention_span is not None and mention_span.text == mention
