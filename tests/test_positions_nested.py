"""Positions a quoted speaker reports inside their own quoted words (issue 13, ``Statement.in_quote``).

Invented sentences. In ``"I think the deal is dead," Smith said.`` Smith believes "the deal is dead":
a reported statement inside the direct quote, held by the quote's speaker for I/we, by whoever the
quoted words name otherwise, and never by the quote's speaker for a third party's words. Fillers,
questions, hypotheticals, generic holders and negated cues are no positions.
"""

from __future__ import annotations

import json

import pytest
from position_checks import analyse
from rich.style import Style

from reader.analysis import analyze
from reader.analysis.model import Analysis, Statement
from reader.analysis.offsets_records import full_record, offsets_record
from reader.analysis.records import STATEMENT_COLUMNS, analysis_record, statement_rows
from reader.corrections.apply import apply_corrections
from reader.corrections.model import Anchor, Correction
from reader.export import build_export, to_annotations, to_markdown
from reader.export_html import layer_runs, to_html
from reader.sources import Article
from reader.tui.app import BylineApp

# text -> [(reported span, holder actor name, frame, cue lemma, holder words, enclosing direct quote)]
NESTED: dict[str, tuple[str, list[tuple[str, str | None, str, str, str, str]]]] = {
    "I think: the quote's speaker believes": (
        '"I think the deal is dead," Smith said.',
        [("the deal is dead", "Smith", "belief", "think", "I", '"I think the deal is dead,"')],
    ),
    "we oppose: the quote's speaker, a description": (
        '"We oppose this bill," said the union\'s head.',
        [("this bill", "The union's head", "stance", "oppose", "We", '"We oppose this bill,"')],
    ),
    "my opponent: the speaker's opponent, never the speaker": (
        '"My opponent wants to raise your taxes," Hale said.',
        [("raise your taxes", "Hale's opponent", "intention", "want to", "My opponent",
          '"My opponent wants to raise your taxes,"')],
    ),
    "we: the organisation a spokesman speaks for": (
        '"We will fight this plan in court," said Tom Reyes, a spokesman for Northgate Rail.',
        [("this plan", "Northgate Rail", "stance", "fight", "We", '"We will fight this plan in court,"')],
    ),
    "we: a person who speaks for nobody stays the holder": (
        '"We oppose this bill," said Ann Marsh, a retired teacher from Ashcombe.',
        [("this bill", "Ann Marsh", "stance", "oppose", "We", '"We oppose this bill,"')],
    ),
    "a named third party inside the quote": (
        '"Harriet knows perfectly well that this problem goes back decades," said Tom Ashby, '
        "a councillor. Harriet Bell, the MP, did not reply.",
        [("this problem goes back decades", "Harriet Bell", "belief", "know", "Harriet",
          '"Harriet knows perfectly well that this problem goes back decades,"')],
    ),
    "a description that names the speaker's own customers": (
        'Maren Holt, the chief executive, was upbeat. "Customers tell us the budget is there," Holt said.',
        [("the budget is there", "Customers", "speech", "tell", "Customers",
          '"Customers tell us the budget is there,"')],
    ),
}


def _nested(analysis: Analysis) -> list[Statement]:
    return [s for s in analysis.statements if s.in_quote is not None]


@pytest.mark.parametrize("case", list(NESTED), ids=list(NESTED))
def test_a_position_inside_quoted_words(case: str, nlp) -> None:
    text, expected = NESTED[case]
    analysis = analyse(text, nlp)
    found = [
        (s.text, s.speaker, s.frame, s.cue_lemma, s.speaker_mention.text if s.speaker_mention else None,
         analysis.statements[s.in_quote].text)
        for s in _nested(analysis)
    ]
    assert found == expected
    for statement in _nested(analysis):
        assert statement.kind == "reported"
        assert text[statement.start : statement.end] == statement.text
        outer = analysis.statements[statement.in_quote]  # type: ignore[index]
        assert outer.kind == "direct" and outer.start < statement.start and statement.end <= outer.end
        assert statement.within is None and outer.within is None
    # The quote itself stays a direct statement of the quoted speaker.
    direct = [s for s in analysis.statements if s.kind == "direct"]
    assert [s.text for s in direct] == [expected[0][5]]


def test_the_holder_lists_the_position_under_its_frame(nlp) -> None:
    analysis = analyse('"I think the deal is dead," Smith said.', nlp)
    smith = next(a for a in analysis.actors if a.name == "Smith")
    assert [(analysis.statements[i].kind, analysis.statements[i].text) for i in smith.statements] == [
        ("direct", '"I think the deal is dead,"'),
        ("reported", "the deal is dead"),
    ]


def test_a_q_and_a_answer_holds_positions_of_the_interviewee(nlp) -> None:
    text = (
        "Our reporter Tomasz Reyes spoke to Senator Joe Harlan in Valdora.\n\n"
        "Q: Do you think the bank rules should be restored?\n\n"
        "A: If you take a look at what we proposed, you know, it works. "
        "I think the reform went a long way.\n\n"
        "Q: And the middle class?\n\n"
        "A: I believe the middle class would be back again with better wages."
    )
    analysis = analyse(text, nlp)
    found = [(s.text, s.speaker, s.frame, s.cue_lemma, analysis.statements[s.in_quote].how)
             for s in _nested(analysis)]
    assert found == [
        ("the reform went a long way", "Joe Harlan", "belief", "think", "qa"),
        ("the middle class would be back again with better wages", "Joe Harlan", "belief", "believe", "qa"),
    ]


NOT_POSITIONS: dict[str, str] = {
    "you know, as a filler": '"You know, the deal is dead," Smith said.',
    "I mean, as a filler": '"I mean, nobody wants this deal," Smith said.',
    "let me tell you, as a filler": '"Let me tell you, the deal is dead," Smith said.',
    "I tell you, as a filler": '"I tell you, the deal is dead," Smith said.',
    "I think, as a filler": '"I think, frankly, the deal is dead," Smith said.',
    "I guess, as a filler": '"I guess, the deal is dead," Smith said.',
    "I think so: no content of its own": '"I think so," Smith said when asked about the deal.',
    "negated cue": '"I don\'t think the deal will survive," Smith said.',
    "never believed": '"I never believed the deal would survive," Smith said.',
    "question": '"Do you think the deal will survive?" Smith asked the minister.',
    "a third party in a question": '"Did the minister say the deal was dead? He did not," Smith said.',
    "a question to a body": '"Does the council believe the plan will work?" Smith asked.',
    "people say, generic": '"People say the town is dying. They are wrong," said Mayor Ann Kirby.',
    "modal, hypothetical": '"I could say the deal is dead, but I will not," Smith said.',
    "a condition before the cue": (
        '"If Glen has a correction, he knows where the office is," said Agnes Whitlock.'
    ),
    "an infinitive cue": (
        '"It is time for the council to admit that the plan has failed," said Victor Haldane.'
    ),
    "someone spoken to": '"Ms. Delgado, thank you for coming out tonight," said Margaret Lindqvist.',
    "someone spoken to is not the holder": (
        "An edited transcript follows.\nHOLLIS: Minister, your own hydrologists warned in April that "
        "reservoirs would fall below 40 percent by August.\nFENNER: They did, and we acted on it."
    ),
    "ask whether is a question": '"Parents ask me whether the river is safe," said Fiona Keane, a doctor.',
    "an unattributed quotation holds nothing": 'The banner read "We oppose this bill" in red letters.',
}


@pytest.mark.parametrize("case", list(NOT_POSITIONS), ids=list(NOT_POSITIONS))
def test_no_position_inside_quoted_words(case: str, nlp) -> None:
    analysis = analyse(NOT_POSITIONS[case], nlp)
    assert [(s.text, s.cue_lemma) for s in analysis.statements if s.kind == "reported"] == []


def test_a_third_party_pronoun_is_never_the_quote_speaker(nlp) -> None:
    analysis = analyse('"He wants a revolution," Joe Biden said of Bernie Sanders.', nlp)
    nested = _nested(analysis)
    assert [(s.text, s.frame, s.speaker_mention.text if s.speaker_mention else None) for s in nested] == [
        ("a revolution", "intention", "He")
    ]
    assert nested[0].speaker != "Joe Biden"
    biden = next(a for a in analysis.actors if a.name == "Joe Biden")
    assert [analysis.statements[i].kind for i in biden.statements] == ["direct"]


TWO = (
    "Mayor Ann Kirby spoke on Monday. \"I think the budget is fine,\" Kirby said. "
    "\"We oppose this budget,\" said Tom Reyes, a spokesman for Northgate Rail."
)


def test_the_nested_statement_survives_the_json_round_trip(nlp) -> None:
    analysis = analyse(TWO, nlp)
    nested = _nested(analysis)
    assert [(s.text, s.speaker) for s in nested] == [
        ("the budget is fine", "Ann Kirby"),
        ("this budget", "Northgate Rail"),
    ]
    data = json.loads(json.dumps(analysis.to_dict()))
    assert [s.get("in_quote") for s in data["statements"]] == [s.in_quote for s in analysis.statements]
    assert "in_quote" not in data["statements"][0]  # written only when set: the shape of schema 2
    again = Analysis.from_dict(data)
    assert again == analysis
    assert again.to_dict() == analysis.to_dict()


def test_the_offsets_record_rebuilds_the_nested_statement_exactly(nlp) -> None:
    analysis = analyse(TWO, nlp)
    full = json.loads(json.dumps(analysis_record(analysis, 3, language="en")))
    packed = json.loads(json.dumps(offsets_record(full)))
    assert full_record(packed, analysis.text) == full
    row = packed["statements"][analysis.statements.index(_nested(analysis)[0])]
    assert row[-1] == _nested(analysis)[0].in_quote  # the in_quote column, last in the row
    kirby = next(a for a in full["actors"] if a["name"] == "Ann Kirby")
    assert [full["statements"][i]["kind"] for i in kirby["statements"]] == ["direct", "reported"]


def test_the_statement_table_gives_the_quote_a_position_lies_in(nlp) -> None:
    analysis = analyse(TWO, nlp)
    rows = statement_rows(analysis, 0)
    assert all(list(row) == list(STATEMENT_COLUMNS) for row in rows)
    quoted = [(r["text"], r["speaker"], TWO[r["in_quote_start"]:r["in_quote_end"]]) for r in rows
              if r["in_quote_start"] is not None]
    assert quoted == [
        ("the budget is fine", "Ann Kirby", '"I think the budget is fine,"'),
        ("this budget", "Northgate Rail", '"We oppose this budget,"'),
    ]
    assert sum(r["in_quote_end"] is None for r in rows) == len(rows) - 2


def test_a_correction_that_removes_a_statement_keeps_in_quote_pointing_at_its_quote(nlp) -> None:
    analysis = analyse(TWO, nlp)
    first = analysis.statements[0]
    assert first.kind == "direct" and first.speaker == "Ann Kirby"
    removal = Correction.new("not_statement", anchor=Anchor.from_text(analysis.text, first.start, first.end))
    corrected, _ = apply_corrections(analysis, [removal])
    nested = _nested(corrected)
    assert [(s.text, corrected.statements[s.in_quote].text) for s in nested] == [
        ("this budget", '"We oppose this budget,"')
    ]
    orphan = next(s for s in corrected.statements if s.text == "the budget is fine")
    assert orphan.in_quote is None


# -- the reader, through the Pilot -------------------------------------------------------------------

READER_TEXT = (
    'Mayor Ann Kirby spoke on Monday. "I think the budget is fine," Kirby said.\n\n'
    '"My opponent wants to raise your taxes," said Tom Hale, a councillor.'
)


def _reader_app(nlp) -> tuple[BylineApp, Analysis]:
    article = Article(text=READER_TEXT, source="nested.txt")
    analysis = analyze(article, nlp=nlp, use_cache=False)
    return BylineApp(article, analysis=analysis), analysis


def _shows(app: BylineApp, style: Style, key: str) -> bool:
    return style + app.style_for(key) == style


def _look(app: BylineApp, offset: int) -> Style:
    return app.reader.article_view.style_at(offset).clear_meta_and_links()


async def test_brackets_step_from_the_quote_to_the_position_inside_it(nlp) -> None:
    app, analysis = _reader_app(nlp)
    nested = _nested(analysis)
    assert [(s.text, s.speaker) for s in nested] == [
        ("the budget is fine", "Ann Kirby"),
        ("raise your taxes", "Tom Hale's opponent"),
    ]
    believes = nested[0]
    quote = analysis.statements[believes.in_quote]  # type: ignore[index]
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        budget = READER_TEXT.index("budget")
        think = READER_TEXT.index("think")
        # The quote is drawn as a quote all through: the position inside it adds no layer of its own.
        assert _look(app, budget) == _look(app, think)
        assert _shows(app, _look(app, budget), "quote.direct")
        await pilot.press("r", "right_square_bracket")
        assert reader.state.current_quote is quote
        await pilot.press("right_square_bracket")
        assert reader.state.current_quote is believes
        assert reader.status_line.location == (
            "Statement 2/4 (reported) · Ann Kirby, Mayor · think · believes · in Ann Kirby's quote"
        )
        assert _shows(app, _look(app, budget), "quote.current")
        assert not _shows(app, _look(app, READER_TEXT.index("I think")), "quote.current")
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert reader.state.current_quote is nested[1]
        assert "Tom Hale's opponent · wants · in Tom Hale's quote" in reader.status_line.location


async def test_the_statements_tab_lists_the_position_under_its_quote(nlp) -> None:
    app, analysis = _reader_app(nlp)
    believes = _nested(analysis)[0]
    index = analysis.statements.index(believes)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("S")
        panel = app.reader.statements_panel
        rows = panel.rows
        assert rows[rows.index((believes.in_quote, 0)) + 1] == (index, 1)
        assert [i for i, _ in rows].count(index) == 1
        label = str(panel.option_list.get_option_at_index(rows.index((index, 1))).prompt)
        assert label.startswith("  ↳ ¶1  Ann Kirby, Mayor · reported · belief (believes)")
        await pilot.press(*["down"] * rows.index((index, 1)), "enter")
        assert app.reader.state.current_quote is believes
        assert app.reader.article_view.is_visible(believes.start)


async def test_the_actors_panel_lists_the_position_under_its_holder_and_frame(nlp) -> None:
    app, analysis = _reader_app(nlp)
    believes = _nested(analysis)[0]
    kirby = next(a for a in analysis.actors if a.name == "Ann Kirby")
    hale = next(a for a in analysis.actors if a.name == "Tom Hale")
    assert [analysis.statements[i].kind for i in hale.statements] == ["direct"]  # never his opponent's
    async with app.run_test(size=(140, 40)) as pilot:
        reader = app.reader
        await pilot.press("a")
        panel = reader.actors_panel
        assert panel.select_actor(kirby.id)
        await pilot.press("right")
        node = panel.cursor_node
        assert node is not None
        assert str(node.label).endswith("· says 1 · believes 1")
        children = [str(child.label) for child in node.children]
        assert children == [
            'says: "I think the budget is fine," direct (said)',
            "believes: the budget is fine reported in a quote (think)",
        ]
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert reader.state.current_quote is believes
        location = reader.status_line.location
        assert "statement 2/2 (reported) · think · believes · in Ann Kirby's quote" in location
        assert _shows(app, _look(app, READER_TEXT.index("budget")), "quote.current")


def test_markdown_lists_the_position_once_in_plain_words_under_its_quote(nlp) -> None:
    article = Article(text=READER_TEXT, source="nested.txt")
    analysis = analyze(article, nlp=nlp, use_cache=False)
    document = build_export(article, analysis, [], all_quotes=True)
    markdown = to_markdown(document)
    actors = markdown[markdown.index("## Actors and positions"):]
    assert "- ¶1, reported belief, believes: the budget is fine (in the quote above)" in actors
    assert "- ¶2, reported intention, wants: raise your taxes (in Tom Hale's quote, ¶2)" in actors
    # The detected quotes are exported once each; the positions inside them are not extra items.
    assert [item.quote.kind for item in document.items if item.quote] == ["direct", "direct"]
    # The quote's item, the quote under Kirby, and her belief under it: no excerpt with cut marks.
    assert markdown.count("the budget is fine") == 3
    assert '"…the budget is fine' not in markdown and 'fine…"' not in markdown
    info = to_annotations(document)
    kirby = next(a for a in info["byline"]["actors"] if a["name"] == "Ann Kirby")
    assert kirby["statements"][1]["in_quote"]["text"] == "\"I think the budget is fine,\""


def test_the_html_page_draws_the_quote_whole_and_lists_the_position_in_plain_words(nlp) -> None:
    article = Article(text=READER_TEXT, source="nested.txt")
    analysis = analyze(article, nlp=nlp, use_cache=False)
    believes = _nested(analysis)[0]
    document = build_export(article, analysis, [])
    inside = [run.key for run in layer_runs(document)
              if run.start < believes.end and believes.start < run.end]
    assert "quote.direct" in inside and "quote.indirect" not in inside
    page = to_html(document)
    assert "believes</span> the budget is fine</li>" in page
