"""Short passages, each exercising one attribution phenomenon, with the statements a reader expects.

Each case lists the statements in text order as (kind, the words the statement starts with, speaker, cue).
The words are checked against the quote's parts (its quoted words without quotation marks).
"""

from __future__ import annotations

import pytest

from reader.analysis import Analysis, analyze
from reader.sources import Article

CASES: dict[str, tuple[str, list[tuple[str, str, str | None, str | None]]]] = {
    "straight quotes, tag after": (
        'The mayor spoke after the vote. "We will build it this year," Anna Berg said.',
        [("direct", "We will build it this year", "Anna Berg", "said")],
    ),
    "inverted tag": (
        '"The river is rising faster than we expected," said Tom Hale, a hydrologist at the agency.',
        [("direct", "The river is rising", "Tom Hale", "said")],
    ),
    "tag before with a colon": (
        'Prime Minister Lena Ortiz said: "There will be no new taxes."',
        [("direct", "There will be no new taxes", "Lena Ortiz", "said")],
    ),
    "split by its speech tag": (
        '"We will win," Marco Diaz told reporters, "and then we will rebuild the town."',
        [("direct", "We will win", "Marco Diaz", "told reporters")],
    ),
    "pronoun speaker": (
        'Senator Ruth Cole voted against the bill. "It is a mistake," she said.',
        [
            ("reported", "the bill", "Ruth Cole", "voted against"),  # a stance of hers too
            ("direct", "It is a mistake", "Ruth Cole", "said"),
        ],
    ),
    "pronoun in reported speech, antecedent in the previous paragraph": (
        "Governor Paul Meyer signed the order on Tuesday.\nHe said that the curfew would last a week.",
        [("reported", "the curfew would last a week", "Paul Meyer", "said")],
    ),
    "description speaker resolves through a role": (
        "Finance minister Irena Kovac presented the budget. "
        "The minister said the deficit would shrink next year.",
        [("reported", "the deficit would shrink next year", "Irena Kovac", "said")],
    ),
    "according to, at the start": (
        "According to the police, three people were arrested after the match.",
        [("reported", "three people were arrested after the match", "Police", "According to")],
    ),
    "according to, at the end": (
        "The factory will close in March, according to union officials.",
        [("reported", "The factory will close in March", "Union officials", "according to")],
    ),
    "said that": (
        "Health officials said that the outbreak was under control.",
        [("reported", "the outbreak was under control", "Health officials", "said")],
    ),
    "said without that": (
        "Karl Jensen said the company would appeal the ruling.",
        [("reported", "the company would appeal the ruling", "Karl Jensen", "said")],
    ),
    "reported speech through a participle": (
        "Judge Amara Singh adjourned the case, warning that further delays would not be tolerated.",
        [("reported", "further delays would not be tolerated", "Amara Singh", "warning")],
    ),
    "scare quotes are not statements": (
        'The plan would create a "safe corridor" along the coast, officials said.',
        [("reported", 'The plan would create a "safe corridor" along the coast', "Officials", "said")],
    ),
    "single quotation marks (British style)": (
        "‘We have done nothing wrong,’ said Oliver Grant, the club’s chairman.",
        [("direct", "We have done nothing wrong", "Oliver Grant", "said")],
    ),
    "''...'' style": (
        "''The market has turned,'' said Dana Whitfield, an economist.",
        [("direct", "The market has turned", "Dana Whitfield", "said")],
    ),
    "``...'' style": (
        "``Nobody saw this coming,'' Ivan Petrov said.",
        [("direct", "Nobody saw this coming", "Ivan Petrov", "said")],
    ),
    "a quote after a sentence-final tag is the second part of the same statement": (
        '"We are ready," Mia Lund said. "The trucks leave at dawn."',
        [("direct", "We are ready The trucks leave at dawn.", "Mia Lund", "said")],
    ),
    "a following quote with no tag inherits the speaker": (
        '"We are ready," Mia Lund said.\n"The trucks leave at dawn."',
        [
            ("direct", "We are ready", "Mia Lund", "said"),
            ("direct", "The trucks leave at dawn", "Mia Lund", None),
        ],
    ),
    "multi-paragraph quote is one statement": (
        'Rosa Park described the night. "The water came in through the floor.\n'
        '"By morning the whole street was a river," she said.',
        [("direct", "The water came in through the floor", "Rosa Park", "said")],
    ),
    "an unclosed quotation mark does not swallow the rest": (
        'Lars Holm said "we will see.\nLater, Holm said the talks had failed.',
        [
            ("direct", "we will see.", "Lars Holm", "said"),
            ("reported", "the talks had failed", "Lars Holm", "said"),
        ],
    ),
    "a quote with no findable speaker keeps speaker null": (
        'On the wall someone had written: "Never again."',
        [("direct", "Never again", None, None)],
    ),
    "nested quotation is one top-level quote": (
        "\"He told me 'go home' twice,\" Ella Moss said.",
        [("direct", "He told me 'go home' twice", "Ella Moss", "said")],
    ),
    "proper-noun speaker missed by the model is still found": (
        'Ukrainian senior commander Oleksandr Syrskyi spoke on Monday. "We are advancing," Syrskyi reported.',
        [("direct", "We are advancing", "Oleksandr Syrskyi", "reported")],
    ),
    "organisation speaker": (
        "The health ministry said in a statement that vaccines would arrive next week.",
        [("reported", "vaccines would arrive next week", "Health ministry", "said")],
    ),
    "the inanimate subject of a weak verb is not a speaker": (
        "The decision suggests that the government is worried about the economy.",
        [],
    ),
    "surname with a particle links to the full name": (
        'Pieter van Wyk arrived late. "The numbers are clear," van Wyk told a news conference.',
        [("direct", "The numbers are clear", "Pieter van Wyk", "told")],
    ),
    "an unclosed quote stops at its first sentence end": (
        'Dorothy Kwiatkowski told members that the bus was "so slow that some days I walk. '
        "Several owners argued that the vote should wait.",
        [
            # The reporter's words lead into the partial quote: one reported statement around it.
            (
                "reported",
                'the bus was "so slow that some days I walk.',
                "Dorothy Kwiatkowski",
                "told members",
            ),
            ("direct", "so slow that some days I walk.", "Dorothy Kwiatkowski", "told members"),
            ("reported", "the vote should wait", "Several owners", "argued"),
        ],
    ),
    "a possessor is not the speaker": (
        "Szymanski’s lawyers said they would appeal the ruling.",
        [("reported", "they would appeal the ruling", "Szymanski’s lawyers", "said")],
    ),
    "a pronoun skips a name that only modifies a noun": (
        "Priya Ramaswamy, a spokeswoman for the Szymanski campaign, spoke briefly. "
        '"Voters deserve certainty," she said.',
        [("direct", "Voters deserve certainty", "Priya Ramaswamy", "said")],
    ),
    "a document speaks for whoever issued it": (
        "Mayor Raymond Szymanski conceded in a brief written statement. "
        "According to the statement, the mayor called his rival to congratulate her.",
        [("reported", "the mayor called his rival", "Raymond Szymanski", "According to")],
    ),
    "an honorific is not part of the name": (
        "Ms Fairbairn said the licences were lawful.",
        [("reported", "the licences were lawful", "Fairbairn", "said")],
    ),
    "another speaker inside reported speech is a statement of its own": (
        "Police said about 6,000 people had taken part, while organizers said more than 20,000 had joined.",
        [
            ("reported", "about 6,000 people had taken part", "Police", "said"),
            ("reported", "more than 20,000 had joined", "Organizers", "said"),
        ],
    ),
    "a question put to someone is not their statement": (
        'Asked whether she would resign, Lena Berg said: "Not today."',
        [("direct", "Not today.", "Lena Berg", "said")],
    ),
    "a partial quote inside reported speech is the speaker's own words": (
        "Priya Ramaswamy said the mayor had “no regrets” about seeking the recount.",
        [
            ("reported", "the mayor had “no regrets” about seeking the recount", "Priya Ramaswamy", "said"),
            ("direct", "no regrets", "Priya Ramaswamy", "said"),
        ],
    ),
    "a title in quotation marks with no speaker is not a statement": (
        "Many marchers carried posters from “Hold the Line,” a documentary about the valley.",
        [],
    ),
    "a document speaks for its owner": (
        "The council met on Monday. According to the council's own engineering report, "
        "the bridge will carry 12,000 vehicles a day.",
        [("reported", "the bridge will carry 12,000 vehicles a day", "Council", "According to")],
    ),
    "a document's possessive pronoun finds its owner": (
        "The Finance Ministry published new figures. Its report said that inflation had fallen.",
        [("reported", "inflation had fallen", "Finance Ministry", "said")],
    ),
}


def _statements(analysis: Analysis) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (q.kind, " ".join(p.text for p in q.parts), q.speaker, q.cue.text if q.cue else None)
        for q in analysis.statements
    ]


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_attribution(case: str, nlp) -> None:
    text, expected = CASES[case]
    analysis = analyze(Article(text=text, source=case), nlp=nlp, use_cache=False)
    found = _statements(analysis)
    assert len(found) == len(expected), found
    for (kind, words, speaker, cue), (want_kind, want_words, want_speaker, want_cue) in zip(
        found, expected, strict=True
    ):
        assert kind == want_kind, found
        assert words.startswith(want_words), found
        assert speaker == want_speaker, found
        assert cue == want_cue, found


def test_a_split_quote_has_two_parts(nlp) -> None:
    text = '"We will win," Marco Diaz told reporters, "and then we will rebuild the town."'
    (quote,) = analyze(Article(text=text, source="t"), nlp=nlp, use_cache=False).statements
    assert [p.text for p in quote.parts] == ["We will win", "and then we will rebuild the town."]
    assert (quote.start, quote.end) == (0, len(text))


def test_a_multi_paragraph_quote_has_one_part_per_paragraph(nlp) -> None:
    text = (
        'Rosa Park described the night. "The water came in through the floor.\n'
        '"By morning the whole street was a river," she said.'
    )
    (quote,) = analyze(Article(text=text, source="t"), nlp=nlp, use_cache=False).statements
    assert len(quote.parts) == 2
    assert quote.parts[1].text.startswith("By morning")
