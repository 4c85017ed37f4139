"""Where a reported statement starts and ends (issue 13, "Boundaries"; issue 12, item 8).

- A partial quote inside a reported clause: ONE reported statement over the whole clause, with the
  quotation inside it as a direct statement of its own whose ``within`` is the reported statement's
  index and whose speaker is the reported statement's, whenever the reporter's own words lead into
  the quotation. When the content is nothing but the quotation (``Hale said "we will appeal"``, or
  ``that`` and the quotation), there is no reported statement: a reported span never starts or ends
  inside a direct quote.
- Coordinated content clauses (``said that A and that B``, ``said A, and that B``) are one statement;
  the span stops before the reporter's own words (``..., as the council met on Friday``, ``... and
  left the chamber``, the next sentence).

Each case gives the exact reported span and holder, and the direct quotes expected inside it.
"""

from __future__ import annotations

import pytest

from reader.analysis import Analysis, Statement, analyze
from reader.sources import Article

# text -> (reported span, holder, [direct quotes inside it, marks included])
PARTIAL_QUOTES: dict[str, tuple[str, tuple[str, str, list[str]]]] = {
    "issue: Cox says ... “law-abiding gun owners to …” (curly, quote ends the clause)": (
        "Cox says the NRA won't allow “law-abiding gun owners to …”",
        ("the NRA won't allow “law-abiding gun owners to …”", "Cox", ["“law-abiding gun owners to …”"]),
    ),
    "quote ends the clause and the sentence": (
        "Cox says the NRA won't allow “law-abiding gun owners to defend themselves.”",
        (
            "the NRA won't allow “law-abiding gun owners to defend themselves.”",
            "Cox",
            ["“law-abiding gun owners to defend themselves.”"],
        ),
    ),
    "straight quotes in the middle of the clause": (
        'Coach Ray Stone said the team had played "the best football of the season" and deserved to win.',
        (
            'the team had played "the best football of the season" and deserved to win',
            "Ray Stone",
            ['"the best football of the season"'],
        ),
    ),
    "single quotes, told + addressee": (
        "Governor Lena Park told reporters the budget was ‘a betrayal of every family in the state’ "
        "and would be vetoed.",
        (
            "the budget was ‘a betrayal of every family in the state’ and would be vetoed",
            "Lena Park",
            ["‘a betrayal of every family in the state’"],
        ),
    ),
    "written, curly quotes in the middle": (
        "Judge Alma Reyes wrote that the law was “plainly unconstitutional” and must be struck down.",
        (
            "the law was “plainly unconstitutional” and must be struck down",
            "Alma Reyes",
            ["“plainly unconstitutional”"],
        ),
    ),
    "argued that + lead-in + quote": (
        'Union leader Marta Diaz argued that the offer "does nothing for the lowest paid."',
        (
            'the offer "does nothing for the lowest paid."',
            "Marta Diaz",
            ['"does nothing for the lowest paid."'],
        ),
    ),
    "belief verb": (
        "Dr Ada Price believes the vaccine is “safe, effective and long overdue.”",
        (
            "the vaccine is “safe, effective and long overdue.”",
            "Ada Price",
            ["“safe, effective and long overdue.”"],
        ),
    ),
    "according to, before the content": (
        'According to Mayor Ann Kirby, the budget is "a betrayal of every family in the state."',
        (
            'the budget is "a betrayal of every family in the state."',
            "Ann Kirby",
            ['"a betrayal of every family in the state."'],
        ),
    ),
    "according to, after the content": (
        'The budget is "a betrayal of every family in the state," according to Mayor Ann Kirby.',
        (
            'The budget is "a betrayal of every family in the state,"',
            "Ann Kirby",
            ['"a betrayal of every family in the state,"'],
        ),
    ),
    "pronoun holder": (
        "Senator Ray Okafor spoke on Monday. He said the bill was “a tax on work.”",
        ("the bill was “a tax on work.”", "Ray Okafor", ["“a tax on work.”"]),
    ),
    "two partial quotes in one clause": (
        'Mayor Ann Kirby said the plan was "a reckless gamble" and "a betrayal of every family."',
        (
            'the plan was "a reckless gamble" and "a betrayal of every family."',
            "Ann Kirby",
            ['"a reckless gamble"', '"a betrayal of every family."'],
        ),
    ),
    "an adverb before the clause's own that is the reporter's": (
        'Councillor Dana Whitlock said only that she would "cross that bridge when we come to it."',
        (
            'she would "cross that bridge when we come to it."',
            "Dana Whitlock",
            ['"cross that bridge when we come to it."'],
        ),
    ),
    "medial tag with a quote after it": (
        'The union, its leader Marta Diaz said, would "fight this to the end."',
        (
            'The union, its leader Marta Diaz said, would "fight this to the end."',
            "Marta Diaz",
            ['"fight this to the end."'],
        ),
    ),
    "a conditional before the quote is no question": (
        'Senator Ray Okafor spoke on Monday. If the bill passes, he said, "the poor will pay for it."',
        (
            'If the bill passes, he said, "the poor will pay for it."',
            "Ray Okafor",
            ['"the poor will pay for it."'],
        ),
    ),
}

# text -> the one direct quote and its speaker; no reported statement at all.
QUOTE_ONLY: dict[str, tuple[str, tuple[str, str]]] = {
    "issue 12 item 8: Hale said \"we will appeal\" and left the chamber": (
        'Hale said "we will appeal" and left the chamber.',
        ('"we will appeal"', "Hale"),
    ),
    "curly single quotes, the same": (
        "Hale said ‘we will appeal’ and left the chamber.",
        ("‘we will appeal’", "Hale"),
    ),
    "that + quote is the quote alone": (
        'Mayor Ann Kirby said that "taxes will rise next year."',
        ('"taxes will rise next year."', "Ann Kirby"),
    ),
    "a quote with its tag after it": (
        '"Taxes will rise next year," Mayor Ann Kirby said.',
        ('"Taxes will rise next year,"', "Ann Kirby"),
    ),
    "a nickname after a fronted relative is no reported statement": (
        'The orchestra is led by Ines Marr, whom colleagues call "the Iron Conductor."',
        ('"the Iron Conductor."', "Colleagues"),  # they call her that; she is not one of them
    ),
}

# text -> (reported span, holder): coordinated clauses and where the span stops.
CLAUSES: dict[str, tuple[str, tuple[str, str]]] = {
    "issue: said that A and that B": (
        "The mayor said that taxes would rise and that schools would close.",
        ("taxes would rise and that schools would close", "Mayor"),
    ),
    "issue: said A, and that B": (
        "The mayor said taxes would rise, and that schools would close.",
        ("taxes would rise, and that schools would close", "Mayor"),
    ),
    "argued A, but that B": (
        "The minister argued that the deal was fair, but that it came too late.",
        ("the deal was fair, but that it came too late", "Minister"),
    ),
    "said A, but B with its own subject, not in the narrative past": (
        "Mayor Ann Kirby said taxes would rise, but it is time to act.",
        ("taxes would rise, but it is time to act", "Ann Kirby"),
    ),
    "the reporter's coordinated clause in the narrative past is not content": (
        "Mayor Ann Kirby said taxes would rise, and she left the room.",
        ("taxes would rise", "Ann Kirby"),
    ),
    "issue: stops before the reporter's ', as ...'": (
        "Mayor Ann Kirby said taxes would rise, as the council met on Friday to set the budget.",
        ("taxes would rise", "Ann Kirby"),
    ),
    "issue: stops before the reporter's ', after ...'": (
        "Mayor Ann Kirby said taxes would rise, after the council rejected the budget.",
        ("taxes would rise", "Ann Kirby"),
    ),
    "the speaker's own reason after ', as' stays": (
        "Mayor Ann Kirby said taxes would rise, as costs have grown.",
        ("taxes would rise, as costs have grown", "Ann Kirby"),
    ),
    "stops at the end of the sentence": (
        "Mayor Ann Kirby said taxes would rise. The council met on Friday.",
        ("taxes would rise", "Ann Kirby"),
    ),
    "a condition inside the content keeps its 'if'": (
        "The mayor said if taxes rise, people will leave.",
        ("if taxes rise, people will leave", "Mayor"),
    ),
    "stops before the reporter's participle that opens the next statement": (
        "The mayor said the plan would help the city, noting that jobs would follow.",
        ("the plan would help the city", "Mayor"),
    ),
    "stops before the reporter's gloss of a name": (
        "Mayor Ann Kirby said she was looking ahead to a contest against Lena Park, a former governor.",
        ("she was looking ahead to a contest against Lena Park", "Ann Kirby"),
    ),
    "an apposition inside the content stays": (
        "The mayor said the budget, a plan of 40 pages, was reckless.",
        ("the budget, a plan of 40 pages, was reckless", "Mayor"),
    ),
    "participle saying, with a quote inside": (
        "Senator Dana Whitlock criticized the nominee, saying it is time to have a “real constitutional "
        "conservative” in the job.",
        ("it is time to have a “real constitutional conservative” in the job", "Dana Whitlock"),
    ),
}


def _analyse(nlp, text: str) -> Analysis:
    return analyze(Article(text=text, source="case"), nlp=nlp, use_cache=False)


def _reported(analysis: Analysis) -> list[tuple[int, Statement]]:
    return [(i, s) for i, s in enumerate(analysis.statements) if s.kind == "reported"]


def _with_text(analysis: Analysis, text: str) -> list[tuple[int, Statement]]:
    return [(i, s) for i, s in _reported(analysis) if s.text == text]


@pytest.mark.parametrize("case", list(PARTIAL_QUOTES), ids=list(PARTIAL_QUOTES))
def test_a_partial_quote_lies_inside_one_reported_statement(case: str, nlp) -> None:
    text, (span, holder, quotes) = PARTIAL_QUOTES[case]
    analysis = _analyse(nlp, text)
    found = _with_text(analysis, span)
    assert len(found) == 1, [(s.kind, s.text, s.speaker) for s in analysis.statements]
    index, reported = found[0]
    assert reported.speaker == holder
    assert text[reported.start : reported.end] == span
    direct = [s for s in analysis.statements if s.kind == "direct"]
    assert [s.text for s in direct] == quotes
    for quote in direct:
        assert quote.within == index
        assert (quote.speaker, quote.actor) == (reported.speaker, reported.actor)
        assert reported.start <= quote.start and quote.end <= reported.end
    # No other reported statement starts or ends inside a direct quote.
    for _, other in _reported(analysis):
        for quote in direct:
            assert not quote.start < other.start < quote.end, other.text
            assert not quote.start < other.end < quote.end, other.text


@pytest.mark.parametrize("case", list(QUOTE_ONLY), ids=list(QUOTE_ONLY))
def test_nothing_but_the_quote_is_one_direct_statement(case: str, nlp) -> None:
    text, (quote, speaker) = QUOTE_ONLY[case]
    analysis = _analyse(nlp, text)
    assert [(s.kind, s.text, s.speaker, s.within) for s in analysis.statements] == [
        ("direct", quote, speaker, None)
    ]


@pytest.mark.parametrize("case", list(CLAUSES), ids=list(CLAUSES))
def test_reported_clause_boundaries(case: str, nlp) -> None:
    text, (span, holder) = CLAUSES[case]
    analysis = _analyse(nlp, text)
    cue_words = {s.cue.text for s in analysis.statements if s.cue}
    found = _with_text(analysis, span)
    assert len(found) == 1, [(s.kind, s.text, s.speaker) for s in analysis.statements]
    assert found[0][1].speaker == holder, cue_words
    for quote in analysis.statements:
        if quote.kind == "direct":
            assert quote.within == found[0][0]


def test_an_actor_lists_the_clause_once_and_within_survives_json(nlp) -> None:
    text = 'Mayor Ann Kirby said the plan was "a reckless gamble" and "a betrayal of every family."'
    analysis = _analyse(nlp, text)
    kirby = next(a for a in analysis.actors if a.name == "Ann Kirby")
    assert [analysis.statements[i].kind for i in kirby.statements] == ["reported"]
    again = Analysis.from_dict(analysis.to_dict())
    assert [s.within for s in again.statements] == [None, 0, 0]


def test_within_points_past_earlier_statements(nlp) -> None:
    text = (
        '"We will not back down," Senator Ray Okafor said on Monday.\n'
        "Mayor Ann Kirby said the plan was “a reckless gamble with other people's money.”"
    )
    analysis = _analyse(nlp, text)
    kinds = [(s.kind, s.speaker, s.within) for s in analysis.statements]
    assert kinds == [
        ("direct", "Ray Okafor", None),
        ("reported", "Ann Kirby", None),
        ("direct", "Ann Kirby", 1),
    ]


def test_the_participle_is_a_statement_of_its_own(nlp) -> None:
    analysis = _analyse(nlp, "The mayor said the plan would help the city, noting that jobs would follow.")
    assert [(s.text, s.speaker, s.cue_lemma) for s in analysis.statements] == [
        ("the plan would help the city", "Mayor", "say"),
        ("jobs would follow", "Mayor", "note"),
    ]


def test_offsets_records_keep_within(nlp) -> None:
    from reader.analysis.offsets_records import OFFSETS_COLUMNS
    from reader.analysis.records import analysis_record

    text = 'Mayor Ann Kirby said the plan was "a reckless gamble with other people\'s money."'
    record = analysis_record(_analyse(nlp, text), 0, text=False, language="en")
    where = OFFSETS_COLUMNS["statements"].index("within")
    rows = record["statements"]
    assert [row[where] if len(row) > where else None for row in rows] == [None, 0]


def test_export_of_all_quotes_shows_a_partial_quote_once(nlp) -> None:
    from reader.export import build_export

    text = 'Mayor Ann Kirby said the plan was "a reckless gamble with other people\'s money."'
    article = Article(text=text, source="case")
    analysis = _analyse(nlp, text)
    document = build_export(article, analysis, [], all_quotes=True)
    assert [item.text for item in document.items] == [
        'the plan was "a reckless gamble with other people\'s money."'
    ]
