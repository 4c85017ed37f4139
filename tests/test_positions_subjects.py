"""Known cues that the sentence around them used to hide (issue 13): holders the parser hung somewhere
else (a participle phrase, an adjective, a second relative clause, a participle or a name read as a verb,
an apposition of the name before it), a clause after the cue preferred to one before it, cues that come
after the start of their content (``as X noted``, final tags the parser joined to the clause before
them, ``which they argue ...``), and the noun a relative clause hangs on as the object of its cue
(``a proposal the owners rejected``).

Invented sentences (none from any corpus); each gives the exact reported span, holder, frame and cue
lemma, or no statement.
"""

from __future__ import annotations

import pytest
from position_checks import Position, analyse, assert_no_statement, assert_one_position

HOLDERS: dict[str, tuple[str, Position]] = {
    "the subject hung on a participle phrase before the cue": (
        "Senator Maria Olsen, noting the size of the deficit, said the budget must be cut.",
        ("the budget must be cut", "Maria Olsen", "speech", "say", None, None),
    ),
    "a subject headed by its first adjective": (
        "Current and former staff who spoke with the Courier said the charity has lost its way.",
        ("the charity has lost its way", "Current and former staff", "speech", "say", None, None),
    ),
    "a participle taken for the subject of the cue": (
        "Local parents campaigning to save the library say they're finally winning the argument.",
        ("they're finally winning the argument", "Local parents", "speech", "say", None, None),
    ),
    "a second relative clause coordinated with the first": (
        "The association, which was formed by fishermen in 1987 and which has backed Okafor for years, is "
        "based in Hull.",
        ("Okafor", "Association", "stance", "back", "support", "Okafor"),
    ),
    "the clause after the cue, not the one the parser also hung on it before": (
        "Mara Quint seems to accept her record is thin — she told the Courier that her aim is to show "
        "voters she can govern.",
        ("her aim is to show voters she can govern", "Mara Quint", "speech", "tell", None, None),
    ),
    "a name the tagger read as a verb, with a conjunct": (
        "Sing and his advisers have said the plant would reopen in some form once the dispute is settled.",
        (
            "the plant would reopen in some form once the dispute is settled",
            "Sing",
            "speech",
            "say",
            None,
            None,
        ),
    ),
    "a name the tagger read as a participle, with an apposition": (
        "Running Start Partners, a talent agency, says that the singer has lost several bookings.",
        ("the singer has lost several bookings", "Running Start Partners", "speech", "say", None, None),
    ),
    "a subject after a long adverbial with a name in it": (
        "Sunday in Hull, while on the campaign trail for his wife Labour mayoral front-runner Ama Osei, "
        "former judge Kofi Osei said his wife was ready to run the port.",
        ("his wife was ready to run the port", "Kofi Osei", "speech", "say", None, None),
    ),
    "a clause the parser split in two at a negation": (
        "Still, 35 percent of surveyed tenants say they don’t yet know enough about the landlord to form "
        "an opinion.",
        (
            "they don’t yet know enough about the landlord to form an opinion",
            "35 percent of surveyed tenants",
            "speech",
            "say",
            None,
            None,
        ),
    ),
    "a that-clause parsed as an adverbial clause": (
        "Several tenants protested soon after that the new fees punished older residents.",
        ("the new fees punished older residents", "Several tenants", "speech", "protest", None, None),
    ),
}

TAGS: dict[str, tuple[str, Position]] = {
    "as X argued, after the content": (
        "Cutting the ferry service is a false economy, as Ines Porto argued in the Courier.",
        ("Cutting the ferry service is a false economy", "Ines Porto", "speech", "argue", None, None),
    ),
    "as X noted, with an apposition and a time": (
        "Voters in Ohio are weary, as Jo Lane, a pollster in Akron, noted last week.",
        ("Voters in Ohio are weary", "Jo Lane", "speech", "note", None, None),
    ),
    "as reported by X, before the content": (
        "As reported by the Courier, the harbour board judged both bids too low.",
        ("the harbour board judged both bids too low", "Courier", "speech", "report", None, None),
    ),
    "as several pundits have suggested": (
        "The setback will not necessarily end her bid, as several pundits have suggested.",
        ("The setback will not necessarily end her bid", "Several pundits", "speech", "suggest", None, None),
    ),
    "as X has reported, the sentence rooted on its subject noun": (
        "However, as the Courier has reported, tenants who have won appeals included families that were "
        "likely never evicted.",
        (
            "tenants who have won appeals included families that were likely never evicted",
            "Courier",
            "speech",
            "report",
            None,
            None,
        ),
    ),
    "a final inverted tag with a description and a name": (
        "The old mill is still turning, but it is under heavy pressure from cheap yarn, said the firm's "
        "finance chief, Ola Berg.",
        (
            "The old mill is still turning, but it is under heavy pressure from cheap yarn",
            "Ola Berg",
            "speech",
            "say",
            None,
            None,
        ),
    ),
    "a final tag whose subject has an apposition": (
        "Both climbers were heading back to base after a week on the glacier, their club, Alpine "
        "Harriers, confirmed on its website on Sunday.",
        (
            "Both climbers were heading back to base after a week on the glacier",
            "Alpine Harriers",
            "speech",
            "confirm",
            None,
            None,
        ),
    ),
    "a final tag whose subject the parser took as an object of the content": (
        "Prices will keep rising, the central bank's governor, Lena Ruiz, warned on Monday.",
        ("Prices will keep rising", "Lena Ruiz", "speech", "warn", None, None),
    ),
    "a final tag with the one it told": (
        "After two heavy losses on Sunday, Councillor Ivo Marsh is staying in the contest, his campaign "
        "manager, Pia Lund, told the Courier.",
        (
            "After two heavy losses on Sunday, Councillor Ivo Marsh is staying in the contest",
            "Pia Lund",
            "speech",
            "tell",
            None,
            None,
        ),
    ),
    "a group word for a holder between commas": (
        "That approach, many warn, could carry real risks for small firms.",
        ("could carry real risks for small firms", "Many", "speech", "warn", None, None),
    ),
    "which they argue, the verb read as a noun": (
        "The council lists new cycle lanes, which planners argue cut traffic more cheaply.",
        ("cut traffic more cheaply", "Planners", "speech", "argue", None, None),
    ),
    "that critics say, two words of content": (
        "The board adopted fees on late parking that critics say harm shift workers.",
        ("harm shift workers", "Critics", "speech", "say", None, None),
    ),
    "a bridge with no relative word": (
        "It was a move her advisers believe could calm the markets.",
        ("could calm the markets", "Her advisers", "belief", "believe", None, None),
    ),
    "what she said is": (
        "Ida Marsh has helped farms adjust to what she said is rising demand for oat milk.",
        ("is rising demand for oat milk", "Ida Marsh", "speech", "say", None, None),
    ),
    "in what it hopes will become": (
        "The port authority is dredging the old harbour, in what it hopes will become a base for wind farms.",
        ("will become a base for wind farms", "Port authority", "belief", "hope", None, None),
    ),
}

RELATIVE_OBJECTS: dict[str, tuple[str, Position]] = {
    "a stance on the noun a relative clause with no relative word hangs on": (
        "The miners made a proposal the owners rejected at talks on Monday.",
        ("a proposal", "Owners", "stance", "reject", "oppose", "a proposal"),
    ),
    "a speech verb with no relative word": (
        "Reyes was asked about the sort of reforms Mona Reyes had described in her memoir.",
        ("the sort of reforms", "Mona Reyes", "speech", "describe", None, None),
    ),
}

NO_STATEMENT: dict[str, str] = {
    "a clause of result after 'so'": "She argued so forcefully that the board gave in.",
    "a negated bridge": "The board adopted fees that critics do not say punish shift workers.",
    "a negated final tag": "The depot is closing, the managing director did not say.",
    "a negated as-tag": "The deal is dead, as nobody has denied.",
    "an as-clause of time with a topic": "As they argued over the bill, the lights went out.",
    "a verb with an object is no tag": (
        "They have rented the flat for a year, and though they know little Welsh, their gestures said plenty."
    ),
    "a preposition's object in a relative clause": "It is the ring road Diaz rails against.",
    "a negated stance in a relative clause": "That was a proposal that the minister did not support.",
    "the object inside a whose-clause": "Okoro, whose farming record Diaz belittled, is running again.",
    "a question put to someone before a tag with a quotation": (
        'Asked whether she would resign, Lena Berg said: "Not today."'
    ),
}


@pytest.mark.parametrize("case", list(HOLDERS), ids=list(HOLDERS))
def test_holder_the_parser_hung_elsewhere(case: str, nlp) -> None:
    text, expected = HOLDERS[case]
    assert_one_position(text, expected, nlp)


@pytest.mark.parametrize("case", list(TAGS), ids=list(TAGS))
def test_cue_after_the_start_of_its_content(case: str, nlp) -> None:
    text, expected = TAGS[case]
    assert_one_position(text, expected, nlp)


@pytest.mark.parametrize("case", list(RELATIVE_OBJECTS), ids=list(RELATIVE_OBJECTS))
def test_object_of_a_relative_clause(case: str, nlp) -> None:
    text, expected = RELATIVE_OBJECTS[case]
    assert_one_position(text, expected, nlp)


@pytest.mark.parametrize("case", list(NO_STATEMENT), ids=list(NO_STATEMENT))
def test_no_position(case: str, nlp) -> None:
    assert_no_statement(NO_STATEMENT[case], nlp, kind="reported")


def _reported(text: str, nlp) -> dict[str | None, tuple[str, str | None]]:
    return {s.cue_lemma: (s.text, s.speaker) for s in analyse(text, nlp).statements if s.kind == "reported"}


def test_the_clause_after_a_quotation_the_cue_also_governs(nlp) -> None:
    """A quotation before the cue does not take the place of its clause after it."""
    text = (
        'Although Dana Reyes lamented the delay - "why wait?" - farmers in Kent who attended the meeting '
        "said they were unfazed by the row."
    )
    assert _reported(text, nlp)["say"] == ("they were unfazed by the row", "Farmers")


def test_another_speakers_clause_before_the_content(nlp) -> None:
    """'Though X boasts of ..., A, analysts say.': X's clause is X's statement, not the analysts'."""
    text = (
        "Though the mayor boasts of record visitor numbers, there is no sign that hotels are fuller, "
        "tourism analysts say."
    )
    assert _reported(text, nlp) == {
        "boast of": ("record visitor numbers", "Mayor"),
        "say": ("there is no sign that hotels are fuller", "Tourism analysts"),
    }


def test_a_final_tag_before_a_participle_of_the_speaker(nlp) -> None:
    """'..., Noor Haddad explained, recalling ...': the participle is her act, not what she explained."""
    text = (
        "The ward had been short of staff for years, Noor Haddad explained, recalling the week the "
        "heating failed."
    )
    assert _reported(text, nlp)["explain"] == ("The ward had been short of staff for years", "Noor Haddad")


def test_a_said_clause_split_by_an_aside_between_dashes(nlp) -> None:
    """The parser takes the clause's subject for the object of "saying" and hangs its verb on the main
    clause; the content runs over the aside. An object with no verb after the aside stays an object."""
    text = (
        "Rival bidders echoed those doubts, saying the council's scheme -- two depots and a new bus "
        "lane -- is too costly for a small town."
    )
    assert _reported(text, nlp) == {
        "echo": ("those doubts", "Rival bidders"),
        "say": (
            "the council's scheme -- two depots and a new bus lane -- is too costly for a small town",
            "Rival bidders",
        ),
    }
    text = "The mayor praised the plan -- a tax on sugary drinks -- and left."
    reported = [(s.text, s.cue_lemma) for s in analyse(text, nlp).statements if s.kind == "reported"]
    assert reported == [("the plan -- a tax on sugary drinks", "praise")]


def test_a_topic_cited_in_a_relative_clause_is_no_position(nlp) -> None:
    """'a number both sides now cite': citing a figure takes no position on it."""
    text = "A survey of 900 farmers found that 71 percent would pay more, a number both sides now cite."
    assert "cite" not in _reported(text, nlp)


def test_a_speech_verb_after_a_participle_clause_is_a_tag_not_its_content(nlp) -> None:
    """'..., saying the bid "undervalues" the company, two people familiar with the matter said': the
    participle's clause is its content, not the tag after it."""
    text = (
        'Veldmark has rejected a takeover offer from its rival, saying the bid "significantly '
        'undervalues" the company and its chips, two people familiar with the matter said on Friday.'
    )
    said = [s.text for s in analyse(text, nlp).statements if s.kind == "reported" and s.cue_lemma == "say"]
    assert "two people familiar with the matter said on Friday" not in said
