"""How sure an attribution is reaches the reader: dimmed runs, the status-line note, the export."""

from __future__ import annotations

import json

from reader.analysis.model import Analysis, Span, Statement
from reader.export import build_export, to_json, to_markdown
from reader.sources import Article
from reader.tui.highlights import DIM_KEY, Decorations, Layer, attribution_note

TEXT = '"We will appeal," said Hale Brennan.\n"This is not over," he said.\n"We go on."'


def _analysis() -> Analysis:
    def statement(start: int, end: int, how: str, confidence: float, mention: Span | None) -> Statement:
        return Statement(
            start=start,
            end=end,
            text=TEXT[start:end],
            kind="direct",
            parts=[Span(start + 1, end - 2, TEXT[start + 1 : end - 2])],
            speaker="Hale Brennan",
            speaker_mention=mention,
            actor="hale-brennan",
            how=how,
            confidence=confidence,
        )

    second = TEXT.index('"This')
    third = TEXT.index('"We go')
    return Analysis(
        text=TEXT,
        source="case",
        statements=[
            statement(0, 17, "tag", 0.95, Span(23, 35, "Hale Brennan")),
            statement(second, second + 20, "pronoun", 0.7, Span(second + 21, second + 23, "he")),
            statement(third, len(TEXT), "inherited", 0.7, None),
        ],
    )


def test_inherited_and_pronoun_statements_are_dimmed() -> None:
    analysis = _analysis()
    decorations = Decorations.from_analysis(analysis)
    dimmed = [run for run in decorations.layers[Layer.QUOTES].overlapping(0, len(TEXT)) if run.key == DIM_KEY]
    assert [(run.start, run.end) for run in dimmed] == [
        (s.start, s.end) for s in analysis.statements if s.how in ("pronoun", "inherited")
    ]


def test_the_status_line_says_why() -> None:
    tag, pronoun, inherited = _analysis().statements
    assert attribution_note(tag) == ""
    assert attribution_note(pronoun) == " · dimmed: “he” resolved to the speaker, confidence 0.70"
    assert attribution_note(inherited) == (
        " · dimmed: speaker carried over from the statement before, confidence 0.70"
    )


def test_export_carries_how_and_confidence() -> None:
    analysis = _analysis()
    document = build_export(Article(text=TEXT, source="case"), analysis, [], all_quotes=True)
    quotes = [item["byline"]["quote"] for item in json.loads(to_json(document))["first"]["items"]]
    assert [(q["how"], q["confidence"]) for q in quotes] == [
        ("tag", 0.95),
        ("pronoun", 0.7),
        ("inherited", 0.7),
    ]
    assert "speaker pronoun, confidence 0.70" in to_markdown(document)


def test_json_round_trip_keeps_how_and_confidence() -> None:
    analysis = _analysis()
    again = Analysis.from_dict(json.loads(json.dumps(analysis.to_dict())))
    assert [(s.how, s.confidence) for s in again.statements] == [
        ("tag", 0.95),
        ("pronoun", 0.7),
        ("inherited", 0.7),
    ]
