"""Issue 12's error kinds, one invented example each: the exact speaker, cue, quoted words and ``how``.

Each case is (text, fragment, speaker, cue, parts, how): the statement whose parts contain ``fragment``
must name ``speaker`` with cue ``cue``, have exactly ``parts`` as its quoted words and say ``how`` its
speaker was found. ``None`` for the speaker means no statement may contain the fragment at all.
"""

from __future__ import annotations

import pytest

from reader.analysis import Analysis, Statement, analyze
from reader.sources import Article

Case = tuple[str, str, str | None, str | None, list[str] | None, str | None]

CASES: dict[str, Case] = {
    # 1. Pronoun antecedents.
    "pronoun: the last main-clause subject, not a name after the tag": (
        'Senator Ray Okafor rejected the plan on Tuesday. "It punishes the people who can least afford '
        'it," he said, after Mr. Lund had defended it.',
        "It punishes",
        "Ray Okafor",
        "said",
        ["It punishes the people who can least afford it"],
        "pronoun",
    ),
    "pronoun: never the object of the sentence before": (
        'Senator Ray Okafor criticised Tomas Lund on Tuesday. "It punishes the poor," he said.',
        "It punishes",
        "Ray Okafor",
        "said",
        ["It punishes the poor"],
        "pronoun",
    ),
    "pronoun: gender from the first name skips a man for 'she'": (
        'Marta Lindqvist chairs the board. Her deputy, Jonas Berg, spoke first. "We need time," she said.',
        "We need time",
        "Marta Lindqvist",
        "said",
        ["We need time"],
        "pronoun",
    ),
    "pronoun: gender from an honorific": (
        'Ms. Achebe and Tobias Renwick met on Monday. "The vote was wrong," she said.',
        "The vote was wrong",
        "Achebe",
        "said",
        ["The vote was wrong"],
        "pronoun",
    ),
    "pronoun: never a name inside the quote": (
        'Maria Lopez spoke after the vote. "Tobias Renwick has it wrong," she said.',
        "has it wrong",
        "Maria Lopez",
        "said",
        ["Tobias Renwick has it wrong"],
        "pronoun",
    ),
    "pronoun: a described subject that is no actor yet": (
        "Elvira Soto leads the union. The operator's spokeswoman did not say whether drivers would be "
        'used. Asked about the talks, she said the company "respects the incoming administration."',
        "respects the incoming",
        "The operator's spokeswoman",
        "said",
        ["respects the incoming administration."],
        "pronoun",
    ),
    # 2. Split quote with a sentence-final tag.
    "split: a sentence-final tag, the second part carries its speaker": (
        'Hale Brennan, the club\'s lawyer, left the court. "We will appeal," he said. "This is not over."',
        "This is not over",
        "Hale Brennan",
        "said",
        ["We will appeal", "This is not over."],
        "pronoun",
    ),
    "split: an inverted sentence-final tag": (
        '"We will appeal," said Hale Brennan, the club\'s lawyer. "This is not over."',
        "This is not over",
        "Hale Brennan",
        "said",
        ["We will appeal", "This is not over."],
        "tag",
    ),
    # 3. Open-class tag verbs; no inheritance across a tag; quote after reported speech.
    "tag verb: chided": (
        'The harbour board delayed its vote. "We need more time," said board chair Marta Lindqvist.\n'
        '"Not one more cut," she chided.',
        "Not one more cut",
        "Marta Lindqvist",
        "chided",
        ["Not one more cut"],
        "pronoun",
    ),
    "tag verb: chimed in, inverted": (
        'Residents filled the hall. "And it\'s the only place I see my friends," chimed in Dev Anand.',
        "only place",
        "Dev Anand",
        "chimed in",
        ["And it's the only place I see my friends"],
        "tag",
    ),
    "tag verb: scolded": (
        'The council met on Monday. "You have not read the report," Ortiz scolded.',
        "not read",
        "Ortiz",
        "scolded",
        ["You have not read the report"],
        "tag",
    ),
    "tag verb: interjected, and no inheritance across it": (
        '"We need more time," said board chair Marta Lindqvist.\n'
        '"Order, please," interjected Reginald Thorne.',
        "Order, please",
        "Reginald Thorne",
        "interjected",
        ["Order, please"],
        "tag",
    ),
    "tag verb: bristled": (
        '"We need more time," said board chair Marta Lindqvist.\n"That is simply false," Ortiz bristled.',
        "simply false",
        "Ortiz",
        "bristled",
        ["That is simply false"],
        "tag",
    ),
    "after another person's reported speech in the same paragraph": (
        '"We need more time," said board chair Marta Lindqvist.\n'
        "Priya Natarajan, a Green councillor, said she was worried. "
        '"The town cannot absorb another closure."',
        "cannot absorb",
        "Priya Natarajan",
        "said",
        ["The town cannot absorb another closure."],
        "inherited",
    ),
    # 4. Colon, dash, statement, roundup and Q&A layouts.
    "colon: a lead-in paragraph": (
        "The senator, Alma Reyes, spoke at the college on Friday. She told graduates:\n"
        '"Choose character over convenience, and service over self-interest."',
        "Choose character",
        "Alma Reyes",
        "told graduates",
        ["Choose character over convenience, and service over self-interest."],
        "colon",
    ),
    "statement: released the following statement": (
        "Daniel Kessler, a state senator, criticised the closure. Kessler released the following statement.\n"
        '"Norvex took the town\'s money and promised jobs."',
        "Norvex took",
        "Daniel Kessler",
        "released",
        ["Norvex took the town's money and promised jobs."],
        "colon",
    ),
    "dash signature": (
        'The toll rises in May.\n"I did not take this vote lightly." -Commissioner Tobias Renwick',
        "this vote lightly",
        "Tobias Renwick",
        "-",
        ["I did not take this vote lightly."],
        "tag",
    ),
    "roundup line": (
        "Here is a sampling of reaction.\n"
        'Alex Moreno, Daily Ledger: "There is no painless way to pay for a bridge."',
        "painless way",
        "Alex Moreno",
        ":",
        ["There is no painless way to pay for a bridge."],
        "tag",
    ),
    # 5. Descriptions, documents, possessives.
    "a statement from an association speaks for the association": (
        "Norvex will close the plant. A statement from the Millbrook residents' association said "
        "the state must ensure the site is cleaned up.",
        "the state must ensure",
        "Millbrook residents' association",
        "said",
        ["the state must ensure the site is cleaned up"],
        "description",
    ),
    "according to a survey is the survey, never the last person quoted": (
        '"We will not stop," said union leader Elvira Soto. According to a new survey, most residents '
        "support the strikers.",
        "most residents support",
        "New survey",
        "According to",
        ["most residents support the strikers"],
        "according_to",
    ),
    "according to a survey by a firm is the firm's": (
        '"We will not stop," said union leader Elvira Soto. According to a survey by the polling firm '
        "Datacivica, most residents support the strikers.",
        "most residents support",
        "Datacivica",
        "According to",
        ["most residents support the strikers"],
        "according_to",
    ),
    "the president-elect is the named president-elect": (
        "President-elect Ana Duarte named her cabinet on Monday. The president-elect said the "
        "government would respect the courts.",
        "respect the courts",
        "Ana Duarte",
        "said",
        ["the government would respect the courts"],
        "description",
    ),
    "the union's lawyer is never another party's lawyer": (
        "Hale Brennan, the club's lawyer, filed the appeal. The union's lawyer said the strike was legal.",
        "the strike was legal",
        "The union's lawyer",
        "said",
        ["the strike was legal"],
        "description",
    ),
    "an apposition is its person, never a pseudo-actor": (
        "Daniel Kessler, a Democrat, said he had asked the attorney general to review the deal.",
        "asked the attorney general",
        "Daniel Kessler",
        "said",
        ["he had asked the attorney general to review the deal"],
        "tag",
    ),
    # 6. Speaker phrase hygiene.
    "party-state tag": (
        '"Every week we wait, another silo sits empty," Marisol Duarte (D-N.C.) told reporters.',
        "another silo",
        "Marisol Duarte",
        "told reporters",
        ["Every week we wait, another silo sits empty"],
        "tag",
    ),
    "a name given in quotes is the speaker, not a statement": (
        'Street vendors have found an upside. "I sell forty umbrellas a day," said a man who goes by '
        'the name "Sparrow."',
        "forty umbrellas",
        "Sparrow",
        "said",
        ["I sell forty umbrellas a day"],
        "description",
    ),
    "a dateline is never the speaker": (
        "KYIV, Ukraine (AP) — A bipartisan group of U.S. lawmakers said Thursday that Washington "
        "should speed up funding for grain terminals.",
        "should speed up",
        "Bipartisan group of U.S. lawmakers",
        "said",
        ["Washington should speed up funding for grain terminals"],
        "description",
    ),
    # 8. Span hygiene.
    "tokenised copy: padded straight quotes are quotes": (
        'Ministers met in Rotterdam . " Farmers are pitted against each other , " the minister said .',
        "Farmers are pitted",
        "Minister",
        "said",
        ["Farmers are pitted against each other"],
        "description",
    ),
}

# 7. Negation and non-statements, and 6: words that no statement may start with.
NOT_STATEMENTS: dict[str, tuple[str, str]] = {
    "declined to say whether": (
        "Finance minister Marco Alvim declined to say whether he would resign after the vote.",
        "he would resign",
    ),
    "did not say the word": ('Asked about a walkout, Hale did not say "strike" once.', "strike"),
    "refused to comment": ("The ministry refused to comment on reports that talks had failed.", "talks had"),
    "don't ask whether": (
        "Soto said her students don't ask whether the exam will be hard.",
        "the exam will be",
    ),
    "a film title": ('Soto, a fan of the film "The Last Tram," joined the strike.', "The Last Tram"),
    "the word inside another quote": (
        '"I sell forty umbrellas a day," said a man who goes by the name "Sparrow."',
        "Sparrow",
    ),
}


def _analyse(nlp, text: str) -> Analysis:
    return analyze(Article(text=text, source="case"), nlp=nlp, use_cache=False)


def _containing(analysis: Analysis, fragment: str) -> list[Statement]:
    """The statements whose words hold ``fragment``; a partial quote counts once, as the direct quote
    (the reported clause around it, which its ``within`` names, is not counted again)."""
    holders = {s.within for s in analysis.statements if s.within is not None}
    return [
        s
        for i, s in enumerate(analysis.statements)
        if i not in holders and any(fragment in p.text for p in s.parts)
    ]


def _starting(analysis: Analysis, fragment: str) -> list[Statement]:
    return [s for s in analysis.statements if s.parts and s.parts[0].text.startswith(fragment)]


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_speaker_cue_span_and_how(case: str, nlp) -> None:
    text, fragment, speaker, cue, parts, how = CASES[case]
    analysis = _analyse(nlp, text)
    found = _containing(analysis, fragment)
    assert len(found) == 1, [(s.text, s.speaker) for s in analysis.statements]
    statement = found[0]
    assert statement.speaker == speaker
    assert statement.cue is not None and statement.cue.text == cue
    assert [p.text for p in statement.parts] == parts
    assert statement.how == how
    assert statement.confidence is not None and 0.0 <= statement.confidence <= 1.0
    assert all(text[p.start : p.end] == p.text for p in statement.parts)


@pytest.mark.parametrize("case", list(NOT_STATEMENTS), ids=list(NOT_STATEMENTS))
def test_not_a_statement(case: str, nlp) -> None:
    text, fragment = NOT_STATEMENTS[case]
    analysis = _analyse(nlp, text)
    assert not _starting(analysis, fragment), [(s.text, s.speaker) for s in analysis.statements]


def test_no_pseudo_actors_from_descriptions_or_labels(nlp) -> None:
    text = (
        "Our reporter Tomasz Reyes spoke to forecaster Ingrid Solheim in Valdora.\n"
        "Q: Why is this winter so hard?\n"
        "A: Because the snowpack has been unstable since the first storm.\n"
        "Q: Do you feel responsible?\n"
        "A: I feel it, yes.\n"
        "Daniel Kessler, a Democrat, said the plan was flawed."
    )
    analysis = _analyse(nlp, text)
    names = {a.name for a in analysis.actors}
    assert not names & {"Q", "A", "Democrat"}
    turns = [s for s in analysis.statements if s.how == "qa"]
    assert [(s.text, s.speaker) for s in turns] == [
        ("Why is this winter so hard?", "Tomasz Reyes"),
        ("Because the snowpack has been unstable since the first storm.", "Ingrid Solheim"),
        ("Do you feel responsible?", "Tomasz Reyes"),
        ("I feel it, yes.", "Ingrid Solheim"),
    ]


def test_transcript_turns_go_to_the_named_people(nlp) -> None:
    text = (
        "David Okonkwo, a council member, and Margaret Lindqvist took questions from moderator "
        "Janelle Ortiz.\n"
        "MODERATOR: Let's turn to housing. Why did you vote no?\n"
        "OKONKWO: Because the plan gave the neighbors nothing.\n"
        "LINDQVIST: With respect, David, that is what people say when they want nothing built.\n"
        "(CROSSTALK)"
    )
    analysis = _analyse(nlp, text)
    # (Positions stated inside an answer, like "they want nothing built", are nested statements of
    # their own: tests/test_positions_nested.py.)
    turns = [(s.text.split(".")[0], s.speaker, s.how) for s in analysis.statements if not s.in_quote]
    assert turns == [
        ("Let's turn to housing", "Janelle Ortiz", "qa"),
        ("Because the plan gave the neighbors nothing", "David Okonkwo", "qa"),
        (
            "With respect, David, that is what people say when they want nothing built",
            "Margaret Lindqvist",
            "qa",
        ),
    ]


def test_a_quote_inside_a_reported_clause_is_one_statement(nlp) -> None:
    analysis = _analyse(nlp, 'Hale said "we will appeal" and left the chamber.')
    assert [(s.kind, s.text, s.speaker) for s in analysis.statements] == [
        ("direct", '"we will appeal"', "Hale")
    ]


def test_a_stray_opening_mark_does_not_swallow_the_next_quote(nlp) -> None:
    text = 'Hale said "we will fight on.\n"This is not over," Hale said.'
    analysis = _analyse(nlp, text)
    over = _containing(analysis, "This is not over")
    assert len(over) == 1 and over[0].kind == "direct" and over[0].speaker == "Hale"


def test_confidence_is_lower_for_guessed_speakers(nlp) -> None:
    text = (
        'Senator Ray Okafor rejected the plan. "It punishes the poor," Okafor said.\n'
        '"It is a tax on work," he said.\n'
        '"We will fight it."'
    )
    statements = _analyse(nlp, text).statements
    by_how = {s.how: s.confidence for s in statements}
    assert set(by_how) == {"tag", "pronoun", "inherited"}
    assert by_how["tag"] > by_how["pronoun"] > by_how["inherited"]  # type: ignore[operator]


ANONYMOUS_SOURCES = (
    "The club wants a new plan, said a person close to the negotiations.\n\n"
    "Two people with knowledge of the talks said the deal was dead.\n\n"
    "The bid will be raised, an official familiar with the matter said on Tuesday.\n\n"
    "Another person close to the negotiations said the board was split."
)


@pytest.mark.parametrize(
    ("fragment", "speaker"),
    [
        ("The club wants a new plan", "Person close to the negotiations"),
        ("the deal was dead", "Two people with knowledge of the talks"),
        ("The bid will be raised", "Official familiar with the matter"),
    ],
)
def test_an_anonymous_source_is_named_by_what_qualifies_it(nlp, fragment: str, speaker: str) -> None:
    analysis = _analyse(nlp, ANONYMOUS_SOURCES)
    (found,) = [s for s in _starting(analysis, fragment) if s.kind == "reported"]
    assert found.speaker == speaker


def test_indefinite_descriptions_are_never_one_actor(nlp) -> None:
    """'a person', 'two people', 'another person' each bring someone new: none refers back."""
    analysis = _analyse(nlp, ANONYMOUS_SOURCES)
    actors = {s.actor for s in analysis.statements if s.kind == "reported" and s.speaker}
    split = [s for s in analysis.statements if s.text.startswith("the board was split")]
    assert len(split) == 1
    assert split[0].actor not in {s.actor for s in analysis.statements if s.text.startswith("the deal")}
    assert len(actors) >= 4


def test_a_description_that_introduces_its_source_is_as_sure_as_a_name(nlp) -> None:
    """ "The fishermen's association said that ..." names its source right there (a newcomer saw it
    flagged unsure, 0.72); "the minister said", resolved to a person named before, stays less sure."""
    text = (
        "Water minister Nomvula Dlamini opened the talks. The minister said the reservoir was low. "
        "The fishermen's association said that the bridge would cut off the moorings."
    )
    analysis = _analyse(nlp, text)
    sure = {s.text: (s.how, s.confidence) for s in analysis.statements}
    assert sure["the bridge would cut off the moorings"] == ("description", 0.85)
    assert sure["the reservoir was low"] == ("description", 0.72)
