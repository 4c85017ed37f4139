"""Long texts: parsed in paragraph chunks, with partial results for a reader that will not wait."""

from __future__ import annotations

from reader.analysis import pipeline
from reader.analysis.pipeline import analyze_with, chunk_spans
from reader.sources import Article


def test_long_paragraphs_are_cut_at_whitespace_and_cover_the_text() -> None:
    text = ("word " * 9000).strip() + "\nshort paragraph\n"
    chunks = chunk_spans(text, max_chars=10_000)
    assert all(end - start <= 10_000 for start, end in chunks)
    assert "".join(text[s:e] for s, e in chunks).replace("\n", "") == text.replace("\n", "")
    assert all(text[e - 1] == " " or e == len(text) or text[e] == "\n" for s, e in chunks[:-1])


def test_partial_results_come_first_and_the_final_result_is_complete(nlp, kursk_text, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "PARTIAL_INTERVAL", 0.0)
    partials = []
    final = analyze_with(nlp, Article(text=kursk_text, source="k"), on_partial=partials.append)
    # The direct quotations need no parse, so the first partial result already has them.
    assert [q.parts[0].text[:20] for q in partials[0].statements] == [
        q.parts[0].text[:20] for q in final.statements if q.kind == "direct"
    ]
    assert partials[0].entities == []
    assert len(partials) > 2 and len(partials[-1].entities) > 0
    assert all(q.speaker is None for q in partials[-1].statements)
    (ushakov,) = [s for s in final.statements if s.text.startswith("the current situation is not conducive")]
    assert ushakov.speaker == "Yuri Ushakov"


def test_a_quote_running_over_paragraphs_survives_chunking(nlp) -> None:
    text = (
        'Councillor Ana Ruiz spoke for twenty minutes. "The plan is not finished.\n'
        '"It has no budget and no timetable.\n'
        '"We will vote against it," Ruiz said.'
    )
    (quote,) = analyze_with(nlp, Article(text=text, source="t")).statements
    assert len(quote.parts) == 3 and quote.speaker == "Ana Ruiz"
